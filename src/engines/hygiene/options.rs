//! `[hygiene]` in gate.toml, resolved: which checks run and their options.

use super::registry::{lookup, Check, CHECKS};
use crate::config::HygieneSection;
use crate::suggest::did_you_mean;

/// Options individual checks read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// unpinned-uses: owners whose actions may be pinned by tag (lowercase).
    pub allowed_owners: Vec<String>,
    /// Registries whose images need no digest even when `pin_digests` is on.
    pub trusted_registries: Vec<String>,
    /// Require digests on images (`@sha256:`), not only a tag.
    pub pin_digests: bool,
    /// The scan root on disk, to read files next to a scanned one (the
    /// `.dockerignore` beside a Dockerfile); `None` when there is no work tree.
    pub root: Option<std::path::PathBuf>,
}

/// The engine's resolved settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Only these check ids run (`None`: all).
    pub select: Option<Vec<&'static str>>,
    /// These check ids never run.
    pub skip: Vec<&'static str>,
    pub options: Options,
}

/// A `[hygiene]` section gate cannot use; names the file and the key.
#[derive(Debug, thiserror::Error)]
pub enum HygieneConfigError {
    #[error("{file}: {key}: {message}")]
    Key {
        file: String,
        key: String,
        message: String,
    },
}

impl Settings {
    /// Resolve `[hygiene]` (read from `config_file`, for messages). An unknown
    /// id, an empty `select` or a selection that leaves nothing is an error.
    pub fn resolve(
        section: &HygieneSection,
        config_file: Option<&std::path::Path>,
    ) -> Result<Settings, HygieneConfigError> {
        let file = config_file.map_or_else(|| "gate.toml".to_string(), |p| p.display().to_string());
        let table = if file.ends_with("pyproject.toml") {
            "[tool.gate.hygiene]"
        } else {
            "[hygiene]"
        };
        let err = |key: &str, message: String| HygieneConfigError::Key {
            file: file.clone(),
            key: format!("{table} {key}"),
            message,
        };
        let ids = |key: &str, words: &[String]| -> Result<Vec<&'static str>, HygieneConfigError> {
            words
                .iter()
                .map(|w| {
                    lookup(w.trim()).map(|c| c.id).ok_or_else(|| {
                        err(
                            key,
                            format!(
                                "unknown check `{w}`{}; expected a hygiene check id like \
                                 unpinned-uses or an anchor id like zizmor's (`gate rules list \
                                 --engine hygiene` shows them all)",
                                did_you_mean(w, CHECKS.iter().map(|c| c.id))
                            ),
                        )
                    })
                })
                .collect()
        };
        let mut s = Settings::default();
        if let Some(select) = &section.select {
            if select.is_empty() {
                return Err(err(
                    "select",
                    "an empty list selects no check; leave `select` out to run every check, \
                     or leave `hygiene` out of `--engines`"
                        .into(),
                ));
            }
            s.select = Some(ids("select", select)?);
        }
        s.skip = ids("skip", &section.skip)?;
        if !CHECKS.iter().any(|c| s.enables(c)) {
            return Err(err(
                "skip",
                "no hygiene check is left to run; leave `hygiene` out of `--engines` instead"
                    .into(),
            ));
        }
        s.options.allowed_owners = section
            .allowed_owners
            .iter()
            .map(|o| o.trim().trim_end_matches('/').to_ascii_lowercase())
            .collect();
        if let Some(bad) = s
            .options
            .allowed_owners
            .iter()
            .find(|o| o.is_empty() || o.contains('/'))
        {
            return Err(err(
                "allowed_owners",
                format!("`{bad}` is not an owner: write the owner alone (`actions`, `my-org`)"),
            ));
        }
        s.options.trusted_registries = section
            .trusted_registries
            .iter()
            .map(|r| r.trim().trim_end_matches('/').to_ascii_lowercase())
            .collect();
        s.options.pin_digests = section.pin_digests.unwrap_or(false);
        Ok(s)
    }

    /// Whether a check runs.
    pub fn enables(&self, c: &Check) -> bool {
        self.select.as_ref().is_none_or(|s| s.contains(&c.id)) && !self.skip.contains(&c.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_anchor_ids_select_and_unknown_ids_name_the_key() {
        let s = Settings::resolve(
            &HygieneSection {
                select: Some(vec!["zizmor/unpinned-uses".into()]),
                ..HygieneSection::default()
            },
            None,
        )
        .unwrap();
        assert_eq!(s.select, Some(vec!["unpinned-uses"]));
        let e = Settings::resolve(
            &HygieneSection {
                skip: vec!["unpinned-usez".into()],
                ..HygieneSection::default()
            },
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("gate.toml: [hygiene] skip: unknown check `unpinned-usez` (did you mean `unpinned-uses`?)"), "{e}");
        let e = Settings::resolve(
            &HygieneSection {
                select: Some(vec![]),
                ..HygieneSection::default()
            },
            None,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("[hygiene] select: an empty list"), "{e}");
    }
}
