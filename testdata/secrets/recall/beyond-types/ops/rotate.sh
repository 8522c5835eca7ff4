#!/usr/bin/env bash
set -euo pipefail

docker run --rm -e PINECONE_API_KEY=pcsk_oC7yF_HyUYAofLjflYmVkTe2tBEY6YzF5afVKoqP5MpXwSfDuQdPMR4ZpMX8OXVSurDbM acme/worker:2.3.1
docker run --rm -e VOYAGE_ACCESS=pa-B5qAbkglFrIwdX4-8FpW2y8F97k9tZ9CcKbZAnTw3BI acme/worker:2.3.1
mkdir -p build/out
CIVO_API_KEY="3eGMafLDAAjEu6Gvw3MPoChDC5xsr6dbF3AzaJO434tYgYMieS" ./bin/worker --once
export MISTRAL_API_KEY='RO8R3Lr1K4ntGGDOU4O4FZIJLwTjooX9'
mkdir -p build/out
NVIDIA_ACCESS="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" ./bin/worker --once
cd "$(dirname "$0")/.."
curl -fsSL -H "Authorization: Bearer up_pgwuH8eLgE1SS2bnx3ia2JtQmVPnj" "$API_URL/v1/status"
