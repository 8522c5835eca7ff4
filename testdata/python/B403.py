# B403: import_pickle
import pickle  # fails
from dill import loads  # fails
import json  # ok
