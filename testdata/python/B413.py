# B413: import_pycrypto
from Crypto.Cipher import AES  # fails
from cryptography.hazmat.primitives.ciphers import Cipher  # ok
