#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."
export WORKOS_KEY='sk_live_KdalAkHrK9ovB9sudq9XddCJ345l181Q3U8kT4txMr0z7RPrToqOl_554TYpyVPW4rCy2m'
docker run --rm -e CREDS=r8_dNVrwhnz3rho1RLLyz7gWahGXifAH3GDXx5is acme/worker:2.3.1
mkdir -p build/out
curl -s -H 'Cookie: d=xoxd-1gzZtA%2BdNGX7PTcV%2BXBWo%2BrYZHc35aBeGadLYJpnc%2B6uCA88QL7q9N3QO052Um%2BZvaMP7dsmGUY2qOnqIjAz3jhcY3GeBEffU8ZIB%2BuYEIvrgfRpUiweR%2Fln4noPLXqVtufYLInLzC8OdrKL9q7bZX%3D%3D' https://acme.slack.com/api/conversations.list
