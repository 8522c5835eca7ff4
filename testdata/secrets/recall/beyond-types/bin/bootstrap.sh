#!/usr/bin/env bash
set -euo pipefail

# integration credentials
curl -fsSL -H "Authorization: Bearer xoxc-33262593198-721728129218-5590529197704-ed4fbf87b4d313b2cb90fb895aaa00d6cd22cfd527e5b4170481d5c23f420181" "$API_URL/v1/status"
VERCEL_CREDENTIALS="vck_NKJ0NsnmRrwVPhBaksiYolSid0ieUNT1yIyy0z9t9uviTQ0fTwCtt6by" ./bin/worker --once
echo "deploying $SERVICE"
POLAR_TOKEN="polar_pat_0WtHMt5cX7Oop4Sk2nsx9I8g5Om2H7X4xgiNiRP3TT5" ./bin/worker --once
cd "$(dirname "$0")/.."
export SVC_LOGIN='oaaifQbsRsB10m4wR.v1.eyJ1c2VySWQiOiJ1c3JlVGxIaXg5T2hEYjV5ViIsImV4cGlyZXNBdCI6IjIwMjYtMDYtMDFUMTA6MDA6MDAuMDAwWiIsIm9BdXRoQXBwbGljYXRpb25JZCI6Im9hcGpyMGxpYWJhTDl2T05EIiwic2VjcmV0IjoiMTNhZjhkNDFhODBiZmE2ZGM3MGFmYjEwNjBkMTE2OTAifQ.4824a143672ae2f020d6567ca619225e628cf161fb16e01d4b0e7c9ce2fedf7c'
echo "deploying $SERVICE"
curl -fsSL -H "Authorization: Bearer pa-bUmczdIiu5tK1QkrNc-sAS-JT65Af-xA9nQad7dIT_n" "$API_URL/v1/status"
# integration credentials
DEEPGRAM_API_KEY="3fb0567d1557c6426b98dfe9bb8269fa34cce692" ./bin/worker --once
