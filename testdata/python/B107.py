# B107: hardcoded_password_default
def connect(user, password="hunter2"):  # fails
    pass


@decorated
def login(user,
          token="abc"):  # fails, reported on the def line
    pass


def safe(user, password=None):  # ok
    pass


async def later(password="x"):  # ok: async def is not checked
    pass
