"""Sphinx directives that generate reference material from the code at build time.

* ``.. briefings-api-index::`` lists every name in ``briefings.__all__`` with a link
  to where it is documented (falling back to documenting it right there).
* ``.. briefings-vocabulary:: briefings.model.SpeechAct`` renders an enum as a
  table of values; the directive's content gives ``value: meaning`` lines, and a
  meaning for a value the enum does not have is an error.
* ``.. briefings-schema::`` shows the JSON Schema of the JSON format; the HTML
  build also publishes it as ``schema/briefings-1.json``.
* ``.. briefings-cli::`` shows ``--help`` of the command and of every sub-command.
* ``.. briefings-run:: parse --to csv report.txt`` runs the command line in a copy
  of ``docs/_examples`` and shows the command with its real output.

Nothing here touches the network.
"""

from __future__ import annotations

import contextlib
import enum
import importlib
import inspect
import io
import json
import os
import re
import shlex
import shutil
import tempfile
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.errors import PycodeError
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

LOG = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "_examples"

#: The public modules that have a reference page, in the order a name is looked up.
#: Add a module here when its page is written.
API_MODULES = (
    "briefings.model",
    "briefings.errors",
    "briefings.text",
    "briefings.codecs.json",
    "briefings.codecs.jsonl",
    "briefings.codecs.schema",
    "briefings.codecs.csv",
    "briefings.codecs.brat",
    "briefings.codecs.jsonld",
    "briefings.codecs.html",
    "briefings.codecs",
    "briefings.strategies",
    "briefings.corpus",
    "briefings.dask",
    "briefings.index",
    "briefings.evaluate",
)


def documented_modules() -> list[str]:
    """The modules that have a reference page."""
    return list(API_MODULES)


def _parse(directive: SphinxDirective, lines: list[str]) -> list[nodes.Node]:
    node = nodes.section()
    node.document = directive.state.document
    source = directive.get_source_info()[0]
    nested_parse_with_titles(
        directive.state, StringList(lines, source=source), node, directive.content_offset
    )
    return list(node.children)


class ApiIndex(SphinxDirective):
    """Every name in a module's ``__all__`` (default :mod:`briefings`), linked to
    the page that documents it; a name documented nowhere else is documented here."""

    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        _Generated.note(self)
        module_name = self.arguments[0] if self.arguments else "briefings"
        module = importlib.import_module(module_name)
        homes = [
            (m, set(getattr(importlib.import_module(m), "__all__", ())))
            for m in documented_modules()
            if m != module_name
        ]
        rows: list[str] = []
        fallback: list[str] = []
        for name in sorted(module.__all__, key=lambda n: n.lower().lstrip("_")):
            obj = getattr(module, name)
            home = next((m for m, names in homes if name in names), None)
            summary = _first_line(name, obj, home or module_name)
            target = f"{home or module_name}.{name}"
            rows += [f"   * - :py:obj:`{name} <{target}>`", f"     - {summary}"]
            if home is None:
                kind = _auto_kind(obj)
                fallback += [f".. {kind}:: {target}"]
                if kind == "autodata" and name != "__version__":
                    fallback += ["   :no-value:"]
                fallback += [""]
        lines = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 30 70",
            "",
            "   * - Name",
            "     - What it is",
            *rows,
            "",
        ]
        if fallback:
            lines += ["", *fallback]
        return _parse(self, lines)


def _auto_kind(obj: Any) -> str:
    if isinstance(obj, type):
        return "autoexception" if issubclass(obj, BaseException) else "autoclass"
    if callable(obj):
        return "autofunction"
    return "autodata"


_ROLE = re.compile(r":[a-z:]+:`~?([^`]+)`")


def _first_line(name: str, obj: Any, home: str | None = None) -> str:
    """The first paragraph of ``obj``'s docstring (or ``#:`` comment in ``home``),
    cross-reference roles made literal."""
    if name == "__version__":
        return "The version of the installed package, as a string."
    doc = inspect.getdoc(obj) if (isinstance(obj, type) or callable(obj)) else None
    if not doc and home is not None:
        try:
            comments = ModuleAnalyzer.for_module(home).find_attr_docs()
        except PycodeError:
            comments = {}
        doc = "\n".join(comments.get(("", name), ())).strip() or None
    if not doc:
        args = getattr(obj, "__args__", None)
        if args:
            return "A type alias: " + " | ".join(f"``{getattr(a, '__name__', a)}``" for a in args)
        return f"A constant: ``{obj!r}``"
    paragraph = " ".join(doc.split("\n\n")[0].split())
    return _ROLE.sub(r"``\1``", paragraph)


class Vocabulary(SphinxDirective):
    """An enum as a table: value, meaning (from the directive content)."""

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        _Generated.note(self)
        path = self.arguments[0]
        module_name, _, cls_name = path.rpartition(".")
        cls = getattr(importlib.import_module(module_name), cls_name)
        if not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
            raise self.error(f"{path} is not an enum")
        meanings: dict[str, str] = {}
        for line in self.content:
            if not line.strip():
                continue
            key, sep, text = line.partition(":")
            if not sep:
                raise self.error(f"expected 'value: meaning', got {line!r}")
            meanings[key.strip()] = text.strip()
        values = [m.value for m in cls]
        for key in meanings:
            if key not in values:
                LOG.warning(
                    "%s has no value %r (documented in the vocabulary)",
                    path,
                    key,
                    location=self.get_location(),
                )
        lines = [
            ".. list-table::",
            "   :header-rows: 1",
            "   :widths: 22 22 56",
            "",
            "   * - Value",
            "     - Python",
            "     - Meaning",
        ]
        for member in cls:
            meaning = meanings.get(member.value, "")
            lines += [
                f"   * - ``{member.value}``",
                f"     - :py:attr:`~{path}.{member.name}`",
                f"     - {meaning}",
            ]
        return _parse(self, [*lines, ""])


class Schema(SphinxDirective):
    """The JSON Schema, pretty-printed."""

    def run(self) -> list[nodes.Node]:
        _Generated.note(self)
        from briefings.codecs.schema import json_schema

        text = json.dumps(json_schema(), indent=2, ensure_ascii=False)
        block = nodes.literal_block(text, text, language="json")
        return [block]


class Literal(SphinxDirective):
    """The value of a string constant (``module.NAME``) as a literal block."""

    required_arguments = 1
    option_spec = {"language": directives.unchanged}  # noqa: RUF012  (docutils' API)

    def run(self) -> list[nodes.Node]:
        _Generated.note(self)
        module_name, _, name = self.arguments[0].rpartition(".")
        value = getattr(importlib.import_module(module_name), name)
        if not isinstance(value, str):
            raise self.error(f"{self.arguments[0]} is not a string")
        text = value.strip("\n")
        return [nodes.literal_block(text, text, language=self.options.get("language", "text"))]


BENCHMARKS = Path(
    os.environ.get(
        "BRIEFINGS_BENCHMARK_RESULTS", HERE.parent.parent / "benchmarks" / "results.json"
    )
)
_RST_SPECIAL = frozenset("\\`*_|[]<>:=-+#'\"~^.,;!?()/")


class Benchmarks(SphinxDirective):
    """The figures of ``benchmarks/results.json`` (written by ``benchmarks/run.py``).

    ``:sections:`` lists the sections shown row by row; the others are summed up.
    Without a results file (or with one this directive cannot read), says so.
    """

    option_spec = {"sections": directives.unchanged}  # noqa: RUF012  (docutils' API)

    def run(self) -> list[nodes.Node]:
        _Generated.note(self)
        wanted = self.options.get("sections", "reading codec scaling streaming").split()
        try:
            data = json.loads(BENCHMARKS.read_text(encoding="utf-8"))
            machine = data["machine"]
            rows = [r for r in data["rows"] if isinstance(r, dict)]
        except (OSError, ValueError, KeyError, TypeError):
            return _parse(
                self,
                [
                    "No benchmark results are recorded in this checkout: run "
                    "``python benchmarks/run.py`` to measure them.",
                    "",
                ],
            )
        self.env.note_dependency(str(BENCHMARKS))
        lines = [
            f"Recorded {str(machine.get('date', '?'))[:10]} at commit "
            f"``{machine.get('commit', '?')}`` with ``{data.get('command', '?')}`` "
            f"(best of {data.get('repeat', '?')}) on Python {machine.get('python', '?')}, "
            f"{machine.get('processor', '?')}, {machine.get('cpus', '?')} CPUs.",
            "",
            ".. list-table::",
            "   :header-rows: 1",
            "",
            "   * - Section",
            "     - Figure",
            "     - Input",
            "     - MB/s",
            "     - Ratio to baseline",
            "     - Target",
            "     - Met",
        ]

        def cell(value: object) -> str:
            if value in (None, ""):
                return "\u2013"
            # Backslash-escape punctuation: names hold quote marks, backticks, stars.
            return "".join("\\" + c if c in _RST_SPECIAL else c for c in str(value))

        for row in rows:
            if row.get("section") not in wanted:
                continue
            mbs = row.get("mb_per_s")
            ratio = row.get("ratio")
            lines += [
                f"   * - {cell(row.get('section'))}",
                f"     - {cell(row.get('name'))}",
                f"     - {cell(row.get('input'))}",
                f"     - {mbs:.2f}" if isinstance(mbs, (int, float)) else "     - \u2013",
                f"     - {ratio:.2f}x" if isinstance(ratio, (int, float)) else "     - \u2013",
                f"     - {cell(row.get('target'))}",
                "     - " + {True: "yes", False: "**no**"}.get(row.get("ok"), "\u2013"),  # type: ignore[arg-type]
            ]
        lines.append("")
        others = [r for r in rows if r.get("section") not in wanted]
        if others:
            met = sum(1 for r in others if r.get("ok") is True)
            sections = sorted({str(r.get("section")) for r in others})
            lines += [
                f"Also measured ({', '.join(sections)}): {len(others)} figures, "
                f"{met} meeting their targets.",
                "",
            ]
        return _parse(self, lines)


def _help_of(argv: list[str]) -> str:
    from briefings.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main([*argv, "--help"])
    return out.getvalue().rstrip()


class Cli(SphinxDirective):
    """``briefings --help`` and every sub-command's help, as sections."""

    def run(self) -> list[nodes.Node]:
        _Generated.note(self)
        from briefings import cli

        os.environ["COLUMNS"] = "88"
        lines = [".. code-block:: text", ""]
        lines += ["   $ briefings --help", *_indent(_help_of([])), ""]
        parser = cli.build_parser()
        sub = next(
            a
            for a in parser._actions  # argparse keeps sub-parsers here
            if a.__class__.__name__ == "_SubParsersAction"
        )
        for name in sub.choices:  # type: ignore[attr-defined]
            title = f"briefings {name}"
            lines += [title, "-" * len(title), "", f".. _cli-{name}:", ""]
            lines += [".. code-block:: text", "", f"   $ briefings {name} --help"]
            lines += [*_indent(_help_of([name])), ""]
        return _parse(self, lines)


def _indent(text: str) -> list[str]:
    return [("   " + line) if line.strip() else "" for line in text.splitlines()]


class Run(SphinxDirective):
    """Run ``briefings ARGS`` in a scratch copy of ``docs/_examples``; show its output.

    ``:setup:`` commands (``;``-separated) run first and are shown without their
    output; ``:show: FILE`` also shows a file the command wrote; ``:lines: N``
    cuts long output; ``:status: N`` is the exit status expected (default 0).
    """

    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {  # noqa: RUF012  (docutils' API)
        "lines": directives.nonnegative_int,
        "status": directives.nonnegative_int,
        "show": directives.unchanged,
        "setup": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        _Generated.note(self)
        from briefings.cli import main

        argv = shlex.split(self.arguments[0])
        expected = self.options.get("status", 0)
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp) / "work"
            shutil.copytree(EXAMPLES, work)
            out, err = io.StringIO(), io.StringIO()
            old = Path.cwd()
            os.chdir(work)
            try:
                for command in filter(None, self.options.get("setup", "").split(";")):
                    quiet = io.StringIO()
                    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
                        if main(shlex.split(command)) != 0:
                            LOG.warning(
                                "set-up command failed: briefings %s: %s",
                                command,
                                quiet.getvalue().strip(),
                                location=self.get_location(),
                            )
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    try:
                        status = main(argv)
                    except SystemExit as exc:
                        status = int(exc.code or 0)
                shown = self.options.get("show")
                extra = (work / shown).read_text(encoding="utf-8") if shown else ""
            finally:
                os.chdir(old)
        if status != expected:
            LOG.warning(
                "briefings %s exited %s, expected %s: %s",
                self.arguments[0],
                status,
                expected,
                err.getvalue().strip(),
                location=self.get_location(),
            )
        limit = self.options.get("lines")

        def cut(text: str) -> list[str]:
            lines = text.rstrip("\n").splitlines()
            if limit is not None and len(lines) > limit:
                lines = [*lines[:limit], "..."]
            return lines

        setup = [c.strip() for c in self.options.get("setup", "").split(";") if c.strip()]
        shown_lines = [f"$ briefings {c}" for c in setup]
        shown_lines += [f"$ briefings {self.arguments[0]}", *cut(out.getvalue() + err.getvalue())]
        if shown:
            shown_lines += [f"$ cat {shown}", *cut(extra)]
        body = "\n".join(shown_lines)
        return [nodes.literal_block(body, body, language="console")]


def _publish_schema(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from briefings.codecs.schema import SCHEMA_ID, json_schema

    target = Path(app.outdir) / "schema" / SCHEMA_ID.rsplit("/", 1)[-1]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def _lookup(dotted: str) -> Any:
    """The object called ``dotted`` (``briefings.codecs.to_json``), or ``None``."""
    module_name, _, name = dotted.rpartition(".")
    while module_name:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            module_name, _, head = module_name.rpartition(".")
            name = f"{head}.{name}"
            continue
        obj: Any = module
        for part in name.split("."):
            obj = getattr(obj, part, None)
        return obj
    return None


def _resolve_short_names(
    app: Sphinx, env: Any, node: nodes.Element, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve references the Python domain cannot, to the one place documenting them.

    * ``:class:`Briefing``` written in a module that does not define it: the
      package's only documented object of that name;
    * ``:func:`briefings.codecs.iter_lines``` (a re-export): the documented
      object that *is* the same Python object (``briefings.codecs.jsonl.iter_lines``).
    """
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "").lstrip("~.")
    if not target:
        return None
    domain = env.get_domain("py")
    suffix = "." + target.rpartition(".")[2]
    candidates = [
        name
        for name, obj in domain.objects.items()
        if name.startswith("briefings.") and name.endswith(suffix) and not obj.aliased
    ]
    if "." in target:
        if not target.startswith("briefings."):
            return None
        wanted = _lookup(target)
        if wanted is None:
            return None
        candidates = [name for name in candidates if _lookup(name) is wanted]
    if len(candidates) != 1:
        return None
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, "obj", candidates[0], node, contnode
    )


def _docstring_doctests(  # noqa: PLR0917  (the signature of Sphinx's event)
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Run ``>>>`` examples of docstrings in their module's namespace.

    Each run of ``>>>`` lines becomes a ``.. doctest::`` in a group named after
    the module, set up with the module's globals, as ``pytest --doctest-modules``
    would run it.
    """
    del app, options
    if not any(line.lstrip().startswith(">>>") for line in lines):
        return
    module = name if what == "module" else getattr(obj, "__module__", None)
    if not isinstance(module, str) or not module.startswith("briefings"):
        return
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.lstrip().startswith(">>>"):
            out.append(line)
            i += 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        if out and out[-1].strip():
            out.append("")
        out += [f"{indent}.. doctest:: {module}", ""]
        while i < len(lines) and lines[i].strip():
            out.append("   " + lines[i])
            i += 1
        out.append("")
    out += [
        "",
        f".. testsetup:: {module}",
        "",
        "   import importlib",
        f"   globals().update(vars(importlib.import_module({module!r})))",
        "",
    ]
    lines[:] = out


class _Generated:
    """Pages whose content comes from the code: re-read on every build."""

    @staticmethod
    def note(directive: SphinxDirective) -> None:
        pages: set[str] = getattr(directive.env, "briefings_generated", set())
        pages.add(directive.env.docname)
        directive.env.briefings_generated = pages  # type: ignore[attr-defined]

    @staticmethod
    def outdated(
        app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]
    ) -> list[str]:
        del app, added, changed
        return sorted(getattr(env, "briefings_generated", set()) - removed)

    @staticmethod
    def merge(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
        del app, docnames
        pages = getattr(env, "briefings_generated", set())
        env.briefings_generated = pages | getattr(other, "briefings_generated", set())

    @staticmethod
    def purge(app: Sphinx, env: Any, docname: str) -> None:
        del app
        getattr(env, "briefings_generated", set()).discard(docname)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives."""
    app.add_directive("briefings-api-index", ApiIndex)
    app.add_directive("briefings-vocabulary", Vocabulary)
    app.add_directive("briefings-schema", Schema)
    app.add_directive("briefings-literal", Literal)
    app.add_directive("briefings-benchmarks", Benchmarks)
    app.add_directive("briefings-cli", Cli)
    app.add_directive("briefings-run", Run)
    app.connect("build-finished", _publish_schema)
    app.connect("env-get-outdated", _Generated.outdated)
    app.connect("env-merge-info", _Generated.merge)
    app.connect("env-purge-doc", _Generated.purge)
    app.connect("missing-reference", _resolve_short_names)
    app.connect("autodoc-process-docstring", _docstring_doctests)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
