//! A hand-built claim report shared by the `report_*` tests: a short article
//! written for these tests (hostile on purpose: `<script>`, quotes, commas
//! and line breaks in its title, sentences and review notes), its claims of
//! every kind and status, review histories and changes since revision 1.

#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use claimdesk::compare::{ClaimChange, FieldChange};
use claimdesk::model::{Claim, ClaimFields, DismissalHow, Sentence, Status, TimexType};
use claimdesk::report::{
    ArticleInfo, ClaimDelta, ClaimEntry, Evidence, Filter, Organization, PreviousRevision,
    RemovedClaim, ReportInput, Review,
};

pub const TITLE: &str = "Harbour council \"rethinks\" <script>alert(1)</script> budget, again";
pub const URL: &str = "https://news.example.org/2025/11/harbour-budget";

pub const S1: &str =
    "The council will vote on the revised budget on Friday, after a heated session.";
pub const S2: &str =
    "Port director Tomas Reyes was dismissed by the board on Wednesday, two officials said.";
pub const S3: &str = "\"We will not cut, not one <script> line,\" said deputy mayor Lena Ortiz.";
pub const S4: &str = "Ortiz is to attend the regional water summit in Valparaíso next week.";
pub const S5: &str = "Ada Mensah, the council's finance chair, did not comment.";
pub const S6: &str = "In a statement released late on Tuesday evening, the board said the decision had been under discussion since March, long before the audit began.";
pub const S7: &str =
    "The harbour's new ferry terminal opened in the summer of 2024, officials noted.";

/// The article text: the sentences above, one per line.
pub fn article_text() -> String {
    [S1, S2, S3, S4, S5, S6, S7].join("\n")
}

pub fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .unwrap_or_default()
}

/// A claim over `span` in `sentence` of the article, with its evidence.
pub fn claim_in(sentence: &str, span: &str, fields: ClaimFields) -> (Claim, Evidence) {
    let text = article_text();
    let s_start = text.find(sentence).expect("sentence in article");
    let start = s_start + sentence.find(span).expect("span in sentence");
    let idx = [S1, S2, S3, S4, S5, S6, S7]
        .iter()
        .position(|s| *s == sentence)
        .unwrap_or(0);
    let claim = Claim {
        start,
        end: start + span.len(),
        text: span.to_string(),
        sentence: idx,
        confidence: 0.9,
        fields,
    };
    let ev = Evidence::locate(
        &text,
        Sentence {
            start: s_start,
            end: s_start + sentence.len(),
        },
        &claim,
    )
    .expect("evidence located");
    (claim, ev)
}

fn review(
    status: Status,
    note: Option<&str>,
    who: Option<&str>,
    when: Option<DateTime<Utc>>,
) -> Review {
    Review {
        status,
        note: note.map(String::from),
        sources: Vec::new(),
        reviewer: who.map(String::from),
        reviewed_at: when,
        revision: when.map(|_| 2),
    }
}

fn entry(
    id: i64,
    ce: (Claim, Evidence),
    review: Review,
    history: Vec<Review>,
    change: ClaimChange,
) -> ClaimEntry {
    ClaimEntry {
        conflicting: Vec::new(),
        id,
        claim: ce.0,
        evidence: ce.1,
        review,
        history,
        change: Some(ClaimDelta {
            change,
            fields: Vec::new(),
        }),
    }
}

pub const FALSE_NOTE: &str =
    "The board \"suspended\" Reyes, it did not dismiss him.\nSee the minutes, item 4.";

/// The full report used by most tests.
pub fn sample() -> ReportInput {
    let mut friday = entry(
        11,
        claim_in(
            S1,
            "Friday",
            ClaimFields::Date {
                value: "2025-11-28".into(),
                timex_type: TimexType::Date,
            },
        ),
        Review {
            sources: vec![
                "https://council.example.org/agenda/2025-11-28".into(),
                "Phone call with the council clerk, 27 Nov".into(),
            ],
            ..review(
                Status::Verified,
                Some("Confirmed against the published agenda."),
                Some("Ana Ruiz"),
                Some(at(2025, 11, 27, 15, 20)),
            )
        },
        vec![
            review(
                Status::Disputed,
                Some("Agenda not yet published; clerk says Thursday."),
                Some("Ben Cole"),
                Some(at(2025, 11, 26, 10, 5)),
            ),
            review(
                Status::Verified,
                Some("Confirmed against the published agenda."),
                Some("Ana Ruiz"),
                Some(at(2025, 11, 27, 15, 20)),
            ),
        ],
        ClaimChange::Changed,
    );
    if let Some(d) = &mut friday.change {
        d.fields = vec![FieldChange {
            field: "value".into(),
            old: Some("2025-11-27".into()),
            new: Some("2025-11-28".into()),
        }];
    }
    let dismissed = entry(
        12,
        claim_in(
            S2,
            "was dismissed",
            ClaimFields::Dismissal {
                person: "Tomas Reyes".into(),
                role: Some("port director".into()),
                by: Some("the board".into()),
                date: Some("2025-11-26".into()),
                how: DismissalHow::Dismissed,
            },
        ),
        Review {
            sources: vec!["Board minutes, 26 Nov 2025, item 4".into()],
            ..review(
                Status::False,
                Some(FALSE_NOTE),
                Some("Ben Cole"),
                Some(at(2025, 11, 27, 9, 45)),
            )
        },
        vec![review(
            Status::False,
            Some(FALSE_NOTE),
            Some("Ben Cole"),
            Some(at(2025, 11, 27, 9, 45)),
        )],
        ClaimChange::Unchanged,
    );
    let quote = entry(
        13,
        claim_in(
            S3,
            "We will not cut, not one <script> line,",
            ClaimFields::Quote {
                speaker: "Lena Ortiz".into(),
                quote: "We will not cut, not one <script> line,".into(),
            },
        ),
        review(
            Status::Disputed,
            Some("Two council members recall \"not one line\", without the rest."),
            Some("Ana Ruiz"),
            Some(at(2025, 11, 27, 16, 0)),
        ),
        Vec::new(),
        ClaimChange::Added,
    );
    let summit = entry(
        14,
        claim_in(
            S4,
            "is to attend",
            ClaimFields::Attendance {
                person: "Lena Ortiz".into(),
                event: "the regional water summit".into(),
                place: Some("Valparaíso".into()),
                date: Some("2025-W49".into()),
                planned: true,
            },
        ),
        Review::unreviewed(),
        Vec::new(),
        ClaimChange::Unchanged,
    );
    let chair = entry(
        15,
        claim_in(
            S5,
            "the council's finance chair",
            ClaimFields::Role {
                person: "Ada Mensah".into(),
                role: "finance chair".into(),
                org: Some("the council".into()),
            },
        ),
        review(
            Status::Unverifiable,
            Some("No public list of committee chairs."),
            Some("Ana Ruiz"),
            None,
        ),
        Vec::new(),
        ClaimChange::Unchanged,
    );
    let march = entry(
        16,
        claim_in(
            S6,
            "March",
            ClaimFields::Date {
                value: "2025-03".into(),
                timex_type: TimexType::Date,
            },
        ),
        review(
            Status::Verified,
            None,
            Some("Ben Cole"),
            Some(at(2025, 11, 27, 11, 30)),
        ),
        Vec::new(),
        ClaimChange::Unchanged,
    );
    let summer = entry(
        17,
        claim_in(
            S7,
            "the summer of 2024",
            ClaimFields::Date {
                value: "2024-SU".into(),
                timex_type: TimexType::Date,
            },
        ),
        review(
            Status::NeedsRecheck,
            Some("Sentence reworded since the last check."),
            Some("Ana Ruiz"),
            Some(at(2025, 11, 27, 17, 10)),
        ),
        Vec::new(),
        ClaimChange::Changed,
    );
    ReportInput {
        article: ArticleInfo {
            title: TITLE.into(),
            source: Some("articles/harbour-budget, rev 2.txt".into()),
            url: Some(URL.into()),
            published: NaiveDate::from_ymd_opt(2025, 11, 27),
            revision: 2,
            byline: Some("By Mira Holt".into()),
        },
        claims: vec![friday, dismissed, quote, summit, chair, march, summer],
        previous: Some(PreviousRevision {
            revision: 1,
            removed: vec![RemovedClaim {
                claim: Claim {
                    start: 0,
                    end: 14,
                    text: "harbour master".into(),
                    sentence: 8,
                    confidence: 0.8,
                    fields: ClaimFields::Role {
                        person: "Kofi Adjei".into(),
                        role: "harbour master".into(),
                        org: None,
                    },
                },
                status: Status::Verified,
            }],
        }),
        desk: Organization {
            name: "Northern Ledger Standards Desk".into(),
            url: Some("https://ledger.example.org/standards".into()),
        },
        report_url: None,
        generated_at: at(2025, 11, 27, 18, 0),
        filter: Filter::default(),
    }
}

/// The claim readings the sample must show, by claim id.
pub const READINGS: [(i64, &str); 3] = [
    (11, "Friday → Fri 28 Nov 2025"),
    (
        12,
        "Tomas Reyes was dismissed as port director by the board, on Wed 26 Nov 2025",
    ),
    (16, "March → March 2025"),
];
