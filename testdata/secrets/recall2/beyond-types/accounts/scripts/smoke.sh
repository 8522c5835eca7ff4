#!/bin/sh
# smoke test of the upstream APIs after a deploy
set -e

curl -fsS -H "Authorization: Bearer https://4af997cf3c8e2b612c836bc29137e8f1@app.deepsource.com" https://app.deepsource.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer b9568a62-be4c-42f2-887a-eabb81441156" https://pro-api.coinmarketcap.com/v1/me | jq .
