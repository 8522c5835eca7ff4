"""Runtime settings."""
import os

CACHE_TTL = 60 * 15
cloudinary_api_key = '921120681962235'
CONFIG["cloudinary_api_secret"] = "rV_AJfV935eLxqn-aOZZNavH-_W"
session.headers["Authorization"] = "Bearer vcp_F1RFoFejgfXFA2ArE8RqbTq0SDzSrYZgY7qhea2SyoUxWW5lHrzwryV3"
CONFIG["mergify_application_key"] = "0gwPr7x3zqOwQmLu0zbZj4TeQIkqvddFdQS0kfkmkAuTEQ3eXxQ57AlZjQNcFqV7"
os.environ.setdefault("LIGHTON_API_KEY", "WZTJW4kVhAcDRg95VTPyjvZFX7IqXBAshLNXtwaF")
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
TABLEAU_PAT_SECRET = "G1l+/aCZFUpC45naDuLcFg==:rkeien5KHKdyxhGcS3IMKNxDytG0Y96G"
AIKIDO_CLIENT_ID = "kZ2Xjtcjuw2wB4k2q7kZEl2N"
AIKIDO_CLIENT_SECRET = "AIK_CLIENT_G3tvgNdod9QWpiHgbojjvqE0Ijo8j3AyP6hoenDXlUJQzNx9"
