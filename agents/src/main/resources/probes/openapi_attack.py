#!/usr/bin/env python3
"""Attacks an HTTP service through its own /openapi.json, as a hostile client would.

    python openapi_attack.py --url http://127.0.0.1:8000 [--auth-required]
    python openapi_attack.py --app app.main:app          # in-process, run from the project

It runs beside openapi_crud_probe.py (whose spec reading and valid bodies it reuses) and, for
every collection path that accepts POST, creates a known row and then sends what a hostile
client sends, each attack named by its class and CWE:

- exceptional-input (CWE-20, CWE-703 when it ends in a 5xx): NaN and Infinity, integers beyond
  64 bits in bodies, paths and queries, a 1 MiB string, a 4 MiB body, NUL, a lone surrogate and
  invalid UTF-8, malformed JSON, an array or a scalar where an object belongs, impossible dates,
  negative and huge paging parameters, unknown enum values;
- mass-assignment (CWE-915): a client-chosen id or read-only field in a create or update body;
- referential-integrity (CWE-20): a foreign key to a missing row, and deleting a parent that
  still has children (refused, or cascading; never a dangling child);
- injection (CWE-89): SQL metacharacters in every string field, query parameter and path;
- access-control (CWE-284, CWE-639), when the service signs users in or --auth-required says it
  must: every operation but the public ones refuses a caller without credentials, and a second
  user can neither read, change, delete nor list the first one's rows;
- persistent-damage (CWE-703): after every attack that may write, every collection's list and a
  read of its known row must still answer 200.

Any 5xx, a traceback in an answer, no answer, or a violated property is a finding. The attack is
bounded by --max-requests and --seconds. The report is JSON on stdout: {"passed", "failed",
"requests": {"METHOD /path/{id}": n}, "skipped": [...], "checks": [{resource, check, class, cwe,
ok, field, request, answer, detail}]}; the exit code is 0 only when nothing was found.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import time
from dataclasses import dataclass
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import openapi_crud_probe as crud  # noqa: E402  (beside this file; -I leaves it off the path)

CWE = {
    "exceptional-input": "CWE-20",
    "mass-assignment": "CWE-915",
    "referential-integrity": "CWE-20",
    "injection": "CWE-89",
    "access-control": "CWE-284",
    "persistent-damage": "CWE-703",
}
BEYOND_64_BITS = (2**64, -(2**64) - 1)
HUGE_STRING = 1 << 20
HUGE_BODY = 4 << 20
MISSING_ID = 2_000_000_017
FORGED_ID = 7_340_033
SQL_STRINGS = ("x' OR '1'='1", "'; DROP TABLE {table}; --", 'x" OR ""="', "x') OR 1=1 --")
SQL_FILTERS = ("' OR '1'='1", "%' OR '1'='1' --", '" OR "1"="1')
PUBLIC_PATHS = {"/", "/health", "/healthz", "/docs", "/redoc", "/openapi.json"}


class OutOfBounds(Exception):
    """The attack spent its requests or its time."""


class ServiceDown(Exception):
    """The service stopped answering."""


@dataclass
class Answer:
    status: int | None
    text: str
    error: str = ""

    def data(self) -> Any:
        try:
            return json.loads(self.text) if self.text else None
        except ValueError:
            return None

    def broken(self) -> bool:
        return self.status is None or self.status >= 500 or crud.TRACEBACK in self.text

    def refused(self) -> bool:
        return self.status is not None and 400 <= self.status < 500 and not self.broken()

    def accepted(self) -> bool:
        return self.status is not None and 200 <= self.status < 300 and not self.broken()

    def describe(self) -> str:
        if self.status is None:
            return f"no answer ({self.error})"
        return f"{self.status} {self.text[:300]}".strip()


class Client:
    """Every request of the attack: counted per endpoint, bounded in number and time."""

    def __init__(self, http: Any, spec: crud.Spec, max_requests: int, seconds: float) -> None:
        self.http = http
        self.max_requests = max_requests
        self.deadline = time.monotonic() + seconds
        self.counts: dict[str, int] = {}
        self.sent = 0
        self.headers: dict[str, str] = {}
        self.templates = [(re.compile(self.pattern(p)), p) for p in spec.paths]

    @staticmethod
    def pattern(template: str) -> str:
        return "^" + re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template)) + "$"

    def endpoint(self, method: str, path: str) -> str:
        bare = path.split("?", 1)[0]
        for pattern, template in self.templates:
            if pattern.match(bare):
                return f"{method} {template}"
        return f"{method} {bare[:80]}"

    def request(self, method: str, path: str, **options: Any) -> Any:
        """The crud probe's client interface: counted and bounded like every other request."""
        self.spend(method, path)
        headers = {**self.headers, **options.pop("headers", {})}
        return self.http.request(method, path, headers=headers, **options)

    def spend(self, method: str, path: str) -> None:
        if self.sent >= self.max_requests:
            raise OutOfBounds(f"stopped after {self.sent} requests (--max-requests)")
        if time.monotonic() > self.deadline:
            raise OutOfBounds(f"stopped after {self.sent} requests: out of time (--seconds)")
        self.sent += 1
        key = self.endpoint(method, path)
        self.counts[key] = self.counts.get(key, 0) + 1

    def send(
        self,
        method: str,
        path: str,
        body: Any = None,
        raw: bytes | None = None,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        anonymous: bool = False,
    ) -> Answer:
        self.spend(method, path)
        sent_headers = {} if anonymous else dict(self.headers)
        sent_headers.update(headers or {})
        options: dict[str, Any] = {"headers": sent_headers}
        if raw is not None:
            options["content"] = raw
            sent_headers.setdefault("Content-Type", "application/json")
        elif form is not None:
            options["data"] = form
        elif body is not None:
            options["content"] = json.dumps(body).encode()
            sent_headers.setdefault("Content-Type", "application/json")
        try:
            response = self.http.request(method, path, **options)
        except Exception as error:  # no answer: refused connection, reset, timeout
            return Answer(None, "", f"{type(error).__name__}: {str(error)[:200]}")
        return Answer(response.status_code, response.text)


def shown(body: Any = None, raw: bytes | None = None) -> str:
    if raw is not None:
        text = raw[:200].decode("utf-8", "backslashreplace")
        return text + (f"… ({len(raw)} bytes)" if len(raw) > 200 else "")
    if body is None:
        return ""
    text = json.dumps(body)
    return text[:200] + (f"… ({len(text)} characters)" if len(text) > 200 else "")


@dataclass
class Row:
    """A row the attack created and knows: where it is and what was sent."""

    collection: str
    id: Any
    url: str
    sent: dict[str, Any]
    parents: dict[str, "Row"]


class Attack:
    """The attack classes, run collection by collection over one client."""

    def __init__(self, client: Client, spec: crud.Spec, auth: "crud.SignIn | None") -> None:
        self.client = client
        self.spec = spec
        self.auth = auth
        self.probe = crud.Probe(crud.Api(client), spec)
        self.checks: list[dict[str, Any]] = []
        self.skipped: list[str] = []
        self.known: dict[str, Row] = {}
        self.damaged: set[str] = set()
        self.serial = 0

    # -- reporting --------------------------------------------------------------------------

    def record(
        self,
        resource: str,
        check: str,
        kind: str,
        ok: bool,
        request: str = "",
        answer: Answer | None = None,
        detail: str = "",
        field: str | None = None,
        cwe: str | None = None,
    ) -> bool:
        if answer is not None and answer.status is not None and answer.status >= 500:
            cwe = cwe or ("CWE-703" if kind == "exceptional-input" else None)
        self.checks.append(
            {
                "resource": resource,
                "check": check,
                "class": kind,
                "cwe": cwe or CWE[kind],
                "ok": ok,
                "field": field,
                "request": request,
                "answer": "" if answer is None else answer.describe(),
                "detail": detail,
            }
        )
        if answer is not None and answer.status is None and "Timeout" not in answer.error:
            raise ServiceDown(f"{request} got {answer.describe()}")
        return ok

    # -- rows the attack knows --------------------------------------------------------------

    def body(self, collection: str, depth: int = 0) -> tuple[dict[str, Any], dict[str, Row]]:
        schema = self.spec.body_schema(self.spec.paths[collection]["post"])
        required = set(schema.get("required", []))
        body: dict[str, Any] = {}
        parents: dict[str, Row] = {}
        for name, field in self.spec.properties(schema).items():
            parent = self.probe.collection_of(name)
            if parent is not None and field.get("type") in ("integer", "string", None):
                if name in required and depth < 5:
                    row = self.create(parent, depth + 1)
                    parents[name] = row
                    body[name] = row.id
                continue
            self.serial += 1
            body[name] = crud.valid_value(name, field, self.serial)
        return body, parents

    def create(self, collection: str, depth: int = 0) -> Row:
        body, parents = self.body(collection, depth)
        created = self.probe.api.expect("POST", collection, (200, 201), body)
        item = self.spec.item_path(collection)
        row_id = crud.item_id(created)
        url = (item.split("{")[0] if item else collection.rstrip("/") + "/") + str(row_id)
        return Row(collection, row_id, url, body, parents)

    def guard(self, after: str) -> None:
        """Persistent damage: every known collection still lists, every known row still reads."""
        for collection, row in self.known.items():
            if collection in self.damaged:
                continue
            for path in (collection, row.url):
                answer = self.client.send("GET", path)
                if answer.status != 200 or answer.broken():
                    self.damaged.add(collection)
                    self.record(
                        collection.strip("/"),
                        "damage persists",
                        "persistent-damage",
                        False,
                        request=after,
                        answer=answer,
                        detail=f"after {after[:300]}, GET {path} answered {answer.describe()}",
                    )
                    break

    def forget(self, answer: Answer, collection: str) -> None:
        """Removes what an accepted attack created, once the guard has looked at it."""
        data = answer.data()
        if answer.accepted() and isinstance(data, dict) and "id" in data:
            item = self.spec.item_path(collection)
            if item is not None and "delete" in self.spec.paths[item]:
                self.client.send("DELETE", item.split("{")[0] + str(data["id"]))

    # -- one attack ---------------------------------------------------------------------------

    def expect_refused(
        self,
        resource: str,
        check: str,
        kind: str,
        method: str,
        path: str,
        body: Any = None,
        raw: bytes | None = None,
        field: str | None = None,
        why: str = "",
    ) -> Answer:
        """The request must be refused with a 4xx; one that writes is followed by the guard."""
        answer = self.client.send(method, path, body=body, raw=raw)
        request = f"{method} {path} {shown(body, raw)}".strip()
        ok = answer.refused()
        detail = "refused" if ok else f"{request} answered {answer.describe()}, expected a 4xx"
        if not ok and answer.accepted():
            detail += f": {why}" if why else ""
        self.record(resource, check, kind, ok, request, answer, detail, field)
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            self.guard(request)
            if method == "POST":
                self.forget(answer, path)
        return answer

    def expect_survives(
        self,
        resource: str,
        check: str,
        kind: str,
        method: str,
        path: str,
        body: Any = None,
        raw: bytes | None = None,
        field: str | None = None,
    ) -> Answer:
        """The request may be refused or served, but never break the service."""
        answer = self.client.send(method, path, body=body, raw=raw)
        request = f"{method} {path} {shown(body, raw)}".strip()
        ok = not answer.broken()
        detail = "served or refused" if ok else f"{request} answered {answer.describe()}"
        self.record(resource, check, kind, ok, request, answer, detail, field)
        if method in ("POST", "PUT", "PATCH", "DELETE"):
            self.guard(request)
            if method == "POST":
                self.forget(answer, path)
        return answer

    # -- the run ------------------------------------------------------------------------------

    def run(self) -> None:
        collections = self.spec.collections()
        for collection in collections:
            try:
                self.known[collection] = self.create(collection)
            except crud.ProbeFailure as failure:
                self.skipped.append(f"{collection}: no known row could be created ({failure})")
        if self.auth is not None:
            AccessControl(self).run()
        for collection in collections:
            if collection in self.known:
                self.attack_collection(collection)

    def attack_collection(self, collection: str) -> None:
        row = self.known[collection]
        item = self.spec.item_path(collection)
        fields = self.spec.properties(self.spec.body_schema(self.spec.paths[collection]["post"]))
        update = self.update_method(item)
        for group in (ExceptionalInput, MassAssignment, Injection, ReferentialIntegrity):
            group(self, collection, row=row, fields=fields, update=update).run()

    def update_method(self, item: str | None) -> str | None:
        if item is None:
            return None
        operations = self.spec.paths[item]
        return "PATCH" if "patch" in operations else "PUT" if "put" in operations else None

    def refresh(self, collection: str) -> Row:
        """The known row of a collection, created again when an attack removed it."""
        row = self.known[collection]
        if self.client.send("GET", row.url).status != 200:
            row = self.create(collection)
            self.known[collection] = row
        return row


class Group:
    """One attack class on one collection."""

    kind = ""

    def __init__(
        self,
        attack: Attack,
        collection: str,
        row: Row | None = None,
        fields: dict | None = None,
        update: str | None = None,
    ) -> None:
        self.attack = attack
        self.collection = collection
        self.resource = collection.strip("/")
        self.item = attack.spec.item_path(collection)
        self.row = row
        self.fields = fields or {}
        self.update = update

    def valid_body(self) -> dict[str, Any]:
        body, _ = self.attack.body(self.collection)
        return body

    def refused(self, check: str, method: str, path: str, **options: Any) -> Answer:
        return self.attack.expect_refused(self.resource, check, self.kind, method, path, **options)

    def survives(self, check: str, method: str, path: str, **options: Any) -> Answer:
        return self.attack.expect_survives(
            self.resource, check, self.kind, method, path, **options
        )

    def item_url(self, value: Any) -> str | None:
        return None if self.item is None else self.item.split("{")[0] + str(value)


class ExceptionalInput(Group):
    kind = "exceptional-input"

    def run(self) -> None:
        base = self.valid_body()
        for name, field in self.fields.items():
            for check, value, why in self.values_for(name, field):
                self.refused(check, "POST", self.collection, body={**base, name: value},
                             field=name, why=why)
                if self.update:
                    self.refused(check, self.update, self.row.url,
                                 body=self.update_body(base, name, value), field=name, why=why)
        self.bodies(base)
        self.paths()
        self.queries()

    def values_for(self, name: str, field: dict[str, Any]) -> list[tuple[str, Any, str]]:
        kind, fmt = field.get("type"), field.get("format")
        values: list[tuple[str, Any, str]] = []
        if "enum" in field:
            values.append(("unknown enum value", "not-a-member-of-the-enum", "not in the enum"))
        elif kind == "number":
            for value in (float("nan"), float("inf"), float("-inf")):
                values.append(("non-finite number", value, "JSON has no such number"))
        elif kind == "integer":
            for value in BEYOND_64_BITS:
                values.append(("integer beyond 64 bits", value, "no database integer holds it"))
        elif fmt == "date":
            for value in ("2024-02-30", "2023-13-01"):
                values.append(("impossible date", value, "no such date"))
        elif fmt == "date-time":
            for value in ("2024-02-30T10:00:00", "2024-05-17T25:61:00"):
                values.append(("impossible date", value, "no such moment"))
        elif kind == "string" and self.attack.probe.collection_of(name) is None:
            values.append(("huge string", "A" * HUGE_STRING, "string lengths must be bounded"))
        return values

    def update_body(self, base: dict[str, Any], name: str, value: Any) -> dict[str, Any]:
        return {name: value} if self.update == "PATCH" else {**base, name: value}

    def bodies(self, base: dict[str, Any]) -> None:
        post = lambda check, raw: self.refused(check, "POST", self.collection, raw=raw)  # noqa
        post("malformed JSON", b'{"' + next(iter(base), "x").encode() + b'": ')
        post("array instead of object", json.dumps([base]).encode())
        post("scalar instead of object", b'"just a string"')
        post("invalid UTF-8", self.with_text(base, b"\xff\xfe\xfa"))
        post("huge body", json.dumps({**base, "padding": "P" * HUGE_BODY}).encode())
        for name, field in self.fields.items():
            if field.get("type") == "string" and not field.get("format") and "enum" not in field:
                if self.attack.probe.collection_of(name) is None:
                    for check, value in (("NUL in a string", "nul\x00byte"),
                                         ("lone surrogate", "half \ud800 pair")):
                        self.survives(check, "POST", self.collection,
                                      body={**base, name: value}, field=name)
                    break

    @staticmethod
    def with_text(base: dict[str, Any], junk: bytes) -> bytes:
        text = json.dumps({**base, "__junk__": "JUNK"}).encode()
        return text.replace(b"JUNK", junk)

    def paths(self) -> None:
        if self.item is None:
            return
        for value in (*BEYOND_64_BITS, 10**30):
            url = self.item_url(value)
            self.refused("integer beyond 64 bits in the path", "GET", url)
            if "delete" in self.attack.spec.paths[self.item]:
                self.refused("integer beyond 64 bits in the path", "DELETE", url)
        for value in ("-1", "0", "%00", "%FF%FE", "1.5e308"):
            self.survives("odd id in the path", "GET", self.item_url(value))

    def queries(self) -> None:
        for name, schema in query_parameters(self.attack.spec, self.collection, "get"):
            kind = schema.get("type")
            if kind == "integer":
                for value in ("-1", str(2**64), str(10**30), "-" + str(2**64), "abc"):
                    self.survives("odd paging parameter", "GET",
                                  f"{self.collection}?{name}={value}", field=name)
            elif kind == "number":
                for value in ("nan", "inf", "1e999"):
                    self.survives("non-finite query number", "GET",
                                  f"{self.collection}?{name}={value}", field=name)


class MassAssignment(Group):
    kind = "mass-assignment"

    def run(self) -> None:
        base = self.valid_body()
        forged = FORGED_ID + self.attack.serial
        self.attack.serial += 1
        answer = self.attack.client.send("POST", self.collection, body={**base, "id": forged})
        request = f"POST {self.collection} {shown({**base, 'id': forged})}"
        honoured = isinstance(answer.data(), dict) and answer.data().get("id") == forged
        if not honoured and answer.accepted() and self.item:
            honoured = self.attack.client.send("GET", self.item_url(forged)).status == 200
        self.attack.record(
            self.resource, "client-chosen id", self.kind, not honoured and not answer.broken(),
            request, answer,
            f"{request} stored the row under the id the client chose ({forged})" if honoured
            else "the id is the server's" if not answer.broken()
            else f"{request} answered {answer.describe()}", "id")
        self.attack.guard(request)
        self.attack.forget(answer, self.collection)
        self.read_only_fields(base)
        if self.update:
            self.update_id()

    def read_only_fields(self, base: dict[str, Any]) -> None:
        read = response_properties(self.attack.spec, self.collection)
        for name, field in read.items():
            if name == "id" or name in self.fields:
                continue
            value = forged_value(field)
            if value is None:
                continue
            body = {**base, name: value}
            answer = self.attack.client.send("POST", self.collection, body=body)
            request = f"POST {self.collection} {shown(body)}"
            data = answer.data() if answer.accepted() else None
            honoured = isinstance(data, dict) and crud.same(value, data.get(name))
            self.attack.record(
                self.resource, "read-only field", self.kind, not honoured and not answer.broken(),
                request, answer,
                f"{request} stored {name}={value!r}, a field clients cannot set" if honoured
                else "ignored or refused", name)
            self.attack.guard(request)
            self.attack.forget(answer, self.collection)

    def update_id(self) -> None:
        row = self.attack.refresh(self.collection)
        forged = FORGED_ID + 1000 + self.attack.serial
        body = {"id": forged} if self.update == "PATCH" else {**row.sent, "id": forged}
        answer = self.attack.client.send(self.update, row.url, body=body)
        request = f"{self.update} {row.url} {shown(body)}"
        moved = self.attack.client.send("GET", self.item_url(forged)).status == 200
        still = self.attack.client.send("GET", row.url)
        kept = isinstance(still.data(), dict) and still.data().get("id") == row.id
        ok = not moved and kept and not answer.broken()
        detail = (
            "the id did not change" if ok
            else f"{request} answered {answer.describe()}" if answer.broken()
            else f"{request} moved the row to the id the client chose ({forged})"
        )
        self.attack.record(self.resource, "client-chosen id on update", self.kind, ok, request,
                           answer, detail, "id")
        if moved:
            self.attack.client.send("DELETE", self.item_url(forged))
        self.attack.guard(request)


class Injection(Group):
    kind = "injection"

    def run(self) -> None:
        table = self.resource.rsplit("/", 1)[-1] or "items"
        base = self.valid_body()
        strings = [
            n for n, f in self.fields.items()
            if f.get("type") == "string" and not f.get("format") and "enum" not in f
            and self.attack.probe.collection_of(n) is None
        ]
        for name in strings:
            for text in SQL_STRINGS:
                value = crud.sized(text.format(table=table), self.fields[name])
                self.stored_literally(name, {**base, name: value}, value)
        self.filters()
        if self.item:
            for value in ("1 OR 1=1", "1'--", "1; DROP TABLE " + table):
                url = self.item_url(value.replace(" ", "%20"))
                answer = self.attack.client.send("GET", url)
                ok = answer.status != 200 and not answer.broken()
                self.attack.record(
                    self.resource, "SQL in the path", self.kind, ok, f"GET {url}", answer,
                    "refused" if ok else f"GET {url} answered {answer.describe()}, expected a 4xx",
                )

    def stored_literally(self, name: str, body: dict[str, Any], value: str) -> None:
        answer = self.attack.client.send("POST", self.collection, body=body)
        request = f"POST {self.collection} {shown(body)}"
        ok, detail = not answer.broken(), "refused"
        if answer.broken():
            detail = f"{request} answered {answer.describe()}"
        elif answer.accepted():
            data = answer.data()
            url = self.item_url(data.get("id")) if isinstance(data, dict) else None
            read = self.attack.client.send("GET", url) if url else None
            got = read.data() if read is not None else data
            ok = isinstance(got, dict) and got.get(name) == value
            detail = "stored literally" if ok else f"{name} was stored as {str(got)[:200]}"
        self.attack.record(self.resource, "SQL in a string field", self.kind, ok, request,
                           answer, detail, name)
        self.attack.guard(request)
        self.attack.forget(answer, self.collection)

    def filters(self) -> None:
        for name, schema in query_parameters(self.attack.spec, self.collection, "get"):
            if schema.get("type") not in ("string", None) or schema.get("format"):
                continue
            plain = self.attack.client.send("GET", f"{self.collection}?{name}=zz-no-match")
            baseline = len(crud.listed(plain.data())) if plain.accepted() else 0
            for text in SQL_FILTERS:
                path = f"{self.collection}?{name}=zz{quote(text)}"
                answer = self.attack.client.send("GET", path)
                rows = len(crud.listed(answer.data())) if answer.accepted() else 0
                ok = not answer.broken() and rows <= baseline
                detail = (
                    f"{rows} rows, as many as a plain filter" if ok
                    else f"GET {path} answered {answer.describe()}" if answer.broken()
                    else f"GET {path} returned {rows} rows where a plain filter returns {baseline}"
                )
                self.attack.record(self.resource, "SQL in a query parameter", self.kind, ok,
                                   f"GET {path}", answer, detail, name)


class ReferentialIntegrity(Group):
    kind = "referential-integrity"

    def run(self) -> None:
        references = [n for n in self.fields if self.attack.probe.collection_of(n) is not None]
        for name in references:
            base = self.valid_body()
            why = "it refers to a row that does not exist"
            self.refused("reference to a missing row", "POST", self.collection,
                         body={**base, name: MISSING_ID}, field=name, why=why)
            if self.update:
                row = self.attack.refresh(self.collection)
                body = {name: MISSING_ID} if self.update == "PATCH" else {
                    **row.sent, name: MISSING_ID}
                self.refused("reference to a missing row", self.update, row.url, body=body,
                             field=name, why=why)
        for name in references:
            self.delete_parent(name)

    def delete_parent(self, name: str) -> None:
        child = self.attack.create(self.collection)
        parent = child.parents.get(name)
        if parent is None or self.attack.spec.item_path(parent.collection) is None:
            return
        if "delete" not in self.attack.spec.paths[self.attack.spec.item_path(parent.collection)]:
            return
        answer = self.attack.client.send("DELETE", parent.url)
        request = f"DELETE {parent.url} (a {self.resource} row {child.id} refers to it)"
        ok, detail = True, "refused"
        if answer.broken():
            ok, detail = False, f"{request} answered {answer.describe()}"
        elif answer.accepted():
            read = self.attack.client.send("GET", child.url)
            data = read.data()
            dangling = read.status == 200 and isinstance(data, dict) and data.get(name) == parent.id
            ok = not dangling and not read.broken()
            detail = (
                "the child went with its parent" if ok
                else f"after {request}, GET {child.url} answered {read.describe()}"
                if read.broken()
                else f"after {request}, GET {child.url} still refers to the deleted {parent.url}"
            )
        else:
            still = self.attack.client.send("GET", parent.url)
            ok = still.status == 200
            detail = "refused" if ok else f"{request} was refused, but the parent is gone"
        self.attack.record(self.resource, "delete a parent with children", self.kind, ok,
                           request, answer, detail, name)
        self.attack.guard(request)
        self.attack.client.send("DELETE", child.url)


class AccessControl:
    """Callers without credentials are refused; a second user cannot reach the first's rows."""

    kind = "access-control"

    def __init__(self, attack: Attack) -> None:
        self.attack = attack
        self.client = attack.client

    def run(self) -> None:
        for path, operations in self.attack.spec.paths.items():
            for method in operations:
                if method in ("get", "post", "put", "patch", "delete") and not self.public(path):
                    self.anonymous(method.upper(), path)
        if self.attack.auth.sign_in is None:
            self.attack.record(
                "*", "sign-in", self.kind, False,
                detail="the service must sign users in, but its OpenAPI has no sign-in operation"
                " (a POST such as /login or /token that takes a password)", cwe="CWE-306",
            )
            return
        other = self.attack.auth.second_user()
        if other is None:
            self.attack.skipped.append("access-control: no second user could be signed up")
            return
        for collection, row in list(self.attack.known.items()):
            self.other_user(collection, row, other)

    def public(self, path: str) -> bool:
        auth = self.attack.auth
        return path in PUBLIC_PATHS or path in auth.public_paths or path.startswith("/docs")

    def concrete(self, path: str) -> str:
        for collection, row in self.attack.known.items():
            item = self.attack.spec.item_path(collection)
            if item == path:
                return row.url
        return re.sub(r"\{[^}]*\}", "1", path)

    def anonymous(self, method: str, path: str) -> None:
        url = self.concrete(path)
        body = None
        if method in ("POST", "PUT", "PATCH") and path in self.attack.known:
            body, _ = self.attack.body(path)
        elif method in ("PUT", "PATCH"):
            for collection, row in self.attack.known.items():
                if self.attack.spec.item_path(collection) == path:
                    body = dict(row.sent)
        answer = self.client.send(method, url, body=body, anonymous=True)
        ok = answer.status in (401, 403) or (answer.status == 404 and "{" in path)
        self.attack.record(
            path.strip("/") or "/", "no credentials", self.kind, ok and not answer.broken(),
            f"{method} {url} without credentials", answer,
            "refused" if ok else f"{method} {url} without credentials answered "
            f"{answer.describe()}, expected 401", cwe="CWE-306" if not ok else "CWE-284",
        )
        if answer.accepted() and method == "DELETE":
            # the finding above is the harm; the known row comes back for the attacks that follow
            for collection in list(self.attack.known):
                if self.attack.spec.item_path(collection) == path:
                    self.attack.refresh(collection)
        elif answer.accepted():
            self.attack.guard(f"{method} {url} without credentials")
            if method == "POST":
                self.attack.forget(answer, path)

    def other_user(self, collection: str, row: Row, other: dict[str, str]) -> None:
        """Reading first (the list, then the row), then changing, then deleting the row."""
        resource = collection.strip("/")
        item = self.attack.spec.item_path(collection)
        if item is None:
            return
        listed = self.client.send("GET", collection, headers=other)
        ids = [i.get("id") for i in crud.listed(listed.data()) if isinstance(i, dict)]
        ok = row.id not in ids and not listed.broken()
        self.attack.record(
            resource, "another user's list", self.kind, ok, f"GET {collection} as a second user",
            listed, "not listed" if ok else f"GET {collection} as a second user lists id {row.id}",
            cwe="CWE-639",
        )
        operations = self.attack.spec.paths[item]
        tries = [("GET", None)]
        if "patch" in operations:
            tries.append(("PATCH", row.sent))
        if "put" in operations:
            tries.append(("PUT", row.sent))
        if "delete" in operations:
            tries.append(("DELETE", None))
        for method, body in tries:
            answer = self.client.send(method, row.url, body=body, headers=other)
            ok = answer.status in (403, 404)
            self.attack.record(
                resource, "another user's row", self.kind, ok and not answer.broken(),
                f"{method} {row.url} as a second user", answer,
                "refused" if ok else f"{method} {row.url} as a second user answered "
                f"{answer.describe()}, expected 404", cwe="CWE-639",
            )
        mine = self.client.send("GET", row.url)
        if mine.status != 200:
            self.attack.record(
                resource, "another user's row", self.kind, False, f"GET {row.url}", mine,
                f"a second user's requests removed or hid {row.url} from its owner", cwe="CWE-639",
            )
            self.attack.known[collection] = self.attack.create(collection)


def quote(text: str) -> str:
    from urllib.parse import quote as url_quote

    return url_quote(text, safe="")


def query_parameters(spec: crud.Spec, path: str, method: str) -> list[tuple[str, dict]]:
    operation = spec.paths.get(path, {}).get(method, {})
    found = []
    for parameter in operation.get("parameters", []):
        parameter = spec.resolve(parameter)
        if parameter.get("in") == "query":
            found.append((parameter["name"], spec.field(parameter.get("schema", {}))))
    return found


def response_properties(spec: crud.Spec, collection: str) -> dict[str, dict[str, Any]]:
    responses = spec.paths[collection]["post"].get("responses", {})
    for status in ("201", "200"):
        content = responses.get(status, {}).get("content", {})
        schema = content.get("application/json", {}).get("schema")
        if schema:
            resolved = spec.resolve(schema)
            return {n: spec.field(s) for n, s in resolved.get("properties", {}).items()}
    return {}


def forged_value(field: dict[str, Any]) -> Any:
    kind, fmt = field.get("type"), field.get("format")
    if "enum" in field:
        return field["enum"][-1]
    if kind == "integer":
        return 4242
    if kind == "number":
        return 4242.5
    if kind == "boolean":
        return None  # either value may be the server's own
    if fmt == "date":
        return "1999-01-02"
    if fmt == "date-time":
        return "1999-01-02T03:04:05"
    if kind == "string":
        return "forged-by-the-client"
    return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--app", help="module:attribute of an ASGI app, imported from the cwd")
    target.add_argument("--url", help="base URL of a running service")
    parser.add_argument("--auth-required", action="store_true",
                        help="the service's charter says its users must sign in")
    parser.add_argument("--max-requests", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=150.0)
    args = parser.parse_args(argv)
    out = sys.stdout
    attack = None
    with contextlib.redirect_stdout(sys.stderr), contextlib.ExitStack() as stack:
        client = None
        try:
            http = (
                crud.in_process_client(args.app, stack) if args.app
                else crud.http_client(args.url, stack)
            )
            document = crud.Api(http).expect("GET", "/openapi.json", (200,))
            spec = crud.Spec(document)
            client = Client(http, spec, args.max_requests, args.seconds)
            auth = crud.SignIn.discover(crud.Api(client), spec, args.auth_required)
            if auth is not None:
                client.headers.update(auth.first_user())
            attack = Attack(client, spec, auth)
            attack.run()
        except (OutOfBounds, ServiceDown, crud.ProbeFailure, crud.SignInFailure) as stop:
            attack = attack or Attack(client or Client(None, crud.Spec({}), 0, 0), crud.Spec({}),
                                      None)
            kind = "access-control" if isinstance(stop, crud.SignInFailure) else (
                "exceptional-input")
            attack.record("*", type(stop).__name__, kind, False, detail=str(stop))
        except Exception as error:  # the service could not even be reached or described
            attack = attack or Attack(client or Client(None, crud.Spec({}), 0, 0), crud.Spec({}),
                                      None)
            attack.record("*", "attack", "exceptional-input", False,
                          detail=f"{type(error).__name__}: {error}")
    failed = sum(1 for c in attack.checks if not c["ok"])
    report = {
        "passed": len(attack.checks) - failed,
        "failed": failed,
        "requests": attack.client.counts,
        "sent": attack.client.sent,
        "skipped": attack.skipped,
        "checks": attack.checks,
    }
    json.dump(report, out, indent=2)
    out.write("\n")
    return 0 if failed == 0 and report["passed"] > 0 and not attack.skipped else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
