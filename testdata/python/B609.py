# B609: linux_commands_wildcard_injection
import os
import subprocess
os.system("tar cf backup.tar *")  # fails
subprocess.Popen("chmod 755 *", shell=True)  # fails
os.system("tar cf backup.tar data/")  # ok
