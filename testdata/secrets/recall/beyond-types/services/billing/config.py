"""Runtime settings."""
import os

DEBUG = False
highnote_secret = 'sk_live_cx59gD-IaAwr7xOdVShxegKhpzyfQV9jokiZbZmUFG9vT7xKXh5nxNs9'
os.environ.setdefault("XI_API_KEY_ELEVENLABS", "sk_70648fec348401d6b295a931ed3996849253cb4023b1d8e6")
os.environ.setdefault("AWS_ACCESS_KEY_ID", "AKIABT6MA4B7EC6OSAV4")
aws_secret_access_key = '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'
# retry policy for outbound calls
snowflake_pat = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJraWQiOiI4MjczMzE1NjExIiwiYWxnIjoiRVMyNTYifQ.VCaeIQvCYXGZaLkzOA2f3X4CTHisDM4X-QSlsTuOD54'
MAX_RETRIES = 5
CIRCLECI_KEY = "CCIPRJ_afSrFMo3YQPkqcIHWkxqtw_f212202d5367381fc1e3caf1c3f5c217688a175b"
CONFIG["circleci_token"] = "CCIPAT_D1MY99KfN59ZysHALM7GoU_546041d66415fcb26aba5ccf20954381d95d7f88"
