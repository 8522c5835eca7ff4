# B602: subprocess_popen_with_shell_equals_true
import subprocess as sp
sp.Popen("ls " + user_dir, shell=True)  # fails, HIGH
sp.call(
    "ls -l",
    shell=True,  # fails, LOW, reported on this line
)
sp.run(cmd, shell=use_shell)  # fails: a non-literal shell= counts as true
sp.run("ls", shell=False)  # ok for B602 (B603 applies)
sp.run("ls", shell=0)  # ok for B602
