# B323: unverified_context
import ssl
ctx = ssl._create_unverified_context()  # fails
ctx = ssl.create_default_context()  # ok
