"""Page chrome, boilerplate and the title of a report.

Chrome is found line by line: a line made only of navigation and sharing phrases
("Go to home page", "Back to top", "Share", "Print") is boilerplate. Offsets are
never shifted: boilerplate is marked, not removed.
"""

from __future__ import annotations

from briefings.text._sentences import paragraphs

__all__: list[str] = []

_CHROME = (
    "go to home page",
    "back to top",
    "skip to main content",
    "skip to content",
    "share this article",
    "share on facebook",
    "share on twitter",
    "share this",
    "print this page",
    "print",
    "share",
    "tweet",
    "email",
    "e-mail",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "reddit",
    "copy link",
    "read more",
    "advertisement",
    "subscribe",
    "sign up",
    "log in",
    "menu",
    "search",
    "home",
    "next",
    "previous",
    "related",
    "comments",
    "close",
    "clear",
    "top",
)
_CHROME_SORTED = sorted(_CHROME, key=len, reverse=True)


def _is_chrome(line: str) -> bool:
    rest = line.lower()
    hits = 0
    while rest:
        rest = rest.lstrip(" \t|•·/-–—>«»")
        if not rest:
            break
        for phrase in _CHROME_SORTED:
            if rest.startswith(phrase) and (
                len(rest) == len(phrase) or not rest[len(phrase)].isalnum()
            ):
                rest = rest[len(phrase) :]
                hits += 1
                break
        else:
            return False
    # one word alone ("Share") is chrome only if it is a typical widget label
    return hits >= 1 and (hits >= 2 or len(line.split()) >= 2 or line.strip().lower() in _CHROME)


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """Lines of ``text`` that are page chrome, as ``(start, end)``."""
    out: list[tuple[int, int]] = []
    for a, b in paragraphs(text):
        if b - a <= 80 and _is_chrome(text[a:b]):
            out.append((a, b))
    return out


def find_title(text: str, boilerplate: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The report's title: its first line that is neither chrome nor a full
    paragraph of prose, when a blank line or a paragraph follows it."""
    chrome = set(boilerplate)
    paras = [p for p in paragraphs(text) if p not in chrome]
    if len(paras) < 2:
        return None
    a, b = paras[0]
    line = text[a:b]
    if b - a > 250 or "\n" in line:
        return None
    words = line.split()
    if len(words) < 2:
        return None
    if line.endswith(".") and not line.endswith(".."):
        return None
    return (a, b)
