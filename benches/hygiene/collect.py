#!/usr/bin/env python3
"""Collect real pipeline files from public repositories into corpora/hygiene/.

    benches/hygiene/collect.py [--repos benches/hygiene/repos.txt]
                               [--mirrors /work/.mirror] [--out corpora/hygiene]

Reads the bare git snapshots of the repositories listed in repos.txt
(MIRRORS/OWNER+NAME/repo, as the session's `fetch` tool leaves them) and
copies, from each one's HEAD, the files the hygiene engine reads and the
anchors check: GitHub workflows (.github/workflows/*.y{a,}ml), Dockerfiles
(Dockerfile, Dockerfile.*, *.dockerfile, Containerfile), compose files and
.gitlab-ci.yml. Each lands at OUT/OWNER+NAME/<its path>, so the tree keeps
the layout gate recognises. Repositories without a snapshot are listed as
missing. Nothing here is committed (corpora/ is gitignored).
"""

import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

WANTED = [
    re.compile(r"(^|/)\.github/workflows/[^/]+\.ya?ml$"),
    re.compile(r"(^|/)(Dockerfile|Containerfile)(\.[^/]+)?$", re.I),
    re.compile(r"\.dockerfile$", re.I),
    re.compile(r"(^|/)(docker-compose[^/]*|compose(\.[^/]+)?)\.ya?ml$", re.I),
    re.compile(r"(^|/)\.gitlab-ci\.ya?ml$"),
]
# Test inputs of the anchors themselves are not real pipelines.
SKIP = re.compile(r"(^|/)(tests?|testdata|test-data|fixtures)/", re.I)
MAX_BYTES = 1 << 20


def git(gitdir, *args):
    return subprocess.run(
        ["git", "--git-dir", gitdir, *args], check=True, capture_output=True
    ).stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repos", default=os.path.join(ROOT, "benches/hygiene/repos.txt"))
    ap.add_argument("--mirrors", default=os.environ.get("GATE_MIRRORS", "/work/.mirror"))
    ap.add_argument("--out", default=os.path.join(ROOT, "corpora/hygiene"))
    a = ap.parse_args()
    repos = [
        l.strip()
        for l in open(a.repos, encoding="utf-8")
        if l.strip() and not l.startswith("#")
    ]
    missing, counts = [], {}
    for repo in repos:
        key = repo.replace("/", "+")
        gitdir = os.path.join(a.mirrors, key, "repo")
        if not os.path.isdir(gitdir):
            missing.append(repo)
            continue
        try:
            names = git(gitdir, "ls-tree", "-r", "-z", "--name-only", "HEAD").split(b"\0")
        except subprocess.CalledProcessError as e:
            print(f"{repo}: cannot list HEAD: {e.stderr.decode(errors='replace').strip()}", file=sys.stderr)
            missing.append(repo)
            continue
        n = 0
        for raw in names:
            path = raw.decode("utf-8", "replace")
            if not path or SKIP.search(path) or not any(w.search(path) for w in WANTED):
                continue
            try:
                data = git(gitdir, "show", f"HEAD:{path}")
            except subprocess.CalledProcessError:
                continue
            if len(data) > MAX_BYTES:
                continue
            dest = os.path.join(a.out, key, path)
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            with open(dest, "wb") as f:
                f.write(data)
            n += 1
        counts[repo] = n
    kinds = {"workflows": 0, "dockerfiles": 0, "compose": 0, "gitlab": 0}
    for dirpath, _, files in os.walk(a.out):
        for name in files:
            p = os.path.join(dirpath, name).replace(os.sep, "/")
            if WANTED[0].search(p):
                kinds["workflows"] += 1
            elif WANTED[1].search(p) or WANTED[2].search(p):
                kinds["dockerfiles"] += 1
            elif WANTED[3].search(p):
                kinds["compose"] += 1
            elif WANTED[4].search(p):
                kinds["gitlab"] += 1
    for repo, n in counts.items():
        print(f"{repo}: {n} files")
    if missing:
        print(f"missing ({len(missing)}; bring them with the fetch tool): {' '.join(missing)}")
    print("corpus:", ", ".join(f"{v} {k}" for k, v in kinds.items()), "in", a.out)


if __name__ == "__main__":
    main()
