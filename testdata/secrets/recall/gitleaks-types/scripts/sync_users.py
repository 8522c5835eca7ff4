"""Runtime settings."""
import os

CACHE_TTL = 60 * 15
os.environ.setdefault("LOOKERSDK_CLIENT_ID", "R6jU2nq31YTaV8nKytNn")
os.environ.setdefault("LOOKERSDK_CLIENT_SECRET", "3y7YxQVh0bCBdC0xv3DrSZ7G")
FEATURE_FLAGS = {"new_checkout": True}
SONAR_LOGIN = "sqa_f01eafce818e94ef44d01280b05a2bcf173850ba"
TIMEOUT_SECONDS = 30
client = Client("dt0c01.WUV6B4NQ40VK1VYQLQCALPRD.1RJ2RCRCKHFDX0BPXE531PSFTU88TXWMSVUI65E8U4YDWRX1HQPI2ZCB1AQN704X", timeout=30)
FEATURE_FLAGS = {"new_checkout": True}
client = Client("access-development-c8715b2a-9a91-40eb-b7b9-2c29c03756ca", timeout=30)
# retry policy for outbound calls
mattermost_access_token = 'o93wmc60ivsxuzl15dap4fecgq'
DEBUG = False
CODECOV_TOKEN = "89752e77-e478-46e8-9d6a-a766033b171f"
