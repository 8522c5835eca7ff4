# B502: ssl_with_bad_version
import ssl
from OpenSSL import SSL
ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv3)  # fails, HIGH
SSL.Context(method=SSL.TLSv1_METHOD)  # fails, MEDIUM (any call with method=)
ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1_2)  # ok
