"""Prints the runtime profile of the Python it runs on, as JSON.

{"python": "3.13", "packages": {name: version}, "modules": [...], "stdlib": [...]}: the
installed distributions (lower case, dashes and dots as underscores), the top-level modules
importable from the site directories, and the top-level modules of the standard library.
Packaging tools (pip, setuptools, wheel) are left out: generated services may not import them.
"""

import importlib.metadata as metadata
import json
import pkgutil
import re
import site
import sys

TOOLS = {"pip", "setuptools", "wheel"}


def normalized(name):
    return re.sub(r"[-_.]+", "_", name).lower()


def site_dirs():
    dirs = set(site.getsitepackages())
    return [p for p in sys.path if p in dirs or p.endswith(("dist-packages", "site-packages"))]


def tool_modules():
    found = set()
    for dist in metadata.distributions():
        if normalized(dist.metadata["Name"] or "") in TOOLS:
            top = dist.read_text("top_level.txt") or ""
            found |= {line.strip() for line in top.splitlines() if line.strip()}
            found |= {f.parts[0].split(".")[0] for f in dist.files or () if f.parts}
    return found | {"_distutils_hack", "pkg_resources", "distutils-precedence"}


def profile():
    packages = {}
    for dist in metadata.distributions():
        name = normalized(dist.metadata["Name"] or "")
        if name and name not in TOOLS:
            packages[name] = dist.version
    skip = tool_modules()
    modules = {
        m.name.lower()
        for m in pkgutil.iter_modules(site_dirs())
        if m.name.isidentifier() and m.name not in skip
    }
    return {
        "python": "%d.%d" % sys.version_info[:2],
        "packages": dict(sorted(packages.items())),
        "modules": sorted(modules),
        "stdlib": sorted(sys.stdlib_module_names),
    }


if __name__ == "__main__":
    json.dump(profile(), sys.stdout, indent=2)
    sys.stdout.write("\n")
