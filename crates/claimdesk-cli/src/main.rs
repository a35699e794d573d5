//! The `claimdesk` command-line tool: Claimdesk headless, for newsroom
//! automation and evaluations. Each subcommand lives in its own module;
//! this file only parses arguments and maps errors to exit codes
//! (0 ok, 1 error, 2 usage).

mod extract_cmd;
mod report_cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "claimdesk",
    version,
    about = "Find, check and compare the claims in news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the claims of a file without storing anything.
    Extract(extract_cmd::Args),
    /// Write a claim report: Markdown, HTML, CSV, JSON or ClaimReview.
    Report(report_cmd::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Extract(a) => extract_cmd::run(a),
        Command::Report(a) => report_cmd::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk: {e:#}");
            ExitCode::from(1)
        }
    }
}
