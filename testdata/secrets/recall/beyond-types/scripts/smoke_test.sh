#!/usr/bin/env bash
set -euo pipefail

curl -H "X-Figma-Token: figd_vbX8qb-THwqbY4A3lN7vwr3nCj9RRoabubuXnbPI" https://api.figma.com/v1/files/abc123
echo "deploying $SERVICE"
export SCW_SECRET_KEY='376ec7f8-de39-48be-a66e-973e7a2fca6b'
echo "deploying $SERVICE"
echo 'SWMKEY-1-WJP8sn8rxC0NNBByfEAjzjeVuR8RMkGJbIc2YdJTyPL' | docker swarm unlock
cd "$(dirname "$0")/.."
docker run --rm -e GEMINI_API_KEY=AIzabn7S82AAsT3ZBn1vN_uwliO0ONXGrGPFku8 acme/worker:2.3.1
export AUTH='phc_Gg05LwcPDh09Ubtpki1GDMyrHeJy1i6su7LVo3WmcVM'
CLOUDSMITH_API_KEY="5c217688a175b50f5c571fcd21a1353f90be115f" ./bin/worker --once
