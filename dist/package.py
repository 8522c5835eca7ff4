#!/usr/bin/env python3
"""Release archive from a gate wheel: package.py WHEEL TARGET OUTDIR.

The release workflow builds each target once, as a wheel (maturin,
`bindings = "bin"`); the binary in the wheel is the release binary. This
takes it out and writes OUTDIR/gate-VERSION-TARGET.tar.gz (.zip for Windows
targets) with `gate` (`gate.exe`) at the top level, which is the layout
dist/install.sh expects, plus a `.sha256` file in `sha256sum` format.
Archives are reproducible: fixed timestamps, owner and mode.
Standard library only, so it runs on every runner's own Python.
"""

import gzip
import hashlib
import io
import pathlib
import sys
import tarfile
import zipfile

# 1980-01-01, the earliest time a zip entry can hold.
EPOCH = 315532800


def binary_from_wheel(wheel: pathlib.Path) -> tuple[str, bytes]:
    """(file name, bytes) of the one gate executable in WHEEL's scripts."""
    with zipfile.ZipFile(wheel) as zf:
        found = [
            n
            for n in zf.namelist()
            if ".data/scripts/" in n and n.rsplit("/", 1)[-1] in ("gate", "gate.exe")
        ]
        if len(found) != 1:
            sys.exit(f"{wheel}: expected one gate binary under *.data/scripts/, found {found}")
        return found[0].rsplit("/", 1)[-1], zf.read(found[0])


def version_of(wheel: pathlib.Path) -> str:
    """The version field of a wheel file name (name-version-tags.whl)."""
    parts = wheel.name.split("-")
    if len(parts) < 5 or not wheel.name.endswith(".whl"):
        sys.exit(f"{wheel}: not a wheel file name")
    return parts[1]


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit("usage: package.py WHEEL TARGET OUTDIR")
    wheel, target, outdir = pathlib.Path(sys.argv[1]), sys.argv[2], pathlib.Path(sys.argv[3])
    name, data = binary_from_wheel(wheel)
    version = version_of(wheel)
    outdir.mkdir(parents=True, exist_ok=True)
    if "windows" in target:
        archive = outdir / f"gate-{version}-{target}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o100755 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    else:
        archive = outdir / f"gate-{version}-{target}.tar.gz"
        buf = io.BytesIO()
        # The gzip header's mtime is fixed too, for byte-identical re-runs.
        with gzip.GzipFile(fileobj=buf, mode="wb", mtime=EPOCH) as gz:
            with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tf:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                info.mode = 0o755
                info.mtime = EPOCH
                info.uid = info.gid = 0
                info.uname = info.gname = ""
                tf.addfile(info, io.BytesIO(data))
        archive.write_bytes(buf.getvalue())
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    (outdir / f"{archive.name}.sha256").write_text(f"{digest}  {archive.name}\n")
    print(f"{archive} {digest}")


if __name__ == "__main__":
    main()
