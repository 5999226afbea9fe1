"""The readers' fast paths give what the plain versions they replace gave.

Each test keeps the straightforward version of a helper (the code before it was
sped up) and checks, on generated input, that the fast one returns the same.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
import string
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefings import model
from briefings.codecs._converter import _fast, converter, unstructure
from briefings.codecs.json import MODEL_DEPTH, _escape_surrogates, from_json, to_dict, to_json
from briefings.errors import LimitError
from briefings.model import (
    Briefing,
    BriefingKind,
    Claim,
    Document,
    MentionKind,
    OtherEntity,
    Relay,
    Span,
)
from briefings.strategies import briefings as gen_briefings
from briefings.text import (
    _events,
    _report_claims,
    _report_extras,
    _speakers,
    _time,
    _transcript_claims,
    parse,
    report,
    transcript,
)
from briefings.text._events import find_events
from briefings.text._fold import folded
from briefings.text._quotes import Quote, find_insertions
from briefings.text._report_claims import _quote_index, _quote_ranges
from briefings.text._report_extras import hedges_in, negations_in
from briefings.text._sentences import Token, _keeps_period, paragraphs, tokens
from briefings.text._transcript_claims import claim_spans, is_refusal, may_refuse
from briefings.text._transcript_header import clean, split_wide
from briefings.text._transcript_labels import _MAX_LABEL, HSPACE, Shapes, label_colon, match_label
from briefings.text._transcript_layout import split_lines
from briefings.text.report import (
    _opens_attribution,
    _tokens_within,
    parse_report,
    report_claims,
)
from briefings.text.transcript import looks_like_transcript, parse_transcript


def _quote_index_plain(toks: Sequence[Token], quotes: Sequence[Quote]) -> list[int]:
    idx = [-1] * len(toks)
    q = 0
    for k, t in enumerate(toks):
        while q < len(quotes) and quotes[q].end <= t.start:
            q += 1
        if q < len(quotes) and quotes[q].start <= t.start < quotes[q].end:
            idx[k] = q
    return idx


_words = st.lists(st.sampled_from(["a", "Bb", ",", "“", "”", "x.", "  ", " "]), max_size=40)


@st.composite
def _quotes(draw: st.DrawFn, size: int) -> list[Quote]:
    """Quotes in order of start; ends may overlap or nest (the index must not care)."""
    starts = sorted(draw(st.lists(st.integers(0, max(0, size)), max_size=6)))
    out = []
    for s in starts:
        e = draw(st.integers(s, size + 2))
        out.append(Quote(s, e, min(s + 1, e), max(min(s + 1, e), e - 1), True))
    return out


@given(words=_words, data=st.data())
def test_quote_index_matches_the_plain_scan(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    toks = tokens(text, 0, len(text))
    quotes = data.draw(_quotes(len(text)))
    plain = _quote_index_plain(toks, quotes)
    assert _quote_index(toks, quotes) == plain
    # the runs are the stretches of each quote's tokens, in order
    idx, runs = _quote_ranges(toks, quotes)
    assert [(n, a, b) for n, a, b in runs] == [
        (n, plain.index(n), len(plain) - plain[::-1].index(n)) for n in sorted(set(plain) - {-1})
    ]
    assert all(b > a and idx[a:b] == [n] * (b - a) for n, a, b in runs)


def _find_insertions_plain(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    i = start
    while i < end:
        ch = text[i]
        if ch == "[":
            j = text.find("]", i + 1, min(end, i + 400))
            if j > i + 1 and text.find("[", i + 1, j) < 0:
                out.append((i, j + 1, "bracket"))
                i = j + 1
                continue
        elif ch == "<" and text.startswith("<…>", i):
            out.append((i, i + 3, "ellipsis"))
            i += 3
            continue
        elif ch == "…":
            out.append((i, i + 1, "ellipsis"))
        elif ch == "." and text.startswith("...", i):
            j = i
            while j < end and text[j] == ".":
                j += 1
            out.append((i, j, "ellipsis"))
            i = j
            continue
        i += 1
    return out


_marks = st.lists(st.sampled_from(["[", "]", "<…>", "<", "…", ".", "...", "a", " ", "[x]"]))


@given(pieces=_marks, a=st.integers(0, 30), b=st.integers(0, 60))
def test_find_insertions_matches_the_plain_scan(pieces: list[str], a: int, b: int) -> None:
    text = "".join(pieces)
    lo, hi = min(a, len(text)), min(b, len(text))
    assert find_insertions(text, lo, hi) == _find_insertions_plain(text, lo, hi)


def _tokens_plain(text: str, start: int, end: int) -> list[tuple[int, int, str, str, bool, bool]]:
    out = []
    skip_to = start
    # a period joins two words unless a capitalised word follows it ("said.Trump")
    for m in re.compile(r"\w+(?:[’'\-]\w+|\.(?![A-Z][a-z])\w+)*|\S").finditer(text, start, end):
        i, j = m.start(), m.end()
        if i < skip_to:
            continue
        if j < end and text[j] == "." and text[i].isalnum() and _keeps_period(text[i:j]):
            j += 1
            skip_to = j
        word = text[i:j]
        out.append((i, j, word, word.lower(), word[:1].isalnum(), word[:1].isupper()))
    return out


_token_pieces = st.lists(
    st.sampled_from(
        ["Mr", ".", "U.S", "a", "B", " ", "“", "”", "—", "\u202e", "\ud800", "İ", "ΣΑΣ"]
    )
    | st.text(max_size=3)
)


@given(pieces=_token_pieces, a=st.integers(0, 10), b=st.integers(0, 80))
def test_tokens_match_the_plain_tokeniser(pieces: list[str], a: int, b: int) -> None:
    text = "".join(pieces)
    lo, hi = min(a, len(text)), max(min(a, len(text)), min(b, len(text)))
    got = [(t.start, t.end, t.text, t.low, t.is_word, t.is_cap) for t in tokens(text, lo, hi)]
    assert got == _tokens_plain(text, lo, hi)


@pytest.mark.parametrize("text", ["ΑΣ..Α", "ΟΔΟΣ-Α and ΑΣ'", "İstanbul, Mr. İnce", "U.S. ΣΑΣ."])
def test_tokens_lower_each_token_as_if_alone(text: str) -> None:
    # the tokeniser lower-cases the stretch once; a capital sigma (final or not by
    # what follows) and a character that lower-cases to two must not leak into it
    got = [(t.start, t.end, t.text, t.low, t.is_word, t.is_cap) for t in tokens(text, 0, len(text))]
    assert got == _tokens_plain(text, 0, len(text))


def test_tokens_match_the_plain_tokeniser_on_polnear(shared_dir: Path) -> None:
    files = sorted((shared_dir / "corpora" / "polnear" / "train" / "text").glob("*.txt"))
    if not files:
        pytest.skip("PolNeAR train texts not found")
    for f in files[::8]:
        text = f.read_text(encoding="utf-8")
        for a, b in paragraphs(text):
            got = [(t.start, t.end, t.text, t.low, t.is_word, t.is_cap) for t in tokens(text, a, b)]
            assert got == _tokens_plain(text, a, b), f.name


def _garbage_after(read: Any, texts: Sequence[str]) -> int:
    """How many objects only the garbage collector frees after ``read`` of each text
    (the objects of reference cycles)."""
    gc.collect()
    gc.disable()
    try:
        for text in texts:
            read(text)
        return gc.collect()
    finally:
        gc.enable()


_CYCLE_TEXTS = [
    "Jane Doe said the plan would fail, adding that it was late.",
    "Trump went after Bush, calling him “a disaster” and “weak.”",
    "Lee arrived, and he has battled with Doe, at one point calling him “a liar.”",
    "“We will win,” he said. The minister told reporters that talks went well.",
    "Q: Will you go?\nMR. PRICE: We have said that we will, and he added that it is so.",
]


def test_reading_leaves_no_reference_cycles(shared_dir: Path) -> None:
    # a reader that leaves cycles keeps every sentence's tokens and lists alive until
    # the collector runs: slower (memory not reused; 100 MB over PolNeAR train with
    # the collector off) and more collector work
    texts = list(_CYCLE_TEXTS)
    files = sorted((shared_dir / "corpora" / "polnear" / "train" / "text").glob("*.txt"))
    texts += [p.read_text(encoding="utf-8") for p in files[::40]]
    assert _garbage_after(parse_report, texts) == 0
    assert _garbage_after(parse, texts) == 0
    assert _garbage_after(parse_transcript, texts) == 0


def _without_prefilter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_report_claims, "_prefilter_drops", lambda *_: False)


_report_words = st.lists(
    st.sampled_from(
        [
            "Jane Doe",
            "the minister",
            "he",
            "said",
            "added",
            "told",
            "reporters",
            "that",
            "“",
            "”",
            '"',
            "-",
            "—",
            "according to",
            "In",
            "in",
            "his",
            "opinion",
            "rain",
            "fell",
            ".",
            ",",
            "\n\n",
            " ",
        ]
    ),
    max_size=60,
)


@given(_report_words)
def test_the_sentence_prefilter_changes_nothing(words: list[str]) -> None:
    # a sentence the pre-filter drops must be one the full reader finds nothing in
    text = " ".join(words)
    fast = to_json(parse_report(text))
    with pytest.MonkeyPatch.context() as mp:
        _without_prefilter(mp)
        assert to_json(parse_report(text)) == fast


@pytest.mark.parametrize(
    "text", ["In the senator's opinion, the plan will fail.", "In Smith's view the plan will fail."]
)
def test_the_prefilter_keeps_an_in_opinion_sentence(text: str) -> None:
    # "in" is the only word that can start a cue here: the sentence must be read
    fast = to_json(parse_report(text))
    assert '"cue"' in fast
    with pytest.MonkeyPatch.context() as mp:
        _without_prefilter(mp)
        assert to_json(parse_report(text)) == fast


def test_the_sentence_prefilter_changes_nothing_on_polnear(shared_dir: Path) -> None:
    # every cue rule must start at a word of CUE_STARTS (or a dash credit line)
    files = sorted((shared_dir / "corpora" / "polnear" / "train" / "text").glob("*.txt"))
    if not files:
        pytest.skip("PolNeAR train texts not found")
    texts = [p.read_text(encoding="utf-8") for p in files[::8]]
    fast = [to_json(parse_report(t)) for t in texts]
    with pytest.MonkeyPatch.context() as mp:
        _without_prefilter(mp)
        slow = [to_json(parse_report(t)) for t in texts]
    assert [f.name for f, a, b in zip(files[::8], fast, slow, strict=True) if a != b] == []


def _note_people_plain(
    ctx: _report_claims.Context, toks: Sequence[Token], lo: int, hi: int
) -> list[_speakers.EntityRec]:
    """``note_people`` as a walk over every token."""
    found: list[_speakers.EntityRec] = []
    k = lo
    while k < hi:
        t = toks[k]
        if k == 0 and t.is_cap and t.low in {"said", "says", "added", "stated", "wrote"}:
            k += 1
            continue
        if t.is_cap and t.is_word:
            rng = _speakers.phrase_after(toks, k, hi)
            if (
                rng is not None
                and rng[1] - rng[0] == 1
                and toks[rng[0]].low not in ctx.registry.known
            ):
                k = rng[1]
                continue
            if rng is not None and rng[1] > k:
                ph = _speakers._classify(ctx.text, toks, rng[0], rng[1])
                if (
                    ph is not None
                    and ph.kind == "person"
                    and (
                        ph.mention_kind is MentionKind.TITLE_NAME
                        or len(ph.name.split()) >= 2
                        or ph.name.lower() in ctx.registry.known
                    )
                ):
                    rec = ctx.registry.person(ph.name, ph.role, toks[rng[0]].start)
                    found.append(rec)
                k = rng[1]
                continue
        k += 1
    return found


def _note_outside_plain(ctx: Any, toks: list[Token], quotes: Sequence[Quote]) -> None:
    """``report._note_outside`` as a walk over every token (the reference it is tested
    against)."""
    lo = 0
    n = len(toks)
    for q in [*quotes, None]:
        hi = lo
        stop = (toks[-1].end if toks else 0) if q is None else q.start
        while hi < n and toks[hi].start < stop:
            hi += 1
        if hi > lo:
            people = report.note_people(ctx, toks, lo, hi)
            if people:
                ctx.last_person = people[-1]
        lo = hi
        if q is not None:
            while lo < n and toks[lo].start < q.end:
                lo += 1


def _plain_people(monkeypatch: pytest.MonkeyPatch) -> None:
    """The people noting and the phrase classifier as they were: every token walked,
    every phrase classified afresh."""
    monkeypatch.setattr(report, "note_people", _note_people_plain)
    monkeypatch.setattr(report, "_note_outside", _note_outside_plain)
    for mod in (report, _report_claims, _report_extras):
        monkeypatch.setattr(mod, "classify", _speakers._classify)


_people_words = st.lists(
    st.sampled_from(
        [
            "Said",
            "President",
            "Jane Doe",
            "Doe",
            "Mr.",
            "Smith",
            "the minister",
            "Foreign Minister",
            "of",
            "Reuters",
            "he",
            "said",
            "“",
            "”",
            "rain",
            ".",
            ",",
            "\n\n",
        ]
    ),
    max_size=50,
)


@given(_people_words)
def test_people_noting_matches_the_plain_walk(words: list[str]) -> None:
    text = " ".join(words)
    fast = to_json(parse_report(text))
    with pytest.MonkeyPatch.context() as mp:
        _plain_people(mp)
        assert to_json(parse_report(text)) == fast


def test_people_noting_matches_the_plain_walk_on_polnear(shared_dir: Path) -> None:
    files = sorted((shared_dir / "corpora" / "polnear" / "train" / "text").glob("*.txt"))
    if not files:
        pytest.skip("PolNeAR train texts not found")
    texts = [p.read_text(encoding="utf-8") for p in files[3::8]]
    fast = [to_json(parse_report(t)) for t in texts]
    with pytest.MonkeyPatch.context() as mp:
        _plain_people(mp)
        slow = [to_json(parse_report(t)) for t in texts]
    assert [f.name for f, a, b in zip(files[3::8], fast, slow, strict=True) if a != b] == []


@given(words=_people_words, pad=st.text(" x,", max_size=5), data=st.data())
def test_classify_remembers_only_what_the_words_decide(
    words: list[str], pad: str, data: st.DataObject
) -> None:
    # the same words classified at two places, in two texts: the same phrase, moved
    text = " ".join(words)
    toks = tokens(text, 0, len(text))
    i = data.draw(st.integers(0, len(toks)))
    j = data.draw(st.integers(i, len(toks)))
    first = _speakers.classify(text, toks, i, j)
    assert first == _speakers._classify(text, toks, i, j)
    moved = pad + " " + text
    mtoks = tokens(moved, len(pad) + 1, len(moved))
    again = _speakers.classify(moved, mtoks, i, j)
    plain = _speakers._classify(moved, mtoks, i, j)
    assert again == plain
    # the words-only answer: the same phrase but for where it stands
    words_only = _speakers.classify_words(moved, mtoks, i, j)
    if plain is None:
        assert words_only is None
    else:
        assert words_only is not None
        assert attrs.evolve(words_only, start=plain.start, end=plain.end) == plain


class _Everything(frozenset[str]):
    """A set holding every word: the content-end walk then tries every rule at every token."""

    def __contains__(self, item: object) -> bool:
        return True


_clause_words = st.lists(
    st.sampled_from(
        [
            "Jane Doe",
            "said",
            "that",
            "rain",
            "fell",
            "and",
            "but",
            "while",
            "noted",
            "by",
            "adding",
            ",",
            ";",
            "—",
            "“",
            "”",
            "according to",
            "he",
            ".",
        ]
    ),
    max_size=40,
)


@given(_clause_words)
def test_content_end_skip_changes_nothing(words: list[str]) -> None:
    text = " ".join(words)
    fast = to_json(parse_report(text))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_report_claims, "_CONTENT_END_WORDS", _Everything())
        assert to_json(parse_report(text)) == fast


def test_content_end_skip_changes_nothing_on_polnear(shared_dir: Path) -> None:
    files = sorted((shared_dir / "corpora" / "polnear" / "train" / "text").glob("*.txt"))
    if not files:
        pytest.skip("PolNeAR train texts not found")
    texts = [p.read_text(encoding="utf-8") for p in files[5::8]]
    fast = [to_json(parse_report(t)) for t in texts]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_report_claims, "_CONTENT_END_WORDS", _Everything())
        slow = [to_json(parse_report(t)) for t in texts]
    assert [f.name for f, a, b in zip(files[5::8], fast, slow, strict=True) if a != b] == []


def _phrase_after_plain(
    toks: Sequence[Token], k: int, hi: int | None = None
) -> tuple[int, int] | None:
    """``phrase_after`` before its loop was inlined."""
    hi = len(toks) if hi is None else hi
    while k < hi and toks[k].is_cap and toks[k].low in _speakers._NOT_NAME_NOR_DET:
        k += 1
    if k >= hi:
        return None
    if toks[k].low in _speakers.PRONOUNS:
        return (k, k + 1)
    i = k
    if toks[i].low in {"another", "one"} and (k + 1 >= hi or not toks[k + 1].is_word):
        return (k, k + 1)  # '“...,” tweeted another.'
    if toks[i].low in _speakers._DETERMINERS or toks[i].low in _speakers._AFTER_DET:
        i += 1  # "said one New Hampshire Democrat", "said another aide"
    start_words = i
    stop = min(hi, k + 16)  # no name with its titles is longer
    if i == k and toks[i].is_word and not toks[i].is_cap:
        # "said retired neurosurgeon Ben Carson", "said master of ceremonies Asab Lee":
        # lower-case titles before a name
        x = _speakers._lower_title_end(toks, i, stop)
        if x > i and x < stop and toks[x].is_cap and toks[x].low not in _speakers._NOT_NAME:
            i = x
    while i < stop:
        t = toks[i]
        if (
            (
                _speakers._np_word(t)
                and not (t.is_cap and t.low in _speakers._NOT_NAME and i > start_words)
            )
            or (
                t.low in {"of", "to", "for"}
                and i > start_words
                and i + 1 < hi
                and toks[i + 1].is_cap
                and toks[i + 1].low not in _speakers._NOT_NAME
            )
            or t.low.endswith(("’s", "'s"))
        ):
            i += 1
        elif (
            t.is_word
            and not t.is_cap
            and any(toks[y].low.endswith(("’s", "'s")) for y in range(start_words, i))
        ):
            # "said Clinton’s top foreign policy aide Jake Sullivan": lower-case
            # words after a possessive go on when a name follows them
            x = _speakers._lower_title_end(toks, i, stop, also_not=_speakers._SKIP_BACK)
            if x == i or x >= hi or not toks[x].is_cap or toks[x].low in _speakers._NOT_NAME:
                break
            i = x
        else:
            break
    if i == start_words and i > k:
        # "says a narrator", "said the group's director": a described source
        while (
            i < stop
            and toks[i].is_word
            and not toks[i].is_cap
            and toks[i].low not in _speakers._NOT_NAME
        ):
            if toks[i].low in _speakers._SKIP_BACK or toks[i].low.endswith("ly"):
                break
            i += 1
        if i - start_words > 4:
            return None
    if start_words > k and i > start_words:
        # "said a former U.S. law enforcement official": names and nouns go on
        x = i
        while (
            x < stop
            and x - start_words < 7
            and toks[x].is_word
            and toks[x].low not in _speakers._NOT_NAME
            and toks[x].low not in {"to", "of", "who", "whose", "and", "or"}
            and toks[x].low not in _speakers._SKIP_BACK
            and not toks[x].low.endswith("ly")
        ):
            x += 1
        if x > i and x < hi and not toks[x].is_word:
            i = x
    if i == start_words:
        return None
    return (k, i)


_phrase_words = st.lists(
    st.sampled_from(
        [
            "said",
            "Clinton’s",
            "Trump's",
            "top",
            "foreign",
            "policy",
            "aide",
            "Jake",
            "Sullivan",
            "of",
            "to",
            "for",
            "the",
            "a",
            "one",
            "another",
            "former",
            "U.S.",
            "official",
            "-",
            "&",
            "Ministry",
            "spokesman",
            "But",
            "he",
            "quietly",
            ",",
            ".",
            "who",
            "retired",
        ]
    ),
    max_size=24,
)


@given(words=_phrase_words, data=st.data())
def test_phrase_after_matches_the_plain_one(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    toks = tokens(text, 0, len(text))
    k = data.draw(st.integers(0, len(toks)))
    hi = data.draw(st.none() | st.integers(k, len(toks)))
    assert _speakers.phrase_after(toks, k, hi) == _phrase_after_plain(toks, k, hi)


def _person_plain(reg: _speakers.Registry, name: str, role: str, pos: int) -> _speakers.EntityRec:
    """``Registry.person`` indexing every person met again."""
    words = name.split()
    sur = words[-1].lower()
    found = None
    for rec in reversed(reg._by_surname.get(_speakers._bucket(sur), ())[-_speakers._SCAN :]):
        if _speakers._close(rec.surname, sur):
            found = rec
            break
    if found is None:
        found = reg._new("person", name)
    elif len(words) > len(found.name.split()) and _speakers._close(found.surname, sur):
        if found.name not in found.aliases:
            found.aliases.append(found.name)
        found.name = name
    elif name != found.name and len(found.aliases) < _speakers._SCAN and name not in found.aliases:
        found.aliases.append(name)
    reg._add_role(found, role)
    found.last = pos
    reg._index_person(found)
    reg.known.update(a.lower() for a in found.aliases[-2:])
    return found


_names = st.sampled_from(
    [
        "Koronelli",
        "Koronolli",
        "Viktor Koronelli",
        "Viktor Koronolli",
        "Jane Doe",
        "Doe",
        "John Doe",
        "Dole",
        "J. Doe",
        "Ann Lee",
        "Lee",
    ]
)


@given(st.lists(st.tuples(_names, st.sampled_from(["", "minister", "Foreign Minister"]))))
def test_registry_person_matches_the_plain_one(calls: list[tuple[str, str]]) -> None:
    fast, plain = _speakers.Registry(), _speakers.Registry()
    for pos, (name, role) in enumerate(calls):
        assert fast.person(name, role, pos).id == _person_plain(plain, name, role, pos).id
    assert fast.entities == plain.entities
    assert fast.known == plain.known
    assert fast._by_surname == plain._by_surname
    assert fast._by_role == plain._by_role


def test_classify_keeps_no_long_phrase() -> None:
    # the kept answers are bounded in number and in size: a huge token is not kept
    text = "said " + "X" * 5000
    toks = tokens(text, 0, len(text))
    _speakers._CLASSIFIED.clear()
    got = _speakers.classify(text, toks, 1, 2)
    assert got == _speakers._classify(text, toks, 1, 2)
    assert not _speakers._CLASSIFIED


# --------------------------------------------------------------------------- codec


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(b=gen_briefings())
def test_codec_fast_paths_match_the_plain_ones(b: Briefing) -> None:
    # the span collector gives iter_spans' spans
    spans: list[Span] = []
    model._collector(Briefing)([b], spans)
    assert sorted(map(id, spans)) == sorted(id(s) for _, s in model.iter_spans(b))
    # the fast converter builds what the detailed one builds
    data = unstructure(b)
    assert _fast.structure(data, Briefing) == converter.structure(data, Briefing) == b
    # a valid briefing is never deeper than MODEL_DEPTH (from_json skips the walk)
    assert _depth(to_dict(b)) <= MODEL_DEPTH


def test_model_depth_is_reached() -> None:
    text = "TASS said it."
    b = Briefing(
        document=Document(text=text),
        others=(OtherEntity(id="o1", name="TASS"),),
        claims=(
            Claim(
                id="c1",
                content=Span.of(text, 10, 12),
                relayed_by=(Relay(entity_id="o1", span=Span.of(text, 0, 4)),),
            ),
        ),
    )
    assert _depth(to_dict(b)) == MODEL_DEPTH == 6
    assert from_json(to_json(b), max_depth=6) == b
    with pytest.raises(LimitError):
        from_json(to_json(b), max_depth=5)


def test_too_deep_is_a_limit_error_before_any_other() -> None:
    deep = "[" * 40 + "]" * 40
    for text in (
        '{"schema":"other/9","place":' + deep + "}",
        '{"schema":"briefings/1","document":{"text":""},"place":' + deep + "}",
        '{"schema":"briefings/1","document":{"text":""},"extra":' + deep + "}",
    ):
        with pytest.raises(LimitError):
            from_json(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


@given(st.text(st.sampled_from(["a", "é", "“", "\U0001f600", "\ud800", "\udfff", "\\"])))
def test_surrogate_escaping_matches_the_plain_regex(text: str) -> None:
    plain = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    assert _escape_surrogates(text) == plain


# --------------------------------------------------------------------------- transcripts

_report_pieces = st.lists(
    st.sampled_from(
        [
            "“We will talk,” ",
            "Dmitry Peskov",
            " said",
            " told reporters",
            " on Monday",
            " the minister",
            " he ",
            " TASS ",
            ". ",
            "\n\n",
            " not ",
            " might ",
            "yesterday",
            " that ",
            "“",
            "”",
            " according to ",
            "Reuters",
        ]
    ),
    max_size=30,
)


@given(pieces=_report_pieces, published=st.none() | st.just(dt.date(2022, 1, 25)))
def test_report_claims_are_parse_reports_claims(
    pieces: list[str], published: dt.date | None
) -> None:
    text = "".join(pieces)
    b = parse_report(text, published=published)
    assert report_claims(text, published=published) == (b.claims, b.entities)


# --------------------------------------------------------------------------- report reader

_PHRASE = "the following is attributable to"
# the phrase with some letters upper-cased or cut short, among characters whose
# lower case is longer ("İ") or ASCII ("\u212a", Kelvin) or depends on context ("Σ")
_attribution_pieces = st.lists(
    st.sampled_from(
        [" ", "x", "İ", "\u212a", "Σ", "ß", "THE FOLLOWING ", "The below is attributable"]
    )
    | st.tuples(st.integers(0, len(_PHRASE)), st.sets(st.integers(0, len(_PHRASE)))).map(
        lambda t: "".join(c.upper() if k in t[1] else c for k, c in enumerate(_PHRASE[: t[0]]))
    ),
    max_size=5,
)


@given(pieces=_attribution_pieces, a=st.integers(0, 4))
def test_opens_attribution_matches_lower_casing_the_whole_line(pieces: list[str], a: int) -> None:
    text = "".join(pieces)
    plain = text[a:].lower().startswith(report.ATTRIBUTABLE)
    assert _opens_attribution(text, a) == plain


@given(pieces=_token_pieces, data=st.data())
def test_tokens_within_a_stretch_match_the_tokeniser(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    toks = tokens(text, a, b)
    s = data.draw(st.integers(a, b))
    e = data.draw(st.integers(s, b))
    got = _tokens_within(text, toks, [t.start for t in toks], s, e)
    want = tokens(text, s, e)
    assert [(t.start, t.end, t.text) for t in got] == [(t.start, t.end, t.text) for t in want]


# --------------------------------------------------------------------------- parse (auto)


def _parse_plain(text: str, published: dt.date | None) -> Briefing:
    """``parse(text)`` as it was: decide, then read the text from scratch."""
    if looks_like_transcript(text):
        return parse_transcript(text, held_on=published)
    return parse_report(text, published=published)


_transcript_pieces = st.lists(
    st.sampled_from(
        [
            "\n",
            "\n\n",
            "---\n",
            "title: Briefing\n",
            "Q ",
            "Q: ",
            "A:   ",
            "MS. PSAKI: ",
            "Zhao Lijian: ",
            "QUESTION (Reuters): ",
            "Reuters: ",
            "   ",
            "Thanks. ",
            "We said no. ",
            "The minister said “we will go.” ",
            "Why?",
        ]
    ),
    max_size=30,
)


@given(pieces=_transcript_pieces, published=st.none() | st.just(dt.date(2022, 1, 25)))
@settings(suppress_health_check=[HealthCheck.too_slow])
def test_parse_reads_the_layout_once_and_gives_what_it_gave(
    pieces: list[str], published: dt.date | None
) -> None:
    text = "".join(pieces)
    assert to_json(parse(text, published=published)) == to_json(_parse_plain(text, published))


def test_parse_matches_deciding_then_reading_on_the_briefing_corpus(shared_dir: Path) -> None:
    folder = shared_dir / "corpora" / "briefings"
    files = sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".md"} and p.is_file())
    if not files:
        pytest.skip("briefing corpus not found")
    texts = [p.read_text(encoding="utf-8") for p in files]
    assert any(looks_like_transcript(t) for t in texts)
    assert any(not looks_like_transcript(t) for t in texts)
    differ = [
        f.name
        for f, t in zip(files, texts, strict=True)
        if to_json(parse(t)) != to_json(_parse_plain(t, None))
    ]
    assert differ == []


def test_parse_finds_a_transcripts_labels_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefings.text import transcript

    calls: list[int] = []
    real = transcript.find_labels

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(transcript, "find_labels", counted)
    text = "MS. SMITH: Good morning.\n\nQ: Will you go?\n\nMS. SMITH: We said no.\n"
    assert parse(text).kind is BriefingKind.TRANSCRIPT
    assert len(calls) == 1


# --------------------------------------------------------------------------- transcript labels


def _label_colon_plain(text: str, i: int, n: int) -> int:
    """The character walk ``match_label`` did before it looked for the colon first."""
    stop = min(n, i + _MAX_LABEL)
    j = i
    while j < stop:
        ch = text[j]
        if ch == ":":
            return j
        if not (ch.isalpha() or ch.isdigit() or ch in HSPACE or ch in ".-'’&()#"):
            return -1
        j += 1
    return -1


_label_pieces = st.lists(
    st.sampled_from(
        ["MS. PSAKI", "Q", ":", " ", "\xa0", "\t", "(Reuters)", ",", "x" * 30, "2", "#", "\n", "é"]
    ),
    max_size=12,
)


@given(pieces=_label_pieces, i=st.integers(0, 6), cut=st.integers(0, 200))
def test_label_colon_matches_the_character_walk(pieces: list[str], i: int, cut: int) -> None:
    text = "".join(pieces)
    n = min(cut, len(text))
    assert label_colon(text, i, n) == _label_colon_plain(text, i, n)


_refusal_pieces = st.lists(
    st.sampled_from(
        [
            "I'm NOT going to ",
            "COMMENT",
            "comment",
            "won’t",
            " speculate",
            "Σ",
            "İ",
            "\u212a",
            "ß",
            "\xa0",
            " ",
            ". ",
            "\n\n",
            "No ",
            "refer you to",
            "ΑΣ",
            "x",
        ]
    ),
    max_size=20,
)


@given(pieces=_refusal_pieces, data=st.data())
def test_a_refusal_in_a_stretch_is_a_refusal_in_the_words_holding_it(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    if is_refusal(text[a:b]):
        assert may_refuse(text)


@given(pieces=_refusal_pieces)
def test_claim_spans_with_the_turn_check_match_checking_every_sentence(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    fast = claim_spans(text, 0, len(text), [])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_transcript_claims, "may_refuse", lambda words: True)
        assert claim_spans(text, 0, len(text), []) == fast


_REFUSAL_PLAIN = re.compile("|".join(re.escape(p) for p in _transcript_claims._REFUSALS))


@given(
    pieces=st.lists(
        st.sampled_from(
            [*_transcript_claims._REFUSALS, "no", "not ", "can", "'t", " ", "x", "don't have an"]
        ),
        max_size=6,
    ),
    cut=st.integers(0, 60),
)
def test_refusal_trie_finds_what_the_phrase_alternation_finds(pieces: list[str], cut: int) -> None:
    words = "".join(pieces)
    for s in (words, words[cut:], words[:cut]):
        assert is_refusal(s) == (_REFUSAL_PLAIN.search(s) is not None)


# --------------------------------------------------------------------------- negation, hedges

_NEGATION_PLAIN = re.compile(
    r"\b(?:not|no|never|nothing|none|nobody|neither|nor|cannot|\w+n[’']t)\b", re.IGNORECASE
)
_HEDGE_PLAIN = re.compile(
    r"\b(?:if|might|may|could|perhaps|possibly|probably|likely|unlikely|maybe|apparently"
    r"|unless|seemingly|presumably|possible)\b",
    re.IGNORECASE,
)
# words, cut words, contractions in both apostrophes and cases, and the characters
# that fold to an ASCII letter under IGNORECASE (dotless and dotted i, long s)
_negation_pieces = st.lists(
    st.sampled_from(
        [
            "not",
            "NO",
            "nothing",
            "cannot",
            "don't",
            "WON’T",
            "n't",
            "n",
            "'t",
            "If",
            "ıf",
            "İF",
            "ſeemingly",
            "may",
            "Maybe",
            "possibl",
            "e",
            "x",
            " ",
            "-",
            "_",
            "é",
        ]
    ),
    max_size=12,
)


@given(pieces=_negation_pieces, data=st.data())
def test_negations_and_hedges_match_the_plain_regexes(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert negations_in(text, a, b) == [m.span() for m in _NEGATION_PLAIN.finditer(text, a, b)]
    assert hedges_in(text, a, b) == [m.span() for m in _HEDGE_PLAIN.finditer(text, a, b)]


@given(pieces=_negation_pieces, a=st.integers(0, 60), b=st.integers(0, 60))
@example(pieces=["I", " ", "don't", " ", "know", " ", "if"], a=0, b=60)
@example(pieces=["WON’T", "x", "Maybe"], a=0, b=60)
@example(pieces=["If", "n't", " ", "not", " ", "may", " ", "possibl", "e", " ", "don't"], a=0, b=60)
def test_negations_and_hedges_in_the_folded_text_are_the_same(
    pieces: list[str], a: int, b: int
) -> None:
    text = "".join(p for p in pieces if p not in {"ıf", "İF", "ſeemingly"})
    lo, hi = min(a, len(text)), min(max(a, b), len(text))
    low = folded(text)
    assert low is not None
    both = (negations_in(text, lo, hi), hedges_in(text, lo, hi))
    assert _report_extras.negations_and_hedges_in(text, lo, hi, low) == both
    assert _report_extras.negations_and_hedges_in(text, lo, hi) == both


def test_folding_keeps_what_case_insensitive_words_match_for_every_character() -> None:
    # the facts _fold rests on, for every code point but the three it refuses
    unsafe = {"ı", "ſ", "Σ"}
    chars = [chr(c) for c in range(0x110000)]
    assert [c for c in chars if len(c.lower()) != 1] == ["İ"]
    kept = [c for c in chars if c not in unsafe and c != "İ"]
    text = "".join(kept)
    low = "".join(c.lower() for c in kept)
    assert folded(text) == low
    word = re.compile(r"\w")
    assert [m.start() for m in word.finditer(text)] == [m.start() for m in word.finditer(low)]
    for x in string.ascii_lowercase + "'’-":
        insensitive = [m.start() for m in re.finditer(re.escape(x), text, re.IGNORECASE)]
        assert insensitive == [i for i, ch in enumerate(low) if ch == x], x
    for ch in (*unsafe, "İ"):
        assert folded(f"a{ch}b") is None


_event_pieces = st.lists(
    st.sampled_from(
        [
            "talks",
            "TALKS",
            "Visit",
            "counter-offensive",
            "the",
            "will",
            "no",
            "planned",
            "in May",
            "’s",
            "'",
            "Kİ",
            "K",  # KELVIN SIGN: folds to k
            "ſanctions",
            "x",
            " ",
            ", ",
            ".",
            "\n",
        ]
    ),
    max_size=25,
)


@given(pieces=_event_pieces, a=st.integers(0, 200), b=st.integers(0, 200))
@example(pieces=["the", " ", "counter-offensive", " ", "TALKS", ", ", "K"], a=0, b=200)
@example(pieces=["x", " ", "Talks"], a=0, b=200)
def test_events_found_through_the_folded_text_are_the_same(
    pieces: list[str], a: int, b: int
) -> None:
    text = "".join(pieces)
    lo, hi = min(a, len(text)), min(max(a, b), len(text))
    low = folded(text)
    if low is not None:
        gate, gate_low = _events._GATE.search(text, lo, hi), _events._GATE_LOW.search(low, lo, hi)
        assert (gate and gate.span()) == (gate_low and gate_low.span())
        assert find_events(text, lo, hi, low=low) == find_events(text, lo, hi)
        assert _events._tokens(text, lo, hi, low) == _events._tokens(text, lo, hi)
    if _events.may_hold_events(text, lo, hi):  # what report reads without the gate
        assert _events.read_events(text, lo, hi) == find_events(text, lo, hi)
    else:
        assert find_events(text, lo, hi) == []


# --------------------------------------------------------------------------- model


def _span_of_plain(text: str, start: int, end: int) -> Span | str:
    """``Span.of`` as it was (the validating constructor), or the error it raised."""
    try:
        return Span(start=start, end=end, text=text[start:end])
    except Exception as e:
        return f"{type(e).__name__}: {e}"


@given(
    text=st.text(max_size=8),
    start=st.integers(-3, 10) | st.booleans(),
    end=st.integers(-3, 10) | st.booleans(),
)
def test_span_of_matches_the_validating_constructor(text: str, start: int, end: int) -> None:
    try:
        got: Span | str = Span.of(text, start, end)
    except Exception as e:
        got = f"{type(e).__name__}: {e}"
    want = _span_of_plain(text, start, end)
    assert got == want
    if isinstance(got, Span):
        assert (got.start, got.end, got.text, hash(got)) == (
            want.start,  # type: ignore[union-attr]
            want.end,  # type: ignore[union-attr]
            want.text,  # type: ignore[union-attr]
            hash(want),
        )
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            got.start = 0  # type: ignore[misc]


# --------------------------------------------------------------------------- transcript turns


@given(
    pieces=st.lists(
        st.sampled_from(["a", "İ", "Σ", "ß", " ", "   ", "\xa0", "\n", "’", "Thanks", "?"]),
        max_size=40,
    ),
    limit=st.integers(0, 12),
)
def test_low_within_matches_cleaning_the_whole_turn(pieces: list[str], limit: int) -> None:
    s = "".join(pieces)
    low = transcript._low(s)
    assert transcript._low_within(s, limit) == (low if len(low) <= limit else None)


_NOT_BLANK_PLAIN = re.compile(r"[^\s\u00a0\u2002\u2003\u2007\u2009\u202f\u3000]")


def _split_lines_plain(text: str) -> list[tuple[int, int, int]]:
    """``split_lines`` as it was: a search for the breaks, then one for each line's
    first non-blank character."""
    lines = []
    i = 0
    for m in re.finditer(r"\r\n|\r|\n", text):
        j = m.start()
        first = _NOT_BLANK_PLAIN.search(text, i, j)
        lines.append((i, j, j if first is None else first.start()))
        i = m.end()
    first = _NOT_BLANK_PLAIN.search(text, i)
    lines.append((i, len(text), len(text) if first is None else first.start()))
    return lines


@given(
    pieces=st.lists(
        st.sampled_from(
            [
                "x",
                "Q:",
                " ",
                "\t",
                "\xa0",
                "\u2007",
                "\u3000",
                "\x0b",
                "\x0c",
                "\x85",
                "\u2028",
                "\r",
                "\n",
                "\r\n",
                "\n\r",
            ]
        ),
        max_size=30,
    )
)
def test_split_lines_matches_the_two_searches(pieces: list[str]) -> None:
    text = "".join(pieces)
    got = [(ln.start, ln.end, ln.first) for ln in split_lines(text)]
    assert got == _split_lines_plain(text)


@given(
    lines=st.lists(
        st.lists(
            st.sampled_from(
                [
                    "MS. PSAKI",
                    "Ms. Psaki",
                    "Q",
                    "A",
                    ":",
                    ": ",
                    " ",
                    "  ",
                    "(Reuters)",
                    "SENIOR OFFICIAL 2",
                    "Note",
                    "On Ukraine",
                    "“",
                    "x",
                ]
            ),
            max_size=6,
        ).map("".join),
        max_size=8,
    ),
    inline=st.booleans(),
)
def test_match_label_remembering_shapes_matches_reading_each_afresh(
    lines: list[str], inline: bool
) -> None:
    shapes: Shapes = {}
    for line in [*lines, *lines]:  # the second round reads every label from memory
        got = match_label(line, 0, len(line), inline=inline, shapes=shapes)
        assert got == match_label(line, 0, len(line), inline=inline)


def _split_wide_plain(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``split_wide`` as it was: a walk over the characters."""
    out: list[tuple[int, int]] = []
    i = start
    seg = start
    while i < end:
        c = text[i]
        if c in "\r\n":
            out.append((seg, i))
            i += 1
            seg = i
            continue
        if c in HSPACE:
            j = i
            while j < end and text[j] in HSPACE:
                j += 1
            if j - i >= 3:
                out.append((seg, i))
                seg = j
            i = j
            continue
        i += 1
    out.append((seg, end))
    trimmed = []
    for s0, e0 in out:
        s, e = s0, e0
        while s < e and (text[s] in HSPACE or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in HSPACE or text[e - 1].isspace()):
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


@given(
    pieces=st.lists(
        st.sampled_from(["x", "END", " ", "  ", "\t", "\xa0", "\u3000", "\r", "\n", "\x0b", "."]),
        max_size=30,
    ),
    data=st.data(),
)
def test_split_wide_matches_the_character_walk(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert split_wide(text, a, b) == _split_wide_plain(text, a, b)


@given(
    st.lists(
        st.sampled_from(
            [" ", "\xa0", "\n", "\u2003", "e", "E", "n", "N", "d", "D", "ｅ", "ǅ", "x", "*"]
        )
        | st.characters(),
        max_size=8,
    )
)
def test_footer_end_guard_never_skips_an_end_line(pieces: list[str]) -> None:
    # the footer finder cleans and upper-cases a stretch only when the guard matches
    s = "".join(pieces)
    if clean(s).upper().startswith("END"):
        assert transcript._END_START.match(s, 0, len(s))


# --------------------------------------------------------------------------- time expressions

_time_pieces = st.sampled_from(
    [
        "Monday, Jan. 24, 2022",
        "Sunday the 3rd of May",
        "on the 28th",
        "15th of December",
        "21-24 May 2019",
        "from July 31 to August 5",
        "Dec. 30, 2021 - Jan. 2, 2022",
        "2021-12-15",
        "12021-12-15",
        "in 2024",
        "In  1999",
        "mid-",
        "since",
        "through",
        "last",
        "LAST",
        "THIS",
        "next",
        "the",
        "Tue",
        "JANOV",
        "MONOV",
        "SEPTEMBER",
        "Sept.",
        "May",
        "two days ago",
        "yesterday",
        "7",
        "1st",
        "\u00a0",
        "\t",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\u0663",  # an Arabic-Indic digit: \\d, not [0-9]
        "a",
        ".",
        ",",
        "-",
        ":",
    ]
)
_time_texts = st.lists(_time_pieces | st.text(max_size=2)).map("".join)


def _time_scans_agree(text: str, lo: int, hi: int) -> None:
    """Each pattern's matches through ``_Sites`` are ``finditer``'s, groups and all,
    and the digit hints' lines are those of a search for each hint."""
    sites = _time._Sites(text, lo, hi)
    for pattern, _handler, _hint in _time._PATTERNS:
        got = [(m.span(), m.groupdict()) for m in sites.matches(pattern)]
        want = [(m.span(), m.groupdict()) for m in pattern.finditer(text, lo, hi)]
        assert got == want, pattern.pattern[:60]
    for hint in (_time._YEAR_HINT, _time._DAY_HINT, _time._ISO_HINT):
        assert sites.lines[hint] == _time._hint_lines(hint, text, lo, hi), hint.pattern


@given(text=_time_texts, a=st.integers(0, 60), b=st.integers(0, 400))
@example(text="mid-May, mid-2020 and through  May 1999, THIS\u00a0Tuesday", a=0, b=400)
@example(text="the 3rd of May, through  June, through 2020", a=0, b=400)
@example(text="xmid-May, during\t2020, Before May, last Friday the 3rd of June", a=1, b=400)
def test_time_patterns_tried_at_their_starts_match_finditer(text: str, a: int, b: int) -> None:
    lo = min(a, len(text))
    _time_scans_agree(text, lo, max(lo, min(b, len(text))))


def test_no_three_letters_begin_both_a_month_and_a_weekday() -> None:
    # _NAME_HINT finds both kinds at once and tells them apart by their letters
    months = {w[:3] for w in _time._cased(list(_time._MONTHS))}
    assert months.isdisjoint(_time._WEEKDAY_STARTS)
    assert all(_time._NAME_HINT.fullmatch(w) for w in months | _time._WEEKDAY_STARTS)


def test_time_patterns_tried_at_their_starts_match_finditer_on_polnear(shared_dir: Path) -> None:
    files = sorted((shared_dir / "corpora" / "polnear" / "train" / "text").glob("*.txt"))
    if not files:
        pytest.skip("PolNeAR train texts not found")
    for path in files[::3]:
        text = path.read_text(encoding="utf-8")
        _time_scans_agree(text, 0, len(text))
        _time_scans_agree(text, len(text) // 3, 2 * len(text) // 3)


# --------------------------------------------------------------------------- the briefing's date


def _find_held_on_plain(
    text: str,
    body: Sequence[tuple[int, int]],
    times: Sequence[Any],
    skip: tuple[int, int] | None = None,
) -> tuple[dt.date, tuple[int, int]] | None:
    """``find_held_on`` splitting every paragraph it looks at into sentences."""
    from bisect import bisect_left

    from briefings.model import TimeKind
    from briefings.text._sentences import sentences

    starts = [t.start for t in times]
    for a, b in body[:3]:
        for s, e in sentences(text, a, b)[:20]:
            low = text[s:e].lower()
            for word in _report_extras._BRIEFING_WORDS:
                i = low.find(word)
                if i < 0:
                    continue
                ks, ke = s + i, s + i + len(word)
                for t in times[bisect_left(starts, s) : bisect_left(starts, e)]:
                    if t.kind is not TimeKind.DATE:
                        continue
                    if t.value_start is None or (skip and skip[0] <= t.start < skip[1]):
                        continue
                    if t.start >= ke and t.start - ke <= 25:
                        lo = _report_extras._phrase_start(text, s, ks)
                        return t.value_start, (lo, t.end)
                    if t.end <= ks and ks - t.end <= 25:
                        return t.value_start, (t.start, ke)
    for a, b in body[:4]:
        for s, e in sentences(text, a, b)[:2]:
            low = text[s:e].lower()
            hits = [(i, w) for w in _report_extras._MEETING_WORDS if (i := low.find(w)) >= 0]
            if not hits:
                continue
            i, word = min(hits)
            ks, ke = s + i, s + i + len(word)
            for t in times[bisect_left(starts, s) : bisect_left(starts, e)]:
                if t.kind is not TimeKind.DATE or t.value_start is None:
                    continue
                if skip and skip[0] <= t.start < skip[1]:
                    continue
                return t.value_start, (min(ks, t.start), max(ke, t.end))
    return None


def _held_on_agrees(text: str) -> None:
    from briefings.text._sentences import paragraphs
    from briefings.text._time import find_times

    body = paragraphs(text)
    times = find_times(text, anchor_date=dt.date(2022, 1, 24))
    for skip in (None, (0, 12)):
        want = _find_held_on_plain(text, body, times, skip)
        assert _report_extras.find_held_on(text, body, times, skip) == want


@given(
    pieces=st.lists(
        st.sampled_from(
            [
                "During his briefing yesterday",
                "Σ",
                "BRIEFİNG",
                "the press conference",
                "spoke with",
                "met today",
                "on Monday",
                "told reporters",
                ". ",
                "x",
                " ",
                "\n\n",
            ]
        ),
        max_size=30,
    )
)
@example(
    pieces=[
        "x",
        "\n\n",
        "He",
        " ",
        "met today",
        ".",
        "\n\n",
        "the press conference",
        " ",
        "on Monday",
    ]
)
def test_held_on_reading_only_paragraphs_naming_a_briefing_is_the_same(pieces: list[str]) -> None:
    _held_on_agrees("".join(pieces))


def test_held_on_reading_only_paragraphs_naming_a_briefing_is_the_same_on_polnear(
    shared_dir: Path,
) -> None:
    files = sorted((shared_dir / "corpora" / "polnear" / "train" / "text").glob("*.txt"))
    if not files:
        pytest.skip("PolNeAR train texts not found")
    for path in files[::2]:
        _held_on_agrees(path.read_text(encoding="utf-8"))
