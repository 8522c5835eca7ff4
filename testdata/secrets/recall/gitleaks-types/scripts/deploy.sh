#!/usr/bin/env bash
set -euo pipefail

mkdir -p build/out
curl -fsSL -H "Authorization: Bearer gho_DCSy3HHposk4rqTzTt41N93GCYILDy0fPecK" "$API_URL/v1/status"
curl -fsSL -H "Authorization: Bearer eyJrIjoiWXZxSEE1dklEdFpCTEhqWW5md09od2hFS3RwM0JoNk8iLCJuIjoiYmFja3VwIiwiaWQiOjMzfQ" "$API_URL/v1/status"
# integration credentials
export ORIGIN_CA_KEY='v1.0-f8071f422185620e6951b6b4-676029a12fef762bdf5e80b7309e7a01a0bac8bc9d019f573bbcf82936b1cc917cbf31c30a90a36fe199b8f53564be6f8c6695cbec36e1a023f6bfbd1390f6f63c45f515b2c481ce42'
echo "deploying $SERVICE"
export INTEGRATION='glsoat-jRkEOhXkNbkL9_nv4PSE'
export FRESHBOOKS_TOKEN='2agrq6eggnkybylpkt57ycdbg7ngutkzje8tnaz6gt0mlxdboxn6ltpkiawuuhzg'
cd "$(dirname "$0")/.."
curl -u deploy:h5cBE7JTa0uRf7KDn3 https://artifacts.acme.io/repository/releases/app.tar.gz -o app.tar.gz
