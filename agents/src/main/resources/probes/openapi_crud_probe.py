#!/usr/bin/env python3
"""Black-box CRUD probe of an HTTP service, driven by the service's own /openapi.json.

    python openapi_crud_probe.py --app app.main:app          # in-process, run from the project
    python openapi_crud_probe.py --url http://127.0.0.1:8000 # over HTTP

For every collection path that accepts POST, the probe builds a valid body from the request
schema (types, date and date-time formats, bounds, enums; for a field named x_id it creates an
x first and uses its id), then checks: create (2xx, the body echoes the fields), read by id,
list (contains it), update (PATCH, else PUT; the change persists), delete, read of the deleted
id (404), read of an unknown id (404), a create with a wrong-typed field (422) and one without a
required field (422). Any 5xx, any traceback in a response, and any valid body refused is a
failure. The report is JSON on stdout, {"passed", "failed", "checks": [{resource, check, ok,
detail}]}, and the exit code is 0 only when every check passed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import json
import os
import sys
import time
from typing import Any

UNKNOWN_ID = 987654321
VALUE_TYPES = ("string", "integer", "number", "boolean")


class ProbeFailure(Exception):
    """A check failed; the message says why."""


class Api:
    """Requests to the service, with every answer screened for server errors and tracebacks."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        try:
            response = self.client.request(method, path, json=body)
        except Exception as error:  # the service broke the connection or raised in-process
            raise ProbeFailure(f"{method} {path} raised {type(error).__name__}: {error}") from error
        text = response.text
        if response.status_code >= 500 or TRACEBACK in text:
            raise ProbeFailure(f"{method} {path} answered {response.status_code}: {text[:300]}")
        try:
            return response.status_code, response.json() if text else None
        except ValueError:
            return response.status_code, text

    def expect(self, method: str, path: str, statuses: tuple[int, ...], body: Any = None) -> Any:
        status, answer = self.call(method, path, body)
        if status not in statuses:
            sent = "" if body is None else f" with {json.dumps(body)}"
            raise ProbeFailure(
                f"{method} {path}{sent} answered {status}, expected {statuses}: {str(answer)[:300]}"
            )
        return answer


class Spec:
    """The parts of an OpenAPI document the probe needs."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.paths: dict[str, dict[str, Any]] = document.get("paths", {})
        # operations that are not collections, such as signing up and signing in
        self.excluded: set[str] = set()

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            node: Any = self.document
            for part in schema["$ref"].lstrip("#/").split("/"):
                node = node[part]
            schema = node
        if "allOf" in schema and len(schema["allOf"]) == 1:
            return self.resolve(schema["allOf"][0])
        return schema

    def collections(self) -> list[str]:
        return [
            p
            for p, ops in self.paths.items()
            if "post" in ops and "{" not in p and p not in self.excluded
        ]

    def item_path(self, collection: str) -> str | None:
        for path in self.paths:
            rest = path[len(collection) :]
            if path.startswith(collection + "/{") and rest.count("/") == 1 and rest.endswith("}"):
                return path
        return None

    def body_schema(self, operation: dict[str, Any]) -> dict[str, Any]:
        content = operation.get("requestBody", {}).get("content", {})
        return self.resolve(content.get("application/json", {}).get("schema", {}))

    def field(self, schema: dict[str, Any]) -> dict[str, Any]:
        """One property's schema with null alternatives folded away."""
        schema = self.resolve(schema)
        options = schema.get("anyOf") or schema.get("oneOf")
        if options:
            concrete = [self.resolve(o) for o in options if o.get("type") != "null"]
            if concrete:
                return {**concrete[0], "nullable": len(concrete) < len(options)}
        return schema

    def properties(self, schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
        properties = schema.get("properties", {})
        return {n: self.field(s) for n, s in properties.items() if n != "id"}


TRACEBACK = "Traceback (most recent call last)"
SIGN_UP_WORDS = ("register", "signup", "sign-up", "sign_up", "users")
SIGN_IN_WORDS = ("login", "log-in", "signin", "sign-in", "sign_in", "token")


class SignInFailure(Exception):
    """The service says it signs users in, but a fresh user could not sign up and in."""


class SignIn:
    """How the service signs users in, found in its OpenAPI: a sign-up and a sign-in operation.

    A user is signed up with the sign-up operation's own schema (username, email and password
    fields get fitting values) and signed in with a form (OAuth2's password flow) or JSON, as the
    sign-in operation declares; the bearer token of the answer authenticates later requests.
    """

    def __init__(self, api: Any, spec: Spec, sign_up: str | None, sign_in: str | None):
        self.api = api
        self.spec = spec
        self.sign_up = sign_up
        self.sign_in = sign_in
        self.public_paths = {p for p in (sign_up, sign_in) if p}
        self.users = 0

    @classmethod
    def discover(cls, api: Any, spec: Spec, required: bool) -> "SignIn | None":
        sign_up = cls.find(spec, SIGN_UP_WORDS, needs_password=True)
        sign_in = cls.find(spec, SIGN_IN_WORDS, needs_password=True)
        if sign_in is None and not required:
            return None
        spec.excluded.update(p for p in (sign_up, sign_in) if p)
        return cls(api, spec, sign_up, sign_in)

    @staticmethod
    def find(spec: Spec, words: tuple[str, ...], needs_password: bool) -> str | None:
        for path, operations in spec.paths.items():
            if "post" not in operations or "{" in path:
                continue
            last = path.rstrip("/").rsplit("/", 1)[-1].lower()
            if last in words and (not needs_password or "password" in SignIn.fields(spec, path)):
                return path
        return None

    @staticmethod
    def fields(spec: Spec, path: str) -> dict[str, Any]:
        content = spec.paths[path]["post"].get("requestBody", {}).get("content", {})
        for media in ("application/json", "application/x-www-form-urlencoded",
                      "multipart/form-data"):
            if media in content:
                return spec.resolve(content[media].get("schema", {})).get("properties", {})
        return {}

    def form(self, path: str) -> bool:
        content = self.spec.paths[path]["post"].get("requestBody", {}).get("content", {})
        return "application/json" not in content

    def first_user(self) -> dict[str, str]:
        if self.sign_in is None:
            return {}
        return self.new_user()

    def second_user(self) -> dict[str, str] | None:
        if self.sign_in is None:
            return None
        try:
            return self.new_user()
        except SignInFailure:
            return None

    def new_user(self) -> dict[str, str]:
        self.users += 1
        tag = f"{os.getpid()}{self.users}{int(time.time() * 1000) % 100000}"
        credentials = {"username": f"attacker{tag}", "password": f"Pw-{tag}-long-enough!"}
        token = None
        if self.sign_up is not None:
            body = self.identity(self.sign_up, credentials)
            status, answer = self.api.call("POST", self.sign_up, body)
            if status not in (200, 201):
                raise SignInFailure(f"POST {self.sign_up} answered {status}: {str(answer)[:200]}")
            token = bearer(answer)
        if token is None:
            body = self.identity(self.sign_in, credentials)
            if self.form(self.sign_in):
                response = self.api.client.request(
                    "POST", self.sign_in, data={k: str(v) for k, v in body.items()}
                )
                status, text = response.status_code, response.text
                answer = json.loads(text) if text.startswith("{") else text
            else:
                status, answer = self.api.call("POST", self.sign_in, body)
            if status not in (200, 201):
                raise SignInFailure(f"POST {self.sign_in} answered {status}: {str(answer)[:200]}")
            token = bearer(answer)
        if token is None:
            raise SignInFailure(f"POST {self.sign_in} answered no bearer token")
        return {"Authorization": f"Bearer {token}"}

    def identity(self, path: str, credentials: dict[str, str]) -> dict[str, Any]:
        schema = self.fields(self.spec, path)
        body: dict[str, Any] = {}
        for serial, (name, field) in enumerate(schema.items()):
            field = self.spec.field(field)
            if "password" in name:
                body[name] = credentials["password"]
            elif name in ("username", "name", "login", "user"):
                body[name] = credentials["username"]
            elif "email" in name or field.get("format") == "email":
                body[name] = credentials["username"] + "@example.com"
            elif name in ("grant_type", "scope", "client_id", "client_secret"):
                continue
            else:
                body[name] = valid_value(name, field, serial)
        return body


def bearer(answer: Any) -> str | None:
    if isinstance(answer, dict):
        for key in ("access_token", "token", "jwt", "id_token"):
            if isinstance(answer.get(key), str):
                return answer[key]
    return None


IRREGULAR_PLURALS = {
    "person": "people",
    "child": "children",
    "man": "men",
    "woman": "women",
    "mouse": "mice",
    "goose": "geese",
    "foot": "feet",
    "tooth": "teeth",
    "ox": "oxen",
    "criterion": "criteria",
    "datum": "data",
    "medium": "media",
    "analysis": "analyses",
    "index": "indices",
}


def plural_candidates(word: str) -> list[str]:
    candidates = [word, word + "s", word + "es"]
    if word.endswith("y"):
        candidates.append(word[:-1] + "ies")
    if word.endswith("f"):
        candidates.append(word[:-1] + "ves")
    if word.endswith("fe"):
        candidates.append(word[:-2] + "ves")
    last = word.rsplit("_", 1)[-1]
    if last in IRREGULAR_PLURALS:
        candidates.append(word[: len(word) - len(last)] + IRREGULAR_PLURALS[last])
    return candidates


def valid_value(name: str, schema: dict[str, Any], serial: int) -> Any:
    if "enum" in schema:
        return schema["enum"][0]
    kind, fmt = schema.get("type"), schema.get("format")
    if kind == "integer":
        return bounded(40 + serial, schema)
    if kind == "number":
        return bounded(12.5 + serial, schema)
    if kind == "boolean":
        return True
    if kind == "array":
        return []
    if kind == "object":
        return {}
    if fmt == "date":
        return "2024-05-17"
    if fmt == "date-time":
        return "2024-05-17T10:30:00"
    if fmt == "email":
        return f"probe{serial}@example.com"
    return sized(f"probe {name} {serial}", schema)


def changed_value(schema: dict[str, Any], current: Any) -> Any:
    if "enum" in schema:
        others = [v for v in schema["enum"] if v != current]
        return others[0] if others else current
    kind, fmt = schema.get("type"), schema.get("format")
    if kind == "integer":
        return next((v for v in (current + 1, current - 1) if bounded(v, schema) == v), current)
    if kind == "number":
        return next(
            (v for v in (current + 1.25, current - 1.25) if bounded(v, schema) == v), current
        )
    if kind == "boolean":
        return not current
    if fmt == "date":
        return "2024-06-01"
    if fmt == "date-time":
        return "2024-06-01T08:15:00"
    if fmt == "email":
        return "changed-" + current
    return sized("changed " + str(current), schema)


def wrong_value(schema: dict[str, Any]) -> Any:
    kind, fmt = schema.get("type"), schema.get("format")
    if kind in ("integer", "number"):
        return "not a number"
    if kind == "boolean":
        return "not a boolean"
    if fmt in ("date", "date-time"):
        return "not a date"
    return {"not": "a string"}


def bounded(value: float, schema: dict[str, Any]) -> Any:
    low = schema.get("minimum", schema.get("exclusiveMinimum"))
    high = schema.get("maximum", schema.get("exclusiveMaximum"))
    if low is not None and value <= low:
        value = low + (1 if "exclusiveMinimum" in schema else 0)
    if high is not None and value >= high:
        value = high - (1 if "exclusiveMaximum" in schema else 0)
    return int(value) if schema.get("type") == "integer" else value


def sized(text: str, schema: dict[str, Any]) -> str:
    text = text[: schema.get("maxLength", len(text))]
    return text + "x" * max(0, schema.get("minLength", 0) - len(text))


def same(sent: Any, got: Any) -> bool:
    if sent == got:
        return True
    if isinstance(sent, (int, float)) and isinstance(got, (int, float)):
        return abs(float(sent) - float(got)) < 1e-9
    if isinstance(sent, str) and isinstance(got, str):
        try:
            return moment(sent) == moment(got)
        except ValueError:
            return False
    return False


def moment(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


def item_id(created: Any) -> Any:
    if isinstance(created, dict) and "id" in created:
        return created["id"]
    raise ProbeFailure(f"the created item has no id: {str(created)[:300]}")


def listed(answer: Any) -> list[Any]:
    if isinstance(answer, dict):
        for key in ("items", "data", "results"):
            if isinstance(answer.get(key), list):
                return answer[key]
    return answer if isinstance(answer, list) else []


class Probe:
    """Runs the checks of every collection and collects the report."""

    def __init__(self, api: Api, spec: Spec) -> None:
        self.api = api
        self.spec = spec
        self.checks: list[dict[str, Any]] = []
        self.serial = 0
        self.parents: list[str] = []

    def record(self, resource: str, check: str, ok: bool, detail: str) -> None:
        self.checks.append({"resource": resource, "check": check, "ok": ok, "detail": detail})

    def collection_of(self, field: str) -> str | None:
        if not field.endswith("_id") or field == "_id":
            return None
        names = plural_candidates(field[: -len("_id")])
        for path in self.spec.collections():
            if path.rstrip("/").rsplit("/", 1)[-1] in names:
                return path
        return None

    def body(self, collection: str, depth: int = 0) -> dict[str, Any]:
        schema = self.spec.body_schema(self.spec.paths[collection]["post"])
        required = set(schema.get("required", []))
        body: dict[str, Any] = {}
        for name, field in self.spec.properties(schema).items():
            parent = self.collection_of(name)
            if parent is not None and field.get("type") in ("integer", "string", None):
                if name in required and depth < 5:
                    body[name] = self.create_parent(parent, depth + 1)
                continue
            self.serial += 1
            body[name] = valid_value(name, field, self.serial)
        return body

    def create_parent(self, collection: str, depth: int) -> Any:
        created = self.api.expect("POST", collection, (200, 201), self.body(collection, depth))
        item = self.spec.item_path(collection)
        if item is not None:
            self.parents.append(item.split("{")[0] + str(item_id(created)))
        return item_id(created)

    def run(self) -> None:
        collections = self.spec.collections()
        if not collections:
            self.record("*", "spec", False, "no collection path accepts POST")
        for collection in collections:
            self.run_collection(collection)
        for path in reversed(self.parents):
            with contextlib.suppress(ProbeFailure):
                self.api.call("DELETE", path)

    def check(self, resource: str, name: str, action: Any) -> bool:
        try:
            detail = action()
        except ProbeFailure as failure:
            self.record(resource, name, False, str(failure))
            return False
        except Exception as error:  # an answer the probe could not make sense of
            self.record(resource, name, False, f"{type(error).__name__}: {error}")
            return False
        self.record(resource, name, True, str(detail))
        return True

    def run_collection(self, collection: str) -> None:
        resource = collection.strip("/")
        item = self.spec.item_path(collection)
        state: dict[str, Any] = {}
        if not self.check(resource, "create", lambda: self.create(collection, state)):
            return
        if item is None:
            self.record(resource, "item path", False, f"no {collection}/{{id}} path in the spec")
            return
        url = item.split("{")[0] + str(state["id"])
        self.check(resource, "read", lambda: self.read(url, state["sent"]))
        self.check(resource, "list", lambda: self.list(collection, state["id"]))
        self.check(resource, "update", lambda: self.update(collection, item, url, state["sent"]))
        self.check(resource, "wrong type", lambda: self.wrong_type(collection))
        self.check(resource, "missing field", lambda: self.missing_field(collection))
        if self.check(resource, "delete", lambda: self.delete(item, url)):
            self.check(resource, "read deleted", lambda: self.not_found(url))
        self.check(
            resource, "read unknown", lambda: self.not_found(item.split("{")[0] + str(UNKNOWN_ID))
        )

    def create(self, collection: str, state: dict[str, Any]) -> str:
        sent = self.body(collection)
        created = self.api.expect("POST", collection, (200, 201), sent)
        mismatched = [n for n, v in sent.items() if not same(v, (created or {}).get(n))]
        if mismatched:
            raise ProbeFailure(f"the answer does not echo {mismatched}: sent {sent}, got {created}")
        state.update(id=item_id(created), sent=sent)
        return f"created id {state['id']} from {json.dumps(sent)}"

    def read(self, url: str, sent: dict[str, Any]) -> str:
        found = self.api.expect("GET", url, (200,))
        mismatched = [n for n, v in sent.items() if not same(v, (found or {}).get(n))]
        if mismatched:
            raise ProbeFailure(f"GET {url} differs in {mismatched}: {found}")
        return "200"

    def list(self, collection: str, wanted: Any) -> str:
        items = listed(self.api.expect("GET", collection, (200,)))
        if not any(isinstance(i, dict) and i.get("id") == wanted for i in items):
            raise ProbeFailure(f"GET {collection} does not list id {wanted}")
        return f"{len(items)} listed"

    def update(self, collection: str, item: str, url: str, sent: dict[str, Any]) -> str:
        method = (
            "patch"
            if "patch" in self.spec.paths[item]
            else "put"
            if "put" in self.spec.paths[item]
            else None
        )
        if method is None:
            return "skipped: no PATCH or PUT in the spec"
        schema = self.spec.body_schema(self.spec.paths[collection]["post"])
        fields = self.spec.properties(schema)
        name, value = self.changed_field(fields, sent)
        body = {name: value} if method == "patch" else {**sent, name: value}
        self.api.expect(method.upper(), url, (200, 204), body)
        stored = self.api.expect("GET", url, (200,))
        if not same(value, stored.get(name)):
            raise ProbeFailure(
                f"{method.upper()} {url} set {name}={value!r} but GET shows {stored.get(name)!r}"
            )
        sent[name] = value
        return f"{method.upper()} {name}={value!r} persisted"

    def changed_field(
        self, fields: dict[str, dict[str, Any]], sent: dict[str, Any]
    ) -> tuple[str, Any]:
        for name, field in fields.items():
            if (
                name in sent
                and self.collection_of(name) is None
                and field.get("type") in VALUE_TYPES
            ):
                return name, changed_value(field, sent[name])
        for name in fields:
            parent = self.collection_of(name)
            if name in sent and parent is not None:
                return name, self.create_parent(parent, 1)
        raise ProbeFailure("no field of the request schema can be changed")

    def wrong_type(self, collection: str) -> str:
        body = self.body(collection)
        schema = self.spec.body_schema(self.spec.paths[collection]["post"])
        fields = self.spec.properties(schema)
        candidates = [n for n in body if self.collection_of(n) is None and "enum" not in fields[n]]
        typed = [
            n for n in candidates if fields[n].get("type") != "string" or fields[n].get("format")
        ]
        if not candidates:
            return "skipped: no plain field to send with a wrong type"
        name = (typed or candidates)[0]
        bad = {**body, name: wrong_value(fields[name])}
        self.api.expect("POST", collection, (422,), bad)
        return f"{name}={bad[name]!r} refused with 422"

    def missing_field(self, collection: str) -> str:
        schema = self.spec.body_schema(self.spec.paths[collection]["post"])
        required = [n for n in schema.get("required", []) if n != "id"]
        if not required:
            return "skipped: no required field"
        body = self.body(collection)
        body.pop(required[0], None)
        self.api.expect("POST", collection, (422,), body)
        return f"without {required[0]} refused with 422"

    def delete(self, item: str, url: str) -> str:
        if "delete" not in self.spec.paths[item]:
            raise ProbeFailure(f"no DELETE {item} in the spec")
        self.api.expect("DELETE", url, (200, 202, 204))
        return "deleted"

    def not_found(self, url: str) -> str:
        self.api.expect("GET", url, (404,))
        return "404"


def in_process_client(reference: str, stack: contextlib.ExitStack) -> Any:
    module_name, _, attribute = reference.partition(":")
    sys.path.insert(0, os.getcwd())
    app = getattr(importlib.import_module(module_name), attribute or "app")
    from fastapi.testclient import TestClient

    return stack.enter_context(TestClient(app, raise_server_exceptions=False))


# The probe looks like any client: a service that answers well only when it recognises the probe
# must not be able to tell.
CLIENT_AGENTS = (
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/126.0.0.0 Safari/537.36",
    "curl/8.5.0",
    "PostmanRuntime/7.39.0",
)


def http_client(url: str, stack: contextlib.ExitStack) -> Any:
    import httpx
    import random

    headers = {"User-Agent": random.SystemRandom().choice(CLIENT_AGENTS), "Accept": "*/*"}
    return stack.enter_context(
        httpx.Client(base_url=url.rstrip("/"), timeout=10.0, headers=headers)
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--app", help="module:attribute of an ASGI app, imported from the cwd")
    target.add_argument("--url", help="base URL of a running service")
    args = parser.parse_args(argv)
    out = sys.stdout
    probe = None
    with contextlib.redirect_stdout(sys.stderr), contextlib.ExitStack() as stack:
        try:
            client = (
                in_process_client(args.app, stack) if args.app else http_client(args.url, stack)
            )
            api = Api(client)
            spec = Spec(api.expect("GET", "/openapi.json", (200,)))
            auth = SignIn.discover(api, spec, required=False)
            if auth is not None:
                client.headers.update(auth.first_user())
            probe = Probe(api, spec)
            probe.run()
        except Exception as error:  # the service could not even be reached or described
            probe = probe or Probe(Api(None), Spec({}))
            probe.record("*", "probe", False, f"{type(error).__name__}: {error}")
    failed = sum(1 for c in probe.checks if not c["ok"])
    passed = len(probe.checks) - failed
    json.dump({"passed": passed, "failed": failed, "checks": probe.checks}, out, indent=2)
    out.write("\n")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
