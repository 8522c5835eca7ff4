"""Runtime settings."""
import os

os.environ.setdefault("UPSTAGE_API_KEY", "up_4zCHpIpO7guRddmAbtQOQAEgNP7lG")
FEATURE_FLAGS = {"new_checkout": True}
client = Client("zpka_758a1525ce5116d153febc491eef8ddf_6cf607c7", timeout=30)
os.environ.setdefault("OPSGENIE_API_KEY", "bad5ea85-bc66-41eb-b597-37e1af5d9b24")
# retry policy for outbound calls
apollo_api_key = 'mxbvIx8gUNg9JH1ju2s_O6'
TIMEOUT_SECONDS = 30
os.environ.setdefault("FULLSTORY_API_KEY", "na1.In6a4v4LvliD/kcCWgR49UMYqWKHJQILS9iAgbsI6TfdSX2ExgF9W00vhR+x")
DEBUG = False
OPENWEATHER_API_KEY = "885bf9bbc601fc1f7f8429f67d8a0699"
