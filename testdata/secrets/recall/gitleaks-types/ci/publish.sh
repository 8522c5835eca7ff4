#!/usr/bin/env bash
set -euo pipefail

# integration credentials
AIRTABLE_API_KEY="keyvxwtEN2qXLVdde" ./bin/worker --once
ACCOUNT_SECRET="A3-4F7CHA-N9K5R9-FDPSH-38R9M-ZWC5R-VFKFK-ZX3B4" ./bin/worker --once
curl -s -b "_gitlab_session=f1019f50db04bb3f796989ca416db8c6" https://gitlab.acme.io/api/v4/projects
docker run --rm -e PAT=pscale_oauth_CM2VWQrgouqXM3gebyMoWwY9ItSCSDJlQQIdQHQ8Ntx acme/worker:2.3.1
mkdir -p build/out
SNYK_API_TOKEN="74fa33df-4b5b-4e4f-98b3-c3566ecc1fbe" ./bin/worker --once
INTEGRATION="sk-ant-admin01-R_ZZHLRvYlYbnnPDaPTQDJWSIxjVcaHiNV7ee8EzN2KWasJlDz8fO3iHzLvvk9TGMJGwPZaXvXuDp6yt7ONnrN9_axe-HAA" ./bin/worker --once
