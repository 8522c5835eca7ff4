//! B324 `hashlib` (hashlib_insecure_functions).

use super::common::has_part;
use super::prelude::*;

doc!("Weak hash (MD4, MD5, SHA1) used for security.

## What it does
Flags `hashlib.md4/md5/sha/sha1(...)` and `hashlib.new(\"md5\", ...)` unless
`usedforsecurity=False` is passed, and `crypt.crypt`/`crypt.mksalt` with the
weak `METHOD_CRYPT`, `METHOD_MD5` or `METHOD_BLOWFISH`.

## Why is this bad?
MD4, MD5 and SHA1 have practical collision attacks; signatures, integrity
checks, tokens and password hashes built on them can be forged or cracked.

## Example
```python
import hashlib
digest = hashlib.md5(password).hexdigest()
```

## Use instead
```python
import hashlib
digest = hashlib.sha256(data).hexdigest()
etag = hashlib.md5(body, usedforsecurity=False).hexdigest()  # not a security use
```

## References
- CWE-327: Use of a Broken or Risky Cryptographic Algorithm (https://cwe.mitre.org/data/definitions/327.html)
- bandit B324 (hashlib)");

const WEAK_HASHES: [&str; 4] = ["md4", "md5", "sha", "sha1"];
const WEAK_CRYPT: [&str; 3] = ["METHOD_CRYPT", "METHOD_MD5", "METHOD_BLOWFISH"];

fn for_security(cx: &Cx<'_>, call: &Call<'_, '_>) -> bool {
    match call.kw_value(cx, "usedforsecurity") {
        Lit::Unknown if !call.has_kw("usedforsecurity") => true,
        v => v.as_str() == Some("True"),
    }
}

/// `hashlib.md5(...)`, `hashlib.new('sha1')`, `crypt.crypt(w, crypt.METHOD_MD5)`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let func = call.name;
    // Every case below needs one of these names: most calls stop here.
    if !WEAK_HASHES.contains(&func) && func != "new" && func != "crypt" && func != "mksalt" {
        return;
    }
    if has_part(call.qual, "hashlib") {
        if WEAK_HASHES.contains(&func) {
            if for_security(cx, call) {
                out.add(
                    Severity::High,
                    Confidence::High,
                    format!(
                        "Use of weak {} hash for security. Consider usedforsecurity=False",
                        func.to_uppercase()
                    ),
                );
            }
        } else if func == "new" {
            let name = if call.args.is_empty() {
                call.kw_value(cx, "name")
            } else {
                call.arg_value(cx, 0)
            };
            if let Lit::Str(name) = name {
                if WEAK_HASHES.contains(&name.to_lowercase().as_str()) && for_security(cx, call) {
                    out.add(
                        Severity::High,
                        Confidence::High,
                        format!(
                            "Use of weak {} hash for security. Consider usedforsecurity=False",
                            name.to_uppercase()
                        ),
                    );
                }
            }
        }
    } else if has_part(call.qual, "crypt") && (func == "crypt" || func == "mksalt") {
        let (pos, kw) = if func == "crypt" {
            (1, "salt")
        } else {
            (0, "method")
        };
        let name = if call.args.len() > pos {
            call.arg_value(cx, pos)
        } else {
            call.kw_value(cx, kw)
        };
        if let Lit::Str(name) = name {
            if WEAK_CRYPT.contains(&name.as_str()) {
                out.add(
                    Severity::Medium,
                    Confidence::High,
                    format!(
                        "Use of insecure crypt.{} hash function.",
                        name.to_uppercase()
                    ),
                );
            }
        }
    }
}
