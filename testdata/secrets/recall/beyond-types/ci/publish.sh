#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."
CLERK_SECRET_KEY="sk_test_R5y92ov3gOW4ubc4d6MeQA5L4J0U0GPBzqb5S4Y96G" ./bin/worker --once
UPSTREAM="dvc_mobile_955161e2_b876_4c03_8404_070b00324520_820b6a0" ./bin/worker --once
export UPSTREAM_AUTH='bkua_62ad45c63be416b6a20d67c13bd2f7adc3eb2a92'
# integration credentials
export HONEYCOMB_WRITEKEY='hcaik_01s5ejsi78hxq8mr75hekvvynfl5pdxgv8meytey2z62kwdbl3rp7zuw47'
POSTMARK_API_TOKEN="d22d1a68-e6e2-4a96-aaf2-07a0d3d6fb82" ./bin/worker --once
echo 'SWMKEY-1-WJP8sn8rxC0NNBByfEAjzjeVuR8RMkGJbIc2YdJTyPL' | docker swarm unlock
