//! Corrections through the store: every correction (add, edit, dismiss,
//! restore) is an append-only event with who, when, before and after and a
//! unique uid; the machine's rows are never changed; every read (lists,
//! counts, search, reports) sees the corrected claims; and corrections
//! follow the article into new revisions, single adds and bulk imports
//! alike (text unchanged: kept; text changed: carried and re-checked).

use chrono::NaiveDate;
use claimdesk::load::{Document, Format, SourceKind};
use claimdesk::model::{ClaimFields, ClaimKind, Status};
use claimdesk::store::{
    ClaimEdit, ClaimFilter, CorrectionAction, Dismissed, ReviewInput, ReviewOrigin, Store,
    StoredClaim, Target,
};

const V1: &str = "HARROWGATE, April 2 - Lena Varga, the new chair of the Dockers Guild, said on Monday that \"the yard will reopen in June\". Her predecessor, Piet Kessel, resigned in March. Varga met the harbour board in Harrowgate on Tuesday. The board voted to sell the crane.";
/// The quote's sentence and the board's sentence unchanged; the meeting's
/// sentence reworded.
const V2: &str = "HARROWGATE, April 2 - Lena Varga, the new chair of the Dockers Guild, said on Monday that \"the yard will reopen in June\". Her predecessor, Piet Kessel, resigned in March. Varga met the full harbour board in Harrowgate on Tuesday evening. The board voted to sell the crane.";

fn doc(text: &str, id: Option<&str>) -> Document {
    let mut d = Document::new(text.to_string(), Format::Text);
    d.title = "Yard to reopen".into();
    d.published = NaiveDate::from_ymd_opt(2026, 4, 2);
    if let Some(id) = id {
        d.external_id = Some(id.to_string());
        d.source = Some(id.to_string());
        d.source_kind = SourceKind::Jsonl;
    }
    d
}

fn span(text: &str, needle: &str) -> (usize, usize) {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    (start, start + needle.len())
}

fn field(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn quote(store: &Store, article: i64) -> StoredClaim {
    store
        .claims(article, None, ClaimFilter::default())
        .expect("claims")
        .into_iter()
        .find(|c| c.claim.kind() == ClaimKind::Quote)
        .expect("the extractor finds the quote")
}

fn speaker(c: &StoredClaim) -> &str {
    match &c.claim.fields {
        ClaimFields::Quote { speaker, .. } => speaker,
        _ => "",
    }
}

#[test]
fn every_correction_is_an_event_and_every_read_sees_it() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("desk.db");
    let mut store = Store::open(&path).expect("store");
    let article = store
        .add(&doc(V1, None), Target::Auto)
        .expect("add")
        .article_id;
    let before = store.article_summary(article).expect("summary");

    // Edit: the quote is Piet Kessel's, say (an invented correction).
    let q = quote(&store, article);
    let edited = store
        .edit_claim(
            q.id,
            &ClaimEdit {
                span: None,
                fields: field(&[("speaker", "Piet Kessel")]),
            },
            Some("Ines"),
        )
        .expect("edit");
    assert_eq!(speaker(&edited), "Piet Kessel");
    assert!(edited.edited && !edited.added && !edited.dismissed);
    assert_eq!(speaker(&quote(&store, article)), "Piet Kessel");
    // The span too: the evidence and its sentence follow the new offsets.
    let wider = span(V1, "\"the yard will reopen in June\"");
    let respanned = store
        .edit_claim(
            q.id,
            &ClaimEdit {
                span: Some(wider),
                fields: Vec::new(),
            },
            Some("Ines"),
        )
        .expect("edit span");
    assert_eq!(
        (
            respanned.claim.start,
            respanned.claim.end,
            respanned.claim.text.as_str()
        ),
        (wider.0, wider.1, "\"the yard will reopen in June\"")
    );
    assert_eq!(speaker(&respanned), "Piet Kessel", "the fields stay");

    // Add: a claim the machine did not make.
    let (s, e) = span(V1, "The board voted to sell the crane");
    let added = store
        .add_claim(
            article,
            ClaimKind::Attendance,
            (s, e),
            &field(&[("person", "Lena Varga"), ("event", "board vote")]),
            Some("Ines"),
        )
        .expect("add claim");
    assert!(added.added && !added.edited);
    assert_eq!(added.claim.text, "The board voted to sell the crane");
    let list = store
        .claims(article, None, ClaimFilter::default())
        .expect("claims");
    assert!(list.iter().any(|c| c.id == added.id), "listed");
    assert!(
        list.windows(2)
            .all(|w| w[0].claim.start <= w[1].claim.start),
        "text order"
    );
    // It takes verdicts like any claim.
    store
        .review(
            added.id,
            &ReviewInput {
                status: Some(Status::Verified),
                reviewer: Some("Ines".into()),
                ..ReviewInput::default()
            },
        )
        .expect("review the added claim");

    // Dismiss: out of the lists and counts, visible under the filter.
    let date = list
        .iter()
        .find(|c| c.claim.kind() == ClaimKind::Date && c.claim.text == "Tuesday")
        .expect("the Tuesday date")
        .clone();
    let dismissed = store
        .dismiss_claim(
            date.id,
            Some("the meeting date is not in doubt"),
            Some("Ines"),
        )
        .expect("dismiss");
    assert!(dismissed.dismissed);
    let shown = store
        .claims(article, None, ClaimFilter::default())
        .expect("claims");
    assert!(!shown.iter().any(|c| c.id == date.id));
    let only = store
        .claims(
            article,
            None,
            ClaimFilter {
                dismissed: Dismissed::Only,
                ..ClaimFilter::default()
            },
        )
        .expect("dismissed claims");
    assert_eq!(only.iter().map(|c| c.id).collect::<Vec<_>>(), vec![date.id]);
    let after = store.article_summary(article).expect("summary");
    // One added (and verified), one dismissed: as many claims, one fewer to check.
    assert_eq!(after.claims, before.claims);
    assert_eq!(after.to_check, before.to_check - 1);

    // Search sees the corrected claims and not the dismissed one.
    let hits = store.search("Kessel reopen", 10).expect("search");
    assert!(hits.iter().any(|h| h.claim_id == Some(q.id)), "{hits:?}");
    let hits = store.search("crane", 10).expect("search");
    assert!(
        hits.iter().any(|h| h.claim_id == Some(added.id)),
        "{hits:?}"
    );

    // Restore.
    let restored = store.restore_claim(date.id, Some("Ines")).expect("restore");
    assert!(!restored.dismissed);
    assert_eq!(
        store.article_summary(article).expect("summary").to_check,
        before.to_check
    );

    // The history of a claim: every event with before and after.
    let events = store.corrections(date.id).expect("corrections");
    let actions: Vec<_> = events.iter().map(|e| e.action).collect();
    assert_eq!(
        actions,
        vec![CorrectionAction::Dismiss, CorrectionAction::Restore]
    );
    assert!(events.iter().all(|e| e.by.as_deref() == Some("Ines")));
    assert_eq!(
        events[0].reason.as_deref(),
        Some("the meeting date is not in doubt")
    );
    assert!(events[0].after.dismissed && !events[0].before.as_ref().is_some_and(|b| b.dismissed));
    let edit = &store.corrections(q.id).expect("corrections")[0];
    assert_eq!(
        edit.before.as_ref().map(speaker_of),
        Some(speaker(&q).to_string())
    );
    assert_eq!(speaker_of(&edit.after), "Piet Kessel");

    // Reports read the corrected claims.
    let input =
        claimdesk::report::from_store(&store, &article.to_string(), None, chrono::Utc::now())
            .expect("report input");
    let json = claimdesk::report::render(&input, claimdesk::report::Format::Json).expect("json");
    assert!(json.contains("Piet Kessel") && json.contains("board vote"));
    drop(store);

    // Nothing was overwritten: the machine's row still has its speaker, the
    // events are append-only, and every uid is 128 random bits.
    let conn = rusqlite::Connection::open(&path).expect("open");
    let machine: String = conn
        .query_row("SELECT fields FROM claims WHERE id = ?1", [q.id], |r| {
            r.get(0)
        })
        .expect("row");
    assert!(
        machine.contains(speaker(&q)) && !machine.contains("Kessel"),
        "{machine}"
    );
    assert!(
        conn.execute("UPDATE corrections SET actor = 'x'", [])
            .is_err(),
        "append-only"
    );
    assert!(
        conn.execute("DELETE FROM corrections", []).is_err(),
        "append-only"
    );
    let uids: Vec<String> = conn
        .prepare("SELECT uid FROM corrections")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .expect("uids");
    assert_eq!(uids.len(), 5);
    assert!(
        uids.iter()
            .all(|u| u.len() == 32 && u.chars().all(|c| c.is_ascii_hexdigit()))
    );
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len());
}

fn speaker_of(s: &claimdesk::store::ClaimState) -> String {
    match &s.claim.fields {
        ClaimFields::Quote { speaker, .. } => speaker.clone(),
        _ => String::new(),
    }
}

#[test]
fn bad_corrections_are_refused_and_change_nothing() {
    let mut store = Store::open_in_memory().expect("store");
    let article = store
        .add(&doc(V1, None), Target::Auto)
        .expect("add")
        .article_id;
    let q = quote(&store, article).id;
    let edit = |span: Option<(usize, usize)>, f: &[(&str, &str)]| ClaimEdit {
        span,
        fields: field(f),
    };
    let cases: Vec<(
        &str,
        Result<StoredClaim, claimdesk::store::StoreError>,
        &str,
    )> = vec![
        (
            "span past the end",
            store.edit_claim(q, &edit(Some((5, 99_999)), &[]), Some("I")),
            "not inside",
        ),
        (
            "empty span",
            store.edit_claim(q, &edit(Some((7, 7)), &[]), Some("I")),
            "not inside",
        ),
        (
            "unknown field",
            store.edit_claim(q, &edit(None, &[("person", "X")]), Some("I")),
            "no field \"person\"",
        ),
        (
            "nothing",
            store.edit_claim(q, &edit(None, &[]), Some("I")),
            "nothing to change",
        ),
        (
            "same value",
            store.edit_claim(q, &edit(None, &[("speaker", "Lena Varga")]), Some("I")),
            "already says",
        ),
        (
            "no name",
            store.edit_claim(q, &edit(None, &[("speaker", "X Y")]), None),
            "needs the name",
        ),
        (
            "restore undismissed",
            store.restore_claim(q, Some("I")),
            "not dismissed",
        ),
        (
            "no claim",
            store.dismiss_claim(999_999, None, Some("I")),
            "no claim",
        ),
        (
            "add without role",
            store.add_claim(
                article,
                ClaimKind::Role,
                (0, 10),
                &field(&[("person", "Lena Varga")]),
                Some("I"),
            ),
            "missing: role",
        ),
        (
            "bad date",
            store.add_claim(
                article,
                ClaimKind::Date,
                (0, 10),
                &field(&[("value", "soon")]),
                Some("I"),
            ),
            "not a TimeML value",
        ),
    ];
    for (what, got, want) in cases {
        match got {
            Ok(c) => panic!("{what}: accepted: {c:?}"),
            Err(e) => assert!(e.to_string().contains(want), "{what}: {e}"),
        }
    }
    assert!(store.corrections(q).expect("corrections").is_empty());
    // A claim of an old revision is corrected in the current one.
    let old = q;
    store
        .add(&doc(V2, None), Target::Article(article))
        .expect("v2");
    let e = store
        .dismiss_claim(old, None, Some("I"))
        .expect_err("old revision");
    assert!(e.to_string().contains("current revision is 2"), "{e}");
}

/// Corrects V1 the same way for both paths: the quote's speaker edited
/// (sentence unchanged in V2) and verified, a claim added in the board's
/// sentence (unchanged) and one in the meeting's (reworded), the
/// "March" date dismissed (unchanged).
fn correct_v1(store: &mut Store, article: i64) -> (i64, i64, i64, i64) {
    let q = quote(store, article).id;
    store
        .edit_claim(
            q,
            &ClaimEdit {
                span: None,
                fields: field(&[("speaker", "Piet Kessel")]),
            },
            Some("Ines"),
        )
        .expect("edit");
    store
        .review(
            q,
            &ReviewInput {
                status: Some(Status::Verified),
                ..ReviewInput::default()
            },
        )
        .expect("verify");
    let kept = store
        .add_claim(
            article,
            ClaimKind::Attendance,
            span(V1, "The board voted"),
            &field(&[("person", "Lena Varga"), ("event", "board vote")]),
            Some("Ines"),
        )
        .expect("add")
        .id;
    let changed = store
        .add_claim(
            article,
            ClaimKind::Role,
            span(V1, "Varga met the harbour board"),
            &field(&[
                ("person", "Lena Varga"),
                ("role", "guest of the harbour board"),
            ]),
            Some("Ines"),
        )
        .expect("add")
        .id;
    let march = store
        .claims(article, None, ClaimFilter::default())
        .expect("claims")
        .into_iter()
        .find(|c| c.claim.text == "March")
        .expect("the March date")
        .id;
    store
        .dismiss_claim(march, Some("background"), Some("Ines"))
        .expect("dismiss");
    (q, kept, changed, march)
}

fn check_carried(store: &Store, article: i64, ids: (i64, i64, i64, i64)) {
    let (q, kept, changed, march) = ids;
    let all = store
        .claims(
            article,
            Some(2),
            ClaimFilter {
                dismissed: Dismissed::Include,
                ..ClaimFilter::default()
            },
        )
        .expect("claims of revision 2");
    let follows = |old: i64| {
        all.iter()
            .find(|c| c.previous_id == Some(old))
            .unwrap_or_else(|| panic!("claim {old} not carried: {all:#?}"))
    };
    // The edited quote, unchanged: correction and verdict kept.
    let q2 = follows(q);
    assert_eq!(speaker(q2), "Piet Kessel");
    assert!(q2.edited);
    assert_eq!(q2.status, Status::Verified);
    let events = store.corrections(q2.id).expect("events");
    assert_eq!(
        events.len(),
        2,
        "the edit and its carried copy: {events:#?}"
    );
    assert_eq!(events[1].origin, ReviewOrigin::Carried);
    assert_eq!(events[1].revision, 2);
    // The added claim with unchanged text: kept, on its span in V2.
    let k2 = follows(kept);
    assert!(k2.added && k2.status == Status::Unreviewed);
    assert_eq!(&V2[k2.claim.start..k2.claim.end], "The board voted");
    // The added claim whose text changed: carried, to re-check, with why.
    let c2 = follows(changed);
    assert!(c2.added);
    assert_eq!(c2.status, Status::NeedsRecheck);
    let note = c2
        .review
        .as_ref()
        .and_then(|r| r.note.clone())
        .unwrap_or_default();
    assert!(note.contains("Varga met the harbour board"), "{note}");
    assert!(V2[c2.claim.start..c2.claim.end].contains("full harbour board"));
    // The dismissal of an unchanged claim: carried.
    let m2 = follows(march);
    assert!(m2.dismissed && m2.dismiss_reason.as_deref() == Some("background"));
    assert!(
        !store
            .claims(article, Some(2), ClaimFilter::default())
            .expect("claims")
            .iter()
            .any(|c| c.id == m2.id)
    );
}

#[test]
fn corrections_carry_over_to_a_new_revision() {
    let mut store = Store::open_in_memory().expect("store");
    let article = store
        .add(&doc(V1, None), Target::Auto)
        .expect("add")
        .article_id;
    let ids = correct_v1(&mut store, article);
    let added = store
        .add(&doc(V2, None), Target::Article(article))
        .expect("v2");
    assert_eq!(
        (added.corrections_kept, added.corrections_rechecked),
        (3, 1),
        "{added:?}"
    );
    check_carried(&store, article, ids);
}

#[test]
fn corrections_carry_over_through_a_bulk_import() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(&dir.path().join("desk.db")).expect("store");
    store
        .add_all(vec![Ok(doc(V1, Some("yard-1")))], |_| {})
        .expect("first import");
    let article = store.resolve_article("yard-1").expect("article");
    let ids = correct_v1(&mut store, article);
    store
        .add_all(vec![Ok(doc(V2, Some("yard-1")))], |_| {})
        .expect("second import");
    check_carried(&store, article, ids);
}
