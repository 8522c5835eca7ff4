#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."

export CYPRESS_RECORD_KEY="12cf6483-07e4-4208-87aa-f994ba927d4d"
export STYTCH_SECRET="secret-live-fX-0zwtS3Q9j9sJDw9GfxKabhlyTF9rN2r31v1xNa7S"
export EXPO_TOKEN="KYP3N3fPVlzU5kBOzpYrKW1vdMTzddOEzT3UH_he"
export ROLLBAR_ACCESS_TOKEN="5b7fd18af97083cc4efd81fa4e55fa7e"

exec ./bin/server --config config/production.toml
