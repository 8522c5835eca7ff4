#!/usr/bin/env python3
"""Precision benchmark: secret findings on public code that holds no live credentials.

    benches/fetch-corpora.sh                      # once: corpora/precision/<package>/
    benches/precision.py target/release/gate      # gate plus gitleaks, betterleaks, kingfisher
    benches/precision.py GATE --only-gate --rules-dir rules/secrets --show 50

Runs gate (`gate scan DIR --format json --no-redact --fail-on info --max-file-size 100MiB
--no-ignore`)
on every package under corpora/precision/ and, side by side, gitleaks (`dir` mode, no size
limit), betterleaks and kingfisher when they are installed. Prints the total findings per
tool, then gate's findings per rule and per package, and (with --show N) the first N gate
findings with their lines so that each one can be judged.

The other tools' results do not change between runs of gate: they are cached in
corpora/precision-results/ (delete the directory or pass --rerun-others to redo them).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peers import find_gitleaks  # noqa: E402

GITLEAKS_DEFAULT = find_gitleaks() or "gitleaks"


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def gate_findings(gate: str, tree: Path, rules_dir: str | None) -> list[dict]:
    # --no-ignore: the corpora live inside gate's own checkout, whose .gateignore (meant for
    # gate's own tests/ and rules/) would otherwise hide every tests/ directory of the packages.
    # The packages themselves ship no ignore files.
    cmd = [gate, "scan", str(tree), "--engines", "secrets", "--format", "json", "--no-redact", "--fail-on", "info",
           "--max-file-size", "100MiB", "--no-ignore"]
    if rules_dir:
        cmd += ["--rules-dir", rules_dir]
    p = run(cmd)
    if p.returncode not in (0, 1):
        sys.exit(f"gate failed on {tree} (exit {p.returncode}):\n{p.stderr}")
    report = json.loads(p.stdout)
    for d in report.get("diagnostics", []):
        if d.get("level") == "error":
            print(f"  gate diagnostic: {d}", file=sys.stderr)
    return report["findings"]


def gitleaks_findings(binary: str, tree: Path, out: Path) -> list[dict]:
    run([binary, "dir", str(tree), "--no-banner", "--redact=0", "-f", "json", "-r", str(out),
         "--exit-code", "0", "--log-level", "error"])
    return json.loads(out.read_text() or "[]")


def betterleaks_findings(binary: str, tree: Path, out: Path) -> list[dict]:
    out = out.with_suffix(".json")  # betterleaks picks its format from the extension
    run([binary, "fs", str(tree), "-o", str(out), "--no-color", "-l", "error"])
    text = out.read_text().strip() if out.exists() else ""
    if not text:
        return []
    data = json.loads(text)
    return data.get("findings", []) if isinstance(data, dict) else data


def kingfisher_findings(binary: str, tree: Path, out: Path) -> list[dict]:
    run([binary, "scan", str(tree), "--format", "json", "--no-validate", "--no-update-check",
         "--max-file-size", "0", "-q", "-o", str(out)])
    text = out.read_text().strip() if out.exists() else ""
    if not text:
        return []
    data = json.loads(text) if text.startswith(("[", "{")) else [
        json.loads(line) for line in text.splitlines() if line.strip()]
    if isinstance(data, dict):
        data = data.get("findings") or data.get("matches") or []
    return data


def cached(name: str, tree: Path, rerun: bool, fn) -> list[dict]:
    cache_dir = ROOT / "corpora" / "precision-results"
    cache_dir.mkdir(parents=True, exist_ok=True)
    cache = cache_dir / f"{name}-{tree.name}.json"
    if cache.exists() and not rerun:
        return json.loads(cache.read_text())
    raw = cache_dir / f"{name}-{tree.name}-raw.out"
    for stale in (raw, raw.with_suffix(".json")):
        if stale.exists():
            stale.unlink()
    findings = fn(raw)
    cache.write_text(json.dumps(findings))
    return findings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gate", help="path to the gate binary")
    ap.add_argument("--corpus", default=str(ROOT / "corpora" / "precision"))
    ap.add_argument("--rules-dir", help="pass --rules-dir to gate (rules not yet built in)")
    ap.add_argument("--only-gate", action="store_true", help="do not run the other scanners")
    ap.add_argument("--rerun-others", action="store_true", help="ignore cached results of the other scanners")
    ap.add_argument("--gitleaks", default=os.environ.get("GITLEAKS", GITLEAKS_DEFAULT))
    ap.add_argument("--show", type=int, default=0, help="print the first N gate findings")
    ap.add_argument("--json", help="write gate's findings to this file")
    args = ap.parse_args()

    corpus = Path(args.corpus)
    trees = sorted(p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not trees:
        sys.exit(f"no packages in {corpus}: run benches/fetch-corpora.sh first")

    others = {}
    if not args.only_gate:
        for name, binary, fn in (
            ("gitleaks", args.gitleaks, gitleaks_findings),
            ("betterleaks", shutil.which("betterleaks"), betterleaks_findings),
            ("kingfisher", shutil.which("kingfisher"), kingfisher_findings),
        ):
            if binary and Path(binary).exists():
                others[name] = (binary, fn)
            else:
                print(f"({name} not found: skipped)")

    totals: dict[str, int] = collections.Counter()
    per_package: dict[str, dict[str, int]] = collections.defaultdict(collections.Counter)
    gate_all: list[dict] = []
    gate_seconds = 0.0
    for tree in trees:
        t0 = time.monotonic()
        found = gate_findings(args.gate, tree, args.rules_dir)
        gate_seconds += time.monotonic() - t0
        for f in found:
            f["package"] = tree.name
        gate_all += found
        totals["gate"] += len(found)
        per_package[tree.name]["gate"] = len(found)
        for name, (binary, fn) in others.items():
            n = len(cached(name, tree, args.rerun_others, lambda out, b=binary, fn=fn: fn(b, tree, out)))
            totals[name] += n
            per_package[tree.name][name] = n

    tools = ["gate", *others]
    size = sum(f.stat().st_size for t in trees for f in t.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"\ncorpus: {corpus} ({len(trees)} packages, {size / 1e6:.0f} MB); gate took {gate_seconds:.1f}s")
    print(f"\n{'package':<16}" + "".join(f"{t:>13}" for t in tools))
    for tree in trees:
        print(f"{tree.name:<16}" + "".join(f"{per_package[tree.name][t]:>13}" for t in tools))
    print(f"{'TOTAL':<16}" + "".join(f"{totals[t]:>13}" for t in tools))

    by_rule = collections.Counter(f["rule_id"] for f in gate_all)
    print("\ngate findings per rule:")
    for rule, n in by_rule.most_common():
        pkgs = collections.Counter(f["package"] for f in gate_all if f["rule_id"] == rule)
        print(f"  {n:>5}  {rule:<40} " + ", ".join(f"{p} {c}" for p, c in pkgs.most_common()))

    if args.json:
        Path(args.json).write_text(json.dumps(gate_all, indent=1))
    for f in gate_all[: args.show]:
        path = os.path.relpath(f["path"], corpus) if os.path.isabs(f["path"]) else f["path"]
        print(f"\n{f['rule_id']}  {path}:{f['start_line']}  secret={f.get('secret', '')[:80]!r}")
        print(f"    {f.get('snippet', '').strip()[:220]}")


if __name__ == "__main__":
    main()
