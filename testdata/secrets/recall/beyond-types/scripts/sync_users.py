"""Runtime settings."""
import os

MAX_RETRIES = 5
os.environ.setdefault("ASTRA_CREDENTIALS", "AstraCS:UcGe6l00HfEpoRtHGddEhBNh:ae95fef2bd6bece44af0820b6a0cc9d4604480e3d49563af3fcf8d1184c39e73")
ALLOWED_HOSTS = ["api.acme.io", "localhost"]
IBMCLOUD_API_KEY = "gZhVUqyxvUBpSia6gzazjeOwhgkwDb7BNNhA54zFO36K"
FEATURE_FLAGS = {"new_checkout": True}
os.environ.setdefault("UPCLOUD_TOKEN", "ucat_jUX7oKPI9sLjACgu1Jxr6nLhSH")
CONFIG["proof_api_key"] = "ImtL9ymdNqOekpRmJVTJFQiJOl8R9IJK"
FEATURE_FLAGS = {"new_checkout": True}
CONFIG["paypal_client_id"] = "AKvyYVYEL_uaC6k106e-fWy6Whg2mLLrN-uYU5fG-cefwtwvnshus7rkv1mrMCeAYX0GyorT-S_Svfbt"
paypal_client_secret = 'EEeqdkI7k0xvwEMOiQuCYF-hlIbmMECxdqQ7vVZqzi0g8s5x0CI5MlUamXSQmIHDa4R4jsAdnGtUb6Zm'
TIMEOUT_SECONDS = 30
CONFIG["upstage_api_key"] = "up_ho0lMUVn3qmyzAneZiJJlf3qnbfVs"
