# B604: any_other_function_with_shell_equals_true
run_command("ls", shell=True)  # fails
run_command("ls", shell=False)  # ok
