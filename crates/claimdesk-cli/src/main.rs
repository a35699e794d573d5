//! The `claimdesk` command-line tool: Claimdesk headless, for newsroom
//! automation and evaluations. Each subcommand lives in its own module;
//! this file only parses arguments and maps errors to exit codes
//! (0 ok, 1 error, 2 usage).

mod add_cmd;
mod archive_cmd;
mod claim_cmd;
mod compare_cmd;
mod db;
mod diff_cmd;
mod extract_cmd;
mod list_cmd;
mod published_cmd;
mod report_cmd;
mod review_cmd;
mod team_cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "claimdesk",
    version,
    about = "Find, check and compare the claims in news articles",
    after_help = "The database is ~/.local/share/claimdesk/claimdesk.db unless --db or CLAIMDESK_DB says otherwise."
)]
struct Cli {
    #[command(flatten)]
    db: db::DbArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Store articles (files, a URL or a JSON Lines bulk file) with their claims.
    Add(add_cmd::Args),
    /// List the stored articles.
    List(list_cmd::ListArgs),
    /// Show an article's metadata, revisions and text.
    Show(list_cmd::ShowArgs),
    /// List the claims of an article.
    Claims(list_cmd::ClaimsArgs),
    /// Correct the machine's claims: add, edit, dismiss or restore a claim.
    #[command(subcommand)]
    Claim(claim_cmd::ClaimCommand),
    /// Write an article's corrected claims as gold annotations (NAME.txt, NAME.gold.json).
    ExportGold(claim_cmd::ExportGoldArgs),
    /// Record a verdict on a claim.
    Review(review_cmd::ReviewArgs),
    /// Correct an article's publication date; relative dates are resolved again.
    SetPublished(published_cmd::Args),
    /// Show the review history of a claim.
    History(review_cmd::HistoryArgs),
    /// Search article text and claims.
    Search(list_cmd::SearchArgs),
    /// Extract the claims of a file without storing anything.
    Extract(extract_cmd::Args),
    /// Compare two versions of an article without storing anything.
    Diff(diff_cmd::Args),
    /// Compare two stored revisions of an article (default: the latest two).
    Compare(compare_cmd::Args),
    /// Write a claim report: Markdown, HTML, CSV, JSON or ClaimReview.
    Report(report_cmd::Args),
    /// Share this database with a team through a PostgreSQL hub.
    #[command(subcommand)]
    Team(team_cmd::TeamCommand),
    /// Send what this database has that the team hub lacks, and fetch what others wrote.
    Sync(team_cmd::SyncArgs),
    /// List the people of the archive with their claim counts.
    People(archive_cmd::PeopleArgs),
    /// Show everything the archive says about a person, in date order.
    Person(archive_cmd::PersonArgs),
    /// Record that two names or ids are one person.
    SamePerson(archive_cmd::SameArgs),
    /// Record that two names or ids are two people (undoes same-person).
    DifferentPeople(archive_cmd::SameArgs),
    /// Record that a name's mentions in some articles are another person.
    SplitPerson(archive_cmd::SplitArgs),
    /// Find earlier claims that state the same fact (or copy one's verdict).
    Matches(archive_cmd::MatchesArgs),
    /// Check an article against the archive: earlier matches of its claims and its conflicts.
    Check(archive_cmd::CheckArgs),
    /// List contradictions across the archive (or dismiss one).
    Conflicts(archive_cmd::ConflictsArgs),
}

/// Output piped into `head` and the like ends quietly when the reader
/// goes away, as command-line tools do, instead of panicking in `println!`.
fn default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE at the start of
    // main, before any thread exists, has no other effect.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    default_sigpipe();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Add(a) => add_cmd::run(&cli.db, a),
        Command::List(a) => list_cmd::list(&cli.db, a),
        Command::Show(a) => list_cmd::show(&cli.db, a),
        Command::Claims(a) => list_cmd::claims(&cli.db, a),
        Command::Claim(a) => claim_cmd::run(&cli.db, a),
        Command::ExportGold(a) => claim_cmd::export_gold(&cli.db, a),
        Command::Review(a) => review_cmd::review(&cli.db, a),
        Command::SetPublished(a) => published_cmd::run(&cli.db, a),
        Command::History(a) => review_cmd::history(&cli.db, a),
        Command::Search(a) => list_cmd::search(&cli.db, a),
        Command::Extract(a) => extract_cmd::run(a),
        Command::Diff(a) => diff_cmd::run(a),
        Command::Compare(a) => compare_cmd::run(&cli.db, a),
        Command::Report(a) => report_cmd::run(&cli.db, a),
        Command::Team(c) => team_cmd::run(&cli.db, c),
        Command::Sync(a) => team_cmd::sync_cmd(&cli.db, a),
        Command::People(a) => archive_cmd::people(&cli.db, a),
        Command::Person(a) => archive_cmd::person(&cli.db, a),
        Command::SamePerson(a) => archive_cmd::same(&cli.db, a),
        Command::DifferentPeople(a) => archive_cmd::different(&cli.db, a),
        Command::SplitPerson(a) => archive_cmd::split(&cli.db, a),
        Command::Matches(a) => archive_cmd::matches(&cli.db, a),
        Command::Check(a) => archive_cmd::check(&cli.db, a),
        Command::Conflicts(a) => archive_cmd::conflicts(&cli.db, a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(db::UsageError(msg)) = e.downcast_ref::<db::UsageError>() {
                eprintln!("claimdesk: {msg}");
                return ExitCode::from(2);
            }
            eprintln!("claimdesk: {}", chain_message(&e));
            ExitCode::from(1)
        }
    }
}

/// The error and its causes, joined by ": ", leaving out a cause whose
/// text the message already holds (a library error that prints its source
/// and also returns it as `source()` would otherwise be said twice).
fn chain_message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if text.is_empty() || out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// Prints what the user should know about how inputs were read.
pub fn print_warnings(doc: &claimdesk::load::Document) {
    for w in &doc.warnings {
        eprintln!("claimdesk: warning: {w}");
    }
}

#[cfg(test)]
mod tests {
    use super::chain_message;
    use std::fmt;

    /// An error that prints its source and also returns it.
    #[derive(Debug)]
    struct Wrapper(std::io::Error);

    impl fmt::Display for Wrapper {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "could not load the article: {}", self.0)
        }
    }

    impl std::error::Error for Wrapper {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn causes_are_said_once() {
        let io = std::io::Error::other("disk full");
        let e = anyhow::Error::new(Wrapper(io)).context("nothing from bulk.jsonl was stored");
        assert_eq!(
            chain_message(&e),
            "nothing from bulk.jsonl was stored: could not load the article: disk full"
        );
        let e = anyhow::anyhow!("timed out").context("cannot fetch");
        assert_eq!(chain_message(&e), "cannot fetch: timed out");
    }
}
