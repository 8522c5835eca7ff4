//! SARIF 2.1.0 report (see [`crate::sarif::build_log`]).

use super::{Emitter, RenderOptions, Report};

/// SARIF report.
pub struct Sarif;

impl Emitter for Sarif {
    fn render(&self, report: &Report<'_>, _opts: &RenderOptions) -> String {
        crate::sarif::render(report).0
    }
}
