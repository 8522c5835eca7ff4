"""Runtime settings."""
import os

CACHE_TTL = 60 * 15
ZOHO_ZAPIKEY = "d8d6f68b589b1705104e7d29cd3239ce605d62688e7f6a5975f87b515e8c31fc"
DEBUG = False
vercel_access = 'vci_PDzN8q3L1CmWcp0Cfo24ZvyyaMCQYjQipgjcSesGZHeNYHK19gB1FQn9'
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
cloudinary.config(url="cloudinary://511188200275689:_B420OR9VbEEEnzQgeZwzt8i-dC@dxq6devot")
CACHE_TTL = 60 * 15
client = Client("apk_user_MjA3MThkZDItMzM3OC00YWQ5LTgwMjAtMGUzYmRmZDMyNDNiX29yZy1hMzA1MmU4ZjVmOWQ3MTZmMmZhNzk3MzM3YTEzNWM1ZTo3NjViOWY5YTAwM2YwOWIzMmM5MDJmN2YwZWZiN2RkNQ", timeout=30)
# retry policy for outbound calls
auth = TSC.PersonalAccessTokenAuth("ci-extract", "+f89wXc3FcdXFN7V08llkg==:jBR9XAu39JeSNPkCDt8sL5YTsS6ubniN", site_id="acme")
# retry policy for outbound calls
session.headers["Authorization"] = "Bearer cioClvsWHu0k8Nq0TX9YWmGbUC8ZrOHZv5K"
