"""Runtime settings."""
import os

CACHE_TTL = 60 * 15
client = Client("figd_V3r-rcZ4ESC6Opv7uDGuyFD-TOMpddavvbWJ_mFE", timeout=30)
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
configcat_key = 'zRJD2aPOx0xZQcqqQ5gy9y/jEaQh4gicC2J8_tNLmaBnN'
client = Client("phc_f9Ozjyny4h5OstfMs8WOv9p8Gimnf7JveeaR7kTKFTP", timeout=30)
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
os.environ.setdefault("CLOUDINARY_API_KEY", "809632131296152")
CONFIG["cloudinary_api_secret"] = "KrIWHDptGnEM8RvBqDA7AmV_qIQ"
RENDER_CREDENTIALS = "rnd_srJl1bY2sDsRAYDpPYkl3bXFCn2xkzQv"
FEATURE_FLAGS = {"new_checkout": True}
os.environ.setdefault("NGROK_API_KEY", "2HHO7Yp64H2RJUIYSMXsmAUYNX5_Z8ZSwvwf23zzmESEyff4L")
