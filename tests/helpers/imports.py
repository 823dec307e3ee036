"""The project's import graph, read statically from the source (ast): every import
statement counts, at module level or inside a function, since a deferred import is still
a dependency (it only hides the cycle from Python)."""

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGES = ("iom_site", "strategy", "partnerships", "news")


@dataclass(frozen=True)
class Module:
    name: str
    path: Path

    @property
    def is_package(self):
        return self.path.name == "__init__.py"


def project_modules():
    """{dotted name: Module} for every source module (migrations left out: they are
    history, and import what the models were)."""
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).with_suffix("")
            if "migrations" in relative.parts:
                continue
            parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
            modules[".".join(parts)] = Module(".".join(parts), path)
    return modules


def _resolve(module, node):
    """The absolute module named by an ImportFrom (relative imports resolved)."""
    if not node.level:
        return node.module
    base = module.name.split(".")
    base = base if module.is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports_of(module, modules):
    """The project modules ``module`` imports: ``from a import b`` is a.b when that is a
    module, else a."""
    found = set()
    for node in ast.walk(ast.parse(module.path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node)
            names = [
                f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules else target
                for alias in node.names
            ]
        else:
            continue
        for name in names:
            # `import a.b.c` or an attribute of a module: the longest project module.
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module.name:
                found.add(name)
    return found


def import_graph(modules=None):
    modules = modules or project_modules()
    return {name: imports_of(module, modules) for name, module in modules.items()}


def strongly_connected(graph):
    """The import cycles: Tarjan's strongly connected components of more than one module."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in graph.get(node, ()):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(component)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def string_constants(module):
    """Every string literal of the module except docstrings (prose, not labels)."""
    tree = ast.parse(module.path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]
