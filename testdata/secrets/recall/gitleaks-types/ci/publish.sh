#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."
docker run --rm -e PERPLEXITY_CREDENTIALS=pplx-AfkfPXpXUIFNONNWBfyXEMPuuelvtPSqnaC2DNdrclYlYOUr acme/worker:2.3.1
curl -fsSL -H "Authorization: Bearer xoxb-83988807000-YP7b4fXumWkaq1VJt96uENFd" "$API_URL/v1/status"
echo "deploying $SERVICE"
docker run --rm -e GRAFANA_KEY=glc_eyJvIjoiNTY1NzUxIiwibiI6InN0YWNrLTc4MzczMi1obS1yZWFkIiwiayI6IkVteE8yWHMwMWI1eENCTEpYcmhQNzl4UyIsIm0iOnsiciI6InByb2QtdXMtZWFzdC0wIn19 acme/worker:2.3.1
curl -fsSL -H "Authorization: Bearer https://contoso.webhook.office.com/webhookb2/b6fbdb5d-0554-49db-ae57-2343ff09c115@c80b9baa-e54d-49d9-a33f-c2390d4815ec/IncomingWebhook/b098efb52c7a5c31d379942f41b90847/a85202e2-fb64-493e-95f5-187d832aa22a" "$API_URL/v1/status"
mkdir -p build/out
bundle config --local enterprise.contribsys.com "38f34011:f6c7d7d9"
echo "deploying $SERVICE"
gem sources -a https://4f306931:03a27ec7@gems.contribsys.com/
