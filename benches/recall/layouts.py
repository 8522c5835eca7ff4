#!/usr/bin/env python3
"""Layout probe: does each rule find its own secret when it is written another way?

    python3 benches/recall/layouts.py target/release/gate               # every layout
    python3 benches/recall/layouts.py target/release/gate --layout log -v

For every rule with examples (rules bound to a path are left out), the secret its first
example yields (`gate scan --no-redact`) is written again in each layout below, under the
rule's longest all-alphanumeric keyword as the provider's name, and gate is run once over
all of them. A rule counts as found in a layout when any rule reports a finding on the
secret's line. This is not a recall figure (the values come from gate's own examples): it
shows which layouts a family of rules does not read, such as a log that names the provider
on one line and prints the key on the next. Some misses are by design: a rule that wants a
`*_SECRET` name is not fed one by `NAME_API_KEY=`, structural rules (URLs, curl, JDBC)
have no bare value to move, and a value that only follows the provider's name with no sign
and no key word (`space`, `dash`) is left to the rules whose keys have a prefix of their own:
rules bound to a name want `=`, `:` or a key word between, which keeps prose quiet.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# (text with {name} and {value}, line of the value)
LAYOUTS = {
    "log": ("[INFO] Sending request to the {name} API\n[DEBUG] Using Key={value}\n[INFO] Response received: 200 OK\n", 2),
    "assign": ("{name} token = '{value}'\n", 1),
    "comment": ("// {name} credentials\nconst apiKey = \"{value}\";\n", 2),
    "json": ('{{\n  "{lower}": {{\n    "api_key": "{value}"\n  }}\n}}\n', 3),
    "env": ("{upper}_API_KEY={value}\n", 1),
    "space": ("{name} {value}\n", 1),
    "dash": ("{name} token - '{value}'\n", 1),
    "curl": ('curl -s -H "Authorization: Bearer {value}" https://api.{lower}.com/v1/me\n', 1),
}


def scan(gate, directory, rules_dir):
    cmd = [gate, "scan", str(directory), "--engines", "secrets", "--format", "json", "--no-redact", "--no-ignore"]
    if rules_dir:
        cmd += ["--rules-dir", rules_dir]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"gate exited {p.returncode}: {p.stderr}")
    return json.loads(p.stdout)["findings"]


def provider_name(rule):
    words = [k for k in rule.get("keywords", []) if re.fullmatch(r"[A-Za-z][A-Za-z0-9]+", k)]
    if words:
        return max(words, key=len)
    return (rule.get("tags") or [rule["id"].split("-")[0]])[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gate")
    ap.add_argument("--rules-dir", help="rules to read (default: rules/secrets) and pass to gate")
    ap.add_argument("--layout", choices=sorted(LAYOUTS), action="append", help="only these layouts")
    ap.add_argument("-v", action="store_true", help="list the rules each layout misses")
    a = ap.parse_args()
    rules_dir = a.rules_dir or str(ROOT / "rules" / "secrets")
    rules = {}
    for f in sorted(Path(rules_dir).rglob("*.toml")):
        for r in tomllib.loads(f.read_text()).get("rules", []):
            if r.get("examples") and not r.get("path"):
                rules[r["id"]] = r
    work = Path(tempfile.mkdtemp(prefix="gate-layouts-"))
    try:
        (work / "examples").mkdir()
        for rid, r in rules.items():
            (work / "examples" / f"{rid}.txt").write_text(r["examples"][0] + "\n")
        secrets = {}
        for f in scan(a.gate, work / "examples", a.rules_dir):
            rid = Path(f["path"]).stem
            value = f.get("secret")
            if f["rule_id"] == rid and value and "\n" not in value:
                secrets[rid] = value
        for layout in a.layout or sorted(LAYOUTS):
            text, line = LAYOUTS[layout]
            d = work / layout
            d.mkdir()
            for rid, value in secrets.items():
                name = provider_name(rules[rid])
                (d / f"{rid}.txt").write_text(text.format(name=name, lower=name.lower(), upper=name.upper(), value=value))
            found = {Path(f["path"]).stem for f in scan(a.gate, d, a.rules_dir) if f["start_line"] <= line <= f.get("end_line", f["start_line"])}
            missed = sorted(set(secrets) - found)
            print(f"{layout:8} {len(secrets) - len(missed):4}/{len(secrets)} rules find their secret")
            if a.v:
                for rid in missed:
                    print(f"    MISS {rid} ({provider_name(rules[rid])})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
