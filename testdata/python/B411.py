# B411: import_xmlrpclib
import xmlrpc.client  # fails
from defusedxml import xmlrpc  # ok
