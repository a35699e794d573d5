//! An article's claims as gold annotations, in the format of the
//! evaluation scripts (`shared/eval/CLAIMS-JSON.md`): claims located by
//! text, not offsets — `text` for dates, `evidence` for the other kinds —
//! with `occurrence` (1-based) when the same text comes earlier. With a
//! desk's corrected claims this turns its archive into test data for the
//! extractor (`claimdesk export-gold`).

use crate::model::Claim;
use chrono::NaiveDate;

/// The gold file of an article whose text is `text`: its publication
/// date, source and claims.
pub fn gold_json<'a>(
    text: &str,
    published: Option<NaiveDate>,
    source: Option<&str>,
    claims: impl IntoIterator<Item = &'a Claim>,
) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    if let Some(p) = published {
        out.insert("published".into(), p.to_string().into());
    }
    if let Some(s) = source {
        out.insert("source".into(), s.into());
    }
    let list: Vec<serde_json::Value> = claims
        .into_iter()
        .filter_map(|c| gold_claim(text, c))
        .collect();
    out.insert("claims".into(), list.into());
    serde_json::Value::Object(out)
}

/// One claim as a gold entry: its kind and fields, its span's text and
/// which occurrence of that text it is. None when the span is not in
/// `text`.
fn gold_claim(text: &str, c: &Claim) -> Option<serde_json::Value> {
    let snippet = text.get(c.start..c.end)?;
    let serde_json::Value::Object(mut map) = serde_json::to_value(&c.fields).ok()? else {
        return None;
    };
    let key = if matches!(c.fields, crate::model::ClaimFields::Date { .. }) {
        "text"
    } else {
        "evidence"
    };
    map.insert(key.into(), snippet.into());
    let n = occurrence(text, snippet, c.start);
    if n > 1 {
        map.insert("occurrence".into(), n.into());
    }
    Some(serde_json::Value::Object(map))
}

/// Which occurrence (1-based) of `snippet` starts at byte `at`, counting
/// overlapping ones as the scorer's search does.
fn occurrence(text: &str, snippet: &str, at: usize) -> usize {
    let mut n = 1;
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(snippet)) {
        let pos = from + i;
        if pos >= at {
            break;
        }
        n += 1;
        // Next character boundary after `pos`.
        from = pos + text[pos..].chars().next().map_or(1, char::len_utf8);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::occurrence;

    #[test]
    fn occurrences_count_like_the_scorer() {
        let cases: &[(&str, &str, usize, usize)] = &[
            ("Ada met Ada.", "Ada", 0, 1),
            ("Ada met Ada.", "Ada", 8, 2),
            ("aaa", "aa", 1, 2),
            ("é Ada é Ada", "Ada", 10, 2),
        ];
        for (text, snippet, at, want) in cases {
            assert_eq!(
                occurrence(text, snippet, *at),
                *want,
                "{text} {snippet} {at}"
            );
        }
    }
}
