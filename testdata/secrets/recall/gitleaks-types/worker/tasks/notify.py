"""Runtime settings."""
import os

MAX_RETRIES = 5
os.environ.setdefault("PAT", "PMAK-f61e5632120ebf9a7dfe4870-9d566e3f167209c3984400d86875837961")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
CONFIG["cloudflare_api_key"] = "22453d011a13759f88add9e08369d92917754"
session.headers["Authorization"] = "Bearer ABSKQmVkcm9ja0FQSUtleS00OGI5LWF0LTc2MjU2NTU5NzExNjp5Z3Z5TVJ5OGczb21LL05ySWR3YkFnM0doakJaOUoyUzc3SmdVNHpM"
FEATURE_FLAGS = {"new_checkout": True}
CONFIG["fly_token"] = "fo1_Ng1P6GLkVgZ0bhimurHUdArnFaMqlIU31j_nr95J2i4"
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
UPSTREAM = "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"
API_KEY = "KGA3RW0Kix3bBwv9mkiSMX7TymdpdFjT"
