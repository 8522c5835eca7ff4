# B504: ssl_with_no_version
import ssl
ssl.wrap_socket(sock)  # fails
ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1_2)  # ok
