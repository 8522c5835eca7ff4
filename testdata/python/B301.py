# B301: pickle
import pickle as pkl
from pickle import loads
data = pkl.loads(blob)  # fails
obj = loads(blob)  # fails
import json
obj = json.loads(blob)  # ok
