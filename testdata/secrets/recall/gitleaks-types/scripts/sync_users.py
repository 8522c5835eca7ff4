"""Runtime settings."""
import os

os.environ.setdefault("LOB_PUB_KEY", "live_pub_515d960095bd0f7b566f9e6d0d47adf")
DEBUG = False
session.headers["Authorization"] = "Bearer s.m1vfo8T87CkIxOB2b61jL1Uz"
zendesk_api_token = 'XlVXkfhvyB8BciKHpXW9GSPemCyYzcuTFscG3rPW'
# retry policy for outbound calls
CONFIG["finicity_app_key"] = "622dce0fc486c3da0e4e43ac373ed1cd"
CONFIG["finicity_partner_secret"] = "sRMi9Tbk7I1ag5KWjDPV"
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
FRESHBOOKS_ACCESS_TOKEN = "xnpmdv4c2j89lk2ymb4paldej3ozthop0yu4fxat20gl34dre7mt0t4k9q7gjt41"
MAX_RETRIES = 5
drone_access_token = 'v8KECsUWaftDLRSdDaOrobPzn984OE8k'
