#!/usr/bin/env bash
# gate vs bandit vs ruff on the same Python trees: CPU seconds (user+sys), wall
# time and peak RSS of each, from /usr/bin/time -v, and the ratios the issue
# targets (gate >= 15x cheaper than bandit in CPU seconds; gate's wall time
# <= 3x ruff's).
#
#   benches/parity/speed.sh                       # every project in corpora/parity
#   benches/parity/speed.sh corpora/parity/django-5.1.4 corpora/parity/flask-3.1.0
#
# Environment:
#   GATE=path/to/gate        [default: target/release/gate]
#   REPEAT=N                 runs of gate and ruff; the fastest (by CPU) counts [default: 3]
#   BANDIT=skip              leave bandit out (it takes minutes on the full corpus)
#   BANDIT=reuse             reuse bandit's last measurement of the same trees, if any
#   PARITY_CORPUS=dir        [default: corpora/parity]
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="${PARITY_CORPUS:-$root/corpora/parity}"
gate="${GATE:-$root/target/release/gate}"
repeat="${REPEAT:-3}"
bandit_mode="${BANDIT:-run}"

if [ "$#" -gt 0 ]; then
  trees=("$@")
else
  trees=()
  for d in "$corpus"/*/; do trees+=("${d%/}"); done
fi
if [ "${#trees[@]}" -eq 0 ]; then
  echo "speed: no trees under $corpus; run benches/parity/fetch.sh first" >&2
  exit 2
fi
[ -x "$gate" ] || { echo "speed: $gate not found; run cargo build --release" >&2; exit 2; }
command -v ruff >/dev/null || { echo "speed: ruff not installed (pip install ruff)" >&2; exit 2; }
if [ "$bandit_mode" != skip ] && ! bandit --version 2>/dev/null | grep -q 'bandit 1.9.4'; then
  pip install -q bandit==1.9.4
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

files=$(find "${trees[@]}" \( -name '*.py' -o -name '*.pyw' \) -type f | wc -l)
bytes=$(find "${trees[@]}" \( -name '*.py' -o -name '*.pyw' \) -type f -print0 | du -cb --files0-from=- | tail -n1 | cut -f1)
lines=$(find "${trees[@]}" \( -name '*.py' -o -name '*.pyw' \) -type f -print0 | xargs -0 cat | wc -l)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "speed: ${#trees[@]} trees, $files Python files, $lines lines, $mb MB; $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"

# measure NAME CMD...: run CMD under /usr/bin/time -v; print "cpu wall rss_kb exit".
measure() {
  local log="$tmp/$1.time"
  shift
  local rc=0
  /usr/bin/time -v -o "$log" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  awk -v rc="$rc" -F': ' '
    /User time/ { u = $2 } /System time/ { s = $2 }
    /Maximum resident set size/ { rss = $2 }
    /Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); w = 0
      for (i = 1; i <= n; i++) w = w * 60 + p[i]
    }
    END { printf "%.2f %.2f %d %d\n", u + s, w, rss, rc }' "$log"
}

# best NAME CMD...: the run with the least CPU of $repeat runs.
best() {
  local name="$1"
  shift
  local bestline="" r
  for _ in $(seq "$repeat"); do
    r="$(measure "$name" "$@")"
    if [ -z "$bestline" ] || awk -v a="$r" -v b="$bestline" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[1] < y[1]) }'; then
      bestline="$r"
    fi
  done
  echo "$bestline"
}

# bandit: once (it takes minutes); its figures are kept to reuse with BANDIT=reuse.
bandit_cache="$corpus/.speed-bandit.$(printf '%s\n' "${trees[@]}" | sha256sum | cut -c1-16)"
bandit_run=""
if [ "$bandit_mode" = reuse ] && [ -f "$bandit_cache" ]; then
  bandit_run="$(cat "$bandit_cache")"
  echo "speed: bandit figures reused from $bandit_cache"
elif [ "$bandit_mode" != skip ]; then
  bandit_run=$(measure bandit bandit -r -f json -q -o "$tmp/bandit.json" "${trees[@]}")
  bandit_findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"]))' "$tmp/bandit.json" 2>/dev/null || echo "?")
  bandit_run="$bandit_run $bandit_findings"
  echo "$bandit_run" >"$bandit_cache"
fi

# gate: report paths relative to the corpus; --no-ignore because bandit reads no
# .gitignore (and corpora/ is itself gitignored).
gate_run=$(best gate "$gate" scan "${trees[@]}" --engines python --format json --fail-on info \
  --no-ignore --no-progress --root "$corpus")
read -r gate_cpu gate_wall gate_rss gate_rc <<<"$gate_run"
[ "$gate_rc" -le 2 ] || { echo "speed: gate failed (exit $gate_rc):" >&2; tail -n 20 "$tmp/err" >&2; exit 2; }
gate_findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$tmp/out" 2>/dev/null) || {
  echo "speed: gate printed no JSON report (exit $gate_rc):" >&2; tail -n 20 "$tmp/err" >&2; exit 2; }

# ruff: the S (flake8-bandit) rules, no cache, no project configs, no .gitignore.
ruff_run=$(best ruff ruff check --select S --no-cache --isolated --no-respect-gitignore --exit-zero \
  --output-format json "${trees[@]}")
read -r ruff_cpu ruff_wall ruff_rss ruff_rc <<<"$ruff_run"
[ "$ruff_rc" -eq 0 ] || { echo "speed: ruff failed (exit $ruff_rc):" >&2; tail -n 20 "$tmp/err" >&2; exit 2; }
ruff_findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$tmp/out" 2>/dev/null || echo "?")

printf '\n%-8s %10s %10s %12s %10s %10s\n' tool "cpu s" "wall s" "peak RSS MB" "CPU s/MB" findings
row() {
  printf '%-8s %10.2f %10.2f %12.1f %10.3f %10s\n' "$1" "$2" "$3" "$(awk -v k="$4" 'BEGIN { print k / 1024 }')" \
    "$(awk -v c="$2" -v m="$mb" 'BEGIN { print c / m }')" "$5"
}
row gate "$gate_cpu" "$gate_wall" "$gate_rss" "$gate_findings"
row ruff "$ruff_cpu" "$ruff_wall" "$ruff_rss" "$ruff_findings"
if [ -n "$bandit_run" ]; then
  read -r bandit_cpu bandit_wall bandit_rss _bandit_rc bandit_findings <<<"$bandit_run"
  row bandit "$bandit_cpu" "$bandit_wall" "$bandit_rss" "$bandit_findings"
fi

echo
awk -v g="$gate_wall" -v r="$ruff_wall" 'BEGIN {
  x = g / r; printf "gate wall / ruff wall: %.2fx (target <= 3x): %s\n", x, (x <= 3 ? "met" : "NOT met") }'
if [ -n "$bandit_run" ]; then
  awk -v g="$gate_cpu" -v b="$bandit_cpu" 'BEGIN {
    x = b / g; printf "bandit CPU / gate CPU: %.1fx cheaper (target >= 15x): %s\n", x, (x >= 15 ? "met" : "NOT met") }'
  awk -v g="$gate_wall" -v b="$bandit_wall" 'BEGIN { printf "bandit wall / gate wall: %.1fx\n", b / g }'
fi
echo "(gate and ruff: best of $repeat runs by CPU; gate runs $(nproc) threads, bandit one process)"
