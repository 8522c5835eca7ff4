# B102: exec_used
exec("print(1)")  # fails
code = compile("1", "<s>", "eval")  # ok
self.exec("x")  # ok: not the builtin
