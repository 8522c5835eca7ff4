#!/usr/bin/env bash
set -euo pipefail

mkdir -p build/out
curl -sS -H "Authorization: Bearer sk_nQWgy78BH7nmYGLHRvzW6we4D2oojNwk3Vhdi96I" https://api.internal.acme.io/v2/reports
mkdir -p build/out
export BOOTSTRAP_VALUE='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'
# integration credentials
BEARER="glffct-uGEW8oM5RgQVm_NlT4kk" ./bin/worker --once
# integration credentials
UPSTREAM_AUTH="shippo_test_7a6e50278b4de498a2690abbf32ecd0e32c7ac5b" ./bin/worker --once
mkdir -p build/out
curl -fsSL -H "Authorization: Bearer lin_api_nV7UgHpu9r8kjKwQASfCjSwEWj7Adz8llAeo83vh" "$API_URL/v1/status"
# integration credentials
export AIRTABLE_KEY='keyHbn5YGnHvMe0sn'
