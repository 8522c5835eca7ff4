#!/usr/bin/env python3
"""Build a git repository with N commits (default 10,000) of ordinary Python
edits, a few of which add a credential, using `git fast-import`.

    benches/make-history-repo.py DIR [N]
"""
import random
import subprocess
import sys
import time

dest = sys.argv[1]
commits = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
rnd = random.Random(42)
b62 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

subprocess.run(["git", "init", "-q", "-b", "main", dest], check=True)
files = {f"svc/module_{i:03}.py": [f"import os\n", f"\n"] for i in range(300)}
out = []
now = int(time.time()) - commits * 60
for n in range(1, commits + 1):
    path = rnd.choice(list(files))
    body = files[path]
    for _ in range(rnd.randint(3, 12)):
        k = rnd.randint(0, 10_000)
        body.append(rnd.choice([
            f"def handler_{k}(request):\n    return {{'status': {k}, 'ok': True}}\n",
            f"CACHE_TTL_{k} = {k % 3600}\n",
            f"logger.info('processed %s items', {k})\n",
            f"API_URL_{k} = os.environ.get('API_URL_{k}', 'https://api.internal/v{k % 3}')\n",
        ]))
    if n % 500 == 0:
        token = "ghp_" + "".join(rnd.choice(b62) for _ in range(36))
        body.append(f"GITHUB_TOKEN = '{token}'\n")
    content = "".join(body).encode()
    msg = f"change {n}\n".encode()
    out.append(b"commit refs/heads/main\n")
    out.append(f"author Dev <dev@example.org> {now + n * 60} +0000\n".encode())
    out.append(f"committer Dev <dev@example.org> {now + n * 60} +0000\n".encode())
    out.append(b"data %d\n%s" % (len(msg), msg))
    out.append(f"M 100644 inline {path}\n".encode())
    out.append(b"data %d\n%s\n" % (len(content), content))
subprocess.run(["git", "-C", dest, "fast-import", "--quiet"], input=b"".join(out), check=True)
subprocess.run(["git", "-C", dest, "reset", "-q", "--hard", "main"], check=True)
print(f"{dest}: {commits} commits")
