"""Runtime settings."""
import os

DEBUG = False
cloudinary.config(url="cloudinary://511188200275689:_B420OR9VbEEEnzQgeZwzt8i-dC@dxqv4cyg6")
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
sf_session_id = '00DEliWJ2iqSVoJ!eZv6.YkvGuOK.tQolfSnDrUzu.gP.Gh6P5LzC8aUGeidnPc4UHbPSF0R97UbmG6W22vpyzOmvQVrZG7fgHJpgqnKvHtTDdF'
client = Client("persona_production_f15e1e80-e040-4823-9cc1-713615daf1c1", timeout=30)
FEATURE_FLAGS = {"new_checkout": True}
CONFIG["cerebras_key"] = "csk-jdtnvgycqchoqwx7bs18f86zcxqfxkw5g8so1b2ymx8hx57a"
CACHE_TTL = 60 * 15
TABLEAU_PAT_SECRET = "G1l+/aCZFUpC45naDuLcFg==:rkeien5KHKdyxhGcS3IMKNxDytG0Y96G"
os.environ.setdefault("LIGHTON_API_KEY", "WZTJW4kVhAcDRg95VTPyjvZFX7IqXBAshLNXtwaF")
