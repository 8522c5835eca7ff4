"""Runtime settings."""
import os

DEBUG = False
os.environ.setdefault("AUTH0_DOMAIN", "acme-em9akmo1kqr35swc.auth0.com")
CONFIG["auth0clientid"] = "c1brNOlpXoTPUd1SLZeBcX6ZnYkgTFne"
AUTH0_CLIENT_SECRET = "jS3nTmZQ48SbCTn9So0xEt0ZIC58ZEnZ9obecq4aHaeB4uSKVsMn3_sdVbMyj09-"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
aws_access_key_id = 'AKIAIFBGPLYQLHP63DXJ'
CONFIG["aws_secret_access_key"] = "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"
client = Client("zpka_758a1525ce5116d153febc491eef8ddf_6cf607c7", timeout=30)
FEATURE_FLAGS = {"new_checkout": True}
os.environ.setdefault("CLOUDSMITH_KEY", "761370e47c0b0e99af1d15c9e2eb0c16a59ca13c")
