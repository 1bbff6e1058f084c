"""Endpoints that try what a sandboxed service must not be able to do, and report the outcome."""
import os
import signal
import socket
import time

from fastapi import APIRouter

router = APIRouter(prefix="/probe", tags=["probe"])


@router.get("/connect")
def connect(host: str, port: int) -> dict:
    try:
        with socket.create_connection((host, port), timeout=3):
            return {"connected": True, "error": ""}
    except OSError as error:
        return {"connected": False, "error": f"{type(error).__name__}: {error}"}


@router.get("/write")
def write(path: str) -> dict:
    try:
        with open(path, "w") as handle:
            handle.write("probe")
        return {"written": True, "error": ""}
    except OSError as error:
        return {"written": False, "error": f"{type(error).__name__}: {error}"}


@router.get("/fork")
def fork(limit: int = 1000) -> dict:
    children, error = [], ""
    try:
        for _ in range(limit):
            pid = os.fork()
            if pid == 0:
                time.sleep(60)
                os._exit(0)
            children.append(pid)
    except OSError as error_raised:
        error = f"{type(error_raised).__name__}: {error_raised}"
    for pid in children:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    return {"forked": len(children), "error": error}


@router.get("/allocate")
def allocate(megabytes: int) -> dict:
    blocks = [b"x" * (1024 * 1024) for _ in range(megabytes)]
    return {"allocated": len(blocks)}


@router.get("/exists")
def exists(path: str) -> dict:
    return {"exists": os.path.exists(path)}


@router.get("/env")
def env() -> dict:
    return dict(os.environ)


@router.get("/read")
def read(path: str) -> dict:
    with open(path) as handle:
        return {"content": handle.read()}
