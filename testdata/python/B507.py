# B507: ssh_no_host_key_verification
import paramiko
client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # fails
client.set_missing_host_key_policy(paramiko.WarningPolicy)  # fails
client.set_missing_host_key_policy(paramiko.RejectPolicy())  # ok
