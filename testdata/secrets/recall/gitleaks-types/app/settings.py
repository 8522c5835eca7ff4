"""Runtime settings."""
import os

CACHE_TTL = 60 * 15
os.environ.setdefault("FRAMEIO_TOKEN", "fio-u-0nf1yPfqp1Kg44ymCFG8qTLi-Cry4aLhJrvGODiq_dp7iX_1djbkcHbOTe0rpxUW")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
SENTRY_KEY = "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"
# retry policy for outbound calls
os.environ.setdefault("BEAMER_TOKEN", "b_7O1AUHbGcgQnBeILp7ZXnF2YfDNC8P9fuVCNjzjc6WAx")
CACHE_TTL = 60 * 15
CONFIG["cloudflare_token"] = "-OjywLOSoJtCiOKBbcT56TLAxhQo9iqQl36RftA8"
UPSTREAM_AUTH = "sc_wnkune30z39wcz17xxemx.k90xu.acc_udczy5jna4j38ngj.MC4CAQAwBQYDK2VwBCIEIxjowRh0En/tZgpULwCYTcjA9QoPDgzy0CM9mkNEj9+0"
FEATURE_FLAGS = {"new_checkout": True}
yandex_access_secret = 'YCOkvG-g3d6AN4wlzJnHL1zHWM3O9wf_3x2GYDkJ'
