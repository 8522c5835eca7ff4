#!/usr/bin/env bash
set -euo pipefail

export DROPBOX_TOKEN='3mot8g9GIYyAAAAAAAAAAUS30UDAjYR0bx00HO40nptRKyaQ84KalN6h7aICdYB8'
# integration credentials
SNYK_API_TOKEN="74fa33df-4b5b-4e4f-98b3-c3566ecc1fbe" ./bin/worker --once
DATABRICKS_TOKEN="dapib0be7c5ee4074c5de57a7a7d24b5a09e" ./bin/worker --once
mkdir -p build/out
export NEWRELIC_API_ID='QRNL99SDWL3FD8PRQ22UJODHC8J6SM3HMND1P18O9630FZUZSI4J6SUBHKWGF8FW'
cd "$(dirname "$0")/.."
docker run --rm -e BEARER=glagent-uGEW8oM5RgQVm_NlT4kk9aHtnU6k_8gHeSzZA6GtO7pEOSJwl1 acme/worker:2.3.1
# integration credentials
export LOB_PUB_KEY='live_pub_bf4d1c55d27a3df2ffe1079961baba0'
