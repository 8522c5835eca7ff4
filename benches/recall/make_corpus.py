#!/usr/bin/env python3
"""Generate gate's held-out secrets recall corpus (deterministic).

    python3 benches/recall/make_corpus.py [--out testdata/secrets/recall]

Writes three corpora under OUT and a manifest OUT/expected.json:
  gitleaks-types/  >= 2 secrets of every credential type in gitleaks 8.30's default set,
  beyond-types/    ~2 secrets of each type gitleaks has no rule for,
  negatives/       placeholders, env lookups, near-misses, hashes, test vectors, masked
                   docs: lines that must NOT be flagged.
Each planted secret is listed with its path, 1-based line (and end_line for blocks such
as PEM keys, where a finding anywhere in the block counts), type id and corpus.
Values come from formats.py (random, in each provider's documented shape).
"""

import argparse
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import formats as F  # noqa: E402
from formats import R, s, uid, b64, rb, AN, HX, LAN, UAN, B64U, B64, DG  # noqa: E402

NEUTRAL = ["auth", "credential", "upstream_auth", "svc_login", "bootstrap_value", "access", "deploy_auth",
           "conn", "bearer", "pw", "integration", "creds", "upstream", "client_auth", "passphrase", "pat"]


def var_name(spec, i):
    if spec.names:
        n = spec.names[i % len(spec.names)]
        return n
    ctx = spec.ctx.replace("-", "_")
    if spec.ctx_required:
        return R.choice([f"{ctx}_api_key", f"{ctx.upper()}_SECRET", f"{ctx}_token", f"{ctx.upper()}_AUTH"])
    if R.random() < 0.5:
        return R.choice(NEUTRAL)
    return R.choice([f"{ctx.upper()}_TOKEN", f"{ctx}_key", f"{ctx.upper()}_CREDENTIALS", f"{ctx}_access"])


def case(name, style):
    if style == "upper":
        return name.upper()
    if style == "lower":
        return name.lower()
    if style == "camel":
        parts = name.lower().split("_")
        return parts[0] + "".join(p.title() for p in parts[1:])
    if style == "dots":
        return name.lower().replace("_", ".")
    return name


KINDS = ["py", "env", "yaml", "json", "js", "tf", "properties", "sh", "ci", "md", "toml"]


def render(kind, name, v, prefixed):
    """Lines for one planted value; returns (lines, index of the line holding v)."""
    up, lo, camel, dots = case(name, "upper"), case(name, "lower"), case(name, "camel"), case(name, "dots")
    opts = {
        "py": [f'{up} = "{v}"', f"{lo} = '{v}'", f'os.environ.setdefault("{up}", "{v}")', f'CONFIG["{lo}"] = "{v}"'],
        "env": [f"{up}={v}", f'export {up}="{v}"', f"{up}='{v}'"],
        "yaml": [f"{lo}: {v}", f'{lo}: "{v}"', f"{camel}: '{v}'"],
        "json": [f'"{lo}": "{v}",', f'"{camel}": "{v}",'],
        "js": [f'const {camel} = "{v}";', f"  {camel}: '{v}',", f"export const {up} = `{v}`;"],
        "tf": [f'{lo} = "{v}"'],
        "properties": [f"{dots}={v}", f"app.{dots}={v}", f"{dots} = {v}"],
        "sh": [f"export {up}='{v}'", f'{up}="{v}" ./bin/worker --once', f"docker run --rm -e {up}={v} acme/worker:2.3.1"],
        "ci": [f"{up}: {v}", f'{up}: "{v}"'],
        "md": [f"{up}={v}", f'export {up}="{v}"'],
        "toml": [f'{lo} = "{v}"'],
    }[kind]
    if prefixed:
        opts = opts + {
            "py": [f'session.headers["Authorization"] = "Bearer {v}"', f'client = Client("{v}", timeout=30)'],
            "env": [],
            "yaml": [],
            "json": [f'"Authorization": "Bearer {v}",'],
            "js": [f"  headers: {{ Authorization: `Bearer {v}` }},", f"const client = new Client('{v}');"],
            "tf": [],
            "properties": [],
            "sh": [f'curl -fsSL -H "Authorization: Bearer {v}" "$API_URL/v1/status"'],
            "ci": [],
            "md": [f"Authorization: Bearer {v}"],
            "toml": [],
        }[kind]
    line = R.choice(opts)
    if kind == "md":
        return ["```bash", line, "```"], 1
    return [line], 0


FILLER = {
    "py": ["DEBUG = False", "ALLOWED_HOSTS = [\"api.acme.io\", \"localhost\"]", "TIMEOUT_SECONDS = 30", "# retry policy for outbound calls",
           "MAX_RETRIES = 5", "LOG_LEVEL = os.environ.get(\"LOG_LEVEL\", \"INFO\")", "CACHE_TTL = 60 * 15", "FEATURE_FLAGS = {\"new_checkout\": True}"],
    "env": ["NODE_ENV=production", "PORT=8080", "LOG_LEVEL=info", "# outbound integrations", "REDIS_URL=redis://cache:6379/0", "WORKERS=4"],
    "yaml": ["replicas: 3", "logLevel: info", "# integrations", "timeoutSeconds: 30", "region: eu-west-1", "enabled: true"],
    "json": ['"region": "us-east-1",', '"retries": 3,', '"debug": false,', '"endpoint": "https://api.acme.io/v2",'],
    "js": ["const TIMEOUT_MS = 10_000;", "// shared client configuration", "const region = 'eu-central-1';", "let retries = 3;"],
    "tf": ['region = "eu-west-1"', "# managed by platform team", 'environment = "production"', "instance_count = 3"],
    "properties": ["server.port=8080", "spring.jpa.open-in-view=false", "# integrations", "logging.level.root=INFO", "app.retry.max-attempts=5"],
    "sh": ["echo \"deploying $SERVICE\"", "# integration credentials", "cd \"$(dirname \"$0\")/..\"", "mkdir -p build/out"],
    "ci": ["NODE_VERSION: \"20\"", "# deploy secrets", "CI: \"true\"", "FORCE_COLOR: \"1\""],
    "md": ["", "Then restart the worker:", "", "The staging environment uses its own values."],
    "toml": ["timeout = 30", "# integrations", 'region = "us-east-1"', "retries = 3"],
}

PATHS = {
    "py": ["app/settings.py", "services/billing/config.py", "scripts/sync_users.py", "backend/core/settings/production.py", "tools/migrate.py", "ml/train_config.py", "worker/tasks/notify.py", "api/integrations.py", "bots/announcer.py", "etl/extract.py"],
    "env": [".env", "deploy/.env.production", "docker/.env.staging", "services/web/.env.local", "ops/.env.ci", "api/.env", "mobile/.env.release", "infra/.env.shared"],
    "yaml": ["docker-compose.yaml", "deploy/docker-compose.prod.yml", "helm/values-prod.yaml", "config/integrations.yaml", "ansible/group_vars/all.yml", "k8s/configmap.yaml", "services/api/config.yml", "observability/agent.yaml"],
    "json": ["config.json", "config/production.json", "appsettings.Production.json", "firebase/settings.json", "services/notifier/secrets.json", "tools/cli-config.json", ".vscode/settings.json", "deploy/params.json"],
    "js": ["src/client.js", "src/lib/api.ts", "server/config.js", "web/src/config/keys.js", "functions/index.js", "scripts/seed.mjs", "src/integrations/index.ts", "app/services/http.js"],
    "tf": ["infra/main.tf", "infra/modules/app/variables.tf", "terraform/prod/providers.tf", "infra/monitoring.tf", "terraform/staging/main.tf", "infra/dns.tf"],
    "properties": ["src/main/resources/application.properties", "src/main/resources/application-prod.properties", "conf/gradle.properties", "config/integration.properties", "service/src/main/resources/bootstrap.properties"],
    "sh": ["scripts/deploy.sh", "bin/bootstrap.sh", "ops/rotate.sh", "scripts/smoke_test.sh", "ci/publish.sh", "tools/backfill.sh", "scripts/dev-setup.sh"],
    "ci": [".github/workflows/deploy.yml", ".gitlab-ci.yml", ".github/workflows/nightly.yml", ".circleci/config.yml", ".github/workflows/release.yaml", "bitbucket-pipelines.yml"],
    "md": ["README.md", "docs/setup.md", "docs/runbook.md", "CONTRIBUTING.md", "docs/integrations.md", "notes/onboarding.md"],
    "toml": ["config/settings.toml", "pyproject-secrets.toml", "deploy/app.toml", "netlify.toml", ".streamlit/secrets.toml"],
    "php": ["wp-content/plugins/acme-forms/freemius-init.php", "plugins/seo-boost/includes/fs-init.php"],
    "xml": ["nuget.config", "src/NuGet.Config"],
    "npmrc": [".npmrc", "packages/ui/.npmrc"],
    "pypirc": [".pypirc", "release/.pypirc"],
    "gemfile": ["Gemfile", "services/jobs/Gemfile"],
    "tfres": ["infra/database.tf", "terraform/prod/sql.tf"],
}

HEADERS = {
    "py": ['"""Runtime settings."""', "import os", ""],
    "env": ["# environment for the service"],
    "yaml": ["services:", "  api:", "    image: acme/api:1.14.2", "    environment:"],
    "json": ["{", '  "service": "acme-api",', '  "integrations": {'],
    "js": ["'use strict';", "", "module.exports.config = {};"],
    "tf": ['provider "aws" {', '  region = "us-east-1"', "}", "", "locals {"],
    "properties": ["# application configuration", "spring.application.name=orders"],
    "sh": ["#!/usr/bin/env bash", "set -euo pipefail", ""],
    "ci": ["name: deploy", "on:", "  push:", "    branches: [main]", "env:"],
    "md": ["# Setup", "", "Configure the service with the values below.", ""],
    "toml": ["[service]", 'name = "acme"', "", "[integrations]"],
    "php": ["<?php", "if ( ! function_exists( 'acme_fs' ) ) {", "    function acme_fs() {", "        global $acme_fs;", "        $acme_fs = fs_dynamic_init( array(", "            'id'               => '" + str(R.randint(1000, 9999)) + "',", "            'slug'             => 'acme-forms',"],
    "xml": ['<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <packageSourceCredentials>", "    <AcmeFeed>", '      <add key="Username" value="ci-bot" />'],
    "npmrc": ["registry=https://registry.npmjs.org/", "always-auth=true"],
    "pypirc": ["[distutils]", "index-servers = pypi", "", "[pypi]", "username = __token__"],
    "gemfile": ['source "https://rubygems.org"', 'gem "rails", "~> 7.1"'],
    "tfres": ['resource "azurerm_mssql_server" "primary" {', '  name                = "sql-prod-weu"', '  version             = "12.0"', '  administrator_login = "sqladmin"'],
}
FOOTERS = {
    "json": ['    "version": 3', "  }", "}"],
    "tf": ["}"],
    "php": ["        ) );", "    }", "}"],
    "xml": ["    </AcmeFeed>", "  </packageSourceCredentials>", "</configuration>"],
    "gemfile": ['  gem "sidekiq-pro"', "end"],
    "tfres": ["}"],
}
INDENT = {"yaml": "      ", "json": "    ", "tf": "  ", "ci": "  "}


class Block:
    def __init__(self, tid, kind, lines, idx, span=None, own_file=None):
        self.tid, self.kind, self.lines, self.idx = tid, kind, lines, idx
        self.span = span or (idx, idx)
        self.own_file = own_file


PEM_FILES = {
    "rsa": ("deploy/id_rsa", None), "openssh": ("keys/id_ed25519", None), "pkcs8": ("certs/server.key", None),
    "ec": ("config/tls-values.yaml", "yaml"), "encrypted": ("secrets/signing.pem", None), "dsa": ("legacy/host_dsa.key", None),
    "pgp": ("release/signing-key.asc", None), "rsa-enc": ("certs/client.key", None),
}


def blocks_for(spec, corpus):
    out = []
    if spec.id == "private-key":
        for kind, (path, wrap) in PEM_FILES.items():
            lines = F.private_key_lines(kind)
            if wrap == "yaml":
                lines = ["tls:", "  enabled: true", "  key: |"] + ["    " + x for x in lines] + ["  certFile: /etc/tls/tls.crt"]
                out.append(Block(spec.id, "pem", lines, 3, (3, 3 + len(lines) - 5), own_file=path))
            else:
                out.append(Block(spec.id, "pem", lines, 0, (0, len(lines) - 1), own_file=path))
        return out
    if spec.id == "kubernetes-secret-yaml":
        for path in ["k8s/secret-db.yaml", "deploy/manifests/api-secret.yaml"]:
            lines, idx, span = F.k8s_secret()
            out.append(Block(spec.id, "k8s", lines, idx, span, own_file=path))
        return out
    if spec.id == "gcp-service-account":
        for path in ["credentials/service-account.json", "deploy/gcp-key.json"]:
            lines, idx, span = F.gcp_sa_json()
            out.append(Block(spec.id, "json-file", lines, idx, span, own_file=path))
        return out
    if spec.id == "gcp-application-default-credentials":
        for path in ["config/gcloud/application_default_credentials.json", "ci/adc.json"]:
            lines, idx, span = F.gcp_adc_json()
            out.append(Block(spec.id, "json-file", lines, idx, span, own_file=path))
        return out
    if spec.forms:
        for kind, tmpl in spec.forms:
            v = spec.gen()
            tl = tmpl.split("\n")
            idx = next(i for i, x in enumerate(tl) if "{v}" in x)
            lines = [x.replace("{v}", v) for x in tl]
            if kind == "md" and not lines[idx].startswith("Cookie") and "`" not in lines[idx] and "@" not in lines[idx]:
                lines, idx = ["```"] + lines + ["```"], idx + 1
            out.append(Block(spec.id, kind, lines, idx))
        return out
    kinds_ok = KINDS
    for i in range(2):
        kind = R.choice(kinds_ok)
        v = spec.gen()
        # identifiers (key ids, client ids, SDK keys) never travel as bearer tokens
        header_ok = not spec.ctx_required and not re.search(r"(-id$|access-key-id|aws-access-token|sdk-key|public-key|pub-key)", spec.id)
        lines, idx = render(kind, var_name(spec, i), v, prefixed=header_ok)
        out.append(Block(spec.id, kind, lines, idx))
    return out


def group_blocks(group, by_id):
    """Two instances of a group of credentials written on consecutive lines."""
    out = []
    for i in range(2):
        kind = R.choice(["env", "py", "yaml", "json", "properties", "ci", "toml", "tf", "js"])
        members = []
        for m in group:
            if isinstance(m, str):
                spec = by_id[m]
                lines, idx = render(kind, var_name(spec, i), spec.gen(), prefixed=False)
                members.append((m, lines[idx]))
            else:
                _, name, gen = m
                lines, idx = render(kind, name, gen(), prefixed=False)
                members.append((None, lines[idx]))
        out.append(GroupBlock(kind, members))
    return out


class GroupBlock:
    def __init__(self, kind, members):
        self.kind, self.members, self.own_file = kind, members, None


def assemble(blocks, corpus, root, manifest):
    """Write blocks into realistic files; record planted lines in manifest."""
    by_kind = {}
    for b in blocks:
        if b.own_file:
            write_file(os.path.join(root, corpus, b.own_file), [b], corpus, manifest, root, header=[], footer=[], indent="")
        else:
            by_kind.setdefault(b.kind, []).append(b)
    for kind, bl in sorted(by_kind.items()):
        R.shuffle(bl)
        paths = PATHS[kind]
        per = max(1, -(-len(bl) // len(paths)))
        per = max(per, 6)
        chunks = [bl[i:i + per] for i in range(0, len(bl), per)]
        for n, chunk in enumerate(chunks):
            path = paths[n % len(paths)]
            if n >= len(paths):
                path = f"svc{n // len(paths)}/{path}"
            write_file(os.path.join(root, corpus, path), chunk, corpus, manifest, root,
                       header=HEADERS.get(kind, []), footer=FOOTERS.get(kind, []), indent=INDENT.get(kind, ""), filler=FILLER.get(kind, []))


def write_file(path, blocks, corpus, manifest, root, header, footer, indent, filler=()):
    lines = list(header)
    for b in blocks:
        if filler and R.random() < 0.7:
            f = R.choice(filler)
            lines.append((indent + f) if f else "")
        if isinstance(b, GroupBlock):
            rel = os.path.relpath(path, root)
            for tid, text in b.members:
                lines.append(indent + text)
                if tid:
                    n = len(lines)
                    manifest["secrets"].append({"path": rel, "line": n, "end_line": n, "secret_line": n, "type": tid, "corpus": corpus})
            continue
        start = len(lines)
        ind = indent if b.kind not in ("md",) else ""
        lines.extend((ind + x) if x else x for x in b.lines)
        rel = os.path.relpath(path, root)
        manifest["secrets"].append({
            "path": rel, "line": start + b.span[0] + 1,
            "end_line": start + b.span[1] + 1, "secret_line": start + b.idx + 1, "type": b.tid, "corpus": corpus,
        })
    lines.extend(footer)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------- negatives

PROVIDERS = ["STRIPE_SECRET_KEY", "GITHUB_TOKEN", "OPENAI_API_KEY", "SLACK_BOT_TOKEN", "AWS_SECRET_ACCESS_KEY", "SENDGRID_API_KEY",
             "TWILIO_AUTH_TOKEN", "DATADOG_API_KEY", "MAILGUN_API_KEY", "NPM_TOKEN", "GITLAB_TOKEN", "ANTHROPIC_API_KEY",
             "HEROKU_API_KEY", "SENTRY_AUTH_TOKEN", "DATABASE_PASSWORD", "JWT_SECRET", "CLOUDFLARE_API_TOKEN", "VAULT_TOKEN",
             "PAYPAL_CLIENT_SECRET", "DD_APP_KEY", "HF_TOKEN", "GROQ_API_KEY", "SHOPIFY_ACCESS_TOKEN", "AZURE_CLIENT_SECRET"]

PREFIXES = [("ghp_", AN, 36), ("gho_", AN, 36), ("github_pat_", AN, 82), ("glpat-", B64U, 20), ("sk_live_", AN, 24), ("rk_live_", AN, 24),
            ("xoxb-", DG, 24), ("xoxp-", DG, 30), ("AKIA", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), ("AIza", B64U, 35), ("npm_", AN, 36),
            ("hf_", AN, 34), ("SG.", B64U, 66), ("dop_v1_", HX, 64), ("shpat_", HX, 32), ("sk-ant-api03-", B64U, 95), ("sk-proj-", B64U, 156),
            ("pypi-", B64U, 80), ("glsa_", AN, 41), ("dckr_pat_", B64U, 27), ("lin_api_", AN, 40), ("sntryu_", HX, 64), ("xapp-1-", AN, 60),
            ("pplx-", AN, 48), ("gsk_", AN, 52), ("hvs.", B64U, 91), ("rubygems_", HX, 48), ("PMAK-", HX, 59), ("dapi", HX, 32), ("SK", HX, 32)]


def negatives(root, manifest):
    files = {}

    def add(path, line, kind, block=None):
        files.setdefault(path, []).append((line, kind, block))

    # 1. placeholders
    ph_values = ["${{{n}}}", "{{{{ .Values.{c} }}}}", "<your-{d}>", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "your_api_key_here", "changeme",
                 "REPLACE_ME", "<{d}>", "{{{{ {c} }}}}", "%({c})s", "TODO", "dummy", "placeholder", "***", "********", "<redacted>", "YOUR_{n}",
                 "$({n})", "${{env.{n}}}", "insert-{d}-here", "0000000000000000", "null", "none", "example-{d}", "fake-{d}-for-tests"]
    for i, n in enumerate(PROVIDERS):
        c, d = n.lower(), n.lower().replace("_", "-")
        for j, tmpl in enumerate(R.sample(ph_values, 6)):
            v = tmpl.format(n=n, c=c, d=d)
            form = [f'{n}="{v}"', f"{c}: {v}", f'"{c}": "{v}",', f'{c} = "{v}"'][j % 4]
            add(["negatives/placeholders/.env.example", "negatives/placeholders/values.yaml", "negatives/placeholders/config.sample.json", "negatives/placeholders/settings_template.py"][j % 4], form, "placeholder")
    aws_doc = ["AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
               "aws_access_key_id = AKIAI44QH8DHBEXAMPLE", "aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
               "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"]
    for x in aws_doc:
        add("negatives/placeholders/aws-credentials.example", x, "placeholder")
    for pfx, al, n in PREFIXES:
        add("negatives/placeholders/tokens.md", f"- token: `{pfx}{'x' * n}`", "placeholder")
        add("negatives/placeholders/masked.md", f"Rotate `{pfx}{'*' * 4}` (shown masked as {pfx}****...{s(AN, 4)})", "masked-doc")
        add("negatives/placeholders/masked.md", f"export TOKEN={pfx}<paste-your-token>", "masked-doc")

    # 2. environment / secret-store lookups
    lookups = ['{c} = os.environ["{n}"]', '{c} = os.getenv("{n}")', "const {cc} = process.env.{n};", '{c} = ENV.fetch("{n}")',
               'String {cc} = System.getenv("{n}");', "{n}: ${{{{ secrets.{n} }}}}", "  {c} = var.{c}", 'export {n}="${n}"',
               '{c} = settings.{n}', "{c}: !vault | $ANSIBLE_VAULT;1.1;AES256", '{c} = vault.read("secret/data/{d}")["data"]["value"]',
               "{c} = getpass.getpass(\"{d}: \")", "{n}: ${{{n}}}", 'password = ""', "{c} = None", "{c} = config.get(\"{d}\")",
               "{cc}: process.env.{n} ?? ''", "  value: {{{{ .Values.secrets.{c} | b64enc }}}}", '{c} = read_secret("{d}")', "{n}=$(cat /run/secrets/{c})"]
    for n in PROVIDERS:
        c, d = n.lower(), n.lower().replace("_", "-")
        cc = c.split("_")[0] + "".join(p.title() for p in c.split("_")[1:])
        for tmpl in R.sample(lookups, 5):
            path = "negatives/lookups/" + R.choice(["settings.py", "config.js", "deploy.yml", "app.rb", "Config.java", "main.tf", "run.sh"])
            add(path, tmpl.format(n=n, c=c, d=d, cc=cc), "env-lookup")

    # 3. near-misses of real prefixes: truncated, wrong alphabet, prefix constants
    for pfx, al, n in PREFIXES:
        add("negatives/near-misses/truncated.py", f'{pfx.strip("-_.").lower()}_sample = "{pfx}{s(al, max(3, n // 4))}"', "truncated")
        if al in (HX,):
            bad = s("ghijklmnopqrstuvwxyz", n)
        elif al == DG:
            bad = s("abcdefghijklmnopqrstuvwxyz", n)
        else:
            bad = s(LAN, max(3, n // 3)) + "!@#$%"
        add("negatives/near-misses/wrong_charset.txt", f"{pfx}{bad}", "wrong-charset")
        add("negatives/near-misses/prefixes.ts", f'export const PREFIX_{len(files.get("negatives/near-misses/prefixes.ts", []))} = "{pfx}";', "prefix-constant")
    more = ["def parse_sk_live_key(value: str) -> bool:", "GITHUB_PAT_RE = re.compile(r\"ghp_[A-Za-z0-9]{36}\")",
            "if token.startswith(\"xoxb-\") or token.startswith(\"xoxp-\"):", "assert not is_valid(\"AKIA\" + \"1234\")",
            "const looksLikeNpm = (t) => /^npm_[A-Za-z0-9]{36}$/.test(t);", "# tokens start with glpat- followed by 20 characters",
            "SECRET_PREFIXES = (\"sk_live_\", \"rk_live_\", \"whsec_\")", "case strings.HasPrefix(tok, \"dop_v1_\"):",
            "keyPattern: '^AIza[0-9A-Za-z_-]{35}$'", "The key looks like `sk-ant-api03-...` and is shown once."]
    for x in more:
        add("negatives/near-misses/validators.py", x, "prefix-constant")

    # 4. hashes, UUIDs, base64 blobs, integrity strings in ordinary code and lock-like files
    for i in range(30):
        add("negatives/hashes/checksums.py", f'EXPECTED_SHA256_{i} = "{s(HX, 64)}"', "hash")
        add("negatives/hashes/migrations.py", f'revision = "{s(HX, 12)}"  # down_revision = "{s(HX, 12)}"', "hash")
        add("negatives/hashes/fixtures.json", f'  {{"id": "{uid()}", "commit": "{s(HX, 40)}", "etag": "\\"{s(HX, 32)}\\""}},', "uuid-hash")
        add("negatives/hashes/package-lock.json", f'      "integrity": "sha512-{b64(rb(64))}"', "lockfile")
        add("negatives/hashes/yarn.lock", f'  integrity sha1-{b64(rb(20))}', "lockfile")
        add("negatives/hashes/go.sum", f"github.com/acme/lib{i} v1.{i}.0 h1:{b64(rb(32))}", "lockfile")
        add("negatives/hashes/deploy.yaml", f"    image: registry.acme.io/api@sha256:{s(HX, 64)}", "digest")
        add("negatives/hashes/assets.js", f"const ICON_{i} = 'data:image/png;base64,{b64(rb(48))}';", "base64-blob")
        add("negatives/hashes/requirements.txt", f"pkg{i}==1.{i}.0 --hash=sha256:{s(HX, 64)}", "lockfile")
        add("negatives/hashes/Cargo.lock", f'checksum = "{s(HX, 64)}"', "lockfile")
    # 5. test vectors and public material
    vectors = ['assert hashlib.sha1(b"abc").hexdigest() == "a9993e364706816aba3e25717850c26c9cd0d89d"',
               'assert hashlib.md5(b"").hexdigest() == "d41d8cd98f00b204e9800998ecf8427e"',
               'EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"',
               'HMAC_KEY = bytes.fromhex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b")  # RFC 4231 case 1',
               'KAT_KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"',
               'TEST_SECRET = "test"', 'UUID_NIL = "00000000-0000-0000-0000-000000000000"',
               'AES_TEST_KEY = "2b7e151628aed2a6abf7158809cf4f3c"  # FIPS-197 appendix',
               'assert b64encode(b"hello world") == b"aGVsbG8gd29ybGQ="', 'CRC_TABLE_0 = "00000000 77073096 ee0e612c 990951ba"']
    for x in vectors:
        add("negatives/vectors/test_crypto.py", x, "test-vector")
    pub = ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + b64(rb(32))[:43] + " deploy@ci", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + b64(rb(256)) + " ops@bastion"]
    for x in pub:
        add("negatives/vectors/authorized_keys", x, "public-key")
    pubpem = F.pem_block("PUBLIC KEY", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", 260)
    add("negatives/vectors/jwt_public.pem", pubpem, "public-key", block=True)
    cert = F.pem_block("CERTIFICATE", "MIIDdzCCAl+gAwIBAgIE", 880)
    add("negatives/vectors/ca.crt", cert, "certificate", block=True)
    # 6. documentation and examples with masked or obviously fake credentials
    docs = ["Set `Authorization: Bearer <token>` on every request.", "postgres://user:password@localhost:5432/app",
            "DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev", "mongodb://localhost:27017/test",
            "curl -u \"$USER:$PASSWORD\" https://api.acme.io", "curl -H \"Authorization: Bearer $TOKEN\" https://api.acme.io/v1/me",
            "api_key: \"***\"", "password: \"********\"", "Your key will look like sk_live_**** (masked).",
            "| `STRIPE_KEY` | Stripe secret key | `sk_live_...` |", "The token is printed once: `ghp_************************************`",
            "password = \"password\"", "secret = \"secret\"", "token: \"<token>\"", "https://username:password@example.com/repo.git",
            "redis://:@localhost:6379/0", "smtp_password = \"\"  # set in the vault", "jdbc:mysql://db:3306/app?user=app&password=${DB_PASSWORD}"]
    for x in docs:
        add("negatives/docs/AUTH.md", x, "doc")

    for path, entries in files.items():
        lines = []
        for line, kind, block in entries:
            start = len(lines) + 1
            if block:
                lines.extend(line)
                manifest["negatives"].append({"path": path, "line": start, "end_line": start + len(line) - 1, "kind": kind})
            else:
                lines.append(line)
                manifest["negatives"].append({"path": path, "line": start, "end_line": start, "kind": kind})
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as fh:
            fh.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "..", "..", "testdata", "secrets", "recall"))
    args = ap.parse_args()
    root = os.path.normpath(args.out)
    for d in ("gitleaks-types", "beyond-types", "negatives"):
        shutil.rmtree(os.path.join(root, d), ignore_errors=True)
    manifest = {"version": 1,
                "note": "Generated by benches/recall/make_corpus.py. A secret counts as found when a finding "
                        "in the same file starts on a line in [line, end_line]; a negative is flagged when a finding starts in [line, end_line].",
                "secrets": [], "negatives": []}
    for corpus, specs in (("gitleaks-types", F.GITLEAKS), ("beyond-types", F.BEYOND)):
        blocks = []
        by_id = {sp.id: sp for sp in specs}
        grouped = set()
        for group in F.GROUPS[corpus]:
            grouped.update(m for m in group if isinstance(m, str))
            blocks.extend(group_blocks(group, by_id))
        for spec in specs:
            if spec.id not in grouped:
                blocks.extend(blocks_for(spec, corpus))
        assemble(blocks, corpus, root, manifest)
    negatives(root, manifest)
    manifest["secrets"].sort(key=lambda e: (e["corpus"], e["path"], e["line"]))
    with open(os.path.join(root, "expected.json"), "w") as fh:
        json.dump(manifest, fh, indent=1)
        fh.write("\n")
    by = {}
    for e in manifest["secrets"]:
        by.setdefault(e["corpus"], set()).add(e["type"])
    for c in ("gitleaks-types", "beyond-types"):
        n = sum(1 for e in manifest["secrets"] if e["corpus"] == c)
        print(f"{c}: {n} secrets, {len(by[c])} types")
    print(f"negatives: {len(manifest['negatives'])}")


if __name__ == "__main__":
    main()
