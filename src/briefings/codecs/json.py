"""JSON: one briefing per document, versioned by a top-level ``"schema"`` marker.

>>> import briefings
>>> text = "The minister said talks would resume."
>>> b = briefings.Briefing(document=briefings.Document(text=text))
>>> briefings.from_json(briefings.to_json(b)) == b
True

Output is deterministic: keys in model field order, fields equal to their default
left out, UTF-8 text with no ASCII escaping, no trailing newline. Input is read
strictly: unknown keys, wrong types, ``NaN``, duplicate keys, spans that do not
slice the text and dangling ids are errors with a location, and nothing is built
until the whole document is valid. Size and nesting depth are limited.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Iterable
from typing import IO, Any

import attrs

from briefings.codecs._converter import structure, unstructure
from briefings.codecs._registry import Format
from briefings.errors import (
    DecodeError,
    EncodeError,
    LimitError,
    SchemaVersionError,
    ValidationError,
)
from briefings.model import Briefing

__all__ = [
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_SIZE",
    "SCHEMA",
    "from_dict",
    "from_json",
    "to_dict",
    "to_json",
]

#: The schema marker written into, and required from, every serialized briefing.
SCHEMA = "briefings/1"
#: The largest JSON text :func:`from_json` reads by default (characters).
DEFAULT_MAX_SIZE = 64 * 1024 * 1024
#: The deepest nesting of arrays and objects :func:`from_json` reads by default.
DEFAULT_MAX_DEPTH = 32


def to_dict(briefing: Briefing) -> dict[str, Any]:
    """Plain data for ``briefing``, with the ``"schema"`` marker first."""
    return {"schema": SCHEMA, **unstructure(briefing)}


def from_dict(data: Any, /) -> Briefing:
    """A :class:`Briefing` from plain data, as :func:`to_dict` makes it.

    Raises :class:`~briefings.errors.SchemaVersionError` for a missing or unknown
    ``"schema"`` marker and :class:`~briefings.errors.ValidationError` (or
    :class:`~briefings.errors.IntegrityError`) with a path for anything else.
    """
    if not isinstance(data, dict):
        raise ValidationError(f"expected an object, got {_json_type(data)}", "$")
    marker = data.get("schema")
    if marker != SCHEMA:
        if marker is None:
            raise SchemaVersionError(f"missing schema marker; expected {SCHEMA!r}", "$.schema")
        raise SchemaVersionError(
            f"unsupported schema {marker!r}; this version reads {SCHEMA!r}", "$.schema"
        )
    body = {k: v for k, v in data.items() if k != "schema"}
    return structure(body, Briefing)


def to_json(briefing: Briefing, *, indent: int | None = None) -> str:
    """``briefing`` as a JSON text (compact unless ``indent`` is given).

    Lone surrogates in the text are written as ``\\uXXXX`` escapes, so the output
    always encodes as UTF-8. Raises :class:`~briefings.errors.EncodeError` (with
    the path of the string) for a string holding a lone high surrogate followed
    by a lone low one: JSON reads their two escapes as one character, so no JSON
    text gives them back.
    """
    separators = (",", ":") if indent is None else (",", ": ")
    data = to_dict(briefing)
    out = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    escaped = _escape_surrogates(out)
    if escaped is not out and _SURROGATE_PAIR.search(out) is not None:
        _refuse_surrogate_pair(data, "$")
    return escaped


def from_json(
    text: str | bytes,
    /,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Briefing:
    """A :class:`Briefing` from a JSON text made by :func:`to_json`.

    Raises :class:`~briefings.errors.DecodeError` (with line and column) for
    text that is not JSON, :class:`~briefings.errors.LimitError` over
    ``max_size`` characters or ``max_depth`` levels of nesting, and the errors
    of :func:`from_dict` for JSON that is not a valid briefing.
    """
    value = _loads(text, max_size, max_depth)
    deep = isinstance(value, dict | list)
    if deep and max_depth < MODEL_DEPTH:
        _check_depth(value, max_depth)
    try:
        return from_dict(value)
    except Exception as exc:
        error = exc
    # A briefing that reads cleanly is at most MODEL_DEPTH levels deep (every
    # field is typed, no extra keys), so the depth walk is needed only here: too
    # deep an input is a LimitError, whatever else is wrong with it.
    if deep:
        _check_depth(value, max_depth)
    raise error


# --------------------------------------------------------------------------- strict JSON


def loads_strict(
    text: str | bytes,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Any:
    """``json.loads`` that refuses NaN/Infinity, duplicate keys, oversize and
    overdeep input with typed, located errors."""
    value = _loads(text, max_size, max_depth)
    if isinstance(value, dict | list):
        _check_depth(value, max_depth)
    return value


def _loads(text: str | bytes, max_size: int, max_depth: int) -> Any:
    """:func:`loads_strict` without the depth walk (deeper than the recursion
    limit is still a :class:`LimitError`)."""
    if isinstance(text, bytes | bytearray):
        if len(text) > 4 * max_size:  # no UTF-8 character takes more than 4 bytes
            raise LimitError(
                f"input has {len(text)} bytes, over the limit of {max_size} characters", "$"
            )
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"input is not UTF-8: {exc.reason}", "", exc.start) from None
    if not isinstance(text, str):
        raise DecodeError(f"expected str or bytes, got {type(text).__name__}")
    if len(text) > max_size:
        raise LimitError(f"input has {len(text)} characters, over the limit of {max_size}", "$")
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except RecursionError:
        raise LimitError(f"nesting deeper than {max_depth} levels", "$") from None
    except json.JSONDecodeError as exc:
        raise DecodeError(exc.msg, text, exc.pos) from None
    except _DuplicateKeyError as exc:
        raise DecodeError(
            f"duplicate key {exc.args[0]!r}", text, _find_key(text, exc.args[0])
        ) from None
    except _BadConstantError as exc:
        raise DecodeError(
            f"{exc.args[0]} is not a valid JSON number", text, text.find(exc.args[0])
        ) from None
    return value


# A lone surrogate (Python strings may hold one; a parser keeps the text as given)
# cannot be written as UTF-8: the writer escapes it, and json.loads reads it back.
_RAW_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def _refuse_surrogate_pair(value: Any, path: str) -> None:
    """Raise :class:`EncodeError` at the first string of ``value`` holding a lone
    high surrogate followed by a lone low one."""
    if isinstance(value, str):
        m = _SURROGATE_PAIR.search(value)
        if m is not None:
            pair = " ".join(f"U+{ord(c):04X}" for c in m.group())
            raise EncodeError(
                f"a lone surrogate pair ({pair}) at character {m.start()} cannot be written"
                " as JSON: JSON reads the two escapes as one character",
                path,
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_surrogate_pair(item, f"{path}.{key}")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            _refuse_surrogate_pair(item, f"{path}[{n}]")


def _escape_surrogates(text: str) -> str:
    if text.isascii():
        return text
    try:  # strict UTF-8 refuses exactly the lone surrogates; faster than the regex
        text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return text
    return _RAW_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _DuplicateKeyError(Exception):
    pass


class _BadConstantError(Exception):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # rare: find the first repeated key
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return out


def _no_constant(name: str) -> float:
    raise _BadConstantError(name)


def _find_key(text: str, key: str) -> int:
    needle = json.dumps(key, ensure_ascii=False)
    first = text.find(needle)
    second = text.find(needle, first + 1)
    return second if second >= 0 else max(first, 0)


def _check_depth(value: Any, max_depth: int) -> None:
    """Refuse nesting deeper than ``max_depth`` (iterative: no recursion limit).

    Walks the containers one level at a time (values straight from
    :func:`json.loads` are exactly ``dict`` and ``list``, so ``type() is`` is safe).
    """
    level: list[Any] = [value]
    depth = 1
    while level:
        if depth > max_depth:
            raise LimitError(f"nesting deeper than {max_depth} levels", "$")
        below: list[Any] = []
        for item in level:
            below.extend(
                [
                    c
                    for c in (item.values() if type(item) is dict else item)
                    if type(c) is dict or type(c) is list
                ]
            )
        level = below
        depth += 1


def _model_depth(tp: Any) -> int:
    """How deeply the plain data of a value of type ``tp`` nests (objects and arrays)."""
    if attrs.has(tp):
        hints = typing.get_type_hints(tp)
        return 1 + max((_model_depth(hints[f.name]) for f in attrs.fields(tp)), default=0)
    args = typing.get_args(tp)
    if typing.get_origin(tp) is tuple:
        return 1 + _model_depth(args[0])
    return max((_model_depth(a) for a in args), default=0)


#: The deepest nesting of a valid briefing's JSON: input that reads as a briefing
#: is never deeper, so :func:`from_json` walks the nesting only when it has to.
MODEL_DEPTH = _model_depth(Briefing)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


# --------------------------------------------------------------------------- format entry


def _write(briefings: Iterable[Briefing], stream: IO[str]) -> None:
    items = list(briefings)
    if len(items) != 1:
        raise ValidationError(
            f"JSON holds exactly one briefing, got {len(items)}; use 'jsonl' for several", "$"
        )
    stream.write(to_json(items[0], indent=2))
    stream.write("\n")


def _read(stream: IO[str], *, text: str | None = None) -> Iterable[Briefing]:
    del text
    yield from_json(stream.read())


FORMAT = Format(
    name="json",
    suffixes=(".json",),
    description="one briefing as JSON (versioned, with a JSON Schema)",
    write=_write,
    read=_read,
)
