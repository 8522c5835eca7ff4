#!/usr/bin/env bash
set -euo pipefail

# integration credentials
FB_PAGE_TOKEN="EAAM5mbTabZdfJY12DkloPxZCPfEeBZiMsbQl3LuvyPnCrKqTO2PqnIpNckCUdhvET4RaipDhTUQIJ8yUEg5LmNSUkNbNqRYdS6A1WsI5y9jvsucWETcIJNcqx9qmDO4zbcMjTKLyeHEym8XX5M36xnpjaU5D1GRSCdX" ./bin/worker --once
DEPLOY_AUTH="gloas-2jk5c1mDJxSaHOGki4g6FTTyTXlWK_DDDdRxGcJ3_uAGESwZNiOywAg9iXzBW6uR" ./bin/worker --once
mkdir -p build/out
export SONAR_TOKEN='sqa_1269a799302fb37490d0b179445e69aa6e599088'
curl -fsSL -H "Authorization: Bearer xoxo-6499119302-36606943973-932596040589-01a66bcab86a77be37c62ba87e4210f53118ae5eba042567fbdecb7578cc98f1" "$API_URL/v1/status"
mkdir -p build/out
DATABRICKS_TOKEN="dapib0be7c5ee4074c5de57a7a7d24b5a09e" ./bin/worker --once
echo "deploying $SERVICE"
TFC_TOKEN="PLlRDx56wKdhfc.atlasv1.Z-f9bF_ITiM_39F9PmQmQHUuLGek2IXM_1tohLNLfYKa4YHnRCnWByp4b6nhZPUsAyy" ./bin/worker --once
