//! B505 `weak_cryptographic_key`.

use super::prelude::*;

doc!(
    "Weak cryptographic key size.

## What it does
Flags DSA/RSA key generation below 2048 bits (HIGH below 1024) and EC keys on
curves below 224 bits (HIGH below 160), in `cryptography` and
pycrypto/pycryptodome. The thresholds are configurable.

## Why is this bad?
Keys this small can be factored or solved with today's hardware; anything they
protect or sign can be recovered or forged.

## Example
```python
from cryptography.hazmat.primitives.asymmetric import rsa
key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
```

## Use instead
```python
from cryptography.hazmat.primitives.asymmetric import rsa
key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
```

## References
- CWE-326: Inadequate Encryption Strength (https://cwe.mitre.org/data/definitions/326.html)
- bandit B505 (weak_cryptographic_key)"
);

/// Python's `a or b`: the first truthy value.
fn or(a: Lit, b: impl FnOnce() -> Lit) -> Lit {
    if a.truthy() {
        a
    } else {
        b()
    }
}

fn classify(cx: &Cx<'_>, key_type: &str, size: Lit, out: &mut Hits) {
    let size: f64 = match size {
        Lit::Int(i) => i as f64,
        Lit::Float(f) => f,
        _ => return,
    };
    let s = &cx.opts.weak_key_sizes;
    let (high, medium) = match key_type {
        "DSA" => (s[0], s[1]),
        "RSA" => (s[2], s[3]),
        _ => (s[4], s[5]),
    };
    for (limit, severity) in [(high, Severity::High), (medium, Severity::Medium)] {
        if size < limit as f64 {
            out.add(
                severity,
                Confidence::High,
                format!("{key_type} key sizes below {limit} bits are considered breakable. "),
            );
            return;
        }
    }
}

fn curve_size(name: &str) -> i128 {
    match name {
        "SECT571K1" => 571,
        "SECT571R1" => 570,
        "SECP521R1" => 521,
        "BrainpoolP512R1" => 512,
        "SECT409K1" | "SECT409R1" => 409,
        "BrainpoolP384R1" | "SECP384R1" => 384,
        "SECT283K1" | "SECT283R1" => 283,
        "BrainpoolP256R1" | "SECP256K1" | "SECP256R1" => 256,
        "SECT233K1" | "SECT233R1" => 233,
        "SECP224R1" => 224,
        "SECP192R1" => 192,
        "SECT163K1" | "SECT163R2" => 163,
        _ => 224,
    }
}

/// `rsa.generate_private_key(key_size=1024)`, `ec.generate_private_key(ec.SECP192R1)`, `RSA.generate(1024)`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let io = match call.qual {
        "cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key" => Some(("DSA", 0)),
        "cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key" => Some(("RSA", 1)),
        "cryptography.hazmat.primitives.asymmetric.ec.generate_private_key" => Some(("EC", 0)),
        _ => None,
    };
    if let Some((key_type, pos)) = io {
        if key_type == "EC" {
            let curve = or(call.kw_value(cx, "curve"), || call.arg_value(cx, pos));
            let size = curve_size(curve.as_str().unwrap_or(""));
            classify(cx, key_type, Lit::Int(size), out);
        } else {
            let size = or(
                or(call.kw_value(cx, "key_size"), || call.arg_value(cx, pos)),
                || Lit::Int(2048),
            );
            classify(cx, key_type, size, out);
        }
        return;
    }
    let key_type = match call.qual {
        "Crypto.PublicKey.DSA.generate" | "Cryptodome.PublicKey.DSA.generate" => "DSA",
        "Crypto.PublicKey.RSA.generate" | "Cryptodome.PublicKey.RSA.generate" => "RSA",
        _ => return,
    };
    let size = or(
        or(call.kw_value(cx, "bits"), || call.arg_value(cx, 0)),
        || Lit::Int(2048),
    );
    classify(cx, key_type, size, out);
}
