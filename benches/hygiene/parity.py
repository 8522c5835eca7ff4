#!/usr/bin/env python3
"""Parity of gate's hygiene checks with zizmor and hadolint on real files.

    benches/hygiene/parity.py [--corpus corpora/hygiene] [--gate target/release/gate]
                              [--out target/hygiene-parity] [--show N]

Runs, on the corpus that collect.py gathers:
  gate scan CORPUS --engines hygiene --format json
  zizmor --offline --format json --no-config REPO_DIR...   (zizmor 1.32, default persona)
  hadolint --format json --no-fail DOCKERFILE...           (hadolint 2.15, no config)
and reports, for every zizmor or hadolint id a gate check names as an anchor
(the registry's aliases; each finding's tags name, as `tool:id`, the ids
that finding answers to), the anchor's findings of that id gate also reports
(recall) and gate's findings tagged with it the anchor also reports
(precision), on the files that anchor reads
(zizmor: workflows; hadolint: Dockerfiles). Two findings agree when they sit
in the same file and their line ranges overlap (zizmor reports a step or a
job where gate reports the key inside it). Every disagreement is written to
OUT/disagreements.txt, grouped by check, with the line it is about.
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CORPUS = ""
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORKFLOW = re.compile(r"(^|/)\.github/workflows/[^/]+\.ya?ml$")
DOCKERFILE = re.compile(r"(^|/)((Dockerfile|Containerfile)(\.[^/]+)?|[^/]+\.dockerfile)$", re.I)


def run(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def files(corpus, pattern):
    out = []
    for d, _, names in os.walk(corpus):
        for n in names:
            rel = os.path.relpath(os.path.join(d, n), corpus).replace(os.sep, "/")
            if pattern.search(rel):
                out.append(rel)
    return sorted(out)


def gate_findings(gate, corpus):
    code, out, err = run([gate, "scan", ".", "--engines", "hygiene", "--format", "json",
                          "--no-progress"], cwd=corpus)
    if code not in (0, 1):
        sys.exit(f"gate failed ({code}): {err[-2000:]}")
    doc = json.loads(out)
    found = []
    for f in doc["findings"]:
        anchors = [t.split(":", 1) for t in f.get("tags", []) if t.split(":", 1)[0] in ("zizmor", "hadolint")]
        found.append({"path": f["path"], "start": f["start_line"], "end": f["end_line"],
                      "check": f["rule_id"], "anchors": anchors, "message": f["message"]})
    return found, doc.get("diagnostics", [])


def zizmor_findings(corpus, workflows):
    """zizmor's findings, and the files it did not audit (schema or YAML errors)."""
    dirs = sorted({w.split("/.github/")[0] for w in workflows})
    found, skipped = [], set()
    # A few directories at a time: one broken file must not hide the others.
    for i in range(0, len(dirs), 8):
        chunk = dirs[i:i + 8]
        code, out, err = run(["zizmor", "--offline", "--no-config", "--format", "json",
                              "--collect=workflows", *chunk], cwd=corpus)
        for m in re.finditer(r"failed to (?:validate|load|parse|register) file://(\S+?)(?: as |:|\s)", err):
            skipped.add(os.path.normpath(m.group(1)).replace(os.sep, "/"))
        if not out.strip():
            print(f"zizmor gave nothing for {chunk}: {err[-500:]}", file=sys.stderr)
            continue
        for f in json.loads(out):
            for loc in f["locations"]:
                if loc["symbolic"]["kind"] != "Primary":
                    continue
                key = loc["symbolic"]["key"]
                path = key.get("Local", {}).get("verbatim_path") if isinstance(key, dict) else None
                if not path:
                    continue
                c = loc["concrete"]["location"]
                d = f.get("determinations", {})
                feature = loc["concrete"].get("feature", "").strip().split("\n")[0][:80]
                found.append({"path": os.path.normpath(path).replace(os.sep, "/"),
                              "start": c["start_point"]["row"] + 1,
                              "end": c["end_point"]["row"] + 1,
                              "id": f["ident"],
                              "severity": d.get("severity", "").lower(),
                              "message": f"[{d.get('severity', '?')}/{d.get('confidence', '?')}] "
                                         f"{loc['symbolic'].get('annotation', '')}: {feature}"})
                break
    return found, skipped


def hadolint_findings(corpus, dockerfiles):
    found = []
    for i in range(0, len(dockerfiles), 50):
        chunk = dockerfiles[i:i + 50]
        code, out, err = run(["hadolint", "--no-fail", "--format", "json", *chunk], cwd=corpus)
        try:
            items = json.loads(out or "[]")
        except json.JSONDecodeError:
            print(f"hadolint output unreadable: {err[-500:]}", file=sys.stderr)
            continue
        for f in items:
            found.append({"path": f["file"], "start": f["line"], "end": f["line"],
                          "id": f["code"], "message": f["message"]})
    # A file hadolint cannot parse (DL1000) gets no other finding from it.
    skipped = {f["path"] for f in found if f["id"] == "DL1000"}
    return [f for f in found if f["path"] not in skipped], skipped


def instruction_starts(path):
    """For each 1-based line of a Dockerfile, the line its instruction starts
    on (continuations, comment lines inside them and heredoc bodies belong to
    the instruction above): hadolint reports an instruction's first line,
    gate the word inside it."""
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    except OSError:
        return {}
    escape = "\\"
    starts, start, cont, heredoc = {}, None, False, []
    for i, line in enumerate(lines, 1):
        m = re.match(r"#\s*escape\s*=\s*(\S)", line)
        if m and start is None:
            escape = m.group(1)
        stripped = line.strip()
        if heredoc:
            starts[i] = start
            if stripped == heredoc[0]:
                heredoc.pop(0)
            continue
        if cont and (stripped.startswith("#") or not stripped):
            starts[i] = start
            continue
        if not cont:
            start = i
        starts[i] = start
        heredoc = re.findall(r"<<-?[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?", line) if not stripped.startswith("#") else []
        cont = stripped.endswith(escape) and not stripped.startswith("#")
    return starts


def overlap(a, b):
    return a["path"] == b["path"] and a["start"] <= b["end"] and b["start"] <= a["end"]


# Checks compared at a coarser grain than lines, because the two tools put the
# same problem at different places in it: zizmor reports `secrets: inherit`
# at the job's `uses:` and a missing `permissions:` once per job, gate at
# the key and once per workflow; zizmor reports a dangerous trigger at `on:`,
# gate at the step that checks out the pull request.
GRAIN = {"secrets-inherit": "job", "excessive-permissions": "file", "dangerous-triggers": "file"}


def job_of(corpus, cache, path, line):
    """The id of the workflow job whose lines hold `line` (None outside `jobs:`)."""
    if path not in cache:
        spans, in_jobs, indent = [], False, None
        try:
            text = open(os.path.join(corpus, path), encoding="utf-8", errors="replace").read()
        except OSError:
            text = ""
        for i, l in enumerate(text.split("\n"), 1):
            if not l.strip() or l.lstrip().startswith("#"):
                continue
            ind = len(l) - len(l.lstrip())
            if ind == 0:
                in_jobs = l.startswith("jobs:")
                indent = None
                spans.append((i, None))
                continue
            if in_jobs and (indent is None or ind == indent) and re.match(r"\s*[^\s-][^:]*:\s*(#.*)?$", l):
                indent = ind
                spans.append((i, l.strip().rstrip(":")))
        cache[path] = spans
    job = None
    for start, name in cache[path]:
        if start > line:
            break
        job = name
    return job


def same_place(check, corpus, cache, a, b):
    grain = GRAIN.get(check)
    if grain == "file":
        return a["path"] == b["path"]
    if grain == "job":
        return a["path"] == b["path"] and job_of(corpus, cache, a["path"], a["start"]) == job_of(corpus, cache, b["path"], b["start"])
    return overlap(a, b)


def to_instructions(corpus, findings):
    """Dockerfile findings widened to the lines of their whole instruction."""
    cache = {}
    for f in findings:
        if not DOCKERFILE.search(f["path"]):
            continue
        starts = cache.setdefault(f["path"], instruction_starts(os.path.join(corpus, f["path"])))
        first = starts.get(f["start"], f["start"])
        last = max([l for l, s in starts.items() if s == first] or [f["end"]])
        f["start"], f["end"] = first, max(last, f["end"])


def line_at(corpus, f):
    try:
        with open(os.path.join(corpus, f["path"]), encoding="utf-8", errors="replace") as fh:
            for i, l in enumerate(fh, 1):
                if i == f["start"]:
                    return l
    except OSError:
        pass
    return ""


def instruction_text(corpus, f):
    """The whole instruction (or line) a finding's range covers."""
    try:
        lines = open(os.path.join(corpus, f["path"]), encoding="utf-8", errors="replace").read().split("\n")
    except OSError:
        return ""
    return "\n".join(lines[f["start"] - 1:f["end"]])


# Expressions gate does not treat as attacker-controlled: they name this
# repository's own refs, the workflow's own matrix and env, GitHub's URLs,
# numbers and ids (see template_injection.rs).
GATE_RISKY = re.compile(
    r"github\.head_ref|github\.event\.(?!.*\.(number|id|sha|html_url|url|run_number|run_id)\b)|"
    r"\.outputs\.|\binputs\b|toJSON\(github\.event\)")

# Documented design differences: (check, side, test(finding, text), class).
# Every class is explained in benches/hygiene/RESULTS.md.
DESIGN = [
    ("dockerfile-unpinned-from", "extra", lambda f, t: "$" in t.split("\n")[0],
     "FROM $ARG: gate reads the ARG's default, hadolint does not judge variables"),
    ("*", "extra", lambda f, t: re.search(r"<<-?['\"]?\w", t) is not None,
     "heredoc RUN: gate reads the heredoc body as shell, hadolint does not"),
    ("*", "extra", lambda f, t: re.search(r"\bapt\s+(-\S+\s+)*install\b", t) is not None,
     "`apt install` (not `apt-get`): gate reads both, hadolint only apt-get"),
    ("*", "extra", lambda f, t: re.search(r"/pip3?['\"]?\s+install", t) is not None,
     "pip run by its path (.venv/bin/pip): gate recognises it, hadolint only a bare pip"),
    ("unpinned-pip-install", "extra", lambda f, t: re.search(r"`pip install [^`]*[<>~!]", f["message"]) is not None,
     "version range (`wheel<0.46`): gate wants `==`, hadolint DL3013 accepts any specifier"),
    ("unpinned-pip-install", "extra", lambda f, t: "://" in f["message"],
     "URL of a moving archive (`.../archive/main.zip`): gate flags it, hadolint skips URLs"),
    ("unpinned-pip-install", "missed", lambda f, t: re.search(r"pip3?\s+install[^&;|]*\$\{?\w", t) is not None,
     "package name built from a variable (`tensorflow${TF_POSTFIX}`): gate does not judge what it cannot read"),
    ("dockerfile-apt-lists", "missed", lambda f, t: re.search(r"apt(-get)?\s+dist-?clean", t) is not None,
     "`apt-get dist-clean` (apt 2.7+) removes the lists: gate knows it, hadolint 2.15 does not"),
    ("dockerfile-apt-lists", "missed", lambda f, t: "/var/lib/apt/lists" in t,
     "lists removed by another form of rm (`rm /var/lib/apt/lists/*_*`): gate accepts it, hadolint wants `rm -rf .../*`"),
    ("dockerfile-secret-env", "missed", lambda f, t: re.search(r"\b(ARG|ENV)\s+\w*(USER|NAME|_FILE|_PATH)\w*\b", t) is not None,
     "hadolint flags names such as USERNAME and *_FILE, which hold no secret; gate wants a secret-looking name"),
    ("dangerous-triggers", "missed", lambda f, t: True,
     "zizmor flags the trigger itself; gate only a checkout of the pull request's code under it"),
    ("dangerous-triggers", "extra", lambda f, t: "zizmor: ignore[dangerous-triggers]" in open_text(f),
     "the file silences zizmor at the trigger (`# zizmor: ignore[...]`); gate's finding is at the checkout, where no ignore is"),
    ("template-injection", "missed", lambda f, t: not any(GATE_RISKY.search(e) for e in re.findall(r"\$\{\{(.*?)\}\}", t)),
     "context gate does not call attacker-controlled (github.ref/base_ref, matrix, env, job.*, URLs)"),
    ("unpinned-uses", "extra", lambda f, t: re.search(r"uses:\s*['\"]?\$", t) is not None,
     "`uses:` that is neither owner/repo@ref nor ./path: gate calls it unpinned, zizmor skips it"),
    ("artipacked", "extra", lambda f, t: re.search(r"checkout@(v([6-9]|\d\d)|[0-9a-f]{40}\s*#\s*v([6-9]|\d\d))", t) is not None,
     "checkout v6+: gate reports it LOW, zizmor's default persona does not"),
    ("artipacked", "extra", lambda f, t: re.search(r"persist-credentials:\s*true", step_text(f)) is not None,
     "`persist-credentials: true` written out: gate still flags the token left in .git/config, zizmor takes it as deliberate"),
]


def open_text(f):
    try:
        return open(os.path.join(CORPUS, f["path"]), encoding="utf-8", errors="replace").read()
    except OSError:
        return ""


def step_text(f):
    """A workflow finding's line and the dozen below it (its step's `with:`)."""
    lines = open_text(f).split("\n")
    return "\n".join(lines[f["start"] - 1:f["start"] + 12])


def design_class(check, side, f, text):
    for c, sd, test, label in DESIGN:
        if c in (check, "*") and sd == side and test(f, text):
            return label
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "corpora/hygiene"))
    ap.add_argument("--gate", default=os.path.join(ROOT, "target/release/gate"))
    # Not under corpora/: the fetched corpora are shared and read-only.
    ap.add_argument("--out", default=os.path.join(ROOT, "target/hygiene-parity"))
    ap.add_argument("--show", type=int, default=3, help="disagreements printed per check")
    a = ap.parse_args()
    a.gate = os.path.abspath(a.gate)
    os.makedirs(a.out, exist_ok=True)
    # Every tool reads a private copy: no enclosing repository's .gitignore,
    # .gateignore, zizmor.yml or .hadolint.yaml applies to it.
    scratch = tempfile.mkdtemp(prefix="gate-hygiene-parity-")
    try:
        a.corpus = shutil.copytree(a.corpus, os.path.join(scratch, "corpus"))
        compare(a)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def compare(a):
    global CORPUS
    CORPUS = a.corpus
    workflows = files(a.corpus, WORKFLOW)
    dockerfiles = files(a.corpus, DOCKERFILE)
    print(f"corpus: {len(workflows)} workflows, {len(dockerfiles)} Dockerfiles in {a.corpus}")
    gate, diags = gate_findings(a.gate, a.corpus)
    to_instructions(a.corpus, gate)
    zf, zskip = zizmor_findings(a.corpus, workflows)
    hf, hskip = hadolint_findings(a.corpus, dockerfiles)
    print(f"not read by the anchor (left out): zizmor {len(zskip)} workflows, hadolint {len(hskip)} Dockerfiles")
    tools = {
        "zizmor": (zf, set(workflows) - zskip),
        "hadolint": (hf, set(dockerfiles) - hskip),
    }
    to_instructions(a.corpus, tools["hadolint"][0])
    # Every (tool, anchor id) -> gate check, from the tags gate wrote.
    alias = {}
    for f in gate:
        for tool, ident in f["anchors"]:
            alias[(tool, ident)] = f["check"]
    # Aliases no gate finding showed still count (recall 0 is a result too):
    # read them from gate's rule catalogue.
    code, out, _ = run([a.gate, "rules", "list", "--engine", "hygiene", "--format", "json"])
    if code == 0:
        try:
            for r in json.loads(out):
                for ref in r.get("references", []):
                    m = re.match(r"https://docs\.zizmor\.sh/audits/#(.+)$", ref)
                    if m:
                        alias[("zizmor", m.group(1))] = r["id"]
                    m = re.match(r"https://github\.com/hadolint/hadolint/wiki/(DL\d+)$", ref)
                    if m:
                        alias[("hadolint", m.group(1))] = r["id"]
        except (json.JSONDecodeError, TypeError, KeyError):
            pass
    rows, dis, design_rows = [], [], []
    for (tool, ident), check in sorted(alias.items()):
        theirs_all, readable = tools[tool]
        theirs = [f for f in theirs_all if f["id"] == ident]
        mine = [f for f in gate if f["check"] == check and f["path"] in readable
                and [tool, ident] in [list(x) for x in f["anchors"]]]
        # Per anchor id: a gate finding names in its tags the ids it answers
        # to (an untagged FROM is DL3006, a `:latest` one DL3007), and is
        # compared with the anchor's findings of those ids only.
        jobs = {}
        near = lambda x, y: same_place(check, a.corpus, jobs, x, y)
        hit = [t for t in theirs if any(near(t, m) for m in mine)]
        right = [m for m in mine if any(near(m, t) for t in theirs)]
        recall = len(hit) / len(theirs) if theirs else None
        precision = len(right) / len(mine) if mine else None
        classes = collections.Counter()
        design_missed = design_extra = 0
        for t in theirs:
            if t not in hit:
                label = design_class(check, "missed", t, instruction_text(a.corpus, t))
                classes[("missed", label)] += 1
                design_missed += label is not None
                dis.append((check, f"{tool}:{ident}", "missed" + (f" [design: {label}]" if label else ""), t))
        for m in mine:
            if m not in right:
                label = design_class(check, "extra", m, instruction_text(a.corpus, m))
                classes[("extra", label)] += 1
                design_extra += label is not None
                dis.append((check, f"{tool}:{ident}", "extra" + (f" [design: {label}]" if label else ""), m))
        # The same, with the documented design differences left out of both counts.
        adj_r = len(hit) / (len(theirs) - design_missed) if len(theirs) - design_missed else None
        adj_p = len(right) / (len(mine) - design_extra) if len(mine) - design_extra else None
        rows.append((check, f"{tool}:{ident}", len(theirs), len(mine), recall, precision, adj_r, adj_p))
        design_rows.append((check, f"{tool}:{ident}", classes))
    fmt = lambda v: "   n/a" if v is None else f"{100 * v:5.1f}%"
    print("raw: every disagreement counts; design: documented design differences (RESULTS.md) left out")
    print(f"{'gate check':<26} {'anchor':<30} {'anchor':>6} {'gate':>5} {'recall':>7} {'prec.':>7} "
          f"{'recall':>7} {'prec.':>7}")
    print(f"{'':<26} {'':<30} {'':>6} {'':>5} {'(raw)':>7} {'(raw)':>7} {'(design)':>7} {'(design)':>7}")
    for check, anchor, nt, nm, r, p, ar, ap_ in rows:
        print(f"{check:<26} {anchor:<30} {nt:>6} {nm:>5} {fmt(r):>7} {fmt(p):>7} {fmt(ar):>7} {fmt(ap_):>7}")
    print("\ndisagreements by class:")
    for check, anchor, classes in design_rows:
        for (side, label), n in sorted(classes.items(), key=lambda x: (x[0][0], x[0][1] or "")):
            print(f"  {check} vs {anchor}: {n} {side}: {label or 'UNEXPLAINED'}")
    with open(os.path.join(a.out, "disagreements.txt"), "w", encoding="utf-8") as out:
        groups = collections.defaultdict(list)
        for check, anchor, what, f in dis:
            groups[(check, anchor, what)].append(f)
        for (check, anchor, what), fs in sorted(groups.items()):
            out.write(f"## {check} vs {anchor}: {what} ({len(fs)})\n")
            for f in fs:
                out.write(f"{f['path']}:{f['start']}: {f['message']}\n")
            out.write("\n")
            if a.show:
                print(f"\n{check} vs {anchor}: {len(fs)} {what}")
                for f in fs[: a.show]:
                    print(f"  {f['path']}:{f['start']}: {f['message'][:140]}")
    print(f"\ngate diagnostics: {len(diags)}; disagreements: {os.path.join(a.out, 'disagreements.txt')}")


if __name__ == "__main__":
    main()
