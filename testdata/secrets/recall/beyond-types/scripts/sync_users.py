"""Runtime settings."""
import os

DEBUG = False
LARK_APP_ID = "cli_6144e8381b3e5a7a"
CONFIG["lark_app_secret"] = "j5zS7eAleGQil3AO9kOFc8h4D8Pc7bA6"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
session.headers["Authorization"] = "Bearer vcp_F1RFoFejgfXFA2ArE8RqbTq0SDzSrYZgY7qhea2SyoUxWW5lHrzwryV3"
DEBUG = False
ZOHO_ACCESS_TOKEN = "1000.1dac84e4591938ea0c9e108df4960ab2.2cd5196d11012128dd0abbf45df36bb0"
MAX_RETRIES = 5
client = Client("tss_GITSDxh83GaEG63JrVVoEkqAQmCWjXL4Qna0M4tY", timeout=30)
CACHE_TTL = 60 * 15
cloudinary_api_key = '921120681962235'
CONFIG["cloudinary_api_secret"] = "rV_AJfV935eLxqn-aOZZNavH-_W"
MAX_RETRIES = 5
SNOWFLAKE_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJraWQiOiIyMTc0MzM1ODA4IiwiYWxnIjoiRVMyNTYifQ.NPNNQOh3oXKU-1gaZJ1i6dZ3KYXOA7hXayrygtSqwHo"
