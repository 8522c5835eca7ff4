# B412: import_httpoxy
from wsgiref.handlers import CGIHandler  # fails
from wsgiref.simple_server import make_server  # ok
