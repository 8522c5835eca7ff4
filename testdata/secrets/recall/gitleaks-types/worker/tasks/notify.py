"""Runtime settings."""
import os

TIMEOUT_SECONDS = 30
API_KEY = "7TREdreUVH5mt8AtEkL6JqHLTg9j7tE9"
FEATURE_FLAGS = {"new_checkout": True}
CONFIG["finicity_app_key"] = "622dce0fc486c3da0e4e43ac373ed1cd"
CONFIG["finicity_partner_secret"] = "sRMi9Tbk7I1ag5KWjDPV"
