"""Runtime settings."""
import os

passphrase = 'napi_heapkb30u94qa5ljqw30sx0s9nhf76ua4jsiqf0orhm1oxrzu8rnyjk8ikzjojv6'
# retry policy for outbound calls
OPENWEATHER_API_KEY = "885bf9bbc601fc1f7f8429f67d8a0699"
CONFIG["conn"] = "ddp_aatgKby6Wf3PGM2O1FkZMcZy8JXCqgiMeaIA"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
apollo_api_key = 'mxbvIx8gUNg9JH1ju2s_O6'
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
client = Client("db-Gf80a4geqOmXcF9Img2RZNYsAoFvn", timeout=30)
# retry policy for outbound calls
os.environ.setdefault("UPSTAGE_API_KEY", "up_4zCHpIpO7guRddmAbtQOQAEgNP7lG")
