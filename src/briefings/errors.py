"""Exceptions raised by :mod:`briefings`.

Every error the library raises on purpose derives from :class:`BriefingsError`.
Errors about bad input also derive from :class:`ValueError`, so code that already
catches ``ValueError`` keeps working. Each error says *where* the problem is:

* :class:`ParseError` (text input) carries a character ``offset`` and the 1-based
  ``line`` and ``column``, and prints the offending line with a caret under it;
* :class:`ValidationError` (structured input) carries a ``path`` such as
  ``$.claims[3].speaker_id``.

All errors pickle and unpickle to an equal message, so batch jobs can send them
across processes.
"""

from __future__ import annotations

__all__ = [
    "BriefingsError",
    "DecodeError",
    "EncodeError",
    "IntegrityError",
    "LimitError",
    "ParseError",
    "SchemaVersionError",
    "UnknownFormatError",
    "ValidationError",
]


class BriefingsError(Exception):
    """Base class of every error raised by :mod:`briefings` on purpose."""


class ParseError(BriefingsError, ValueError):
    """Text input that cannot be read, with where it happened.

    ``offset`` is a 0-based character offset into ``source``; ``line`` and
    ``column`` are 1-based and derived from it.
    """

    def __init__(self, message: str, source: str = "", offset: int = 0) -> None:
        super().__init__(message, source, offset)
        self.message = message
        self.source = source
        self.offset = max(0, min(offset, len(source)))
        self.line = source.count("\n", 0, self.offset) + 1
        self.column = self.offset - (source.rfind("\n", 0, self.offset) + 1) + 1

    def __str__(self) -> str:
        if not self.source:
            return self.message
        start = self.source.rfind("\n", 0, self.offset) + 1
        end = self.source.find("\n", self.offset)
        end = len(self.source) if end < 0 else end
        line_text = self.source[start:end]
        shown = line_text[:120]
        caret = " " * min(self.column - 1, len(shown)) + "^"
        return f"{self.message} (line {self.line}, column {self.column})\n    {shown}\n    {caret}"


class DecodeError(ParseError):
    """Input that is not well-formed for its format (bad JSON, bad brat line...)."""


class ValidationError(BriefingsError, ValueError):
    """Structured input, or a model object, that breaks a rule of the model.

    ``path`` is a JSONPath-like location (``$.claims[3].speaker_id``) of the
    offending value.
    """

    def __init__(self, message: str, path: str = "$") -> None:
        super().__init__(message, path)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.message} @ {self.path}"


class IntegrityError(ValidationError):
    """A cross-reference or a span that does not hold.

    Raised for dangling ids, duplicate ids, and spans whose text is not
    ``document.text[start:end]``.
    """


class SchemaVersionError(ValidationError):
    """A serialized briefing whose ``schema`` marker this version cannot read."""


class LimitError(ValidationError):
    """Input over a configured limit (size, nesting depth)."""


class EncodeError(ValidationError):
    """A model value that a format cannot write faithfully, with its path.

    JSON, for one, reads the escapes of a high surrogate followed by a low one
    (``"\\ud800\\udfff"``) as a single character, so a text holding those two
    lone code points side by side cannot be written as JSON and read back.
    """


class UnknownFormatError(BriefingsError, LookupError):
    """A format name or file suffix that no codec is registered for."""

    def __init__(self, name: str, known: tuple[str, ...] = ()) -> None:
        super().__init__(name, known)
        self.name = name
        self.known = known

    def __str__(self) -> str:
        return f"unknown format {self.name!r}; known formats: {', '.join(self.known)}"
