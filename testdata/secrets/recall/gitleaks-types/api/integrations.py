"""Runtime settings."""
import os

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
flickr_token = 'cg2sVj9f0ngpuOpz0SfaibbYmb0IX1I8'
TIMEOUT_SECONDS = 30
gocardless_access_token = 'live_ioQq_ze3aM7GZFyMRhExHRv34d41QojAZW47Baut'
