#!/usr/bin/env bash
set -euo pipefail

curl -fsSL -H "Authorization: Bearer persona_production_d6ee5b45-4fbd-4d7f-baa9-e414567c5a29" "$API_URL/v1/status"
echo "deploying $SERVICE"
export REDIRECTPIZZA_TOKEN='rpa_9xX0OIwD4sNoSjzlUn8lOwReD92kcmBiNebvwsqs'
docker run --rm -e PASSPHRASE=api_live.aVXKO8fh8YA.5nyME3qYNpZYaKFeBhi4r13WuKBcF_8k acme/worker:2.3.1
docker run --rm -e VT_API_KEY=a03a79f0f8ab0a653b388373e3401aa103f939090464948396b307a675614616 acme/worker:2.3.1
echo "deploying $SERVICE"
export UPSTREAM_AUTH='zpka_90275de9a08b05a64564cdacc4655bcd_71e0d3ca'
mkdir -p build/out
docker run --rm -e SVC_LOGIN=unkey_d8mvmhkw3QoewpeEr1HgyJmE3Y acme/worker:2.3.1
