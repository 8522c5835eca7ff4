"""Tricky statements for the logical-line scan (compared with tree-sitter)."""
import os, subprocess  # two names
from typing import (
    Any,  # a comment inside brackets
    Dict,
)

X = 1; Y = (2,
    3); Z = 4
W = 1 + \
    2


@decorator
# a comment between decorators
@other(
    arg=1,
)
def decorated(a,
              b: Dict[str, Any] = {"k": [1, 2]},
              ) -> None:
    """Docstring
    over lines with 'quotes' and "quotes" and \"\"\" escapes.
    """
    subprocess.call(
        a, shell=True)  # nosec B602
    if a:  # head comment
        pass
    # at the if's depth, after its block

    elif b:
        x = f"{a!r:>{b}} {a['k']} {{literal}} {b:'^10}"
            # deeper than the block
    else: y = 1; z = (
        2)
        # deeper, after a one-line else
    # function depth
# module depth, inside nothing
    try:
        pass
    except* ValueError:
        raise
    finally:
        pass
    return f'''
    {a
     + 1}
    '''


class K(object):

    attr: int = 3

    async def run(self):
        async with self.lock as l:
            async for i in l:
                print(i, end="")
            else:
                pass

        while True:
            break
        else:
            pass
            # trailing, deeper than the class body

    def other(self): return rb'\'' + Rb"\"" + b'\\'

    def continued(self):
        assert self.other() \
            # a comment line after a backslash continuation


match command:
    case {"action": a, **rest} if a:
        pass
    case [x, *_]:
        pass
    case _:
        pass
match = {1: 2}
lam = lambda q: (q
    + 1)
s = 'line \
continued'
t = "\N{EM DASH}" + f"\N{BULLET} {X}"
if X: a = 1; b = [
    2]
for i in range(3): print(i)
else: print("done")
with open(os.devnull) as f, \
        open(os.devnull) as g:
    pass
# last comment
