"""Codecs: briefings to and from interchange formats, one module per format.

Each format module defines a :class:`Format` named ``FORMAT`` (or several in
``FORMATS``) with a ``write`` and/or ``read`` function of the same shape, and the
registry finds it by name (:func:`by_name`) or file suffix (:func:`by_path`).
"""

from __future__ import annotations

from briefings.codecs._registry import Format, Reader, Writer, by_name, by_path, names, register
from briefings.codecs.json import SCHEMA, from_dict, from_json, to_dict, to_json
from briefings.codecs.jsonl import dump_lines, iter_lines

__all__ = [
    "SCHEMA",
    "Format",
    "Reader",
    "Writer",
    "by_name",
    "by_path",
    "dump_lines",
    "from_dict",
    "from_json",
    "iter_lines",
    "names",
    "register",
    "to_dict",
    "to_json",
]
