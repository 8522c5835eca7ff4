# B401: import_telnetlib
import telnetlib  # fails
import paramiko  # ok
