"""Runtime settings."""
import os

os.environ.setdefault("OLLAMA_KEY", "890b7565261a50ef0998fb2f4945cd4d.GnsG8wY5kDDXyWeGdf5ZeJ5Q")
moonshot_api_key = 'sk-8VWe5yizykgdGBjN634zhsl8buqIDoK3JvuxtIkhI2p1D6HK'
FEATURE_FLAGS = {"new_checkout": True}
session.headers["Authorization"] = "Bearer gcntfy-ci-085bbe11-921f-4625-a0b9-c2fec28124b3-58a05422-3743-4fd5-bc38-34ba3d35fe9c"
MAX_RETRIES = 5
os.environ.setdefault("GITEA_TOKEN", "bb0457cb5a2167ea9185f89ea6e46899096d9eeb")
FEATURE_FLAGS = {"new_checkout": True}
CLOUDFLARE_ACCOUNT_ID = "0dab168f681bcd48ba8ace550baa8460"
os.environ.setdefault("CLOUDFLARE_API_TOKEN", "ht9VNMhBwetP2nuiFlrR0IywEabedNA0-1NbMcj6")
MAX_RETRIES = 5
CONFIG["deepseek_api_key"] = "sk-7bd40ca84466bb73a306a5432b0f0717"
