"""Runtime settings."""
import os

CACHE_TTL = 60 * 15
CONFIG["civo_token"] = "KcOjbsZLufaXMLMgBArZsvvDFKdlRWQYqnOhyfNf7MJVyVhVW3"
client = Client("polar_pat_h562fnOmwW13UXU6pTZd6XDD9wEnsNwddDpDFFHZFsr", timeout=30)
MAX_RETRIES = 5
os.environ.setdefault("OPSGENIE_API_KEY", "bad5ea85-bc66-41eb-b597-37e1af5d9b24")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
client = Client("re_bVkP6hZ7_cImtL9ymdNqOekpRmJVTJFQi", timeout=30)
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
cookies = {"d": "d=xoxd-H6wJ%2BXjiwJPAHr8DkFkA3v2T9ElonABSzKk3h3c5J5mgkXioUyRKf1uVtimoOeL93Hiqv7ja9ZyQZ1bez59m%2FDQ1gzZtA%2BdNGX7PTcV%2BXBWo%2BrYZHc35aBeGadLYJpnc%2B6uCA88QL7q9N3QO052Um%2B%3D%3D"}
TIMEOUT_SECONDS = 30
etsy_keystring = 'cuz7lun2q67qrjaf87rf3l3e'
