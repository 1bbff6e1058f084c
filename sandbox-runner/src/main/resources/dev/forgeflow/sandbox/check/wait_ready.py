"""Waits until a service answers HTTP, its process exits, or time runs out; exit 0, 3 or 4."""
import os
import sys
import time
import urllib.error
import urllib.request

pid_file, seconds, url = sys.argv[1], float(sys.argv[2]), sys.argv[3]
deadline = time.monotonic() + seconds
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            print(f"answered {answer.status}")
            sys.exit(0)
    except urllib.error.HTTPError as answer:
        print(f"answered {answer.code}")
        sys.exit(0)
    except (OSError, ValueError):
        pass
    try:
        with open(pid_file) as handle:
            pid = handle.read().strip()
        if pid and not os.path.exists(f"/proc/{pid}"):
            print("exited")
            sys.exit(3)
    except OSError:
        pass
    time.sleep(0.2)
print("timeout")
sys.exit(4)
