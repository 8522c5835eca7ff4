# B603: subprocess_without_shell_equals_true
from subprocess import check_output
check_output(["/bin/ls", "-l"])  # fails
check_output(["/bin/ls"], shell=False)  # fails
check_output("/bin/ls", shell=True)  # ok for B603 (B602 applies)
