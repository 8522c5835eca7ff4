# B302: marshal
import marshal
code = marshal.loads(blob)  # fails
blob = marshal.dumps(code)  # ok: writing is fine
