#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."
docker swarm join --token SWMTKN-1-w76y6suki64uzkmgmoazlmncyhs66q7kiqnoksnuxhmqe5wquo-gixdqr1g95fssanvuleog0qhd 10.0.12.4:2377
export PARADIGM_API_KEY='PyC3v0XTie9U6hpfLLoGpTWUolishge8Z2KzRFqc'
mkdir -p build/out
curl -H "X-Figma-Token: figd_WLdjyNurs-RKaDBOjHtRXuxdchVKupWMMkUkI8PR" https://api.figma.com/v1/files/abc123
echo "deploying $SERVICE"
curl -fsSL -H "Authorization: Bearer polar_oat_Pqkwb2Fi0HDboSPMCCR8VHn6iIk5QXGGJ1vT2PpVa9E" "$API_URL/v1/status"
export CLERKSECRETKEY='sk_test_ewqx1AOwCbChLON6l3UFjcKdtHdvp2mzdjb0IAC95m'
curl -fsSL -H "Authorization: Bearer os_v2_app_xk4jgqdq3xmx6wwr2zw32my2tyeqhdfk6s32sbfpkstytox4csqitsgmbqs6i4oylmwgaef64zht52ikkpl42gpc5zc6j5s7tefwiepozqy4jk" "$API_URL/v1/status"
