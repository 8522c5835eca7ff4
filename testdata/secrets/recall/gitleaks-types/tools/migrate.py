"""Runtime settings."""
import os

MAX_RETRIES = 5
session.headers["Authorization"] = "Bearer ghs_UMWBfdaFv59xsjiSK1fQdb8aaWAwFInOo6bY"
os.environ.setdefault("CLOJARS_ACCESS", "CLOJARS_etx09grwjzfxwct66nynpw90vu4rwgyoufuzrvonaq9x5hww3f2c255kcku5")
CACHE_TTL = 60 * 15
session.headers["Authorization"] = "Bearer doo_v1_e6fcc6ed927504a87a3f01b46264fb6011651ac7a021751ed64179800881b462"
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
gocardless_token = 'live_8920CRihD85R0qqaOrJJpvB_BvlR2R_oFlFdFm_m'
FEATURE_FLAGS = {"new_checkout": True}
yandex_api_key = 'AQVNO2k6lFsCnfXIWp5O6qMagojhC1nLALtY_vD3'
os.environ.setdefault("GITLAB_KEY", "gloas-5df0onnqPRBapuGPojIzauZllb1eZuhqtwTRZVoi11jfhA86-zNR1omV3t048AoD")
