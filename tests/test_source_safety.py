"""The library never deserialises code or data unsafely and never goes online.

A static check over every module of ``src/briefings``: no import of ``pickle``,
``marshal`` and friends, no call to ``eval``/``exec``/``compile`` of source code,
no import of a network client. The check itself is tested on snippets, so it
can fail.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import briefings

SRC = Path(briefings.__file__).resolve().parent

FORBIDDEN_MODULES = {
    # unsafe deserialisation
    "pickle": "unpickling runs arbitrary code",
    "_pickle": "unpickling runs arbitrary code",
    "cPickle": "unpickling runs arbitrary code",
    "dill": "unpickling runs arbitrary code",
    "cloudpickle": "unpickling runs arbitrary code",
    "shelve": "shelve is pickle on disk",
    "marshal": "marshal loads code objects",
    # the network: the library works offline (the JSON-LD context is local)
    "socket": "no network at run time",
    "http.client": "no network at run time",
    "urllib.request": "no network at run time",
    "requests": "no network at run time",
    "httpx": "no network at run time",
    "urllib3": "no network at run time",
    "aiohttp": "no network at run time",
    "ftplib": "no network at run time",
}
FORBIDDEN_CALLS = {
    "eval": "evaluates a string as code",
    "exec": "executes a string as code",
    "compile": "compiles a string to code",
    "__import__": "imports a module named by data",
}


def problems(source: str, filename: str = "<snippet>") -> list[str]:
    """What ``source`` does that the library must not, as ``file:line: what`` strings."""
    tree = ast.parse(source, filename)
    found: list[str] = []

    def forbidden(module: str) -> str | None:
        parts = module.split(".")
        for i in range(len(parts), 0, -1):
            reason = FORBIDDEN_MODULES.get(".".join(parts[:i]))
            if reason:
                return reason
        return None

    for node in ast.walk(tree):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for module in modules:
            reason = forbidden(module)
            if reason:
                found.append(f"{filename}:{node.lineno}: imports {module} ({reason})")
        if isinstance(node, ast.Call):
            func = node.func
            name = None
            if isinstance(func, ast.Name):
                name = func.id
            elif (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id == "builtins"
            ):
                name = func.attr
            if name in FORBIDDEN_CALLS:
                found.append(f"{filename}:{node.lineno}: calls {name} ({FORBIDDEN_CALLS[name]})")
    return found


SOURCES = sorted(SRC.rglob("*.py"))


def test_there_are_sources_to_check() -> None:
    names = {p.name for p in SOURCES}
    assert {"__init__.py", "model.py", "errors.py"} <= names


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(SRC)))
def test_module_is_safe(path: Path) -> None:
    assert problems(path.read_text(encoding="utf-8"), str(path.relative_to(SRC))) == []


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("import pickle", ["<snippet>:1: imports pickle (unpickling runs arbitrary code)"]),
        ("import os, marshal as m", ["<snippet>:1: imports marshal (marshal loads code objects)"]),
        (
            "from pickle import loads",
            [
                "<snippet>:1: imports pickle (unpickling runs arbitrary code)",
                "<snippet>:1: imports pickle.loads (unpickling runs arbitrary code)",
            ],
        ),
        (
            "from urllib import request",
            ["<snippet>:1: imports urllib.request (no network at run time)"],
        ),
        ("import http.client", ["<snippet>:1: imports http.client (no network at run time)"]),
        ("x = 1\neval('1+1')", ["<snippet>:2: calls eval (evaluates a string as code)"]),
        ("exec(s)", ["<snippet>:1: calls exec (executes a string as code)"]),
        (
            "import builtins\nbuiltins.eval(s)",
            ["<snippet>:2: calls eval (evaluates a string as code)"],
        ),
        ("__import__(name)", ["<snippet>:1: calls __import__ (imports a module named by data)"]),
    ],
)
def test_the_check_finds_what_it_should(snippet: str, expected: list[str]) -> None:
    assert problems(snippet) == expected


@pytest.mark.parametrize(
    "snippet",
    [
        "import re\nre.compile('a+')",
        "import json\njson.loads(s)",
        "import importlib\nimportlib.import_module('briefings.codecs.json')",
        "'''pickle and eval in a docstring are fine'''",
        "from urllib.parse import quote",
        "obj.eval()",
    ],
)
def test_the_check_lets_safe_code_through(snippet: str) -> None:
    assert problems(snippet) == []
