#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."

export CLOUDINARY_URL="cloudinary://010255515432727:U69slJY3q445pTPKqyaCoqviyUO@wgphjqxq"
export LWA_CLIENT_SECRET="amzn1.oa2-cs.v1.2b0a32dc2f0a41350d105e92a050e189b62d8ca33977ff44001ce86385cc89c3"
export ETHERSCAN_API_KEY="KKN7H2FJNVEUXWSTIYA4M26AGDYUSM8HAJ"
export SANITY_API_TOKEN="skhUWo4jKvRjh2RFQTydU0HA7XorCZVw4oH85nioT1K76oGbKbSElKUyyZ3mdW9lmGvAfN6tCv9AkH70ApnSR66FAbXtIPk9rwC4jgtQCkcWGmwWLvLqTRU2pGSCE6MG1udfLGRRSbxBvFchLYaIF7OfBl5i3UAGWXYZteV9sK60fUvRTd5Xb6"

exec ./bin/server --config config/production.toml
