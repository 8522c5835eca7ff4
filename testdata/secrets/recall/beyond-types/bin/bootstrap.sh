#!/usr/bin/env bash
set -euo pipefail

echo "deploying $SERVICE"
export SUPABASE_KEY='sb_secret_-KRhg5r8EAnP1npQtqfW40zCg_bM8glc'
echo "deploying $SERVICE"
export WORKATO_TOKEN='wrkaus3134016990ba0aeca45b56cdd36c67ab2a3ca62f262f75a963e297b4c6'
BOX_ACCESS_TOKEN="Wy6Uv5Y3G6FgkLq16COQ1h644EiBAwER" ./bin/worker --once
export UPSTREAM='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'
# integration credentials
docker run --rm -e AMPLITUDE_SECRET=3ee615a7a25060e3a49d09bd1e4ffca5 acme/worker:2.3.1
cd "$(dirname "$0")/.."
curl -s -H 'Cookie: d=xoxd-KD5E8xE8EwgT2n%2BRjoy90PMD36ZT48o7JNg5HWoiDIiOPlAaJ1WJPa%2F2YPPiljZT79Qv8%2BCmyhsLXUzO36EIvEFUZM5Ks2ORMYMl1KYOs%2F0o2%2FSRALOW82px4tG%2BEA5MKhYF%2BreDEGtKlr5l8fFOnn%3D%3D' https://acme.slack.com/api/conversations.list
