# B321: ftplib
from ftplib import FTP
ftp = FTP("host")  # fails (B402 flags the import)
