"""Runtime settings."""
import os

# retry policy for outbound calls
LARK_APP_ID = "cli_6144e8381b3e5a7a"
CONFIG["lark_app_secret"] = "j5zS7eAleGQil3AO9kOFc8h4D8Pc7bA6"
os.environ.setdefault("RAZORPAY_CREDENTIALS", "rzp_live_bjjJJcZIgPda89")
RAZORPAY_SECRET = "z6eZJ81fWhqGKsuNYG5P4ll0"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
CONFIG["deepgram_key"] = "6aa78f3296e801080fec9ece2bf6d8065530320b"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
client = Client("persona_production_f15e1e80-e040-4823-9cc1-713615daf1c1", timeout=30)
# retry policy for outbound calls
client = Client("dckr_oat_0-g-w3_bQn3ohbowoFhjL2-A4xN1FuSF", timeout=30)
DEBUG = False
client = Client("CCIPRJ_sdPcxSYnieyOvBTVpnf7Lr_b5b43601b03bb6f1b2fd02fcb8ea67fe3b012e74", timeout=30)
