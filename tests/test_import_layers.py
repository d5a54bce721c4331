"""No import circle among the modules of ``src/cleantext``: the layers read one way.

Every ``import``/``from ... import`` in every module is read with ``ast`` (not by importing), so
an import inside a function or under ``if TYPE_CHECKING:`` counts as much as one at the top: a
deferred import does not fail at import time, but it still ties the lower layer to the upper
one, and moving it to the top would bring the circle back. Edges are only the imports a module
writes; the implicit import of parent packages (``cleantext.filters.byline`` runs
``cleantext/__init__.py`` first) is Python's doing, not a layer's, and is left out.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from pathlib import Path

PKG_DIR = Path(__file__).resolve().parent.parent / "src" / "cleantext"


def module_names(pkg_dir: Path) -> dict[str, Path]:
    """Dotted name -> file, for every module and package under ``pkg_dir``."""
    out: dict[str, Path] = {}
    for path in sorted(pkg_dir.rglob("*.py")):
        parts = list(path.relative_to(pkg_dir.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path, known: Mapping[str, Path]) -> set[str]:
    """The package's own modules that ``name`` imports, anywhere in its body."""
    is_pkg = path.name == "__init__.py"
    package = name if is_pkg else name.rpartition(".")[0]
    found: set[str] = set()

    def owner(dotted: str) -> str | None:
        # ``import cleantext.filters.byline`` names a module; ``from x import Name`` names x
        while dotted and dotted not in known:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = owner(alias.name)
                if target:
                    found.add(target)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                if node.level > 1:
                    base_parts = base_parts[: -(node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                target = sub if sub in known else owner(base)
                if target:
                    found.add(target)
    found.discard(name)
    return found


def import_graph(pkg_dir: Path = PKG_DIR) -> dict[str, set[str]]:
    known = module_names(pkg_dir)
    return {name: imports_of(name, path, known) for name, path in known.items()}


def find_cycle(graph: Mapping[str, Sequence[str] | set[str]]) -> list[str] | None:
    """One import circle as a path (first module repeated at the end), or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {n: WHITE for n in graph}
    for start in sorted(graph):
        if colour[start] != WHITE:
            continue
        stack: list[tuple[str, list[str]]] = [(start, sorted(graph[start]))]
        path = [start]
        colour[start] = GREY
        while stack:
            node, todo = stack[-1]
            if not todo:
                stack.pop()
                path.pop()
                colour[node] = BLACK
                continue
            nxt = todo.pop(0)
            if colour.get(nxt, BLACK) == GREY:
                return path[path.index(nxt) :] + [nxt]
            if colour.get(nxt) == WHITE:
                colour[nxt] = GREY
                path.append(nxt)
                stack.append((nxt, sorted(graph[nxt])))
    return None


def test_no_import_circle_among_the_package_modules() -> None:
    graph = import_graph()
    cycle = find_cycle(graph)
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def test_the_graph_sees_the_layers() -> None:
    # the reader must see the edges that matter, or "no circle" proves nothing
    graph = import_graph()
    assert len(graph) >= 20
    assert "cleantext.filters" in graph["cleantext._pipeline"]  # pipeline -> filters
    assert "cleantext._types" in graph["cleantext.filters.byline"]  # filters -> types
    assert "cleantext._pipeline" in graph["cleantext"]  # face -> pipeline
    assert "cleantext" in graph["cleantext.integrations.datatrove"]  # `from .. import clean`
    assert "cleantext.integrations" in graph["cleantext.integrations.datatrove"]  # `from . import result_record`
    # an import inside a function counts: the command line reads streams through one
    assert "cleantext._stream" in graph["cleantext.cli"]
    # the types sit below the filters and the pipeline
    assert not any(t.startswith(("cleantext.filters", "cleantext._pipeline")) for t in graph["cleantext._types"])
    for targets in graph.values():
        assert all(t == "cleantext" or t.startswith("cleantext.") for t in targets)


def test_find_cycle_finds_a_circle_and_names_it(tmp_path: Path) -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    # and on real files: a filter importing the pipeline inside a function is a circle
    pkg = tmp_path / "cleantext"
    (pkg / "filters").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from ._pipeline import Pipeline\n")
    (pkg / "_pipeline.py").write_text("from .filters import default_filters\nclass Pipeline: ...\n")
    (pkg / "filters" / "__init__.py").write_text("from .byline import F\ndef default_filters(): ...\n")
    (pkg / "filters" / "byline.py").write_text("class F:\n    def find(self):\n        from .._pipeline import Pipeline\n")
    cycle = find_cycle(import_graph(pkg))
    assert cycle is not None
    assert "cleantext._pipeline" in cycle and "cleantext.filters.byline" in cycle
