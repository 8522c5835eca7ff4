#!/usr/bin/env bash
# Issue 14, point 4: the pre-commit mirror works with the real pre-commit
# framework, fast and without a compiler.
#
#     dist/test-pre-commit.sh [WHEEL_DIR]
#
# WHEEL_DIR holds a gate_scan wheel of the version in Cargo.toml (default:
# build one with `maturin build --release --locked`, a few minutes). The script
# makes a git repository of dist/pre-commit/ tagged vVERSION (the mirror),
# a project that uses it, installs the hook with pip finding the wheel through
# PIP_FIND_LINKS (and no cargo on PATH), and checks that the install takes
# under 60 s, that a commit staging a key is blocked and a clean one is not.
# Everything happens in a temporary directory; it needs PyPI only for
# pre-commit itself and setuptools.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -n 1)
limit=60

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -ge 1 ]; then
    wheels=$(cd "$1" && pwd)
else
    wheels="$work/wheels"
    (cd "$root" && maturin build --release --locked --out "$wheels")
fi
if ! ls "$wheels"/gate_scan-"$version"-*.whl >/dev/null 2>&1; then
    echo "no gate_scan-$version wheel in $wheels" >&2
    exit 2
fi

python3 -m venv "$work/tools"
"$work/tools/bin/pip" install --quiet --disable-pip-version-check pre-commit==4.7.0
precommit="$work/tools/bin/pre-commit"

git_in() { git -C "$1" -c user.name=test -c user.email=test@example.invalid "${@:2}"; }

# The mirror repository, as the release would publish it.
cp -R "$root/dist/pre-commit" "$work/mirror"
git init -q "$work/mirror"
git_in "$work/mirror" add -A
git_in "$work/mirror" commit -q -m "gate-pre-commit $version"
git_in "$work/mirror" tag "v$version"

# A project using it.
project="$work/project"
git init -q "$project"
cat >"$project/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $work/mirror
    rev: v$version
    hooks:
      - id: gate-secrets
EOF
git_in "$project" add .pre-commit-config.yaml
git_in "$project" commit -q -m "use gate-pre-commit"

# No compiler may be involved: PATH without cargo or rustc.
clean_path=""
IFS=: read -r -a dirs <<<"$PATH"
for d in "${dirs[@]}"; do
    if [ -x "$d/cargo" ] || [ -x "$d/rustc" ]; then continue; fi
    clean_path="${clean_path:+$clean_path:}$d"
done

export PRE_COMMIT_HOME="$work/pre-commit-home"
export PIP_FIND_LINKS="$wheels"
export PIP_DISABLE_PIP_VERSION_CHECK=1

start=$(date +%s.%N)
(cd "$project" && PATH="$clean_path" "$precommit" install-hooks)
end=$(date +%s.%N)
seconds=$(python3 -c "print(f'{$end - $start:.1f}')")
echo "pre-commit installed the mirror hook in ${seconds}s (limit ${limit}s)"
if ! python3 -c "import sys; sys.exit(0 if $end - $start < $limit else 1)"; then
    echo "FAIL: installing the hook took ${seconds}s" >&2
    exit 1
fi

(cd "$project" && "$precommit" install >/dev/null)
installed_gate=$(find "$PRE_COMMIT_HOME" -path '*/bin/gate' -type f | head -n 1)
echo "hook environment's gate: $("$installed_gate" --version)"

# A staged key blocks the commit (a fake key, never issued).
printf 'token = "%s"\n' "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d" >"$project/settings.py" # gate:allow
git_in "$project" add settings.py
if (cd "$project" && PATH="$clean_path" git -c user.name=test -c user.email=test@example.invalid \
    commit -q -m "add settings" >"$work/blocked.log" 2>&1); then
    cat "$work/blocked.log"
    echo "FAIL: the commit that stages a key went through" >&2
    exit 1
fi
if ! grep -q "github-pat" "$work/blocked.log"; then
    cat "$work/blocked.log"
    echo "FAIL: the commit was refused, but not by gate's finding" >&2
    exit 1
fi
echo "a commit staging a key is blocked:"
sed 's/^/    /' "$work/blocked.log"

# The same file without the key goes through.
printf 'token = os.environ["TOKEN"]\n' >"$project/settings.py"
git_in "$project" add settings.py
(cd "$project" && PATH="$clean_path" git -c user.name=test -c user.email=test@example.invalid \
    commit -q -m "add settings")
echo "a clean commit passes"
echo "pre-commit mirror: OK"
