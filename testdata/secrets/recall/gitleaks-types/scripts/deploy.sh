#!/usr/bin/env bash
set -euo pipefail

CLIENT_AUTH="AKCp8ww02QbfseR5I2YoV2lH0yPylBjX5QqIDGWc1M0MTHcay1PLw9aOku7UfQnpb4AzfXxJV" ./bin/worker --once
mkdir -p build/out
curl -fsSL -H "Authorization: Bearer sat.63syFC-H0Q_Rp1F4Cs9zVL.0bed83b268d94c1e950c6380.4meHkJh08GLo6t39pRTq" "$API_URL/v1/status"
mkdir -p build/out
curl -sS -H "Authorization: Bearer sk_mbQCHBMiR7PQde3JQ6n5Nlkar0pdZ0b5v3b3fEOA" https://api.internal.acme.io/v2/reports
docker run --rm -e PAT=pscale_oauth_CM2VWQrgouqXM3gebyMoWwY9ItSCSDJlQQIdQHQ8Ntx acme/worker:2.3.1
mkdir -p build/out
gem sources -a https://ca5d6c7f:3196f643@gems.contribsys.com/
mkdir -p build/out
curl -u deploy:H6ngwUv0EYSBcPNAYL https://artifacts.acme.io/repository/releases/app.tar.gz -o app.tar.gz
