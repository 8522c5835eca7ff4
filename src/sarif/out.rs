//! Writing SARIF 2.1.0: one run, gate as the driver, a rule entry for every
//! rule a result refers to.

use std::collections::BTreeMap;

use serde_json::{json, Value};
use serde_sarif::sarif::{
    ArtifactContent, ArtifactLocation, Invocation, Location, Message, MultiformatMessageString,
    Notification, PhysicalLocation, PropertyBag, Region, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Suppression, Tool, ToolComponent,
};

use crate::diagnostic::Level;
use crate::engine::RuleInfo;
use crate::finding::{Finding, Severity};
use crate::report::{redacted_message, redacted_snippet, RenderOptions, Report};

/// The schema URI to write (serde-sarif's own constant is outdated).
pub const SARIF_SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Base id for repository-relative artifact URIs.
const SRCROOT: &str = "%SRCROOT%";
/// Key of gate's own line-independent fingerprint in `partialFingerprints`.
const GATE_FINGERPRINT_KEY: &str = "gateFingerprint/v1";

fn text(s: impl Into<String>) -> Message {
    Message {
        text: Some(s.into()),
        ..Message::default()
    }
}

fn mm(s: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s.into()).build()
}

fn markdown(plain: impl Into<String>, md: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder()
        .text(plain.into())
        .markdown(md.into())
        .build()
}

fn level(sev: Severity) -> &'static str {
    match sev {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

fn result_level(sev: Severity) -> ResultLevel {
    match sev {
        Severity::Critical | Severity::High => ResultLevel::Error,
        Severity::Medium => ResultLevel::Warning,
        Severity::Low | Severity::Info => ResultLevel::Note,
    }
}

fn props(tags: Option<Vec<String>>, extra: BTreeMap<String, Value>) -> PropertyBag {
    PropertyBag {
        tags,
        additional_properties: extra,
    }
}

/// A rule descriptor with everything GitHub code scanning needs.
fn descriptor(rule: &RuleInfo) -> ReportingDescriptor {
    let mut tags = vec!["security".to_string()];
    tags.extend(rule.tags.iter().cloned());
    if let Some(cwe) = rule.cwe {
        tags.push(format!("external/cwe/cwe-{cwe}"));
    }
    let mut extra = BTreeMap::new();
    extra.insert(
        "security-severity".into(),
        json!(rule.severity.security_severity()),
    );
    extra.insert("precision".into(), json!(rule.confidence.precision()));
    extra.insert(
        "problem.severity".into(),
        json!(level(rule.severity).replace("note", "recommendation")),
    );
    let mut d = ReportingDescriptor::builder()
        .id(rule.id.clone())
        .name(rule.name.clone())
        .short_description(mm(&rule.short_description))
        .full_description(mm(&rule.full_description))
        .help(markdown(strip_markdown(&rule.help), &rule.help))
        .default_configuration(serde_sarif::sarif::ReportingConfiguration {
            level: Some(json!(level(rule.severity))),
            ..Default::default()
        })
        .properties(props(Some(tags), extra))
        .build();
    d.help_uri = rule.references.first().cloned();
    d
}

fn strip_markdown(s: &str) -> String {
    s.replace("**", "").replace('`', "")
}

/// A rule entry for an id no engine described (an imported tool's rule).
fn fallback_rule(f: &Finding) -> RuleInfo {
    RuleInfo {
        id: f.rule_id.clone(),
        name: f.rule_id.clone(),
        tool: f.tool.clone(),
        short_description: f.rule_id.clone(),
        full_description: f.message.clone(),
        help: f.message.clone(),
        severity: f.severity,
        confidence: f.confidence,
        cwe: f.cwe,
        tags: Vec::new(),
        references: Vec::new(),
    }
}

fn result(f: &Finding, rule_index: usize, failed: bool, opts: &RenderOptions) -> SarifResult {
    let snippet = redacted_snippet(f, &opts.redactor).map(|s| ArtifactContent {
        text: Some(s),
        ..ArtifactContent::default()
    });
    let region = Region {
        start_line: Some(f.region.start_line.max(1) as i64),
        start_column: Some(f.region.start_column.max(1) as i64),
        end_line: Some(f.region.end_line.max(f.region.start_line).max(1) as i64),
        end_column: Some(f.region.end_column.max(1) as i64),
        snippet,
        ..Region::default()
    };
    let location = Location {
        physical_location: Some(PhysicalLocation {
            artifact_location: Some(ArtifactLocation {
                uri: Some(f.path.clone()),
                uri_base_id: Some(SRCROOT.into()),
                ..ArtifactLocation::default()
            }),
            region: Some(region),
            ..PhysicalLocation::default()
        }),
        ..Location::default()
    };
    let mut extra = BTreeMap::new();
    extra.insert("severity".into(), json!(f.severity.as_str()));
    extra.insert("confidence".into(), json!(f.confidence.as_str()));
    extra.insert("tools".into(), json!(f.tools));
    extra.insert("failsGate".into(), json!(failed));
    if let Some(cwe) = f.cwe {
        extra.insert("cwe".into(), json!(format!("CWE-{cwe}")));
    }
    if let Some(c) = &f.commit {
        extra.insert("commit".into(), json!(c));
    }
    let suppressions = f.suppression.as_ref().map(|s| {
        vec![Suppression::builder()
            .kind(json!(match s.kind {
                crate::finding::SuppressionKind::InSource => "inSource",
                crate::finding::SuppressionKind::External => "external",
            }))
            .justification(s.justification.clone())
            .build()]
    });
    let mut partial = BTreeMap::new();
    partial.insert(GATE_FINGERPRINT_KEY.to_string(), f.fingerprint.clone());
    let mut r = SarifResult::builder()
        .rule_id(f.rule_id.clone())
        .rule_index(rule_index as i64)
        .level(result_level(f.severity))
        .message(text(redacted_message(f, &opts.redactor)))
        .locations(vec![location])
        .partial_fingerprints(partial)
        .properties(props(None, extra))
        .build();
    r.suppressions = suppressions;
    r
}

/// Build the SARIF log for a report.
pub fn build_log(report: &Report<'_>, opts: &RenderOptions) -> Sarif {
    let mut rules: Vec<ReportingDescriptor> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut results = Vec::with_capacity(report.findings.len());
    for (i, f) in report.findings.iter().enumerate() {
        let idx = *index.entry(f.rule_id.as_str()).or_insert_with(|| {
            let info = report
                .rules
                .get(&f.rule_id)
                .cloned()
                .unwrap_or_else(|| fallback_rule(f));
            rules.push(descriptor(&info));
            rules.len() - 1
        });
        results.push(result(f, idx, report.verdict.failed(i), opts));
    }
    let notifications: Vec<Notification> = report
        .diagnostics
        .iter()
        .map(|d| {
            let locations = d.path.as_ref().map(|p| {
                vec![Location {
                    physical_location: Some(PhysicalLocation {
                        artifact_location: Some(ArtifactLocation {
                            uri: Some(p.clone()),
                            uri_base_id: Some(SRCROOT.into()),
                            ..ArtifactLocation::default()
                        }),
                        region: d.line.map(|l| Region {
                            start_line: Some(l.max(1) as i64),
                            ..Region::default()
                        }),
                        ..PhysicalLocation::default()
                    }),
                    ..Location::default()
                }]
            });
            let mut n = Notification::builder()
                .level(json!(match d.level {
                    Level::Note => "note",
                    Level::Warning => "warning",
                    Level::Error => "error",
                }))
                .message(text(&d.message))
                .build();
            n.locations = locations;
            n
        })
        .collect();
    let successful = !report.diagnostics.iter().any(|d| d.level == Level::Error);
    let mut invocation = Invocation::builder()
        .execution_successful(successful)
        .build();
    invocation.tool_execution_notifications = (!notifications.is_empty()).then_some(notifications);
    let driver = ToolComponent::builder()
        .name("gate")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://github.com/gate-scanner/gate")
        .rules(rules)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .invocations(vec![invocation])
        .column_kind(json!("unicodeCodePoints"))
        .build();
    Sarif {
        schema: Some(SARIF_SCHEMA_URI.into()),
        version: json!("2.1.0"),
        runs: vec![run],
        properties: None,
        inline_external_properties: None,
    }
}
