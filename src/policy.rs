//! The policy: a pure function from findings (and today's date) to a verdict
//! that explains itself — which findings failed the gate and why, which were
//! excepted and by what, and which exceptions expired.

use std::collections::BTreeMap;
use std::fmt;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Serialize;

use crate::finding::{BaselineState, Confidence, Finding, Severity};
use crate::sarif::rulemap::RuleMap;

/// A calendar date (`expires = "2027-06-30"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parse `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, String> {
        let bad = || format!("`{s}` is not a date (write YYYY-MM-DD, e.g. 2027-06-30)");
        let mut parts = s.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        let day: u32 = d.parse().map_err(|_| bad())?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(bad()),
        };
        if day == 0 || day > days {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }

    /// Today (UTC).
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((secs / 86_400) as i64)
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// An explicit, reviewed, expiring exception (`[[policy.exception]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Exception {
    /// Rule ids it covers (any alias: `S101` covers `B101`); empty = every rule.
    pub rules: Vec<String>,
    /// Path globs it covers (`tests/**`); empty = every path.
    pub paths: Vec<String>,
    /// Why it is acceptable (required).
    pub reason: String,
    /// After this day it stops applying.
    pub expires: Date,
}

impl Exception {
    /// Check an exception as written; the message says what is wrong.
    pub fn validate(&self) -> Result<(), String> {
        if self.reason.trim().is_empty() {
            return Err("an exception needs a `reason`".into());
        }
        if self.rules.is_empty() && self.paths.is_empty() {
            return Err("an exception must name `rules`, `paths` or both".into());
        }
        for p in &self.paths {
            Glob::new(p).map_err(|e| format!("bad path glob `{p}`: {e}"))?;
        }
        Ok(())
    }

    fn describe(&self) -> String {
        let rules = if self.rules.is_empty() {
            "every rule".to_string()
        } else {
            self.rules.join(", ")
        };
        let paths = if self.paths.is_empty() {
            "every path".to_string()
        } else {
            self.paths.join(", ")
        };
        format!("{rules} in {paths}")
    }
}

/// The thresholds a team sets (`[policy]` in gate.toml, `--fail-on`).
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// The lowest severity that fails the gate.
    pub fail_on: Severity,
    /// Findings below this confidence never fail the gate.
    pub min_confidence: Confidence,
    /// Per severity: how many findings are allowed before the gate fails.
    pub budgets: BTreeMap<Severity, usize>,
    /// Per rule (any alias): the severity to use instead of the engine's.
    pub severity_overrides: BTreeMap<String, Severity>,
    pub exceptions: Vec<Exception>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            fail_on: Severity::High,
            min_confidence: Confidence::Medium,
            budgets: BTreeMap::new(),
            severity_overrides: BTreeMap::new(),
            exceptions: Vec::new(),
        }
    }
}

impl Policy {
    /// The severity the policy gives a finding (a per-rule override, else its own).
    pub fn severity_of(&self, f: &Finding) -> Severity {
        let map = RuleMap::get();
        self.severity_overrides
            .iter()
            .find(|(id, _)| map.canonical(id) == f.rule_id || *id == &f.rule_id)
            .map_or(f.severity, |(_, s)| *s)
    }

    /// Give findings the severities the policy overrides, so reports show them.
    pub fn apply_overrides(&self, findings: &mut [Finding]) {
        if self.severity_overrides.is_empty() {
            return;
        }
        for f in findings {
            f.severity = self.severity_of(f);
        }
    }

    fn describe(&self) -> String {
        let mut s = format!(
            "fail on severity ≥ {} with confidence ≥ {}",
            self.fail_on, self.min_confidence
        );
        if !self.budgets.is_empty() {
            let b: Vec<String> = self
                .budgets
                .iter()
                .rev()
                .map(|(sev, n)| format!("{sev} ≤ {n}"))
                .collect();
            s.push_str(&format!("; budgets: {}", b.join(", ")));
        }
        if !self.exceptions.is_empty() {
            let n = self.exceptions.len();
            s.push_str(&format!("; {n} exception{}", if n == 1 { "" } else { "s" }));
        }
        s
    }
}

/// One finding that failed the gate, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    /// Index into the findings the verdict was computed over.
    pub index: usize,
    pub reason: String,
}

/// One finding an exception took out of the count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excepted {
    pub index: usize,
    /// The exception's reason and expiry.
    pub reason: String,
}

/// The decision and everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub passed: bool,
    /// Sorted by index (reports look findings up in it by binary search).
    pub failures: Vec<Failure>,
    /// Findings suppressed in source or by an ignore file (never fail the gate).
    pub suppressed: usize,
    /// One line that says what the policy was.
    pub rule: String,
    /// Findings a (current) exception covers, by index (found in index order).
    pub excepted: Vec<Excepted>,
    /// Findings already in the baseline (never fail the gate).
    pub in_baseline: usize,
    /// Findings on lines the diff did not touch (never fail the gate).
    pub outside_diff: usize,
    /// Things the team must hear about: expired exceptions, mostly.
    pub warnings: Vec<String>,
    /// Why the gate could not do its job (an input it could not read, a
    /// report it could not write). Not empty means the run exits 2, `passed`
    /// is false, and every report says "gate could not complete".
    pub incomplete: Vec<String>,
}

impl Verdict {
    /// Record that the gate could not do its job: the verdict no longer passes.
    pub fn mark_incomplete(&mut self, reason: impl Into<String>) {
        self.passed = false;
        self.incomplete.push(reason.into());
    }

    /// Whether the gate did its whole job.
    pub fn complete(&self) -> bool {
        self.incomplete.is_empty()
    }

    /// One word for the outcome: `passed`, `failed` or `error` (could not complete).
    pub fn status(&self) -> &'static str {
        if !self.complete() {
            "error"
        } else if self.passed {
            "passed"
        } else {
            "failed"
        }
    }

    /// "gate could not complete: …", for every report (None when it did).
    pub fn incomplete_message(&self) -> Option<String> {
        (!self.complete())
            .then(|| format!("gate could not complete: {}", self.incomplete.join("; ")))
    }

    /// Whether the finding at `index` failed the gate.
    pub fn failed(&self, index: usize) -> bool {
        self.failure(index).is_some()
    }

    /// The failure reason of the finding at `index`. A binary search: a
    /// report asks for every finding, and all of them may have failed.
    pub fn failure(&self, index: usize) -> Option<&str> {
        let i = self
            .failures
            .binary_search_by_key(&index, |f| f.index)
            .ok()?;
        Some(self.failures[i].reason.as_str())
    }

    /// Why an exception took the finding at `index` out of the count, if one did.
    pub fn exception(&self, index: usize) -> Option<&str> {
        let i = self
            .excepted
            .binary_search_by_key(&index, |e| e.index)
            .ok()?;
        Some(self.excepted[i].reason.as_str())
    }

    /// What was found but not counted, and why, one phrase each ("2 already
    /// in the baseline"); suppressions too when `with_suppressed`.
    pub fn not_counted(&self, with_suppressed: bool) -> Vec<String> {
        let mut notes = Vec::new();
        if with_suppressed && self.suppressed > 0 {
            notes.push(format!("{} suppressed", self.suppressed));
        }
        if !self.excepted.is_empty() {
            notes.push(format!("{} covered by exceptions", self.excepted.len()));
        }
        if self.in_baseline > 0 {
            notes.push(format!("{} already in the baseline", self.in_baseline));
        }
        if self.outside_diff > 0 {
            notes.push(format!(
                "{} on lines this change did not touch",
                self.outside_diff
            ));
        }
        notes
    }
}

/// Decide, as of today.
pub fn evaluate(policy: &Policy, findings: &[Finding]) -> Verdict {
    evaluate_on(policy, findings, Date::today())
}

struct CompiledException<'a> {
    exception: &'a Exception,
    rules: Vec<String>,
    paths: Option<GlobSet>,
    expired: bool,
    /// Findings it covered (or would have covered, once expired).
    hits: usize,
}

impl CompiledException<'_> {
    fn covers(&self, f: &Finding) -> bool {
        let rule_ok = self.rules.is_empty() || self.rules.contains(&f.rule_id);
        let path_ok = self.paths.as_ref().is_none_or(|g| g.is_match(&f.path));
        rule_ok && path_ok
    }
}

fn compile(e: &Exception, today: Date) -> CompiledException<'_> {
    let map = RuleMap::get();
    let paths = (!e.paths.is_empty()).then(|| {
        let mut b = GlobSetBuilder::new();
        for p in &e.paths {
            if let Ok(g) = Glob::new(p) {
                b.add(g);
            }
        }
        b.build().unwrap_or_else(|_| GlobSet::empty())
    });
    CompiledException {
        exception: e,
        rules: e
            .rules
            .iter()
            .map(|r| map.canonical(r).to_string())
            .collect(),
        paths,
        expired: today > e.expires,
        hits: 0,
    }
}

/// Decide. A finding counts unless it is suppressed, already in the
/// baseline, outside the diff, below `min_confidence`, or covered by an
/// exception that has not expired. A counted finding fails the gate when its
/// severity has a budget and the count at that severity exceeds it, or when
/// its severity has no budget and is at or above `fail_on`.
pub fn evaluate_on(policy: &Policy, findings: &[Finding], today: Date) -> Verdict {
    let mut exceptions: Vec<CompiledException<'_>> = policy
        .exceptions
        .iter()
        .map(|e| compile(e, today))
        .collect();
    let mut verdict = Verdict {
        passed: true,
        failures: Vec::new(),
        suppressed: 0,
        rule: policy.describe(),
        excepted: Vec::new(),
        in_baseline: 0,
        outside_diff: 0,
        warnings: Vec::new(),
        incomplete: Vec::new(),
    };
    let mut counted: BTreeMap<Severity, Vec<usize>> = BTreeMap::new();
    for (index, f) in findings.iter().enumerate() {
        if f.suppression.is_some() {
            verdict.suppressed += 1;
            continue;
        }
        if f.baseline_state == Some(BaselineState::Unchanged) {
            verdict.in_baseline += 1;
            continue;
        }
        if f.changed == Some(false) {
            verdict.outside_diff += 1;
            continue;
        }
        if f.confidence < policy.min_confidence {
            continue;
        }
        let mut excepted = false;
        for ex in exceptions.iter_mut().filter(|e| e.covers(f)) {
            ex.hits += 1;
            if !ex.expired && !excepted {
                excepted = true;
                verdict.excepted.push(Excepted {
                    index,
                    reason: format!(
                        "exception for {} (until {}): {}",
                        ex.exception.describe(),
                        ex.exception.expires,
                        ex.exception.reason
                    ),
                });
            }
        }
        if excepted {
            continue;
        }
        counted
            .entry(policy.severity_of(f))
            .or_default()
            .push(index);
    }
    for (sev, indices) in counted.iter().rev() {
        match policy.budgets.get(sev) {
            Some(&budget) if indices.len() > budget => {
                let reason = format!(
                    "{} {sev} findings exceed the budget of {budget}",
                    indices.len()
                );
                verdict
                    .failures
                    .extend(indices.iter().map(|&index| Failure {
                        index,
                        reason: reason.clone(),
                    }));
            }
            None if *sev >= policy.fail_on => {
                verdict
                    .failures
                    .extend(indices.iter().map(|&index| Failure {
                        index,
                        reason: format!(
                            "severity {sev} ≥ {} at confidence {} ≥ {}",
                            policy.fail_on, findings[index].confidence, policy.min_confidence
                        ),
                    }));
            }
            _ => {}
        }
    }
    verdict.failures.sort_by_key(|f| f.index);
    for (i, ex) in exceptions.iter().enumerate() {
        if ex.expired {
            verdict.warnings.push(format!(
                "exception #{} for {} EXPIRED on {} and no longer applies ({} finding{} it covered now count{}); reason was: {}",
                i + 1,
                ex.exception.describe(),
                ex.exception.expires,
                ex.hits,
                if ex.hits == 1 { "" } else { "s" },
                if ex.hits == 1 { "s" } else { "" },
                ex.exception.reason
            ));
        }
    }
    verdict.passed = verdict.failures.is_empty();
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Region, Suppression, SuppressionKind};

    fn f(sev: Severity, conf: Confidence) -> Finding {
        Finding::new("r", "t", sev, conf, "a", Region::line(1), "m")
    }

    fn rule_at(rule: &str, path: &str, sev: Severity) -> Finding {
        Finding::new(rule, "t", sev, Confidence::High, path, Region::line(1), "m")
    }

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
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
        assert_eq!(
            v.failure(0),
            Some("severity high ≥ high at confidence medium ≥ medium")
        );
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

    #[test]
    fn budgets_allow_a_count_then_fail_every_finding_at_that_severity() {
        let mut p = Policy::default();
        p.budgets.insert(Severity::Medium, 2);
        p.budgets.insert(Severity::High, 1);
        let two_medium = vec![f(Severity::Medium, Confidence::High); 2];
        assert!(evaluate(&p, &two_medium).passed);
        let three_medium = vec![f(Severity::Medium, Confidence::High); 3];
        let v = evaluate(&p, &three_medium);
        assert_eq!(v.failures.len(), 3);
        assert_eq!(
            v.failures[0].reason,
            "3 medium findings exceed the budget of 2"
        );
        assert!(evaluate(&p, &[f(Severity::High, Confidence::High)]).passed);
        assert!(!evaluate(&p, &[f(Severity::Critical, Confidence::High)]).passed);
    }

    #[test]
    fn rule_severity_overrides_answer_to_any_alias() {
        let mut p = Policy::default();
        p.severity_overrides.insert("S602".into(), Severity::Low);
        let mut v = vec![rule_at("B602", "a.py", Severity::High)];
        assert!(evaluate(&p, &v).passed);
        p.apply_overrides(&mut v);
        assert_eq!(v[0].severity, Severity::Low);
    }

    #[test]
    fn exceptions_apply_until_they_expire_and_then_say_so() {
        let ex = Exception {
            rules: vec!["S101".into()],
            paths: vec!["tests/**".into()],
            reason: "asserts are how pytest works".into(),
            expires: day("2027-06-30"),
        };
        let p = Policy {
            exceptions: vec![ex],
            ..Policy::default()
        };
        let findings = vec![
            rule_at("B101", "tests/unit/test_a.py", Severity::High),
            rule_at("B101", "src/a.py", Severity::High),
        ];
        let v = evaluate_on(&p, &findings, day("2027-06-30"));
        assert_eq!(v.excepted.len(), 1);
        assert_eq!(v.excepted[0].index, 0);
        assert!(v.excepted[0]
            .reason
            .contains("asserts are how pytest works"));
        assert_eq!(v.failures.len(), 1);
        assert!(v.warnings.is_empty());
        let v = evaluate_on(&p, &findings, day("2027-07-01"));
        assert!(v.excepted.is_empty());
        assert_eq!(v.failures.len(), 2);
        assert_eq!(v.warnings.len(), 1);
        assert!(
            v.warnings[0].contains("EXPIRED on 2027-06-30"),
            "{}",
            v.warnings[0]
        );
        assert!(
            v.warnings[0].contains("1 finding it covered now counts"),
            "{}",
            v.warnings[0]
        );
    }

    #[test]
    fn baseline_and_diff_scope_take_findings_out_of_the_count() {
        let mut old = f(Severity::High, Confidence::High);
        old.baseline_state = Some(BaselineState::Unchanged);
        let mut untouched = f(Severity::High, Confidence::High);
        untouched.changed = Some(false);
        let mut new = f(Severity::High, Confidence::High);
        new.baseline_state = Some(BaselineState::New);
        new.changed = Some(true);
        let v = evaluate(&Policy::default(), &[old, untouched, new]);
        assert_eq!((v.in_baseline, v.outside_diff), (1, 1));
        assert_eq!(v.failures.len(), 1);
        assert!(v.failed(2));
    }

    #[test]
    fn dates_parse_strictly_and_today_is_sane() {
        assert_eq!(day("2027-06-30").to_string(), "2027-06-30");
        assert!(Date::parse("2027-02-29").is_err());
        assert!(Date::parse("2028-02-29").is_ok());
        assert!(Date::parse("2027-6-30").is_err());
        assert!(Date::parse("tomorrow").is_err());
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(19_723).to_string(), "2024-01-01");
        assert!(Date::today() > day("2025-01-01"));
    }

    #[test]
    fn exceptions_must_explain_themselves() {
        let mut ex = Exception {
            rules: vec!["B101".into()],
            paths: vec![],
            reason: " ".into(),
            expires: day("2030-01-01"),
        };
        assert!(ex.validate().unwrap_err().contains("reason"));
        ex.reason = "ok".into();
        ex.rules.clear();
        assert!(ex.validate().unwrap_err().contains("rules"));
        ex.paths = vec!["[".into()];
        assert!(ex.validate().unwrap_err().contains("glob"));
    }
}
