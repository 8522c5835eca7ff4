# B601: paramiko_calls
import paramiko
client = paramiko.SSHClient()
client.exec_command("ls " + path)  # fails
client.connect("host")  # ok
