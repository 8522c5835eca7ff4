# B108: hardcoded_tmp_directory
with open("/tmp/report.csv", "w") as f:  # fails
    pass
cache = f"/var/tmp/{name}"  # fails: f-string text counts
import tempfile
tmp = tempfile.mkdtemp()  # ok
path = "/home/user/tmp"  # ok
