"""The cattrs converter shared by the structured codecs (JSON, JSON Lines).

Strict on the way in: no extra keys, no silent coercion of ``5`` to ``"5"``,
dates as ISO strings. Structuring errors come out as
:class:`~briefings.errors.ValidationError` with a ``$.claims[0].content.start``
path, built from :func:`cattrs.transform_error`.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from collections.abc import Callable
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError, IterableValidationNote

from briefings import model
from briefings.errors import BriefingsError, ValidationError

__all__ = ["converter", "structure", "unstructure"]

_T = TypeVar("_T")


def _strict(kind: type, name: str) -> Any:
    def hook(value: Any, _type: Any) -> Any:
        if type(value) is kind:  # nearly always: JSON gives exact types
            return value
        # bool is an int subclass: refuse it where a number is wanted
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise TypeError(f"expected {name}, got {type(value).__name__}")
        return value

    return hook


def _structure_float(value: Any, _type: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return float(value)


def _structure_date(value: Any, _type: Any) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _structure_datetime(value: Any, _type: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO datetime string, got {type(value).__name__}")
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not an ISO datetime: {value!r}") from None


def _structure_enum(value: Any, type_: type[enum.Enum]) -> enum.Enum:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    try:
        return type_(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in type_)
        raise ValueError(f"{value!r} is not one of {allowed}") from None


def _enum_hook(type_: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    """:func:`_structure_enum` for one vocabulary, with its values looked up in a dict."""
    members = {m.value: m for m in type_}

    def hook(value: Any, _type: Any) -> enum.Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
        return _structure_enum(value, type_)

    return hook


_JSON_TYPES = {dict: "an object", str: "a string", int: "a number", float: "a number"}


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(conv: cattrs.Converter, detailed: bool) -> Callable[[Any], Any]:
    """Hooks for ``tuple[T, ...]`` that take only a JSON array (a string is not a
    list of its characters) and stop at the first bad element: an error in a
    huge array costs one exception, not one per element."""

    def factory(type_: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        elem = get_args(type_)[0]
        getter = getattr(conv, "get_structure_hook", None)
        # ``get_structure_hook`` is cattrs >= 24.1; ``structure`` is the same, slower
        handler = getter(elem) if getter is not None else conv.structure

        def hook(value: Any, _type: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                got = "null" if value is None else _JSON_TYPES.get(type(value), "a boolean")
                raise TypeError(f"expected an array, got {got}")
            if not detailed:
                return tuple([handler(v, elem) for v in value])
            out = []
            for i, v in enumerate(value):
                try:
                    out.append(handler(v, elem))
                except Exception as exc:
                    note = IterableValidationNote(f"Structuring {type_} @ index {i}", i, elem)
                    setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010 - 3.10 has no add_note
                    raise IterableValidationError(
                        f"While structuring {type_!r}", [exc], type_
                    ) from None
            return tuple(out)

        return hook

    return factory


def _is_tuple_of_classes(type_: Any) -> bool:
    return _is_homogeneous_tuple(type_) and attrs.has(get_args(type_)[0])


def _tuple_unstructure_hook(conv: cattrs.Converter) -> Callable[[Any], Any]:
    """Unstructure hooks for ``tuple[C, ...]`` of model classes: a list built by a
    comprehension, the element hook looked up once (cattrs feeds a generator)."""

    def factory(type_: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        elem = get_args(type_)[0]
        getter = getattr(conv, "get_unstructure_hook", None)
        handler = getter(elem) if getter is not None else conv.unstructure

        def hook(value: tuple[Any, ...]) -> list[Any]:
            return [handler(v) for v in value]

        return hook

    return factory


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A fresh converter configured the way :mod:`briefings` serializes its model.

    ``detailed_validation=False`` gives a faster converter whose errors carry no
    field path (:func:`structure` uses it first and falls back to the detailed
    one only to locate an error).
    """
    conv = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed_validation
    )
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "an integer"))
    conv.register_structure_hook(bool, _strict(bool, "a boolean"))
    conv.register_structure_hook(float, _structure_float)
    # datetime before date: a datetime is a date subclass
    conv.register_structure_hook(dt.datetime, _structure_datetime)
    conv.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    # Registered per class: the vocabularies are ``str`` subclasses, and the
    # strict ``str`` hook above would otherwise take them.
    for name in model.__all__:
        obj = getattr(model, name)
        if isinstance(obj, type) and issubclass(obj, enum.Enum):
            conv.register_structure_hook(obj, _enum_hook(obj))
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )
    conv.register_structure_hook_factory(
        _is_homogeneous_tuple, _tuple_hook(conv, detailed=detailed_validation)
    )
    conv.register_unstructure_hook_factory(_is_tuple_of_classes, _tuple_unstructure_hook(conv))
    return conv


def _fast_span(value: Any, _type: Any = None) -> model.Span:
    # Spans are most of the objects in a briefing: the plain case is built
    # directly, anything unusual is left to the detailed pass to locate.
    if type(value) is not dict or len(value) != 3:
        raise TypeError("not a plain span")
    start, end, text = value["start"], value["end"], value["text"]
    if type(start) is not int or type(end) is not int or type(text) is not str:
        raise TypeError("not a plain span")
    return model.Span(start=start, end=end, text=text)


def _fast_spans(value: Any, _type: Any) -> tuple[model.Span, ...]:
    if type(value) is not list:
        raise TypeError("not a list of spans")
    return tuple([_fast_span(v) for v in value])


def _is_optional(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) in (Union, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_hook(conv: cattrs.Converter) -> Callable[[Any], Any]:
    """Hooks for ``X | None`` that look up the hook of ``X`` once, not on every value."""

    def factory(type_: Any) -> Callable[[Any, Any], Any]:
        inner = next(a for a in get_args(type_) if a is not type(None))
        getter = getattr(conv, "get_structure_hook", None)
        handler = getter(inner) if getter is not None else conv.structure

        if inner in (str, int, bool):  # the plain value passes as it is

            def plain(value: Any, _type: Any) -> Any:
                if value is None or type(value) is inner:
                    return value
                return handler(value, inner)

            return plain

        def hook(value: Any, _type: Any) -> Any:
            return None if value is None else handler(value, inner)

        return hook

    return factory


def _make_fast() -> cattrs.Converter:
    conv = make_converter(detailed_validation=False)
    conv.register_structure_hook(model.Span, _fast_span)
    conv.register_structure_hook_func(lambda t: t == tuple[model.Span, ...], _fast_spans)
    conv.register_structure_hook_factory(_is_optional, _optional_hook(conv))
    return conv


converter = make_converter()
# The same rules without cattrs' per-field error bookkeeping, and spans built
# directly: several times faster on valid input, which is nearly all input.
# Errors are located by re-running the detailed converter (see ``structure``).
_fast = _make_fast()


def unstructure(obj: object) -> Any:
    """Plain data (dicts, lists, strings, numbers) for a model object."""
    return converter.unstructure(obj)


def structure(data: Any, cls: type[_T], *, path: str = "$") -> _T:
    """A model object of type ``cls`` from plain data.

    Raises :class:`ValidationError` (or a subclass raised by the model, such as
    :class:`~briefings.errors.IntegrityError`) with the path of the first problem.
    """
    try:
        return _fast.structure(data, cls)
    except Exception:  # any failure: the detailed pass below locates it
        pass
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError) as exc:
        raise _to_validation_error(exc, path) from None
    except BriefingsError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ValidationError(str(exc) or type(exc).__name__, path) from None


def _to_validation_error(exc: BaseException, path: str) -> ValidationError:
    """The first leaf error of a cattrs exception group, with its path."""
    # A model validator raised inside a nested class: keep its type, prefix the path.
    leaf, where = _first_leaf(exc, path)
    if isinstance(leaf, ValidationError):
        sub = leaf.path[1:] if leaf.path.startswith("$") else leaf.path
        return type(leaf)(leaf.message, where + sub)
    messages = cattrs.transform_error(exc, path=path, format_exception=_format)
    if not messages:
        return ValidationError(str(exc), path)
    message, _, location = messages[0].rpartition(" @ ")
    return ValidationError(message or messages[0], location or path)


def _format(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"extra fields found ({', '.join(sorted(exc.extra_fields))})"
    if isinstance(exc, TypeError | ValueError) and str(exc):
        return str(exc)
    return f"invalid value for {type_!r}"


def _first_leaf(exc: BaseException, path: str) -> tuple[BaseException, str]:
    from cattrs.errors import AttributeValidationNote, IterableValidationNote

    while isinstance(exc, ClassValidationError | IterableValidationError):
        if not exc.exceptions:
            break
        inner = exc.exceptions[0]
        for note in getattr(inner, "__notes__", ()):
            if isinstance(note, AttributeValidationNote):
                path = f"{path}.{note.name}"
                break
            if isinstance(note, IterableValidationNote):
                path = f"{path}[{note.index!r}]"
                break
        exc = inner
    return exc, path
