"""Runtime settings."""
import os

CONFIG["contentful_delivery_token"] = "nx2MN5bR2YmhIKlXSxFmmg8tuKCdiUyDi_Oz1kaCTc8"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
session.headers["Authorization"] = "Bearer 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"
CONFIG["conn"] = "glpat-gbrwyg-COJ_GHjr8KcUbM28MQSFQNLsOYDOf.016utdwto"
TIMEOUT_SECONDS = 30
meraki_dashboard_api_key = '57f753a99f8db8fc5e4d1a1b1ca189101b272d4d'
MAX_RETRIES = 5
CONFIG["encoded_jwt"] = "ZXlKaGJHY2lPaUpJVXpJMU5pSXNJblI1Y0NJNklrcFhWQ0o5LmV5SnpkV0lpT2lJd04yTTFZbVJqTVMwMFlXRmtMVFEyTkRVdFlUWXdNQzFrTnpNeVpUVTFNelE1T1RFaUxDSnBZWFFpT2pFM016ZzVORGN3TXpZc0ltVjRjQ0k2TVRnNU9UZzVORGN3Tm4wLlY0a1hLOFgwUnpibUg3bm9KVjludG1QUkZsbkVNOHpnSC1obWhVSlFWY1E="
PASSPHRASE = "SK7bc467f6e6168beda5f1e8eea1d6327a"
