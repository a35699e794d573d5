//! Connecting to the hub the way libpq does: a `postgres://` URL whose
//! `sslmode` is honoured (`disable`, `prefer`, `require`, `verify-ca`,
//! `verify-full`, with `sslrootcert`), and a password from, in order, the
//! caller, `PGPASSWORD`, a passfile (`PGPASSFILE` or `~/.pgpass`, ignored
//! when others can read it) or the OS keyring. A password is never kept in
//! a URL or in the database: [`HubUrl`] takes it out.

use crate::error::TeamError;
use postgres::config::SslMode;
use postgres::{Client, Config, NoTls};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

/// The keyring service name under which hub passwords are kept.
const KEYRING_SERVICE: &str = "claimdesk";

/// How the connection is encrypted and checked (libpq's `sslmode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// A hub's address: the URL without its password, what it says about TLS,
/// and the parsed connection settings.
#[derive(Debug, Clone)]
pub struct HubUrl {
    /// The URL as stored and shown: never with a password.
    pub url: String,
    /// A password the URL held, taken out of it.
    pub url_password: Option<String>,
    pub tls: Tls,
    pub root_cert: Option<PathBuf>,
    pub user: String,
    pub host: String,
    pub port: u16,
    pub dbname: String,
    config: Config,
}

impl HubUrl {
    /// Parses a `postgres://` or `postgresql://` URL.
    pub fn parse(raw: &str) -> Result<HubUrl, TeamError> {
        let bad = |why: &str| TeamError::BadUrl {
            url: redact(raw),
            why: why.to_string(),
        };
        let mut u = url::Url::parse(raw).map_err(|e| bad(&e.to_string()))?;
        if !matches!(u.scheme(), "postgres" | "postgresql") {
            return Err(bad("a hub URL starts with postgres://"));
        }
        let url_password = u.password().map(|p| {
            url::form_urlencoded::parse(p.as_bytes())
                .map(|(k, v)| format!("{k}{v}"))
                .collect::<String>()
        });
        let _ = u.set_password(None);
        let mut tls = Tls::Prefer;
        let mut root_cert = None;
        let mut kept: Vec<(String, String)> = Vec::new();
        for (k, v) in u.query_pairs() {
            match k.as_ref() {
                "sslmode" => {
                    tls = match v.as_ref() {
                        "disable" => Tls::Disable,
                        "allow" | "prefer" => Tls::Prefer,
                        "require" => Tls::Require,
                        "verify-ca" => Tls::VerifyCa,
                        "verify-full" => Tls::VerifyFull,
                        other => return Err(bad(&format!("unknown sslmode {other:?}"))),
                    }
                }
                "sslrootcert" => root_cert = Some(PathBuf::from(v.as_ref())),
                "password" => {
                    return Err(bad(
                        "give the password through PGPASSWORD, a passfile or the keyring, not in the URL",
                    ));
                }
                _ => kept.push((k.into_owned(), v.into_owned())),
            }
        }
        let url = u.to_string();
        // What the driver parses: the URL without the TLS options it does
        // not know (they are applied in `connect`).
        let mut for_driver = u.clone();
        for_driver.set_query(None);
        if !kept.is_empty() {
            for_driver.query_pairs_mut().extend_pairs(kept.iter());
        }
        let mut config = Config::from_str(for_driver.as_str()).map_err(|e| bad(&e.to_string()))?;
        config.ssl_mode(match tls {
            Tls::Disable => SslMode::Disable,
            Tls::Prefer => SslMode::Prefer,
            _ => SslMode::Require,
        });
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        config.application_name("claimdesk");
        let user = match config.get_user() {
            Some(user) => user.to_string(),
            None => std::env::var("PGUSER")
                .ok()
                .or_else(|| std::env::var("USER").ok())
                .ok_or_else(|| bad("the URL names no user"))?,
        };
        config.user(&user);
        let host = u.host_str().unwrap_or("localhost").to_string();
        let port = u.port().unwrap_or(5432);
        let dbname = config
            .get_dbname()
            .map(str::to_string)
            .unwrap_or_else(|| user.clone());
        Ok(HubUrl {
            url,
            url_password,
            tls,
            root_cert,
            user,
            host,
            port,
            dbname,
            config,
        })
    }

    /// The same hub as another login.
    pub fn as_user(&self, user: &str) -> HubUrl {
        let mut other = self.clone();
        other.user = user.to_string();
        other.config.user(user);
        if let Ok(mut u) = url::Url::parse(&self.url) {
            let _ = u.set_username(user);
            other.url = u.to_string();
        }
        other.url_password = None;
        other
    }

    /// The keyring entry of this login on this hub.
    fn keyring_entry(&self) -> Result<keyring::Entry, TeamError> {
        keyring::Entry::new(
            KEYRING_SERVICE,
            &format!("{}@{}:{}/{}", self.user, self.host, self.port, self.dbname),
        )
        .map_err(|e| TeamError::Keyring(e.to_string()))
    }

    /// Keeps `password` in the OS keyring for this login.
    pub fn remember_password(&self, password: &str) -> Result<(), TeamError> {
        self.keyring_entry()?
            .set_password(password)
            .map_err(|e| TeamError::Keyring(e.to_string()))
    }

    /// The password for this login, and where it came from.
    pub fn find_password(&self) -> Option<(String, Credentials)> {
        if let Some(p) = &self.url_password {
            return Some((p.clone(), Credentials::Url));
        }
        if let Ok(p) = std::env::var("PGPASSWORD")
            && !p.is_empty()
        {
            return Some((p, Credentials::Env));
        }
        if let Some(p) = self.passfile_password() {
            return Some((p, Credentials::Passfile));
        }
        self.keyring_entry()
            .ok()
            .and_then(|e| e.get_password().ok())
            .map(|p| (p, Credentials::Keyring))
    }

    fn passfile_password(&self) -> Option<String> {
        let path = std::env::var_os("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| dirs::home_dir().map(|h| h.join(".pgpass")))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // libpq ignores a passfile others can read; so do we.
            let meta = std::fs::metadata(&path).ok()?;
            if meta.permissions().mode() & 0o077 != 0 {
                return None;
            }
        }
        let text = std::fs::read_to_string(&path).ok()?;
        passfile_lookup(
            &text,
            &self.host,
            &self.port.to_string(),
            &self.dbname,
            &self.user,
        )
    }

    /// Connects, with the password found the usual ways (or `password`).
    pub fn connect(&self, password: Option<&str>) -> Result<Client, TeamError> {
        let mut config = self.config.clone();
        let found = match password {
            Some(p) => Some(p.to_string()),
            None => self.find_password().map(|(p, _)| p),
        };
        if let Some(p) = &found {
            config.password(p);
        }
        let result = match self.tls {
            Tls::Disable => config.connect(NoTls),
            mode => {
                let mut b = native_tls::TlsConnector::builder();
                match mode {
                    Tls::Prefer | Tls::Require => {
                        // libpq: encrypted, the certificate not checked.
                        b.danger_accept_invalid_certs(true);
                        b.danger_accept_invalid_hostnames(true);
                    }
                    Tls::VerifyCa => {
                        b.danger_accept_invalid_hostnames(true);
                    }
                    _ => {}
                }
                if let Some(path) = &self.root_cert {
                    let pem = std::fs::read(path).map_err(|e| {
                        TeamError::Invalid(format!("sslrootcert {}: {e}", path.display()))
                    })?;
                    b.add_root_certificate(native_tls::Certificate::from_pem(&pem)?);
                }
                let tls = postgres_native_tls::MakeTlsConnector::new(b.build()?);
                config.connect(tls)
            }
        };
        result.map_err(|e| {
            if e.as_db_error().is_some() {
                let refused = TeamError::from(e);
                if found.is_none() && matches!(refused, TeamError::Refused(_)) {
                    return TeamError::NoPassword {
                        who: format!("{} on {}", self.user, self.url),
                    };
                }
                refused
            } else if found.is_none()
                && std::error::Error::source(&e)
                    .is_some_and(|c| c.to_string().contains("password missing"))
            {
                TeamError::NoPassword {
                    who: format!("{} on {}", self.user, self.url),
                }
            } else {
                TeamError::Unreachable {
                    url: self.url.clone(),
                    cause: e.to_string(),
                }
            }
        })
    }
}

/// Where a password came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credentials {
    Url,
    Env,
    Passfile,
    Keyring,
}

impl Credentials {
    pub fn as_str(self) -> &'static str {
        match self {
            Credentials::Url => "the URL",
            Credentials::Env => "PGPASSWORD",
            Credentials::Passfile => "the passfile",
            Credentials::Keyring => "the keyring",
        }
    }
}

/// The URL with any password replaced, for messages.
fn redact(raw: &str) -> String {
    match url::Url::parse(raw) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        Ok(u) => u.to_string(),
        Err(_) => "(unreadable URL)".into(),
    }
}

/// The password of the first passfile line matching the login, libpq's
/// rules: `host:port:db:user:password`, `*` matches anything, `\` escapes.
pub fn passfile_lookup(text: &str, host: &str, port: &str, db: &str, user: &str) -> Option<String> {
    for line in text.lines() {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = Vec::new();
        let mut cur = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    if let Some(n) = chars.next() {
                        cur.push(n);
                    }
                }
                ':' if fields.len() < 4 => fields.push(std::mem::take(&mut cur)),
                c => cur.push(c),
            }
        }
        fields.push(cur);
        if fields.len() != 5 {
            continue;
        }
        let ok = |f: &str, v: &str| f == "*" || f == v;
        let host_ok = ok(&fields[0], host)
            || (fields[0] == "localhost" && (host == "127.0.0.1" || host == "::1"));
        if host_ok && ok(&fields[1], port) && ok(&fields[2], db) && ok(&fields[3], user) {
            return Some(fields[4].clone());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, login: (&str, &str, &str, &str), expected: Option<&str>) {
        let (h, p, d, u) = login;
        assert_eq!(
            passfile_lookup(line, h, p, d, u).as_deref(),
            expected,
            "{line}"
        );
    }

    #[test]
    fn passfile_lines() {
        let login = ("db.example", "5432", "desk", "alice");
        check("db.example:5432:desk:alice:s3cret", login, Some("s3cret"));
        check("*:*:*:alice:any", login, Some("any"));
        check("db.example:5433:desk:alice:x", login, None);
        check(
            "# comment\n*:*:*:bob:x\n*:*:desk:*:p\\:w",
            login,
            Some("p:w"),
        );
        check("db.example:5432:desk:alice:a:b", login, Some("a:b"));
        check(
            "localhost:5432:desk:alice:l",
            ("127.0.0.1", "5432", "desk", "alice"),
            Some("l"),
        );
    }

    #[test]
    fn urls() {
        let u = HubUrl::parse(
            "postgres://alice:pw@db.example:6543/desk?sslmode=verify-full&sslrootcert=/tmp/ca.pem",
        )
        .unwrap();
        assert_eq!(u.url_password.as_deref(), Some("pw"));
        assert!(!u.url.contains("pw"), "{}", u.url);
        assert_eq!(u.tls, Tls::VerifyFull);
        assert_eq!(u.root_cert, Some(PathBuf::from("/tmp/ca.pem")));
        assert_eq!(
            (u.user.as_str(), u.port, u.dbname.as_str()),
            ("alice", 6543, "desk")
        );
        let u = HubUrl::parse("postgresql://bob@h/d?sslmode=disable").unwrap();
        assert_eq!(u.tls, Tls::Disable);
        for bad in [
            "http://x/y",
            "postgres://a@h/d?sslmode=sometimes",
            "postgres://a@h/d?password=x",
        ] {
            assert!(HubUrl::parse(bad).is_err(), "{bad}");
        }
    }
}
