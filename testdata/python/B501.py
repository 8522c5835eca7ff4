# B501: request_with_no_cert_validation
import requests
requests.get(
    "https://example.com",
    verify=False,  # fails, on this line
    timeout=5,
)
requests.get("https://example.com", verify=True, timeout=5)  # ok
