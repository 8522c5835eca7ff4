# B113: request_without_timeout
import requests
import httpx
requests.get("https://example.com")  # fails
requests.post("https://example.com", timeout=None)  # fails
httpx.get("https://example.com", timeout=None)  # fails
requests.get("https://example.com", timeout=10)  # ok
httpx.get("https://example.com")  # ok: httpx has a default timeout
