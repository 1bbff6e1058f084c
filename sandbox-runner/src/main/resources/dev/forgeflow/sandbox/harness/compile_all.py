"""Byte-compiles every .py file under a directory in memory, writing nothing; prints JSON."""
import json
import os
import sys

root = sys.argv[1]
errors = []
count = 0
for directory, dirs, files in os.walk(root):
    dirs.sort()
    for name in sorted(files):
        if not name.endswith(".py"):
            continue
        path = os.path.join(directory, name)
        count += 1
        try:
            with open(path, "rb") as handle:
                compile(handle.read(), path, "exec", dont_inherit=True)
        except SyntaxError as error:
            errors.append({"file": os.path.relpath(path, root), "line": error.lineno or 0,
                           "message": f"{type(error).__name__}: {error.msg}"})
        except ValueError as error:
            errors.append({"file": os.path.relpath(path, root), "line": 0,
                           "message": f"{type(error).__name__}: {error}"})
print(json.dumps({"files": count, "errors": errors}))
