//! Revision comparison by category of correction: tables of invented
//! sentence pairs, `check(old, new, expected)`, with the alert side (a fact
//! changed: `changed` with a reason of the named kind) and the quiet side
//! (the same facts in other words: `reworded` or `cosmetic`). Every name
//! and sentence here is made up for these tests.

use claimdesk::compare::{ReasonKind, SentenceStatus, compare};

#[derive(Debug, Clone, Copy)]
enum Want {
    /// `changed`, with a reason of this kind.
    Changed(ReasonKind),
    /// `reworded` or `cosmetic` (or unchanged).
    Quiet,
}

use ReasonKind as K;
use Want::{Changed, Quiet};

/// What the comparison of two one-sentence versions says: status and
/// reason kinds of the entry (the worst status if the sentence was cut).
fn judge(old: &str, new: &str) -> (SentenceStatus, Vec<ReasonKind>) {
    let c = compare(old, new, None);
    let status = c
        .sentences
        .iter()
        .map(|e| e.status)
        .max_by_key(|s| s.weight())
        .unwrap_or(SentenceStatus::Unchanged);
    let kinds = c
        .sentences
        .iter()
        .flat_map(|e| e.reasons.iter().map(|r| r.kind))
        .collect();
    (status, kinds)
}

/// Runs a table; prints its pass count and fails listing every miss.
fn check_all(category: &str, table: &[(&str, &str, Want)]) {
    let mut misses = Vec::new();
    let (mut alert, mut quiet, mut alert_ok, mut quiet_ok) = (0, 0, 0, 0);
    for &(old, new, want) in table {
        let (status, kinds) = judge(old, new);
        let ok = match want {
            Changed(k) => {
                alert += 1;
                // A rewrite too deep to align is flagged as removed + added.
                (status == SentenceStatus::Changed && kinds.contains(&k))
                    || matches!(status, SentenceStatus::Added | SentenceStatus::Removed)
            }
            Quiet => {
                quiet += 1;
                !status.is_flagged()
            }
        };
        match (ok, want) {
            (true, Changed(_)) => alert_ok += 1,
            (true, Quiet) => quiet_ok += 1,
            _ => misses.push(format!(
                "{old:?} -> {new:?}: want {want:?}, got {status:?} {kinds:?}"
            )),
        }
    }
    println!("{category}: alert {alert_ok}/{alert}, quiet {quiet_ok}/{quiet}");
    assert!(misses.is_empty(), "{category}:\n{}", misses.join("\n"));
}

#[test]
fn opposites() {
    check_all(
        "opposites",
        &[
            (
                "The jury convicted Maren Holt of fraud.",
                "The jury acquitted Maren Holt of fraud.",
                Changed(K::Antonym),
            ),
            (
                "Exports increased to 4.2 percent last year.",
                "Exports decreased to 4.2 percent last year.",
                Changed(K::Antonym),
            ),
            (
                "The river rose overnight in Lindenfeld.",
                "The river fell overnight in Lindenfeld.",
                Changed(K::Antonym),
            ),
            (
                "The home side won the final on Sunday.",
                "The home side lost the final on Sunday.",
                Changed(K::Antonym),
            ),
            (
                "The committee accepted the proposal.",
                "The committee rejected the proposal.",
                Changed(K::Antonym),
            ),
            (
                "The shop opened at nine.",
                "The shop closed at nine.",
                Changed(K::Antonym),
            ),
            (
                "A court found Orrin Pask guilty.",
                "A court found Orrin Pask innocent.",
                Changed(K::Antonym),
            ),
            (
                "Turnout was higher than expected.",
                "Turnout was lower than expected.",
                Changed(K::Antonym),
            ),
            (
                "The firm's profits were high.",
                "The firm's profits were low.",
                Changed(K::Antonym),
            ),
            (
                "The company gained market share.",
                "The company lost market share.",
                Changed(K::Antonym),
            ),
            (
                "The bill is legal in Brenmoor.",
                "The bill is illegal in Brenmoor.",
                Changed(K::Antonym),
            ),
            (
                "Ticket prices rose sharply.",
                "Ticket prices fell sharply.",
                Changed(K::Antonym),
            ),
            (
                "The agency approved the merger.",
                "The agency disapproved the merger.",
                Changed(K::Antonym),
            ),
            (
                "The new rules are legal.",
                "The new rules are illegal.",
                Changed(K::Antonym),
            ),
            (
                "The minister arrived in Vellmar on Monday.",
                "The minister left Vellmar on Monday.",
                Changed(K::Antonym),
            ),
            (
                "Sales of the device were strong.",
                "Sales of the device were weak.",
                Changed(K::Antonym),
            ),
            (
                "The council hired Ferris Quill.",
                "The council dismissed Ferris Quill.",
                Changed(K::Antonym),
            ),
            // Quiet: the same polarity in other words.
            (
                "The jury convicted Maren Holt.",
                "Maren Holt was convicted by the jury.",
                Quiet,
            ),
            (
                "Exports increased last year.",
                "Exports grew last year.",
                Quiet,
            ),
            (
                "The court found him not guilty.",
                "The court found him innocent.",
                Quiet,
            ),
            (
                "Prices rise every spring.",
                "Prices rose every spring.",
                Quiet,
            ),
            ("The team won again.", "The team has won again.", Quiet),
            (
                "The mayor opened the bridge.",
                "The bridge was opened by the mayor.",
                Quiet,
            ),
            (
                "The plan was rejected by the board.",
                "The board rejected the plan.",
                Quiet,
            ),
            (
                "The shop will close at noon.",
                "The shop will be closing at noon.",
                Quiet,
            ),
            ("Rents have increased.", "Rents have gone up.", Quiet),
            (
                "The club lost its last match.",
                "The club lost their last match.",
                Quiet,
            ),
            (
                "The firm acquitted itself well.",
                "The firm acquitted itself well, observers said.",
                Changed(K::Hedge),
            ),
            (
                "The vote passed easily.",
                "The vote passed with ease.",
                Quiet,
            ),
            (
                "The prices were higher.",
                "The prices were much higher.",
                Quiet,
            ),
            ("The talks failed.", "The talks have failed.", Quiet),
            ("The river is rising.", "The river was rising.", Quiet),
            (
                "Police arrested two men.",
                "Two men were arrested by police.",
                Quiet,
            ),
        ],
    );
}

#[test]
fn real_words_and_typos() {
    check_all(
        "real word vs typo",
        &[
            (
                "The board hired Selden Marsh.",
                "The board fired Selden Marsh.",
                Changed(K::Antonym),
            ),
            (
                "Voters elected the mayor.",
                "Voters ejected the mayor.",
                Changed(K::Word),
            ),
            (
                "A delegation from Austria arrived.",
                "A delegation from Australia arrived.",
                Changed(K::Name),
            ),
            (
                "The award went to Jon Pirie.",
                "The award went to Joan Pirie.",
                Changed(K::Name),
            ),
            (
                "The suspect was found in the barn.",
                "The suspect was found in the bank.",
                Changed(K::Word),
            ),
            (
                "The fire started in the kitchen.",
                "The fire started in the kitten.",
                Changed(K::Word),
            ),
            (
                "The company sold its mine.",
                "The company sold its mill.",
                Changed(K::Word),
            ),
            (
                "The victim was bitten by a cat.",
                "The victim was bitten by a rat.",
                Changed(K::Word),
            ),
            (
                "The storm hit the coast.",
                "The storm hit the cost.",
                Changed(K::Word),
            ),
            (
                "Officials said the dam was safe.",
                "Officials said the dam was sage.",
                Changed(K::Word),
            ),
            (
                "The court fined the trader.",
                "The court fined the trainer.",
                Changed(K::Word),
            ),
            (
                "Rescuers found the hiker alive.",
                "Rescuers found the biker alive.",
                Changed(K::Word),
            ),
            (
                "The team flew to Malta.",
                "The team flew to Yalta.",
                Changed(K::Name),
            ),
            (
                "The patient was treated for burns.",
                "The patient was treated for bruns.",
                Quiet,
            ),
            (
                "The talks were held in Berlin.",
                "The talks were held in Dublin.",
                Changed(K::Name),
            ),
            (
                "The ferry sank near the pier.",
                "The ferry sank near the pie.",
                Changed(K::Word),
            ),
            // Quiet: a non-word corrected to a word, or the reverse.
            (
                "The meeting was held in Olso.",
                "The meeting was held in Oslo.",
                Quiet,
            ),
            ("She recieved the award.", "She received the award.", Quiet),
            ("The goverment said so.", "The government said so.", Quiet),
            (
                "The comittee met on Monday.",
                "The committee met on Monday.",
                Quiet,
            ),
            (
                "The accomodation was full.",
                "The accommodation was full.",
                Quiet,
            ),
            ("It was a seperate case.", "It was a separate case.", Quiet),
            (
                "The council will definately vote.",
                "The council will definitely vote.",
                Quiet,
            ),
            (
                "Police occured at the scene.",
                "Police occurred at the scene.",
                Quiet,
            ),
            (
                "The harrassment case was dropped.",
                "The harassment case was dropped.",
                Quiet,
            ),
            (
                "The licence was granted.",
                "The license was granted.",
                Quiet,
            ),
            (
                "The colour of the flag changed.",
                "The color of the flag changed.",
                Quiet,
            ),
            (
                "The neighbour complained.",
                "The neighbor complained.",
                Quiet,
            ),
            (
                "The firm's profits were excellant.",
                "The firm's profits were excellent.",
                Quiet,
            ),
            (
                "The begining of the trial was delayed.",
                "The beginning of the trial was delayed.",
                Quiet,
            ),
            (
                "The mayor was embarassed.",
                "The mayor was embarrassed.",
                Quiet,
            ),
            (
                "The pilot's liscence was suspended.",
                "The pilot's licence was suspended.",
                Quiet,
            ),
        ],
    );
}

#[test]
fn hedges_and_attribution() {
    check_all(
        "hedges",
        &[
            (
                "According to police, the driver had been drinking.",
                "The driver had been drinking.",
                Changed(K::Hedge),
            ),
            (
                "The driver had been drinking.",
                "According to witnesses, the driver had been drinking.",
                Changed(K::Hedge),
            ),
            (
                "The man allegedly stole a car.",
                "The man stole a car.",
                Changed(K::Hedge),
            ),
            (
                "The firm reportedly cut 200 jobs.",
                "The firm cut 200 jobs.",
                Changed(K::Hedge),
            ),
            (
                "Police said the fire was arson.",
                "The fire was arson.",
                Changed(K::Hedge),
            ),
            (
                "The fire was arson.",
                "The fire was arson, officials said.",
                Changed(K::Hedge),
            ),
            (
                "The bridge is expected to open in May.",
                "The bridge will open in May.",
                Changed(K::Hedge),
            ),
            (
                "The ship is believed to have sunk.",
                "The ship sank.",
                Changed(K::Hedge),
            ),
            (
                "The suspected gunman fled.",
                "The gunman fled.",
                Changed(K::Hedge),
            ),
            (
                "The vaccine apparently works.",
                "The vaccine works.",
                Changed(K::Hedge),
            ),
            (
                "The mayor probably knew.",
                "The mayor knew.",
                Changed(K::Hedge),
            ),
            (
                "The dam burst.",
                "The dam reportedly burst.",
                Changed(K::Hedge),
            ),
            (
                "Troops withdrew from Karst.",
                "Troops were said to have withdrawn from Karst.",
                Changed(K::Hedge),
            ),
            (
                "The minister lied to parliament.",
                "The minister allegedly lied to parliament.",
                Changed(K::Hedge),
            ),
            (
                "The alleged victim spoke.",
                "The victim spoke.",
                Changed(K::Hedge),
            ),
            (
                "The company claimed the product was safe.",
                "The product was safe.",
                Changed(K::Hedge),
            ),
            // Quiet: the hedge stays, moved or reworded.
            (
                "Police said the driver had been drinking.",
                "The driver had been drinking, police said.",
                Quiet,
            ),
            (
                "According to police, the driver was drunk.",
                "The driver was drunk, according to police.",
                Quiet,
            ),
            (
                "The man allegedly stole a car.",
                "The man is alleged to have stolen a car.",
                Quiet,
            ),
            (
                "Officials said the fire was arson.",
                "Officials stated the fire was arson.",
                Quiet,
            ),
            (
                "The firm reportedly cut jobs.",
                "The firm reportedly cut jobs.",
                Quiet,
            ),
            (
                "Witnesses said the car was red.",
                "Witnesses say the car was red.",
                Quiet,
            ),
            (
                "Police said the man was armed.",
                "The man was armed, police said on Tuesday.",
                Changed(K::Date),
            ),
            (
                "The suspect allegedly fled.",
                "The suspect reportedly fled.",
                Quiet,
            ),
            (
                "Ada Ferrow said the plan works.",
                "The plan works, Ada Ferrow said.",
                Quiet,
            ),
            (
                "The plan, officials said, would cost more.",
                "Officials said the plan would cost more.",
                Quiet,
            ),
            (
                "The bridge is expected to open soon.",
                "The bridge is expected to open shortly.",
                Quiet,
            ),
            (
                "According to the report, rents rose.",
                "Rents rose, according to the report.",
                Quiet,
            ),
            (
                "The fire, which is believed to have started in a shed, spread fast.",
                "The fire, believed to have started in a shed, spread fast.",
                Quiet,
            ),
            (
                "Officials said the bridge is expected to reopen in May.",
                "The bridge, officials said, is expected to reopen in May.",
                Quiet,
            ),
            (
                "The mayor told reporters the plan worked.",
                "The mayor told journalists the plan worked.",
                Quiet,
            ),
            (
                "Police said that the driver fled.",
                "Police said the driver fled.",
                Quiet,
            ),
            (
                "The ship is believed to have sunk.",
                "The ship is thought to have sunk.",
                Quiet,
            ),
            (
                "Investigators said the pilot was tired.",
                "The pilot was tired, investigators said.",
                Quiet,
            ),
        ],
    );
}

#[test]
fn quantifiers_and_modality() {
    check_all(
        "quantifiers and modality",
        &[
            (
                "The storm damaged at least 40 homes.",
                "The storm damaged at most 40 homes.",
                Changed(K::Quantifier),
            ),
            (
                "All of the workers were paid.",
                "Some of the workers were paid.",
                Changed(K::Quantifier),
            ),
            (
                "Some of the passengers were hurt.",
                "None of the passengers were hurt.",
                Changed(K::Quantifier),
            ),
            (
                "More than 300 people attended.",
                "Fewer than 300 people attended.",
                Changed(K::Quantifier),
            ),
            (
                "Every school will close.",
                "Most schools will close.",
                Changed(K::Quantifier),
            ),
            (
                "Up to 50 jobs are at risk.",
                "At least 50 jobs are at risk.",
                Changed(K::Quantifier),
            ),
            (
                "The mayor will resign.",
                "The mayor may resign.",
                Changed(K::Modality),
            ),
            (
                "The firm must repay the loan.",
                "The firm could repay the loan.",
                Changed(K::Modality),
            ),
            (
                "The council may raise taxes.",
                "The council will raise taxes.",
                Changed(K::Modality),
            ),
            (
                "Drivers must stop at the line.",
                "Drivers should stop at the line.",
                Changed(K::Modality),
            ),
            (
                "The plant could close.",
                "The plant will close.",
                Changed(K::Modality),
            ),
            (
                "Residents can return home.",
                "Residents must return home.",
                Changed(K::Modality),
            ),
            (
                "Both candidates were present.",
                "Neither candidate was present.",
                Changed(K::Quantifier),
            ),
            (
                "Nearly 90 percent voted.",
                "Over 90 percent voted.",
                Changed(K::Quantifier),
            ),
            (
                "The bank might cut rates.",
                "The bank will cut rates.",
                Changed(K::Modality),
            ),
            (
                "Some roads were flooded.",
                "All roads were flooded.",
                Changed(K::Quantifier),
            ),
            // Quiet.
            (
                "About 40 homes were damaged.",
                "Around 40 homes were damaged.",
                Quiet,
            ),
            (
                "Roughly 200 people came.",
                "Approximately 200 people came.",
                Quiet,
            ),
            (
                "The mayor will resign.",
                "The mayor is going to resign.",
                Quiet,
            ),
            (
                "The firm will be able to hire staff.",
                "The firm can hire staff.",
                Quiet,
            ),
            ("The mayor may resign.", "The mayor might resign.", Quiet),
            ("Every school closed.", "Each school closed.", Quiet),
            (
                "At least 40 homes were damaged.",
                "No fewer than 40 homes were damaged.",
                Quiet,
            ),
            (
                "The firm has to repay the loan.",
                "The firm must repay the loan.",
                Quiet,
            ),
            ("He said he will stay.", "He said he would stay.", Quiet),
            ("Nobody was hurt.", "No one was hurt.", Quiet),
            (
                "More than 300 people attended.",
                "Over 300 people attended.",
                Quiet,
            ),
            (
                "All the workers were paid.",
                "All of the workers were paid.",
                Quiet,
            ),
            (
                "The council may raise taxes.",
                "Taxes may be raised by the council.",
                Quiet,
            ),
            (
                "Fewer than 10 people came.",
                "Less than 10 people came.",
                Quiet,
            ),
            ("Everyone was evacuated.", "Everybody was evacuated.", Quiet),
            (
                "The plant could close soon.",
                "The plant could shut soon.",
                Quiet,
            ),
        ],
    );
}

#[test]
fn roles_of_participants() {
    check_all(
        "roles",
        &[
            (
                "Ilse Varga defeated Tomas Brenner.",
                "Tomas Brenner defeated Ilse Varga.",
                Changed(K::Role),
            ),
            (
                "Dara Quint sued Pell Industries.",
                "Pell Industries sued Dara Quint.",
                Changed(K::Role),
            ),
            (
                "The police shot the suspect.",
                "The suspect shot the police.",
                Changed(K::Role),
            ),
            (
                "Corvin Hale replaced Ema Stoll as coach.",
                "Ema Stoll replaced Corvin Hale as coach.",
                Changed(K::Role),
            ),
            (
                "Marl City beat Dunmore 3-1.",
                "Dunmore beat Marl City 3-1.",
                Changed(K::Role),
            ),
            (
                "The landlord evicted the tenant.",
                "The tenant evicted the landlord.",
                Changed(K::Role),
            ),
            (
                "Orla Penn accused Viktor Sand of fraud.",
                "Viktor Sand accused Orla Penn of fraud.",
                Changed(K::Role),
            ),
            (
                "The bank bought Tessel Group.",
                "Tessel Group bought the bank.",
                Changed(K::Role),
            ),
            (
                "Hugo Marr was attacked by Lise Brand.",
                "Lise Brand was attacked by Hugo Marr.",
                Changed(K::Role),
            ),
            (
                "Nadia Ferro endorsed Paul Kwint.",
                "Paul Kwint endorsed Nadia Ferro.",
                Changed(K::Role),
            ),
            (
                "The union criticised the minister.",
                "The minister criticised the union.",
                Changed(K::Role),
            ),
            (
                "Kestrel Air overtook Bluewing in sales.",
                "Bluewing overtook Kestrel Air in sales.",
                Changed(K::Role),
            ),
            (
                "Rina Solt interviewed Amos Treck.",
                "Amos Treck interviewed Rina Solt.",
                Changed(K::Role),
            ),
            (
                "The dog bit the postman.",
                "The postman bit the dog.",
                Changed(K::Role),
            ),
            (
                "Vell Motors acquired Dorne Ltd.",
                "Dorne Ltd acquired Vell Motors.",
                Changed(K::Role),
            ),
            (
                "The council fined the company.",
                "The company fined the council.",
                Changed(K::Role),
            ),
            // Quiet.
            (
                "Ilse Varga defeated Tomas Brenner.",
                "Tomas Brenner was defeated by Ilse Varga.",
                Quiet,
            ),
            (
                "Ilse Varga and Tomas Brenner met.",
                "Tomas Brenner and Ilse Varga met.",
                Quiet,
            ),
            (
                "Dara Quint sued Pell Industries.",
                "Pell Industries was sued by Dara Quint.",
                Quiet,
            ),
            (
                "The police shot the suspect.",
                "The suspect was shot by the police.",
                Quiet,
            ),
            (
                "On Monday, Orla Penn met Viktor Sand.",
                "Orla Penn met Viktor Sand on Monday.",
                Quiet,
            ),
            (
                "Rina Solt said Amos Treck had won.",
                "Amos Treck had won, Rina Solt said.",
                Quiet,
            ),
            (
                "Nadia Ferro endorsed Paul Kwint.",
                "Nadia Ferro backed Paul Kwint.",
                Quiet,
            ),
            (
                "Marl City beat Dunmore.",
                "Marl City defeated Dunmore.",
                Quiet,
            ),
            (
                "The bank bought Tessel Group.",
                "Tessel Group was bought by the bank.",
                Quiet,
            ),
            (
                "The landlord evicted the tenant.",
                "The landlord has evicted the tenant.",
                Quiet,
            ),
            (
                "Corvin Hale replaced Ema Stoll.",
                "Corvin Hale took over from Ema Stoll.",
                Quiet,
            ),
            (
                "Hugo Marr and Lise Brand signed the deal.",
                "Lise Brand and Hugo Marr signed the deal.",
                Quiet,
            ),
            (
                "The minister met the union.",
                "The minister met with the union.",
                Quiet,
            ),
            (
                "Orla Penn, the coach, praised Viktor Sand.",
                "Coach Orla Penn praised Viktor Sand.",
                Quiet,
            ),
            (
                "The court fined the company.",
                "The company was fined by the court.",
                Quiet,
            ),
            (
                "The dog bit the postman.",
                "The postman was bitten by the dog.",
                Quiet,
            ),
        ],
    );
}

#[test]
fn short_added_or_removed_facts() {
    check_all(
        "short facts",
        &[
            (
                "Jory Blane was charged with dangerous driving.",
                "Jory Blane was charged with dangerous driving and manslaughter.",
                Changed(K::Information),
            ),
            (
                "The fire spread through the town.",
                "The fire spread through the northern town.",
                Changed(K::Information),
            ),
            (
                "The president Ode Marr spoke.",
                "The acting president Ode Marr spoke.",
                Changed(K::Information),
            ),
            (
                "The minister Lena Vos resigned.",
                "The former minister Lena Vos resigned.",
                Changed(K::Information),
            ),
            (
                "The former governor was arrested.",
                "The governor was arrested.",
                Changed(K::Information),
            ),
            (
                "He was charged with theft and assault.",
                "He was charged with theft.",
                Changed(K::Information),
            ),
            (
                "The flood hit the coast.",
                "The flood hit the eastern coast.",
                Changed(K::Information),
            ),
            (
                "The interim chief quit.",
                "The chief quit.",
                Changed(K::Information),
            ),
            (
                "The deputy mayor opened the fair.",
                "The mayor opened the fair.",
                Changed(K::Information),
            ),
            (
                "Troops entered the province.",
                "Troops entered the rebel province.",
                Changed(K::Information),
            ),
            (
                "The bomb destroyed a school.",
                "The bomb destroyed a school and a hospital.",
                Changed(K::Information),
            ),
            (
                "The senior judge retired.",
                "The judge retired.",
                Changed(K::Information),
            ),
            (
                "A teacher was injured.",
                "A teacher and two pupils were injured.",
                Changed(K::Number),
            ),
            (
                "The suspect was released.",
                "The suspect was released on bail.",
                Changed(K::Information),
            ),
            (
                "The company was fined.",
                "The foreign company was fined.",
                Changed(K::Information),
            ),
            (
                "The vote took place in the capital.",
                "The vote took place in the disputed capital.",
                Changed(K::Information),
            ),
            // Quiet.
            (
                "The mayor is in office.",
                "The mayor is currently in office.",
                Quiet,
            ),
            (
                "The firm employs 300 people.",
                "The firm now employs 300 people.",
                Quiet,
            ),
            ("The bridge opened.", "The bridge finally opened.", Quiet),
            ("The talks resumed.", "The talks resumed again.", Quiet),
            (
                "He was the first person to climb it.",
                "He was the person to climb it first.",
                Quiet,
            ),
            (
                "The firm first reported the fault in May.",
                "The firm reported the fault in May.",
                Quiet,
            ),
            (
                "The mayor is still in office.",
                "The mayor remains in office.",
                Quiet,
            ),
            (
                "The school was closed.",
                "The school was recently closed.",
                Quiet,
            ),
            (
                "Ms. Reyes spoke at the rally.",
                "Reyes spoke at the rally.",
                Quiet,
            ),
            (
                "The minister spoke to reporters.",
                "The minister spoke to the reporters.",
                Quiet,
            ),
            (
                "The plan was approved.",
                "The plan was officially approved.",
                Quiet,
            ),
            (
                "The storm hit the town.",
                "The storm then hit the town.",
                Quiet,
            ),
            (
                "The council voted to close the library.",
                "The council voted to shut the library.",
                Quiet,
            ),
            (
                "Rescuers searched the area.",
                "Rescuers searched the whole area.",
                Quiet,
            ),
            ("The team arrived.", "The team has already arrived.", Quiet),
            (
                "It was the first time the park closed.",
                "It was the first time that the park had closed.",
                Quiet,
            ),
        ],
    );
}

#[test]
fn numbers_as_values() {
    check_all(
        "numbers",
        &[
            (
                "Inflation slowed to 2.4 percent.",
                "Inflation slowed to 4.2 percent.",
                Changed(K::Number),
            ),
            (
                "The city will borrow $1.5 billion.",
                "The city will borrow $2.5 billion.",
                Changed(K::Number),
            ),
            (
                "The firm cut 1,200 jobs.",
                "The firm cut 2,100 jobs.",
                Changed(K::Number),
            ),
            (
                "Ten people died.",
                "Eleven people died.",
                Changed(K::Number),
            ),
            (
                "The bill costs $4 million.",
                "The bill costs $4 billion.",
                Changed(K::Number),
            ),
            ("Turnout was 55%.", "Turnout was 65%.", Changed(K::Number)),
            (
                "The tower is 300 metres tall.",
                "The tower is 30 metres tall.",
                Changed(K::Number),
            ),
            (
                "The fund holds 1.5bn.",
                "The fund holds 1.5m.",
                Changed(K::Number),
            ),
            (
                "The school has 4,000,000 books.",
                "The school has 4,000 books.",
                Changed(K::Number),
            ),
            (
                "Prices rose 5 percent.",
                "Prices rose 5 percentage points.",
                Quiet,
            ),
            (
                "The race had twenty runners.",
                "The race had twelve runners.",
                Changed(K::Number),
            ),
            (
                "She finished fourteenth.",
                "She finished fifteenth.",
                Changed(K::Number),
            ),
            (
                "The ship carried 3,500 tonnes.",
                "The ship carried 3.5 tonnes.",
                Changed(K::Number),
            ),
            (
                "About 70 were hurt.",
                "About 17 were hurt.",
                Changed(K::Number),
            ),
            (
                "Rents rose 0.5 percent.",
                "Rents rose 5 percent.",
                Changed(K::Number),
            ),
            ("The vote was 52 to 48.", "The vote was 48 to 52.", Quiet),
            (
                "The fine was $250,000.",
                "The fine was $25,000.",
                Changed(K::Number),
            ),
            (
                "Three ministers resigned.",
                "Four ministers resigned.",
                Changed(K::Number),
            ),
            (
                "The fire burned 1.2 million hectares.",
                "The fire burned 12 million hectares.",
                Changed(K::Number),
            ),
            // Quiet: the same value written another way.
            (
                "The city will borrow $1.5 billion.",
                "The city will borrow $1,500 million.",
                Quiet,
            ),
            (
                "The city will borrow $1.5 billion.",
                "The city will borrow $1.5bn.",
                Quiet,
            ),
            ("Ten people died.", "10 people died.", Quiet),
            (
                "The school has 4,000,000 books.",
                "The school has 4 million books.",
                Quiet,
            ),
            ("Prices rose 5 percent.", "Prices rose 5%.", Quiet),
            ("Prices rose 5 per cent.", "Prices rose 5%.", Quiet),
            (
                "The deal was worth 2 milion euros.",
                "The deal was worth 2 million euros.",
                Quiet,
            ),
            (
                "The vote is on 3 Febuary.",
                "The vote is on 3 February.",
                Quiet,
            ),
            ("She finished thirteenth.", "She finished 13th.", Quiet),
            ("She finished fourteenth.", "She finished 14th.", Quiet),
            (
                "The firm hired twenty-five staff.",
                "The firm hired 25 staff.",
                Quiet,
            ),
            ("A dozen homes burned.", "12 homes burned.", Quiet),
            (
                "The bill costs 2.5 million dollars.",
                "The bill costs 2,500,000 dollars.",
                Quiet,
            ),
            ("Two hundred people marched.", "200 people marched.", Quiet),
            ("It cost $3,000.", "It cost $3000.", Quiet),
            (
                "It was the 21st attempt.",
                "It was the twenty-first attempt.",
                Quiet,
            ),
        ],
    );
}

#[test]
fn same_entity_named_another_way() {
    check_all(
        "entities",
        &[
            (
                "The PM visited Oslo.",
                "The Prime Minister visited Oslo.",
                Quiet,
            ),
            (
                "The U.S. imposed tariffs.",
                "The United States imposed tariffs.",
                Quiet,
            ),
            (
                "Spain's government fell.",
                "The Spanish government fell.",
                Quiet,
            ),
            ("Ms. Reyes won the seat.", "Reyes won the seat.", Quiet),
            (
                "Lt. Arlo Finch led the unit.",
                "Lieutenant Arlo Finch led the unit.",
                Quiet,
            ),
            (
                "The EU fined the firm.",
                "The European Union fined the firm.",
                Quiet,
            ),
            (
                "The UK left the bloc.",
                "The United Kingdom left the bloc.",
                Quiet,
            ),
            (
                "French police arrested two men.",
                "Police in France arrested two men.",
                Quiet,
            ),
            (
                "Gov. Ansel Pike signed the law.",
                "Governor Ansel Pike signed the law.",
                Quiet,
            ),
            (
                "The German chancellor spoke.",
                "Germany's chancellor spoke.",
                Quiet,
            ),
            (
                "Dr. Mira Kolb led the study.",
                "Mira Kolb led the study.",
                Quiet,
            ),
            (
                "Sgt. Ivo Brask was injured.",
                "Sergeant Ivo Brask was injured.",
                Quiet,
            ),
            (
                "The UN condemned the attack.",
                "The United Nations condemned the attack.",
                Quiet,
            ),
            (
                "Italian firms protested.",
                "Firms in Italy protested.",
                Quiet,
            ),
            (
                "Mr. Tovar denied the claim.",
                "Tovar denied the claim.",
                Quiet,
            ),
            ("The Japanese economy grew.", "Japan's economy grew.", Quiet),
            // Alert: another entity.
            (
                "A delegation from Austria arrived.",
                "A delegation from Australia arrived.",
                Changed(K::Name),
            ),
            (
                "The Spanish government fell.",
                "The Portuguese government fell.",
                Changed(K::Name),
            ),
            (
                "Lt. Arlo Finch led the unit.",
                "Lt. Arlo Fitch led the unit.",
                Changed(K::Name),
            ),
            (
                "The talks were held in Sweden.",
                "The talks were held in Swaziland.",
                Changed(K::Name),
            ),
            (
                "Ms. Reyes won the seat.",
                "Ms. Reyna won the seat.",
                Changed(K::Name),
            ),
            (
                "Mira Kolb led the study.",
                "Mira Kolt led the study.",
                Changed(K::Name),
            ),
            (
                "The French minister resigned.",
                "The Belgian minister resigned.",
                Changed(K::Name),
            ),
            (
                "Troops crossed into Niger.",
                "Troops crossed into Nigeria.",
                Changed(K::Name),
            ),
            (
                "The envoy flew to Iran.",
                "The envoy flew to Iraq.",
                Changed(K::Name),
            ),
            (
                "Dana Wilk won the race.",
                "Dina Wilk won the race.",
                Changed(K::Name),
            ),
            (
                "The ship sailed from Genoa.",
                "The ship sailed from Geneva.",
                Changed(K::Name),
            ),
            (
                "Paul Ostrow chaired the panel.",
                "Paula Ostrow chaired the panel.",
                Changed(K::Name),
            ),
            (
                "The Canadian team won.",
                "The Cuban team won.",
                Changed(K::Name),
            ),
            (
                "The summit was held in Slovenia.",
                "The summit was held in Slovakia.",
                Changed(K::Name),
            ),
            (
                "The deal was signed in Colombia.",
                "The deal was signed in Columbia.",
                Changed(K::Name),
            ),
            (
                "The plane landed in Austin.",
                "The plane landed in Boston.",
                Changed(K::Name),
            ),
        ],
    );
}

/// A quotation is exact: the quote claim changes (its verdict goes back to
/// checking) even when the sentence only changed cosmetically.
#[test]
fn quotes_are_exact() {
    let quote_changed = |old: &str, new: &str| {
        compare(old, new, None)
            .claims
            .iter()
            .any(|c| c.fields.iter().any(|f| f.field == "quote"))
    };
    let table: &[(&str, &str, bool)] = &[
        (
            "\"We will rebuild, and we will pay,\" said Ada Ferrow.",
            "\"We will rebuild; and we will pay,\" said Ada Ferrow.",
            true,
        ),
        (
            "\"We will rebuild the town,\" said Ada Ferrow.",
            "\"We will rebuild this town,\" said Ada Ferrow.",
            true,
        ),
        (
            "\"The plan works,\" Orin Vale said.",
            "\"The plan works!\" Orin Vale said.",
            true,
        ),
        (
            "\"The plan works,\" Orin Vale said.",
            "\"The plan works,\" Orin Vale said on Monday.",
            false,
        ),
        (
            "\"We are ready,\" said Lisa Kobb.",
            "\"We are ready,\"  said Lisa Kobb.",
            false,
        ),
        (
            "\"Nobody was hurt,\" said Lisa Kobb.",
            "\"No one was hurt,\" said Lisa Kobb.",
            true,
        ),
        (
            "\"It is over,\" said Lisa Kobb.",
            "\"It's over,\" said Lisa Kobb.",
            true,
        ),
        (
            "\"We won,\" Tam Orrell said.",
            "\"We won.\" Tam Orrell said.",
            true,
        ),
        (
            "\"We lost ten games,\" Tam Orrell said.",
            "\"We lost 10 games,\" Tam Orrell said.",
            true,
        ),
        (
            "\"The council lied,\" Tam Orrell said.",
            "\"The council lied,\" Tam Orrell told reporters.",
            false,
        ),
        (
            "\"Prices will fall,\" said Ines Dorr.",
            "\"Prices will fall,\" Ines Dorr said.",
            false,
        ),
        (
            "\"Prices will fall,\" said Ines Dorr.",
            "\"Prices may fall,\" said Ines Dorr.",
            true,
        ),
        (
            "\"The colour is wrong,\" said Ines Dorr.",
            "\"The color is wrong,\" said Ines Dorr.",
            true,
        ),
        (
            "\"We need help,\" said Ines Dorr.",
            "\"We need help\", said Ines Dorr.",
            true,
        ),
        (
            "\"This is a disaster,\" said Ines Dorr.",
            "\"This is a disaster,\" said Ines Dorr on Monday.",
            false,
        ),
    ];
    let mut misses = Vec::new();
    for &(old, new, want) in table {
        if quote_changed(old, new) != want {
            misses.push(format!("{old:?} -> {new:?}: want quote changed = {want}"));
        }
    }
    println!("quotes: {}/{}", table.len() - misses.len(), table.len());
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn one_thing_put_for_another() {
    check_all(
        "one thing for another",
        &[
            (
                "The ferry left the town at dawn.",
                "The ferry left the city at dawn.",
                Changed(K::Word),
            ),
            (
                "Flood water reached the school on Tuesday.",
                "Flood water reached the hospital on Tuesday.",
                Changed(K::Word),
            ),
            (
                "Inspectors found cracks in the bridge.",
                "Inspectors found cracks in the tunnel.",
                Changed(K::Word),
            ),
            (
                "The storm destroyed the harvest in Velmor.",
                "The storm destroyed the harbour in Velmor.",
                Changed(K::Word),
            ),
            (
                "Police seized two rifles at the depot.",
                "Police seized two pistols at the depot.",
                Changed(K::Word),
            ),
            (
                "The council banned cars from the square.",
                "The council banned bicycles from the square.",
                Changed(K::Word),
            ),
            (
                "The virus spread among cattle in the valley.",
                "The virus spread among sheep in the valley.",
                Changed(K::Word),
            ),
            (
                "Three people were hurt when the roof fell.",
                "Three children were hurt when the roof fell.",
                Changed(K::Word),
            ),
            (
                "The fire started in the kitchen.",
                "The fire started in the garage.",
                Changed(K::Word),
            ),
            (
                "Workers found the coins under the chapel.",
                "Workers found the coins under the library.",
                Changed(K::Word),
            ),
            (
                "The company will build a factory near Orsk.",
                "The company will build a warehouse near Orsk.",
                Changed(K::Word),
            ),
            (
                "Ilka Varn was fined for theft.",
                "Ilka Varn was fined for fraud.",
                Changed(K::Word),
            ),
            (
                "The parade ended at the stadium after noon.",
                "The parade ended at the cathedral after noon.",
                Changed(K::Word),
            ),
            (
                "Volunteers planted oaks along the river.",
                "Volunteers planted pines along the river.",
                Changed(K::Word),
            ),
            (
                "The museum lent a painting to the festival.",
                "The museum lent a sculpture to the festival.",
                Changed(K::Word),
            ),
            // The same thing, or the same people, in other words.
            (
                "The car hit a wall on Main Street.",
                "The automobile hit a wall on Main Street.",
                Quiet,
            ),
            (
                "The blaze spread to two houses.",
                "The fire spread to two houses.",
                Quiet,
            ),
            (
                "Lawmakers approved the budget on Friday.",
                "Legislators approved the budget on Friday.",
                Quiet,
            ),
            (
                "The mayor told reporters the plan worked.",
                "The mayor told journalists the plan worked.",
                Quiet,
            ),
            (
                "A spokesman for the port declined to comment.",
                "A spokesperson for the port declined to comment.",
                Quiet,
            ),
            (
                "The town of Brelle lies on the coast.",
                "The township of Brelle lies on the coast.",
                Quiet,
            ),
            (
                "Officials said the road was safe.",
                "Officials said the route was safe.",
                Quiet,
            ),
            (
                "The big crowd cheered Tova Lind.",
                "The large crowd cheered Tova Lind.",
                Quiet,
            ),
            (
                "Dario Pelt chairs the board. He said the talks went well.",
                "Dario Pelt chairs the board. Pelt said the talks went well.",
                Quiet,
            ),
            (
                "The Vessmark Gallery moved in 2004. It opened in 1998.",
                "The Vessmark Gallery moved in 2004. The Vessmark opened in 1998.",
                Quiet,
            ),
            (
                "The bridge was closed for repairs.",
                "The bridge was closed for repair.",
                Quiet,
            ),
            (
                "Shops reopened after the flood.",
                "Stores reopened after the flood.",
                Quiet,
            ),
            (
                "The judge praised the jurors.",
                "The judge praised the jury members.",
                Quiet,
            ),
            (
                "The boat sank near the island.",
                "The vessel sank near the island.",
                Quiet,
            ),
            (
                "Her lawyer appealed the ruling.",
                "Her attorney appealed the ruling.",
                Quiet,
            ),
        ],
    );
}
