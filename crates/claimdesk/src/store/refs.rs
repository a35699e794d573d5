//! References between shared sets on their way through a team hub: a
//! column's local ids become global keys when a row is sent, and global
//! keys become this replica's ids when a row is stored, in each form a
//! column can hold them ([`RefForm`]): one id, a JSON array of ids, or a
//! `PREFIX:ID-ID` name (an archive conflict's).

use super::StoreError;
use super::shared::RefForm;
use rusqlite::types::Value;
use serde_json::Value as Json;

/// A reference column's value as sent: local ids through `key` (`None`
/// when a referenced row has no global key yet).
pub(super) fn ids_out(
    form: RefForm,
    value: &Json,
    mut key: impl FnMut(i64) -> Result<Option<String>, StoreError>,
) -> Result<Option<Json>, StoreError> {
    match form {
        RefForm::One => match value.as_i64() {
            None => Ok(Some(Json::Null)),
            Some(id) => Ok(key(id)?.map(Json::String)),
        },
        RefForm::JsonArray => {
            let Some(text) = value.as_str() else {
                return Ok(Some(Json::Null));
            };
            let list: Vec<i64> = serde_json::from_str(text)?;
            let mut out = Vec::with_capacity(list.len());
            for id in list {
                match key(id)? {
                    Some(g) => out.push(Json::String(g)),
                    None => return Ok(None),
                }
            }
            Ok(Some(Json::String(Json::Array(out).to_string())))
        }
        RefForm::PrefixedIds => {
            let Some(text) = value.as_str() else {
                return Ok(Some(Json::Null));
            };
            // Only a `PREFIX:ID-ID` name holds local ids; any other value
            // (a name already the same on every replica) goes as it is.
            let parsed = text.split_once(':').and_then(|(prefix, ids)| {
                let ids: Option<Vec<i64>> = ids.split('-').map(|s| s.parse().ok()).collect();
                ids.map(|ids| (prefix, ids))
            });
            let Some((prefix, ids)) = parsed else {
                return Ok(Some(value.clone()));
            };
            let mut out = vec![Json::String(prefix.to_string())];
            for id in ids {
                match key(id)? {
                    Some(g) => out.push(Json::String(g)),
                    None => return Ok(None),
                }
            }
            Ok(Some(Json::String(Json::Array(out).to_string())))
        }
    }
}

/// A reference column's value as stored here: global keys through
/// `local`; `Err(key)` names a key not here yet.
pub(super) fn ids_in(
    form: RefForm,
    value: &Json,
    mut local: impl FnMut(&str) -> Result<Option<i64>, StoreError>,
) -> Result<Result<Value, String>, StoreError> {
    let keys = |v: &Json| -> Result<Vec<String>, StoreError> {
        match v.as_str() {
            Some(text) => Ok(serde_json::from_str(text)?),
            None => Ok(Vec::new()),
        }
    };
    let mut ids = Vec::new();
    let list = match form {
        RefForm::One => {
            let Some(gid) = value.as_str() else {
                return Ok(Ok(Value::Null));
            };
            return Ok(match local(gid)? {
                Some(id) => Ok(Value::Integer(id)),
                None => Err(gid.to_string()),
            });
        }
        _ if value.is_null() => return Ok(Ok(Value::Null)),
        RefForm::JsonArray => keys(value)?,
        RefForm::PrefixedIds if !value.as_str().is_some_and(|t| t.starts_with('[')) => {
            // Sent as it was: not a name of local ids.
            return Ok(Ok(value
                .as_str()
                .map_or(Value::Null, |t| Value::Text(t.to_string()))));
        }
        RefForm::PrefixedIds => {
            let mut k = keys(value)?;
            if k.is_empty() {
                return Err(StoreError::Invalid(format!(
                    "a reference column holds {value}"
                )));
            }
            let rest = k.split_off(1);
            ids.push(k.remove(0));
            rest
        }
    };
    let mut found = Vec::with_capacity(list.len());
    for gid in &list {
        match local(gid)? {
            Some(id) => found.push(id),
            None => return Ok(Err(gid.clone())),
        }
    }
    Ok(Ok(Value::Text(match form {
        RefForm::PrefixedIds => {
            found.sort_unstable();
            let joined: Vec<String> = found.iter().map(i64::to_string).collect();
            format!(
                "{}:{}",
                ids.first().map_or("", String::as_str),
                joined.join("-")
            )
        }
        _ => Json::Array(found.into_iter().map(Json::from).collect()).to_string(),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Local ids out to keys and back on a replica that numbers the same
    /// rows differently.
    fn check(form: RefForm, value: Json, sent: Json, back: Value) {
        let here: HashMap<i64, &str> = [(12, "k12"), (40, "k40"), (7, "k7")].into();
        let there: HashMap<&str, i64> = [("k12", 5), ("k40", 3), ("k7", 9)].into();
        let out = ids_out(form, &value, |id| Ok(here.get(&id).map(|s| s.to_string())))
            .unwrap()
            .unwrap();
        assert_eq!(out, sent, "{form:?} out");
        let got = ids_in(form, &out, |k| Ok(there.get(k).copied()))
            .unwrap()
            .unwrap();
        assert_eq!(got, back, "{form:?} in");
    }

    #[test]
    fn references_travel() {
        check(
            RefForm::One,
            Json::from(12),
            Json::from("k12"),
            Value::Integer(5),
        );
        check(RefForm::One, Json::Null, Json::Null, Value::Null);
        check(
            RefForm::JsonArray,
            Json::from("[12,40]"),
            Json::from(r#"["k12","k40"]"#),
            Value::Text("[5,3]".into()),
        );
        // A name that is the same everywhere travels as it is.
        check(
            RefForm::PrefixedIds,
            Json::from("exclusive_role|3f2a/role|ada|mayor"),
            Json::from("exclusive_role|3f2a/role|ada|mayor"),
            Value::Text("exclusive_role|3f2a/role|ada|mayor".into()),
        );
        check(
            RefForm::PrefixedIds,
            Json::from("exclusive_role:12-40"),
            Json::from(r#"["exclusive_role","k12","k40"]"#),
            Value::Text("exclusive_role:3-5".into()),
        );
    }

    #[test]
    fn a_missing_reference_waits() {
        let out = ids_out(RefForm::JsonArray, &Json::from("[12,99]"), |id| {
            Ok((id == 12).then(|| "k12".to_string()))
        })
        .unwrap();
        assert_eq!(out, None);
        let back = ids_in(RefForm::PrefixedIds, &Json::from(r#"["r","k1"]"#), |_| {
            Ok(None)
        })
        .unwrap();
        assert_eq!(back, Err("k1".to_string()));
    }
}
