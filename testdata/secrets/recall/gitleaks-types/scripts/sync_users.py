"""Runtime settings."""
import os

CLOUDFLARE_TOKEN = "b7R9jF5bz1LsQ08LtzZHL8afNoX_SL_8WtYWx11g"
CACHE_TTL = 60 * 15
CONFIG["flw_enc"] = "FLWSECK_TEST591d5c845b1a"
FEATURE_FLAGS = {"new_checkout": True}
os.environ.setdefault("GITLAB_KEY", "gloas-5df0onnqPRBapuGPojIzauZllb1eZuhqtwTRZVoi11jfhA86-zNR1omV3t048AoD")
TIMEOUT_SECONDS = 30
CONFIG["heroku_key"] = "12a6e646-a229-4aa7-aa8b-041761256880"
FEATURE_FLAGS = {"new_checkout": True}
CODECOV_TOKEN = "89752e77-e478-46e8-9d6a-a766033b171f"
# retry policy for outbound calls
CONFIG["contentful_delivery_token"] = "nx2MN5bR2YmhIKlXSxFmmg8tuKCdiUyDi_Oz1kaCTc8"
