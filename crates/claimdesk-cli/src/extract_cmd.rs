//! `claimdesk extract FILE`: stateless extraction, printed as the claims JSON
//! contract or as readable text.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The article to read.
    file: PathBuf,
    /// Publication date (YYYY-MM-DD) that relative dates are resolved against.
    #[arg(long)]
    published: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Json,
    Text,
}

pub fn run(a: Args) -> Result<()> {
    let text = std::fs::read_to_string(&a.file)
        .with_context(|| format!("cannot read {}", a.file.display()))?;
    let ex = claimdesk::extract(&text, a.published);
    match a.format {
        Format::Json => println!("{}", serde_json::to_string(&ex)?),
        Format::Text => {
            for c in &ex.claims {
                let fields: Vec<String> = c
                    .fields
                    .pairs()
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
                println!(
                    "{:<10} {:?}  {}",
                    c.kind().as_str(),
                    c.text,
                    fields.join("  ")
                );
            }
        }
    }
    Ok(())
}
