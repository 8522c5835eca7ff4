# B503: ssl_with_bad_defaults
import ssl
def connect(sock, version=ssl.PROTOCOL_SSLv2):  # fails
    pass


def connect_ok(sock, version=ssl.PROTOCOL_TLS_CLIENT):  # ok
    pass
