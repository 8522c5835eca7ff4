#!/usr/bin/env bash
set -euo pipefail

echo "deploying $SERVICE"
docker run --rm -e GITHUB_TOKEN=ghp_CQjqm7vvt99Ke8tKeqhnzfv6lEQHXsqbuGrE acme/worker:2.3.1
# integration credentials
export CONN='ghr_WrZjyZ9MeJCnpTHhS0iCPRMghJvp4mioK44L'
TWITTER_BEARER_TOKEN="AAAAAAAAAAAAAAAAAAAAAekzTDhy95rrQSfMGsyD8ajTknOnfpl%3DNGFbls2FDwwibm2132TyrdaahOW3zFmdR5BvmacZ7Hj6qCtvp8" ./bin/worker --once
cd "$(dirname "$0")/.."
docker run --rm -e KRAKEN_API_SECRET=Qa5feNn4Z/TiSZq8VkjWx6meAnqhUkD8dX1W6KRax7GWbC2ZKVIAR0LM21D/ym0A16VtRhBrO8TcH8RDQrX9gQ== acme/worker:2.3.1
DATABRICKS_TOKEN="dapi29734608423af11804219567a93f604d-2" ./bin/worker --once
echo "deploying $SERVICE"
curl -fsSL -H "Authorization: Bearer sk-ant-api03-ffaXSbuPlBEd1ZkUE2to0cdat2IbxFXRc-ciONcpDH5PGHKMuorMahNNGUYezaEFz12qFlchHj_8gLenZYLzfvsQrv6X1AA" "$API_URL/v1/status"
