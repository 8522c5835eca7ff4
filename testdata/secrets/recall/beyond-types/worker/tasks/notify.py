"""Runtime settings."""
import os

TIMEOUT_SECONDS = 30
CONFIG["lighton_api_key"] = "uwRDnFlSvY7z86EtPabkLwEvgPjosqjXft58ZULq"
os.environ.setdefault("CLOUDINARY_KEY", "434420684767383")
os.environ.setdefault("CLOUDINARY_SECRET", "IYP6u2UGFOfdBZT3QliWoXO3Vov")
os.environ.setdefault("BUILDKITE_CREDENTIALS", "bkua_a0327dbc33f6b96b3b8daf274098df847826bee0")
TIMEOUT_SECONDS = 30
CLICKHOUSE_API_KEY_ID = "fzTTK2fdWjLKBEP6FrJu"
CONFIG["clickhouse_key_secret"] = "4b1dnfIjrnFND97vBRfpTVuvadgJ1nX337vNv1vOkU"
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
session.headers["Authorization"] = "Bearer dckr_oat_BGIzb819oDH9QL1jekmVHikT1gGKAdZG"
MAX_RETRIES = 5
checkout_secret_key = 'sk_sbox_32rsvv57dlqnhyffyhy7eaf522'
