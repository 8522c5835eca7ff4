# B305: cipher_modes
from cryptography.hazmat.primitives.ciphers import modes
mode = modes.ECB()  # fails
mode = modes.GCM(iv)  # ok
