package dev.forgeflow.agents.offline;

/**
 * A Python script that fails when a module imports a name it never uses, or a module outside the
 * runtime profile (fastapi, sqlmodel, pydantic, sqlalchemy, starlette, uvicorn, httpx, pytest, the
 * standard library and the project itself). Arguments: the directories to check.
 */
final class ImportCheck {
  static final String SCRIPT =
      """
      import ast
      import pathlib
      import sys

      PROFILE = {"fastapi", "sqlmodel", "pydantic", "sqlalchemy", "starlette", "uvicorn",
                 "httpx", "pytest", "app", "tests"} | set(sys.stdlib_module_names)
      problems = []
      for root in sys.argv[1:]:
          for path in sorted(pathlib.Path(root).rglob("*.py")):
              tree = ast.parse(path.read_text(), str(path))
              imported = {}
              for node in ast.walk(tree):
                  if isinstance(node, ast.Import):
                      modules = [(a.name, a.asname or a.name.split(".")[0]) for a in node.names]
                  elif isinstance(node, ast.ImportFrom) and node.level == 0:
                      modules = [(node.module, a.asname or a.name) for a in node.names]
                  else:
                      continue
                  for module, name in modules:
                      if module.split(".")[0] not in PROFILE:
                          problems.append(f"{path}:{node.lineno}: imports {module}")
                      imported[name] = node.lineno
              used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
              for name, line in imported.items():
                  if name not in used:
                      problems.append(f"{path}:{line}: {name} imported but unused")
      print("\\n".join(problems))
      sys.exit(1 if problems else 0)
      """;

  private ImportCheck() {}
}
