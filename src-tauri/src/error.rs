//! The one error type every command returns. It crosses the IPC boundary as
//! `{"code": "...", "message": "..."}`: `code` is stable and machine-readable
//! (the UI picks wording and recovery from it), `message` is a sentence a
//! fact-checker can act on.

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
    fn unknown_status_is_invalid_input() {
        let e: AppError = "maybe".parse::<claimdesk::Status>().unwrap_err().into();
        assert_eq!(e.code, ErrorCode::InvalidInput);
        assert!(e.message.contains("maybe"), "{}", e.message);
    }
}
