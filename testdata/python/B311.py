# B311: random
import random
token = random.randint(0, 10**6)  # fails
pick = random.choice(items)  # fails
import secrets
token = secrets.randbelow(10**6)  # ok
