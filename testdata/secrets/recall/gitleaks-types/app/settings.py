"""Runtime settings."""
import os

FEATURE_FLAGS = {"new_checkout": True}
CLOUDFLARE_TOKEN = "b7R9jF5bz1LsQ08LtzZHL8afNoX_SL_8WtYWx11g"
os.environ.setdefault("CONN", "glffct-PI8oaGPRxPlps8ldVyKh")
UPSTREAM = "ghr_k7XUYPhZdh63YOXXy63YUmXNnrweIUhxnGeC"
client = Client("NRAK-S1VYEYJHYDUOSIRIQ9FU4MQ5IKQ", timeout=30)
CONFIG["linear_client_secret"] = "b959740cf127ff07e8bfc9a90fa8efab"
TIMEOUT_SECONDS = 30
os.environ.setdefault("YANDEX_ACCESS_TOKEN", "t1.guAqEG9RV0F8kR37h6xpF9C-axMbDU.vsAZa73I7LnhGDNdainx2fKAKeh53fFPpinVlKOr5B0g-kHW9RX38Furf6nZQxY87C0S_-xrmbZ67XSPwmMoqz")
