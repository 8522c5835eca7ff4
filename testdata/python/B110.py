# B110: try_except_pass
try:
    risky()
except Exception:  # fails
    pass
try:
    risky()
except:  # fails
    pass
try:
    risky()
except ValueError:  # ok: a specific exception
    pass
try:
    risky()
except Exception:  # ok: handled
    log()
