"""Runtime settings."""
import os

os.environ.setdefault("CLOJARS_ACCESS", "CLOJARS_etx09grwjzfxwct66nynpw90vu4rwgyoufuzrvonaq9x5hww3f2c255kcku5")
MAX_RETRIES = 5
session.headers["Authorization"] = "Bearer doo_v1_e6fcc6ed927504a87a3f01b46264fb6011651ac7a021751ed64179800881b462"
CONFIG["jfrog_access_token"] = "5P8TFGAC06veCtm5fvUuuLZ0vzESdtV4pIQGUCkoFHeRuhey8BjhYmvlDCKwNjjk"
CACHE_TTL = 60 * 15
yandex_api_key = 'AQVNO2k6lFsCnfXIWp5O6qMagojhC1nLALtY_vD3'
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
gocardless_token = 'live_8920CRihD85R0qqaOrJJpvB_BvlR2R_oFlFdFm_m'
FEATURE_FLAGS = {"new_checkout": True}
session.headers["Authorization"] = "Bearer ATATT3xFfGF0f-Xqe9Vg4P5VfZTSPzI_2JpJbCa23u2dgr8oDe8vc2eEYYFtFTO87OP9y67J_MEswdugI_9KSup8ZvFrEKab3toNfZwJil8P7pIWN6KbWz5ZmldDgZl03rLC5SxZRKln6yl4afGagraUhvhd9aQTUEsacpL1B3bBZQA9WuL0KUZ=9A8BD06E"
