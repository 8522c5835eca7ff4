//! The policy: a pure function from findings to a verdict with its reasons.

use serde::Serialize;

use crate::finding::{Confidence, Finding, Severity};

/// The thresholds a team sets (`[policy]` in gate.toml, `--fail-on`).
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// The lowest severity that fails the gate.
    pub fail_on: Severity,
    /// Findings below this confidence never fail the gate.
    pub min_confidence: Confidence,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            fail_on: Severity::High,
            min_confidence: Confidence::Medium,
        }
    }
}

/// One finding that failed the gate, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    /// Index into the findings the verdict was computed over.
    pub index: usize,
    pub reason: String,
}

/// The decision and everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub passed: bool,
    pub failures: Vec<Failure>,
    /// Findings suppressed in source or by an ignore file (never fail the gate).
    pub suppressed: usize,
    /// One line that says what the policy was.
    pub rule: String,
}

impl Verdict {
    /// Whether the finding at `index` failed the gate.
    pub fn failed(&self, index: usize) -> bool {
        self.failures.iter().any(|f| f.index == index)
    }
}

/// Decide. Suppressed findings never count; the rest fail the gate when at or
/// above `fail_on` and at or above `min_confidence`.
pub fn evaluate(policy: &Policy, findings: &[Finding]) -> Verdict {
    let mut failures = Vec::new();
    let mut suppressed = 0;
    for (index, f) in findings.iter().enumerate() {
        if f.suppression.is_some() {
            suppressed += 1;
            continue;
        }
        if f.severity >= policy.fail_on && f.confidence >= policy.min_confidence {
            failures.push(Failure {
                index,
                reason: format!(
                    "severity {} ≥ {} at confidence {} ≥ {}",
                    f.severity, policy.fail_on, f.confidence, policy.min_confidence
                ),
            });
        }
    }
    Verdict {
        passed: failures.is_empty(),
        failures,
        suppressed,
        rule: format!(
            "fail on severity ≥ {} with confidence ≥ {}",
            policy.fail_on, policy.min_confidence
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Region, Suppression, SuppressionKind};

    fn f(sev: Severity, conf: Confidence) -> Finding {
        Finding::new("r", "t", sev, conf, "a", Region::line(1), "m")
    }

    #[test]
    fn fails_at_threshold_and_confidence() {
        let p = Policy::default();
        let v = evaluate(
            &p,
            &[
                f(Severity::High, Confidence::Medium),
                f(Severity::Medium, Confidence::High),
                f(Severity::Critical, Confidence::Low),
            ],
        );
        assert!(!v.passed);
        assert_eq!(v.failures.len(), 1);
        assert!(v.failed(0));
    }

    #[test]
    fn suppressed_findings_never_fail() {
        let mut x = f(Severity::Critical, Confidence::High);
        x.suppression = Some(Suppression {
            kind: SuppressionKind::InSource,
            justification: "gate:allow".into(),
        });
        let v = evaluate(&Policy::default(), &[x]);
        assert!(v.passed);
        assert_eq!(v.suppressed, 1);
    }
}
