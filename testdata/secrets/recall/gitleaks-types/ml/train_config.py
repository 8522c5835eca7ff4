"""Runtime settings."""
import os

TIMEOUT_SECONDS = 30
session.headers["Authorization"] = "Bearer ATATT3xFfGF0f-Xqe9Vg4P5VfZTSPzI_2JpJbCa23u2dgr8oDe8vc2eEYYFtFTO87OP9y67J_MEswdugI_9KSup8ZvFrEKab3toNfZwJil8P7pIWN6KbWz5ZmldDgZl03rLC5SxZRKln6yl4afGagraUhvhd9aQTUEsacpL1B3bBZQA9WuL0KUZ=9A8BD06E"
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
os.environ.setdefault("DEFINED_NET", "dnkey-BtNGtKpEm0vklcgg5e95FhmRkL-t0Y62Vr8bELgh6yS9gqRKvQTfa1YatBppePK0TJeGjDaArWHfRN7")
session.headers["Authorization"] = "Bearer sm_pat_Sba6Aa5acuP1WRHE"
client = Client("FLWSECK_TEST-adfabaa4f6940aa5bc3e5e9d3be8c274-X", timeout=30)
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
CONFIG["privateai_api_key"] = "0GIeyKCjpVsEaUmM9eNuBzc0f6PcN3wj"
TIMEOUT_SECONDS = 30
client = Client("API-HNYQ310YCFET4U6O57IJ6XA288", timeout=30)
