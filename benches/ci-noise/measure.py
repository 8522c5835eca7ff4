#!/usr/bin/env python3
"""Noise on real CI and compose files: gate's secrets engine against gitleaks.

    python3 benches/ci-noise/measure.py collect /work/.mirror/*/repo    # copy the files out of git mirrors
    python3 benches/ci-noise/measure.py scan --gate target/release/gate [-v]

`collect` copies, from each bare git repository given (its HEAD tree), every GitHub Actions
workflow and action (`.github/workflows/*.yml`, `action.yml`, workflow templates under
`workflows/` or `ci/`), GitLab, CircleCI and Azure Pipelines file, and every Docker compose file
into corpora/ci-compose/<owner+name>/<path>. Nothing is committed: corpora/ is gitignored.
`scan` runs gate (secrets engine only) and gitleaks (`gitleaks dir`, found on PATH) over that
directory and prints the count of findings each raises, per file with -v. These files hold no
real credentials that a reviewer would want reported, so every finding is counted as noise; read
the -v list to check that claim. Target (issue 13): gate <= gitleaks.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from peers import find_gitleaks  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CORPUS = os.path.join(ROOT, "corpora", "ci-compose")
WANTED = re.compile(
    r"(?:^|/)\.github/workflows/[^/]+\.ya?ml$|(?:^|/)action\.ya?ml$|(?:^|/)workflows/[^/]+\.ya?ml$"
    r"|^(?:ci|deployments|automation|code-scanning|pages)/[^/]+\.ya?ml$"
    r"|(?:^|/)(?:docker-)?compose[^/]*\.ya?ml$|(?:^|/)\.gitlab-ci\.ya?ml$|(?:^|/)\.circleci/config\.ya?ml$"
    r"|(?:^|/)azure-pipelines[^/]*\.ya?ml$|(?:^|/)bitbucket-pipelines\.ya?ml$"
)


def collect(repos):
    total = 0
    for repo in repos:
        name = os.path.basename(os.path.dirname(os.path.abspath(repo))) if repo.endswith("/repo") else os.path.basename(repo)
        ls = subprocess.run(["git", "--git-dir", repo, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True)
        if ls.returncode != 0:
            print(f"skip {repo}: {ls.stderr.strip()}", file=sys.stderr)
            continue
        for path in ls.stdout.splitlines():
            if not WANTED.search(path):
                continue
            blob = subprocess.run(["git", "--git-dir", repo, "show", f"HEAD:{path}"], capture_output=True)
            if blob.returncode != 0:
                continue
            dest = os.path.join(CORPUS, name, path)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "wb") as f:
                f.write(blob.stdout)
            total += 1
    print(f"{total} files in {CORPUS}")


def rel(path):
    return os.path.relpath(os.path.realpath(path), os.path.realpath(CORPUS))


def scan_gate(binary):
    p = subprocess.run([binary, "scan", CORPUS, "--engines", "secrets", "--format", "json", "--no-redact", "--fail-on", "info"],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"gate failed (exit {p.returncode}):\n{p.stderr[-2000:]}")
    return [(rel(os.path.abspath(f["path"])), f["start_line"], f["rule_id"], f.get("secret") or "")
            for f in json.loads(p.stdout).get("findings", [])]


def scan_gitleaks(binary):
    with tempfile.TemporaryDirectory() as td:
        out = os.path.join(td, "r.json")
        p = subprocess.run([binary, "dir", CORPUS, "--no-banner", "-f", "json", "-r", out, "--exit-code", "0"], capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"gitleaks failed (exit {p.returncode}):\n{p.stderr[-2000:]}")
        doc = json.load(open(out)) or []
    return [(rel(f["File"]), f["StartLine"], f["RuleID"], f.get("Secret", "")) for f in doc]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("repos", nargs="+")
    s = sub.add_parser("scan")
    s.add_argument("--gate", default=os.path.join(ROOT, "target", "release", "gate"))
    s.add_argument("--gitleaks", default=find_gitleaks())
    s.add_argument("-v", action="store_true", help="list every finding")
    a = ap.parse_args()
    if a.cmd == "collect":
        collect(a.repos)
        return
    files = sum(len(fs) for _, _, fs in os.walk(CORPUS))
    print(f"corpus: {CORPUS} ({files} files)")
    for name, found in (("gate", scan_gate(a.gate)), ("gitleaks", scan_gitleaks(a.gitleaks))):
        print(f"{name:9} {len(found):4} findings  {dict(Counter(r for _, _, r, _ in found).most_common(8))}")
        if a.v:
            for path, line, rule, secret in sorted(found):
                print(f"    {path}:{line} {rule} {secret[:60]!r}")


if __name__ == "__main__":
    main()
