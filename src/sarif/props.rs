//! SARIF property bags as the importer reads them: only the keys gate rates
//! results by, borrowed from the input, without building a JSON tree per
//! result (a bag is a map of anything; every other key is skipped unread).

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

/// A property value: a string, a number, a list of values, or something
/// gate never reads (`Other`: booleans, null, objects).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Loose<'a> {
    Str(Cow<'a, str>),
    UInt(u64),
    Int(i64),
    Float(f64),
    List(Vec<Loose<'a>>),
    Other,
}

impl Loose<'_> {
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Loose::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Like `serde_json::Value::as_u64`: only non-negative integers.
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self {
            Loose::UInt(n) => Some(*n),
            Loose::Int(n) => u64::try_from(*n).ok(),
            _ => None,
        }
    }

    pub(crate) fn as_f64(&self) -> Option<f64> {
        match self {
            Loose::UInt(n) => Some(*n as f64),
            Loose::Int(n) => Some(*n as f64),
            Loose::Float(n) => Some(*n),
            _ => None,
        }
    }

    pub(crate) fn as_list(&self) -> Option<&[Self]> {
        match self {
            Loose::List(v) => Some(v),
            _ => None,
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Loose<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<Loose<'a>>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Loose<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Loose::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Loose::Str(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
                Ok(Loose::Str(Cow::Owned(s)))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
                Ok(Loose::UInt(n))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
                Ok(Loose::Int(n))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Self::Value, E> {
                Ok(Loose::Float(n))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Loose::Other)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Loose::Other)
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Loose::Other)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                Loose::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Loose::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Loose::Other)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// The keys of a property bag gate reads (results' and rules' alike).
#[derive(Debug, Default)]
pub(crate) struct Props<'a> {
    /// bandit's `HIGH`/`MEDIUM`/`LOW`.
    pub issue_severity: Option<Loose<'a>>,
    pub severity: Option<Loose<'a>>,
    /// GitHub's score (`"8.8"` or `8.8`).
    pub security_severity: Option<Loose<'a>>,
    /// bandit's confidence.
    pub issue_confidence: Option<Loose<'a>>,
    pub confidence: Option<Loose<'a>>,
    pub precision: Option<Loose<'a>>,
    pub cwe: Option<Loose<'a>>,
    pub tags: Option<Loose<'a>>,
    pub name: Option<Loose<'a>>,
}

#[derive(Deserialize)]
#[serde(field_identifier)]
enum Key {
    #[serde(rename = "issue_severity")]
    IssueSeverity,
    #[serde(rename = "severity")]
    Severity,
    #[serde(rename = "security-severity")]
    SecuritySeverity,
    #[serde(rename = "issue_confidence")]
    IssueConfidence,
    #[serde(rename = "confidence")]
    Confidence,
    #[serde(rename = "precision")]
    Precision,
    #[serde(rename = "cwe")]
    Cwe,
    #[serde(rename = "tags")]
    Tags,
    #[serde(rename = "name")]
    Name,
    #[serde(other)]
    Other,
}

impl<'de: 'a, 'a> Deserialize<'de> for Props<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<Props<'a>>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Props<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a property bag (a JSON object)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut p = Props::default();
                // A repeated key: the last one counts, as in a JSON object read whole.
                while let Some(key) = map.next_key::<Key>()? {
                    let slot = match key {
                        Key::IssueSeverity => &mut p.issue_severity,
                        Key::Severity => &mut p.severity,
                        Key::SecuritySeverity => &mut p.security_severity,
                        Key::IssueConfidence => &mut p.issue_confidence,
                        Key::Confidence => &mut p.confidence,
                        Key::Precision => &mut p.precision,
                        Key::Cwe => &mut p.cwe,
                        Key::Tags => &mut p.tags,
                        Key::Name => &mut p.name,
                        Key::Other => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = Some(map.next_value()?);
                }
                Ok(p)
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_keys_gate_reads_are_kept_and_strings_are_borrowed() {
        let text = r#"{"issue_severity":"HIGH","other":{"deep":[1,{"x":null}]},"cwe":78,
            "tags":["security","external/cwe/cwe-78",3],"security-severity":"8.8","severity":"LOW",
            "severity":"MEDIUM","precision":-1,"name":"es\u0063aped"}"#;
        let p: Props = serde_json::from_str(text).unwrap();
        assert!(matches!(
            p.issue_severity,
            Some(Loose::Str(Cow::Borrowed("HIGH")))
        ));
        assert_eq!(p.severity.unwrap().as_str(), Some("MEDIUM"), "last wins");
        assert_eq!(p.cwe.unwrap().as_u64(), Some(78));
        assert_eq!(p.precision.unwrap().as_u64(), None);
        assert_eq!(p.name.unwrap().as_str(), Some("escaped"));
        let tags: Vec<&str> = p
            .tags
            .as_ref()
            .and_then(Loose::as_list)
            .unwrap()
            .iter()
            .filter_map(Loose::as_str)
            .collect();
        assert_eq!(tags, ["security", "external/cwe/cwe-78"]);
        assert!(serde_json::from_str::<Props>("[1]").is_err());
    }
}
