//! Problems the scan ran into that are not findings: skipped, unreadable or
//! unparsable inputs, bad configuration. They are reported, never swallowed.

use std::fmt;

use serde::Serialize;

use crate::escape::for_terminal;

/// How much a diagnostic matters to the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Informational: a file skipped on purpose (binary, too large, excluded by config).
    Note,
    /// Something was not fully checked, but the gate could still do its job.
    Warning,
    /// The gate could not do its job: the run exits 2 after reporting what it found.
    Error,
}

/// Why the diagnostic was raised; stable names for JSON and SARIF notifications.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Binary,
    TooLarge,
    Unreadable,
    Unparsable,
    Walk,
    Config,
    Input,
    Publish,
}

/// One diagnostic, naming the file (and line) where it applies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    pub level: Level,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic about one file.
    pub fn file(
        level: Level,
        kind: Kind,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            level,
            kind,
            path: Some(path.into()),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// A diagnostic not tied to one file.
    pub fn general(level: Level, kind: Kind, message: impl Into<String>) -> Self {
        Diagnostic {
            level,
            kind,
            path: None,
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// The same diagnostic, pointing at a line (and column) of its file.
    pub fn at(mut self, line: u32, column: Option<u32>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        };
        write!(f, "{level}: ")?;
        // Printed on a terminal: names and messages from the repository are escaped.
        if let Some(path) = &self.path {
            write!(f, "{}", for_terminal(path))?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
                if let Some(col) = self.column {
                    write!(f, ":{col}")?;
                }
            }
            write!(f, ": ")?;
        }
        f.write_str(&for_terminal(&self.message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue11_p13_diagnostics_escape_names_and_messages_for_the_terminal() {
        let d = Diagnostic::file(
            Level::Warning,
            Kind::Unreadable,
            "a\nb\x1b[2J.py",
            "cannot read\r\x1b]0;title\x07",
        );
        assert_eq!(
            d.to_string(),
            "warning: a\\nb\\x1b[2J.py: cannot read\\r\\x1b]0;title\\x07"
        );
    }
}
