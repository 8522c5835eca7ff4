# B324: hashlib
import hashlib
import crypt
hashlib.md5(data)  # fails
hashlib.new("sha1", data)  # fails
crypt.crypt(word, crypt.METHOD_MD5)  # fails, MEDIUM
hashlib.md5(data, usedforsecurity=False)  # ok
hashlib.sha256(data)  # ok
