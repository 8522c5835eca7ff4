# B306: mktemp_q
import tempfile
path = tempfile.mktemp()  # fails
f = tempfile.NamedTemporaryFile()  # ok
