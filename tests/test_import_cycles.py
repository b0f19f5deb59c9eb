"""No import cycle between kiosk's modules, deferred imports included.

import-linter checks the direction between layers, but it cannot see a cycle inside one package
(``service/duplicates.py`` → ``service/kiosk.py`` → ``service/duplicates.py``, as there was), and an
import moved into a function to dodge Python's circular-import error hides the knot without untying it. This test
reads every module under ``kiosk/`` with ``ast`` and collects every ``import`` and ``from … import``
wherever it stands: at the top, inside functions and methods, under ``try``, and under
``if TYPE_CHECKING:``.

What counts as an edge, decided here:

- **TYPE_CHECKING imports count.** A module that names another's types in its signatures depends
  on it as a reader and mypy see it, even if Python never runs that import; import-linter counts
  them too. A cycle through annotations is the same knot, only quieter.
- ``from pkg import name`` is an edge to ``pkg.name`` when that is a module of the tree, else to
  ``pkg`` (its ``__init__``, which re-exports ``name``). Relative imports are resolved from the
  importing module's package.
- Importing ``a.b.c`` also runs ``a/b/__init__.py``; that implicit step is **not** an edge: it is
  how Python loads a package, and a package's ``__init__`` that re-exports its own submodules
  (``kiosk/adapters/decoding/__init__.py``) is not a knot. An explicit ``from kiosk.service import
  Kiosk`` is an edge to ``kiosk.service`` and on through what its ``__init__`` imports.
- A module named in full by a string constant counts as imported by the module holding the string:
  that is how a module loaded with ``importlib.import_module`` is named (the CLI's
  ``COMMAND_MODULES``). A name pieced together at run time is not seen.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "kiosk"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    line: int

    def __str__(self) -> str:
        return f"{self.source} → {self.target} (line {self.line})"


def module_names(root: Path = ROOT, package: str = PACKAGE) -> dict[str, Path]:
    """Every module of the tree by dotted name; a package is named by its ``__init__``."""
    names: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _resolve(importer: str, is_package: bool, level: int, module: str | None) -> str:
    """The absolute name a (possibly relative) ``from`` import refers to."""
    if level == 0:
        return module or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]  # a module's relative imports start from its package
    base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """The deepest module of the tree that ``name`` is or lies in (``a.b.func`` → ``a.b``)."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> Iterator[Edge]:
    """Every import of one module that lands in the tree, wherever it stands in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _known(alias.name, modules)
                if target is not None:
                    yield Edge(name, target, node.lineno)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in modules:
            yield Edge(name, node.value, node.lineno)  # a module loaded by name (importlib.import_module)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(name, is_package, node.level, node.module)
            for alias in node.names:
                target = _known(f"{base}.{alias.name}", modules) if alias.name != "*" else None
                if target is None or target != f"{base}.{alias.name}":
                    target = _known(base, modules)  # a name defined in (or re-exported by) base
                if target is not None:
                    yield Edge(name, target, node.lineno)


def import_graph(root: Path = ROOT, package: str = PACKAGE) -> dict[str, list[Edge]]:
    modules = module_names(root, package)
    graph: dict[str, list[Edge]] = {}
    for name, path in modules.items():
        edges = {(e.target, e.line): e for e in imports_of(name, path, modules) if e.target != name}
        graph[name] = sorted(edges.values(), key=lambda e: (e.target, e.line))
    return graph


def _reachable(graph: dict[str, list[Edge]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [e.target for e in graph.get(start, [])]
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo += [e.target for e in graph.get(node, [])]
    return seen


def cycles(graph: dict[str, list[Edge]]) -> list[list[str]]:
    """The groups of modules that reach each other (strongly connected components of more than one
    module), sorted. A few hundred modules: a walk from each is quick enough and plain to read."""
    reach = {name: _reachable(graph, name) for name in graph}
    found: set[tuple[str, ...]] = set()
    for name in graph:
        if name in reach[name]:  # on a cycle: its group is everyone it reaches that reaches it back
            found.add(tuple(sorted(m for m in reach[name] if name in reach.get(m, set()))))
    return [list(group) for group in sorted(found)]


def describe(component: list[str], graph: dict[str, list[Edge]]) -> str:
    members = set(component)
    edges = [str(e) for m in component for e in graph[m] if e.target in members]
    return "cycle between " + ", ".join(component) + ":\n    " + "\n    ".join(edges)


def test_no_import_cycle_inside_kiosk() -> None:
    graph = import_graph()
    found = cycles(graph)
    assert not found, "\n".join(describe(c, graph) for c in found)


# The checker itself, on small trees: it must see what it claims to see.


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "a_text",
    [
        "from pkg.b import thing\n",
        "def f():\n    from pkg import b\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import thing\n",
        "import pkg.b\n",
        "try:\n    from . import b\nexcept ImportError:\n    b = None\n",
        "import importlib\nMODULES = (\"pkg.b\",)\nfor m in MODULES:\n    importlib.import_module(m)\n",
    ],
    ids=["top", "deferred", "type-checking", "plain-import", "relative-in-try", "by-name"],
)
def test_a_cycle_is_found_however_the_import_is_written(tmp_path: Path, a_text: str) -> None:
    root = _tree(tmp_path, {"pkg/__init__.py": "", "pkg/a.py": a_text, "pkg/b.py": "from pkg.a import x\n"})
    graph = import_graph(root, "pkg")
    assert cycles(graph) == [["pkg.a", "pkg.b"]]
    assert "pkg.b → pkg.a (line 1)" in describe(["pkg.a", "pkg.b"], graph)


def test_a_cycle_through_a_package_init_that_re_exports(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/sub/__init__.py": "from pkg.sub.top import Top\n",
        "pkg/sub/top.py": "from pkg.sub.low import f\n",
        "pkg/sub/low.py": "def f():\n    from pkg.sub import Top\n",
    })
    assert cycles(import_graph(root, "pkg")) == [["pkg.sub", "pkg.sub.low", "pkg.sub.top"]]


def test_one_way_imports_and_package_loading_are_no_cycle(tmp_path: Path) -> None:
    root = _tree(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/sub/__init__.py": "from pkg.sub.low import f\nfrom .mid import g\n",
        "pkg/sub/low.py": "import os\ndef f(): ...\n",
        "pkg/sub/mid.py": "from pkg.sub.low import f\nfrom ..other import h\n",
        "pkg/other.py": "import pkg.sub.low\n",
    })
    graph = import_graph(root, "pkg")
    assert cycles(graph) == []
    assert [e.target for e in graph["pkg.sub.mid"]] == ["pkg.other", "pkg.sub.low"]
