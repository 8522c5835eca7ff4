#!/usr/bin/env bash
set -euo pipefail

echo "deploying $SERVICE"
export DOPPLER_TOKEN='dp.sa.qcE8TWfQO0Oh2QPxWqlnykke8n4HJQrc4vQ5UZEVbFP'
NETLIFY_AUTH_TOKEN="yGmz8PeAJUcOng9juaj9E8G-HWvqG9z4tKGvIo3X3xB" ./bin/worker --once
# integration credentials
export SNYK_API_TOKEN='aa694cdd-4543-43f3-a173-35667877926e'
cd "$(dirname "$0")/.."
FINNHUB_API_KEY="yr3pku5h2dkrm3kmplvd" ./bin/worker --once
echo "deploying $SERVICE"
DATADOG_APP_TOKEN="8sk3ccsdxjr80wodsrn56jj0a61lhobjk1xrsde5" ./bin/worker --once
MERAKI_API_KEY="33a7c0bdf029bd38b4c2bb196c67bdaaf8b3c7a2" ./bin/worker --once
