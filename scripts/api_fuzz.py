"""The fuzz pass over Forgeflow's API (see scripts/api-fuzz): schemathesis in two modes, and a
check that the requests the server refused changed nothing it stores."""

import argparse
import json
import pathlib
import subprocess
import sys
import urllib.request

# Streams never end, the proxy forwards to a service this server does not run, and signing in or
# up and out is for browsers (throttled, and slow on purpose: a password hash per call).
EXCLUDED_PATHS = r"(/events$|/logs$|/proxy/|^/api/auth/)"


def get(url, token, path):
    request = urllib.request.Request(url + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def state(url, token):
    """What the fuzzing user has: projects, runs and tokens, without times that move by themselves."""
    projects = get(url, token, "/api/projects?limit=200")["items"]
    runs = get(url, token, "/api/runs?limit=200")["items"]
    tokens = get(url, token, "/api/tokens")
    tokens = tokens["items"] if isinstance(tokens, dict) else tokens
    return {
        "projects": sorted((p["id"], p["name"]) for p in projects),
        "runs": sorted((r["id"], r.get("projectId")) for r in runs),
        "tokens": sorted((t["id"], t.get("revokedAt")) for t in tokens),
    }


WRITES = {"POST", "PUT", "PATCH", "DELETE"}


def accepted_writes(har):
    """The state-changing requests of a HAR log that the server accepted (2xx)."""
    entries = json.loads(pathlib.Path(har).read_text())["log"]["entries"]
    return [
        (e["request"]["method"], e["request"]["url"], e["response"]["status"])
        for e in entries
        if e["request"]["method"] in WRITES and 200 <= e["response"]["status"] < 300
    ]


def schemathesis(args, token, mode, checks, reports):
    command = [
        args.schemathesis,
        "run",
        args.url + "/v3/api-docs",
        "--header",
        "Authorization: Bearer " + token,
        "--mode",
        mode,
        "--checks",
        checks,
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        str(args.examples),
        "--exclude-path-regex",
        EXCLUDED_PATHS,
        "--request-timeout",
        "60",
        # One worker: with two, hypothesis's lambda-source cache sometimes fails inside the tool
        # ("AST constructor recursion depth mismatch"), which says nothing about the API.
        "--workers",
        "1",
        "--seed",
        "20261206",
        "--no-color",
        "--report",
        "junit,har",
        "--report-har-path",
        str(reports / mode / "requests.har"),
        "--report-dir",
        str(reports / mode),
        "--suppress-health-check",
        "all",
    ]
    print("api-fuzz:", " ".join(c if "Bearer" not in c else "Authorization: Bearer …" for c in command[1:]),
          flush=True)
    return subprocess.run(command).returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--token-file", required=True)
    parser.add_argument("--examples", type=int, default=25)
    parser.add_argument("--schemathesis", required=True)
    parser.add_argument("--reports", required=True)
    args = parser.parse_args()
    token = pathlib.Path(args.token_file).read_text().strip()
    reports = pathlib.Path(args.reports)
    reports.mkdir(parents=True, exist_ok=True)

    # Something to aim at: a project with a run, so operations on ids meet real ones too.
    request = urllib.request.Request(
        args.url + "/api/projects",
        data=json.dumps({"name": "fuzz target"}).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"},
        method="POST",
    )
    urllib.request.urlopen(request, timeout=30).close()

    before = state(args.url, token)
    negative = schemathesis(args, token, "negative", "not_a_server_error,negative_data_rejection", reports)
    after = state(args.url, token)
    # Requests that broke the schema and were refused must change nothing. Some "negative" cases
    # are valid after all (any text is a valid id): those the server accepted may change state,
    # and are listed.
    writes = accepted_writes(reports / "negative" / "requests.har")
    for method, url, status in writes:
        print("api-fuzz: accepted in the negative pass: %s %s -> %d" % (method, url, status))
    changed = before != after and not writes
    if before != after:
        print("api-fuzz: what the user has, before and after the negative pass:", file=sys.stderr)
        print(json.dumps({"before": before, "after": after}, indent=2), file=sys.stderr)
    positive = schemathesis(args, token, "positive", "not_a_server_error", reports)

    print(
        "api-fuzz: negative pass %s, state %s; positive pass %s"
        % (
            "passed" if negative == 0 else "FAILED",
            "unchanged" if not changed else "CHANGED",
            "passed" if positive == 0 else "FAILED",
        ),
        flush=True,
    )
    return 0 if negative == 0 and positive == 0 and not changed else 1


if __name__ == "__main__":
    sys.exit(main())
