#!/usr/bin/env bash
# Download sdists of popular Python projects into corpora/parity/ and extract
# them: the trees the parity and speed scripts run bandit, gate and ruff on.
# Idempotent: a project already extracted is left alone. Nothing here is
# committed (corpora/ is gitignored).
#
#   benches/parity/fetch.sh            # the default corpus (13 projects, ~2.1M lines of Python)
#   benches/parity/fetch.sh --holdout  # the held-out set (4 projects, 1.7M lines) in corpora/holdout
#   benches/parity/fetch.sh --fresh    # 5 more projects, first measured for issue 16, in corpora/fresh
#   benches/parity/fetch.sh flask==3.1.0 requests==2.32.3   # just these
#
# Environment: PARITY_CORPUS (default: <repo>/corpora/parity, or the set's own directory).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"

# Held out: never used to tune the engine; the parity and speed targets are
# measured on it.
holdout_projects=(
  salt==3007.1
  Sphinx==8.1.3
  pip==24.3.1
  Pygments==2.18.0
)
# Not measured before issue 16 (ranges, validity, speed): an async HTTP
# stack, a type checker, a terminal UI library, a docs toolchain, a graph library.
fresh_projects=(
  aiohttp==3.11.11
  mypy==1.13.0
  rich==13.9.4
  docutils==0.21.2
  networkx==3.4.2
)

set_dir=parity
case "${1:-}" in
  --holdout) set_dir=holdout; shift; set -- "${holdout_projects[@]}" ;;
  --fresh) set_dir=fresh; shift; set -- "${fresh_projects[@]}" ;;
esac
corpus="${PARITY_CORPUS:-$root/corpora/$set_dir}"
sdists="$corpus/.sdists"
mkdir -p "$corpus" "$sdists"

# Pinned so that figures from different days compare.
default_projects=(
  Django==5.1.4
  Flask==3.1.0
  requests==2.32.3
  ansible-core==2.18.1
  SQLAlchemy==2.0.36
  botocore==1.35.90
  paramiko==3.5.0
  tornado==6.4.2
  Twisted==24.11.0
  Jinja2==3.1.5
  Werkzeug==3.1.3
  celery==5.4.0
  Scrapy==2.12.0
)

if [ "$#" -gt 0 ]; then projects=("$@"); else projects=("${default_projects[@]}"); fi

# The directory a requirement extracts to, e.g. Django==5.1.4 -> django-5.1.4.
tree_name() {
  local name="${1%%==*}" version="${1#*==}"
  name="$(echo "$name" | tr '[:upper:]' '[:lower:]' | tr '_.' '--')"
  echo "$name-$version"
}

failed=()
for req in "${projects[@]}"; do
  dest="$corpus/$(tree_name "$req")"
  if [ -d "$dest" ]; then
    echo "fetch: $req already in $dest"
    continue
  fi
  # The sdist file name's case and separators vary by project; find it by
  # what pip reports it saved.
  log="$sdists/$(tree_name "$req").log"
  # --no-binary for the project only: its build dependencies (needed to read
  # the sdist's metadata) may come as wheels, or pip compiles Cython first.
  if ! pip download --no-deps --no-binary "${req%%==*}" --disable-pip-version-check \
        -d "$sdists" "$req" >"$log" 2>&1; then
    echo "fetch: pip download $req failed (see $log)" >&2
    failed+=("$req")
    continue
  fi
  archive="$(sed -n 's/^Saved \(.*\)$/\1/p; s/^File was already downloaded \(.*\)$/\1/p' "$log" | tail -n1)"
  archive="${archive#./}"
  [ -f "$archive" ] || archive="$sdists/$(basename "$archive")"
  if [ ! -f "$archive" ]; then
    echo "fetch: cannot find the archive pip saved for $req (see $log)" >&2
    failed+=("$req")
    continue
  fi
  tmp="$(mktemp -d "$corpus/.extract.XXXXXX")"
  case "$archive" in
    *.tar.gz|*.tgz) tar -xzf "$archive" -C "$tmp" ;;
    *.zip) python3 -m zipfile -e "$archive" "$tmp" ;;
    *) echo "fetch: unknown archive type $archive" >&2; rm -rf "$tmp"; failed+=("$req"); continue ;;
  esac
  # An sdist holds one top directory; move it into place whole.
  shopt -s nullglob dotglob
  inner=("$tmp"/*)
  shopt -u nullglob dotglob
  if [ "${#inner[@]}" -eq 1 ] && [ -d "${inner[0]}" ]; then
    mv "${inner[0]}" "$dest"
    rmdir "$tmp"
  else
    mv "$tmp" "$dest"
  fi
  echo "fetch: $req -> $dest"
done

files=$(find "$corpus" -path "$sdists" -prune -o \( -name '*.py' -o -name '*.pyw' \) -type f -print | wc -l)
lines=$(find "$corpus" -path "$sdists" -prune -o \( -name '*.py' -o -name '*.pyw' \) -type f -print0 | xargs -0 cat | wc -l)
echo "fetch: $corpus holds $files Python files, $lines lines"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fetch: failed: ${failed[*]}" >&2
  exit 1
fi
