"""Runtime settings."""
import os

os.environ.setdefault("CANVA_CLIENT_ID", "OC-xMw2qPVSrTC9")
canva_client_secret = 'cnvcaeCxW58WsfVRrnmtnorh1m3utzPyrV_AJfV935eLx'
CACHE_TTL = 60 * 15
CONFIG["postmark_server_token"] = "409f6991-0200-453a-8d75-e584a3e13f5e"
MAX_RETRIES = 5
mux_token_id = 'e3837a67-818c-4937-aafb-f84ab71d7634'
MUX_TOKEN_SECRET = "TPi1EOHmgubG68ujUzQzU6u8be7uN99049J3BEjZNxAzQWmnh+LxlT2R5M8T2cZeWMVWeQ31ArX"
cookies = {"d": "d=xoxd-bThOd22jK7jVfk083K1h%2BR9X5qdDT4uTNdf90e%2BocRx3yHa9YafwfGpWduRp4DnCHzFEm2y0Sj4FJsjWnA%2Fu3bGk3viLNFJgTjupLEuIMc%2F%2FEpcyP3WJJ0gwvHVuckl6GFzQcAMG75SnYX7ubR1v9e%3D%3D"}
polymarket_address = '0x9014ca94708c0cf0b2516dbb617ef779608b76ee'
CONFIG["polymarket_clob_api_key"] = "3ed9587f-7ae5-4029-979c-46c950c2810f"
polymarket_secret = 'eOjiqgL8BuU5BkwDgx-K7A8L6aJU68BiPhl9U6m6Hlq='
os.environ.setdefault("POLYMARKET_PASSPHRASE", "48a7e5faa891d295b9b15dc0d6ce263b04413108c22389a551149c96cd9ac359")
os.environ.setdefault("POLYMARKET_PK", "0x0cd097e80ab8e974c9bba044472f48f6443ec1e20ac91d1e8bece3b9c00d85d2")
CACHE_TTL = 60 * 15
CONFIG["honeycomb_api_key"] = "yJ1jHCEQ0smwtYt59iXA8I"
