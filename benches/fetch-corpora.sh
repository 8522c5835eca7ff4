#!/usr/bin/env bash
# Fetch the public corpora used by the precision and speed benchmarks.
#
#   benches/fetch-corpora.sh [CORPORA_DIR]      (default: corpora/ at the repository root)
#
# precision/<name>/  the seven packages of the precision target (about 390 MB unpacked):
#                    botocore, django, ansible-core, sqlalchemy, sympy (sdists, via
#                    `pip download --no-binary :all:`) and typescript, @babel/core (via `npm pack`).
# speed/<name>       django + ansible-core + typescript (hard-linked copies of precision/<name>,
#                    about 136 MB and 12.5k files).
#
# Idempotent: a package whose directory already exists is skipped. Nothing here is committed
# (corpora/ is gitignored).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
corpora="${1:-$root/corpora}"
precision="$corpora/precision"
speed="$corpora/speed"
mkdir -p "$precision" "$speed"

pypi=(botocore==1.44.5 django==5.2.19 ansible-core==2.19.14 sqlalchemy==2.1.9 sympy==1.14.0)
npmjs=(typescript@5.9.3 @babel/core@7.29.13)

# unpack ARCHIVE DEST: extract an sdist or npm tarball so that DEST holds its top directory's content.
unpack() {
  local archive="$1" dest="$2" tmp
  tmp="$(mktemp -d "$precision/.unpack.XXXXXX")"
  case "$archive" in
    *.zip) python3 -m zipfile -e "$archive" "$tmp" ;;
    *) tar -xf "$archive" -C "$tmp" ;;
  esac
  local entries=("$tmp"/*)
  if [ "${#entries[@]}" -eq 1 ] && [ -d "${entries[0]}" ]; then
    mv "${entries[0]}" "$dest"
    rmdir "$tmp"
  else
    mv "$tmp" "$dest"
  fi
}

for spec in "${pypi[@]}"; do
  name="${spec%%==*}"
  dest="$precision/$name"
  if [ -d "$dest" ]; then echo "have $name"; continue; fi
  dl="$(mktemp -d)"
  echo "fetch $spec"
  # Only the package itself must be a source distribution; its build requirements (needed
  # to read the metadata) may come as wheels instead of being compiled from source.
  pip download --quiet --no-deps --no-binary "$name" -d "$dl" "$spec" \
    || pip download --quiet --no-deps --no-binary :all: -d "$dl" "$spec"
  unpack "$(ls "$dl"/*)" "$dest"
  rm -rf "$dl"
done

for spec in "${npmjs[@]}"; do
  name="${spec%@*}"
  name="${name#@}"
  name="${name//\//-}"          # @babel/core -> babel-core
  dest="$precision/$name"
  if [ -d "$dest" ]; then echo "have $name"; continue; fi
  dl="$(mktemp -d)"
  echo "fetch $spec"
  (cd "$dl" && npm pack --silent "$spec" >/dev/null)
  unpack "$(ls "$dl"/*.tgz)" "$dest"
  rm -rf "$dl"
done

# Hard-linked copies, not symlinks: scanners (gate included) do not follow symlinks by default.
for name in django ansible-core typescript; do
  if [ -L "$speed/$name" ]; then rm "$speed/$name"; fi
  [ -e "$speed/$name" ] || cp -al "$precision/$name" "$speed/$name"
done

du -sh "$precision"/* 2>/dev/null
echo "precision: $(du -sh "$precision" | cut -f1), speed: $(du -sh "$speed" | cut -f1) in $(find "$speed" -type f | wc -l) files"
