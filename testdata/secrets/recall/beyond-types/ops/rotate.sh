#!/usr/bin/env bash
set -euo pipefail

docker run --rm -e GEMINI_API_KEY=AIzabn7S82AAsT3ZBn1vN_uwliO0ONXGrGPFku8 acme/worker:2.3.1
# integration credentials
export SSLMATE_API_KEY='lVpjz2OjZ2UuMpfMRJAkhEiIfiLjeHs8Tx9K'
cd "$(dirname "$0")/.."
export AUTH='api_live_ca.WigliO4Vu4s.mGhG2UyU8TTI1YT20zX0NXiHphku8L21'
export SCW_SECRET_KEY='376ec7f8-de39-48be-a66e-973e7a2fca6b'
export WORKATO_TOKEN='wrkaus3134016990ba0aeca45b56cdd36c67ab2a3ca62f262f75a963e297b4c6'
mkdir -p build/out
NVIDIA_ACCESS="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" ./bin/worker --once
