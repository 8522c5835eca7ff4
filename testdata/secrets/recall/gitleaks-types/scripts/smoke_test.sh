#!/usr/bin/env bash
set -euo pipefail

# integration credentials
export SHOPIFY_ACCESS='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'
mkdir -p build/out
docker run --rm -e TRAVIS_TOKEN=ouMFAPZNiwBfI8lqszJ34J acme/worker:2.3.1
mkdir -p build/out
docker run --rm -e FLW_PUBLIC_KEY=FLWPUBK_TEST-80336af54f650e089a31a9440b5c4156-X acme/worker:2.3.1
GOOGLE_MAPS_KEY="AIzaqemCYDuTFsE3NYk-zSqgC20_k3IkOnhQaVA" ./bin/worker --once
DEPLOY_AUTH="gloas-2jk5c1mDJxSaHOGki4g6FTTyTXlWK_DDDdRxGcJ3_uAGESwZNiOywAg9iXzBW6uR" ./bin/worker --once
echo "deploying $SERVICE"
AIRTABLE_API_KEY="keyvxwtEN2qXLVdde" ./bin/worker --once
