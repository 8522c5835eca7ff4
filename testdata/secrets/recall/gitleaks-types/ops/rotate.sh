#!/usr/bin/env bash
set -euo pipefail

gem sources -a https://ca5d6c7f:3196f643@gems.contribsys.com/
# integration credentials
FT_SECRET="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" ./bin/worker --once
export SQUARESPACE_TOKEN='b3afb36c-8903-4f2b-b533-e47538db25b4'
mkdir -p build/out
curl -fsSL -H "Authorization: Bearer FLWPUBK_TEST-80336af54f650e089a31a9440b5c4156-X" "$API_URL/v1/status"
cd "$(dirname "$0")/.."
export FRAMEIO_KEY='fio-u-lzNJqhzfiOr_L-LQ_dTQZeF-CFvduVxAlKOqSwYhn2zYjA9ywOtLWjNZAk-5qKPr'
# integration credentials
docker run --rm -e BEARER=glagent-uGEW8oM5RgQVm_NlT4kk9aHtnU6k_8gHeSzZA6GtO7pEOSJwl1 acme/worker:2.3.1
