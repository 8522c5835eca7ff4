#!/usr/bin/env python3
"""bandit's own functional expectations, run against gate.

bandit's test suite (tests/functional/test_functional.py in the bandit 1.9.4
sdist) runs bandit on each file of examples/ and asserts how many findings of
each SEVERITY and CONFIDENCE it reports. This script reads those expectations
out of the test file (its `expect = {...}` dicts, the plugin config and test
profile a test sets first, `ignore_nosec=True`, the "file is skipped" and
"issue on line N" assertions), runs gate on each example under the same
configuration, and prints one PASS/FAIL line per case.

A case's configuration reaches gate as bandit's own would: a pyproject.toml
with [tool.bandit] (skips, plugin sections such as [tool.bandit.assert_used])
next to a copy of the example, passed with --config.

The sdist is downloaded once into corpora/bandit-sdist/ (gitignored), or taken
from $GATE_BANDIT_SDIST (a directory holding examples/ and tests/).

    benches/parity/functional.py                  # fetch if needed, run, print
    benches/parity/functional.py --fetch-only     # just download and extract
    benches/parity/functional.py --tool bandit    # check the harness itself: run bandit
    benches/parity/functional.py --json out.json  # also write every case's result
    benches/parity/functional.py --all-examples   # also diff gate vs bandit on every example

Exit status: 0 when every case passes, 1 otherwise, 2 when it cannot run.
"""

from __future__ import annotations

import argparse
import ast
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

BANDIT_VERSION = "1.9.4"
REPO = Path(__file__).resolve().parents[2]
DEFAULT_CACHE = REPO / "corpora" / "bandit-sdist"
RANKS = ("UNDEFINED", "LOW", "MEDIUM", "HIGH")


@dataclass
class Case:
    """One assertion of bandit's functional suite about one example file."""

    test: str  # the test method, e.g. test_asserts
    example: str  # path under examples/
    # SEVERITY/CONFIDENCE -> rank -> count, as the test's expect dict says.
    expect: dict | None = None
    expect_skipped: bool = False  # the file must be skipped as unparsable
    expect_lines: list[int] | None = None  # the findings' lines, in order
    skips: list[str] = field(default_factory=list)  # test ids the test set leaves out
    plugin_config: dict = field(default_factory=dict)  # config section name -> options
    ignore_nosec: bool = False

    @property
    def name(self) -> str:
        extras = []
        if self.skips:
            extras.append("skips=" + ",".join(self.skips))
        for k, v in self.plugin_config.items():
            extras.append(f"{k}={json.dumps(v, sort_keys=True)}")
        if self.ignore_nosec:
            extras.append("ignore_nosec")
        return f"{self.test}:{self.example}" + (f" [{'; '.join(extras)}]" if extras else "")


def main() -> int:
    args = parse_args()
    sdist = find_sdist(args.sdist, fetch=not args.no_fetch)
    if args.fetch_only:
        print(sdist)
        return 0
    cases = extract_cases(sdist)
    if not cases:
        print(f"functional: no cases found in {sdist}/tests/functional/test_functional.py", file=sys.stderr)
        return 2
    if args.list:
        for c in cases:
            print(json.dumps({**c.__dict__, "name": c.name}))
        return 0
    runner = Runner(args.tool, args.gate, sdist)
    results = [runner.check(c) for c in cases]
    failed = [r for r in results if r["status"] == "FAIL"]
    for r in results:
        print(f"{r['status']:<4} {r['case']}")
        for d in r["details"]:
            print(f"       {d}")
    examples_checked = len({c.example for c in cases})
    print(f"\n{len(results) - len(failed)} passed, {len(failed)} failed "
          f"({len(results)} cases over {examples_checked} example files, tool: {args.tool})")

    diff = None
    if args.all_examples:
        diff = all_examples_diff(runner, sdist)
    if args.json:
        doc = {"tool": args.tool, "sdist": str(sdist), "cases": results, "all_examples": diff}
        text = json.dumps(doc, indent=1) + "\n"
        if args.json == "-":
            sys.stdout.write(text)
        else:
            Path(args.json).write_text(text)
    return 1 if failed else 0


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sdist", type=Path, default=os.environ.get("GATE_BANDIT_SDIST"),
                   help="extracted bandit sdist [default: $GATE_BANDIT_SDIST, else the cache]")
    p.add_argument("--gate", type=Path, default=REPO / "target" / "release" / "gate")
    p.add_argument("--tool", choices=("gate", "bandit"), default="gate",
                   help="what to run on the examples (bandit: check this harness)")
    p.add_argument("--fetch-only", action="store_true", help="download and extract the sdist, print its path")
    p.add_argument("--no-fetch", action="store_true", help="fail instead of downloading")
    p.add_argument("--list", action="store_true", help="print the extracted cases as JSON lines")
    p.add_argument("--json", help="write the results as JSON to this file (- for stdout)")
    p.add_argument("--all-examples", action="store_true",
                   help="also compare gate with bandit (installed) finding by finding on every example")
    return p.parse_args()


# -------------------------------------------------------------- the sdist


def find_sdist(given: Path | None, fetch: bool) -> Path:
    if given:
        d = Path(given)
        if not (d / "tests" / "functional" / "test_functional.py").is_file():
            sys.exit(f"functional: {d} is not an extracted bandit sdist (no tests/functional/test_functional.py)")
        return d.resolve()
    d = DEFAULT_CACHE / f"bandit-{BANDIT_VERSION}"
    if (d / "tests" / "functional" / "test_functional.py").is_file():
        return d
    if not fetch:
        sys.exit(f"functional: no bandit sdist at {d} (run with --fetch-only first)")
    DEFAULT_CACHE.mkdir(parents=True, exist_ok=True)
    print(f"functional: downloading the bandit {BANDIT_VERSION} sdist into {DEFAULT_CACHE}", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", "bandit",
                    "--disable-pip-version-check", "-q", "-d", str(DEFAULT_CACHE), f"bandit=={BANDIT_VERSION}"],
                   check=True)
    archive = DEFAULT_CACHE / f"bandit-{BANDIT_VERSION}.tar.gz"
    with tarfile.open(archive) as tar:
        tmp = Path(tempfile.mkdtemp(dir=DEFAULT_CACHE))
        tar.extractall(tmp, filter="data")
        (tmp / f"bandit-{BANDIT_VERSION}").rename(d)
        shutil.rmtree(tmp)
    return d


# ------------------------------------------------- reading the test suite


def extract_cases(sdist: Path) -> list[Case]:
    source = (sdist / "tests" / "functional" / "test_functional.py").read_text()
    config_names = plugin_config_names(sdist)
    tree = ast.parse(source)
    cases: list[Case] = []
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        for fn in cls.body:
            if isinstance(fn, ast.FunctionDef) and fn.name.startswith("test_"):
                cases.extend(TestReader(fn.name, config_names).read(fn.body))
    # run_example calls whose assertions are about something else (baselines, code snippets).
    return [c for c in cases if c.expect is not None or c.expect_skipped or c.expect_lines is not None]


def plugin_config_names(sdist: Path) -> dict[str, str]:
    """Plugin function name -> its config section (`@test.takes_config("shell_injection")`)."""
    names = {}
    for path in (sdist / "bandit").rglob("*.py"):
        text = path.read_text()
        for m in re.finditer(r"@test\.takes_config(?:\(\"(\w+)\"\))?\s*\n(?:@.*\n)*def (\w+)", text):
            names[m.group(2)] = m.group(1) or m.group(2)
    return names


class TestReader:
    """Walks one test method in order, tracking the state check_example sees."""

    def __init__(self, test: str, config_names: dict[str, str]):
        self.test = test
        self.config_names = config_names
        self.env: dict[str, object] = {}  # local constants and dicts
        self.plugin_var: dict[str, str] = {}  # local name of a plugin -> its config section
        self.plugin_config: dict[str, dict] = {}
        self.conf_vars: dict[str, dict] = {}  # local BanditConfig objects -> their .config sections
        self.skips: list[str] = []
        self.cases: list[Case] = []
        self.last_run: str | None = None

    def read(self, body: list[ast.stmt]) -> list[Case]:
        for stmt in body:
            self.stmt(stmt)
        return self.cases

    def stmt(self, s: ast.stmt) -> None:
        if isinstance(s, ast.Assign) and len(s.targets) == 1:
            self.assign(s.targets[0], s.value)
        elif isinstance(s, ast.With):
            saved = (list(self.skips), dict(self.plugin_config))
            for item in s.items:
                self.with_test_set(item.context_expr)
            for inner in s.body:
                self.stmt(inner)
            self.skips, self.plugin_config = saved
        elif isinstance(s, ast.Expr) and isinstance(s.value, ast.Call):
            self.call(s.value)

    def assign(self, target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, ast.Name):
            # test = next(x for x in ...tests["Assert"] if x.__name__ == "assert_used")
            plugin = plugin_in_next(value)
            if plugin:
                self.plugin_var[target.id] = self.config_names.get(plugin, plugin)
            elif is_call_to(value, "BanditConfig"):
                self.conf_vars[target.id] = {}
            else:
                try:
                    self.env[target.id] = self.eval(value)
                except ValueError:
                    pass
        elif isinstance(target, ast.Attribute) and target.attr == "_config" and isinstance(target.value, ast.Name):
            # test._config = {...}: the plugin's whole config, replacing its defaults
            section = self.plugin_var.get(target.value.id)
            if section:
                self.plugin_config[section] = self.eval(value)
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute):
            # b_conf.config["markupsafe_xss"] = {...}
            base = target.value
            if base.attr == "config" and isinstance(base.value, ast.Name) and base.value.id in self.conf_vars:
                self.conf_vars[base.value.id][self.eval(target.slice)] = self.eval(value)

    def with_test_set(self, expr: ast.expr) -> None:
        # self.with_test_set(b_test_set.BanditTestSet(config=..., profile={"exclude": [...]}))
        if not (is_call_to(expr, "with_test_set") and expr.args and is_call_to(expr.args[0], "BanditTestSet")):
            return
        for kw in expr.args[0].keywords:
            if kw.arg == "profile":
                profile = self.eval(kw.value)
                self.skips = list(profile.get("exclude", []))
                if profile.get("include"):
                    raise ValueError(f"{self.test}: profile include lists are not handled")
            elif kw.arg == "config" and isinstance(kw.value, ast.Name) and kw.value.id in self.conf_vars:
                # A fresh BanditConfig: only the sections this test set on it.
                self.plugin_config = dict(self.conf_vars[kw.value.id])

    def call(self, c: ast.Call) -> None:
        if is_call_to(c, "check_example"):
            example = self.eval(c.args[0])
            expect = self.eval(c.args[1])
            ignore = any(kw.arg == "ignore_nosec" and self.eval(kw.value) for kw in c.keywords)
            self.cases.append(Case(self.test, example, expect=expect, skips=list(self.skips),
                                   plugin_config=json.loads(json.dumps(self.plugin_config)), ignore_nosec=ignore))
            self.last_run = None
        elif is_call_to(c, "run_example"):
            self.last_run = self.eval(c.args[0])
            self.cases.append(Case(self.test, self.last_run))
        elif is_call_to(c, "assertEqual") and self.last_run and len(c.args) == 2:
            want, got = c.args
            src = ast.unparse(got)
            case = self.cases[-1]
            if src == "len(self.b_mgr.skipped)":
                case.expect_skipped = self.eval(want) == 1
            elif re.fullmatch(r"issues\[\d+\]\.lineno", src):
                case.expect_lines = (case.expect_lines or []) + [self.eval(want)]
            elif src == "len(issues)":
                case.expect = {"count": self.eval(want)}

    def eval(self, node: ast.expr):
        """A literal, with the test's local constants substituted."""
        if isinstance(node, ast.Name):
            if node.id in self.env:
                return self.env[node.id]
            raise ValueError(f"{self.test}: unknown name {node.id}")
        if isinstance(node, ast.Dict):
            return {self.eval(k): self.eval(v) for k, v in zip(node.keys, node.values)}
        if isinstance(node, (ast.List, ast.Tuple)):
            return [self.eval(e) for e in node.elts]
        if isinstance(node, ast.Constant):
            return node.value
        raise ValueError(f"{self.test}: cannot evaluate {ast.unparse(node)}")


def is_call_to(node: ast.expr, name: str) -> bool:
    if not isinstance(node, ast.Call):
        return False
    f = node.func
    return (isinstance(f, ast.Attribute) and f.attr == name) or (isinstance(f, ast.Name) and f.id == name)


def plugin_in_next(node: ast.expr) -> str | None:
    if not (is_call_to(node, "next") and node.args and isinstance(node.args[0], ast.GeneratorExp)):
        return None
    for gen in node.args[0].generators:
        for cond in gen.ifs:
            if isinstance(cond, ast.Compare) and isinstance(cond.comparators[0], ast.Constant):
                return cond.comparators[0].value
    return None


# ------------------------------------------------------------- running


class Runner:
    def __init__(self, tool: str, gate: Path, sdist: Path):
        self.tool = tool
        self.gate = gate.resolve()
        self.sdist = sdist
        if tool == "gate" and not self.gate.is_file():
            sys.exit(f"functional: {self.gate} not found; run `cargo build --release` or pass --gate")
        if tool == "gate":
            help_text = subprocess.run([str(self.gate), "scan", "--help"], capture_output=True, text=True).stdout
            self.gate_ignore_nosec = "--ignore-nosec" in help_text
        if tool == "bandit" and shutil.which("bandit") is None:
            sys.exit("functional: bandit is not installed (pip install bandit==1.9.4)")

    def check(self, case: Case) -> dict:
        details: list[str] = []
        if case.ignore_nosec and self.tool == "gate" and not self.gate_ignore_nosec:
            return {"case": case.name, "status": "FAIL", "details": ["gate scan has no --ignore-nosec option"],
                    "example": case.example}
        run = self.run(case)
        if run.get("error"):
            return {"case": case.name, "status": "FAIL", "details": [run["error"]], "example": case.example}
        if case.expect_skipped:
            if not run["skipped"]:
                details.append("expected the file to be skipped as unparsable; it was not")
            if run["findings"]:
                details.append(f"expected no findings from an unparsable file, got {len(run['findings'])}")
        if case.expect and "count" in case.expect:
            if len(run["findings"]) != case.expect["count"]:
                details.append(f"expected {case.expect['count']} findings, got {len(run['findings'])}")
        elif case.expect:
            got = {"SEVERITY": dict.fromkeys(RANKS, 0), "CONFIDENCE": dict.fromkeys(RANKS, 0)}
            for f in run["findings"]:
                got["SEVERITY"][f["severity"]] += 1
                got["CONFIDENCE"][f["confidence"]] += 1
            for kind in ("SEVERITY", "CONFIDENCE"):
                if got[kind] != case.expect[kind]:
                    want = " ".join(f"{r}={case.expect[kind][r]}" for r in RANKS[1:])
                    have = " ".join(f"{r}={got[kind][r]}" for r in RANKS[1:])
                    details.append(f"{kind}: expected {want}; got {have}")
        if case.expect_lines is not None:
            lines = sorted(f["line"] for f in run["findings"])
            if lines != case.expect_lines:
                details.append(f"lines: expected {case.expect_lines}; got {lines}")
        if not run["skipped"] and case.expect_skipped is False and run["warnings"]:
            details.extend(f"warning: {w}" for w in run["warnings"])
        status = "FAIL" if any(not d.startswith("warning:") for d in details) else "PASS"
        if status == "FAIL":
            details.extend(f"finding: {f['test_id']} line {f['line']} {f['severity']}/{f['confidence']}"
                           for f in sorted(run["findings"], key=lambda f: (f["line"], f["test_id"])))
        return {"case": case.name, "status": status, "details": details, "example": case.example,
                "findings": run["findings"]}

    def run(self, case: Case) -> dict:
        with tempfile.TemporaryDirectory(prefix="gate-functional-") as tmp:
            work = Path(tmp)
            # Keep the example's name: bandit's assert_used skips match it.
            target = work / "examples" / case.example
            target.parent.mkdir(parents=True)
            shutil.copyfile(self.sdist / "examples" / case.example, target)
            config = None
            if case.skips or case.plugin_config:
                config = work / "pyproject.toml"
                config.write_text(pyproject(case))
            rel = str(target.relative_to(work))
            if self.tool == "bandit":
                return run_bandit(work, rel, config, case.ignore_nosec)
            return self.run_gate(work, rel, config, case.ignore_nosec)

    def run_gate(self, work: Path, rel: str, config: Path | None, ignore_nosec: bool) -> dict:
        cmd = [str(self.gate), "scan", rel, "--engines", "python", "--format", "json", "--fail-on", "info",
               "--no-ignore", "--no-progress", "--root", str(work)]
        if config:
            cmd += ["--config", str(config)]
        if ignore_nosec:
            cmd.append("--ignore-nosec")
        proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
        if not proc.stdout.strip():
            return {"findings": [], "skipped": False, "warnings": [],
                    "error": f"gate exited {proc.returncode} with no report: {proc.stderr.strip()[:500]}"}
        doc = json.loads(proc.stdout)
        findings = [{"test_id": f["rule_id"], "line": f["start_line"], "severity": f["severity"].upper(),
                     "confidence": f["confidence"].upper()} for f in doc["findings"]]
        warnings = [f"{d.get('kind')} {d.get('path', '')}:{d.get('line', '')} {d.get('message')}"
                    for d in doc.get("diagnostics", []) if d.get("level") in ("warning", "error")]
        # A binary file (NUL bytes) is skipped before parsing; bandit calls it a syntax error.
        skipped = any(d.get("kind") in ("unparsable", "binary") for d in doc.get("diagnostics", []))
        return {"findings": findings, "skipped": skipped, "warnings": warnings}

    def run_bandit_file(self, example: str) -> dict:
        with tempfile.TemporaryDirectory(prefix="gate-functional-") as tmp:
            work = Path(tmp)
            target = work / "examples" / example
            target.parent.mkdir(parents=True)
            shutil.copyfile(self.sdist / "examples" / example, target)
            return run_bandit(work, str(target.relative_to(work)), None, False)


def pyproject(case: Case) -> str:
    lines = ["[tool.bandit]"]
    if case.skips:
        lines.append(f"skips = {json.dumps(case.skips)}")
    for section, options in case.plugin_config.items():
        lines.append(f"\n[tool.bandit.{section}]")
        for k, v in options.items():
            lines.append(f"{k} = {toml_value(v)}")
    return "\n".join(lines) + "\n"


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return json.dumps(v)


def run_bandit(work: Path, rel: str, config: Path | None, ignore_nosec: bool) -> dict:
    cmd = ["bandit", "-f", "json", "-q", rel]
    if config:
        cmd += ["-c", str(config)]
    if ignore_nosec:
        cmd.append("--ignore-nosec")
    proc = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
    doc = json.loads(proc.stdout)
    findings = [{"test_id": r["test_id"], "line": r["line_number"], "severity": r["issue_severity"],
                 "confidence": r["issue_confidence"]} for r in doc["results"]]
    return {"findings": findings, "skipped": bool(doc.get("errors")), "warnings": []}


def all_examples_diff(runner: Runner, sdist: Path) -> dict:
    """Every example, gate vs bandit, by line + test id (+ severity/confidence)."""
    if runner.tool != "gate" or shutil.which("bandit") is None:
        print("\n(--all-examples needs --tool gate and bandit installed)")
        return {}
    examples = sorted(str(p.relative_to(sdist / "examples")) for p in (sdist / "examples").rglob("*.py"))
    print(f"\nevery example, gate vs bandit {BANDIT_VERSION} (line, test id, severity/confidence):")
    out = {}
    same = 0
    for ex in examples:
        b = runner.run_bandit_file(ex)
        g = runner.run(Case("all_examples", ex))
        if g.get("error"):
            out[ex] = {"error": g["error"]}
            print(f"  ERROR {ex}: {g['error']}")
            continue
        kb = collections.Counter((f["line"], f["test_id"], f["severity"], f["confidence"]) for f in b["findings"])
        kg = collections.Counter((f["line"], f["test_id"], f["severity"], f["confidence"]) for f in g["findings"])
        missed, extra = sorted((kb - kg).elements()), sorted((kg - kb).elements())
        skip_note = "" if b["skipped"] == g["skipped"] else f" (bandit skipped: {b['skipped']}, gate: {g['skipped']})"
        if not missed and not extra and not skip_note:
            same += 1
            continue
        out[ex] = {"missed": missed, "extra": extra, "bandit_skipped": b["skipped"], "gate_skipped": g["skipped"]}
        print(f"  DIFF {ex}{skip_note}")
        for m in missed:
            print(f"       missed {m[1]} line {m[0]} {m[2]}/{m[3]}")
        for e in extra:
            print(f"       extra  {e[1]} line {e[0]} {e[2]}/{e[3]}")
    print(f"  {same}/{len(examples)} example files identical")
    return out


if __name__ == "__main__":
    sys.exit(main())
