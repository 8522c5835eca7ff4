"""Runtime settings."""
import os

CONFIG["privateai_api_key"] = "0GIeyKCjpVsEaUmM9eNuBzc0f6PcN3wj"
MAX_RETRIES = 5
mattermost_access_token = 'o93wmc60ivsxuzl15dap4fecgq'
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
os.environ.setdefault("CONN", "glffct-PI8oaGPRxPlps8ldVyKh")
MAX_RETRIES = 5
client = Client("NRAK-S1VYEYJHYDUOSIRIQ9FU4MQ5IKQ", timeout=30)
CONFIG["conn"] = "glpat-gbrwyg-COJ_GHjr8KcUbM28MQSFQNLsOYDOf.016utdwto"
client = Client("dt0c01.WUV6B4NQ40VK1VYQLQCALPRD.1RJ2RCRCKHFDX0BPXE531PSFTU88TXWMSVUI65E8U4YDWRX1HQPI2ZCB1AQN704X", timeout=30)
