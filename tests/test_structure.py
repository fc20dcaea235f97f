"""The package's structure: every module imports on its own, no import circles, writers never
call checks, commands come from one table and ``jatsconv --help`` imports none of them.

Import circles made modules importable only in some orders (``import converter.commands.check``
failed on its own); these tests keep them from coming back.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from converter.commands import COMMANDS
from converter.registry import load

PACKAGE = Path(__file__).resolve().parents[1] / "converter"
ROOT = PACKAGE.parent


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> Iterator[str]:
    """The package's modules ``name`` imports anywhere in its text (functions included), each
    resolved to the module itself (``from converter.x import y`` is ``converter.x``, or
    ``converter.x.y`` when that is a module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                yield target


def _graph() -> dict[str, set[str]]:
    return {name: set(_imports(name, path)) for name, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_package_has_no_import_circle() -> None:
    """Imports inside functions count too: a lazy import is still a dependency."""
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_writers_never_import_checks() -> None:
    graph = _graph()
    offending = {
        (name, target)
        for name, targets in graph.items()
        if name.startswith("converter.writers")
        for target in targets
        if target.startswith("converter.checks")
    }
    assert offending == set()


def test_clark_names_and_local_names_are_defined_only_in_xmlns() -> None:
    """Issue 9: the namespaces and the local-name helper live in ``converter.xmlns`` alone (the
    preview once kept its own ``xml:lang``, ``xlink:href`` and licence names and helper)."""
    clark = re.compile(r"[\"']\{https?://")
    helper = re.compile(r"^def (local|local_name|lang_of_element)\(", re.M)
    offending = []
    for name, path in _modules().items():
        if name == "converter.xmlns":
            continue
        text = path.read_text(encoding="utf-8")
        offending += [f"{name}: Clark name" for _ in clark.finditer(text)]
        offending += [f"{name}: {m.group(1)}()" for m in helper.finditer(text)]
    assert offending == []


def test_only_the_entry_point_imports_the_cli() -> None:
    graph = _graph()
    importers = {name for name, targets in graph.items() if "converter.cli" in targets}
    assert importers == {"converter.__main__"}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_imports_on_its_own(module: str) -> None:
    """Each module in a fresh interpreter: no module works only when another came first."""
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_each_command_is_listed_with_its_own_summary() -> None:
    for name, entry in COMMANDS.items():
        command = load(entry.target)
        assert isinstance(command, click.Command)
        assert command.name == name
        assert command.get_short_help_str(limit=200) == entry.summary


def test_help_imports_no_command() -> None:
    """``jatsconv --help`` lists every command from the table without importing one."""
    code = (
        "import sys\n"
        "from converter.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('converter.commands.'))\n"
        "print('LOADED', loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout
    for name in COMMANDS:
        assert f"  {name} " in result.stdout


# What a short command must not load: each costs tens of milliseconds at start-up, on every
# call of a shell loop or CI step (bench/bench_startup.py measures the whole).
_HEAVY = (
    "pydantic", "jinja2", "yaml", "pycountry", "rich", "converter.model",
    "converter.checks.rules", "converter.citations.parse", "urllib.request",
)  # fmt: skip


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["--version"], ["validate", "samples/nlm/2018-1/streltsov-110.xml"]],
)
def test_short_commands_load_only_what_they_use(argv: list[str], store) -> None:
    code = (
        "import sys\n"
        "from converter.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print('HEAVY', sorted(m for m in {_HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert "HEAVY []" in result.stderr, result.stderr
