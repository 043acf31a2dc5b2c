"""Textual's private API is used in one module only, briefing/tui/textual_compat.py.

Private means a name with one leading underscore that Textual (or textual-serve) defines: a
module (``textual.widgets._header``), an attribute read (``node._bindings``) or a method
overridden in a subclass (``_on_mount``). Anywhere else such a use breaks silently on a
Textual upgrade; in the compat module each one says why no public means does the job.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import briefing

ROOT = Path(briefing.__file__).parent
COMPAT = ROOT / "tui" / "textual_compat.py"
USERS = [ROOT / "tui", ROOT / "web"]  # the packages that import Textual or textual-serve
#: textual-serve builds its aiohttp app only in ``Server._make_app``: the token guard wraps it
#: (see the comment in briefing/web/server.py). Not Textual's; bounded in pyproject.toml.
ALLOWED = {("briefing.web.server", "BriefingServer", "_make_app")}
#: Public API spelt with an underscore: namedtuple's methods, and ``os._exit`` (documented).
PUBLIC_BY_CONVENTION = {"_replace", "_asdict", "_fields", "_make", "_exit"}


def _sources() -> list[Path]:
    return sorted(p for folder in USERS for p in folder.rglob("*.py") if p != COMPAT)


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _names_we_define() -> set[str]:
    """Every private name the project itself defines (functions, attributes, classes)."""
    names: set[str] = set()
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return names


def test_no_private_textual_module_or_name_is_imported_outside_the_compat_module():
    found = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                if parts[0].startswith("textual") and (
                        any(_private(p) for p in parts) or
                        any(_private(alias.name) for alias in node.names)):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.module}")
            elif isinstance(node, ast.Import):
                found += [f"{path.relative_to(ROOT)}:{node.lineno} {alias.name}"
                          for alias in node.names if alias.name.startswith("textual")
                          and any(_private(p) for p in alias.name.split("."))]
    assert not found


def test_no_private_attribute_of_anyone_else_is_read_outside_the_compat_module():
    ours = _names_we_define() | PUBLIC_BY_CONVENTION
    found = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and _private(node.attr)
                    and node.attr not in ours):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
    assert not found


def test_no_class_overrides_a_private_textual_method_outside_the_compat_module():
    found = []
    for package in ("briefing.tui", "briefing.web"):
        path = importlib.import_module(package).__path__
        for info in pkgutil.walk_packages(path, package + "."):
            if info.name == "briefing.tui.textual_compat":
                continue
            module = importlib.import_module(info.name)
            for cls in vars(module).values():
                if not (inspect.isclass(cls) and cls.__module__ == module.__name__):
                    continue
                theirs = [base for base in cls.__mro__[1:]
                          if base.__module__.split(".")[0] in ("textual", "textual_serve")]
                for name, value in vars(cls).items():
                    if not (_private(name) and inspect.isfunction(value)):
                        continue  # Textual's metaclass sets private class attributes itself
                    if any(name in vars(base) for base in theirs) and (
                            (module.__name__, cls.__name__, name) not in ALLOWED):
                        found.append(f"{module.__name__}.{cls.__name__}.{name}")
    assert not found


def test_every_private_use_in_the_compat_module_says_why():
    """Each override in the compat module carries a docstring giving its reason."""
    tree = ast.parse(COMPAT.read_text(encoding="utf-8"))
    overrides = [node for node in ast.walk(tree)
                 if isinstance(node, ast.FunctionDef) and _private(node.name)]
    assert overrides, "nothing private left: fold the compat module away"
    for node in overrides:
        assert len(ast.get_docstring(node) or "") > 80, node.name
