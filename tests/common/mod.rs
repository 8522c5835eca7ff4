//! Helpers shared by the integration tests: run the binary, validate SARIF.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// The sample project: real ruff and bandit SARIF plus their sources.
pub const SAMPLES: &str = "/work/shared/samples/sarif";
/// The official SARIF 2.1.0 schema (draft-07).
pub const SCHEMA: &str = "/work/shared/schemas/sarif-schema-2.1.0.json";

/// Run `gate ARGS` in `dir` with a clean environment for CI detection.
pub fn gate(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gate"))
        .current_dir(dir)
        .args(args)
        .env_remove("GITHUB_BASE_REF")
        .env("NO_COLOR", "1")
        .output()
        .expect("gate runs")
}

/// Exit code, stdout and stderr as text.
pub fn parts(o: &Output) -> (i32, String, String) {
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Every schema violation of a SARIF document, as text.
pub fn schema_errors(doc: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA).unwrap()).unwrap();
    let validator = jsonschema::draft7::new(&schema).expect("the schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

/// Check what GitHub code scanning needs beyond the schema: fingerprints on
/// every result, help and security-severity on every rule.
pub fn github_ready_errors(doc: &Value) -> Vec<String> {
    let mut errs = Vec::new();
    let runs = doc["runs"].as_array().unwrap();
    if runs.len() != 1 {
        errs.push(format!("{} runs", runs.len()));
    }
    let run = &runs[0];
    for r in run["tool"]["driver"]["rules"].as_array().unwrap() {
        let id = r["id"].as_str().unwrap_or("?");
        for key in ["shortDescription", "fullDescription", "help"] {
            if r[key]["text"].as_str().is_none_or(str::is_empty) {
                errs.push(format!("rule {id}: no {key}"));
            }
        }
        if r["help"]["markdown"].as_str().is_none() {
            errs.push(format!("rule {id}: no help markdown"));
        }
        if r["properties"]["security-severity"].as_str().is_none() {
            errs.push(format!("rule {id}: no security-severity"));
        }
        if r["properties"]["precision"].as_str().is_none() {
            errs.push(format!("rule {id}: no precision"));
        }
    }
    for (i, r) in run["results"].as_array().unwrap().iter().enumerate() {
        let fp = &r["partialFingerprints"];
        if fp["primaryLocationLineHash"].as_str().is_none() {
            errs.push(format!("result {i}: no primaryLocationLineHash"));
        }
        if fp["gateFingerprint/v1"].as_str().is_none() {
            errs.push(format!("result {i}: no gate fingerprint"));
        }
    }
    if run["automationDetails"]["id"].as_str().is_none() {
        errs.push("no automationDetails.id".into());
    }
    if run["invocations"][0]["executionSuccessful"]
        .as_bool()
        .is_none()
    {
        errs.push("no invocation".into());
    }
    errs
}
