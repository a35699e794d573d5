//! Data-driven checks that the claim rules generalise (issue 11): events
//! told as noun phrases, presence told with other verbs, coordination,
//! open-class titles and places, departures told in other words, and
//! sentences that must give nothing. Every name and place is invented.

use chrono::NaiveDate;
use claimdesk::{ClaimKind, extract};

/// A Wednesday, so "Monday" ahead and "Thursday" behind are known days.
fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2025, 3, 12)
}

fn render(text: &str, kind: ClaimKind, with_date: bool) -> Vec<String> {
    extract(text, published())
        .claims
        .iter()
        .filter(|c| c.kind() == kind)
        .map(|c| {
            c.fields
                .pairs()
                .iter()
                .filter(|(k, _)| with_date || *k != "date")
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .collect()
}

fn check(kind: ClaimKind, input: &str, expected: &[&str]) {
    assert_eq!(render(input, kind, false), expected, "\ninput: {input:?}");
}

/// Checks every case of a table and reports all that fail at once.
fn check_all(kind: ClaimKind, cases: &[(&str, &[&str])]) {
    let failed: Vec<String> = cases
        .iter()
        .filter_map(|(input, expected)| {
            let got = render(input, kind, false);
            (got != *expected)
                .then(|| format!("input: {input:?}\n  got:  {got:?}\n  want: {expected:?}"))
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} failed:\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}

/// The people a kind's claims name, in order.
fn people(kind: ClaimKind, input: &str) -> Vec<String> {
    render(input, kind, false)
        .iter()
        .filter_map(|r| {
            r.split("; ")
                .find_map(|f| f.strip_prefix("person=").or(f.strip_prefix("speaker=")))
                .map(str::to_string)
        })
        .collect()
}

fn check_people(kind: ClaimKind, input: &str, expected: &[&str]) {
    assert_eq!(people(kind, input), expected, "\ninput: {input:?}");
}

#[test]
fn events_told_as_noun_phrases() {
    use ClaimKind::Attendance;
    for (input, expected) in [
        (
            "Crowds gathered during Governor Ilse Marven's two-day visit to Kestrel Bay.",
            &[
                "person=Ilse Marven; event=two-day visit to Kestrel Bay; place=Kestrel Bay; planned=false",
            ][..],
        ),
        (
            "Prices rose after a closed-door meeting between Trade Minister Oskar Lindqvist and his counterpart, Petra Haldane, on Thursday.",
            &[
                "person=Oskar Lindqvist; event=closed-door meeting with Petra Haldane; planned=false",
                "person=Petra Haldane; event=closed-door meeting with Oskar Lindqvist; planned=false",
            ][..],
        ),
        (
            "Ivo Lund's dinner on Friday with Mayor Ana Pelk ran late.",
            &[
                "person=Ivo Lund; event=dinner with Ana Pelk; planned=false",
                "person=Ana Pelk; event=dinner with Ivo Lund; planned=false",
            ][..],
        ),
        (
            "The briefing was attended by Senator Ruth Omari.",
            &["person=Ruth Omari; event=briefing; planned=false"][..],
        ),
    ] {
        check(Attendance, input, expected);
    }
    // Dated and planned: "which begins on Monday" is the coming Monday.
    let got = render(
        "Security is tight for the state visit of Premier Anton Vessel, which begins on Monday.",
        Attendance,
        true,
    );
    assert_eq!(
        got,
        ["person=Anton Vessel; event=state visit; date=2025-03-17; planned=true"],
    );
    let got = render(
        "Markets calmed after a meeting between Finance Minister Oskar Lindqvist and Mayor Ana Pelk on Thursday.",
        Attendance,
        true,
    );
    assert!(
        got.iter().all(|c| c.contains("date=2025-03-06")) && got.len() == 2,
        "{got:?}"
    );
}

#[test]
fn presence_told_with_other_verbs() {
    use ClaimKind::Attendance;
    for (input, expected) in [
        (
            "Speaking at a rally in Dunhollow on Saturday, Councillor Mira Solberg promised new ferries.",
            &["person=Mira Solberg; event=rally; place=Dunhollow; planned=false"][..],
        ),
        (
            "Valmora will be represented at the summit by its deputy minister, Kasia Lind.",
            &["person=Kasia Lind; event=summit; planned=true"][..],
        ),
        (
            "Mayor Ana Pelk took to the stage at the festival.",
            &["person=Ana Pelk; event=festival; planned=false"][..],
        ),
        (
            "Mayor Ana Pelk spent the afternoon at the harbour museum.",
            &["person=Ana Pelk; event=visit to harbour museum; planned=false"][..],
        ),
        (
            "Mayor Ana Pelk heads to Dunhollow next week.",
            &["person=Ana Pelk; event=visit to Dunhollow; place=Dunhollow; planned=true"][..],
        ),
        (
            "Mayor Ana Pelk flew to Rotterdam for talks with port officials.",
            &["person=Ana Pelk; event=talks with port officials; place=Rotterdam; planned=false"][..],
        ),
    ] {
        check(Attendance, input, expected);
    }
}

#[test]
fn coordination_and_lists() {
    use ClaimKind::Attendance;
    check_people(
        Attendance,
        "Mayor Ana Pelk inspected the terminal and met with dock workers.",
        &["Ana Pelk", "Ana Pelk"],
    );
    check_people(
        Attendance,
        "Minister Ivo Lund will meet Harbour Commissioner Elsa Dunmore, Treasury adviser Jon Pike and Sara Velt, a member of the city council.",
        &["Ivo Lund", "Elsa Dunmore", "Jon Pike", "Sara Velt"],
    );
    check(
        Attendance,
        "Minister Ivo Lund is due to visit Kestrel Bay and Dunhollow next week.",
        &[
            "person=Ivo Lund; event=visit to Kestrel Bay; place=Kestrel Bay; planned=true",
            "person=Ivo Lund; event=visit to Dunhollow; place=Dunhollow; planned=true",
        ],
    );
    // A plural description refers back to the people just named.
    check_people(
        Attendance,
        "Mayor Ivo Lund and Ana Pelk arrived late. The two officials later attended a briefing.",
        &["Ivo Lund", "Ana Pelk"],
    );
}

#[test]
fn places_need_not_be_listed() {
    use ClaimKind::Attendance;
    for (input, expected) in [
        (
            "Ana Pelk arrived in Veldmoor on Monday.",
            &["person=Ana Pelk; event=visit to Veldmoor; place=Veldmoor; planned=false"][..],
        ),
        (
            "Ana Pelk visited Wrocław last week.",
            &["person=Ana Pelk; event=visit to Wrocław; place=Wrocław; planned=false"][..],
        ),
        (
            "Ana Pelk met Ivo Lund in Brno.",
            &[
                "person=Ana Pelk; event=meeting with Ivo Lund; place=Brno; planned=false",
                "person=Ivo Lund; event=meeting with Ana Pelk; place=Brno; planned=false",
            ][..],
        ),
    ] {
        check(Attendance, input, expected);
    }
}

#[test]
fn departures_told_in_other_words() {
    use ClaimKind::Dismissal;
    for (input, expected) in [
        (
            "King Ivo of Valmora abdicated on Sunday.",
            &["person=Ivo; role=King; how=resigned"][..],
        ),
        (
            "Mayor Ana Pelk was relieved of her duties on Monday.",
            &["person=Ana Pelk; role=Mayor; how=dismissed"][..],
        ),
        (
            "Ivo Lund announced his intention to step down.",
            &["person=Ivo Lund; how=resigned"][..],
        ),
        (
            "Without the vote, Ivo Lund would have had to resign.",
            &[][..],
        ),
        (
            "Ivo Lund was pushed into resigning.",
            &["person=Ivo Lund; how=resigned"][..],
        ),
    ] {
        check(Dismissal, input, expected);
    }
}

#[test]
fn nothing_to_claim() {
    for input in [
        "Ivo Lund met his match in the final round.",
        "Ivo Lund's visit was cancelled.",
        "Ivo Lund hopes to meet Ana Pelk in Dunhollow.",
        "Speaking to reporters, Ivo Lund said little.",
        "Ivo Lund, head of the harbour committee, said little.",
        "Ivo Lund spent seven years working at the harbour office in Dunhollow.",
        "Mayor Ivo Lund was met by hundreds of protesters.",
        "The listing was halted by the Stock Exchange of Dunhollow and Commissioner Ivo Lund.",
        "Ivo Lund said in Dunhollow, where leaders are meeting, that he was hopeful.",
    ] {
        check(ClaimKind::Attendance, input, &[]);
    }
}

#[test]
fn more_ways_to_be_present() {
    use ClaimKind::Attendance;
    for (input, expected) in [
        (
            "Mayor Ana Pelk chatted with Governor Ivo Lund.",
            &[
                "person=Ana Pelk; event=meeting with Ivo Lund; planned=false",
                "person=Ivo Lund; event=meeting with Ana Pelk; planned=false",
            ][..],
        ),
        (
            "Mayor Ana Pelk arrived at the party congress on Friday.",
            &["person=Ana Pelk; event=party congress; planned=false"][..],
        ),
        (
            "Mayor Ana Pelk heads back to Dunhollow.",
            &["person=Ana Pelk; event=visit to Dunhollow; place=Dunhollow; planned=false"][..],
        ),
        (
            "Mayor Ana Pelk left for Dunhollow.",
            &["person=Ana Pelk; event=visit to Dunhollow; place=Dunhollow; planned=false"][..],
        ),
        (
            "Mayor Ana Pelk went on a listening tour.",
            &["person=Ana Pelk; event=listening tour; planned=false"][..],
        ),
        (
            "The former auditor Ivo Lund is set to testify.",
            &["person=Ivo Lund; event=testimony; planned=true"][..],
        ),
        (
            "Crowds lined the route for Governor Ivo Lund's second inauguration.",
            &["person=Ivo Lund; event=second inauguration; planned=false"][..],
        ),
        (
            "Governor Ivo Lund praised the crew during a welcoming ceremony.",
            &["person=Ivo Lund; event=welcoming ceremony; planned=false"][..],
        ),
        (
            "Governor Ivo Lund and Mayor Ana Pelk argued. The two leaders met again in May.",
            &[
                "person=Ivo Lund; event=meeting; planned=false",
                "person=Ana Pelk; event=meeting; planned=false",
            ][..],
        ),
    ] {
        check(Attendance, input, expected);
    }
    // A possessor that does not attend.
    for input in [
        "Governor Ivo Lund's party lost the vote.",
        "Governor Ivo Lund's funeral was held on Monday.",
    ] {
        check(Attendance, input, &[]);
    }
}

#[test]
fn open_class_titles() {
    use ClaimKind::Role;
    check_all(
        Role,
        &[
            (
                "Sen. Ruth Omari spoke first.",
                &["person=Ruth Omari; role=Senator"][..],
            ),
            (
                "Gov. Ruth Omari and Lt. Gov. Ivo Lund spoke first.",
                &[
                    "person=Ruth Omari; role=Governor",
                    "person=Ivo Lund; role=Lieutenant Governor",
                ][..],
            ),
            (
                "Estonian Harbour Minister Ivo Lund spoke first.",
                &["person=Ivo Lund; role=Harbour Minister; org=Estonia"][..],
            ),
            (
                "The Sultan of Valmora, Ivo Lund, spoke first.",
                &["person=Ivo Lund; role=Sultan; org=Valmora"][..],
            ),
            (
                "King Ivo of Valmora spoke first.",
                &["person=Ivo; role=King; org=Valmora"][..],
            ),
            ("Sir Ivo Lund spoke first, then Dame Ana Pelk.", &[][..]),
            (
                "Ivo Lund resigned as Secretary for Harbours on Monday.",
                &["person=Ivo Lund; role=Secretary for Harbours"][..],
            ),
            (
                "Hana Ruiz, research director at the Osterlund Policy Lab, said the plan was sound.",
                &["person=Hana Ruiz; role=research director; org=Osterlund Policy Lab"][..],
            ),
            (
                "Ivo Lund, who is a former diplomat, spoke first.",
                &["person=Ivo Lund; role=former diplomat"][..],
            ),
            (
                "Ivo Lund became a senator in 2019.",
                &["person=Ivo Lund; role=senator"][..],
            ),
            (
                "US Ambassador Ivo Lund met us in Dunhollow.",
                &["person=Ivo Lund; role=Ambassador; org=US"][..],
            ),
            ("Ivo Lund is a shrewd politician.", &[][..]),
            ("Ivo Lund, a bold speaker, won the vote.", &[][..]),
        ],
    );
}

#[test]
fn a_group_named_before_a_plural_is_no_person() {
    check_people(
        ClaimKind::Attendance,
        "Minister Ivo Lund met Harbour Watch protesters.",
        &["Ivo Lund"],
    );
}

#[test]
fn honorifics_stay_out_of_names() {
    check_people(
        ClaimKind::Attendance,
        "Sir Ivo Lund met Dame Ana Pelk and Sheikh Omar Haddad in Dunhollow.",
        &["Ivo Lund", "Ana Pelk", "Omar Haddad"],
    );
}

#[test]
fn quotes_and_their_speakers() {
    use ClaimKind::Quote;
    check_all(
        Quote,
        &[
            (
                "Ivo Lund said the plan was \"reckless\".",
                &["speaker=Ivo Lund; quote=reckless"][..],
            ),
            (
                "Ana Pelk called the plan \"reckless\" and \"a waste of money\".",
                &[
                    "speaker=Ana Pelk; quote=reckless",
                    "speaker=Ana Pelk; quote=a waste of money",
                ][..],
            ),
            (
                "\"We will rebuild the pier,\" Hana Ruiz, research director at the Osterlund Policy Lab, said.",
                &["speaker=Hana Ruiz; quote=We will rebuild the pier,"][..],
            ),
            (
                "Mayor Ana Pelk rejected the bid, branding Ivo Lund \"a reckless gambler\".",
                &["speaker=Ana Pelk; quote=a reckless gambler"][..],
            ),
            (
                "Mayor Ana Pelk ended the talks with a warning that \"the door is now closed\".",
                &["speaker=Ana Pelk; quote=the door is now closed"][..],
            ),
            (
                "\"We won,\" Mayor Ana Pelk said on \"Harbour Hour.\" \"It was a long night.\"",
                &[
                    "speaker=Ana Pelk; quote=We won,",
                    "speaker=Ana Pelk; quote=It was a long night.",
                ][..],
            ),
            (
                "Mayor Ana Pelk met Mara Lund, the wife of Ivo Lund. \"We agreed on the route,\" she said.",
                &["speaker=Ana Pelk; quote=We agreed on the route,"][..],
            ),
            // The words of a spokesperson are not the principal's.
            (
                "A spokesman for Senator Caius Renner said \"the claim is false\".",
                &[][..],
            ),
            (
                "\"The claim is false,\" a spokesman for Senator Caius Renner said.",
                &[][..],
            ),
            (
                "Mayor Ana Pelk, with her husband Ivo Lund at her side, left, saying the city \"needs fresh hands.\"",
                &["speaker=Ana Pelk; quote=needs fresh hands."][..],
            ),
            ("Ivo Lund said the \"B\" shares would be sold.", &[][..]),
            (
                "Ivo Lund, deputy adviser to Mayor Ana Pelk, said the city would keep the term \"harbour tax\". \"We stand by it,\" Ivo Lund, a former sailor, said.",
                &["speaker=Ivo Lund; quote=We stand by it,"][..],
            ),
            // Scare quotes around a label are no quote.
            ("Ivo Lund runs a so-called \"harbour fund\".", &[][..]),
        ],
    );
}

#[test]
fn departures_with_two_word_objects_and_common_word_surnames() {
    check_all(
        ClaimKind::Dismissal,
        &[
            (
                "The club sacked Tomas Brenner on Monday.",
                &["person=Tomas Brenner; how=dismissed"][..],
            ),
            (
                "Governor Ilse Marven sacked Petra Haldane.",
                &["person=Petra Haldane; by=Ilse Marven; how=dismissed"][..],
            ),
        ],
    );
    // A surname that is a common word still takes part in every rule.
    check_people(
        ClaimKind::Attendance,
        "Prime Minister Ana May met Ivo Lund in Dunhollow. Later May met with Ana Pelk.",
        &["Ana May", "Ivo Lund", "Ana May", "Ana Pelk"],
    );
    check_people(
        ClaimKind::Dismissal,
        "Prime Minister Ana May faced a revolt. May resigned on Friday.",
        &["Ana May"],
    );
    check_people(
        ClaimKind::Quote,
        "Prime Minister Ana May spoke. \"We stay,\" May said.",
        &["Ana May"],
    );
}

#[test]
fn plural_titles_before_a_list_of_names() {
    use ClaimKind::Role;
    check_all(
        Role,
        &[
            (
                "Yesterday congressional leaders Jan Brede and Ola Fenn objected.",
                &[
                    "person=Jan Brede; role=congressional leader",
                    "person=Ola Fenn; role=congressional leader",
                ][..],
            ),
            (
                "The plan was opposed by two councillors, Jan Brede and Ola Fenn, on Monday.",
                &[
                    "person=Jan Brede; role=councillor",
                    "person=Ola Fenn; role=councillor",
                ][..],
            ),
            // After a comma only a numbered plural heads a list.
            ("Ana Pelk met local officials, Ivo Lund said.", &[][..]),
        ],
    );
}

#[test]
fn succession_gives_the_title_to_the_successor() {
    use ClaimKind::Role;
    check_all(
        Role,
        &[
            (
                "Kasia Lind replaced Jan Brede as mayor in May.",
                &[
                    "person=Kasia Lind; role=mayor",
                    "person=Jan Brede; role=mayor",
                ][..],
            ),
            (
                "Kasia Lind, who succeeded Jan Brede as mayor, declined to comment.",
                &[
                    "person=Kasia Lind; role=mayor",
                    "person=Jan Brede; role=mayor",
                ][..],
            ),
            // Only a prospect: the successor holds nothing yet.
            (
                "Ana Pelk is the favourite to replace Jan Brede as mayor.",
                &["person=Jan Brede; role=mayor"][..],
            ),
        ],
    );
}

#[test]
fn an_organization_name_may_hold_at() {
    use ClaimKind::{Quote, Role};
    let text = "\"We rarely see a plan this bold,\" Lena Torvik, the director of the Centre for Tidal Studies at Brenner University, told reporters.";
    check(
        Role,
        text,
        &["person=Lena Torvik; role=director; org=Centre for Tidal Studies at Brenner University"],
    );
    check_people(Quote, text, &["Lena Torvik"]);
    // "at" before a place that is no organization ends the name.
    check(
        Role,
        "Ivo Lund, the director of the Harbour Trust, spoke at Dunhollow.",
        &["person=Ivo Lund; role=director; org=Harbour Trust"],
    );
}

#[test]
fn present_in_a_place_for_an_event_and_trips_between_places() {
    use ClaimKind::Attendance;
    check_all(
        Attendance,
        &[
            (
                "Ana Pelk is in Dunhollow for a two-day meeting with Ivo Lund.",
                &[
                    "person=Ana Pelk; event=two-day meeting with Ivo Lund; place=Dunhollow; planned=false",
                    "person=Ivo Lund; event=two-day meeting with Ana Pelk; place=Dunhollow; planned=false",
                ][..],
            ),
            // A stay with no event is no attendance.
            ("Ana Pelk was in Dunhollow for the weekend.", &[][..]),
            (
                "Ana Pelk had already left Valmora for Dunhollow.",
                &["person=Ana Pelk; event=visit to Dunhollow; place=Dunhollow; planned=false"][..],
            ),
            ("Ana Pelk left the party for good.", &[][..]),
            // "failed" as an adjective: the talks took place.
            (
                "Ana Pelk's failed talks with Ivo Lund ended the plan.",
                &[
                    "person=Ana Pelk; event=failed talks with Ivo Lund; planned=false",
                    "person=Ivo Lund; event=failed talks with Ana Pelk; planned=false",
                ][..],
            ),
            // As a verb: they did not.
            ("Ana Pelk failed to attend the summit.", &[][..]),
        ],
    );
}

#[test]
fn capitalised_title_words_belong_to_the_title() {
    use ClaimKind::Role;
    check_all(
        Role,
        &[
            (
                "Harbour Daily Chief Medical Correspondent Ana Pelk spoke.",
                &["person=Ana Pelk; role=Chief Medical Correspondent; org=Harbour Daily"][..],
            ),
            (
                "Presiding Officer Ivo Lund opened the session.",
                &["person=Ivo Lund; role=Presiding Officer"][..],
            ),
            (
                "Valmora Deputy Harbour Minister Ana Pelk spoke.",
                &["person=Ana Pelk; role=Deputy Harbour Minister; org=Valmora"][..],
            ),
            // A denied title names no role.
            (
                "Though he is not the chief negotiator, Ivo Lund joined the talks.",
                &[][..],
            ),
        ],
    );
}

#[test]
fn labels_inside_a_noun_phrase_are_no_quotes() {
    use ClaimKind::Quote;
    check_all(
        Quote,
        &[
            (
                "Ana Pelk called it the harbour's \"existential issue.\"",
                &[][..],
            ),
            ("Ivo Lund called her \"snap\" election a gamble.", &[][..]),
            // Partial quotes that are words said stay quotes.
            (
                "Ivo Lund said the plan was \"reckless.\"",
                &["speaker=Ivo Lund; quote=reckless."][..],
            ),
            (
                "Ivo Lund called her \"reckless\" and walked out.",
                &["speaker=Ivo Lund; quote=reckless"][..],
            ),
        ],
    );
}

#[test]
fn people_given_as_descriptions_plurals_and_pronouns() {
    use ClaimKind::{Attendance, Role};
    check_all(
        Attendance,
        &[
            (
                "Trade Minister Oskar Lindqvist met Petra Haldane on Monday. The two officials later attended a briefing.",
                &[
                    "person=Oskar Lindqvist; event=meeting with Petra Haldane; planned=false",
                    "person=Petra Haldane; event=meeting with Oskar Lindqvist; planned=false",
                    "person=Oskar Lindqvist; event=briefing; planned=false",
                    "person=Petra Haldane; event=briefing; planned=false",
                ][..],
            ),
            (
                "Mayor Ana Pelk greeted Ivo Lund. Both leaders stressed their old ties during a welcoming ceremony in Dunhollow.",
                &[
                    "person=Ana Pelk; event=meeting with Ivo Lund; planned=false",
                    "person=Ivo Lund; event=meeting with Ana Pelk; planned=false",
                    "person=Ana Pelk; event=welcoming ceremony; place=Dunhollow; planned=false",
                    "person=Ivo Lund; event=welcoming ceremony; place=Dunhollow; planned=false",
                ][..],
            ),
            // The unnamed spokesman's "he" is the spokesman, so the next
            // sentence's "he" is the last person named: Ivo Lund.
            (
                "Ana Pelk met Sara Velt. The spokesman said he believed Ivo Lund had already left for Dunhollow. This week he is also due to visit Kestrel Bay.",
                &[
                    "person=Ana Pelk; event=meeting with Sara Velt; planned=false",
                    "person=Sara Velt; event=meeting with Ana Pelk; planned=false",
                    "person=Ivo Lund; event=visit to Dunhollow; place=Dunhollow; planned=false",
                    "person=Ivo Lund; event=visit to Kestrel Bay; place=Kestrel Bay; planned=true",
                ][..],
            ),
        ],
    );
    check(
        Role,
        "Governor Ilse Marven arrived in Kestrel Bay on Monday. The veteran regulator, who has chaired the port authority since 2009, met Petra Haldane.",
        &[
            "person=Ilse Marven; role=Governor",
            "person=Ilse Marven; role=chair; org=port authority",
        ],
    );
    // A bare "The mayor" is left to the titles the article gave.
    check_people(
        Attendance,
        "Mayor Ana Pelk spoke. Ivo Lund arrived later. The mayor then visited the harbour museum.",
        &["Ana Pelk"],
    );
}

#[test]
fn events_and_presence_in_more_words() {
    use ClaimKind::Attendance;
    check_all(
        Attendance,
        &[
            (
                "Ivo Lund arrives at the harbour board meeting in Dunhollow.",
                &["person=Ivo Lund; event=harbour board meeting; place=Dunhollow; planned=false"][..],
            ),
            (
                "It was a tense exchange between Mayor Ana Pelk, Councillor Ivo Lund, and council leaders Sara Velt and Piet Ander.",
                &[
                    "person=Ana Pelk; event=tense exchange with Ivo Lund and Sara Velt and Piet Ander; planned=false",
                    "person=Ivo Lund; event=tense exchange with Ana Pelk and Sara Velt and Piet Ander; planned=false",
                    "person=Sara Velt; event=tense exchange with Ana Pelk and Ivo Lund and Piet Ander; planned=false",
                    "person=Piet Ander; event=tense exchange with Ana Pelk and Ivo Lund and Sara Velt; planned=false",
                ][..],
            ),
            (
                "In a pointed speech to delegates, Councillor Mira Solberg defended the budget.",
                &["person=Mira Solberg; event=pointed speech; planned=false"][..],
            ),
            (
                "Ivo Lund praised the harbour dinner -- which he attended with his wife -- in a letter.",
                &["person=Ivo Lund; event=harbour dinner; planned=false"][..],
            ),
            (
                "Mayor Ana Pelk went on a \"listening tour\" across the northern provinces.",
                &[
                    "person=Ana Pelk; event=\"listening tour\" across the northern provinces; planned=false",
                ][..],
            ),
            (
                "Mayor Ana Pelk pressed her case for the budget in a town debate on Monday.",
                &["person=Ana Pelk; event=town debate; planned=false"][..],
            ),
            // A gallery's name is page furniture; its caption is text.
            (
                "Photos: Harbour days \u{2013} Mayor Ana Pelk and Councillor Ivo Lund, along with their dogs, spent time with pupils during a summer fair at the Dunhollow Guildhall in 2015.",
                &[
                    "person=Ana Pelk; event=summer fair; place=Dunhollow Guildhall; planned=false",
                    "person=Ivo Lund; event=summer fair; place=Dunhollow Guildhall; planned=false",
                ][..],
            ),
        ],
    );
    // "A, B meet": a bare verb after a comma list, as headlines write it.
    check_people(
        Attendance,
        "Mayor Ana Pelk spoke. Councillor Ivo Lund left. Ana Pelk, Ivo Lund meet before harbour talks",
        &["Ana Pelk", "Ivo Lund"],
    );
    // A place's title resolved to the one the article gave it to.
    check_people(
        Attendance,
        "President Ivo Lund of Peru arrived. Mayor Ana Pelk later met Peru's president.",
        &["Ana Pelk", "Ivo Lund"],
    );
}

#[test]
fn relationships_posts_by_verb_and_succession() {
    use ClaimKind::{Dismissal, Role};
    check_all(
        Role,
        &[
            (
                "Ivo Lund, a neighbor of Mayor Ana Pelk, said nothing.",
                &[
                    "person=Ivo Lund; role=neighbor; org=Ana Pelk",
                    "person=Ana Pelk; role=Mayor",
                ][..],
            ),
            (
                "Ivo Lund, a lifelong supporter of the Harbour Party, said nothing.",
                &["person=Ivo Lund; role=lifelong supporter; org=Harbour Party"][..],
            ),
            // A judgement is no relationship.
            (
                "Ivo Lund, a critic of Mayor Ana Pelk, said nothing.",
                &["person=Ana Pelk; role=Mayor"][..],
            ),
            (
                "Councillor Piet Ander founded the Valmora Light Party in 2001.",
                &[
                    "person=Piet Ander; role=Councillor",
                    "person=Piet Ander; role=founder; org=Valmora Light Party",
                ][..],
            ),
            // "chaired the meeting" is an event, not a post.
            ("Piet Ander chaired the meeting on Monday.", &[][..]),
            (
                "The council elected Sara Velt to succeed Mayor Ana Pelk as its new leader.",
                &[
                    "person=Sara Velt; role=new leader",
                    "person=Ana Pelk; role=Mayor",
                ][..],
            ),
            (
                // (After a first sentence: "Ivo Lund --" opening a story is a dateline.)
                "The council met. Ivo Lund -- who replaced Sara Velt as mayor -- spoke first.",
                &[
                    "person=Ivo Lund; role=mayor",
                    "person=Sara Velt; role=mayor",
                ][..],
            ),
        ],
    );
    check(
        Dismissal,
        "Councillor Ivo Lund left politics in 2009 to run a shipyard.",
        &["person=Ivo Lund; role=Councillor; how=other"],
    );
}

#[test]
fn names_in_more_shapes() {
    use ClaimKind::{Attendance, Quote};
    // An unlisted given name with a double-barrelled surname, named after
    // an appointment verb, then by its initials.
    check_people(
        Attendance,
        "The party elected Ottilie Brandt-Hollow as its leader on Friday. OBH later met Ivo Lund.",
        &["Ottilie Brandt-Hollow", "Ivo Lund"],
    );
    check_people(
        Attendance,
        "Ottilie Brandt-Hollow visits Kestrel Bay.",
        &["Ottilie Brandt-Hollow"],
    );
    // Two apostrophes typed for a double quotation mark.
    check(
        Quote,
        "Mayor Ana Pelk spoke last. ''We will not yield,\" Ana Pelk said.",
        &["speaker=Ana Pelk; quote=We will not yield,"],
    );
}

/// One case per error found by the spot-check of unseen articles (seed
/// 30112026), each written anew with invented names.
#[test]
fn regressions_from_the_unseen_spot_check() {
    use ClaimKind::{Attendance, Dismissal, Quote, Role};
    // "found" is also the past of "find"; a post is a definite body.
    check(Role, "Ivo Lund found an increase in cases.", &[]);
    // The bust goes, not the man.
    check(
        Dismissal,
        "Staff said a bust of Ivo Lund was removed from the hall.",
        &[],
    );
    // "dismiss X as ..." judges; "dismiss X as TITLE" removes.
    check(
        Dismissal,
        "Ana Pelk dismissed Ivo Lund as a minor figure.",
        &[],
    );
    check(
        Dismissal,
        "The board dismissed Ivo Lund as chairman.",
        &["person=Ivo Lund; how=dismissed"],
    );
    // A looks are no event.
    check(
        Attendance,
        "Mayor Ana Pelk spoke. Critics mocked Ana Pelk's physical appearance.",
        &[],
    );
    // An organization is no person.
    check(
        Role,
        "Publisher Harbour Light Studios released the book.",
        &[],
    );
    // A quotation over several paragraphs is one claim; the same words
    // twice are one claim.
    check_people(
        Quote,
        "Ivo Lund spoke at length.\n\n\"The harbour will open,\" Ivo Lund said. \"It will take time.\n\n\"And it will cost more than we hoped.\"\n\nLater he repeated: \"The harbour will open.\"",
        &["Ivo Lund", "Ivo Lund"],
    );
    // A name before a person noun modifies it: the speaker is the name
    // after.
    check_people(
        Quote,
        "President Ana Pelk left. \"He is a victim,\" said former senator and Pelk confidant Paul Lund.",
        &["Paul Lund"],
    );
    // A quotation that ends its sentence is not attributed by the next.
    check_people(
        Quote,
        "Ivo Lund bluntly admitted \"the plan is in trouble.\" Mayor Ana Pelk said the odds were poor.",
        &[],
    );
}

/// One case per error found by the second spot-check of unseen articles
/// (seed 1122026), written anew with invented names.
#[test]
fn regressions_from_the_second_spot_check() {
    use ClaimKind::{Attendance, Dismissal, Role};
    // A caption introduces the president; his wife is the one the text
    // calls by her given name, so "President Vance" is him.
    check_people(
        Attendance,
        "Photos: In pictures: President Vance in Europe US President Karl Vance, visiting a cemetery, laid a wreath. Hide Caption 1 of 9\n\nFirst lady Ana Vance visited a school in Kestrel Bay on Monday. Ana later rested.\n\nPresident Vance met Prime Minister Theresa Holm in London.",
        &["Ana Vance", "Karl Vance", "Theresa Holm"],
    );
    // "The Queen" is a person of her own, not a second title.
    check(
        Role,
        "The Queen and US President Karl Vance toured the palace.",
        &["person=Karl Vance; role=President; org=US"],
    );
    // Progressive, not passive: she dismissed the opposition.
    check(
        Dismissal,
        "Mayor Ana Pelk spoke. She was dismissing the opposition as weak.",
        &[],
    );
    // Capitalised common words before a given name describe the person:
    // the name is "Peter Vale", so "Vale" and "he" are him.
    check_people(
        ClaimKind::Quote,
        "Leading Liberal Reformer Peter Vale, who broke with his boss Ana Pelk, spoke. \"We can win,\" Vale wrote. \"Like the others,\" he continued, \"we will.\"",
        &["Peter Vale", "Peter Vale", "Peter Vale"],
    );
    // The same trip told again is one attendance; a second meeting with
    // someone else is another.
    check_people(
        Attendance,
        "Mayor Ana Pelk began a trip to Dunhollow on Friday. Her trip to Dunhollow drew crowds. She met Ivo Lund there and later met Sara Velt.",
        &["Ana Pelk", "Ana Pelk", "Ivo Lund", "Ana Pelk", "Sara Velt"],
    );
    // A pronoun in a fronted clause names the subject after its comma.
    check_people(
        Attendance,
        "Ana Pelk met Sara Velt. Before he arrived in Dunhollow on Monday, President Ivo Lund had spoken.",
        &["Ana Pelk", "Sara Velt", "Ivo Lund"],
    );
    // A lower-case title opening an appositive shows a person; her "she
    // said" is hers.
    check_people(
        ClaimKind::Quote,
        "Mayor Ana Pelk left early. Neera Vale, president of the Harbour Trust, stayed. \"We win,\" she said.",
        &["Neera Vale"],
    );
    // A particle joined to a surname stays in the name, and the surname
    // alone finds it again.
    check_people(
        Attendance,
        "President Karim al-Vessar spoke. Later, Vessar met Mayor Ana Pelk.",
        &["Karim al-Vessar", "Ana Pelk"],
    );
    // A later clause that denies the event, and "visited none".
    check(
        Attendance,
        "Mayor Ana Pelk was due to open the harbour fair, but she did not attend.",
        &[],
    );
    check(
        Attendance,
        "Mayor Ana Pelk has visited none of the northern provinces.",
        &[],
    );
    // "has yet to meet": not yet.
    check(Attendance, "Mayor Ana Pelk has yet to meet Ivo Lund.", &[]);
    // His party is a political party, not a gathering.
    check(Attendance, "Mayor Ana Pelk led her party to victory.", &[]);
    // One title told twice is one role; a lesser title is another.
    check(
        Role,
        "Council President Ana Pelk spoke. Later, President Ana Pelk met Vice President Ivo Lund.",
        &[
            "person=Ana Pelk; role=Council President",
            "person=Ivo Lund; role=Vice President",
        ],
    );
}
