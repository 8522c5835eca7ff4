# B415: import_pyghmi
from pyghmi.ipmi import command  # fails
import redfish  # ok
