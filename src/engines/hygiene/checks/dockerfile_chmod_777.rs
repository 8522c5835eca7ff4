//! `dockerfile-chmod-777`: `chmod` making files world-writable.

use super::prelude::*;
use crate::hygiene::shell::Script;

doc!(
    "World-writable files in the image",
    r#"World-writable files in the image.

## What it does
Flags `chmod` in a Dockerfile `RUN` with a mode that lets anyone write:
a numeric mode whose last digit has the write bit (`777`, `666`, `0777`),
or a symbolic one that adds write for others or all (`o+w`, `a+rwx`,
`+w` is not: it honours the umask). Modes with the sticky bit (`1777`,
as for `/tmp`) are not flagged. No anchor (hadolint and checkov have no such check: none).

## Why is this bad?
Any process in the container, whatever its user, can replace the
application's code or configuration: running as a non-root user then no
longer protects the service.

## Example
```dockerfile
RUN chmod -R 777 /app
```

## Use instead
```dockerfile
RUN chown -R 10001:10001 /app/data && chmod -R 750 /app
```

## References
- CWE-732: Incorrect Permission Assignment for Critical Resource (https://cwe.mitre.org/data/definitions/732.html)"#
);

/// Whether a chmod mode makes the target world-writable.
fn world_writable(mode: &str) -> bool {
    if !mode.is_empty() && mode.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        let digits = mode.as_bytes();
        let other = digits[digits.len() - 1] - b'0';
        let sticky = digits.len() == 4 && (digits[0] - b'0') & 1 == 1;
        return digits.len() >= 3 && other & 2 != 0 && !sticky;
    }
    mode.split(',').any(|clause| {
        let Some(i) = clause.find(['+', '=']) else {
            return false;
        };
        let who = &clause[..i];
        (who.contains('o') || who.contains('a')) && clause[i + 1..].contains('w')
    })
}

/// Every chmod of a script.
pub fn check(_cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    for c in &script.commands {
        if c.program() != "chmod" {
            continue;
        }
        let Some(mode) = c.args().iter().find(|a| !a.text.starts_with('-')) else {
            continue;
        };
        if world_writable(&mode.text) {
            out.add(
                script.span(mode),
                format!(
                    "`chmod {}` makes files writable by every user of the container",
                    mode.text
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::world_writable;

    #[test]
    fn modes() {
        for m in ["777", "0777", "666", "a+rwx", "o+w", "u+x,o+w"] {
            assert!(world_writable(m), "{m}");
        }
        for m in ["755", "1777", "644", "u+w", "+x", "g+w", "o-w"] {
            assert!(!world_writable(m), "{m}");
        }
    }
}
