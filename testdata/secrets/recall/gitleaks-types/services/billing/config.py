"""Runtime settings."""
import os

DEBUG = False
netlify_token = 'IzAAwSN-6pAawIyG_VdfXO9_r0q4z45Ywq8uvQ-4737'
# retry policy for outbound calls
CONFIG["flw_enc"] = "FLWSECK_TEST591d5c845b1a"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
CONFIG["squarespace_api_key"] = "23b9d5cb-c5bb-4e5d-9248-2ba254b5c507"
MAX_RETRIES = 5
bedrockkey = 'ABSKQmVkcm9ja0FQSUtleS1id2tuLWF0LTk4OTA3NTQ2NTI0ODpmZnpKVzFqZm9NR3d6aUtlb3JXL0Z2RmZnZUEzVERBMEZZWkhMbkJH'
FEATURE_FLAGS = {"new_checkout": True}
client = Client("gho_CLssycpjJYNLGV3XY7VY24Z7DFbxatcy5Hqf", timeout=30)
CONFIG["heroku_key"] = "12a6e646-a229-4aa7-aa8b-041761256880"
