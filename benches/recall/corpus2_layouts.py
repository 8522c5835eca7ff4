"""File layouts for the second recall corpus: each renderer turns a few planted
credentials into one realistic file (text), with the surrounding lines a real project
would have. The generator finds each planted value's line afterwards, so a renderer only
has to write the file the way people write it."""

import json

from corpus2_providers import R, rs, LA


def words(env):
    return [w for w in env.lower().split("_") if w]


def camel(env):
    w = words(env)
    return w[0] + "".join(x.capitalize() for x in w[1:])


def pascal(env):
    return "".join(x.capitalize() for x in words(env))


def kw(p):
    """The provider's name as code calls it (`stripe`, `github`)."""
    return p["id"].split("-")[0]


def sect(p):
    """Configuration section of one provider: its name, plus the credential kind when the
    provider issues several (`github_oauth`), so that sections never collide in a file."""
    return p["id"].split("-")[0] if p["id"].count("-") == 0 else "_".join(p["id"].split("-")[:2])


def sq(v):
    return "'" + v + "'"


def dq(v):
    return '"' + v + '"'


def shq(v):
    return sq(v) if "$" in v or " " in v else dq(v)


def host(p):
    return p["host"] or f"api.{kw(p)}.com"


def pairs(it):
    """(name, value) lines of one item: the paired id first when there is one."""
    out = []
    if it["id_name"]:
        out.append((it["id_name"], it["id_value"]))
    out.append((it["p"]["env"], it["value"]))
    return out


def dotenv(items):
    lines = ["# Local settings for the service. Loaded by the process manager at start.",
             "NODE_ENV=production", "PORT=8080", "LOG_LEVEL=info", ""]
    for it in items:
        lines.append(f"# {kw(it['p'])}")
        for n, v in pairs(it):
            lines.append(f"{n}={shq(v) if ' ' in v or '$' in v else v}")
        lines.append("")
    return "\n".join(lines) + "\n"


def compose(items):
    lines = ["services:", "  app:", "    image: ghcr.io/acme/app:2.14.1", "    restart: unless-stopped",
             "    ports:", '      - "8080:8080"', "    environment:"]
    for i, it in enumerate(items):
        for n, v in pairs(it):
            lines.append(f"      - {n}={v}" if i % 2 == 0 and " " not in v else f"      {n}: {dq(v)}")
    # the list and the map form cannot share one key: split them into two services
    out, lst, mp = [], [], []
    for ln in lines[7:]:
        (lst if ln.startswith("      - ") else mp).append(ln)
    out = lines[:7] + (lst or ["      - TZ=UTC"])
    out += ["  worker:", "    image: ghcr.io/acme/worker:2.14.1", "    command: [\"worker\", \"--queue\", \"default\"]",
            "    environment:"] + (mp or ["      TZ: UTC"])
    out += ["    depends_on:", "      - app", ""]
    return "\n".join(out)


def k8s_deploy(items):
    name = rs(LA[:26], 6)
    lines = ["apiVersion: apps/v1", "kind: Deployment", "metadata:", f"  name: {name}-api", "  labels:",
             f"    app: {name}-api", "spec:", "  replicas: 2", "  selector:", "    matchLabels:", f"      app: {name}-api",
             "  template:", "    metadata:", "      labels:", f"        app: {name}-api", "    spec:", "      containers:",
             f"        - name: {name}-api", "          image: registry.internal/acme/api:1.9.3", "          env:"]
    for it in items:
        for n, v in pairs(it):
            lines += [f"            - name: {n}", f"              value: {dq(v)}"]
    lines += ["          ports:", "            - containerPort: 8080", ""]
    return "\n".join(lines)


def gha(items):
    lines = ["name: deploy", "", "on:", "  push:", "    branches: [main]", "", "jobs:", "  deploy:",
             "    runs-on: ubuntu-latest", "    env:"]
    for it in items:
        for n, v in pairs(it):
            lines.append(f"      {n}: {dq(v)}")
    lines += ["    steps:", "      - uses: actions/checkout@v4", "      - run: ./scripts/deploy.sh production", ""]
    return "\n".join(lines)


def gitlab(items):
    lines = ["stages: [test, deploy]", "", "variables:", '  GIT_DEPTH: "10"']
    for it in items:
        for n, v in pairs(it):
            lines.append(f"  {n}: {dq(v)}")
    lines += ["", "deploy:", "  stage: deploy", "  image: alpine:3.20", "  script:", "    - ./deploy.sh", "  only:",
              "    - main", ""]
    return "\n".join(lines)


def json_config(items):
    doc = {"service": "orders", "port": 8080, "debug": False}
    for i, it in enumerate(items):
        p = it["p"]
        section = sect(p)
        if i % 2:
            doc[camel(p["env"])] = it["value"]
            if it["id_name"]:
                doc[camel(it["id_name"])] = it["id_value"]
        else:
            s = doc.setdefault(section, {})
            if it["id_name"]:
                s[camel("_".join(words(it["id_name"])[1:]) or "id")] = it["id_value"]
            s[camel("_".join(words(p["env"])[1:]) or "key")] = it["value"]
    return json.dumps(doc, indent=2) + "\n"


def appsettings(items):
    doc = {"Logging": {"LogLevel": {"Default": "Information"}}, "AllowedHosts": "*"}
    for it in items:
        p = it["p"]
        s = doc.setdefault(pascal(sect(p)), {})
        if it["id_name"]:
            s[pascal(it["id_name"])] = it["id_value"]
        s[pascal(p["env"])] = it["value"]
    return json.dumps(doc, indent=2) + "\n"


def python(items):
    lines = ['"""Production settings."""', "", "import os", "", "DEBUG = False", 'ALLOWED_HOSTS = ["api.acme.io"]', ""]
    for i, it in enumerate(items):
        p = it["p"]
        if i % 3 == 2 and not it["id_name"]:
            lines += [f"{kw(p).upper()}_CLIENT = {{", f'    "base_url": "https://{host(p)}",',
                      f'    "api_key": {dq(it["value"])},', "    \"timeout\": 30,", "}"]
        else:
            for n, v in pairs(it):
                lines.append(f"{n} = {dq(v)}")
        lines.append("")
    return "\n".join(lines)


def golang(items):
    lines = ["package main", "", "import (", '\t"log"', '\t"net/http"', ")", "", "func newClients() {"]
    for it in items:
        for n, v in pairs(it):
            lines.append(f"\t{camel(n)} := {dq(v)}")
    lines.append(f"\tlog.Printf(\"clients ready: %d\", {len(items)})")
    for it in items:
        lines.append(f"\t_ = {camel(it['p']['env'])}")
        if it["id_name"]:
            lines.append(f"\t_ = {camel(it['id_name'])}")
    lines += ["\t_ = http.DefaultClient", "}", ""]
    return "\n".join(lines)


def java(items):
    lines = ["package io.acme.integrations;", "", "import java.util.Properties;", "", "public final class Credentials {",
             "    private Credentials() {}", ""]
    for i, it in enumerate(items):
        for n, v in pairs(it):
            if i % 2:
                lines.append(f"    public static final String {n} = {dq(v)};")
            else:
                lines.append(f"    private static final String {camel(n)} = {dq(v)};")
    lines += ["", "    static Properties load() {", "        Properties props = new Properties();"]
    for it in items:
        p = it["p"]
        lines.append(f'        props.setProperty("{kw(p)}.endpoint", "https://{host(p)}");')
    lines += ["        return props;", "    }", "}", ""]
    return "\n".join(lines)


def javascript(items):
    lines = ["'use strict';", "", "const axios = require('axios');", ""]
    for it in items:
        for n, v in pairs(it):
            lines.append(f"const {camel(n)} = {sq(v)};")
    lines += ["", "module.exports = {"]
    for it in items:
        lines.append(f"  {camel(it['p']['env'])},")
    lines += ["  http: axios.create({ timeout: 10000 }),", "};", ""]
    return "\n".join(lines)


def typescript(items):
    lines = ["import { z } from 'zod';", "", "export const config = {"]
    for it in items:
        p = it["p"]
        lines.append(f"  {camel(sect(p))}: {{")
        lines.append(f"    baseUrl: 'https://{host(p)}',")
        if it["id_name"]:
            lines.append(f"    {camel('_'.join(words(it['id_name'])[1:]) or 'id')}: '{it['id_value']}',")
        lines.append(f"    {camel('_'.join(words(p['env'])[1:]) or 'key')}: '{it['value']}',")
        lines.append("  },")
    lines += ["} as const;", "", "export const Port = z.coerce.number().default(3000);", ""]
    return "\n".join(lines)


def ruby(items):
    lines = ["# frozen_string_literal: true", "", "Rails.application.configure do",
             "  config.cache_classes = true", "  config.eager_load = true"]
    for it in items:
        for n, v in pairs(it):
            lines.append(f"  config.x.{n.lower()} = {sq(v)}")
    lines += ["end", ""]
    return "\n".join(lines)


def php(items):
    lines = ["<?php", "", "return [", "    'name' => 'storefront',", "    'env' => 'production',"]
    for it in items:
        lines.append(f"    '{sect(it['p'])}' => [")
        for n, v in pairs(it):
            lines.append(f"        '{n.lower()}' => {sq(v)},")
        lines.append("    ],")
    lines += ["];", ""]
    return "\n".join(lines)


def csharp(items):
    lines = ["using System;", "using System.Net.Http;", "", "namespace Acme.Billing", "{",
             "    internal static class ServiceKeys", "    {"]
    for i, it in enumerate(items):
        for n, v in pairs(it):
            lines.append(f"        internal const string {pascal(n)} = {dq(v)};" if i % 2 == 0
                         else f"        private static readonly string {pascal(n)} = {dq(v)};")
    lines += ["", "        internal static HttpClient Client() => new HttpClient();", "    }", "}", ""]
    return "\n".join(lines)


def terraform(items):
    lines = ['terraform {', '  required_version = ">= 1.6"', "}", "", "locals {", '  region = "eu-west-1"']
    for it in items:
        for n, v in pairs(it):
            lines.append(f"  {n.lower()} = {dq(v)}")
    lines += ["}", "", 'resource "aws_ssm_parameter" "settings" {', '  name  = "/app/settings"', '  type  = "String"',
              '  value = local.region', "}", ""]
    return "\n".join(lines)


def ini(items):
    lines = ["; service configuration", "[server]", "host = 0.0.0.0", "port = 8080", ""]
    for it in items:
        p = it["p"]
        lines.append(f"[{sect(p)}]")
        lines.append(f"endpoint = https://{host(p)}")
        if it["id_name"]:
            lines.append(f"{'_'.join(words(it['id_name'])[1:]) or 'id'} = {it['id_value']}")
        lines.append(f"{'_'.join(words(p['env'])[1:]) or 'key'} = {it['value']}")
        lines.append("")
    return "\n".join(lines)


def toml(items):
    lines = ["[app]", 'name = "ledger"', "workers = 4", "", "[credentials]"]
    for it in items:
        for n, v in pairs(it):
            lines.append(f"{n.lower()} = {dq(v)}")
    lines.append("")
    return "\n".join(lines)


def shell(items):
    lines = ["#!/usr/bin/env bash", "set -euo pipefail", "", 'cd "$(dirname "$0")/.."', ""]
    for it in items:
        for n, v in pairs(it):
            lines.append(f"export {n}={shq(v)}")
    lines += ["", "exec ./bin/server --config config/production.toml", ""]
    return "\n".join(lines)


def curl_bearer(items):
    lines = ["#!/bin/sh", "# smoke test of the upstream APIs after a deploy", "set -e", ""]
    for it in items:
        p = it["p"]
        if it["id_name"]:
            lines.append(f"curl -fsS -u {shq(it['id_value'] + ':' + it['value'])} https://{host(p)}/v1/account")
        else:
            lines.append(f"curl -fsS -H \"Authorization: Bearer {it['value']}\" https://{host(p)}/v1/me | jq .")
    lines.append("")
    return "\n".join(lines)


def http_file(items):
    lines = ["# Requests for the REST Client extension", "@contentType = application/json", ""]
    for it in items:
        p = it["p"]
        lines += [f"### {kw(p)}: who am I", f"GET https://{host(p)}/v1/me"]
        if it["id_name"]:
            lines.append(f"X-Client-Id: {it['id_value']}")
            lines.append(f"X-Client-Secret: {it['value']}")
        else:
            lines.append(f"Authorization: Bearer {it['value']}")
        lines += ["Accept: {{contentType}}", ""]
    return "\n".join(lines)


def log(items):
    lines = []
    t = R.randint(0, 3000)
    for it in items:
        p = it["p"]
        t += R.randint(1, 40)
        ts = f"2026-11-03T14:{(t // 60) % 60:02d}:{t % 60:02d}.{R.randint(0, 999):03d}Z"
        lines.append(f"{ts} [INFO] http.server - GET /healthz 200 {R.randint(1, 9)}ms")
        if it["id_name"]:
            lines.append(f"{ts} [DEBUG] {kw(p)}.client - credentials id={it['id_value']} secret={it['value']}")
        else:
            lines.append(f"{ts} [DEBUG] {kw(p)}.client - Using Key={it['value']}")
        lines.append(f"{ts} [INFO] {kw(p)}.client - connected to https://{host(p)} in {R.randint(20, 400)}ms")
    lines.append("")
    return "\n".join(lines)


def dockerfile(items):
    lines = ["FROM python:3.12-slim", "WORKDIR /app", "COPY requirements.txt .",
             "RUN pip install --no-cache-dir -r requirements.txt"]
    for i, it in enumerate(items):
        for n, v in pairs(it):
            lines.append(f"{'ENV' if i % 2 == 0 else 'ARG'} {n}={dq(v)}")
    lines += ["COPY . .", 'CMD ["gunicorn", "app:app", "-b", "0.0.0.0:8000"]', ""]
    return "\n".join(lines)


def notebook(items):
    src = ["import os\n", "\n"]
    for it in items:
        for n, v in pairs(it):
            src.append(f'os.environ["{n}"] = "{v}"\n')
    doc = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Exploration of last week's orders\n"]},
                     {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": src},
                     {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [],
                      "source": ["import pandas as pd\n", "df = pd.read_parquet('orders.parquet')"]}],
           "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
           "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(doc, indent=1) + "\n"


def markdown(items):
    lines = ["# Running the service locally", "", "Copy these into your shell before `make run`:", "", "```bash"]
    for it in items:
        for n, v in pairs(it):
            lines.append(f"export {n}={shq(v)}")
    lines += ["```", "", "Then open http://localhost:8080.", ""]
    return "\n".join(lines)


def properties(items):
    lines = ["spring.application.name=inventory", "server.port=8080", "management.endpoints.web.exposure.include=health"]
    for it in items:
        p = it["p"]
        if it["id_name"]:
            lines.append(f"{sect(p)}.{'-'.join(words(it['id_name'])[1:]) or 'id'}={it['id_value']}")
        lines.append(f"{sect(p)}.{'-'.join(words(p['env'])[1:]) or 'key'}={it['value']}")
    lines.append("")
    return "\n".join(lines)


def helm_values(items):
    lines = ["replicaCount: 2", "image:", "  repository: registry.internal/acme/web", '  tag: "3.2.0"', ""]
    for it in items:
        p = it["p"]
        lines.append(f"{camel(sect(p))}:")
        lines.append("  enabled: true")
        if it["id_name"]:
            lines.append(f"  {camel('_'.join(words(it['id_name'])[1:]) or 'id')}: {dq(it['id_value'])}")
        lines.append(f"  {camel('_'.join(words(p['env'])[1:]) or 'key')}: {dq(it['value'])}")
    lines.append("")
    return "\n".join(lines)


# name -> (renderer, file name, parse-check kind)
LAYOUTS = {
    "dotenv": (dotenv, ".env", None),
    "compose": (compose, "docker-compose.yml", "yaml"),
    "k8s-deployment": (k8s_deploy, "k8s/deployment.yaml", "yaml"),
    "github-workflow": (gha, ".github/workflows/deploy.yml", "yaml"),
    "gitlab-ci": (gitlab, ".gitlab-ci.yml", "yaml"),
    "json-config": (json_config, "config/production.json", "json"),
    "appsettings": (appsettings, "appsettings.Production.json", "json"),
    "python": (python, "settings/production.py", "python"),
    "go": (golang, "cmd/server/clients.go", None),
    "java": (java, "src/main/java/io/acme/integrations/Credentials.java", None),
    "javascript": (javascript, "src/clients.js", None),
    "typescript": (typescript, "src/config.ts", None),
    "ruby": (ruby, "config/environments/production.rb", None),
    "php": (php, "config/services.php", None),
    "csharp": (csharp, "src/Acme.Billing/ServiceKeys.cs", None),
    "terraform": (terraform, "infra/main.tf", None),
    "ini": (ini, "conf/service.ini", None),
    "toml": (toml, "config/secrets.toml", "toml"),
    "shell": (shell, "scripts/run.sh", None),
    "curl": (curl_bearer, "scripts/smoke.sh", None),
    "http": (http_file, "api/requests.http", None),
    "log": (log, "logs/app.log", None),
    "dockerfile": (dockerfile, "Dockerfile", None),
    "notebook": (notebook, "notebooks/explore.ipynb", "json"),
    "markdown": (markdown, "docs/local-setup.md", None),
    "properties": (properties, "src/main/resources/application-prod.properties", None),
    "helm-values": (helm_values, "chart/values-prod.yaml", "yaml"),
}
