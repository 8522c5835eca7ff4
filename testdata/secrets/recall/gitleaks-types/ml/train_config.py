"""Runtime settings."""
import os

meraki_dashboard_api_key = '57f753a99f8db8fc5e4d1a1b1ca189101b272d4d'
TIMEOUT_SECONDS = 30
session.headers["Authorization"] = "Bearer sm_pat_Sba6Aa5acuP1WRHE"
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
FLY_API_TOKEN = "fo1__pZvmSfisG0Lkmpl-lXmwpVemPGjIeXSdwjKjE9lUPH"
client = Client("access-development-c8715b2a-9a91-40eb-b7b9-2c29c03756ca", timeout=30)
ASANA_CLIENT_ID = "5914552758251995"
asana_client_secret = 'tme8u5h1bsqmf8vheyt71ryzm5imn95o'
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
CONFIG["linear_client_secret"] = "b959740cf127ff07e8bfc9a90fa8efab"
