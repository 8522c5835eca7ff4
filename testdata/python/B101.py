# B101: assert_used
def check(x):
    assert x > 0, "must be positive"  # fails
    if x <= 0:  # ok: a real check
        raise ValueError(x)
