#!/bin/sh
# Install gate from its release archives, in seconds, on any CI or laptop:
#
#     curl -fsSL https://raw.githubusercontent.com/gate-scanner/gate/v0.1.0/dist/install.sh | sh -s -- 0.1.0
#     sh dist/install.sh [VERSION]
#
# Picks the release target for this OS and CPU, downloads
# $GATE_DOWNLOAD_URL/vVERSION/gate-VERSION-TARGET.tar.gz (.zip on Windows) and
# its .sha256, verifies the checksum and installs `gate` into
# $GATE_INSTALL_DIR. A checksum mismatch stops here and installs nothing.
# When there is no release archive for this version or target (or the server
# cannot be reached), it falls back to `pip install gate-scan==VERSION`, then to
# `cargo install --locked`.
#
# Environment:
#   GATE_VERSION       version when none is given as an argument (default: the
#                      version this script was released with)
#   GATE_INSTALL_DIR   where `gate` goes (default: $HOME/.local/bin)
#   GATE_DOWNLOAD_URL  release base URL (default: the project's GitHub releases)
#   GATE_TARGET        release target, to override the detection
#   GATE_PIP           pip command for the first fallback (default: the first of
#                      `python3 -m pip`, `python -m pip`, `pip3`, `pip`)
#   GATE_CARGO         cargo command for the second fallback (default: cargo)
#   GATE_NO_FALLBACK   set to 1: only a verified release archive is acceptable
set -eu

# Kept equal to Cargo.toml's version (a test checks it), so that the script
# of release vX installs vX when given no version.
DEFAULT_VERSION=0.1.0
REPOSITORY_URL=https://github.com/gate-scanner/gate
PYPI_NAME=gate-scan

say() { printf 'gate-install: %s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 1
}

VERSION=${1:-${GATE_VERSION:-$DEFAULT_VERSION}}
VERSION=${VERSION#v}
case $VERSION in
    '' | *[!0-9A-Za-z.+-]*) die "not a version: '$VERSION' (expected e.g. 0.1.0)" ;;
esac
INSTALL_DIR=${GATE_INSTALL_DIR:-${HOME:?set HOME or GATE_INSTALL_DIR}/.local/bin}
DOWNLOAD_URL=${GATE_DOWNLOAD_URL:-$REPOSITORY_URL/releases/download}
DOWNLOAD_URL=${DOWNLOAD_URL%/}

# The release target this machine runs, or nothing when no archive is built
# for it (the pip and cargo fallbacks still work there).
detect_target() {
    os=$(uname -s)
    arch=$(uname -m)
    case $arch in
        x86_64 | amd64 | AMD64) arch=x86_64 ;;
        aarch64 | arm64 | ARM64) arch=aarch64 ;;
        *) return 0 ;;
    esac
    case $os in
        Linux) echo "$arch-unknown-linux-musl" ;;
        Darwin) echo "$arch-apple-darwin" ;;
        MINGW* | MSYS* | CYGWIN* | Windows_NT)
            if [ "$arch" = x86_64 ]; then echo x86_64-pc-windows-msvc; fi
            ;;
    esac
}

# download URL FILE: quiet, failing on HTTP errors, with a bounded wait.
download() {
    if command -v curl >/dev/null 2>&1; then
        curl -fsSL --proto '=https,http' --connect-timeout 10 --max-time 300 -o "$2" "$1"
    elif command -v wget >/dev/null 2>&1; then
        wget -q -T 30 -O "$2" "$1"
    else
        say "neither curl nor wget is installed"
        return 1
    fi
}

# sha256 FILE: the lowercase hex digest, by whichever tool this system has.
sha256() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d ' ' -f 1
    elif command -v shasum >/dev/null 2>&1; then
        shasum -a 256 "$1" | cut -d ' ' -f 1
    elif command -v openssl >/dev/null 2>&1; then
        openssl dgst -sha256 -r "$1" | cut -d ' ' -f 1
    else
        return 1
    fi
}

# place FILE: check that FILE runs, then copy it into INSTALL_DIR as gate
# (gate.exe on Windows) by a rename inside the directory, so that a
# half-written gate is never seen. A binary that does not run (wrong
# architecture, missing loader) stops here rather than in the next CI step,
# and leaves any gate already installed alone.
place() {
    name=gate
    case $1 in *.exe) name=gate.exe ;; esac
    chmod 755 "$1"
    if ! version_line=$("$1" --version 2>&1); then
        die "the gate binary does not run on this machine: $version_line; nothing was installed"
    fi
    # Callers run inside `if`, where `set -e` does not apply: check each step.
    partial="$INSTALL_DIR/.$name.partial.$$"
    mkdir -p "$INSTALL_DIR" || die "cannot create $INSTALL_DIR"
    if ! { cp "$1" "$partial" && chmod 755 "$partial" && mv -f "$partial" "$INSTALL_DIR/$name"; }; then
        rm -f "$partial"
        die "cannot write $INSTALL_DIR/$name"
    fi
    installed="$INSTALL_DIR/$name"
}

WORK=$(mktemp -d 2>/dev/null || mktemp -d -t gate-install)
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
installed=
version_line=

# install_release: 0 when installed; 1 when there is no usable release (fall
# back); exits on a checksum mismatch or a broken archive.
install_release() {
    target=${GATE_TARGET:-$(detect_target)}
    if [ -z "$target" ]; then
        say "no release archive is built for $(uname -s) $(uname -m)"
        return 1
    fi
    case $target in
        *windows*) ext=zip ;;
        *) ext=tar.gz ;;
    esac
    asset="gate-$VERSION-$target.$ext"
    url="$DOWNLOAD_URL/v$VERSION/$asset"
    say "downloading $url"
    if ! download "$url.sha256" "$WORK/$asset.sha256"; then
        say "no release archive at $url.sha256"
        return 1
    fi
    if ! download "$url" "$WORK/$asset"; then
        say "could not download $url"
        return 1
    fi
    expected=$(cut -d ' ' -f 1 <"$WORK/$asset.sha256" | tr -d '\r\n' | tr 'A-F' 'a-f')
    case $expected in
        '' | *[!0-9a-f]*) die "$asset.sha256 does not hold a SHA-256 digest; nothing was installed" ;;
    esac
    [ ${#expected} -eq 64 ] || die "$asset.sha256 does not hold a SHA-256 digest; nothing was installed"
    if ! actual=$(sha256 "$WORK/$asset"); then
        say "no sha256sum, shasum or openssl to verify $asset"
        return 1
    fi
    if [ "$actual" != "$expected" ]; then
        die "checksum mismatch for $asset: expected $expected, got $actual. The download is corrupt or was tampered with; nothing was installed."
    fi
    say "checksum verified ($expected)"
    mkdir "$WORK/unpacked" || die "cannot create a directory in $WORK"
    case $ext in
        zip) unzip -q "$WORK/$asset" -d "$WORK/unpacked" || die "cannot unpack $asset; nothing was installed" ;;
        *) tar -xzf "$WORK/$asset" -C "$WORK/unpacked" || die "cannot unpack $asset; nothing was installed" ;;
    esac
    for bin in "$WORK/unpacked/gate" "$WORK/unpacked/gate.exe"; do
        if [ -f "$bin" ]; then
            place "$bin"
            return 0
        fi
    done
    die "$asset has no gate binary at its top level; nothing was installed"
}

# install_pip: pip into a private directory, then only the binary is kept.
install_pip() {
    if [ -n "${GATE_PIP:-}" ]; then
        pip=$GATE_PIP
    elif command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1; then
        pip="python3 -m pip"
    elif command -v python >/dev/null 2>&1 && python -m pip --version >/dev/null 2>&1; then
        pip="python -m pip"
    elif command -v pip3 >/dev/null 2>&1; then
        pip=pip3
    elif command -v pip >/dev/null 2>&1; then
        pip=pip
    else
        say "no pip to fall back on"
        return 1
    fi
    say "falling back to: $pip install $PYPI_NAME==$VERSION"
    # $pip is a command with its arguments ("python3 -m pip"): split on purpose.
    # shellcheck disable=SC2086
    if ! $pip install --disable-pip-version-check --quiet --no-deps \
        --target "$WORK/pip" "$PYPI_NAME==$VERSION" >&2; then
        say "pip could not install $PYPI_NAME==$VERSION"
        return 1
    fi
    for bin in "$WORK/pip/bin/gate" "$WORK/pip/bin/gate.exe" "$WORK/pip/Scripts/gate.exe"; do
        if [ -f "$bin" ]; then
            place "$bin"
            return 0
        fi
    done
    say "pip installed $PYPI_NAME but no gate binary was found in it"
    return 1
}

# install_cargo: build the tagged source with the committed Cargo.lock.
install_cargo() {
    cargo=${GATE_CARGO:-cargo}
    if ! command -v "${cargo%% *}" >/dev/null 2>&1; then
        say "no cargo to fall back on"
        return 1
    fi
    say "falling back to: cargo install --locked --git $REPOSITORY_URL --tag v$VERSION gate (a few minutes)"
    # shellcheck disable=SC2086
    if ! $cargo install --locked --root "$WORK/cargo" --git "$REPOSITORY_URL" \
        --tag "v$VERSION" gate >&2; then
        say "cargo could not build gate v$VERSION"
        return 1
    fi
    for bin in "$WORK/cargo/bin/gate" "$WORK/cargo/bin/gate.exe"; do
        if [ -f "$bin" ]; then
            place "$bin"
            return 0
        fi
    done
    say "cargo install left no gate binary"
    return 1
}

if ! install_release; then
    if [ "${GATE_NO_FALLBACK:-0}" = 1 ]; then
        die "no verified release archive for gate $VERSION and GATE_NO_FALLBACK=1"
    fi
    install_pip || install_cargo || die "could not install gate $VERSION: no release archive, and neither pip nor cargo succeeded"
fi

say "installed $version_line at $installed"
case ":${PATH:-}:" in
    *":$INSTALL_DIR:"*) ;;
    *) say "note: $INSTALL_DIR is not on PATH" ;;
esac
