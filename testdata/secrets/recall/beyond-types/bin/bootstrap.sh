#!/usr/bin/env bash
set -euo pipefail

mkdir -p build/out
BOX_ACCESS_TOKEN="Wy6Uv5Y3G6FgkLq16COQ1h644EiBAwER" ./bin/worker --once
cd "$(dirname "$0")/.."
docker run --rm -e VOYAGE_ACCESS=pa-B5qAbkglFrIwdX4-8FpW2y8F97k9tZ9CcKbZAnTw3BI acme/worker:2.3.1
BOOTSTRAP_VALUE="dvc_mobile_17f3a255_bc9a_4df0_bed8_050b91ce1422_bd6bece" ./bin/worker --once
echo "deploying $SERVICE"
docker run --rm -e AMPLITUDE_SECRET=3ee615a7a25060e3a49d09bd1e4ffca5 acme/worker:2.3.1
echo "deploying $SERVICE"
export MISTRAL_API_KEY='RO8R3Lr1K4ntGGDOU4O4FZIJLwTjooX9'
docker run --rm -e NGROK_API_KEY=25y2zl76uFjvV87cK3z387DM6Ex_RoaFrwoFl27R0CH75IhEI acme/worker:2.3.1
