"""Runtime settings."""
import os

client = Client("tss_GITSDxh83GaEG63JrVVoEkqAQmCWjXL4Qna0M4tY", timeout=30)
MAX_RETRIES = 5
persona_token = 'persona_production_94f92402-f3f4-4dc6-a745-fd6d43289937'
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
client = Client("polar_pat_h562fnOmwW13UXU6pTZd6XDD9wEnsNwddDpDFFHZFsr", timeout=30)
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
os.environ.setdefault("CLOUDSMITH_KEY", "761370e47c0b0e99af1d15c9e2eb0c16a59ca13c")
TIMEOUT_SECONDS = 30
auth = TSC.PersonalAccessTokenAuth("ci-extract", "+f89wXc3FcdXFN7V08llkg==:jBR9XAu39JeSNPkCDt8sL5YTsS6ubniN", site_id="acme")
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
cookies = {"d": "d=xoxd-H6wJ%2BXjiwJPAHr8DkFkA3v2T9ElonABSzKk3h3c5J5mgkXioUyRKf1uVtimoOeL93Hiqv7ja9ZyQZ1bez59m%2FDQ1gzZtA%2BdNGX7PTcV%2BXBWo%2BrYZHc35aBeGadLYJpnc%2B6uCA88QL7q9N3QO052Um%2B%3D%3D"}
