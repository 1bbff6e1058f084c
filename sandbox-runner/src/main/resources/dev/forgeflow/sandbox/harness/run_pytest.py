"""Runs a project's pytest suite in a child process and reports what it saw.

    python3 -I run_pytest.py <seconds> <project dir>

PID 1 of a fresh check container, run as the same user as the suite. It first makes itself
non-dumpable, so the suite's processes cannot open its stdout through /proc: the suite reaches it
only through the pipes it hands out (output, and the outcomes pytest_main.py streams). The last
line of its stdout is the report: MARKER followed by JSON
{"exit", "timedOut", "outcomes", "junit", "output"}.
"""
import ctypes
import json
import os
import signal
import subprocess
import sys
import threading

MARKER = "@@forgeflow-pytest@@ "
HARNESS = os.path.dirname(os.path.abspath(__file__))
REPORT = "/tmp/forgeflow-pytest/junit.xml"
LIMIT = 1 << 20
PR_SET_DUMPABLE = 4


def read_all(fd: int, sink: bytearray) -> None:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        if len(sink) < LIMIT:
            sink.extend(chunk[: LIMIT - len(sink)])
    os.close(fd)


def reader(fd: int, sink: bytearray) -> threading.Thread:
    thread = threading.Thread(target=read_all, args=(fd, sink), daemon=True)
    thread.start()
    return thread


def main() -> None:
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise SystemExit("could not make the harness non-dumpable")
    seconds, project = float(sys.argv[1]), sys.argv[2]
    os.makedirs(os.path.dirname(REPORT), exist_ok=True)
    outcomes_read, outcomes_write = os.pipe()
    output_read, output_write = os.pipe()
    command = [
        sys.executable, "-I", os.path.join(HARNESS, "pytest_main.py"), str(outcomes_write),
        "-q", "-p", "no:cacheprovider", "-o", "pythonpath=.", f"--junitxml={REPORT}",
        f"--rootdir={project}", project,
    ]
    child = subprocess.Popen(
        command, cwd=project, stdin=subprocess.DEVNULL, stdout=output_write,
        stderr=output_write, pass_fds=(outcomes_write,), start_new_session=True)
    os.close(outcomes_write)
    os.close(output_write)
    outcomes, output = bytearray(), bytearray()
    threads = [reader(outcomes_read, outcomes), reader(output_read, output)]
    timed_out = False
    try:
        code = child.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(child.pid, signal.SIGKILL)
        code = child.wait()
    for thread in threads:  # processes the suite left behind may hold the pipes open
        thread.join(timeout=2)
    junit = ""
    try:
        with open(REPORT, "rb") as handle:
            junit = handle.read(LIMIT).decode("utf-8", "replace")
    except OSError:
        pass
    report = {
        "exit": code, "timedOut": timed_out,
        "outcomes": bytes(outcomes).decode("utf-8", "replace"),
        "junit": junit, "output": bytes(output).decode("utf-8", "replace")[-65536:],
    }
    sys.stdout.write("\n" + MARKER + json.dumps(report) + "\n")
    sys.stdout.flush()


main()
