//! The commands that correct claims: add a claim the machine missed, edit
//! one, dismiss it as "not a claim" or restore it, and read its correction
//! events. Thin: each parses what the UI sent and calls the store, which
//! records every correction as an append-only event.

use crate::commands::{account_name, with_store};
use crate::desk;
use crate::error::AppResult;
use crate::views::ClaimView;
use claimdesk::ClaimKind;
use claimdesk::store::{ArticleId, ClaimEdit, Correction, field_names};
use std::collections::BTreeMap;
use tauri::{AppHandle, Runtime};

/// Who corrects: the name the checker gave in the app, else the account's.
fn who(by: Option<String>) -> Option<String> {
    by.map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .or_else(account_name)
}

/// The fields a claim of each kind has, in order.
#[tauri::command]
pub fn claim_fields() -> BTreeMap<&'static str, &'static [&'static str]> {
    ClaimKind::ALL
        .iter()
        .map(|k| (k.as_str(), field_names(*k)))
        .collect()
}

/// Adds a claim of `kind` over the byte span `start..end` of the article's
/// current text.
#[tauri::command]
pub async fn add_claim<R: Runtime>(
    app: AppHandle<R>,
    article: ArticleId,
    kind: String,
    start: usize,
    end: usize,
    fields: Vec<(String, String)>,
    by: Option<String>,
) -> AppResult<ClaimView> {
    let kind: ClaimKind = kind.parse()?;
    let by = who(by);
    with_store(&app, move |s| {
        let c = s.add_claim(article, kind, (start, end), &fields, by.as_deref())?;
        Ok(desk::claim_view(c))
    })
    .await
}

/// Corrects a claim's fields and/or span (`start`/`end`, both or neither).
#[tauri::command]
pub async fn edit_claim<R: Runtime>(
    app: AppHandle<R>,
    claim: i64,
    start: Option<usize>,
    end: Option<usize>,
    fields: Vec<(String, String)>,
    by: Option<String>,
) -> AppResult<ClaimView> {
    let edit = ClaimEdit {
        span: start.zip(end),
        fields,
    };
    let by = who(by);
    with_store(&app, move |s| {
        Ok(desk::claim_view(s.edit_claim(
            claim,
            &edit,
            by.as_deref(),
        )?))
    })
    .await
}

/// Dismisses a claim as "not a claim".
#[tauri::command]
pub async fn dismiss_claim<R: Runtime>(
    app: AppHandle<R>,
    claim: i64,
    reason: Option<String>,
    by: Option<String>,
) -> AppResult<ClaimView> {
    let by = who(by);
    with_store(&app, move |s| {
        Ok(desk::claim_view(s.dismiss_claim(
            claim,
            reason.as_deref(),
            by.as_deref(),
        )?))
    })
    .await
}

/// Makes a dismissed claim a claim again.
#[tauri::command]
pub async fn restore_claim<R: Runtime>(
    app: AppHandle<R>,
    claim: i64,
    by: Option<String>,
) -> AppResult<ClaimView> {
    let by = who(by);
    with_store(&app, move |s| {
        Ok(desk::claim_view(s.restore_claim(claim, by.as_deref())?))
    })
    .await
}

/// Every correction event of a claim, oldest first, with before and after.
#[tauri::command]
pub async fn claim_corrections<R: Runtime>(
    app: AppHandle<R>,
    claim: i64,
) -> AppResult<Vec<Correction>> {
    with_store(&app, move |s| Ok(s.corrections(claim)?)).await
}
