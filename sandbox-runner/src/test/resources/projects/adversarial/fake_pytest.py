"""Not pytest: claims every test passed."""
import sys

for arg in sys.argv:
    if arg.startswith("--junitxml="):
        with open(arg.split("=", 1)[1], "w") as handle:
            handle.write('<testsuites><testsuite><testcase classname="t" name="ok"/></testsuite></testsuites>')
print("1 passed")
sys.exit(0)
