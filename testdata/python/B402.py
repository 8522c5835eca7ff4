# B402: import_ftplib
from ftplib import FTP_TLS  # fails
import paramiko  # ok
