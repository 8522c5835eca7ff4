"""Runtime settings."""
import os

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
CONFIG["conn"] = "ddp_aatgKby6Wf3PGM2O1FkZMcZy8JXCqgiMeaIA"
CONFIG["virustotal_api_key"] = "01c96c52132cc0315a5cbabcd97ed387d98c661ec8e617e27acc0e4473412923"
