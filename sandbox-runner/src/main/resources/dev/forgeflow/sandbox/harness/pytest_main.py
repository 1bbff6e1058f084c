"""Runs the image's pytest in this process, reporting every outcome on an inherited pipe.

    python3 -I pytest_main.py <fd> <pytest arguments>

Each outcome is written the moment pytest reports it, one line "<phase> <outcome> <node id>",
so a hook of the suite that runs later cannot take back what was already sent.
"""
import os
import sys

import pytest


class OutcomeRecorder:
    def __init__(self, fd: int) -> None:
        self.out = os.fdopen(fd, "w", buffering=1, encoding="utf-8", errors="replace")

    def send(self, phase: str, outcome: str, nodeid: str) -> None:
        self.out.write(f"{phase} {outcome} {nodeid.replace(chr(10), ' ')}\n")

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            self.send("collect", "failed", report.nodeid or "<collection>")

    def pytest_runtest_logreport(self, report) -> None:
        self.send(report.when, report.outcome, report.nodeid)


sys.exit(int(pytest.main(sys.argv[2:], plugins=[OutcomeRecorder(int(sys.argv[1]))])))
