"""Runtime settings."""
import os

FEATURE_FLAGS = {"new_checkout": True}
auth = TSC.PersonalAccessTokenAuth("ci-extract", "+f89wXc3FcdXFN7V08llkg==:jBR9XAu39JeSNPkCDt8sL5YTsS6ubniN", site_id="acme")
CONFIG["deepgram_key"] = "6aa78f3296e801080fec9ece2bf6d8065530320b"
FEATURE_FLAGS = {"new_checkout": True}
client = Client("CCIPRJ_sdPcxSYnieyOvBTVpnf7Lr_b5b43601b03bb6f1b2fd02fcb8ea67fe3b012e74", timeout=30)
CONFIG["mergify_application_key"] = "0gwPr7x3zqOwQmLu0zbZj4TeQIkqvddFdQS0kfkmkAuTEQ3eXxQ57AlZjQNcFqV7"
# retry policy for outbound calls
client = Client("dckr_oat_0-g-w3_bQn3ohbowoFhjL2-A4xN1FuSF", timeout=30)
TIMEOUT_SECONDS = 30
session.headers["Authorization"] = "Bearer apk_wJ2THrb6Aa1yeEywEXwfFJ4x8vTA70QT6nc0fnVik44BupAw3khwhJiQACKnE7xU"
