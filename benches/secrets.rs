//! Secrets engine throughput: the whole catalogue against a mixed corpus, and
//! the same corpus against a handful of rules, to show that the cost follows
//! the bytes scanned, not bytes × rules.
//!
//! Corpus: `GATE_BENCH_CORPUS=DIR` (e.g. `corpora/speed` from
//! `benches/fetch-corpora.sh`), else ~8 MiB of generated source-like text.
//!
//! `long_line`: one line of 1, 4 and 16 MiB (minified JSON of user/password
//! records, a keyword hit and a finding every ~45 bytes) through the whole
//! engine, findings included; the throughput must not fall with the size
//! (issue 11, point 11: it was quadratic), and should match the same records
//! written one per line.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gate::cli::secrets_rule_set;
use gate::secrets::{RuleSet, SecretsEngine};

/// Generated corpus size when no directory is given.
const GENERATED_BYTES: usize = 8 << 20;
/// Cap on bytes read from a real corpus, so one iteration stays short.
const MAX_CORPUS_BYTES: usize = 32 << 20;

/// Lines typical of application code, configuration and docs, with the
/// keywords secret rules look for (key, token, secret, password, auth...).
const LINES: &[&str] = &[
    "def get_api_key(self, name):",
    "    token = self.session.headers.get(\"Authorization\")",
    "    password = request.form[\"password\"]",
    "SECRET_KEY = os.environ[\"SECRET_KEY\"]",
    "const apiKey = process.env.API_KEY;",
    "  client_secret: ${CLIENT_SECRET}",
    "import hashlib, hmac, base64",
    "for key, value in sorted(mapping.items()):",
    "    return {\"access_token\": token, \"token_type\": \"bearer\"}",
    "# Set AWS credentials via the environment, never in code.",
    "    if not auth.is_valid(user, passwd):",
    "x = compute(alpha, beta) * 3.14159 + offset",
    "export function parseTokens(source: string): Token[] {",
    "      \"integrity\": \"sha512-9ib1hW8Y0zkXfSm1XkoCLU3O8Fe1d0IU2UfPzHx6hrWwc0ImCjQ==\",",
    "<input type=\"password\" name=\"password\" autocomplete=\"off\">",
    "    url = f\"https://{host}/api/v2/keys/{key_id}\"",
    "logger.debug(\"refreshing oauth token for %s\", user)",
    "",
];

fn generated() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut total = 0;
    let mut n = 0;
    while total < GENERATED_BYTES {
        let mut text = String::new();
        for _ in 0..400 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(LINES[(seed % LINES.len() as u64) as usize]);
            text.push('\n');
        }
        total += text.len();
        files.push((format!("src/mod{n}.py"), text.into_bytes()));
        n += 1;
    }
    files
}

fn from_dir(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut total = 0;
    for entry in ignore::WalkBuilder::new(dir).build().flatten() {
        if total > MAX_CORPUS_BYTES || !entry.file_type().is_some_and(|t| t.is_file()) {
            continue;
        }
        if let Ok(bytes) = std::fs::read(entry.path()) {
            if gate::scan::is_binary(&bytes) {
                continue;
            }
            total += bytes.len();
            files.push((entry.path().display().to_string(), bytes));
        }
    }
    files
}

fn scan_all(set: &RuleSet, files: &[(String, Vec<u8>)]) -> usize {
    files
        .iter()
        .map(|(p, b)| set.detect(p, b, None).len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let files = match std::env::var_os("GATE_BENCH_CORPUS") {
        Some(dir) => from_dir(Path::new(&dir)),
        None => generated(),
    };
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let all = secrets_rule_set(None, None, None, &[]).expect("catalogue compiles");
    let few_ids = [
        "github-pat",
        "github-oauth-token",
        "private-key",
        "generic-api-key",
    ];
    let few = {
        let mut rules = all.rules.clone();
        rules.retain(|r| few_ids.contains(&r.id.as_str()));
        RuleSet::new(rules, all.global_allowlists.clone()).expect("unique ids")
    };
    let mut g = c.benchmark_group("secrets");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    for (name, set) in [("all-rules", &all), ("few-rules", &few)] {
        let id = BenchmarkId::new(name, format!("{} rules", set.rules.len()));
        g.bench_with_input(id, set, |b, set| b.iter(|| scan_all(set, &files)));
    }
    g.finish();
}

/// `bytes` bytes of `[{"user":"u0","password":"..."},...]` with random
/// 14-character passwords and `sep` between records: `b","` makes one line,
/// as a minified export or bundle holds them; `b",\n"` one record a line.
fn password_records(bytes: usize, sep: &[u8]) -> Vec<u8> {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789";
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut out = Vec::with_capacity(bytes + 64);
    out.push(b'[');
    let mut n = 0u64;
    while out.len() < bytes {
        if n > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(format!("{{\"user\":\"u{n}\",\"password\":\"").as_bytes());
        for _ in 0..14 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            out.push(ALPHABET[(seed % ALPHABET.len() as u64) as usize]);
        }
        out.extend_from_slice(b"\"}");
        n += 1;
    }
    out.push(b']');
    out
}

fn long_line(c: &mut Criterion) {
    let engine = SecretsEngine::new(secrets_rule_set(None, None, None, &[]).expect("catalogue"));
    let mut g = c.benchmark_group("long_line");
    g.sample_size(10);
    // The same records one per line: what a single line should cost.
    let inputs: [(&str, usize, &[u8]); 4] = [
        ("one line", 1, b","),
        ("one line", 4, b","),
        ("one line", 16, b","),
        ("one record a line", 4, b",\n"),
    ];
    for (shape, mib, sep) in inputs {
        let text = password_records(mib << 20, sep);
        g.throughput(Throughput::Bytes(text.len() as u64));
        let id = BenchmarkId::new(shape, format!("{mib} MiB"));
        g.bench_with_input(id, &text, |b, text| {
            b.iter(|| engine.scan_bytes("export.json", text, None).len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench, long_line);
criterion_main!(benches);
