"""Runtime settings."""
import os

FEATURE_FLAGS = {"new_checkout": True}
ASANA_CLIENT_ID = "5914552758251995"
asana_client_secret = 'tme8u5h1bsqmf8vheyt71ryzm5imn95o'
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
CONFIG["jfrog_access_token"] = "5P8TFGAC06veCtm5fvUuuLZ0vzESdtV4pIQGUCkoFHeRuhey8BjhYmvlDCKwNjjk"
API_KEY = "AgUlWLLD7TREdreUVH5mt8AtEkL6JqHL"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
CONFIG["finicity_app_key"] = "622dce0fc486c3da0e4e43ac373ed1cd"
CONFIG["finicity_partner_secret"] = "sRMi9Tbk7I1ag5KWjDPV"
