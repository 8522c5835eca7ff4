"""Runtime settings."""
import os

ALLOWED_HOSTS = ["api.acme.io", "localhost"]
client = Client("re_bVkP6hZ7_cImtL9ymdNqOekpRmJVTJFQi", timeout=30)
ZOHO_ACCESS_TOKEN = "1000.1dac84e4591938ea0c9e108df4960ab2.2cd5196d11012128dd0abbf45df36bb0"
FEATURE_FLAGS = {"new_checkout": True}
CONFIG["civo_token"] = "KcOjbsZLufaXMLMgBArZsvvDFKdlRWQYqnOhyfNf7MJVyVhVW3"
CACHE_TTL = 60 * 15
CONFIG["cerebras_key"] = "csk-jdtnvgycqchoqwx7bs18f86zcxqfxkw5g8so1b2ymx8hx57a"
SNOWFLAKE_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJraWQiOiIyMTc0MzM1ODA4IiwiYWxnIjoiRVMyNTYifQ.NPNNQOh3oXKU-1gaZJ1i6dZ3KYXOA7hXayrygtSqwHo"
FEATURE_FLAGS = {"new_checkout": True}
passphrase = 'napi_heapkb30u94qa5ljqw30sx0s9nhf76ua4jsiqf0orhm1oxrzu8rnyjk8ikzjojv6'
