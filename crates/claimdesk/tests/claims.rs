//! Data-driven checks of the claim rules: each case is a text written for
//! these tests and the exact claims of one kind it must give (as
//! `field=value` lists), including negated, hypothetical and demanded
//! statements that must give none.

use claimdesk::{ClaimKind, extract};

fn render(text: &str, kind: ClaimKind) -> Vec<String> {
    extract(text, None)
        .claims
        .iter()
        .filter(|c| c.kind() == kind)
        .map(|c| {
            c.fields
                .pairs()
                .iter()
                .filter(|(k, _)| *k != "date")
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .collect()
}

fn check(kind: ClaimKind, input: &str, expected: &[&str]) {
    let got = render(input, kind);
    assert_eq!(got, expected, "\ninput: {input:?}");
}

#[test]
fn roles() {
    use ClaimKind::Role;
    check(
        Role,
        "Secretary of State Ivan Petrenko spoke to reporters.",
        &["person=Ivan Petrenko; role=Secretary of State"],
    );
    check(
        Role,
        "Halvard Lunde, the chief of staff of Norway's armed forces, spoke first.",
        &["person=Halvard Lunde; role=chief of staff; org=Norway's armed forces"],
    );
    check(
        Role,
        "Prime Minister Anika Rowe's envoy Tomas Berg arrived late.",
        &[
            "person=Anika Rowe; role=Prime Minister",
            "person=Tomas Berg; role=envoy; org=Anika Rowe",
        ],
    );
    check(
        Role,
        "Rhys Eaton was named chairman of Tollan Widgets Corp on Monday.",
        &["person=Rhys Eaton; role=chairman; org=Tollan Widgets Corp"],
    );
    check(
        Role,
        "The rally was led by former Oslo mayor Petra Vik.",
        &["person=Petra Vik; role=former mayor; org=Oslo"],
    );
    check(
        Role,
        "Governor Ida Brenner fired her chief of staff and top adviser, Lars Holm, on Friday.",
        &[
            "person=Ida Brenner; role=Governor",
            "person=Lars Holm; role=chief of staff; org=Ida Brenner",
            "person=Lars Holm; role=top adviser; org=Ida Brenner",
        ],
    );
    check(
        Role,
        "Labour MP Jessa Quill and Tomas Reno of the Green Party spoke.",
        &[
            "person=Jessa Quill; role=MP; org=Labour",
            "person=Tomas Reno; role=member; org=Green Party",
        ],
    );
    check(
        Role,
        "Johan Falk had been president and chief operating officer.",
        &[
            "person=Johan Falk; role=president",
            "person=Johan Falk; role=chief operating officer",
        ],
    );
    // Nationality or a vague description alone is not a role.
    check(
        Role,
        "A British woman, Clara Nott, spoke to an official.",
        &[],
    );
}

#[test]
fn dismissals() {
    use ClaimKind::Dismissal;
    check(
        Dismissal,
        "President Olena Kravets sacked her defence minister, Ivan Lutsenko, on Friday.",
        &["person=Ivan Lutsenko; role=defence minister; by=Olena Kravets; how=dismissed"],
    );
    check(
        Dismissal,
        "Gregor Mair resigned as chairman of Tollan Bank.",
        &["person=Gregor Mair; role=chairman; how=resigned"],
    );
    check(
        Dismissal,
        "Mira Sand was fired by Dale Ortiz after the audit.",
        &["person=Mira Sand; by=Dale Ortiz; how=dismissed"],
    );
    check(
        Dismissal,
        "Paul Dunn, Rosa Lind and Omar Haddad stepped down. The union chief Ana Ruiz was suspended.",
        &[
            "person=Paul Dunn; how=resigned",
            "person=Rosa Lind; how=resigned",
            "person=Omar Haddad; how=resigned",
            "person=Ana Ruiz; role=union chief; how=suspended",
        ],
    );
    check(
        Dismissal,
        "Karl Ost, Vera Moss and Ian Tay ran the firm. Last month these men resigned.",
        &[
            "person=Karl Ost; how=resigned",
            "person=Vera Moss; how=resigned",
            "person=Ian Tay; how=resigned",
        ],
    );
    check(
        Dismissal,
        "Harold Voss, who was forced to resign in May, spoke. The board accepted the resignation of treasurer Tim Oakes.",
        &[
            "person=Harold Voss; how=resigned",
            "person=Tim Oakes; how=resigned",
        ],
    );
    // Negated, hypothetical and demanded departures.
    for text in [
        "Anna Kell refused to resign.",
        "Opposition lawmakers called on Tom Reed to resign.",
        "If Jane Holt resigns, the party will split.",
        "Paul Dunn did not resign.",
        "Critics demanded that Lena Fisk step down.",
        "Mark Vole will not quit, his office said.",
        "Lena Fisk denied she would step down.",
        "Will Sara Lund resign?",
        "Mahin Sayed is refusing to step down.",
        "The party made several attempts to oust Carl Benn.",
        "Protesters called for the resignation of Tomas Reno.",
    ] {
        check(Dismissal, text, &[]);
    }
}

#[test]
fn attendances() {
    use ClaimKind::Attendance;
    check(
        Attendance,
        "Foreign Minister Karl Brandt met with Yuki Sato in Geneva.",
        &[
            "person=Karl Brandt; event=meeting with Yuki Sato; place=Geneva; planned=false",
            "person=Yuki Sato; event=meeting with Karl Brandt; place=Geneva; planned=false",
        ],
    );
    check(
        Attendance,
        "Maria Lopez will visit Moscow next week.",
        &["person=Maria Lopez; event=visit to Moscow; place=Moscow; planned=true"],
    );
    check(
        Attendance,
        "Tomas Varga attended the summit in Brussels.",
        &["person=Tomas Varga; event=summit; place=Brussels; planned=false"],
    );
    check(
        Attendance,
        "Senator Ruth Omari led the delegation, which also included Piotr Nowak and adviser Lea Roux.",
        &[
            "person=Ruth Omari; event=delegation; planned=false",
            "person=Piotr Nowak; event=delegation; planned=false",
            "person=Lea Roux; event=delegation; planned=false",
        ],
    );
    check(
        Attendance,
        "President Ana Silva welcomed Chancellor Otto Brandt. Brandt, who attended the ceremony, left early.",
        &[
            "person=Ana Silva; event=meeting with Otto Brandt; planned=false",
            "person=Otto Brandt; event=meeting with Ana Silva; planned=false",
            "person=Otto Brandt; event=ceremony; planned=false",
        ],
    );
    // Leading a political party is not attending a party.
    check(
        Attendance,
        "Dara Quinn, who led the Green Party for a decade, retired. Omar Haddad led the Labour party too.",
        &[],
    );
    check(
        Attendance,
        "Omar Haddad attended the garden party at the embassy.",
        &["person=Omar Haddad; event=garden party; planned=false"],
    );
    // Negated and hypothetical attendance.
    for text in [
        "Nina Roth will not attend the summit.",
        "Erik Lund did not meet Omar Haddad.",
        "Erik Lund may meet Omar Haddad in Paris.",
        "Nina Roth refused to attend the hearing.",
        "It is unclear whether Erik Lund will visit Berlin.",
        "Erik Lund spoke to Omar Haddad by phone.",
        "Erik Lund's meeting with Omar Haddad was cancelled.",
    ] {
        check(Attendance, text, &[]);
    }
}

#[test]
fn quotes() {
    use ClaimKind::Quote;
    check(
        Quote,
        "\"We will win this vote,\" Dara Quinn said.",
        &["speaker=Dara Quinn; quote=We will win this vote,"],
    );
    check(
        Quote,
        "Dara Quinn told reporters: \"We will win this vote.\"",
        &["speaker=Dara Quinn; quote=We will win this vote."],
    );
    check(
        Quote,
        "\"We will win,\" said Dara Quinn. \"It is certain now.\"\n\n\"Nobody doubts it,\" the party said.\n\n\"That is a lie,\" Omar Haddad replied.\n\n\"And a bad one.\"",
        &[
            "speaker=Dara Quinn; quote=We will win,",
            "speaker=Dara Quinn; quote=It is certain now.",
            "speaker=Omar Haddad; quote=That is a lie,",
            "speaker=Omar Haddad; quote=And a bad one.",
        ],
    );
    check(
        Quote,
        "Minister Dara Quinn said she was in \"constant touch\" with allies. Quinn called the plan \"bold and overdue.\"",
        &[
            "speaker=Dara Quinn; quote=constant touch",
            "speaker=Dara Quinn; quote=bold and overdue.",
        ],
    );
    // A quotation left open at a paragraph's end runs on into the next:
    // one claim, named by the attribution at its end (the guide's `also`).
    check(
        Quote,
        "According to Dara Quinn, \"the vote is safe.\"\n\n\"We counted every ballot twice\n\n\"and we are sure,\" Quinn said.",
        &[
            "speaker=Dara Quinn; quote=the vote is safe.",
            "speaker=Dara Quinn; quote=We counted every ballot twice",
        ],
    );
    // "he" in the attribution is not someone named inside the quotation.
    check(
        Quote,
        "Tom Reyes chairs the board.\n\n\"I never liked Carl Benn,\" he said.",
        &["speaker=Tom Reyes; quote=I never liked Carl Benn,"],
    );
    // Organization-attributed, unattributed and scare quotes.
    for text in [
        "\"Sales will recover,\" Tollan Widgets said in its annual report.",
        "Harlow Mills, which makes paper, said: \"We will keep every mill open.\"",
        "\"Nonsense,\" the ministry said.",
        "The plan was \"bold\" and the vote was a \"triumph of hope.\"",
        "\"The talks went well,\" a spokesman for the office said.",
    ] {
        check(Quote, text, &[]);
    }
}

/// The dismissal date: a date in the sentence, else the article's own
/// date (its dateline) for a departure told in the present or present
/// perfect, else none.
#[test]
fn dismissal_dates() {
    fn dates(text: &str) -> Vec<String> {
        extract(text, None)
            .claims
            .iter()
            .filter_map(|c| match &c.fields {
                claimdesk::ClaimFields::Dismissal { person, date, .. } => {
                    Some(format!("{person}: {}", date.as_deref().unwrap_or("-")))
                }
                _ => None,
            })
            .collect()
    }
    let cases: &[(&str, &[&str])] = &[
        (
            "BERGEN, June 4, 2024 - Harriet Olmo resigned as treasurer on Monday.",
            &["Harriet Olmo: 2024-06-03"],
        ),
        (
            "BERGEN, June 4, 2024 - The board sacked its chairman, Harriet Olmo, in March.",
            &["Harriet Olmo: 2024-03"],
        ),
        (
            "BERGEN, June 4, 2024 - Harriet Olmo resigns as treasurer of the rowing club.",
            &["Harriet Olmo: 2024-06-04"],
        ),
        (
            "BERGEN, June 4, 2024 - Harriet Olmo has stepped down from the rowing club.",
            &["Harriet Olmo: 2024-06-04"],
        ),
        (
            "BERGEN, June 4, 2024 - Harriet Olmo has been suspended by the rowing club.",
            &["Harriet Olmo: 2024-06-04"],
        ),
        // Simple past with no date: when is not said.
        (
            "BERGEN, June 4, 2024 - Harriet Olmo resigned after the audit.",
            &["Harriet Olmo: -"],
        ),
        // No dateline and no publication date: nothing to anchor to.
        (
            "Harriet Olmo resigns as treasurer of the rowing club.",
            &["Harriet Olmo: -"],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(dates(text), *expected, "\ninput: {text:?}");
    }
}

/// Names outside the given-name lists, recognized by a title phrase in
/// apposition, and roles after a possessive organization or in a relative
/// clause.
#[test]
fn appositive_roles_of_unlisted_names() {
    use ClaimKind::{Dismissal, Role};
    check(
        Role,
        "A spokeswoman for the ferry board, Ilse Varga, told reporters on Monday.",
        &["person=Ilse Varga; role=spokeswoman; org=ferry board"],
    );
    check(
        Role,
        "Reporters later reached the museum's deputy director, Bram Okonjo, by phone.",
        &["person=Bram Okonjo; role=deputy director; org=museum"],
    );
    check(
        Role,
        "The plan was drafted by Tiva Mensah, who joined the council in 2019 as head of planning.",
        &["person=Tiva Mensah; role=head; org=planning"],
    );
    check(
        Dismissal,
        "The league's former treasurer, Bram Okonjo, had been suspended in May over missing funds.",
        &["person=Bram Okonjo; how=suspended"],
    );
    // No title phrase before the comma: not evidence of a person.
    for text in [
        "After the long winter in the valley, Ilse Varga, the town reopened.",
        "The players and the fans, Green Hollow, waited.",
    ] {
        check(Role, text, &[]);
    }
    // A word between two titles is the second one's organization.
    check(
        Role,
        "Voters met party leader Green MP Dara Quinn in May.",
        &["person=Dara Quinn; role=MP; org=Green"],
    );
    // The possessor is a short name-like phrase, not a clause.
    check(
        Role,
        "On Friday the guest will be welcomed by the mayor's husband, Piet Aalders.",
        &["person=Piet Aalders; role=husband; org=mayor"],
    );
    // The possessor is the organization; "for" / "of" give the remit,
    // "at" the employer.
    check(
        Role,
        "Lena Ostrova, Tollbank's vice president for investor relations, declined to comment.",
        &["person=Lena Ostrova; role=vice president; org=Tollbank"],
    );
    check(
        Role,
        "Lena Ostrova, Europe program director at the Dunmore Institute, spoke.",
        &["person=Lena Ostrova; role=program director; org=Dunmore Institute"],
    );
    check(
        Role,
        "Lena Ostrova, the agency's Director of field work, spoke.",
        &["person=Lena Ostrova; role=Director; org=agency"],
    );
    // A wished-for post is not a role held.
    check(
        Role,
        "Most voters want Dara Quinn to be the prime minister.",
        &[],
    );
    // "as" in a relative clause about a thing, not a person.
    check(
        Role,
        "The ferry, which joined the fleet in 2019 as a spare, sank.",
        &[],
    );
}

/// Book, film and song titles in quotation marks are not quotes, and works
/// or ordinals are not speakers.
#[test]
fn titles_are_not_quotes() {
    use ClaimKind::Quote;
    for text in [
        "Senator Dara Quinn wrote \"How to Win an Election.\"",
        "Dara Quinn praised \"The Long Road Home,\" her favourite film.",
        "Dara Quinn said she loved the song \"Blue River Nights.\"",
        "\"It moves me every time,\" the Ninth Symphony's program said.",
    ] {
        check(Quote, text, &[]);
    }
    // A title-cased slogan with a direct attribution, a nickname with an
    // honorific and an ordinary sentence stay quotes.
    check(
        Quote,
        "\"Build Every Bridge,\" Dara Quinn said.",
        &["speaker=Dara Quinn; quote=Build Every Bridge,"],
    );
    check(
        Quote,
        "Dara Quinn called him \"Mr. Budget\" in a speech.",
        &["speaker=Dara Quinn; quote=Mr. Budget"],
    );
    check(
        Quote,
        "Dara Quinn said: \"We will win the vote in May.\"",
        &["speaker=Dara Quinn; quote=We will win the vote in May."],
    );
}

#[test]
fn every_claim_points_at_its_evidence() {
    let text = "WIDGET MAKER NAMES CHIEF\n\nTOLEDO, April 2 - Acme Widgets Corp said Dora\nPelt was named president of the unit.\n    \"I am delighted,\" Pelt said.\n";
    let ex = extract(text, None);
    assert!(!ex.claims.is_empty());
    for c in &ex.claims {
        assert_eq!(&text[c.start..c.end], c.text);
        let s = ex.sentences[c.sentence];
        assert!(s.start <= c.start && c.start < s.end, "{c:?} not in {s:?}");
    }
    assert_eq!(
        render(text, ClaimKind::Role),
        ["person=Dora Pelt; role=president; org=unit"]
    );
    assert_eq!(
        render(text, ClaimKind::Quote),
        ["speaker=Dora Pelt; quote=I am delighted,"]
    );
}
