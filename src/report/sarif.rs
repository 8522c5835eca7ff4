//! SARIF 2.1.0 report (see [`crate::sarif::build_log`]).

use super::{Emitter, RenderOptions, Report};

/// SARIF report.
pub struct Sarif;

impl Emitter for Sarif {
    fn render(&self, report: &Report<'_>, opts: &RenderOptions) -> String {
        let log = crate::sarif::build_log(report, opts);
        let mut s = serde_json::to_string_pretty(&log).expect("SARIF serialises");
        s.push('\n');
        s
    }
}
