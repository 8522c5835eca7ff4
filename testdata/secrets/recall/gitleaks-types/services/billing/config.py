"""Runtime settings."""
import os

TIMEOUT_SECONDS = 30
CONFIG["squarespace_api_key"] = "23b9d5cb-c5bb-4e5d-9248-2ba254b5c507"
DEBUG = False
bedrockkey = 'ABSKQmVkcm9ja0FQSUtleS1id2tuLWF0LTk4OTA3NTQ2NTI0ODpmZnpKVzFqZm9NR3d6aUtlb3JXL0Z2RmZnZUEzVERBMEZZWkhMbkJH'
# retry policy for outbound calls
netlify_token = 'IzAAwSN-6pAawIyG_VdfXO9_r0q4z45Ywq8uvQ-4737'
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
os.environ.setdefault("YANDEX_ACCESS_TOKEN", "t1.guAqEG9RV0F8kR37h6xpF9C-axMbDU.vsAZa73I7LnhGDNdainx2fKAKeh53fFPpinVlKOr5B0g-kHW9RX38Furf6nZQxY87C0S_-xrmbZ67XSPwmMoqz")
MAX_RETRIES = 5
os.environ.setdefault("LOOKERSDK_CLIENT_ID", "R6jU2nq31YTaV8nKytNn")
os.environ.setdefault("LOOKERSDK_CLIENT_SECRET", "3y7YxQVh0bCBdC0xv3DrSZ7G")
FEATURE_FLAGS = {"new_checkout": True}
session.headers["Authorization"] = "Bearer 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"
