#!/usr/bin/env python3
"""Parity of gate's Python engine with bandit 1.9.4 on real code.

Runs `bandit -r -f json -q` and `gate scan --engines python --format json` on
the same trees (by default every project fetch.sh extracted under
corpora/parity/), matches findings by file + line + test id, and prints:

- per check: bandit's count, gate's count, matched, missed, extra, and how many
  matched findings disagree on severity or confidence, or on the range
  (bandit's col_offset, last line of line_range and end_col_offset, in
  characters, against gate's start column, end line and end column);
- overall recall and precision, with B101, without B101, and B101 alone;
- files bandit skipped as unparsable vs the files gate warned about;
- the first mismatches of each check.

The full mismatch lists go to a JSON file (--out) for debugging.

bandit is slow (minutes on the full corpus), so its report for each project is
cached next to the corpus and reused while bandit's version and the tree are
unchanged; --rerun-bandit forces a new run.

    benches/parity/compare.py                     # every project in corpora/parity
    benches/parity/compare.py flask-3.1.0 django-5.1.4
    benches/parity/compare.py --gate target/debug/gate --out /tmp/parity.json
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

BANDIT_VERSION = "1.9.4"
REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO / "corpora" / "parity"
# How many mismatches of each check to print (all of them go to --out).
SHOWN_PER_CHECK = 5


def main() -> int:
    args = parse_args()
    corpus = args.corpus.resolve()
    projects = select_projects(corpus, args.projects)
    if not projects:
        sys.exit(f"compare: no projects under {corpus}; run benches/parity/fetch.sh first")
    gate = args.gate.resolve()
    if args.bandit_only:
        ensure_bandit()
        run_bandit_all(corpus, projects, args.jobs, args.rerun_bandit)
        return 0
    if not gate.is_file():
        sys.exit(f"compare: {gate} not found; run `cargo build --release` first")
    ensure_bandit()

    print(f"compare: {len(projects)} projects under {corpus}", file=sys.stderr)
    t0 = time.monotonic()
    bandit_docs = run_bandit_all(corpus, projects, args.jobs, args.rerun_bandit)
    t_bandit = time.monotonic() - t0
    t0 = time.monotonic()
    gate_doc = run_gate(gate, corpus, projects, args.gate_arg)
    t_gate = time.monotonic() - t0

    bandit = collect_bandit(bandit_docs, corpus)
    gate_side = collect_gate(gate_doc, corpus)
    result = compare(bandit, gate_side, Lines(corpus))
    result["timing_seconds"] = {"bandit_or_cache": round(t_bandit, 1), "gate": round(t_gate, 1)}
    result["projects"] = projects
    print_report(result)

    out = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")
    print(f"\nfull mismatch lists: {out}")
    if args.min_recall is not None or args.min_precision is not None:
        o = result["summary"]["all"]
        if (args.min_recall is not None and o["recall"] < args.min_recall) or (
            args.min_precision is not None and o["precision"] < args.min_precision
        ):
            return 1
    return 0


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("projects", nargs="*", help="project directories under the corpus [default: all]")
    p.add_argument("--corpus", type=Path, default=Path(os.environ.get("PARITY_CORPUS", DEFAULT_CORPUS)))
    p.add_argument("--gate", type=Path, default=REPO / "target" / "release" / "gate")
    p.add_argument("--gate-arg", action="append", default=[], help="extra argument for `gate scan` (repeatable)")
    p.add_argument("--out", type=Path, default=REPO / "corpora" / "parity-results" / "mismatches.json")
    p.add_argument("--jobs", "-j", type=int, default=2, help="bandit processes at once [default: 2]")
    p.add_argument("--bandit-only", action="store_true", help="only run bandit (fill its cache)")
    p.add_argument("--rerun-bandit", action="store_true", help="ignore cached bandit reports")
    p.add_argument("--min-recall", type=float, help="exit 1 when overall recall is below this (0-1)")
    p.add_argument("--min-precision", type=float, help="exit 1 when overall precision is below this (0-1)")
    return p.parse_args()


def select_projects(corpus: Path, names: list[str]) -> list[str]:
    if names:
        missing = [n for n in names if not (corpus / n).is_dir()]
        if missing:
            sys.exit(f"compare: not under {corpus}: {', '.join(missing)}")
        return names
    if not corpus.is_dir():
        return []
    return sorted(d.name for d in corpus.iterdir() if d.is_dir() and not d.name.startswith("."))


def ensure_bandit() -> None:
    try:
        out = subprocess.run(["bandit", "--version"], capture_output=True, text=True).stdout
    except FileNotFoundError:
        out = ""
    if f"bandit {BANDIT_VERSION}" not in out:
        print(f"compare: installing bandit=={BANDIT_VERSION}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", f"bandit=={BANDIT_VERSION}"], check=True)


# ---------------------------------------------------------------- bandit side


def tree_digest(root: Path) -> str:
    """Changes when any Python file under root is added, removed or modified."""
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith((".py", ".pyw")):
                st = os.stat(os.path.join(dirpath, f))
                h.update(f"{dirpath}/{f}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def run_bandit_all(corpus: Path, projects: list[str], jobs: int, rerun: bool) -> dict[str, dict]:
    cache = corpus / ".bandit-cache"
    cache.mkdir(exist_ok=True)
    docs: dict[str, dict] = {}
    todo = []
    for name in projects:
        key = f"{BANDIT_VERSION}:{tree_digest(corpus / name)}"
        cached = cache / f"{name}.json"
        if not rerun and cached.is_file():
            doc = json.loads(cached.read_text())
            if doc.get("_cache_key") == key:
                docs[name] = doc
                continue
        todo.append((name, key, cached))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(run_bandit, corpus, name): (name, key, cached) for name, key, cached in todo}
        for fut in concurrent.futures.as_completed(futures):
            name, key, cached = futures[fut]
            doc, seconds = fut.result()
            doc["_cache_key"] = key
            cached.write_text(json.dumps(doc))
            docs[name] = doc
            print(f"compare: bandit {name}: {len(doc['results'])} findings in {seconds:.0f}s", file=sys.stderr)
    return docs


def run_bandit(corpus: Path, name: str) -> tuple[dict, float]:
    t0 = time.monotonic()
    # Run from the corpus so bandit's file names are "<project>/<path>", as gate's are.
    proc = subprocess.run(["bandit", "-r", "-f", "json", "-q", name], cwd=corpus, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"compare: bandit failed on {name} (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    try:
        doc = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.exit(f"compare: bandit printed no JSON for {name}:\n{proc.stdout[:500]}\n{proc.stderr[-2000:]}")
    return doc, time.monotonic() - t0


# ------------------------------------------------------------------ gate side


def run_gate(gate: Path, corpus: Path, projects: list[str], extra: list[str]) -> dict:
    # --no-ignore: bandit honours no .gitignore, and corpora/ itself is gitignored.
    # --root: report paths relative to the corpus, like bandit's file names.
    cmd = [str(gate), "scan", *projects, "--engines", "python", "--format", "json", "--fail-on", "info",
           "--no-ignore", "--no-progress", "--root", str(corpus), *extra]
    proc = subprocess.run(cmd, cwd=corpus, capture_output=True, text=True)
    if proc.returncode not in (0, 1, 2) or not proc.stdout.strip():
        sys.exit(f"compare: gate failed (exit {proc.returncode}):\n{' '.join(cmd)}\n{proc.stderr[-3000:]}")
    if proc.returncode == 2:
        print(f"compare: gate exited 2 (errors in its diagnostics)", file=sys.stderr)
    return json.loads(proc.stdout)


# ------------------------------------------------------------------ matching


def norm_path(p: str, corpus: Path) -> str:
    """One spelling for a file in both tools: relative to the corpus, POSIX, no ./"""
    path = Path(p)
    if path.is_absolute():
        try:
            path = path.relative_to(corpus)
        except ValueError:
            pass
    s = os.path.normpath(str(path)).replace(os.sep, "/")
    return s[2:] if s.startswith("./") else s


def collect_bandit(docs: dict[str, dict], corpus: Path) -> dict:
    findings, scanned, skipped = [], set(), {}
    for doc in docs.values():
        for r in doc["results"]:
            findings.append({
                "path": norm_path(r["filename"], corpus),
                "line": r["line_number"],
                "test_id": r["test_id"],
                "severity": r["issue_severity"].upper(),
                "confidence": r["issue_confidence"].upper(),
                "code": r.get("code", ""),
                "text": r.get("issue_text", ""),
                "line_range": r.get("line_range") or [r["line_number"]],
                "col_offset": r.get("col_offset", 0),
                "end_col_offset": r.get("end_col_offset", 0),
            })
        for f in doc.get("metrics", {}):
            if f != "_totals":
                scanned.add(norm_path(f, corpus))
        for e in doc.get("errors", []):
            skipped[norm_path(e["filename"], corpus)] = e.get("reason", "")
    return {"findings": findings, "scanned": scanned, "skipped": skipped}


def collect_gate(doc: dict, corpus: Path) -> dict:
    findings = []
    for f in doc["findings"]:
        findings.append({
            "path": norm_path(f["path"], corpus),
            "line": f["start_line"],
            "test_id": f["rule_id"],
            "severity": str(f["severity"]).upper(),
            "confidence": str(f["confidence"]).upper(),
            "code": f.get("snippet") or "",
            "text": f.get("message", ""),
            "range": (f["start_column"], f["end_line"], f["end_column"]),
        })
    warned = {}
    for d in doc.get("diagnostics", []):
        # The scan notes binary non-Python files too; only Python files compare with bandit.
        if d.get("path", "").endswith((".py", ".pyw")):
            where = f":{d['line']}" if d.get("line") else ""
            warned[norm_path(d["path"], corpus)] = f"{d.get('level')} {d.get('kind')}{where}: {d.get('message')}"
    return {"findings": findings, "warned": warned}


def key(f: dict) -> tuple[str, int, str]:
    return (f["path"], f["line"], f["test_id"])


class Lines:
    """Source lines as Python reads them (coding cookie, universal newlines), per file."""

    def __init__(self, corpus: Path):
        self.corpus = corpus
        self.cache: dict[str, list[str]] = {}

    def line(self, path: str, n: int) -> str:
        if path not in self.cache:
            import tokenize
            try:
                with open(self.corpus / path, "rb") as fh:
                    enc, _ = tokenize.detect_encoding(fh.readline)
                data = (self.corpus / path).read_bytes().decode(enc, errors="replace")
            except (OSError, SyntaxError, LookupError):
                data = (self.corpus / path).read_bytes().decode("utf-8", errors="replace")
            if data.startswith("\ufeff"):
                data = data[1:]
            self.cache[path] = data.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        lines = self.cache[path]
        return lines[n - 1] if 0 < n <= len(lines) else ""

    def chars(self, path: str, n: int, byte_col: int) -> int:
        """A UTF-8 byte offset into line n as a 1-based character column."""
        raw = self.line(path, n).encode("utf-8")
        # Past the line's end (the offset belongs to another line): as if ASCII.
        past = max(0, byte_col - len(raw))
        return len(raw[:byte_col].decode("utf-8", errors="ignore")) + past + 1


def range_agrees(b: dict, g: dict, lines: Lines) -> bool:
    """Whether gate's region is bandit's: (col_offset, last of line_range,
    end_col_offset) in characters. bandit gives byte offsets on the node's own
    first and last lines, which its JSON does not name (a string's line_range
    is its parent's, a call's reported line may be a keyword's): the offsets
    are read on each of the lines that could be meant, which only matters on
    lines with non-ASCII text. B613 has a character column already and no end
    (gate ends it after the character)."""
    start_col, end_line, end_col = g["range"]
    rng = b["line_range"]
    want_end_line = max(max(rng), b["line"])
    if b["test_id"] == "B613":
        return (start_col, end_line, end_col) == (b["col_offset"], b["line"], b["col_offset"] + 1)
    candidates = {b["line"], rng[0], rng[-1]}
    starts = {lines.chars(b["path"], n, b["col_offset"]) for n in candidates}
    ends = {lines.chars(b["path"], n, b["end_col_offset"]) for n in candidates}
    # gate starts the region at the line's start where bandit's start column
    # (of the node's first line) would lie after its end on the reported line.
    if want_end_line == b["line"] and all(s > e for s in starts for e in ends):
        starts = {1}
    return end_line == want_end_line and start_col in starts and end_col in ends


def compare(bandit: dict, gate: dict, lines: Lines) -> dict:
    by_key_b = collections.defaultdict(list)
    by_key_g = collections.defaultdict(list)
    for f in bandit["findings"]:
        by_key_b[key(f)].append(f)
    for f in gate["findings"]:
        by_key_g[key(f)].append(f)

    matched, missed, extra, sevconf, ranges = [], [], [], [], []
    for k in by_key_b.keys() | by_key_g.keys():
        bs, gs = by_key_b.get(k, []), by_key_g.get(k, [])
        # Same key several times (two calls on one line): pair them up in
        # order of (severity, confidence, column) so equal ones pair first.
        bs = sorted(bs, key=lambda f: (f["severity"], f["confidence"], f["col_offset"]))
        gs = sorted(gs, key=lambda f: (f["severity"], f["confidence"], f["range"][0]))
        n = min(len(bs), len(gs))
        for b, g in zip(bs[:n], gs[:n]):
            matched.append(b)
            if (b["severity"], b["confidence"]) != (g["severity"], g["confidence"]):
                sevconf.append({**b, "gate_severity": g["severity"], "gate_confidence": g["confidence"]})
            if not range_agrees(b, g, lines):
                ranges.append({**b, "gate_range": g["range"]})
        for b in bs[n:]:
            if b["path"] in gate["warned"]:
                b = {**b, "note": "file gate skipped: " + gate["warned"][b["path"]]}
            missed.append(b)
        for g in gs[n:]:
            g = dict(g)
            if g["path"] in bandit["skipped"]:
                g["note"] = "file bandit skipped as unparsable"
            elif g["path"] not in bandit["scanned"]:
                g["note"] = "file bandit did not scan"
            extra.append(g)

    checks = sorted({f["test_id"] for f in bandit["findings"]} | {f["test_id"] for f in gate["findings"]})
    per_check = {}
    for c in checks:
        per_check[c] = {
            "bandit": sum(1 for f in bandit["findings"] if f["test_id"] == c),
            "gate": sum(1 for f in gate["findings"] if f["test_id"] == c),
            "matched": sum(1 for f in matched if f["test_id"] == c),
            "missed": sum(1 for f in missed if f["test_id"] == c),
            "extra": sum(1 for f in extra if f["test_id"] == c),
            "severity_or_confidence_differs": sum(1 for f in sevconf if f["test_id"] == c),
            "range_differs": sum(1 for f in ranges if f["test_id"] == c),
        }

    def scores(pred) -> dict:
        m = sum(v["matched"] for c, v in per_check.items() if pred(c))
        b = sum(v["bandit"] for c, v in per_check.items() if pred(c))
        g = sum(v["gate"] for c, v in per_check.items() if pred(c))
        return {"bandit": b, "gate": g, "matched": m,
                "recall": m / b if b else 1.0, "precision": m / g if g else 1.0}

    b_skip, g_warn = set(bandit["skipped"]), set(gate["warned"])
    sort = lambda xs: sorted(xs, key=lambda f: (f["test_id"], f["path"], f["line"]))
    return {
        "summary": {
            "all": scores(lambda c: True),
            "without_B101": scores(lambda c: c != "B101"),
            "B101": scores(lambda c: c == "B101"),
            "files_bandit_scanned": len(bandit["scanned"]),
            "range_agrees": len(matched) - len(ranges),
            "multi_line": sum(1 for f in matched if len(set(f["line_range"])) > 1),
        },
        "per_check": per_check,
        "missed": sort(missed),
        "extra": sort(extra),
        "severity_or_confidence_differs": sort(sevconf),
        "range_differs": sort(ranges),
        "unparsable": {
            "bandit_skipped": dict(sorted(bandit["skipped"].items())),
            "gate_warned": dict(sorted(gate["warned"].items())),
            "both": sorted(b_skip & g_warn),
            "bandit_only": sorted(b_skip - g_warn),
            "gate_only": sorted(g_warn - b_skip),
        },
    }


# ------------------------------------------------------------------ printing


def pct(x: float) -> str:
    return f"{100 * x:.2f}%"


def print_report(r: dict) -> None:
    print(f"{'check':<6} {'bandit':>7} {'gate':>7} {'matched':>8} {'missed':>7} {'extra':>7} {'sev/conf':>8} {'range':>6}  recall  precision")
    for c, v in r["per_check"].items():
        rec = pct(v["matched"] / v["bandit"]) if v["bandit"] else "-"
        prec = pct(v["matched"] / v["gate"]) if v["gate"] else "-"
        flag = "" if v["missed"] == v["extra"] == v["severity_or_confidence_differs"] == v["range_differs"] == 0 else "  <--"
        print(f"{c:<6} {v['bandit']:>7} {v['gate']:>7} {v['matched']:>8} {v['missed']:>7} {v['extra']:>7} "
              f"{v['severity_or_confidence_differs']:>8} {v['range_differs']:>6}  {rec:>7} {prec:>9}{flag}")
    print()
    for name, label in (("all", "all checks"), ("without_B101", "without B101"), ("B101", "B101 alone")):
        s = r["summary"][name]
        print(f"{label:<13} recall {pct(s['recall']):>8} ({s['matched']}/{s['bandit']})   "
              f"precision {pct(s['precision']):>8} ({s['matched']}/{s['gate']})")
    m = r["summary"]["all"]["matched"]
    print(f"ranges        {r['summary']['range_agrees']}/{m} matched findings have bandit's range "
          f"({r['summary']['multi_line']} of them span several lines)")
    u = r["unparsable"]
    print(f"\nfiles bandit scanned: {r['summary']['files_bandit_scanned']}")
    print(f"unparsable: bandit skipped {len(u['bandit_skipped'])}, gate warned about {len(u['gate_warned'])}, "
          f"both {len(u['both'])}")
    for p in u["bandit_only"][:10]:
        print(f"  bandit skipped, gate did not warn: {p} ({u['bandit_skipped'][p]})")
    reasons = collections.Counter(re.sub(r"\d+", "N", u["gate_warned"][p]) for p in u["gate_only"])
    for reason, n in reasons.most_common(10):
        example = next(p for p in u["gate_only"] if re.sub(r"\d+", "N", u["gate_warned"][p]) == reason)
        print(f"  gate warned, bandit scanned it: {n} files: {reason}\n      e.g. {example}: {u['gate_warned'][example]}")
    lost = sum(1 for f in r["missed"] if f.get("note", "").startswith("file gate skipped"))
    if lost:
        print(f"  findings missed because gate skipped the file: {lost}")
    for kind in ("missed", "extra", "severity_or_confidence_differs", "range_differs"):
        items = r[kind]
        if not items:
            continue
        print(f"\n{kind} (first {SHOWN_PER_CHECK} per check):")
        shown = collections.Counter()
        for f in items:
            if shown[f["test_id"]] >= SHOWN_PER_CHECK:
                continue
            shown[f["test_id"]] += 1
            extra = ""
            if "gate_severity" in f:
                extra = f" bandit {f['severity']}/{f['confidence']} gate {f['gate_severity']}/{f['gate_confidence']}"
            if "gate_range" in f:
                extra = (f" bandit col {f['col_offset']} lines {f['line_range'][0]}-{f['line_range'][-1]} "
                         f"end col {f['end_col_offset']} (bytes, 0-based); gate (chars, 1-based) {f['gate_range']}")
            if f.get("note"):
                extra += f" ({f['note']})"
            line = first_code_line(f["code"], f["line"])
            print(f"  {f['test_id']} {f['path']}:{f['line']}{extra}  {line}")
    t = r["timing_seconds"]
    print(f"\ntime: bandit (or its cache) {t['bandit_or_cache']}s, gate {t['gate']}s")


def first_code_line(code: str, line: int) -> str:
    """bandit's `code` is numbered context lines; keep the reported one."""
    for l in code.splitlines():
        head, _, rest = l.partition(" ")
        if head == str(line):
            return rest.strip()[:100]
    return code.strip().splitlines()[0][:100] if code.strip() else ""


if __name__ == "__main__":
    sys.exit(main())
