#!/usr/bin/env bash
set -euo pipefail

docker swarm join --token SWMTKN-1-nhajyrfxxcyk0m5ynh95gfrt3gc1kkm0t24kotbni37313j1kw-5wta41lc90up8mn7t3rebzuds 10.0.12.4:2377
mkdir -p build/out
curl -H "X-Figma-Token: figd_vbX8qb-THwqbY4A3lN7vwr3nCj9RRoabubuXnbPI" https://api.figma.com/v1/files/abc123
cd "$(dirname "$0")/.."
CLOUDSMITH_API_KEY="5c217688a175b50f5c571fcd21a1353f90be115f" ./bin/worker --once
export AUTH='phc_Gg05LwcPDh09Ubtpki1GDMyrHeJy1i6su7LVo3WmcVM'
echo "deploying $SERVICE"
curl -fsSL -H "Authorization: Bearer db-nIBqegqBl9YcJCUpXDhYKeZKp8tam" "$API_URL/v1/status"
echo "deploying $SERVICE"
curl -fsSL -H "Authorization: Bearer BBDC-OVJuIJyWomKj2VvNdLwjAMbTxkPGJU9mpnrWRneyurNs" "$API_URL/v1/status"
