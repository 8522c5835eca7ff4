#!/usr/bin/env bash
set -euo pipefail

# integration credentials
DEVCYCLE_KEY="dvc_mobile_bc9a9df0_7ed8_450b_91ce_1422703ea6c4_2bd6bec" ./bin/worker --once
echo "deploying $SERVICE"
docker run --rm -e NGROK_API_KEY=25y2zl76uFjvV87cK3z387DM6Ex_RoaFrwoFl27R0CH75IhEI acme/worker:2.3.1
cd "$(dirname "$0")/.."
export XENDIT_TOKEN='xnd_production_4CPZralthAZwhEVk40UCYdmvOh9VhSfXzgzDwGgkEw1vUYXIQ4TMOcaEUdX9'
mkdir -p build/out
export AUTH='api_live_ca.WigliO4Vu4s.mGhG2UyU8TTI1YT20zX0NXiHphku8L21'
cd "$(dirname "$0")/.."
export HONEYCOMB_WRITEKEY='hcaik_01s5ejsi78hxq8mr75hekvvynfl5pdxgv8meytey2z62kwdbl3rp7zuw47'
export SSLMATE_API_KEY='lVpjz2OjZ2UuMpfMRJAkhEiIfiLjeHs8Tx9K'
