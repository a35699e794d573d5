//! Error normalization of the backend module, and report file names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toError } from '../app/js/backend.js';
import { slug } from '../app/js/views/export.js';

test('every failure becomes {code, message}', () => {
  assert.deepEqual(toError({ code: 'not_found', message: 'No article 3.' }), { code: 'not_found', message: 'No article 3.' });
  assert.deepEqual(toError('window not found'), { code: 'internal', message: 'window not found' });
  assert.deepEqual(toError(new Error('boom')), { code: 'internal', message: 'boom' });
  assert.equal(toError(undefined).code, 'internal');
  assert.ok(toError(null).message.length > 0);
});

test('calls outside the shell fail with a clear message', async () => {
  const { listArticles } = await import('../app/js/backend.js');
  await assert.rejects(listArticles(), (e) => e.code === 'internal' && /desktop shell/.test(e.message));
});

test('report names are safe file names', () => {
  assert.equal(slug('Harbour council chair resigns: what next?'), 'harbour-council-chair-resigns-what-next');
  assert.equal(slug('Zoë’s café'), 'zoe-s-cafe');
  assert.equal(slug('¿¡!'), 'report');
});
