//! The `claimdesk` command-line tool: Claimdesk headless, for newsroom
//! automation and evaluations. Each subcommand lives in its own module;
//! this file only parses arguments and maps errors to exit codes
//! (0 ok, 1 error, 2 usage).

mod add_cmd;
mod compare_cmd;
mod db;
mod diff_cmd;
mod extract_cmd;
mod list_cmd;
mod report_cmd;
mod review_cmd;

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
    /// Record a verdict on a claim.
    Review(review_cmd::ReviewArgs),
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
        Command::Review(a) => review_cmd::review(&cli.db, a),
        Command::History(a) => review_cmd::history(&cli.db, a),
        Command::Search(a) => list_cmd::search(&cli.db, a),
        Command::Extract(a) => extract_cmd::run(a),
        Command::Diff(a) => diff_cmd::run(a),
        Command::Compare(a) => compare_cmd::run(&cli.db, a),
        Command::Report(a) => report_cmd::run(&cli.db, a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(db::UsageError(msg)) = e.downcast_ref::<db::UsageError>() {
                eprintln!("claimdesk: {msg}");
                return ExitCode::from(2);
            }
            eprintln!("claimdesk: {e:#}");
            ExitCode::from(1)
        }
    }
}
