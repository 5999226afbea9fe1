"""No regular expression in the library can backtrack catastrophically.

Every compiled pattern reachable from a module of ``briefings`` (module globals,
class attributes, tuples and dicts of patterns) and every literal pattern passed
to a ``re`` function in the source is parsed with the standard library's own
regex parser and checked structurally for the two shapes behind exponential
backtracking:

* **nested quantifiers**: an unbounded repeat whose body holds a variable-length
  repeat that can take the whole body (``(a+)+``, ``(\\w+\\s?)+``) or that shares
  characters with the rest of the body (``(.*,)+``). A repeat fenced by
  characters it cannot match (``\\w+(?:[.'-]\\w+)*``) is fine.
* **ambiguous alternation** under an unbounded repeat: alternatives that can
  start with the same character (``(a|ab)*``, ``(?:\\w|\\d)+``).

Character sets are compared over a sample of characters (ASCII, Latin-1, and the
quotes, dashes, spaces and scripts the readers meet), so the check is a sound
heuristic, not a proof. The checker is itself tested on known bad and good
patterns, so it can fail.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import briefings

try:  # Python 3.11+
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

C = sre_constants

SRC = Path(briefings.__file__).resolve().parent

UNIVERSE = tuple(chr(i) for i in range(0x250)) + tuple(
    "‘’‚‛“”„‟«»‹›「」『』–—―…\u00a0\u2007\u202f\u2009\u200a\u2028\u2029\u200b\u200c\u200d"
    "\u200e\u200f\u202e\ufeff\u3000ΑαДдقשא中国日٣३€™•·′″"
)
REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT}
POSSESSIVE = getattr(C, "POSSESSIVE_REPEAT", None)
ATOMIC = getattr(C, "ATOMIC_GROUP", None)
#: a repeat with at most this many iterations is not "unbounded"
SMALL = 8

# --------------------------------------------------------------------------- character sets


def _in_category(cat: Any, ch: str) -> bool:
    name = str(cat)
    positive = {
        "CATEGORY_DIGIT": ch.isdecimal(),
        "CATEGORY_SPACE": ch.isspace(),
        "CATEGORY_WORD": ch.isalnum() or ch == "_",
        "CATEGORY_LINEBREAK": ch == "\n",
    }
    for key, value in positive.items():
        if name.endswith(key) and "NOT_" not in name:
            return value
        if name.endswith(key.replace("CATEGORY_", "CATEGORY_NOT_")):
            return not value
    return True  # unknown category: assume it matches (conservative)


def _fold(ch: str, flags: int) -> set[str]:
    return {ch, ch.lower(), ch.upper()} if flags & re.IGNORECASE else {ch}


def _single(op: Any, av: Any, flags: int) -> frozenset[str]:
    """The sample characters one single-character node matches."""
    if op is C.LITERAL:
        return frozenset(_fold(chr(av), flags))
    if op is C.NOT_LITERAL:
        return frozenset(c for c in UNIVERSE if c not in _fold(chr(av), flags))
    if op is C.ANY:
        return frozenset(c for c in UNIVERSE if flags & re.DOTALL or c != "\n")
    if op is C.IN:
        negate = any(o is C.NEGATE for o, _ in av)
        out = set()
        for c in UNIVERSE:
            hit = False
            for o, a in av:
                if o is C.LITERAL:
                    hit = c in _fold(chr(a), flags)
                elif o is C.RANGE:
                    hit = any(a[0] <= ord(x) <= a[1] for x in _fold(c, flags))
                elif o is C.CATEGORY:
                    hit = _in_category(a, c)
                else:
                    hit = False
                if hit:
                    break
            if hit != negate:
                out.add(c)
        return frozenset(out)
    return frozenset(UNIVERSE)


def chars(seq: Any, flags: int) -> frozenset[str]:
    """Every sample character that ``seq`` can consume anywhere."""
    out: set[str] = set()
    for op, av in seq:
        if op in REPEATS or op is POSSESSIVE:
            out |= chars(av[2], flags)
        elif op is C.SUBPATTERN:
            out |= chars(av[-1], flags)
        elif op is ATOMIC:
            out |= chars(av, flags)
        elif op is C.BRANCH:
            for alt in av[1]:
                out |= chars(alt, flags)
        elif op in {C.AT, C.ASSERT, C.ASSERT_NOT}:
            continue
        elif op is C.GROUPREF_EXISTS:
            out |= chars(av[1], flags)
            if av[2] is not None:
                out |= chars(av[2], flags)
        elif op is C.GROUPREF:
            out |= set(UNIVERSE)
        else:
            out |= _single(op, av, flags)
    return frozenset(out)


def first(seq: Any, flags: int) -> frozenset[str]:
    """The sample characters ``seq`` can start with."""
    out: set[str] = set()
    for node in seq:
        op, av = node
        if op in {C.AT, C.ASSERT, C.ASSERT_NOT}:
            continue
        if op in REPEATS or op is POSSESSIVE:
            out |= first(av[2], flags)
        elif op is C.SUBPATTERN:
            out |= first(av[-1], flags)
        elif op is ATOMIC:
            out |= first(av, flags)
        elif op is C.BRANCH:
            for alt in av[1]:
                out |= first(alt, flags)
        else:
            out |= chars([node], flags)
        if not can_be_empty(node):
            break
    return frozenset(out)


def can_be_empty(node: Any) -> bool:
    op, av = node
    if op in {C.AT, C.ASSERT, C.ASSERT_NOT}:
        return True
    if op in REPEATS or op is POSSESSIVE:
        return av[0] == 0 or all(can_be_empty(n) for n in av[2])
    if op is C.SUBPATTERN:
        return all(can_be_empty(n) for n in av[-1])
    if op is ATOMIC:
        return all(can_be_empty(n) for n in av)
    if op is C.BRANCH:
        return any(all(can_be_empty(n) for n in alt) for alt in av[1])
    if op is C.GROUPREF_EXISTS:
        return True
    return op is C.GROUPREF


def variable(node: Any) -> bool:
    """Whether ``node`` holds a repeat that can take a varying number of steps."""
    op, av = node
    if op in REPEATS:
        lo, hi, body = av
        return (lo != hi and hi > 1) or any(variable(n) for n in body)
    if op is C.SUBPATTERN:
        return any(variable(n) for n in av[-1])
    if op is C.BRANCH:
        return any(variable(n) for alt in av[1] for n in alt)
    return False  # atomic groups and possessive repeats never give back


def flatten(seq: Any) -> list[Any]:
    """``seq`` with plain groups opened up (they do not change what matches)."""
    out: list[Any] = []
    for op, av in seq:
        if op is C.SUBPATTERN:
            out.extend(flatten(av[-1]))
        else:
            out.append((op, av))
    return out


# --------------------------------------------------------------------------- the check


def _check_body(items: list[Any], flags: int, found: list[str], where: str) -> None:
    """``items`` is the body of an unbounded repeat."""
    for i, item in enumerate(items):
        op, av = item
        rest = items[:i] + items[i + 1 :]
        if op is C.BRANCH:
            alts = av[1]
            starts = [first(alt, flags) for alt in alts]
            for a in range(len(alts)):
                for b in range(a + 1, len(alts)):
                    if starts[a] & starts[b]:
                        sample = "".join(sorted(starts[a] & starts[b])[:5])
                        found.append(
                            f"{where}: ambiguous alternation under a repeat "
                            f"(alternatives {a + 1} and {b + 1} both start with {sample!r})"
                        )
            for alt in alts:
                _check_body(items[:i] + flatten(alt) + items[i + 1 :], flags, found, where)
            return
        if not variable(item):
            continue
        if all(can_be_empty(r) for r in rest):
            found.append(f"{where}: nested quantifier (a repeat inside a repeat)")
        else:
            overlap = chars([item], flags) & chars(rest, flags)
            if overlap:
                sample = "".join(sorted(overlap)[:5])
                found.append(
                    f"{where}: nested quantifier whose repeat overlaps its neighbours on {sample!r}"
                )


def _walk(seq: Any, flags: int, found: list[str], where: str) -> None:
    for op, av in seq:
        if op in REPEATS:
            _lo, hi, body = av
            if hi == C.MAXREPEAT or hi > SMALL:
                _check_body(flatten(body), flags, found, where)
            _walk(body, flags, found, where)
        elif op is POSSESSIVE:
            _walk(av[2], flags, found, where)
        elif op is C.SUBPATTERN:
            _walk(av[-1], flags | (av[1] or 0), found, where)
        elif op is ATOMIC:
            _walk(av, flags, found, where)
        elif op is C.BRANCH:
            for alt in av[1]:
                _walk(alt, flags, found, where)
        elif op in {C.ASSERT, C.ASSERT_NOT}:
            _walk(av[1], flags, found, where)
        elif op is C.GROUPREF_EXISTS:
            _walk(av[1], flags, found, where)
            if av[2] is not None:
                _walk(av[2], flags, found, where)


def problems(pattern: str, flags: int = 0, where: str = "<pattern>") -> list[str]:
    """The catastrophic-backtracking shapes in ``pattern``, deduplicated."""
    found: list[str] = []
    parsed = sre_parse.parse(pattern, flags)
    _walk(parsed, parsed.state.flags, found, where)
    return list(dict.fromkeys(found))


# --------------------------------------------------------------------------- collecting patterns


def _modules() -> Iterator[Any]:
    yield briefings
    for info in pkgutil.walk_packages(briefings.__path__, "briefings."):
        try:
            yield importlib.import_module(info.name)
        except ImportError:  # an optional integration whose dependency is absent
            continue


def _patterns_in(value: Any, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 3 and isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)


def compiled_patterns() -> dict[str, tuple[str, int]]:
    """``where -> (pattern, flags)`` for every compiled pattern the modules hold."""
    out: dict[str, tuple[str, int]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            where = f"{module.__name__}.{name}"
            holders = [value]
            if isinstance(value, type) and value.__module__ == module.__name__:
                holders = list(vars(value).values())
            for holder in holders:
                for i, pat in enumerate(_patterns_in(holder)):
                    if isinstance(pat.pattern, str):
                        out[f"{where}[{i}]"] = (pat.pattern, pat.flags)
    return out


RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn"}
RE_FUNCTIONS |= {"split"}


def literal_patterns() -> dict[str, tuple[str, int]]:
    """``file:line -> (pattern, flags)`` for literal patterns passed to ``re`` functions."""
    out: dict[str, tuple[str, int]] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr in RE_FUNCTIONS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                continue
            flags = 0
            for sub in ast.walk(
                ast.Module(body=[ast.Expr(a) for a in node.args[1:]], type_ignores=[])
            ):
                if (
                    isinstance(sub, ast.Attribute)
                    and isinstance(sub.value, ast.Name)
                    and sub.value.id == "re"
                    and isinstance(getattr(re, sub.attr, None), re.RegexFlag)
                ):
                    flags |= getattr(re, sub.attr)
            for kw in node.keywords:
                if kw.arg == "flags":
                    for sub in ast.walk(kw.value):
                        if isinstance(sub, ast.Attribute) and isinstance(
                            getattr(re, sub.attr, None), re.RegexFlag
                        ):
                            flags |= getattr(re, sub.attr)
            out[f"{path.relative_to(SRC)}:{node.lineno}"] = (node.args[0].value, flags)
    return out


PATTERNS = {**compiled_patterns(), **literal_patterns()}


@pytest.mark.parametrize("where", sorted(PATTERNS))
def test_pattern_cannot_backtrack_catastrophically(where: str) -> None:
    pattern, flags = PATTERNS[where]
    assert problems(pattern, flags, where) == []


# --------------------------------------------------------------------------- the checker itself

BAD = [
    r"(a+)+",
    r"(a*)*b",
    r"(?:\w+)*$",
    r"(\w+\s?)+$",
    r"(?:\s*\w+)+",
    r"(.*,)+x",
    r"(.*)*",
    r"(?:xy|\wy)+z",
    r"(?:ab|\w+)+",
    r"^(([a-z])+.)+[A-Z]([a-z])+$",
    r"(?:x|y+)+z",
    r"(?:[a-z]+-?)*@",
    r"(?i)(?:A+a)+",
    r"(?:“[^”]*”?)+",
    r"(a{1,5})+",
    r"(?:a+){2,100}",
]
GOOD = [
    r"\w+(?:[’'.\-]\w+)*",
    r"(?:\s+\w+)*",
    r"(?:,\s*\w+)*",
    r"“[^”]*”",
    r'"(?:[^"\\]|\\.)*"',
    r"(?:\w+\.)+",
    r"(?:[A-Z]\.)+",
    r"(?:Mr|Ms|Mrs|Dr)\. [A-Z]\w+",
    r"^\s*(?:Q|A|MR\.|MS\.)\s*:",
    r"\b(?:said|says|told|added)\b",
    r"(?:a+){2}",
    r"(?:ab)+",
    r"(?:a+b)+c",
    r"(?:(?:a+b)+c)+",
    r"(?>a+)+",
    r"(?:a++)+",
    r"(a|a)*",  # the regex compiler folds single characters into a set
    r"(?:\w|\d)+",
    r"(?:a|ab)+",  # folded to a(?:|b): the alternatives start differently
]


@pytest.mark.parametrize("pattern", BAD)
def test_checker_flags_catastrophic_shapes(pattern: str) -> None:
    assert problems(pattern) != []
    assert re.compile(pattern)  # a real pattern, not a typo


@pytest.mark.parametrize("pattern", GOOD)
def test_checker_lets_safe_shapes_through(pattern: str) -> None:
    assert problems(pattern) == []


def test_checker_message_names_the_place() -> None:
    assert problems(r"(a+)+", where="briefings.text._x._BAD") == [
        "briefings.text._x._BAD: nested quantifier (a repeat inside a repeat)"
    ]
    assert problems(r"(?:xy|\wy)+") == [
        "<pattern>: ambiguous alternation under a repeat (alternatives 1 and 2 both start with 'x')"
    ]


def test_patterns_were_found_in_the_library() -> None:
    # the collectors work: a module-level pattern in the library is found
    # (the free-text readers use regular expressions for dates and words)
    assert any(where.startswith("briefings.") for where in PATTERNS) or not list(
        SRC.rglob("text/_*.py")
    )
