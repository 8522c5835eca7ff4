#!/usr/bin/env bash
set -euo pipefail

docker run --rm -e MAXMIND_LICENSE_KEY=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 acme/worker:2.3.1
mkdir -p build/out
curl -s -b "_gitlab_session=f1019f50db04bb3f796989ca416db8c6" https://gitlab.acme.io/api/v4/projects
