# B607: start_process_with_partial_path
import subprocess
subprocess.run(["git", "status"])  # fails
import os
os.system("ls")  # fails
subprocess.run(["/usr/bin/git", "status"])  # ok (B603 still applies)
