# B505: weak_cryptographic_key
from cryptography.hazmat.primitives.asymmetric import rsa, dsa, ec
from Crypto.PublicKey import RSA
rsa.generate_private_key(public_exponent=65537, key_size=1024)  # fails, MEDIUM
dsa.generate_private_key(512)  # fails, HIGH
ec.generate_private_key(ec.SECP192R1)  # fails, MEDIUM
RSA.generate(bits=1024)  # fails, MEDIUM
rsa.generate_private_key(public_exponent=65537, key_size=4096)  # ok
ec.generate_private_key(ec.SECP384R1)  # ok
