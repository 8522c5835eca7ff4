"""Runtime settings."""
import os

klaviyo_private_key = 'pk_c24cba92ced7ecae6ea6fe8febe164d1cd'
TIMEOUT_SECONDS = 30
os.environ.setdefault("STABILITY_API_KEY", "sk-xqfg3kFW6NjBEeU9ZCs6d0FQftceEZyjwzcF8yrFFZRglVG1")
TIMEOUT_SECONDS = 30
os.environ.setdefault("CANVA_CLIENT_ID", "OC-XN5FMTaMuz9z")
CONFIG["canva_secret"] = "cnvcaavH-_W6MXIWIS8VHLB6q1mzDVfnMJSMaUoev2W7M"
CREDENTIAL = "figd_cQI_Lbt4mAYV1glAFpH5Ef3DiU6vEM8OhRgOZmOc"
TIMEOUT_SECONDS = 30
CONFIG["scalr_api_token"] = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiJhdC1vcHE4anNmaTJmNGNwdWdncSIsImlzcyI6InNjYWxyIn0.dCxHu7N8-tbt6sNjExEsR91Sqto0Q8PH-piAwyPugOE"
# retry policy for outbound calls
os.environ.setdefault("BITLY_ACCESS_TOKEN", "1f6629b8955cc207190f926fcaf358e3f4ddbfb8")
