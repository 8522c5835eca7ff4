#!/usr/bin/env bash
set -euo pipefail

export HEROKU_CREDENTIALS='HRKU-AAik7oHJfNZdpvod0fLwFNYeloFy4IPu2ATZYUOKIhvLR3Yd50oKF-m_3lVY'
mkdir -p build/out
curl -fsSL -H "Authorization: Bearer AIzaf4swv4Wyc9Fbwgjs7DYMoCF1XP8kUaM50mx" "$API_URL/v1/status"
# integration credentials
curl -fsSL -H "Authorization: Bearer cmVmdGtuOjAxOjY0NDQ0MjEyNDA6S2R0dHF4emNNVG04NVBVOGEzcElaTXBtMjdY" "$API_URL/v1/status"
