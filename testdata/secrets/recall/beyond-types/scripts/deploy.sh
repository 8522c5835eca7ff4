#!/usr/bin/env bash
set -euo pipefail

echo "deploying $SERVICE"
curl -s -H 'Cookie: d=xoxd-KD5E8xE8EwgT2n%2BRjoy90PMD36ZT48o7JNg5HWoiDIiOPlAaJ1WJPa%2F2YPPiljZT79Qv8%2BCmyhsLXUzO36EIvEFUZM5Ks2ORMYMl1KYOs%2F0o2%2FSRALOW82px4tG%2BEA5MKhYF%2BreDEGtKlr5l8fFOnn%3D%3D' https://acme.slack.com/api/conversations.list
echo "deploying $SERVICE"
export XENDIT_TOKEN='xnd_production_4CPZralthAZwhEVk40UCYdmvOh9VhSfXzgzDwGgkEw1vUYXIQ4TMOcaEUdX9'
mkdir -p build/out
curl -fsSL -H "Authorization: Bearer up_pgwuH8eLgE1SS2bnx3ia2JtQmVPnj" "$API_URL/v1/status"
# integration credentials
export UPSTREAM='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'
echo "deploying $SERVICE"
export SUPABASE_KEY='sb_secret_-KRhg5r8EAnP1npQtqfW40zCg_bM8glc'
cd "$(dirname "$0")/.."
docker run --rm -e PINECONE_API_KEY=pcsk_oC7yF_HyUYAofLjflYmVkTe2tBEY6YzF5afVKoqP5MpXwSfDuQdPMR4ZpMX8OXVSurDbM acme/worker:2.3.1
