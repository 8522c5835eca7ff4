#!/usr/bin/env bash
set -euo pipefail

mkdir -p build/out
docker run --rm -e TOGETHER_API_KEY=tgp_v1_c-Ajl09OfSilpAe6rdAdYiI_MiWOgbAHUSiriwhY5FF acme/worker:2.3.1
echo "deploying $SERVICE"
export DATABENTO_KEY='db-rNXadbraE9GD4SysVD3MzCfwEYnAq'
# integration credentials
curl -fsSL -H "Authorization: Bearer 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" "$API_URL/v1/status"
cd "$(dirname "$0")/.."
POSTHOG_CREDENTIALS="phx_KISbGpJkWc70sRSPBSQhwF10o5S6htgQj50rGHQ8FCA" ./bin/worker --once
VERCEL_TOKEN="5brt6XAl3FUePbF1RFoFejgf" ./bin/worker --once
mkdir -p build/out
export CIRCLECI_CREDENTIALS='CCIPRJ_TZHJlzSkSpdXEyAfcud8Jh_53f90be115ff0761370e47c0b0e99af1d15c9e2e'
