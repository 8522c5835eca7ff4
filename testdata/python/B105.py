# B105: hardcoded_password_string
password = "hunter2"  # fails
db_password = token = "abc"  # fails
config["api_token"] = "t0k3n"  # fails
settings = {"secret": "s3cr3t"}  # fails
if pwd == "letmein":  # fails
    pass
password = os.environ["PASSWORD"]  # ok
username = "admin"  # ok
annotated_password: str = "x"  # ok: annotated assignments are not checked
