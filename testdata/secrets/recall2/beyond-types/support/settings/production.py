"""Production settings."""

import os

DEBUG = False
ALLOWED_HOSTS = ["api.acme.io"]

DINGTALK_SECRET = "SEC2cfcb6c0b02f0a0520a3e5d34422dcdba158fa7a16ea5563e246a2abb994c0f6"

ROLLBAR_ACCESS_TOKEN = "b1ff89dca5d0b8f3c6a0563b8ced5e9b"
