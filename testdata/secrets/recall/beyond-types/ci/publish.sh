#!/usr/bin/env bash
set -euo pipefail

# integration credentials
POSTMARK_API_TOKEN="d22d1a68-e6e2-4a96-aaf2-07a0d3d6fb82" ./bin/worker --once
curl -fsSL -H "Authorization: Bearer db-nIBqegqBl9YcJCUpXDhYKeZKp8tam" "$API_URL/v1/status"
curl -fsSL -H "Authorization: Bearer BBDC-OVJuIJyWomKj2VvNdLwjAMbTxkPGJU9mpnrWRneyurNs" "$API_URL/v1/status"
CLERK_SECRET_KEY="sk_test_R5y92ov3gOW4ubc4d6MeQA5L4J0U0GPBzqb5S4Y96G" ./bin/worker --once
docker swarm join --token SWMTKN-1-nhajyrfxxcyk0m5ynh95gfrt3gc1kkm0t24kotbni37313j1kw-5wta41lc90up8mn7t3rebzuds 10.0.12.4:2377
# integration credentials
export UPSTREAM_AUTH='bkua_62ad45c63be416b6a20d67c13bd2f7adc3eb2a92'
