"""Waits until a service answers HTTP or time runs out; exit 0 (answered) or 4 (no answer)."""
import sys
import time
import urllib.error
import urllib.request

seconds, url = float(sys.argv[1]), sys.argv[2]
deadline = time.monotonic() + seconds
while True:
    try:
        with urllib.request.urlopen(url, timeout=min(2.0, seconds)) as answer:
            print(f"answered {answer.status}")
            sys.exit(0)
    except urllib.error.HTTPError as answer:
        print(f"answered {answer.code}")
        sys.exit(0)
    except (OSError, ValueError):
        pass
    if time.monotonic() >= deadline:
        break
    time.sleep(0.1)
print("timeout")
sys.exit(4)
