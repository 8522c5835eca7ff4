"""Runtime settings."""
import os

os.environ.setdefault("LOOKERSDK_CLIENT_ID", "R6jU2nq31YTaV8nKytNn")
os.environ.setdefault("LOOKERSDK_CLIENT_SECRET", "3y7YxQVh0bCBdC0xv3DrSZ7G")
FEATURE_FLAGS = {"new_checkout": True}
CONFIG["mailgun_private_key"] = "key-f55eb96759517e55fff69bf39f360cb1"
FEATURE_FLAGS = {"new_checkout": True}
CONFIG["passphrase"] = "xapp-1-AR094FOBFQ9-6248713902919-329ead58a944eea477aec78c5046b0606ba70204f68104a40d546dfa4c3fb08e"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
CONFIG["bearer"] = "glrt-2SbsTTn8DNyNIKYQrgz3"
TIMEOUT_SECONDS = 30
os.environ.setdefault("CLIENT_AUTH", "patySskLY1MQkG6ff.436d362c8e056afddf2fa0800ac7ba0ed125b614d2db49ffd6bbdd62f1e12edf")
CONFIG["coinbase_access_token"] = "R2YmhIKlXSxFmmg8tuKCdiUyDi_Oz1kaCTc80jR2vww6WIe5PC3UF8HpHz2tJDXg"
