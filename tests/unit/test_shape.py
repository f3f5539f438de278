"""The code keeps its shape: the import contracts in pyproject.toml, ruff, mypy, and modules a reader can hold."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

MAX_LINES = 600
LONG: dict[str, str] = {}


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: install the test extras (pip install -e '.[test]')")
    return found


def test_import_contracts_are_kept():
    run = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


def test_ruff_is_clean():
    run = subprocess.run([_tool("ruff"), "check", "kg", "api", "tests", "bench"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:]


def test_mypy_is_clean():
    run = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


def test_every_type_ignore_says_why():
    unexplained = [f"{p.relative_to(ROOT)}:{n}" for folder in ("kg", "api") for p in (ROOT / folder).rglob("*.py")
                   for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                   if "# type: ignore" in line and not line.split("# type: ignore", 1)[1].partition("]")[2].strip(" -")]
    assert not unexplained, unexplained


MODULES = sorted(str(p.relative_to(ROOT)) for folder in ("kg", "api") for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("module", [
    pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=LONG[m])) if m in LONG else m for m in MODULES
])
def test_modules_stay_short(module):
    assert len((ROOT / module).read_text().splitlines()) <= MAX_LINES


@pytest.mark.parametrize("module", MODULES)
def test_no_module_assigns_a_top_level_name_twice(module):
    """A second assignment to a module's constant silently replaces the first for every module
    that imports it (a word list defined twice changes rules far from either line)."""
    import ast

    names: list[str] = []
    for node in ast.parse((ROOT / module).read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
