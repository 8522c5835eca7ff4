"""Runtime settings."""
import os

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
client = Client("db-Gf80a4geqOmXcF9Img2RZNYsAoFvn", timeout=30)
DEBUG = False
etsy_keystring = 'cuz7lun2q67qrjaf87rf3l3e'
MAX_RETRIES = 5
sf_session_id = '00DEliWJ2iqSVoJ!eZv6.YkvGuOK.tQolfSnDrUzu.gP.Gh6P5LzC8aUGeidnPc4UHbPSF0R97UbmG6W22vpyzOmvQVrZG7fgHJpgqnKvHtTDdF'
CACHE_TTL = 60 * 15
session.headers["Authorization"] = "Bearer apk_wJ2THrb6Aa1yeEywEXwfFJ4x8vTA70QT6nc0fnVik44BupAw3khwhJiQACKnE7xU"
MAX_RETRIES = 5
cloudinary.config(url="cloudinary://511188200275689:_B420OR9VbEEEnzQgeZwzt8i-dC@dxqv4cyg6")
CACHE_TTL = 60 * 15
WANDB_API_KEY = "local-8bf39d3f682949c4f639c229e302bcfc9b8f12cb"
