# B112: try_except_continue
for item in items:
    try:
        process(item)
    except Exception as exc:  # fails
        continue
    try:
        process(item)
    except KeyError:  # ok: a specific exception
        continue
