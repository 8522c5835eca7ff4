# B606: start_process_with_no_shell
import os
os.execv("/bin/ls", ["ls"])  # fails
os.spawnl(os.P_WAIT, "/bin/ls", "ls")  # fails
os.getpid()  # ok
