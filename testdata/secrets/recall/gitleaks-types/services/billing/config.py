"""Runtime settings."""
import os

MAX_RETRIES = 5
os.environ.setdefault("CREDS", "shippo_test_f786ff649514c1298cfe5aea8152c184cbe7eeef")
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
octopus_access = 'API-G9OXTUPOPL6SVYUQ3OTYDRPZBS'
# retry policy for outbound calls
CONFIG["private_ai_key"] = "vYepmn5o4Ndk2FpxaweGeIobmS3AFEiQ"
FEATURE_FLAGS = {"new_checkout": True}
credential = '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'
os.environ.setdefault("SLACK_TOKEN", "xoxp-85978674047-527872260081-5050285156780-73850ba26c53b0d0495a5abe831806ef")
os.environ.setdefault("SENTRY_TOKEN", "a6f6bca2d29352844884b8e52590cda9ce6cf500716f3ce6b17b36fb15bb0e06")
