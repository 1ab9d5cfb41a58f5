"""
The package's layers, enforced: a module imports only from its own layer or the layers below.

    core  <-  text, io  <-  assessment  <-  tables  <-  formats, interop  <-  API  <-  cli

The one exception is the notebook display: a model, assessment or table object shows itself in
Jupyter through a ``_repr_*_`` method, which imports the notebook format when it is called.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import resultsframework as rf

PACKAGE = Path(rf.__file__).parent
NAME = "resultsframework"

LAYERS = {
    "core": 0,
    "text": 1,
    "io": 1,
    "assessment": 2,
    "tables": 3,
    "formats": 4,
    "interop": 4,
    "": 5,  # the public API: __init__, rendering, frameworks
    "cli": 6,
    "__main__": 7,
}
DISPLAY_HOOKS = frozenset({"_repr_html_", "_repr_png_", "_repr_svg_", "_repr_mimebundle_"})


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((NAME, *parts))


def _layer(module: str) -> int:
    parts = module.split(".")[1:]
    if not parts:
        return LAYERS[""]
    if parts[0] in LAYERS:
        return LAYERS[parts[0]]
    if len(parts) == 1 and (PACKAGE / f"{parts[0]}.py").exists():
        return LAYERS[""]
    raise AssertionError(f"{module} is in no layer: put it in a layer's folder, or add its folder to LAYERS")


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def _imports(path: Path, source: str | None = None) -> Iterator[tuple[str, int, bool]]:
    """(imported module, line, whether inside a display hook) for every import of the package's own."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))

    def visit(node: ast.AST, in_hook: bool) -> Iterator[tuple[str, int, bool]]:
        for child in ast.iter_child_nodes(node):
            hook = in_hook or (isinstance(child, ast.FunctionDef) and child.name in DISPLAY_HOOKS)
            if isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                if target.split(".")[0] == NAME:
                    if child.module is None or (child.level == 0 and target == NAME):
                        for alias in child.names:  # from . import frameworks
                            candidate = f"{target}.{alias.name}"
                            sub = PACKAGE.joinpath(*candidate.split(".")[1:])
                            exists = sub.with_suffix(".py").exists() or (sub / "__init__.py").exists()
                            yield (candidate if exists else target), child.lineno, hook
                    else:
                        yield target, child.lineno, hook
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.split(".")[0] == NAME:
                        yield alias.name, child.lineno, hook
            yield from visit(child, hook)

    yield from visit(tree, False)


def test_every_module_is_in_a_layer() -> None:
    for path in _modules():
        _layer(_module_name(path))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_from_a_higher_layer(path: Path) -> None:
    module = _module_name(path)
    own = _layer(module)
    upward = [
        f"line {line}: {target} (layer {_layer(target)})"
        for target, line, in_hook in _imports(path)
        if _layer(target) > own and not in_hook
    ]
    assert [] == upward, f"{module} (layer {own}) imports from above"


def test_no_import_circle() -> None:
    """Between modules, counting imports made inside functions too (display hooks aside)."""
    graph = {
        _module_name(p): {t for t, _line, hook in _imports(p) if not hook and t != _module_name(p)}
        for p in _modules()
    }
    graph = {m: {t for t in targets if t in graph and t != NAME} for m, targets in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                circle = [*stack[stack.index(target) :], target]
                raise AssertionError("import circle: " + " -> ".join(circle))
            if target not in state:
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_the_layer_check_sees_an_upward_import() -> None:
    """The check itself works: an import from a higher layer is found, a display hook is allowed."""
    source = (
        "from ..formats.html import table_html\n"
        "class A:\n"
        "    def _repr_html_(self):\n"
        "        from ..formats.notebook import x\n"
    )
    found = list(_imports(PACKAGE / "core" / "probe.py", source))
    assert [
        ("resultsframework.formats.html", 1, False),
        ("resultsframework.formats.notebook", 4, True),
    ] == found


def test_the_architecture_page_names_every_module() -> None:
    """docs/architecture.md stays true: every module of the package is where it says."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:\w+/)?\w+\.py)`", page))
    modules = {str(p.relative_to(PACKAGE)) for p in _modules() if p.name != "__init__.py"}
    modules -= {"__main__.py", "rendering.py", "frameworks.py"}
    assert [] == sorted(modules - named), "modules the page does not place"
    named -= {"__init__.py", "tests/test_layers.py"}
    assert [] == sorted(named - modules), "modules the page names that do not exist"
