#!/usr/bin/env bash
set -euo pipefail

docker run --rm -e PW=sk-ant-api03-1hARRZVE-HFxOHAMLA1naVSvlI26h0UvmR8OOP4_w7JtqfOh7QyECoIu6d-ZESh3LXCw2xdCuiJwRzpfBKU8ARww-k-IeAA acme/worker:2.3.1
mkdir -p build/out
docker run --rm -e MAXMIND_LICENSE_KEY=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 acme/worker:2.3.1
mkdir -p build/out
CLIENT_AUTH="AKCp8ww02QbfseR5I2YoV2lH0yPylBjX5QqIDGWc1M0MTHcay1PLw9aOku7UfQnpb4AzfXxJV" ./bin/worker --once
export NEWRELIC_API_ID='QRNL99SDWL3FD8PRQ22UJODHC8J6SM3HMND1P18O9630FZUZSI4J6SUBHKWGF8FW'
mkdir -p build/out
curl -sS -H "Authorization: Bearer sk_mbQCHBMiR7PQde3JQ6n5Nlkar0pdZ0b5v3b3fEOA" https://api.internal.acme.io/v2/reports
mkdir -p build/out
docker run --rm -e TRAVIS_TOKEN=ouMFAPZNiwBfI8lqszJ34J acme/worker:2.3.1
