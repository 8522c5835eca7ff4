#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."

export GITLAB_DEPLOY_TOKEN="gldt-JNROEgOnzZJsE5c7IMIN"
export SHOPIFY_ACCESS_TOKEN="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"
export SENTRY_USER_TOKEN="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"
export DISCORD_BOT_TOKEN="MjI3Njg2NDE2NDIwODYyNTM2.0XSziA.sa5MvFu2v_rWoVwNqZO2N-1rtw4ZDqiySWx7Bz"
export AIRTABLE_TOKEN="patwg9RwzCzsqMiEF.3e20bca1c6f31baf8b1c25dd462da8ea633b8409e33a981339b9ea5e901105d3"
export EASYPOST_API_KEY="EZAKpKGiK09vL43Ik2pyV9lw2sYkg3y9RdAgrB0Hd6SdUrbmrmDJUZdo9y"
export GEM_HOST_API_KEY="rubygems_d6fc0159280f19865125060c1701a1493702fc4dd289c9fc"

exec ./bin/server --config config/production.toml
