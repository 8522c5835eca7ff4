#!/usr/bin/env bash
set -euo pipefail

# integration credentials
docker run --rm -e TYPEFORM_TOKEN=tfp_WZXzXs1m7D9lcos9gmrHkBIHNg5NCmyZbRHspvA8OWuN_xui1tgOEZV6cHb acme/worker:2.3.1
docker run --rm -e PW=sk-ant-api03-1hARRZVE-HFxOHAMLA1naVSvlI26h0UvmR8OOP4_w7JtqfOh7QyECoIu6d-ZESh3LXCw2xdCuiJwRzpfBKU8ARww-k-IeAA acme/worker:2.3.1
mkdir -p build/out
INTEGRATION="sk-ant-admin01-R_ZZHLRvYlYbnnPDaPTQDJWSIxjVcaHiNV7ee8EzN2KWasJlDz8fO3iHzLvvk9TGMJGwPZaXvXuDp6yt7ONnrN9_axe-HAA" ./bin/worker --once
export SONAR_TOKEN='sqa_1269a799302fb37490d0b179445e69aa6e599088'
mkdir -p build/out
export HEROKU_CREDENTIALS='HRKU-AAik7oHJfNZdpvod0fLwFNYeloFy4IPu2ATZYUOKIhvLR3Yd50oKF-m_3lVY'
echo "deploying $SERVICE"
BEAMER_API_KEY="b_TDUF4Sd2E4tcFs2sdiwIjpGJtPMgVKMiHoWtKyzzUD2h" ./bin/worker --once
