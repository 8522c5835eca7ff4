#!/usr/bin/env bash
set -euo pipefail

mkdir -p build/out
export BUILDKITE_TOKEN='bkct_Ghal8snyfx8gnoWXGxun97bQMSRlvfHIDVX5c1mQ'
TABLEAU_PAT_SECRET="z0ixUjpVt09lo5O0oOA3Jg==:po6YuBKzlAv0kc2Zjq4qafJKxtYJQCwB" ./bin/worker --once
echo "deploying $SERVICE"
docker run --rm -e TEMPORAL_CLOUD_KEY=eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJhY2NvdW50X2lkIjoiYWxnaWoiLCJrZXlfaWQiOiJpVlJpdmV5ZFlZY1ZUZk92VGRGYW16eTJWQ2J5N1VHeiJ9.4sxrWHYZtev8CsQRmCV0Eo5lU53IQpzwJE0u-0cKexHa_QVSzSEuNOfURh9uMk5Zgtfeq_G1duLVjfnimhcBYaVoMK1Hooaox6IJyVTSjwXN_9dpRD8inJ5nJ0GWmbspD6byPiJofN3Kq4gzQfC42d4o-OFmUMAWUZIK8MCth2REwKlFTk6InpzUpSTPkE917UUpe-gcz208ilZN2OfgW_Hf7exvJaEliBYjVlisOH3LK-SVWY78nIf3m11UPtQfPgRHRk7XHpFXsw5z6Cg4qeCjCnIA56NP7NgUSSh6VvfPeDufhbtg1sl_q0j9laHX8rrxJPqhzwQrYaTcPP8pVg acme/worker:2.3.1
echo "deploying $SERVICE"
echo 'SWMKEY-1-BSoJWm4tVslYg4WXuzNcy9c4PZ+5S2fFOXUQ9+detR1' | docker swarm unlock
echo "deploying $SERVICE"
PAT="CCIPAT_u6Gvw3MPoChDC5xsr6dbF3_dc093428eec7a3a0112ddc80ca49179eac7c9679" ./bin/worker --once
echo "deploying $SERVICE"
docker run --rm -e ASTRA_ACCESS=AstraCS:7f6edkEC8d7HIKi5OmuBY6BJ:710c20c8489a21a5100930c2f51ce83420d57fbf3b12a626f998181ed8a66972 acme/worker:2.3.1
