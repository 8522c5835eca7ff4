# B605: start_process_with_a_shell
import os
os.system("rm -rf " + path)  # fails, HIGH
os.popen("ls")  # fails, LOW
os.listdir(path)  # ok
