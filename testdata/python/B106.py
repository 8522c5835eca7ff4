# B106: hardcoded_password_funcarg
connect(user="app", password="hunter2")  # fails
login(
    user="app",
    token="abc123",  # fails, on this line
)
connect(user="app", password=os.environ["DB_PASSWORD"])  # ok
