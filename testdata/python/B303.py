# B303: md5 (pycrypto / cryptography hashes)
from Crypto.Hash import MD5
from cryptography.hazmat.primitives import hashes
h = MD5.new(data)  # fails
h = hashes.Hash(hashes.SHA1())  # fails
h = hashes.Hash(hashes.SHA256())  # ok
