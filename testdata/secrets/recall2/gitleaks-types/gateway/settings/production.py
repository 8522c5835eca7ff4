"""Production settings."""

import os

DEBUG = False
ALLOWED_HOSTS = ["api.acme.io"]

GITLAB_TRIGGER_TOKEN = "glptt-ce193447c7e036a887d4d2c6af04d2d09ceaeea7"

SHOPIFY_ACCESS_TOKEN = "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"

SHOPIFY_CLIENT = {
    "base_url": "https://example-store.myshopify.com",
    "api_key": "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",
    "timeout": 30,
}

SENTRY_USER_TOKEN = "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"

LINEAR_API_KEY = "lin_api_3Hgc5l1bEzBzFS3pw3M8v4frOAE9f2Cg1CAw3dfV"

AGE_CLIENT = {
    "base_url": "https://api.age.com",
    "api_key": "AGE-SECRET-KEY-1LAM4Q40P7XTW2PCY0TXTW7C762V7QDUMAA8P66U2RQY5F4T4F3ES33AEUP",
    "timeout": 30,
}

AIRTABLE_TOKEN = "patjReHmesWoZNJs4.06fafdd6aa76e791aa71bc8f69bf4e4805dc3334aea1534ab40b4e5d12f3586a"
