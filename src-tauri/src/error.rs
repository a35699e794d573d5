//! The one error type every command returns. It crosses the IPC boundary as
//! `{"code": "...", "message": "..."}`: `code` is stable and machine-readable
//! (the UI picks wording and recovery from it), `message` is a sentence a
//! fact-checker can act on.

use claimdesk::load::LoadError;
use claimdesk::report::ReportError;
use claimdesk::store::StoreError;
use serde::Serialize;

/// What kind of failure happened; serialized in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The user gave something unusable (empty text, unknown status, ...).
    InvalidInput,
    /// An article, revision or claim id that does not exist.
    NotFound,
    /// A file could not be read or written.
    Io,
    /// The claim store failed.
    Store,
    /// Fetching a URL failed.
    Network,
    /// Something this build cannot do yet.
    Unsupported,
    /// A background task died.
    Internal,
}

/// A command failure, as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    pub fn io(what: &str, path: &std::path::Path, e: &std::io::Error) -> Self {
        Self::new(
            ErrorCode::Io,
            format!("Could not {what} {}: {e}", path.display()),
        )
    }
}

/// The core's messages start in lower case (they read well after a CLI
/// prefix); a message on its own starts with a capital.
fn sentence(msg: String) -> String {
    let mut c = msg.chars();
    match c.next() {
        Some(f) if f.is_lowercase() => f.to_uppercase().chain(c).collect(),
        _ => msg,
    }
}

impl From<LoadError> for AppError {
    fn from(e: LoadError) -> Self {
        AppError::from_load_ref(&e, e.to_string())
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::NoArticle(_) | StoreError::NoRevision { .. } | StoreError::NoClaim(_) => {
                ErrorCode::NotFound
            }
            StoreError::Invalid(_) => ErrorCode::InvalidInput,
            StoreError::Load(inner) => return AppError::from_load_ref(inner, e.to_string()),
            _ => ErrorCode::Store,
        };
        AppError::new(code, sentence(e.to_string()))
    }
}

impl AppError {
    fn from_load_ref(inner: &LoadError, msg: String) -> Self {
        let code = match inner {
            LoadError::NotFound { .. } | LoadError::Io { .. } => ErrorCode::Io,
            LoadError::Url { .. } => ErrorCode::Network,
            _ => ErrorCode::InvalidInput,
        };
        AppError::new(code, sentence(msg))
    }
}

impl From<ReportError> for AppError {
    fn from(e: ReportError) -> Self {
        let code = match &e {
            ReportError::MissingArticleUrl => ErrorCode::InvalidInput,
            _ => ErrorCode::Internal,
        };
        AppError::new(code, sentence(e.to_string()))
    }
}

impl From<claimdesk::model::UnknownName> for AppError {
    fn from(e: claimdesk::model::UnknownName) -> Self {
        AppError::invalid(e.to_string())
    }
}

/// What every command returns.
pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_and_message() {
        let e = AppError::not_found("No article 7.");
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"code": "not_found", "message": "No article 7."})
        );
    }

    #[test]
    fn store_and_load_failures_get_codes() {
        let check = |e: AppError, code: ErrorCode| assert_eq!(e.code, code, "{}", e.message);
        check(StoreError::NoClaim(4).into(), ErrorCode::NotFound);
        check(
            StoreError::Invalid("bad source".into()).into(),
            ErrorCode::InvalidInput,
        );
        check(
            StoreError::Locked {
                path: "x.db".into(),
            }
            .into(),
            ErrorCode::Store,
        );
        let url = LoadError::Url {
            url: "https://example.org".into(),
            reason: "timed out".into(),
        };
        check(StoreError::Load(url).into(), ErrorCode::Network);
        let empty: AppError = LoadError::Empty {
            what: "the pasted text".into(),
        }
        .into();
        assert_eq!(empty.code, ErrorCode::InvalidInput);
        assert!(
            empty.message.starts_with("The pasted text"),
            "{}",
            empty.message
        );
    }

    #[test]
    fn unknown_status_is_invalid_input() {
        let e: AppError = "maybe".parse::<claimdesk::Status>().unwrap_err().into();
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert!(e.message.contains("maybe"), "{}", e.message);
    }
}
