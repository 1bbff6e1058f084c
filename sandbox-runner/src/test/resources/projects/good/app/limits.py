"""Request limits: oversized bodies are refused, and refusals never echo what was sent."""
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

MAX_BODY_BYTES = 1 << 20


class BodyTooLarge(Exception):
    """The body grew past the limit while it was being read."""


class BodyLimit:
    """ASGI middleware: a body over MAX_BODY_BYTES gets 413, declared or streamed."""

    def __init__(self, app, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await too_large(scope, receive, send)
            return
        received = 0

        async def limited() -> dict:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLarge()
            return message

        try:
            await self.app(scope, limited, send)
        except BodyTooLarge:
            await too_large(scope, receive, send)


async def too_large(scope, receive, send) -> None:
    response = JSONResponse({"detail": "the request body is too large"}, status_code=413)
    await response(scope, receive, send)


async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
    """422 naming each bad field, without echoing the input (it may be huge or unencodable)."""
    errors = [{"loc": e["loc"], "msg": e["msg"], "type": e["type"]} for e in error.errors()]
    return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)


def install(app: FastAPI) -> None:
    app.add_middleware(BodyLimit)
    app.add_exception_handler(RequestValidationError, invalid_request)
