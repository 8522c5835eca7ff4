#!/usr/bin/env bash
set -euo pipefail

# integration credentials
curl -fsSL -H "Authorization: Bearer ZXlKaGJHY2lPaUpJVXpJMU5pSXNJblI1Y0NJNklrcFhWQ0o5LmV5SnpkV0lpT2lJME9HTTJabU5sWkMwelpqQTNMVFJrWVdNdE9EQmpNQzFsT1dNd1ptUmtOemt3TnpnaUxDSnBZWFFpT2pFM016RXdORGt4TkRJc0ltVjRjQ0k2TVRnek9EZzBOamt3TkgwLkN0a3k1LW91Tl9rRnpPNEhFNGlxdXl6ZmJLNDUycFpFS1lZNUdlSXZpSEE=" "$API_URL/v1/status"
mkdir -p build/out
curl -fsSL -H "Authorization: Bearer sat.63syFC-H0Q_Rp1F4Cs9zVL.0bed83b268d94c1e950c6380.4meHkJh08GLo6t39pRTq" "$API_URL/v1/status"
mkdir -p build/out
docker run --rm -e JFROG_APIKEY=AKCp27mUnJ1R5cnoIeboAMQvFGMOQQgKHs7uAgc6nW3ZHJ7X9kL2FTjxROYqyhqCLafVZyhZJ acme/worker:2.3.1
BEAMER_API_KEY="b_TDUF4Sd2E4tcFs2sdiwIjpGJtPMgVKMiHoWtKyzzUD2h" ./bin/worker --once
export LOB_PUB_KEY='live_pub_bf4d1c55d27a3df2ffe1079961baba0'
echo "deploying $SERVICE"
bundle config --local enterprise.contribsys.com "efafbc73:5c780176"
