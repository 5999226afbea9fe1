"""Claims inside a briefer's turns: sentences, and the refusals among them.

A refusal or non-answer ("I'm not going to get ahead of the President", "I don't
have anything for you on that", "I'd refer you to the Department of Justice") is a
claim of its own with act REFUSAL; the other sentences of a paragraph together
make one ANSWER or STATEMENT claim.
"""

from __future__ import annotations

import re

from briefings.text._transcript_labels import HSPACE

__all__: list[str] = []


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ABBREVIATIONS = _wordset(
    """mr mrs ms dr st jr sr gen adm col capt lt sgt gov sen rep rev prof no vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec u.s a.m p.m e.g i.e inc co corp
    ltd dept"""
)

_REFUSALS = (
    "not going to get ahead",
    "won't get ahead",
    "not get ahead of",
    "don't want to get ahead",
    "not going to comment",
    "not going to speculate",
    "not going to preview",
    "not going to characterize",
    "not going to weigh in",
    "not going to go into",
    "not going to get into",
    "not going to detail",
    "not going to discuss",
    "won't comment",
    "won't speculate",
    "will not comment",
    "can't comment",
    "cannot comment",
    "decline to comment",
    "no comment",
    "don't want to speculate",
    "nothing to announce",
    "nothing to preview",
    "nothing to share",
    "nothing new to",
    "nothing further",
    "nothing more to",
    "no announcements",
    "nothing for you",
    "don't have anything",
    "do not have anything",
    "don't have any update",
    "don't have an update",
    "don't have any more",
    "don't have more",
    "don't have any details",
    "no update",
    "refer you to",
    "point you to",
    "leave it to",
    "leave that to",
    "not in a position to",
    "can't speak to",
    "cannot speak to",
    "not able to speak",
    "can't get into",
    "can't go into",
    "i'm not aware of",
    "not aware of that",
    "i have no information",
    "have not heard of",
    "haven't heard of",
)


def _trie(phrases: tuple[str, ...]) -> str:
    """A regex matching any of ``phrases`` (literally), built as a trie: the branches
    at each point start with distinct characters, so each position of a search reads
    each character once instead of trying every phrase in turn (no backtracking
    beyond the longest phrase)."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = tree
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


# literal phrases only, as a trie: found wherever one of them occurs
_REFUSAL = re.compile(_trie(_REFUSALS))


def _norm(s: str) -> str:
    return s.lower().replace("’", "'").replace("\xa0", " ")


def is_refusal(sentence: str) -> bool:
    """Whether ``sentence`` declines to answer or to give information."""
    return _REFUSAL.search(_norm(sentence)) is not None


_CANDIDATE = re.compile(r"[.?!\n]")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]``, trimmed; paragraph breaks split too."""
    out: list[tuple[int, int]] = []
    s = start
    i = start
    while i < end:
        m = _CANDIDATE.search(text, i, end)
        if m is None:
            break
        i = m.start()
        c = text[i]
        if c == "\n":
            # a blank line ends a sentence
            j = i + 1
            while j < end and text[j] in HSPACE:
                j += 1
            if j < end and text[j] in "\r\n":
                out.append((s, i))
                s = j
                i = j
                continue
        if c in ".?!":
            j = i + 1
            while j < end and text[j] in "\"'”’)]":
                j += 1
            if j >= end or text[j] in HSPACE or text[j] in "\r\n":
                k = j
                while k < end and (text[k] in HSPACE or text[k] in "\r\n"):
                    k += 1
                if k >= end or text[k].isupper() or text[k].isdigit() or text[k] in '"“‘(':
                    w = i
                    while w > max(s, i - 12) and (text[w - 1].isalpha() or text[w - 1] == "."):
                        w -= 1
                    word = text[w:i].lower()
                    short = len(word) == 1 and c == "."
                    if c != "." or (word not in _ABBREVIATIONS and not short):
                        out.append((s, j))
                        s = k
                        i = k
                        continue
        i += 1
    out.append((s, end))
    trimmed: list[tuple[int, int]] = []
    for a0, b0 in out:
        a, b = a0, b0
        while a < b and (text[a] in HSPACE or text[a].isspace()):
            a += 1
        while b > a and (text[b - 1] in HSPACE or text[b - 1].isspace()):
            b -= 1
        if a < b:
            trimmed.append((a, b))
    return trimmed


def may_refuse(words: str) -> bool:
    """Whether any sentence of ``words`` can be a refusal: only if ``words`` as a
    whole is one. Every refusal phrase is ASCII, and lower-casing maps a character
    to ASCII whatever surrounds it (only a capital sigma looks at its neighbours,
    and it lower-cases to a sigma), so a phrase found in a sentence is found in the
    words holding it: one search of the turn spares one per sentence in the many
    turns that refuse nothing."""
    return is_refusal(words)


def claim_spans(
    text: str,
    start: int,
    end: int,
    skip: list[tuple[int, int]],
    *,
    found: list[tuple[int, int]] | None = None,
) -> list[tuple[int, int, bool]]:
    """``(start, end, refusal)`` for the claims of one turn: refusals alone, the other
    sentences of a paragraph grouped. Sentences that are only stage directions
    (``skip``) are left out. ``found`` is ``sentences(text, start, end)`` when the
    caller has it already."""
    out: list[tuple[int, int, bool]] = []
    run: tuple[int, int] | None = None
    prev_end = start
    skipset = {(a, b) for a, b in skip}
    refuses = may_refuse(text[start:end])
    for a, b in sentences(text, start, end) if found is None else found:
        if (a, b) in skipset or not any(ch.isalnum() for ch in text[a:b]):
            continue
        para_break = "\n\n" in text[prev_end:a].replace("\r", "").replace(" ", "").replace(
            "\xa0", ""
        )
        if refuses and is_refusal(text[a:b]):
            if run is not None:
                out.append((run[0], run[1], False))
                run = None
            out.append((a, b, True))
        elif run is None or para_break:
            if run is not None:
                out.append((run[0], run[1], False))
            run = (a, b)
        else:
            run = (run[0], b)
        prev_end = b
    if run is not None:
        out.append((run[0], run[1], False))
    return out
