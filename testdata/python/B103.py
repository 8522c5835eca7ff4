# B103: set_bad_file_permissions
import os
import stat
os.chmod("/etc/secret", 0o777)  # fails, HIGH
os.chmod(key_file, 0o770)  # fails, MEDIUM
os.chmod("/etc/secret", 0o600)  # ok
os.chmod("/etc/secret", stat.S_IRUSR)  # ok: not a literal
