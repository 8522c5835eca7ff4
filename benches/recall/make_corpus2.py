#!/usr/bin/env python3
"""Generate the second, blind recall corpus: testdata/secrets/recall2/.

    python3 benches/recall/make_corpus2.py            # (re)write the corpus
    python3 benches/recall/make_corpus2.py --check    # regenerate in a temp dir, compare

Independent of gate's rules and of the first corpus: credential formats come from the
providers' documentation (corpus2_providers.py, one URL per type, copied into the
manifest's `sources`), the split gitleaks-types / beyond-types from gitleaks' public
documentation, the structural cases and negatives from the classes issue 13 lists.
Text output is reproducible byte for byte (fixed seed; RSA, EC and Ed25519 keys are
derived from it too). The binary key stores (.p12, .pfx, .jks, .keystore) are written by
tools that salt at random (python cryptography's PKCS#12, keytool): they are generated
once and kept when present (`--regen-keystores` rewrites them); the manifest does not
depend on their bytes.

Manifest (`expected.json`), same shape as the first corpus plus checking fields:
  secrets[]:   path, line, end_line, secret_line, type, corpus, and for text secrets
               col (byte offset in secret_line), len, sha256 (of those bytes);
               by_path: true for key-store files reported by path (any finding in the
               file counts).
  negatives[]: path, line, end_line, kind.
  sources:     type -> documentation URL.
"""

import argparse
import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import corpus2_providers as cp  # noqa: E402
from corpus2_providers import R, rs, hexs, b62, uuid4, rbytes, b64e, jwt, password, LA, LOW, UP, DIG, UA, B62, B64U  # noqa: E402
import corpus2_layouts as cl  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "testdata", "secrets", "recall2"))
KEYSTORE_SUFFIXES = (".p12", ".pfx", ".jks", ".keystore")

SERVICES = ["billing", "checkout", "notifier", "ingest", "search", "reports", "gateway", "accounts", "media",
            "scheduler", "catalog", "payments", "analytics", "support", "mailer", "sync", "webhooks", "exporter",
            "auth", "inventory", "ledger", "pricing", "shipping", "identity", "ml-pipeline", "crawler", "cms",
            "mobile-api", "admin", "etl"]


class Corpus:
    def __init__(self):
        self.files = {}  # path -> text or bytes
        self.parse = {}  # path -> kind of parse check
        self.secrets = []
        self.negatives = []
        self.sources = {}
        self.pending = []  # (path, needle, type, corpus, span_from_needle)
        self.pending_neg = []  # (path, needle, kind)

    def write(self, path, text, parse=None):
        assert path not in self.files, path
        self.files[path] = text
        if parse:
            self.parse[path] = parse

    def plant(self, path, needle, typ, corpus, span_from=None, span_to=None):
        """A secret whose value `needle` occurs once in `path`; the entry spans from the
        line holding `span_from` (default: the secret's line) to `span_to`'s line."""
        self.pending.append((path, needle, typ, corpus, span_from, span_to))

    def negative(self, path, needle, kind):
        self.pending_neg.append((path, needle, kind))

    def by_path(self, path, typ):
        self.secrets.append({"path": path, "line": 1, "end_line": 1, "secret_line": 1, "type": typ,
                             "corpus": "structural", "by_path": True})

    @staticmethod
    def locate(text, needle, path):
        lines = text.split("\n")
        hits = [i for i, ln in enumerate(lines) if needle in ln]
        if len(hits) != 1:
            raise SystemExit(f"{path}: {needle[:30]!r} occurs on {len(hits)} lines, want exactly 1")
        i = hits[0]
        return i + 1, lines[i].encode().index(needle.encode())

    def resolve(self):
        for path, needle, typ, corpus, span_from, span_to in self.pending:
            text = self.files[path]
            line, col = self.locate(text, needle, path)
            start = self.locate(text, span_from, path)[0] if span_from else line
            end = self.locate(text, span_to, path)[0] if span_to else line
            start, end = min(start, line), max(end, line)
            self.secrets.append({"path": path, "line": start, "end_line": end, "secret_line": line, "type": typ,
                                 "corpus": corpus, "col": col, "len": len(needle.encode()),
                                 "sha256": hashlib.sha256(needle.encode()).hexdigest()})
        for path, needle, kind in self.pending_neg:
            line, _ = self.locate(self.files[path], needle, path)
            self.negatives.append({"path": path, "line": line, "end_line": line, "kind": kind})


# --------------------------------------------------------------------------- positives by provider

def provider_cases(c):
    """Every provider's credential in two or three layouts (three for every fourth one),
    spread over the layouts round-robin, a handful of credentials per file."""
    names = list(cl.LAYOUTS)
    groups = {}
    for i, p in enumerate(cp.PROVIDERS):
        c.sources[p["id"]] = p["url"]
        k = 3 if i % 4 == 0 else 2
        chosen = []
        j = 0
        while len(chosen) < k:
            name = names[(i * 5 + j * 11 + (i // len(names))) % len(names)]
            j += 1
            if name not in chosen:
                chosen.append(name)
        for name in chosen:
            if p["gen"] is None:
                id_value, value = p["pair"][1]()
                id_name = p["pair"][0]
            else:
                value = p["gen"]()
                id_name, id_value = (p["pair"][0], p["pair"][1]()) if p["pair"] else (None, None)
            groups.setdefault((p["cat"], name), []).append({"p": p, "value": value, "id_name": id_name,
                                                            "id_value": id_value})
    svc = 0
    for (cat, name), items in sorted(groups.items()):
        render, fname, parse = cl.LAYOUTS[name]
        for k in range(0, len(items), 7):
            chunk = items[k:k + 7]
            path = f"{cat}/{SERVICES[svc % len(SERVICES)]}/{fname}"
            svc += 1
            c.write(path, render(chunk), parse)
            for it in chunk:
                c.plant(path, it["value"], it["p"]["id"], cat, span_from=it["id_value"])


# --------------------------------------------------------------------------- structural

def user():
    return R.choice(["admin", "deploy", "svc_reports", "ci-bot", "app", "etl_user", "grafana", "backup"])


def uri_password():
    return rs(LOW + UP + DIG, R.randint(16, 24))


def structural(c):
    S = "structural"
    src = {
        "curl-basic-auth": "https://curl.se/docs/manpage.html#-u",
        "http-basic-authorization": "https://datatracker.ietf.org/doc/html/rfc7617",
        "http-bearer-authorization": "https://datatracker.ietf.org/doc/html/rfc6750#section-2.1",
        "k8s-secret-data": "https://kubernetes.io/docs/concepts/configuration/secret/",
        "k8s-secret-stringdata": "https://kubernetes.io/docs/concepts/configuration/secret/",
        "docker-config-auth": "https://docs.docker.com/reference/cli/docker/login/#credential-stores",
        "dockercfg-auth": "https://kubernetes.io/docs/concepts/configuration/secret/#docker-config-secrets",
        "uri-mongodb-srv": "https://www.mongodb.com/docs/manual/reference/connection-string/",
        "uri-amqps": "https://www.rabbitmq.com/docs/uri-spec",
        "uri-rediss": "https://www.iana.org/assignments/uri-schemes/prov/rediss",
        "uri-postgresql": "https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS",
        "uri-mysql": "https://dev.mysql.com/doc/refman/8.4/en/connecting-using-uri-or-key-value-pairs.html",
        "uri-jdbc": "https://jdbc.postgresql.org/documentation/use/#connecting-to-the-database",
        "sqlserver-connection-string": "https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-string-syntax",
        "jwt": "https://datatracker.ietf.org/doc/html/rfc7519",
        "azure-sas-token": "https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview",
        "azure-storage-connection-string": "https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string",
        "azure-storage-account-key": "https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage",
        "azure-cosmos-key": "https://learn.microsoft.com/en-us/azure/cosmos-db/secure-access-to-data",
        "slack-webhook": "https://api.slack.com/messaging/webhooks",
        "teams-webhook": "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
        "discord-webhook": "https://discord.com/developers/docs/resources/webhook",
        "keystore-file": "https://github.com/gitleaks/gitleaks#readme (pkcs12-file: key stores reported by path)",
        "private-key-pem": "https://datatracker.ietf.org/doc/html/rfc7468",
        "openssh-private-key": "https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key",
        "putty-private-key": "https://the.earth.li/~sgtatham/putty/0.81/htmldoc/AppendixC.html",
        "apple-p8-key": "https://developer.apple.com/documentation/appstoreconnectapi/creating-api-keys-for-app-store-connect-api",
        "gcp-service-account": "https://cloud.google.com/iam/docs/keys-create-delete",
    }
    c.sources.update(src)

    # curl -u / Authorization headers in shell scripts
    lines = ["#!/usr/bin/env bash", "set -euo pipefail", "", 'NEXUS="https://nexus.internal/repository"', ""]
    plants = []
    for i in range(6):
        u, pw = user(), password()
        if i % 3 == 0:
            lines.append(f'curl -fsSL -u {u}:{pw} "$NEXUS/releases/app-1.{i}.tar.gz" -o app.tgz')
        elif i % 3 == 1:
            lines.append(f"curl --user '{u}:{pw}' -X POST https://jenkins.internal/job/deploy/build")
        else:
            lines.append(f'curl -s -u "{u}:{pw}" https://registry.internal/v2/_catalog')
        plants.append((pw, "curl-basic-auth"))
    for i in range(4):
        b = base64.b64encode(f"{user()}:{password()}".encode()).decode()
        lines.append(f"curl -H 'Authorization: Basic {b}' https://artifacts.internal/api/storage/libs-release")
        plants.append((b, "http-basic-authorization"))
    for i in range(3):
        t = rs(B64U, R.choice([40, 48, 64]))
        lines.append(f'curl -sS -H "Authorization: Bearer {t}" https://internal-api.acme.io/v2/exports')
        plants.append((t, "http-bearer-authorization"))
    lines.append("")
    c.write("structural/ops/scripts/fetch-artifacts.sh", "\n".join(lines))
    for v, t in plants:
        c.plant("structural/ops/scripts/fetch-artifacts.sh", v, t, S)

    # .http files
    lines = ["@host = https://internal-api.acme.io", ""]
    plants = []
    for i in range(4):
        if i % 2:
            b = base64.b64encode(f"{user()}:{password()}".encode()).decode()
            lines += [f"### report {i}", "GET {{host}}/v1/reports", f"Authorization: Basic {b}", ""]
            plants.append((b, "http-basic-authorization"))
        else:
            t = rs(B64U, 43)
            lines += [f"### export {i}", "POST {{host}}/v1/exports", "Content-Type: application/json",
                      f"Authorization: Bearer {t}", "", '{"since": "2026-10-01"}', ""]
            plants.append((t, "http-bearer-authorization"))
    c.write("structural/api/internal.http", "\n".join(lines))
    for v, t in plants:
        c.plant("structural/api/internal.http", v, t, S)

    # logs with authorization headers
    lines, plants = [], []
    for i in range(4):
        ts = f"2026-11-0{i + 1}T08:1{i}:0{i}.{R.randint(100, 999)}Z"
        lines.append(f"{ts} [INFO] proxy - upstream=https://internal-api.acme.io status=200")
        if i % 2:
            b = base64.b64encode(f"{user()}:{password()}".encode()).decode()
            lines.append(f"{ts} [DEBUG] proxy - request headers: {{'Accept': '*/*', 'Authorization': 'Basic {b}'}}")
            plants.append((b, "http-basic-authorization"))
        else:
            t = rs(B64U, 52)
            lines.append(f"{ts} [DEBUG] http.client - > Authorization: Bearer {t}")
            plants.append((t, "http-bearer-authorization"))
    lines.append("")
    c.write("structural/logs/proxy-debug.log", "\n".join(lines))
    for v, t in plants:
        c.plant("structural/logs/proxy-debug.log", v, t, S)

    # Kubernetes Secrets: data (base64) and stringData
    docs, plants = [], []
    for i in range(5):
        name = f"{R.choice(['db', 'api', 'smtp', 'queue', 'cache'])}-credentials-{i}"
        pw = password()
        key = b62(32)
        d_pw = base64.b64encode(pw.encode()).decode()
        d_key = base64.b64encode(key.encode()).decode()
        d_user = base64.b64encode(user().encode()).decode()
        docs.append("\n".join(["apiVersion: v1", "kind: Secret", "metadata:", f"  name: {name}", "  namespace: prod",
                               "type: Opaque", "data:", f"  username: {d_user}", f"  password: {d_pw}",
                               f"  api-key: {d_key}"]))
        plants.append((d_pw, "k8s-secret-data", f"  name: {name}", d_key))
    for i in range(4):
        name = f"{R.choice(['payments', 'mailer', 'search', 'ldap'])}-config-{i}"
        pw = password()
        docs.append("\n".join(["apiVersion: v1", "kind: Secret", "metadata:", f"  name: {name}", "type: Opaque",
                               "stringData:", f"  DB_USER: {user()}", f"  DB_PASSWORD: \"{pw}\"",
                               "  config.yaml: |", "    retries: 3", f"    apiToken: {b62(40)}"]))
        plants.append((pw, "k8s-secret-stringdata", f"  name: {name}", None))
    c.write("structural/k8s/secrets.yaml", "---\n" + "\n---\n".join(docs) + "\n", "yaml-multi")
    for v, t, frm, to in plants:
        c.plant("structural/k8s/secrets.yaml", v, t, S, span_from=frm, span_to=to)

    # one Secret per file too, as kubectl writes it
    for i in range(3):
        pw, tok = password(), b62(40)
        name = f"worker-{i}-env"
        text = "\n".join(["apiVersion: v1", "data:", f"  QUEUE_PASSWORD: {base64.b64encode(pw.encode()).decode()}",
                          f"  SERVICE_TOKEN: {base64.b64encode(tok.encode()).decode()}", "kind: Secret", "metadata:",
                          f"  name: {name}", "  namespace: workers", "type: Opaque", ""])
        path = f"structural/deploy/{name}-secret.yaml"
        c.write(path, text, "yaml")
        c.plant(path, base64.b64encode(pw.encode()).decode(), "k8s-secret-data", S,
                span_from="apiVersion: v1", span_to="type: Opaque")

    # Docker config.json / .dockercfg
    for i, reg in enumerate(["https://index.docker.io/v1/", "ghcr.io", "registry.gitlab.com"]):
        auth = base64.b64encode(f"{user()}:{password()}".encode()).decode()
        doc = {"auths": {reg: {"auth": auth}}, "credHelpers": {"gcr.io": "gcloud"}}
        if i == 1:
            doc["auths"]["quay.io"] = {"auth": base64.b64encode(f"acme+robot:{rs(UA, 64)}".encode()).decode()}
        text = json.dumps(doc, indent="\t") + "\n"
        path = f"structural/ci/runner-{i}/.docker/config.json"
        c.write(path, text, "json")
        c.plant(path, auth, "docker-config-auth", S, span_from=json.dumps(reg))
    for i in range(2):
        auth = base64.b64encode(f"{user()}:{password()}".encode()).decode()
        doc = {"https://registry.acme.io": {"username": "deploy", "password": password(), "email": "ops@acme.io",
                                            "auth": auth}}
        text = json.dumps(doc, indent=2) + "\n"
        path = f"structural/legacy/node-{i}/.dockercfg"
        c.write(path, text, "json")
        c.plant(path, auth, "dockercfg-auth", S, span_from='"https://registry.acme.io"')

    # connection URIs in several layouts
    uris = []
    for i in range(4):
        pw = uri_password()
        uris.append((f"mongodb+srv://{user()}:{pw}@cluster{i}.{rs(LA, 5)}.mongodb.net/orders?retryWrites=true&w=majority", pw, "uri-mongodb-srv"))
    for i in range(3):
        pw = uri_password()
        uris.append((f"amqps://{user()}:{pw}@b-{uuid4()}.mq.eu-west-1.amazonaws.com:5671/prod", pw, "uri-amqps"))
    for i in range(3):
        pw = uri_password()
        uris.append((f"rediss://default:{pw}@cache-{i}.{rs(LA, 6)}.use1.cache.amazonaws.com:6379/0", pw, "uri-rediss"))
    for i in range(4):
        pw = uri_password()
        uris.append((f"postgresql://{user()}:{pw}@db-{i}.internal:5432/app?sslmode=require", pw, "uri-postgresql"))
    for i in range(3):
        pw = uri_password()
        uris.append((f"mysql://{user()}:{pw}@mysql-{i}.internal:3306/shop", pw, "uri-mysql"))
    for i in range(5):
        pw = uri_password()
        u = user()
        form = [f"jdbc:postgresql://pg-{i}.internal:5432/ledger?user={u}&password={pw}&ssl=true",
                f"jdbc:mysql://{u}:{pw}@mysql-{i}.internal:3306/orders?useSSL=true",
                f"jdbc:sqlserver://sql-{i}.internal:1433;databaseName=crm;user={u};password={pw};encrypt=true",
                f"jdbc:oracle:thin:{u}/{pw}@//ora-{i}.internal:1521/ORCLPDB1",
                f"jdbc:mariadb://maria-{i}.internal:3306/app?user={u}&password={pw}"][i]
        uris.append((form, pw, "uri-jdbc"))
    for i in range(2):
        pw = password()
        uris.append((f"Server=tcp:sql-{i}.database.windows.net,1433;Initial Catalog=crm;User ID={user()};Password={pw};Encrypt=True;",
                     pw, "sqlserver-connection-string"))
    layouts = ["env", "yaml", "py", "go", "properties", "js"]
    by_layout = {k: [] for k in layouts}
    for i, u in enumerate(uris):
        by_layout[layouts[i % len(layouts)]].append(u)
    for k, items in by_layout.items():
        if k == "env":
            path, text = "structural/services/api/.env.production", "\n".join(
                ["APP_ENV=production"] + [f"DATABASE_URL_{i}={u}" if ";" not in u else f"DATABASE_URL_{i}=\"{u}\"" for i, (u, _, _) in enumerate(items)]) + "\n"
            parse = None
        elif k == "yaml":
            path = "structural/services/worker/config.yaml"
            text = "\n".join(["queue:", "  prefetch: 10", "connections:"] + [f"  c{i}: \"{u}\"" for i, (u, _, _) in enumerate(items)]) + "\n"
            parse = "yaml"
        elif k == "py":
            path = "structural/services/etl/db.py"
            text = "\n".join(["from sqlalchemy import create_engine", ""] + [f"engine_{i} = create_engine(\"{u}\")" for i, (u, _, _) in enumerate(items)]) + "\n"
            parse = "python"
        elif k == "go":
            path = "structural/services/sync/store.go"
            text = "\n".join(["package store", "", "func dsns() []string {"] + [f"\tdsn{i} := \"{u}\"" for i, (u, _, _) in enumerate(items)]
                             + ["\treturn []string{" + ", ".join(f"dsn{i}" for i in range(len(items))) + "}", "}", ""])
            parse = None
        elif k == "properties":
            path = "structural/services/ledger/src/main/resources/application.properties"
            text = "\n".join(["spring.jpa.open-in-view=false"] + [f"app.datasource{i}.url={u}" for i, (u, _, _) in enumerate(items)]) + "\n"
            parse = None
        else:
            path = "structural/services/web/db.config.js"
            text = "\n".join(["module.exports = {"] + [f"  conn{i}: '{u}'," for i, (u, _, _) in enumerate(items)] + ["};", ""])
            parse = None
        c.write(path, text, parse)
        for u, pw, t in items:
            c.plant(path, pw, t, S)

    # JWTs in Java / Go / JS / TS literals
    def mk_jwt():
        now = R.randint(1_760_000_000, 1_790_000_000)
        return jwt({"sub": uuid4(), "iss": R.choice(["https://auth.acme.io", "acme-api", "https://login.acme.io/oauth2"]),
                    "aud": "acme-services", "iat": now, "exp": now + 31_536_000, "scope": "read write",
                    "name": R.choice(["svc-reports", "svc-billing", "admin"])})
    jw = {"java": [], "go": [], "js": [], "ts": []}
    for k in jw:
        jw[k] = [mk_jwt() for _ in range(3)]
    c.write("structural/clients/java/src/main/java/io/acme/client/ApiClient.java", "\n".join(
        ["package io.acme.client;", "", "import java.net.http.HttpRequest;", "", "public class ApiClient {",
         f'    private static final String SERVICE_JWT = "{jw["java"][0]}";',
         f'    private final String bearer = "{jw["java"][1]}";',
         "    HttpRequest.Builder req(String url) {",
         f'        return HttpRequest.newBuilder().header("Authorization", "Bearer " + "{jw["java"][2]}");',
         "    }", "}", ""]))
    c.write("structural/clients/go/auth.go", "\n".join(
        ["package client", "", "import \"net/http\"", "", "func authed(r *http.Request) {",
         f'\ttoken := "{jw["go"][0]}"', '\tr.Header.Set("Authorization", "Bearer "+token)', "}", "",
         f'var adminJWT = "{jw["go"][1]}"', "", "const (", f'\tserviceToken = "{jw["go"][2]}"', ")", ""]))
    c.write("structural/clients/web/api.js", "\n".join(
        ["import axios from 'axios';", "", f"const token = '{jw['js'][0]}';",
         "export const api = axios.create({", "  baseURL: 'https://api.acme.io',",
         f"  headers: {{ Authorization: `Bearer {jw['js'][1]}` }},", "});",
         f"export const refresh = \"{jw['js'][2]}\";", ""]))
    c.write("structural/clients/web/session.ts", "\n".join(
        ["export interface Session { jwt: string }", "",
         f"export const demoSession: Session = {{ jwt: '{jw['ts'][0]}' }};",
         f"const serviceJwt: string = \"{jw['ts'][1]}\";",
         f"localStorage.setItem('id_token', '{jw['ts'][2]}');", "export default serviceJwt;", ""]))
    for path, k in [("structural/clients/java/src/main/java/io/acme/client/ApiClient.java", "java"),
                    ("structural/clients/go/auth.go", "go"), ("structural/clients/web/api.js", "js"),
                    ("structural/clients/web/session.ts", "ts")]:
        for t in jw[k]:
            c.plant(path, t, "jwt", S)

    # Azure: SAS tokens, storage connection strings, account keys, Cosmos keys
    def sas_sig():
        return base64.b64encode(rbytes(32)).decode().replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    az = []
    for i in range(4):
        acct = "acme" + rs(LA, 8)
        sig = sas_sig()
        if i % 2:
            url = (f"https://{acct}.blob.core.windows.net/exports/report.csv?sp=r&st=2026-11-01T00:00:00Z"
                   f"&se=2027-11-01T00:00:00Z&spr=https&sv=2022-11-02&sr=b&sig={sig}")
        else:
            url = (f"https://{acct}.blob.core.windows.net/?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx"
                   f"&se=2027-06-30T17:00:00Z&st=2026-06-30T09:00:00Z&spr=https&sig={sig}")
        az.append((url, sig, "azure-sas-token"))
    for i in range(3):
        key = base64.b64encode(rbytes(64)).decode()
        az.append((f"DefaultEndpointsProtocol=https;AccountName=acme{rs(LA, 8)};AccountKey={key};EndpointSuffix=core.windows.net",
                   key, "azure-storage-connection-string"))
    for i in range(3):
        key = base64.b64encode(rbytes(64)).decode()
        az.append((f"AccountEndpoint=https://acme-{rs(LA, 6)}.documents.azure.com:443/;AccountKey={key};", key,
                   "azure-cosmos-key"))
    c.write("structural/azure/appsettings.json", json.dumps(
        {"Storage": {"ExportUrl": az[0][0], "ArchiveUrl": az[1][0], "ConnectionString": az[4][0]},
         "Cosmos": {"ConnectionString": az[7][0]}, "Logging": {"LogLevel": {"Default": "Warning"}}}, indent=2) + "\n", "json")
    for j in (0, 1, 4, 7):
        c.plant("structural/azure/appsettings.json", az[j][1], az[j][2], S)
    c.write("structural/azure/upload.sh", "\n".join(
        ["#!/bin/sh", f'azcopy copy ./dist "{az[2][0]}" --recursive', f"export AZURE_STORAGE_CONNECTION_STRING='{az[5][0]}'",
         f"az storage blob list --account-name acmebackups --sas-token '{az[3][0].split('?', 1)[1]}' -c nightly", ""]))
    for j in (2, 3, 5):
        c.plant("structural/azure/upload.sh", az[j][1], az[j][2], S)
    c.write("structural/azure/local.settings.json", json.dumps(
        {"IsEncrypted": False, "Values": {"AzureWebJobsStorage": az[6][0], "CosmosDb": az[8][0], "CosmosDbReplica": az[9][0],
                                          "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated"}}, indent=2) + "\n", "json")
    for j in (6, 8, 9):
        c.plant("structural/azure/local.settings.json", az[j][1], az[j][2], S)
    keys = [base64.b64encode(rbytes(64)).decode() for _ in range(2)]
    c.write("structural/azure/storage.tf", "\n".join(
        ['resource "azurerm_storage_account" "logs" {', '  name = "acmelogs"', "}", "",
         'provider "azurerm" {', "  features {}", "}", "", "locals {",
         f'  storage_account_key = "{keys[0]}"', "}", "", 'variable "backup_storage_access_key" {',
         f'  default = "{keys[1]}"', "}", ""]))
    for k in keys:
        c.plant("structural/azure/storage.tf", k, "azure-storage-account-key", S)

    # webhooks
    hooks = []
    for i in range(3):
        hooks.append((f"https://hooks.slack.com/services/T{rs(UA, 8)}/B{rs(UA, 10)}/{b62(24)}", "slack-webhook"))
    for i in range(3):
        tenant = "acme"
        hooks.append((f"https://{tenant}.webhook.office.com/webhookb2/{uuid4()}@{uuid4()}/IncomingWebhook/{hexs(32)}/{uuid4()}"
                      + (f"/V2{rs(B64U, 43)}" if i else ""), "teams-webhook"))
    for i in range(3):
        hooks.append((f"https://discord.com/api/webhooks/{R.randint(10**17, 10**19 - 1)}/{rs(B64U, 68)}", "discord-webhook"))
    c.write("structural/alerts/.env", "\n".join(["ALERTS_ENABLED=true"] + [f"{t.split('-')[0].upper()}_WEBHOOK_URL_{i}={u}" for i, (u, t) in enumerate(hooks[:3] + hooks[3:4] + hooks[6:7])]) + "\n")
    c.write("structural/alerts/notify.py", "\n".join(
        ["import requests", "", f'TEAMS_HOOK = "{hooks[4][0]}"', f'DISCORD_HOOK = "{hooks[7][0]}"', "",
         "def notify(text):", "    requests.post(TEAMS_HOOK, json={'text': text}, timeout=5)", ""]))
    c.write("structural/alerts/alertmanager.yml", "\n".join(
        ["route:", "  receiver: teams", "receivers:", "  - name: teams", "    webhook_configs:",
         f"      - url: \"{hooks[5][0]}\"", "  - name: discord", "    discord_configs:",
         f"      - webhook_url: \"{hooks[8][0]}\"", ""]), "yaml")
    for i, (u, t) in enumerate(hooks):
        path = ("structural/alerts/.env" if i in (0, 1, 2, 3, 6) else
                "structural/alerts/notify.py" if i in (4, 7) else "structural/alerts/alertmanager.yml")
        c.plant(path, u, t, S)

    keys_and_stores(c)


# --------------------------------------------------------------------------- keys

def rsa_numbers(bits):
    """An RSA key drawn from the corpus' seeded generator, so PEM output is reproducible."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    def is_prime(n):
        if n < 2:
            return False
        for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
            if n % p == 0:
                return n == p
        d, s = n - 1, 0
        while d % 2 == 0:
            d //= 2
            s += 1
        for _ in range(24):
            a = R.randrange(2, n - 1)
            x = pow(a, d, n)
            if x in (1, n - 1):
                continue
            for _ in range(s - 1):
                x = pow(x, 2, n)
                if x == n - 1:
                    break
            else:
                return False
        return True

    def prime(b):
        while True:
            n = R.getrandbits(b) | (1 << (b - 1)) | (1 << (b - 2)) | 1
            if is_prime(n) and (n - 1) % 65537:
                return n

    e = 65537
    p, q = prime(bits // 2), prime(bits // 2)
    n = p * q
    d = pow(e, -1, (p - 1) * (q - 1))
    pub = rsa.RSAPublicNumbers(e, n)
    return rsa.RSAPrivateNumbers(p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q), rsa.rsa_crt_iqmp(p, q), pub)


def ssh_string(b):
    return len(b).to_bytes(4, "big") + b


def openssh_ed25519(seed, comment):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives import serialization as ser
    key = Ed25519PrivateKey.from_private_bytes(seed)
    pub = key.public_key().public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw)
    pub_blob = ssh_string(b"ssh-ed25519") + ssh_string(pub)
    check = rbytes(4)
    priv = check + check + pub_blob + ssh_string(seed + pub) + ssh_string(comment.encode())
    pad = 1
    while len(priv) % 8:
        priv += bytes([pad])
        pad += 1
    blob = (b"openssh-key-v1\x00" + ssh_string(b"none") + ssh_string(b"none") + ssh_string(b"")
            + (1).to_bytes(4, "big") + ssh_string(pub_blob) + ssh_string(priv))
    body = base64.b64encode(blob).decode()
    lines = [body[i:i + 70] for i in range(0, len(body), 70)]
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(lines) + "\n-----END OPENSSH PRIVATE KEY-----\n", pub_blob


def ppk_v3(seed, comment):
    """PuTTY-User-Key-File-3, unencrypted ed25519 (MAC: HMAC-SHA-256 with an empty key)."""
    import hmac as _hmac
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives import serialization as ser
    pub = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw)
    pub_blob = ssh_string(b"ssh-ed25519") + ssh_string(pub)
    priv_blob = ssh_string(seed)
    mac_data = (ssh_string(b"ssh-ed25519") + ssh_string(b"none") + ssh_string(comment.encode())
                + ssh_string(pub_blob) + ssh_string(priv_blob))
    mac = _hmac.new(b"", mac_data, hashlib.sha256).hexdigest()
    pb = base64.b64encode(pub_blob).decode()
    pl = [pb[i:i + 64] for i in range(0, len(pb), 64)]
    vb = base64.b64encode(priv_blob).decode()
    return "\n".join(["PuTTY-User-Key-File-3: ssh-ed25519", "Encryption: none", f"Comment: {comment}",
                      f"Public-Lines: {len(pl)}", *pl, "Private-Lines: 1", vb, f"Private-MAC: {mac}", ""])


def keys_and_stores(c):
    from cryptography.hazmat.primitives import serialization as ser
    from cryptography.hazmat.primitives.asymmetric import ec
    S = "structural"

    rsa_key = rsa_numbers(2048).private_key()
    pem_trad = rsa_key.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.TraditionalOpenSSL, ser.NoEncryption()).decode()
    c.write("structural/ops/keys/id_rsa", pem_trad)
    c.by_path("structural/ops/keys/id_rsa", "private-key-pem")

    ossh, _ = openssh_ed25519(rbytes(32), "deploy@build-01")
    c.write("structural/ops/keys/id_ed25519", ossh)
    c.by_path("structural/ops/keys/id_ed25519", "openssh-private-key")

    c.write("structural/ops/keys/jump-host.ppk", ppk_v3(rbytes(32), "eddsa-key-20261104"))
    c.by_path("structural/ops/keys/jump-host.ppk", "putty-private-key")

    ec_key = ec.derive_private_key(R.getrandbits(255) + 1, ec.SECP256R1())
    p8 = ec_key.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption()).decode()
    c.write("structural/ios/fastlane/AuthKey_7XK4R2M9QP.p8", p8)
    c.by_path("structural/ios/fastlane/AuthKey_7XK4R2M9QP.p8", "apple-p8-key")

    # PEM keys inside configuration (block entries: the whole key)
    ec2 = ec.derive_private_key(R.getrandbits(255) + 1, ec.SECP384R1())
    ec_pem = ec2.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.TraditionalOpenSSL, ser.NoEncryption()).decode()
    body = ec_pem.strip().split("\n")
    text = "\n".join(["tls:", "  enabled: true", "  certFile: /etc/tls/tls.crt", "  key: |"] + ["    " + ln for ln in body] + [""])
    c.write("structural/services/edge/values.yaml", text, "yaml")
    c.plant("structural/services/edge/values.yaml", body[1], "private-key-pem", S, span_from=body[0], span_to=body[-1])

    rsa2 = rsa_numbers(2048).private_key()
    pk8 = rsa2.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption()).decode()
    proj = f"acme-{rs(LA[:26], 6)}-{R.randint(100000, 999999)}"
    sa = {"type": "service_account", "project_id": proj, "private_key_id": hexs(40), "private_key": pk8,
          "client_email": f"deployer@{proj}.iam.gserviceaccount.com", "client_id": str(R.randint(10**20, 10**21 - 1)),
          "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
          "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
          "client_x509_cert_url": f"https://www.googleapis.com/robot/v1/metadata/x509/deployer%40{proj}.iam.gserviceaccount.com",
          "universe_domain": "googleapis.com"}
    text = json.dumps(sa, indent=2) + "\n"
    c.write("structural/gcp/deployer-sa.json", text, "json")
    c.plant("structural/gcp/deployer-sa.json", json.dumps(pk8)[1:60], "gcp-service-account", S,
            span_from='"type": "service_account"', span_to='"universe_domain"')

    rsa3 = rsa_numbers(2048).private_key()
    pem3 = rsa3.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption()).decode().strip().split("\n")
    text = "\n".join(["package signing", "", "// key used to sign webhook payloads", "const signingKey = `" + pem3[0]]
                     + pem3[1:] + ["`", ""])
    c.write("structural/services/hooks/signing.go", text)
    c.plant("structural/services/hooks/signing.go", pem3[1], "private-key-pem", S, span_from=pem3[0], span_to=pem3[-1])

    # binary key stores, reported by path
    for path, typ in [("structural/android/app/release.keystore", "keystore-file"),
                      ("structural/java/config/keystore.jks", "keystore-file"),
                      ("structural/certs/client-auth.p12", "keystore-file"),
                      ("structural/certs/iis-site.pfx", "keystore-file")]:
        c.files[path] = None  # written by write_keystores()
        c.by_path(path, typ)


def write_keystores(root, regen):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization as ser
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID
    import datetime

    def pkcs12_file(path, cn):
        key = rsa_numbers(2048).private_key()
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
        start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(R.getrandbits(64)).not_valid_before(start)
                .not_valid_after(start + datetime.timedelta(days=825)).sign(key, hashes.SHA256()))
        data = pkcs12.serialize_key_and_certificates(cn.encode(), key, cert, None,
                                                     ser.BestAvailableEncryption(password(16).encode()))
        with open(path, "wb") as fh:
            fh.write(data)

    def jks_file(path, alias, storetype):
        subprocess.run(["keytool", "-genkeypair", "-keystore", path, "-storetype", storetype, "-storepass",
                        password(16), "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                        "-dname", f"CN={alias}, O=Acme, C=DE"], check=True, capture_output=True)

    jobs = [("structural/android/app/release.keystore", lambda p: jks_file(p, "release", "JKS")),
            ("structural/java/config/keystore.jks", lambda p: jks_file(p, "server", "JKS")),
            ("structural/certs/client-auth.p12", lambda p: pkcs12_file(p, "client.acme.io")),
            ("structural/certs/iis-site.pfx", lambda p: pkcs12_file(p, "www.acme.io"))]
    for rel, make in jobs:
        path = os.path.join(root, rel)
        if os.path.exists(path) and not regen:
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        make(path)


# --------------------------------------------------------------------------- negatives

AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
COSMOS_EMULATOR_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="
GOOGLE_MAPS_SAMPLE_KEY = "AIzaSyB41DRUbKWJHPxaFjMAwdrzWzbVKartNGg"
ALGOLIA_DEMO = ("latency", "6be0576ff61c053d5f9a3225e2a90f76")

NEGATIVE_SOURCES = {
    "emulator-key": "https://learn.microsoft.com/en-us/azure/storage/common/storage-use-azurite#http-connection-strings "
                    "and https://learn.microsoft.com/en-us/azure/cosmos-db/emulator#authentication",
    "vendor-published-key": "Google Maps Platform JavaScript samples (developers.google.com/maps/documentation/javascript/examples) "
                            "and Algolia InstantSearch docs (appId 'latency', search-only key)",
}


def negatives(c):
    N = "negatives"

    # 1. provider keyword inside a longer identifier, with a hash/id that is no credential
    # the keyword straddles or sits inside a word of the identifier, never a whole word of it
    idents = [("rookTable", "okta"), ("sumOfExposures", "sumo"), ("globalIndex", "lob"), ("bilinearFilter", "linear"),
              ("sumOfSquares", "square"), ("upstreamHash", "stream"), ("frontendBuild", "front"), ("checkboxState", "box"),
              ("pipelineRun", "line"), ("probablyCached", "ably"), ("onlookerCount", "looker"), ("hexagonGrid", "exa"),
              ("betsyOrder", "etsy"), ("tmuxSession", "mux"), ("twitchyAnimation", "twitch"), ("consumoMensual", "sumo"),
              ("brookTableau", "okta"), ("lobbyMusic", "lob"), ("heatmapBoxes", "mapbox"), ("heretofore", "here"),
              ("whereabouts", "here"), ("subsegmentIndex", "segment"), ("discordantPairs", "discord"),
              ("vajrasanaPose", "asana"), ("intercomponentLinks", "intercom"), ("bitcoinBaseFee", "coinbase"),
              ("steadfastlyRetry", "fastly"), ("codecoverageReport", "codecov"), ("bookTable", "okta"),
              ("chairTableCount", "airtable")]
    for ident, keyword in idents:
        assert keyword in ident.lower(), ident
    val_kinds = ["sha1", "sha256", "md5", "build", "etag"]
    files = {}
    for i, (ident, _) in enumerate(idents):
        for j in range(2):
            vk = val_kinds[(i + j) % len(val_kinds)]
            val = {"sha1": hexs(40), "sha256": hexs(64), "md5": hexs(32), "build": f"{R.randint(2020, 2026)}{rs(DIG, 8)}",
                   "etag": hexs(32)}[vk]
            suffix = {"sha1": "Sha1", "sha256": "Digest", "md5": "Md5", "build": "BuildNumber", "etag": "Etag"}[vk]
            lang = ["js", "py", "go", "java", "yaml"][(i + j) % 5]
            name = ident + suffix
            line = {"js": f"const {name} = '{val}';", "py": f"{_snake(name)} = \"{val}\"",
                    "go": f"\t{name} := \"{val}\"", "java": f"    static final String {name} = \"{val}\";",
                    "yaml": f"{name}: \"{val}\""}[lang]
            files.setdefault(lang, []).append((line, val))
    heads = {"js": ["// generated by the asset pipeline", ""], "py": ["# cache manifest", ""],
             "go": ["package assets", "", "func digests() {"], "java": ["package io.acme.assets;", "", "final class Digests {"],
             "yaml": ["# build metadata"]}
    tails = {"js": [""], "py": [""], "go": ["}", ""], "java": ["}", ""], "yaml": [""]}
    names = {"js": "web/src/assetDigests.js", "py": "tools/cache_manifest.py", "go": "assets/digests.go",
             "java": "src/main/java/io/acme/assets/Digests.java", "yaml": "build/metadata.yaml"}
    for lang, items in files.items():
        path = f"{N}/identifiers/{names[lang]}"
        c.write(path, "\n".join(heads[lang] + [ln for ln, _ in items] + tails[lang]), "yaml" if lang == "yaml" else None)
        for ln, val in items:
            c.negative(path, val, "keyword-in-identifier")

    # 2. CSRF authenticity tokens in hidden inputs / meta tags
    rows = []
    for i in range(20):
        tok = base64.b64encode(rbytes(64)).decode() if i % 2 == 0 else rs(B62, 64)
        form = i % 4
        if form == 0:
            rows.append((f'<input type="hidden" name="authenticity_token" value="{tok}" autocomplete="off" />', tok))
        elif form == 1:
            rows.append((f'<meta name="csrf-token" content="{tok}" />', tok))
        elif form == 2:
            rows.append((f"<input type='hidden' name='csrfmiddlewaretoken' value='{tok}'>", tok))
        else:
            rows.append((f'<input name="_token" type="hidden" value="{tok[:40]}">', tok[:40]))
    for k in range(4):
        path = f"{N}/web/saved-pages/form-{k}.html"
        chunk = rows[k * 5:(k + 1) * 5]
        c.write(path, "\n".join(["<!DOCTYPE html>", "<html><head><title>Sign in</title>"] + [r for r, _ in chunk if "meta" in r]
                                + ["</head><body>", '<form action="/session" method="post">'] + [r for r, _ in chunk if "meta" not in r]
                                + ['<input type="email" name="email">', "</form></body></html>", ""]))
        for r, tok in chunk:
            c.negative(path, tok, "csrf-token")

    # 3. Maven / Gradle / sbt coordinates
    coords = [("io.jsonwebtoken", "jjwt-api", "0.12.6"), ("io.jsonwebtoken", "jjwt-impl", "0.12.6"),
              ("io.jsonwebtoken", "jjwt-jackson", "0.11.5"), ("com.auth0", "java-jwt", "4.4.0"),
              ("com.okta.sdk", "okta-sdk-api", "20.0.0"), ("com.stripe", "stripe-java", "28.2.0"),
              ("software.amazon.awssdk", "secretsmanager", "2.29.6"), ("com.twilio.sdk", "twilio", "10.6.4"),
              ("com.sendgrid", "sendgrid-java", "4.10.3"), ("com.google.auth", "google-auth-library-oauth2-http", "1.30.0"),
              ("org.springframework.security", "spring-security-oauth2-jose", "6.4.1"),
              ("com.nimbusds", "nimbus-jose-jwt", "9.47"), ("io.github.cdimascio", "dotenv-java", "3.1.0"),
              ("com.azure", "azure-security-keyvault-secrets", "4.9.1"), ("org.bouncycastle", "bcprov-jdk18on", "1.79"),
              ("com.slack.api", "slack-api-client", "1.45.2")]
    gradle = ["plugins {", "    id 'java'", "}", "", "dependencies {"]
    pom = ["<project>", "  <dependencies>"]
    sbt = ["libraryDependencies ++= Seq("]
    plan = []
    for i, (g, a, v) in enumerate(coords):
        gradle.append(f"    implementation '{g}:{a}:{v}'")
        plan.append(("gradle", f"{g}:{a}:{v}"))
        pom += ["    <dependency>", f"      <groupId>{g}</groupId>", f"      <artifactId>{a}</artifactId>",
                f"      <version>{v}</version><!-- {a} -->", "    </dependency>"]
        plan.append(("pom", f"<version>{v}</version><!-- {a} -->"))
        sbt.append(f'  "{g}" % "{a}" % "{v}",')
        plan.append(("sbt", f'"{g}" % "{a}" % "{v}"'))
    gradle += ["}", ""]
    pom += ["  </dependencies>", "</project>", ""]
    sbt += [")", ""]
    c.write(f"{N}/jvm/build.gradle", "\n".join(gradle))
    c.write(f"{N}/jvm/pom.xml", "\n".join(pom))
    c.write(f"{N}/jvm/build.sbt", "\n".join(sbt))
    for kind, needle in plan:
        c.negative({"gradle": f"{N}/jvm/build.gradle", "pom": f"{N}/jvm/pom.xml", "sbt": f"{N}/jvm/build.sbt"}[kind], needle,
                   "maven-coordinate")

    # 4. resource names that look like keys
    res = []
    for i in range(24):
        f = i % 8
        if f == 0:
            n = f"cmp{R.randint(1, 9)}-{R.choice(['qat', 'uat', 'prd', 'dev'])}-{R.randint(10**9, 10**10 - 1)}"
            res.append((f"  project: {n}", n))
        elif f == 1:
            n = f"acme-{R.choice(['analytics', 'backend', 'ml'])}-{R.randint(100000, 999999)}"
            res.append((f'  gcp_project_id = "{n}"', n))
        elif f == 2:
            n = f"arn:aws:iam::{rs(DIG, 12)}:role/{R.choice(['github-actions-deploy', 'token-rotator', 'secrets-reader'])}"
            res.append((f'  role_arn = "{n}"', n))
        elif f == 3:
            n = f"api-key-rotator-{rs(LA, 10)}-{rs(LA, 5)}"
            res.append((f"  pod: {n}", n))
        elif f == 4:
            n = f"/subscriptions/{uuid4()}/resourceGroups/rg-secrets-prod/providers/Microsoft.KeyVault/vaults/kv-acme-{rs(LA, 6)}"
            res.append((f'  key_vault_id = "{n}"', n))
        elif f == 5:
            n = f"acme-terraform-state-{rs(DIG, 12)}"
            res.append((f'  bucket = "{n}"', n))
        elif f == 6:
            n = f"sg-{hexs(17)}"
            res.append((f'  security_group = "{n}"', n))
        else:
            n = f"projects/{R.randint(10**11, 10**12 - 1)}/secrets/db-password/versions/{R.randint(1, 40)}"
            res.append((f'  secret_version = "{n}"', n))
    path = f"{N}/infra/resources.tf"
    c.write(path, "\n".join(["# names of existing resources, imported", "locals {"]
                            + [f"  {r.strip().split(' ')[0].rstrip(':')}_{i} = \"{n}\"" for i, (r, n) in enumerate(res)] + ["}", ""]))
    for _, n in res:
        c.negative(path, n, "resource-name")

    # 5. names that say public: publishable keys, public tokens
    pubs = []
    for i in range(6):
        pubs.append(("STRIPE_PUBLISHABLE_KEY", "pk_live_" + b62(99)))
    for i in range(3):
        pubs.append(("NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", "pk_test_" + b62(99)))
    for i in range(4):
        pubs.append(("MAPBOX_PUBLIC_TOKEN", "pk.eyJ1Ijoi" + rs(B64U, 40) + "." + rs(B64U, 22)))
    for i in range(4):
        pubs.append(("NEXT_PUBLIC_POSTHOG_KEY", "phc_" + b62(43)))
    for i in range(3):
        pubs.append(("PLAID_PUBLIC_TOKEN", "public-sandbox-" + uuid4()))
    for i in range(3):
        pubs.append(("VITE_CLERK_PUBLISHABLE_KEY", "pk_live_" + b64e(f"clerk.{rs(LOW, 8)}.com$".encode(), False, False)))
    for i in range(3):
        pubs.append(("PUBNUB_PUBLISH_KEY", "pub-c-" + uuid4()))
    regions = ["", "_EU", "_US", "_UK", "_APAC", "_CA"]
    seen = {}
    for i, (n, v) in enumerate(pubs):  # one variable per storefront region, as multi-region apps name them
        seen[n] = seen.get(n, -1) + 1
        pubs[i] = (n + regions[seen[n]], v)
    lines = ["# values shipped to the browser bundle"]
    for n, v in pubs[:13]:
        lines.append(f"{n}={v}")
    c.write(f"{N}/frontend/.env.production", "\n".join(lines) + "\n")
    ts = ["export const publicConfig = {"]
    for n, v in pubs[13:]:
        ts.append(f"  {cl.camel(n)}: '{v}',")
    ts += ["  publicToken: '" + "pk." + "eyJ1Ijoi" + rs(B64U, 40) + "." + rs(B64U, 22) + "',", "};", ""]
    c.write(f"{N}/frontend/src/publicConfig.ts", "\n".join(ts))
    for n, v in pubs[:13]:
        c.negative(f"{N}/frontend/.env.production", v, "public-by-name")
    for n, v in pubs[13:]:
        c.negative(f"{N}/frontend/src/publicConfig.ts", v, "public-by-name")
    c.negative(f"{N}/frontend/src/publicConfig.ts", "publicToken: 'pk.", "public-by-name")

    # 6. placeholders
    ph = ["neo4j:[PASSWORD]", "<password>", "${PASSWORD}", "[YOUR_API_KEY]", "<YOUR-TOKEN-HERE>", "{{ .Values.apiKey }}",
          "%(DB_PASSWORD)s", "$(cat /run/secrets/api_token)", "${{ env.API_TOKEN }}", "<insert-secret>", "{{API_KEY}}",
          "$DATABASE_PASSWORD", "%API_TOKEN%", "[REDACTED]", "********", "<redacted>", "your-api-key-here", "changeit-in-prod",
          "{{ vault_db_password }}", "${env:SERVICE_TOKEN}"]
    layouts = [
        ("placeholders/.env.example", lambda k, v: f"{k}={v}"),
        ("placeholders/config.example.yaml", lambda k, v: f"{k.lower()}: \"{v}\""),
        ("placeholders/settings_template.py", lambda k, v: f"{k} = \"{v}\""),
        ("placeholders/README.md", lambda k, v: f"    export {k}='{v}'"),
        ("placeholders/docker-compose.override.yml", lambda k, v: f"      {k}: \"{v}\""),
    ]
    names_ph = ["DB_PASSWORD", "API_KEY", "AUTH_TOKEN", "SECRET_KEY", "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "SMTP_PASSWORD",
                "SLACK_BOT_TOKEN", "OPENAI_API_KEY", "NEO4J_AUTH", "AWS_SECRET_ACCESS_KEY", "SENDGRID_API_KEY",
                "DATADOG_API_KEY", "REDIS_PASSWORD", "JWT_SECRET", "TWILIO_AUTH_TOKEN", "ADMIN_PASSWORD", "VAULT_TOKEN",
                "MONGO_PASSWORD", "ENCRYPTION_KEY"]
    for li, (rel, fmt) in enumerate(layouts):
        head = {"placeholders/config.example.yaml": ["credentials:"],
                "placeholders/docker-compose.override.yml": ["services:", "  app:", "    environment:"],
                "placeholders/README.md": ["# Setup", "", "Set these before running:", ""]}.get(rel, [])
        ind = "  " if rel.endswith("config.example.yaml") else ""
        body = []
        for k, v in zip(names_ph, ph[li:] + ph[:li]):
            body.append(ind + fmt(k, v))
        c.write(f"{N}/{rel}", "\n".join(head + body) + "\n", "yaml" if rel.endswith((".yaml", ".yml")) else None)
        for ln in body:
            c.negative(f"{N}/{rel}", ln.strip(), "placeholder")
    uris_ph = ["bolt://neo4j:[PASSWORD]@localhost:7687", "postgresql://<user>:<password>@<host>:5432/<db>",
               "mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/", "redis://:${REDIS_PASSWORD}@redis:6379/0",
               "amqp://guest:${RABBITMQ_PASS}@rabbitmq:5672/", "mysql://root:[YOUR_PASSWORD]@127.0.0.1:3306/app",
               "jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}", "https://hooks.slack.com/services/<TEAM>/<CHANNEL>/<TOKEN>"]
    c.write(f"{N}/placeholders/connection-strings.md", "\n".join(["# Connection strings", ""] + [f"- `{u}`" for u in uris_ph]) + "\n")
    for u in uris_ph:
        c.negative(f"{N}/placeholders/connection-strings.md", u, "placeholder")

    # 7. CI cache keys and 8. GitHub expressions
    wf = ["name: ci", "on: [push, pull_request]", "jobs:", "  build:", "    runs-on: ubuntu-latest", "    steps:",
          "      - uses: actions/checkout@v4"]
    cache_lines, expr_lines = [], []
    for i in range(6):
        ln = [f"          key: ${{{{ runner.os }}}}-cargo-${{{{ hashFiles('**/Cargo.lock') }}}}-v{i}",
              f"          key: {hexs(40)}-node-modules-{i}",
              f"          key: deps-{R.randint(2023, 2026)}{rs(DIG, 4)}-${{{{ hashFiles('package-lock.json') }}}}",
              f"          key: ${{{{ runner.os }}}}-pip-{hexs(16)}",
              f"          key: gradle-{rs(LA, 20)}-${{{{ github.sha }}}}",
              f"          key: v{i}-${{{{ runner.os }}}}-build-${{{{ env.cache-name }}}}-${{{{ hashFiles('**/yarn.lock') }}}}"][i]
        wf += ["      - uses: actions/cache@v4", "        with:", "          path: ~/.cache", ln]
        cache_lines.append(ln.strip())
    for i in range(5):
        ln = [f"          prefix-key: \"v{i}-rust-{hexs(8)}\"", f"          shared-key: \"stable-{rs(LA, 12)}\"",
              f"          key: \"{hexs(32)}\"", f"          prefix-key: v{i}-rust", f"          shared-key: {rs(LA, 24)}"][i]
        wf += ["      - uses: Swatinem/rust-cache@v2", "        with:", ln]
        cache_lines.append(ln.strip())
    exprs = ["password: ${{ secrets.DOCKERHUB_TOKEN }}", "token: ${{ secrets.GITHUB_TOKEN }}",
             'certificate-password: "${{ inputs.certificate-password }}"', "api-key: ${{ secrets.API_KEY }}",
             "access-token: ${{ steps.auth.outputs.access_token }}", "client-secret: ${{ vars.OAUTH_CLIENT_SECRET }}",
             "npm-token: ${{ secrets.NPM_TOKEN }}", 'aws-secret-access-key: "${{ secrets.AWS_SECRET_ACCESS_KEY }}"',
             "github-token: ${{ github.token }}", "registry-password: ${{ env.REGISTRY_PASSWORD }}",
             "signing-key: ${{ secrets.GPG_PRIVATE_KEY }}", "sonar-token: ${{ secrets.SONAR_TOKEN }}"]
    for i, e in enumerate(exprs):
        wf += [f"      - uses: acme/action-{i}@v1", "        with:", f"          {e}"]
        expr_lines.append(e)
    wf += ["      - run: cargo test --locked", ""]
    c.write(f"{N}/ci/.github/workflows/ci.yml", "\n".join(wf), "yaml")
    for ln in cache_lines:
        c.negative(f"{N}/ci/.github/workflows/ci.yml", ln, "ci-cache-key")
    for ln in expr_lines:
        c.negative(f"{N}/ci/.github/workflows/ci.yml", ln, "ci-expression")
    gl = ["build:", "  image: docker:27", "  script:",
          "    - echo \"$CI_REGISTRY_PASSWORD\" | docker login -u \"$CI_REGISTRY_USER\" --password-stdin $CI_REGISTRY",
          "    - docker login -u gitlab-ci-token -p $CI_JOB_TOKEN registry.gitlab.com",
          "  cache:", f"    key: \"$CI_COMMIT_REF_SLUG-{hexs(12)}\"", "    paths: [node_modules/]",
          "  variables:", "    NPM_TOKEN: $NPM_AUTH_TOKEN", '    VAULT_TOKEN: "${VAULT_CI_TOKEN}"', ""]
    c.write(f"{N}/ci/.gitlab-ci.yml", "\n".join(gl), "yaml")
    for needle, kind in [("$CI_REGISTRY_PASSWORD", "ci-expression"), ("-p $CI_JOB_TOKEN", "ci-expression"),
                         ("$CI_COMMIT_REF_SLUG-", "ci-cache-key"), ("NPM_TOKEN: $NPM_AUTH_TOKEN", "ci-expression"),
                         ('VAULT_TOKEN: "${VAULT_CI_TOKEN}"', "ci-expression")]:
        c.negative(f"{N}/ci/.gitlab-ci.yml", needle, kind)

    # 8b. compose files and Kubernetes manifests that reference secrets instead of holding them
    comp = ["services:", "  db:", "    image: postgres:16", "    environment:",
            "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}",
            "      POSTGRES_PASSWORD_FILE: /run/secrets/db_password", "    secrets:", "      - db_password",
            "    healthcheck:", '      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER}"]',
            "  mysql:", "    image: mysql:8.4", "    environment:", "      - MYSQL_ROOT_PASSWORD=${MYSQL_ROOT_PASSWORD}",
            "    healthcheck:", '      test: ["CMD", "mysqladmin", "ping", "-uroot", "-p$$MYSQL_ROOT_PASSWORD"]',
            "  api:", "    image: ghcr.io/acme/api:1.4.2", "    env_file: [.env]", "    environment:",
            "      DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app",
            "      REDIS_URL: redis://:${REDIS_PASSWORD:-}@cache:6379/0", "      STRIPE_SECRET_KEY: ${STRIPE_SECRET_KEY}",
            "      JWT_SECRET: ${JWT_SECRET:?}", "secrets:", "  db_password:", "    file: ./secrets/db_password.txt", ""]
    c.write(f"{N}/compose/docker-compose.yml", "\n".join(comp), "yaml")
    for needle in ["POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?", "POSTGRES_PASSWORD_FILE: /run/secrets/db_password",
                   "pg_isready -U $${POSTGRES_USER}", "MYSQL_ROOT_PASSWORD=${MYSQL_ROOT_PASSWORD}", "-p$$MYSQL_ROOT_PASSWORD",
                   "app:${DB_PASSWORD}@db", "redis://:${REDIS_PASSWORD:-}@", "STRIPE_SECRET_KEY: ${STRIPE_SECRET_KEY}",
                   "JWT_SECRET: ${JWT_SECRET:?}", "file: ./secrets/db_password.txt"]:
        c.negative(f"{N}/compose/docker-compose.yml", needle, "secret-reference")
    kref = ["apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: api", "spec:", "  template:", "    spec:",
            "      containers:", "        - name: api", "          image: acme/api:1.4.2", "          env:",
            "            - name: DB_PASSWORD", "              valueFrom:", "                secretKeyRef:",
            "                  name: db-credentials", "                  key: password", "            - name: API_TOKEN",
            "              valueFrom:", "                secretKeyRef: {name: api-token, key: token}",
            "          envFrom:", "            - secretRef:", "                name: app-secrets", ""]
    c.write(f"{N}/compose/k8s-deployment.yaml", "\n".join(kref), "yaml")
    for needle in ["name: DB_PASSWORD", "key: password", "name: API_TOKEN", "secretKeyRef: {name: api-token, key: token}",
                   "name: app-secrets"]:
        c.negative(f"{N}/compose/k8s-deployment.yaml", needle, "secret-reference")

    # 9. emulator keys published by Microsoft
    em = [("compose", f"      AZURE_STORAGE_CONNECTION_STRING: \"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE_KEY};BlobEndpoint=http://azurite:10000/devstoreaccount1;\""),
          ("compose", f"      COSMOS_KEY: \"{COSMOS_EMULATOR_KEY}\"")]
    c.write(f"{N}/emulators/docker-compose.yml", "\n".join(
        ["services:", "  azurite:", "    image: mcr.microsoft.com/azure-storage/azurite", "  api:", "    image: acme/api:dev",
         "    environment:"] + [ln for _, ln in em] + [""]), "yaml")
    c.negative(f"{N}/emulators/docker-compose.yml", AZURITE_KEY, "emulator-key")
    c.negative(f"{N}/emulators/docker-compose.yml", COSMOS_EMULATOR_KEY, "emulator-key")
    c.write(f"{N}/emulators/appsettings.Development.json", json.dumps(
        {"ConnectionStrings": {"Storage": f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;",
                               "Cosmos": f"AccountEndpoint=https://localhost:8081/;AccountKey={COSMOS_EMULATOR_KEY}"}}, indent=2) + "\n", "json")
    c.negative(f"{N}/emulators/appsettings.Development.json", AZURITE_KEY, "emulator-key")
    c.negative(f"{N}/emulators/appsettings.Development.json", COSMOS_EMULATOR_KEY, "emulator-key")
    c.write(f"{N}/emulators/conftest.py", "\n".join(
        ["import pytest", "", f'AZURITE_ACCOUNT_KEY = "{AZURITE_KEY}"', "", "@pytest.fixture", "def blob_service():",
         "    from azure.storage.blob import BlobServiceClient",
         "    return BlobServiceClient('http://127.0.0.1:10000/devstoreaccount1', credential={'account_name': 'devstoreaccount1', 'account_key': AZURITE_ACCOUNT_KEY})", ""]))
    c.negative(f"{N}/emulators/conftest.py", AZURITE_KEY, "emulator-key")
    c.write(f"{N}/emulators/local.settings.json", json.dumps({"IsEncrypted": False, "Values": {
        "AzureWebJobsStorage": "UseDevelopmentStorage=true",
        "CosmosConnection": f"AccountEndpoint=https://localhost:8081/;AccountKey={COSMOS_EMULATOR_KEY};"}}, indent=2) + "\n", "json")
    c.negative(f"{N}/emulators/local.settings.json", COSMOS_EMULATOR_KEY, "emulator-key")
    c.negative(f"{N}/emulators/local.settings.json", "UseDevelopmentStorage=true", "emulator-key")
    c.write(f"{N}/emulators/azurite.env", f"AZURITE_ACCOUNTS=devstoreaccount1:{AZURITE_KEY}\n")
    c.negative(f"{N}/emulators/azurite.env", AZURITE_KEY, "emulator-key")

    # 10. keys their vendors publish in docs and SDK samples
    gk, (aid, ak) = GOOGLE_MAPS_SAMPLE_KEY, ALGOLIA_DEMO
    c.write(f"{N}/samples/maps/index.html", "\n".join(
        ["<!doctype html>", "<html>", "  <head><title>Simple Map</title></head>", "  <body>", '    <div id="map"></div>',
         f'    <script src="https://maps.googleapis.com/maps/api/js?key={gk}&callback=initMap&v=weekly" defer></script>',
         "  </body>", "</html>", ""]))
    c.negative(f"{N}/samples/maps/index.html", gk, "vendor-published-key")
    c.write(f"{N}/samples/maps/MapView.jsx", "\n".join(
        ["import { LoadScript, GoogleMap } from '@react-google-maps/api';", "", "export function MapView() {", "  return (",
         f'    <LoadScript googleMapsApiKey="{gk}">', "      <GoogleMap zoom={13} />", "    </LoadScript>", "  );", "}", ""]))
    c.negative(f"{N}/samples/maps/MapView.jsx", gk, "vendor-published-key")
    c.write(f"{N}/samples/maps/README.md", "\n".join(
        ["# Maps sample", "", "The sample runs with the key from Google's own examples:", "", "```", f"GOOGLE_MAPS_API_KEY={gk}", "```", ""]))
    c.negative(f"{N}/samples/maps/README.md", gk, "vendor-published-key")
    c.write(f"{N}/samples/search/app.js", "\n".join(
        ["import algoliasearch from 'algoliasearch/lite';", "import instantsearch from 'instantsearch.js';", "",
         f"const searchClient = algoliasearch('{aid}', '{ak}');", "",
         "const search = instantsearch({ indexName: 'instant_search', searchClient });", "search.start();", ""]))
    c.negative(f"{N}/samples/search/app.js", ak, "vendor-published-key")
    c.write(f"{N}/samples/search/App.tsx", "\n".join(
        ["export const App = () => (", f'  <InstantSearch appId="{aid}"', f'    apiKey="{ak}"', '    indexName="instant_search">',
         "    <SearchBox />", "  </InstantSearch>", ");", ""]))
    c.negative(f"{N}/samples/search/App.tsx", ak, "vendor-published-key")
    c.write(f"{N}/samples/search/config.json", json.dumps({"algolia": {"appId": aid, "searchApiKey": ak, "index": "instant_search"}}, indent=2) + "\n", "json")
    c.negative(f"{N}/samples/search/config.json", ak, "vendor-published-key")
    c.write(f"{N}/samples/search/.env.sample", f"ALGOLIA_APP_ID={aid}\nALGOLIA_SEARCH_KEY={ak}\n")
    c.negative(f"{N}/samples/search/.env.sample", ak, "vendor-published-key")

    # 11. test fixtures named as non-matching
    fx = [("invalidGithubToken", "ghp_" + b62(12)), ("tooShortStripeKey", "sk_live_" + b62(6)), ("badPrefixToken", "ghx_" + b62(36)),
          ("wrongAlphabetSlack", "xoxb-" + rs(LOW, 10) + "-" + rs(LOW, 10)), ("truncatedAwsKey", "AKIA" + rs(UA, 8)),
          ("nonMatchingNpm", "npm_" + b62(10)), ("shouldNotMatchOpenAI", "sk-" + b62(10)), ("notAJwt", "eyJhbGciOi.not-a.jwt"),
          ("malformedGitlab", "glpat-" + b62(8)), ("rejectsLowercaseAws", "akia" + rs(LA, 16)),
          ("invalidSendgrid", "SG." + b62(10)), ("missingChecksum", "ghp_" + b62(30)[:24])]
    go = ["package tokens", "", 'import "testing"', "", "func TestRejectsMalformedTokens(t *testing.T) {", "\tcases := []string{"]
    for n, v in fx:
        go.append(f'\t\t"{v}", // {n}')
    go += ["\t}", "\tfor _, c := range cases {", "\t\tif Valid(c) {", '\t\t\tt.Errorf("%q accepted", c)', "\t\t}", "\t}", "}", ""]
    c.write(f"{N}/tests/tokens/validate_test.go", "\n".join(go))
    py = ["import pytest", "", "from acme.tokens import looks_like_token", "", "NON_MATCHING = {"]
    for n, v in fx:
        py.append(f'    "{n}": "{v}",')
    py += ["}", "", "@pytest.mark.parametrize('name', NON_MATCHING)", "def test_non_matching(name):",
           "    assert not looks_like_token(NON_MATCHING[name])", ""]
    c.write(f"{N}/tests/tokens/test_non_matching.py", "\n".join(py))
    for n, v in fx:
        c.negative(f"{N}/tests/tokens/validate_test.go", f'"{v}", // {n}', "test-fixture-nonmatching")
        c.negative(f"{N}/tests/tokens/test_non_matching.py", f'"{n}": "{v}"', "test-fixture-nonmatching")

    # 12. UUIDs (and other ids) that are no keys, next to unrelated words
    lines, needles = [], []
    for i in range(30):
        u = uuid4()
        f = i % 6
        if f == 0:
            ln = f"2026-11-03T10:{i:02d}:11Z [INFO] request_id={u} method=GET path=/orders status=200"
        elif f == 1:
            ln = f"2026-11-03T10:{i:02d}:12Z [DEBUG] traceId={u} spanId={hexs(16)} sampled=true"
        elif f == 2:
            ln = f"2026-11-03T10:{i:02d}:13Z [INFO] x-correlation-id: {u} user=42 cart_items=3"
        elif f == 3:
            ln = f"2026-11-03T10:{i:02d}:14Z [INFO] job {u} finished in 1.3s (tenant=acme, region=eu)"
        elif f == 4:
            ln = f"2026-11-03T10:{i:02d}:15Z [WARN] retrying delivery {u} attempt=2"
        else:
            ln = f"2026-11-03T10:{i:02d}:16Z [INFO] session {u} opened from 10.0.{i}.7"
        lines.append(ln)
        needles.append(u)
    c.write(f"{N}/logs/app.log", "\n".join(lines) + "\n")
    for u in needles:
        c.negative(f"{N}/logs/app.log", u, "uuid-not-key")
    recs = []
    for i in range(20):
        recs.append({"id": uuid4(), "orderNumber": f"A-{R.randint(100000, 999999)}", "customerId": uuid4(),
                     "sku": f"SKU-{rs(UA, 8)}", "createdAt": f"2026-10-{(i % 28) + 1:02d}T12:00:00Z"})
    text = json.dumps({"orders": recs}, indent=2) + "\n"
    c.write(f"{N}/fixtures/orders.json", text, "json")
    for r in recs:
        c.negative(f"{N}/fixtures/orders.json", r["id"], "uuid-not-key")
        c.negative(f"{N}/fixtures/orders.json", r["customerId"], "uuid-not-key")
    k8s = ["apiVersion: v1", "kind: Pod", "metadata:", "  name: web-7d9f8b6c5-x2kqp", f"  uid: {uuid4()}",
           "  ownerReferences:", "    - kind: ReplicaSet", "      name: web-7d9f8b6c5", f"      uid: {uuid4()}",
           "spec:", "  containers:", "    - name: web", "      image: nginx:1.27"]
    c.write(f"{N}/k8s/pod-dump.yaml", "\n".join(k8s) + "\n", "yaml")
    c.negative(f"{N}/k8s/pod-dump.yaml", k8s[4].split(": ")[1], "uuid-not-key")
    c.negative(f"{N}/k8s/pod-dump.yaml", k8s[8].split(": ")[1], "uuid-not-key")

    # 13. digests that are no credentials: lockfiles, image digests
    lock = ['{', '  "name": "web",', '  "lockfileVersion": 3,', '  "packages": {']
    integ = []
    for i in range(12):
        name = R.choice(["react", "lodash", "axios", "zod", "vite", "jwt-decode", "jsonwebtoken", "dotenv", "stripe", "aws-sdk", "okta-auth-js", "twilio"]) + f"-{i}"
        sri = "sha512-" + base64.b64encode(rbytes(64)).decode()
        lock += [f'    "node_modules/{name}": {{', f'      "version": "1.{i}.0",',
                 f'      "resolved": "https://registry.npmjs.org/{name}/-/{name}-1.{i}.0.tgz",',
                 f'      "integrity": "{sri}"', "    }" + ("," if i < 11 else "")]
        integ.append(sri)
    lock += ["  }", "}", ""]
    c.write(f"{N}/lockfiles/package-lock.json", "\n".join(lock), "json")
    for s in integ:
        c.negative(f"{N}/lockfiles/package-lock.json", s, "digest")
    img = ["FROM python:3.12-slim@sha256:" + hexs(64), "FROM node:22-alpine@sha256:" + hexs(64),
           "FROM ghcr.io/acme/base@sha256:" + hexs(64)]
    c.write(f"{N}/lockfiles/Dockerfile", "\n".join(img[:1] + ["RUN pip install uv"] + [i + " AS node" if k == 0 else i for k, i in enumerate(img[1:])] + ['CMD ["app"]', ""]))
    for i in img:
        c.negative(f"{N}/lockfiles/Dockerfile", i.split("@")[1], "digest")

    c.sources.update({f"negative:{k}": v for k, v in NEGATIVE_SOURCES.items()})


def _snake(name):
    out = ""
    for ch in name:
        out += ("_" + ch.lower()) if ch.isupper() else ch
    return out


# --------------------------------------------------------------------------- output

README = """# Second, blind recall corpus (issue 13)

Generated by `benches/recall/make_corpus2.py` (fixed seed: re-running it rewrites the text
files byte for byte; the four binary key stores are generated once and kept). Do not edit
by hand, and do not use these files as rule examples: the corpus is an independent
measurement of `rules/secrets/`, written without reading them.

How it was written: credential formats from each provider's own documentation (the URL of
every type is in `expected.json` → `sources`); the split between `gitleaks-types` and
`beyond-types` from gitleaks' public documentation (README and release notes naming the
providers its rules cover), not from its rule file; no scanner's rule files, regexes or
unit-test inputs were read. Values are random in the documented shape (prefix, length,
alphabet), with the documented checksum or structure where there is one (GitHub and npm
CRC32/base62 suffix, PyPI macaroon, JWTs signed with HMAC-SHA256 over real base64url JSON,
Mapbox/Sentry/1Password/Grafana base64 JSON segments, deterministic RSA/EC/Ed25519 keys).
None is a live credential.

- `gitleaks-types/`: {n_g} secrets of {t_g} credential types gitleaks documents rules for.
- `beyond-types/`: {n_b} secrets of {t_b} types gitleaks has no rule for (GitHub's
  secret-scanning partner list, trufflehog's and providers' documentation).
- `structural/`: {n_s} secrets recognisable by structure rather than by provider:
  `curl -u`, `Authorization: Basic|Bearer` in shell, `.http` files and logs; Kubernetes
  Secrets (`data:` base64 and `stringData:`); Docker `config.json` / `.dockercfg` auths;
  credentials in mongodb+srv / amqps / rediss / postgresql / mysql / jdbc URIs and ADO
  connection strings; JWTs in Java / Go / JS / TS literals; Azure SAS tokens, storage and
  Cosmos keys; Slack / Teams / Discord webhooks; PEM / OpenSSH / PuTTY / .p8 keys, a GCP
  service-account file, and binary key stores (.p12, .pfx, .jks, .keystore) reported by path.
- `negatives/`: {n_n} lines that must not be flagged, {k_n} kinds: {kinds}.

Every provider appears in two or three file layouts among: {layouts}.

`expected.json`: `secrets[]` (`path`, `line`, `end_line`, `secret_line`, `type`, `corpus`;
`col`, `len`, `sha256` locate the planted value on `secret_line`; `by_path` marks files
reported by path, where any finding in the file counts), `negatives[]` (`path`, `line`,
`end_line`, `kind`), `sources` (type → documentation). A secret counts as found when a
finding in its file starts on a line in `[line, end_line]`; a negative is flagged when a
finding starts on its line.

Measure: `python3 benches/recall/measure.py --corpus recall2 --peers` (see
`benches/recall/RESULTS2.md`); `cargo test --test secrets_recall2` checks the manifest.
"""


def build():
    c = Corpus()
    provider_cases(c)
    structural(c)
    negatives(c)
    c.resolve()
    return c


def validate(c, root):
    import yaml
    for path, kind in sorted(c.parse.items()):
        text = c.files[path]
        try:
            if kind == "json":
                json.loads(text)
            elif kind == "yaml":
                yaml.safe_load(text)
            elif kind == "yaml-multi":
                list(yaml.safe_load_all(text))
            elif kind == "python":
                compile(text, path, "exec")
            elif kind == "toml":
                import tomllib
                tomllib.loads(text)
        except Exception as e:  # noqa: BLE001 - report which file does not parse
            raise SystemExit(f"{path} does not parse as {kind}: {e}")


def write(c, root, regen):
    keep = {}
    if os.path.isdir(root):
        for p in c.files:
            if p.endswith(KEYSTORE_SUFFIXES) and os.path.exists(os.path.join(root, p)):
                keep[p] = open(os.path.join(root, p), "rb").read()
        shutil.rmtree(root)
    os.makedirs(root)
    for path, text in c.files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if text is None:
            if path in keep and not regen:
                open(full, "wb").write(keep[path])
            continue
        with open(full, "w", newline="\n") as fh:
            fh.write(text)
    write_keystores(root, regen)
    count = lambda cat: sum(1 for s in c.secrets if s["corpus"] == cat)  # noqa: E731
    types = lambda cat: len({s["type"] for s in c.secrets if s["corpus"] == cat})  # noqa: E731
    kinds = sorted({n["kind"] for n in c.negatives})
    with open(os.path.join(root, "README.md"), "w") as fh:
        fh.write(README.format(n_g=count("gitleaks-types"), t_g=types("gitleaks-types"), n_b=count("beyond-types"),
                               t_b=types("beyond-types"), n_s=count("structural"), n_n=len(c.negatives), k_n=len(kinds),
                               kinds=", ".join(f"`{k}`" for k in kinds), layouts=", ".join(f"`{k}`" for k in cl.LAYOUTS)))
    manifest = {"version": 1,
                "note": "Generated by benches/recall/make_corpus2.py. A secret counts as found when a finding in the same "
                        "file starts on a line in [line, end_line] (any line of the file when by_path); a negative is "
                        "flagged when a finding starts in [line, end_line].",
                "secrets": sorted(c.secrets, key=lambda s: (s["path"], s["line"], s["secret_line"])),
                "negatives": sorted(c.negatives, key=lambda n: (n["path"], n["line"])),
                "sources": dict(sorted(c.sources.items()))}
    with open(os.path.join(root, "expected.json"), "w") as fh:
        json.dump(manifest, fh, indent=1)
        fh.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=ROOT)
    ap.add_argument("--regen-keystores", action="store_true", help="rewrite the binary key stores too")
    ap.add_argument("--check", action="store_true", help="regenerate into a temp dir and compare with --out")
    args = ap.parse_args()
    c = build()
    validate(c, args.out)
    if args.check:
        with tempfile.TemporaryDirectory() as td:
            tmp = os.path.join(td, "recall2")
            shutil.copytree(args.out, tmp)
            write(c, tmp, False)
            diff = subprocess.run(["diff", "-r", "-q", args.out, tmp], capture_output=True, text=True)
            if diff.returncode:
                sys.exit("corpus differs from its generator:\n" + diff.stdout)
        print("corpus matches its generator")
        return
    write(c, args.out, args.regen_keystores)
    n = {cat: sum(1 for s in c.secrets if s["corpus"] == cat) for cat in ("gitleaks-types", "beyond-types", "structural")}
    print(f"wrote {args.out}: {n}, {len({s['type'] for s in c.secrets})} types, {len(c.negatives)} negatives, "
          f"{len(c.files)} files")


if __name__ == "__main__":
    main()
