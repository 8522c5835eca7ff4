#!/usr/bin/env bash
set -euo pipefail

cd "$(dirname "$0")/.."

export SUPABASE_SECRET_KEY="sb_secret_-vtw1FeNmwuQZLRc6KrHL7dnkwzwvqc"
export RENDER_API_KEY="rnd_RLDulx3FovG4eFb748Kch6sXhm3I"
export TOGETHER_API_KEY="2cb58ae0c0552617d45af76283deab0e76c1d09354d7a381b7a9f39c33814f38"
export POSTHOG_PERSONAL_API_KEY="phx_IbV8WlbtgqD52eQG0s5uS9wsiyEBkF8jru2bXfFjcoI"
export TELNYX_API_KEY="KEY37K4YG8ZM9P9C2NM7J75BMM25XSGZVQU_4XZVMWnOZV7m6JVIe8nKLM"
export MAILJET_API_KEY="21fbe618774dd69c23e1452642c40120"
export MAILJET_SECRET_KEY="08a1e13163aeeb2bf8af8d855441c77d"
export PERCY_TOKEN="b4dd2d77e22ba7749011a269ede2af6527d0cf02efbdf7a5eef7250a3a18d239"

exec ./bin/server --config config/production.toml
