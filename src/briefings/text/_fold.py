"""A text in lower case, character for character, for word searches without ``re.IGNORECASE``.

A case-insensitive pattern made of ASCII letters, apostrophes, hyphens, ``\\w``
and ``\\b`` finds the same matches at the same offsets in ``text`` as the same
pattern in lower case, without the flag, finds in :func:`folded` ``(text)``.
Searching the lower-cased text is about twice as fast, and a report is lowered
once for all the stretches searched in it.

This rests on three facts about each character ``c`` of the text, checked for
every code point in ``tests/test_fast_paths.py``: ``c.lower()`` is one
character ``l``; ``c`` is ``\\w`` exactly when ``l`` is; and ``c`` matches an
ASCII letter, ``'``, ``’`` or ``-`` under ``re.IGNORECASE`` exactly when ``l``
is that character. Three characters break them: ``İ`` lowers to two characters,
and ``ı`` and ``ſ`` match ``i`` and ``s`` under the flag but lower to themselves.
A capital sigma lowers by its context (``σ`` or ``ς``), so a slice of the lowered
text would not always be the slice lowered. A text holding any of these is not
folded.
"""

from __future__ import annotations

__all__: list[str] = []

_UNSAFE = ("ı", "ſ", "Σ")


def folded(text: str) -> str | None:
    """``text.lower()``, aligned with ``text`` character for character, or ``None``
    when ``text`` holds a character that would break that (see the module)."""
    for ch in _UNSAFE:
        if ch in text:
            return None
    low = text.lower()
    return low if len(low) == len(text) else None
