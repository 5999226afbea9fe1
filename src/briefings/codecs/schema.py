"""The JSON Schema (draft 2020-12) of the JSON format, generated from the model.

The schema is derived from the attrs classes themselves, so it cannot drift
from what :func:`~briefings.codecs.json.from_json` accepts. It checks shapes and
types; the rules that span objects (offsets slicing the text, ids resolving)
are checked by the model itself.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from typing import Any

import attrs

from briefings import model
from briefings.codecs.json import SCHEMA

__all__ = ["SCHEMA_ID", "json_schema"]

#: The ``$id`` of the schema of this format version.
SCHEMA_ID = "https://briefings.readthedocs.io/schema/briefings-1.json"


@functools.cache
def _schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _class_schema(model.Briefing, defs)
    root["properties"] = {"schema": {"const": SCHEMA}, **root["properties"]}
    root["required"] = ["schema", *root["required"]]
    defs.pop("Briefing")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "briefings: one briefing (format " + SCHEMA + ")",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one serialized briefing (a fresh copy each call)."""
    import copy

    return copy.deepcopy(_schema())


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        prop = _type_schema(hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(field.name)
        elif not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            default = field.default
            prop["default"] = (
                default.value
                if isinstance(default, enum.Enum)
                else list(default)
                if isinstance(default, tuple)
                else default
            )
        properties[field.name] = prop
    out: dict[str, Any] = {"type": "object"}
    if cls.__doc__:
        out["description"] = " ".join(cls.__doc__.split())
    out["properties"] = properties
    out["required"] = required
    out["additionalProperties"] = False
    defs[cls.__name__] = out
    return out


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(a, defs) for a in typing.get_args(tp)]}
    if origin is tuple:
        item, _ = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item, defs)}
    if tp is type(None):
        return {"type": "null"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer", "minimum": 0}
    if tp is float:
        return {"type": "number"}
    if tp is str:
        return {"type": "string"}
    if tp is dt.datetime:
        return {"type": "string", "format": "date-time"}
    if tp is dt.date:
        return {"type": "string", "format": "date"}
    if attrs.has(tp):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder against recursion
            _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - model types only
