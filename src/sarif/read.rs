//! Reading other tools' SARIF leniently, and refusing what cannot be trusted.
//!
//! Unknown fields are ignored; anything the gate needs and cannot find (no
//! `runs`, a result without a location, a `level` SARIF does not define, a
//! version other than 2.1.0, a truncated file) is an error that names the
//! file and the JSON path. Never "0 findings" for a file we could not read.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::Read as _;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use super::props::{Loose, Props};
use super::rulemap::RuleMap;
use super::uri::Resolver;
use crate::buffer::with_thread_buffer;
use crate::diagnostic::{Diagnostic, Kind, Level};
use crate::engines::RuleInfo;
use crate::finding::{Confidence, Finding, Region, Severity, Suppression, SuppressionKind};

/// Larger SARIF inputs are refused rather than read into memory (GitHub
/// itself takes at most 10 MB gzipped).
pub const MAX_SARIF_BYTES: u64 = 256 << 20;

/// A SARIF file gate could not use.
#[derive(Debug, thiserror::Error)]
pub enum SarifError {
    #[error("{file}: cannot read: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: {size} bytes is more than the {limit}-byte limit for SARIF input; refusing to read it")]
    TooLarge { file: String, size: u64, limit: u64 },
    #[error("{file}: at {path}: {message}")]
    Invalid {
        file: String,
        path: String,
        message: String,
    },
}

/// How a run counts columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    /// Unicode scalar values (ruff, gate).
    Chars,
    /// UTF-16 code units (the SARIF default for tools that say so).
    Utf16,
    /// Bytes (bandit's `col_offset + 1`, whatever `columnKind` says).
    Bytes,
}

/// One imported result, normalised, with what the source pass still needs.
#[derive(Debug, Clone)]
pub struct Imported {
    /// Rule id as gate knows it (ruff `S602` → `B602`); `tool` is the tool's name.
    pub finding: Finding,
    pub columns: ColumnUnit,
    /// `partialFingerprints` as the file had them (gate's own, GitHub's line hash).
    pub fingerprints: BTreeMap<String, String>,
}

/// A tool that contributed results.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ToolInfo {
    pub name: String,
    pub version: Option<String>,
    pub information_uri: Option<String>,
}

/// Everything read from one SARIF file.
#[derive(Debug, Clone)]
pub struct SarifInput {
    /// The file as given on the command line.
    pub file: String,
    pub tools: Vec<ToolInfo>,
    pub results: Vec<Imported>,
    /// Rule entries for every rule a result refers to (canonical ids).
    pub rules: Vec<RuleInfo>,
    /// Skipped files, unparsable files and failed executions the tools reported.
    pub diagnostics: Vec<Diagnostic>,
}

// ---- The tolerant shape of SARIF: only what gate reads, everything optional. ----
//
// Strings are borrowed from the file's bytes where JSON escapes allow it,
// property bags keep only the keys gate reads, and every other field is
// skipped unread: a result costs the finding it becomes, not a JSON tree.

type Text<'a> = Cow<'a, str>;

#[derive(Deserialize)]
struct LogIn<'a> {
    version: Option<Value>,
    #[serde(borrow)]
    runs: Option<Vec<RunIn<'a>>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RunIn<'a> {
    #[serde(borrow)]
    tool: Option<ToolIn<'a>>,
    #[serde(borrow)]
    results: Option<Vec<ResultIn<'a>>>,
    #[serde(borrow)]
    artifacts: Option<Vec<ArtifactIn<'a>>>,
    #[serde(borrow)]
    original_uri_base_ids: Option<HashMap<String, ArtifactLocationIn<'a>>>,
    column_kind: Option<String>,
    #[serde(borrow)]
    invocations: Option<Vec<InvocationIn<'a>>>,
}

#[derive(Deserialize)]
struct ToolIn<'a> {
    #[serde(borrow)]
    driver: Option<ComponentIn<'a>>,
    #[serde(borrow)]
    extensions: Option<Vec<ComponentIn<'a>>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ComponentIn<'a> {
    name: Option<String>,
    version: Option<String>,
    semantic_version: Option<String>,
    information_uri: Option<String>,
    #[serde(borrow)]
    rules: Option<Vec<RuleIn<'a>>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RuleIn<'a> {
    #[serde(borrow)]
    id: Option<Text<'a>>,
    #[serde(borrow)]
    name: Option<Text<'a>>,
    #[serde(borrow)]
    short_description: Option<MessageIn<'a>>,
    #[serde(borrow)]
    full_description: Option<MessageIn<'a>>,
    #[serde(borrow)]
    help: Option<MessageIn<'a>>,
    #[serde(borrow)]
    help_uri: Option<Text<'a>>,
    default_configuration: Option<ConfigurationIn>,
    #[serde(borrow)]
    properties: Option<Props<'a>>,
}

#[derive(Deserialize)]
struct ConfigurationIn {
    level: Option<String>,
}

#[derive(Deserialize)]
struct MessageIn<'a> {
    #[serde(borrow)]
    text: Option<Text<'a>>,
    #[serde(borrow)]
    markdown: Option<Text<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ResultIn<'a> {
    #[serde(borrow)]
    rule_id: Option<Text<'a>>,
    rule_index: Option<i64>,
    #[serde(borrow)]
    rule: Option<RuleRefIn<'a>>,
    #[serde(borrow)]
    kind: Option<Text<'a>>,
    #[serde(borrow)]
    level: Option<Text<'a>>,
    #[serde(borrow)]
    message: Option<MessageIn<'a>>,
    #[serde(borrow)]
    locations: Option<First<LocationIn<'a>>>,
    suppressions: Option<Vec<SuppressionIn>>,
    partial_fingerprints: Option<BTreeMap<String, Value>>,
    #[serde(borrow)]
    properties: Option<Box<Props<'a>>>,
}

/// The first element of a JSON array, the others skipped unread (gate
/// uses a result's first location only): no list to allocate per result.
struct First<T>(Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for First<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for V<T> {
            type Value = First<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let first = seq.next_element()?;
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(First(first))
            }
        }
        d.deserialize_seq(V(std::marker::PhantomData))
    }
}

#[derive(Deserialize)]
struct RuleRefIn<'a> {
    #[serde(borrow)]
    id: Option<Text<'a>>,
    index: Option<i64>,
}

#[derive(Deserialize)]
struct SuppressionIn {
    kind: Option<String>,
    status: Option<String>,
    justification: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LocationIn<'a> {
    #[serde(borrow)]
    physical_location: Option<PhysicalLocationIn<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocationIn<'a> {
    #[serde(borrow)]
    artifact_location: Option<ArtifactLocationIn<'a>>,
    #[serde(borrow)]
    region: Option<RegionIn<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocationIn<'a> {
    #[serde(borrow)]
    uri: Option<Text<'a>>,
    #[serde(borrow)]
    uri_base_id: Option<Text<'a>>,
    index: Option<i64>,
}

#[derive(Deserialize)]
struct ArtifactIn<'a> {
    #[serde(borrow)]
    location: Option<ArtifactLocationIn<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RegionIn<'a> {
    start_line: Option<i64>,
    start_column: Option<i64>,
    end_line: Option<i64>,
    end_column: Option<i64>,
    #[serde(borrow)]
    snippet: Option<ContentIn<'a>>,
}

#[derive(Deserialize)]
struct ContentIn<'a> {
    #[serde(borrow)]
    text: Option<Text<'a>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct InvocationIn<'a> {
    execution_successful: Option<bool>,
    #[serde(borrow)]
    tool_execution_notifications: Option<Vec<NotificationIn<'a>>>,
}

#[derive(Deserialize)]
struct NotificationIn<'a> {
    level: Option<String>,
    #[serde(borrow)]
    message: Option<MessageIn<'a>>,
    #[serde(borrow)]
    locations: Option<Vec<LocationIn<'a>>>,
}

// ---- Reading. ----

/// Buffers up to this size are kept for the next file read on the same
/// thread: inputs are tens of megabytes each, and fresh memory costs a page
/// fault every 4 KiB.
const REUSED_BUFFER_BYTES: usize = 64 << 20;

/// Read and normalise one SARIF file; report paths are made relative to `root`.
pub fn read_file(path: &Path, root: &Path) -> Result<SarifInput, SarifError> {
    let file = path.display().to_string();
    with_thread_buffer(REUSED_BUFFER_BYTES, |bytes| {
        read_limited(path, &file, MAX_SARIF_BYTES, bytes)?;
        parse(&file, bytes, root)
    })
}

fn read_limited(
    path: &Path,
    file: &str,
    limit: u64,
    bytes: &mut Vec<u8>,
) -> Result<(), SarifError> {
    let read_err = |source| SarifError::Read {
        file: file.to_string(),
        source,
    };
    let f = File::open(path).map_err(read_err)?;
    let size = f.metadata().map_err(read_err)?.len();
    if size > limit {
        return Err(SarifError::TooLarge {
            file: file.to_string(),
            size,
            limit,
        });
    }
    // A pipe or a growing file has no trustworthy size: never read past the limit.
    bytes.clear();
    bytes.reserve(size as usize);
    f.take(limit + 1).read_to_end(bytes).map_err(read_err)?;
    if bytes.len() as u64 > limit {
        return Err(SarifError::TooLarge {
            file: file.to_string(),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(())
}

/// Parse SARIF text (`file` names it in errors).
pub fn parse(file: &str, bytes: &[u8], root: &Path) -> Result<SarifInput, SarifError> {
    let invalid = |path: &str, message: String| SarifError::Invalid {
        file: file.to_string(),
        path: path.to_string(),
        message,
    };
    // Editors and PowerShell start UTF-8 files with a byte order mark; JSON
    // forbids it, GitHub code scanning accepts it, and so does gate.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Fast path without path tracking; only a file that fails is parsed
    // again to say where.
    let log: LogIn = match serde_json::from_slice(bytes) {
        Ok(log) => log,
        Err(_) => return Err(locate_error(file, bytes)),
    };
    match &log.version {
        Some(Value::String(v)) if v == "2.1.0" => {}
        Some(other) => {
            return Err(invalid(
                "$.version",
                format!("version {other} is not supported (gate reads SARIF 2.1.0)"),
            ))
        }
        None => {
            return Err(invalid(
                "$.version",
                "missing `version` (gate reads SARIF 2.1.0)".into(),
            ))
        }
    }
    let Some(runs) = log.runs else {
        return Err(invalid("$.runs", "missing `runs`: not a SARIF log".into()));
    };
    let mut out = SarifInput {
        file: file.to_string(),
        tools: Vec::new(),
        results: Vec::new(),
        rules: Vec::new(),
        diagnostics: Vec::new(),
    };
    for (i, run) in runs.into_iter().enumerate() {
        read_run(&format!("$.runs[{i}]"), run, root, &mut out).map_err(|(p, m)| invalid(&p, m))?;
    }
    Ok(out)
}

/// Parse again, tracking the JSON path, to describe why the document failed.
fn locate_error(file: &str, bytes: &[u8]) -> SarifError {
    let invalid = |path: String, message: String| SarifError::Invalid {
        file: file.to_string(),
        path,
        message,
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, LogIn>(&mut de) {
        Err(e) => {
            let path = json_path(&e.path().to_string());
            let inner = e.into_inner();
            let what = if inner.is_eof() {
                "the file ends too early (truncated JSON?)"
            } else if inner.is_syntax() {
                "not valid JSON"
            } else {
                "unexpected value"
            };
            invalid(path, format!("{what}: {inner}"))
        }
        Ok(_) => match de.end() {
            Err(e) => invalid(
                "$".into(),
                format!("trailing data after the SARIF document: {e}"),
            ),
            Ok(()) => invalid("$".into(), "cannot be read as SARIF".into()),
        },
    }
}

/// `serde_path_to_error`'s `runs[0].results` as a JSONPath (`$.runs[0].results`).
fn json_path(p: &str) -> String {
    if p == "." || p.is_empty() {
        "$".into()
    } else {
        format!("$.{p}")
    }
}

type RunError = (String, String);

fn read_run(at: &str, run: RunIn, root: &Path, out: &mut SarifInput) -> Result<(), RunError> {
    let err = |p: String, m: String| (p, m);
    let driver = run
        .tool
        .as_ref()
        .and_then(|t| t.driver.as_ref())
        .ok_or_else(|| err(format!("{at}.tool.driver"), "missing `tool.driver`".into()))?;
    let display_name = driver
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| err(format!("{at}.tool.driver.name"), "missing tool name".into()))?;
    let tool = tool_id(display_name);
    out.tools.push(ToolInfo {
        name: tool.clone(),
        version: driver
            .semantic_version
            .clone()
            .or_else(|| driver.version.clone()),
        information_uri: driver.information_uri.clone(),
    });
    let columns = match (tool.as_str(), run.column_kind.as_deref()) {
        ("bandit", _) => ColumnUnit::Bytes,
        (_, Some("utf16CodeUnits")) => ColumnUnit::Utf16,
        (_, Some("unicodeCodePoints")) | (_, None) => ColumnUnit::Chars,
        (_, Some(other)) => {
            return Err(err(
                format!("{at}.columnKind"),
                format!("unknown columnKind `{other}` (utf16CodeUnits or unicodeCodePoints)"),
            ))
        }
    };
    let rules: &[RuleIn] = driver.rules.as_deref().unwrap_or_default();
    let ext_rules = run
        .tool
        .iter()
        .flat_map(|t| t.extensions.iter().flatten())
        .flat_map(|e| e.rules.iter().flatten());
    let rule_by_id: HashMap<&str, &RuleIn> = rules
        .iter()
        .chain(ext_rules)
        .filter_map(|r| r.id.as_deref().map(|id| (id, r)))
        .collect();
    let bases = run
        .original_uri_base_ids
        .iter()
        .flatten()
        .filter_map(|(k, v)| {
            let uri = v.uri.as_deref()?.to_string();
            Some((
                k.clone(),
                (uri, v.uri_base_id.as_deref().map(str::to_string)),
            ))
        })
        .collect();
    let mut resolver = Resolver::new(root, bases);
    let artifacts: Vec<Option<&ArtifactLocationIn>> = run
        .artifacts
        .iter()
        .flatten()
        .map(|a| a.location.as_ref())
        .collect();
    for (k, inv) in run.invocations.iter().flatten().enumerate() {
        if inv.execution_successful == Some(false) {
            out.diagnostics.push(Diagnostic::general(
                Level::Error,
                Kind::Input,
                format!(
                    "{}: {tool} reports that its run failed ({at}.invocations[{k}].executionSuccessful is false); its results cannot be trusted to be complete",
                    out.file
                ),
            ));
        }
        for n in inv.tool_execution_notifications.iter().flatten() {
            if !matches!(n.level.as_deref(), Some("error") | Some("warning")) {
                continue;
            }
            let text = n
                .message
                .as_ref()
                .and_then(|m| m.text.as_deref())
                .unwrap_or_default();
            let path = n
                .locations
                .iter()
                .flatten()
                .filter_map(|l| l.physical_location.as_ref()?.artifact_location.as_ref())
                .find_map(|a| {
                    resolver
                        .resolve(a.uri.as_deref()?, a.uri_base_id.as_deref())
                        .ok()
                });
            let msg = format!("{tool} did not fully check this file: {text}");
            out.diagnostics.push(match path {
                Some(p) => Diagnostic::file(Level::Warning, Kind::Unparsable, p, msg),
                None => {
                    Diagnostic::general(Level::Warning, Kind::Input, format!("{}: {msg}", out.file))
                }
            });
        }
    }
    let Some(results) = run.results.as_deref() else {
        return Err(err(
            format!("{at}.results"),
            "missing `results`: the tool did not report whether it found anything".into(),
        ));
    };
    let map = RuleMap::get();
    let mut seen_rules: BTreeMap<String, RuleInfo> = BTreeMap::new();
    out.results.reserve(results.len());
    for (j, r) in results.iter().enumerate() {
        // JSON paths are spelled out only for an error.
        let rat = || format!("{at}.results[{j}]");
        let reported: &str = r
            .rule_id
            .as_deref()
            .or_else(|| r.rule.as_ref()?.id.as_deref())
            .or_else(|| {
                let idx = r.rule_index.or_else(|| r.rule.as_ref()?.index)?;
                rules.get(usize::try_from(idx).ok()?)?.id.as_deref()
            })
            .ok_or_else(|| err(format!("{}.ruleId", rat()), "missing `ruleId`".into()))?;
        match r.kind.as_deref() {
            None | Some("fail") | Some("review") | Some("open") | Some("informational") => {}
            Some("pass") | Some("notApplicable") => continue,
            Some(other) => {
                return Err(err(
                    format!("{}.kind", rat()),
                    format!("unknown kind `{other}` (fail, pass, review, open, notApplicable, informational)"),
                ))
            }
        }
        let rule = rule_by_id.get(reported).copied();
        let level = match r.level.as_deref() {
            Some(l) => Some(check_level(l).map_err(|m| err(format!("{}.level", rat()), m))?),
            None => None,
        };
        let message: &str = r
            .message
            .as_ref()
            .and_then(|m| m.text.as_deref().or(m.markdown.as_deref()))
            .or_else(|| rule?.short_description.as_ref()?.text.as_deref())
            .ok_or_else(|| {
                err(
                    format!("{}.message", rat()),
                    "missing `message.text`".into(),
                )
            })?;
        let Some(loc) = r.locations.as_ref().and_then(|l| l.0.as_ref()) else {
            return Err(err(
                format!("{}.locations", rat()),
                "result has no location: gate cannot tell where the problem is".into(),
            ));
        };
        let lat = || format!("{}.locations[0].physicalLocation", rat());
        let phys = loc
            .physical_location
            .as_ref()
            .ok_or_else(|| err(lat(), "missing `physicalLocation`".into()))?;
        let art = phys.artifact_location.as_ref().and_then(|a| {
            if a.uri.is_some() {
                Some(a)
            } else {
                let idx = usize::try_from(a.index?).ok()?;
                *artifacts.get(idx)?
            }
        });
        let Some((uri, art)) = art.and_then(|a| Some((a.uri.as_deref()?, a))) else {
            return Err(err(
                format!("{}.artifactLocation.uri", lat()),
                "missing artifact URI".into(),
            ));
        };
        let path = resolver
            .resolve(uri, art.uri_base_id.as_deref())
            .map_err(|m| err(format!("{}.artifactLocation.uri", lat()), m))?;
        let region = read_region(phys.region.as_ref(), || format!("{}.region", lat()))?;
        if is_syntax_error(&tool, reported) {
            out.diagnostics.push(
                Diagnostic::file(
                    Level::Warning,
                    Kind::Unparsable,
                    path,
                    format!("{tool} could not parse this file: {message}"),
                )
                .at(region.start_line, None),
            );
            continue;
        }
        let canonical = map.canonical(reported);
        let props = r.properties.as_deref();
        let rule_props = rule.and_then(|x| x.properties.as_ref());
        let default_level = rule
            .and_then(|x| x.default_configuration.as_ref()?.level.as_deref())
            .and_then(|l| check_level(l).ok());
        let (severity, confidence) =
            rate(&tool, canonical, level.or(default_level), props, rule_props);
        let cwe = cwe_of(props, rule_props);
        let mut f = Finding::new(
            canonical,
            tool.as_str(),
            severity,
            confidence,
            path,
            region,
            message.trim(),
        );
        f.cwe = cwe;
        f.snippet = phys
            .region
            .as_ref()
            .and_then(|x| Some(x.snippet.as_ref()?.text.as_deref()?.to_string()));
        f.suppression = accepted_suppression(r.suppressions.as_deref());
        if !seen_rules.contains_key(canonical) {
            let info = rule_info(&tool, canonical, reported, rule, &f);
            seen_rules.insert(canonical.to_string(), info);
        }
        let fingerprints = match &r.partial_fingerprints {
            None => BTreeMap::new(),
            Some(m) => m
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                .collect(),
        };
        out.results.push(Imported {
            finding: f,
            columns,
            fingerprints,
        });
    }
    out.rules.extend(seen_rules.into_values());
    Ok(())
}

/// A tool's id for `Finding::tool`: its name, lowercased, spaces as dashes.
fn tool_id(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace(' ', "-")
}

fn check_level(l: &str) -> Result<&'static str, String> {
    match l {
        "error" => Ok("error"),
        "warning" => Ok("warning"),
        "note" => Ok("note"),
        "none" => Ok("none"),
        other => Err(format!(
            "unknown level `{other}` (SARIF levels are error, warning, note, none)"
        )),
    }
}

fn is_syntax_error(tool: &str, rule: &str) -> bool {
    tool == "ruff" && matches!(rule, "invalid-syntax" | "E999" | "syntax-error")
}

fn read_region(r: Option<&RegionIn>, at: impl Fn() -> String) -> Result<Region, RunError> {
    let Some(r) = r else {
        return Ok(Region::line(1));
    };
    let line = |v: Option<i64>, name: &str| -> Result<Option<u32>, RunError> {
        match v {
            None => Ok(None),
            Some(n) if n >= 1 && n <= i64::from(u32::MAX) => Ok(Some(n as u32)),
            Some(n) => Err((
                format!("{}.{name}", at()),
                format!("{name} {n} is out of range (lines and columns start at 1)"),
            )),
        }
    };
    let start_line = line(r.start_line, "startLine")?.unwrap_or(1);
    let start_column = line(r.start_column, "startColumn")?.unwrap_or(1);
    let end_line = line(r.end_line, "endLine")?
        .unwrap_or(start_line)
        .max(start_line);
    let end_column = line(r.end_column, "endColumn")?.unwrap_or(start_column);
    Ok(Region {
        start_line,
        start_column,
        end_line,
        end_column,
    })
}

fn accepted_suppression(s: Option<&[SuppressionIn]>) -> Option<Suppression> {
    let s = s?.iter().find(|s| {
        // SARIF: a suppression without status is accepted.
        matches!(s.status.as_deref(), None | Some("accepted"))
    })?;
    Some(Suppression {
        kind: if s.kind.as_deref() == Some("inSource") {
            SuppressionKind::InSource
        } else {
            SuppressionKind::External
        },
        justification: s
            .justification
            .clone()
            .unwrap_or_else(|| "suppressed by the reporting tool".into()),
    })
}

/// A string property: `key` picks the field of the bag.
fn prop_str<'a>(
    m: Option<&'a Props<'_>>,
    key: impl Fn(&'a Props<'_>) -> &'a Option<Loose<'a>>,
) -> Option<&'a str> {
    key(m?).as_ref()?.as_str()
}

fn security_severity(v: Option<&Loose>) -> Option<Severity> {
    let score: f64 = match v? {
        Loose::Str(s) => s.trim().parse().ok()?,
        other => other.as_f64()?,
    };
    // GitHub's buckets.
    Some(if score > 9.0 {
        Severity::Critical
    } else if score >= 7.0 {
        Severity::High
    } else if score >= 4.0 {
        Severity::Medium
    } else if score > 0.0 {
        Severity::Low
    } else {
        Severity::Info
    })
}

/// Severity and confidence: a tool's own properties first (bandit's
/// `issue_severity`), then `security-severity`, then the level.
fn rate(
    tool: &str,
    rule: &str,
    level: Option<&str>,
    props: Option<&Props>,
    rule_props: Option<&Props>,
) -> (Severity, Confidence) {
    let sev_prop = prop_str(props, |p| &p.issue_severity)
        .or_else(|| prop_str(props, |p| &p.severity))
        .and_then(|s| s.parse::<Severity>().ok());
    let severity = sev_prop
        .or_else(|| security_severity(props?.security_severity.as_ref()))
        .or_else(|| security_severity(rule_props?.security_severity.as_ref()))
        .unwrap_or_else(|| {
            if tool == "ruff" {
                // ruff writes `error` for every result: its level says nothing.
                if RuleMap::get().is_bandit_id(rule) {
                    Severity::Medium
                } else {
                    Severity::Low
                }
            } else {
                match level.unwrap_or("warning") {
                    "error" => Severity::High,
                    "warning" => Severity::Medium,
                    "note" => Severity::Low,
                    _ => Severity::Info,
                }
            }
        });
    let confidence = prop_str(props, |p| &p.issue_confidence)
        .or_else(|| prop_str(props, |p| &p.confidence))
        .or_else(|| prop_str(props, |p| &p.precision))
        .or_else(|| prop_str(rule_props, |p| &p.precision))
        .and_then(|c| {
            if c.eq_ignore_ascii_case("very-high") {
                Some(Confidence::High)
            } else {
                c.parse().ok()
            }
        })
        .unwrap_or(Confidence::Medium);
    (severity, confidence)
}

fn cwe_from_text(s: &str) -> Option<u32> {
    // ASCII case-insensitive `rfind`, without a lowercased copy per result.
    let b = s.as_bytes();
    let rfind = |pat: &[u8]| {
        (0..b.len().saturating_sub(pat.len() - 1))
            .rev()
            .find(|&i| b[i..i + pat.len()].eq_ignore_ascii_case(pat))
    };
    let i = rfind(b"cwe-").or_else(|| rfind(b"cwe/"))?;
    let digits = b[i + 4..].iter().take_while(|c| c.is_ascii_digit()).count();
    s[i + 4..i + 4 + digits].parse().ok()
}

fn cwe_of(props: Option<&Props>, rule_props: Option<&Props>) -> Option<u32> {
    let direct = props.and_then(|m| match m.cwe.as_ref()? {
        Loose::Str(s) => cwe_from_text(s).or_else(|| s.parse().ok()),
        n => n.as_u64().and_then(|n| u32::try_from(n).ok()),
    });
    direct.or_else(|| {
        [props, rule_props]
            .into_iter()
            .flatten()
            .filter_map(|m| m.tags.as_ref()?.as_list())
            .flatten()
            .filter_map(Loose::as_str)
            .find_map(cwe_from_text)
    })
}

/// `subprocess_popen_with_shell_equals_true` → `Subprocess popen with shell equals true`.
fn humanize(name: &str) -> String {
    let s = name.replace(['_', '-'], " ");
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => s,
    }
}

fn rule_info(
    tool: &str,
    canonical: &str,
    reported: &str,
    rule: Option<&RuleIn>,
    first: &Finding,
) -> RuleInfo {
    let map = RuleMap::get();
    let text = |m: Option<&MessageIn>| {
        m.and_then(|m| m.text.as_deref())
            .filter(|t| !t.trim().is_empty())
            .map(str::to_string)
    };
    let name = rule
        .and_then(|r| prop_str(r.properties.as_ref(), |p| &p.name))
        .or_else(|| rule?.name.as_deref())
        .filter(|n| *n != "blacklist")
        .map(str::to_string)
        .or_else(|| map.bandit_name(canonical).map(str::to_string))
        .unwrap_or_else(|| reported.to_string());
    let short = text(rule.and_then(|r| r.short_description.as_ref()))
        .unwrap_or_else(|| first_sentence(&first.message).unwrap_or_else(|| humanize(&name)));
    let full =
        text(rule.and_then(|r| r.full_description.as_ref())).unwrap_or_else(|| short.clone());
    let help_uri = rule.and_then(|r| Some(r.help_uri.as_deref()?.to_string()));
    let mut help = rule
        .and_then(|r| r.help.as_ref())
        .and_then(|h| h.markdown.as_deref().or(h.text.as_deref()))
        .filter(|h| !h.trim().is_empty() && h.trim() != short.trim())
        .map_or_else(|| full.clone(), str::to_string);
    if let Some(uri) = &help_uri {
        help.push_str(&format!("\n\n[{tool} documentation for {reported}]({uri})"));
    }
    let tags: Vec<String> = rule
        .and_then(|r| r.properties.as_ref()?.tags.as_ref()?.as_list())
        .unwrap_or_default()
        .iter()
        .filter_map(Loose::as_str)
        .filter(|t| *t != "security" && cwe_from_text(t).is_none())
        .map(str::to_string)
        .collect();
    RuleInfo {
        id: canonical.to_string(),
        name,
        tool: tool.to_string(),
        short_description: short,
        full_description: full,
        help,
        severity: first.severity,
        confidence: first.confidence,
        cwe: first.cwe,
        tags,
        references: help_uri.into_iter().collect(),
    }
}

fn first_sentence(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let end = s.find(". ").map_or(s.len(), |i| i + 1);
    Some(s[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse("in.sarif", text.as_bytes(), Path::new("/nonexistent-root"))
            .unwrap_err()
            .to_string()
    }

    const OK_RUN: &str = r#"{"tool":{"driver":{"name":"x"}},"results":[]}"#;

    #[test]
    fn bad_documents_name_file_and_json_path() {
        let e = err("not json");
        assert!(e.starts_with("in.sarif: at $: not valid JSON"), "{e}");
        let e = err(
            r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"#,
        );
        assert!(e.contains("truncated"), "{e}");
        assert!(e.contains("$.runs[0].results[0]"), "{e}");
        let e = err(&format!(r#"{{"version":"2.0.0","runs":[{OK_RUN}]}}"#));
        assert!(e.contains("at $.version: version \"2.0.0\""), "{e}");
        let e = err(r#"{"version":"2.1.0"}"#);
        assert!(e.contains("at $.runs: missing `runs`"), "{e}");
        let e = err(
            r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"R","level":"high","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.py"}}}]}]}]}"#,
        );
        assert!(
            e.contains("at $.runs[0].results[0].level: unknown level `high`"),
            "{e}"
        );
        let e = err(
            r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"R","message":{"text":"m"}}]}]}"#,
        );
        assert!(
            e.contains("at $.runs[0].results[0].locations: result has no location"),
            "{e}"
        );
        let e = err(
            r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"R","message":{"text":"m"},"locations":[]}]}]}"#,
        );
        assert!(e.contains("$.runs[0].results[0].locations"), "{e}");
        let e = err(
            r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":7}]}]}"#,
        );
        assert!(e.contains("$.runs[0].results[0].ruleId"), "{e}");
    }

    #[test]
    fn bandit_medium_has_no_level_and_severity_comes_from_properties() {
        let text = r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Bandit"}},"results":[
          {"ruleId":"B506","message":{"text":"yaml"},"properties":{"issue_severity":"MEDIUM","issue_confidence":"HIGH"},
           "locations":[{"physicalLocation":{"artifactLocation":{"uri":"./src/app.py"},"region":{"startLine":19,"startColumn":16}}}]}]}]}"#;
        let input = parse("b.sarif", text.as_bytes(), Path::new("/r")).unwrap();
        let f = &input.results[0].finding;
        assert_eq!(f.tool, "bandit");
        assert_eq!(f.path, "src/app.py");
        assert_eq!(
            (f.severity, f.confidence),
            (Severity::Medium, Confidence::High)
        );
        assert_eq!(input.results[0].columns, ColumnUnit::Bytes);
    }

    #[test]
    fn ruff_syntax_errors_become_diagnostics_not_findings() {
        let text = r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"ruff"}},"results":[
          {"ruleId":"invalid-syntax","level":"error","message":{"text":"Expected an expression"},
           "locations":[{"physicalLocation":{"artifactLocation":{"uri":"bad.py"},"region":{"startLine":3}}}]}]}]}"#;
        let input = parse("r.sarif", text.as_bytes(), Path::new("/r")).unwrap();
        assert!(input.results.is_empty());
        assert_eq!(input.diagnostics[0].kind, Kind::Unparsable);
        assert_eq!(input.diagnostics[0].path.as_deref(), Some("bad.py"));
    }

    #[test]
    fn a_failed_execution_fails_closed() {
        let text = r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"invocations":[{"executionSuccessful":false}],"results":[]}]}"#;
        let input = parse("t.sarif", text.as_bytes(), Path::new("/r")).unwrap();
        assert_eq!(input.diagnostics[0].level, Level::Error);
    }

    #[test]
    fn cwe_from_tags_and_security_severity_buckets() {
        assert_eq!(cwe_from_text("external/cwe/cwe-78"), Some(78));
        assert_eq!(cwe_from_text("CWE-502"), Some(502));
        assert_eq!(cwe_from_text("Cwe-78 and cwe/79"), Some(78), "`cwe-` first");
        assert_eq!(cwe_from_text("see CWE/22."), Some(22));
        assert_eq!(cwe_from_text("cwe-"), None);
        assert_eq!(cwe_from_text("cw"), None);
        assert_eq!(cwe_from_text("é cwe-9é"), Some(9));
        let score = |json: &str| {
            let p: Props = serde_json::from_str(json).unwrap();
            security_severity(p.security_severity.as_ref())
        };
        assert_eq!(
            score(r#"{"security-severity":"9.1"}"#),
            Some(Severity::Critical)
        );
        assert_eq!(score(r#"{"security-severity":7.0}"#), Some(Severity::High));
        assert_eq!(score(r#"{"security-severity":7}"#), Some(Severity::High));
    }
}
