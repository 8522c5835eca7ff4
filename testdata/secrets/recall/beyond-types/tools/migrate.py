"""Runtime settings."""
import os

ALLOWED_HOSTS = ["api.acme.io", "localhost"]
persona_token = 'persona_production_94f92402-f3f4-4dc6-a745-fd6d43289937'
CACHE_TTL = 60 * 15
WANDB_API_KEY = "local-8bf39d3f682949c4f639c229e302bcfc9b8f12cb"
AIKIDO_CLIENT_ID = "kZ2Xjtcjuw2wB4k2q7kZEl2N"
AIKIDO_CLIENT_SECRET = "AIK_CLIENT_G3tvgNdod9QWpiHgbojjvqE0Ijo8j3AyP6hoenDXlUJQzNx9"
CONFIG["virustotal_api_key"] = "01c96c52132cc0315a5cbabcd97ed387d98c661ec8e617e27acc0e4473412923"
os.environ.setdefault("RAZORPAY_CREDENTIALS", "rzp_live_bjjJJcZIgPda89")
RAZORPAY_SECRET = "z6eZJ81fWhqGKsuNYG5P4ll0"
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
os.environ.setdefault("FULLSTORY_API_KEY", "na1.In6a4v4LvliD/kcCWgR49UMYqWKHJQILS9iAgbsI6TfdSX2ExgF9W00vhR+x")
