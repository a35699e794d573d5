//! `claimdesk extract FILE`: stateless extraction, printed as the claims
//! JSON contract, as the plain text the offsets refer to, or as a readable
//! list of claims.

use anyhow::Result;
use chrono::NaiveDate;
use claimdesk::load::{self, Overrides};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The article to read (.txt, .md, .html, .docx).
    file: PathBuf,
    /// Publication date (YYYY-MM-DD) that relative dates are resolved against.
    #[arg(long)]
    published: Option<NaiveDate>,
    /// json: the claims JSON contract; text: the plain text that the JSON
    /// offsets refer to; list: the claims, one per line.
    #[arg(long, value_enum, default_value = "list")]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Json,
    Text,
    List,
}

pub fn run(a: Args) -> Result<()> {
    let over = Overrides {
        title: None,
        published: a.published,
    };
    let doc = load::load_file(&a.file, &over)?;
    crate::print_warnings(&doc);
    let ex = claimdesk::extract(&doc.text, doc.published);
    match a.format {
        Format::Json => println!("{}", serde_json::to_string(&ex)?),
        Format::Text => print!("{}", doc.text),
        Format::List => {
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
