#!/usr/bin/env bash
set -euo pipefail

# integration credentials
TFC_TOKEN="PLlRDx56wKdhfc.atlasv1.Z-f9bF_ITiM_39F9PmQmQHUuLGek2IXM_1tohLNLfYKa4YHnRCnWByp4b6nhZPUsAyy" ./bin/worker --once
FT_SECRET="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" ./bin/worker --once
bundle config --local enterprise.contribsys.com "efafbc73:5c780176"
export SQUARESPACE_TOKEN='b3afb36c-8903-4f2b-b533-e47538db25b4'
mkdir -p build/out
ACCOUNT_SECRET="A3-4F7CHA-N9K5R9-FDPSH-38R9M-ZWC5R-VFKFK-ZX3B4" ./bin/worker --once
curl -fsSL -H "Authorization: Bearer ZXlKaGJHY2lPaUpJVXpJMU5pSXNJblI1Y0NJNklrcFhWQ0o5LmV5SnpkV0lpT2lJME9HTTJabU5sWkMwelpqQTNMVFJrWVdNdE9EQmpNQzFsT1dNd1ptUmtOemt3TnpnaUxDSnBZWFFpT2pFM016RXdORGt4TkRJc0ltVjRjQ0k2TVRnek9EZzBOamt3TkgwLkN0a3k1LW91Tl9rRnpPNEhFNGlxdXl6ZmJLNDUycFpFS1lZNUdlSXZpSEE=" "$API_URL/v1/status"
