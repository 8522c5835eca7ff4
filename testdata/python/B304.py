# B304: ciphers
from Crypto.Cipher import DES
from cryptography.hazmat.primitives.ciphers import algorithms
c = DES.new(key)  # fails
a = algorithms.TripleDES(key)  # fails
a = algorithms.AES(key)  # ok
