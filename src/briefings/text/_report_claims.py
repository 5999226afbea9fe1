"""Claims in one sentence: cues, their sources, and the words attributed to them.

The reader hands each sentence (with its quotes) to :func:`read_sentence`, which
returns :class:`RawClaim` records; ``report.py`` turns them into model objects.
Shapes recognised (every tense of every cue in :mod:`._cues`):

* direct, cue after / before / inside the quote: ``“A,” he said``, ``He said: “A.”``,
  ``“A,” he said, “B.”``, ``“A,” said the minister``;
* indirect, cue before: ``X said (that) C``, ``X told reporters C``, ``X declined to
  comment (on C)``, ``According to X, C``;
* indirect, cue after: ``C, X said``, ``C, according to X``;
* a participle sharing the subject: ``..., adding that C``, ``..., explaining C``;
* a quote with no cue of its own continues the previous speaker (see the caller).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

import attrs

from briefings.model import Form, MentionKind, OtherKind, SpeechAct
from briefings.text._cues import AUDIENCE, CUE_STARTS, PARTICIPLES, CueMatch, match_cue
from briefings.text._quotes import CLOSING_MARKS, Quote
from briefings.text._sentences import Token, skip_space, tokens
from briefings.text._speakers import (
    EntityRec,
    Phrase,
    Registry,
    classify,
    classify_words,
    contracted_pronoun,
    phrase_after,
    relative_who,
    subject_before,
)

__all__: list[str] = []


def _words(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())


_WH = _words("""whether when what how why who where if which whom""")
_FRAMING = _words(
    """hinting alluding apparently referring implying suggesting signaling signalling
    echoing"""
)
_NEUTRAL = frozenset({"say", "tell", "add", "note", "continue", "comment", "state", "remark"})
_RESPONSE_OPENERS = (
    ("in", "a", "response", "to"),
    ("in", "response", "to"),
    ("in", "reply", "to"),
    ("in", "an", "answer", "to"),
    ("answering",),
    ("responding", "to"),
    ("replying", "to"),
    ("when", "asked"),
    ("asked", "about"),
    ("asked", "whether"),
    ("asked", "if"),
)
_RELAY_OPENERS = (
    ("in", "an", "interview", "with"),
    ("in", "an", "interview", "to"),
    ("in", "comments", "to"),
    ("in", "remarks", "to"),
    ("speaking", "to"),
    ("according", "to"),
    ("quoted", "by"),
    ("cited", "by"),
)
_AUX = _words("""is was will would has had can could should must might may does did""")
_OPENER_FIRST = frozenset(o[0] for o in (*_RESPONSE_OPENERS, *_RELAY_OPENERS))
_TELL = frozenset(
    {"tell", "assure", "warn", "inform", "remind", "reassure", "promise", "caution", "urge"}
)
_PASSIVE = _words("""was were been being is are be""")


@attrs.define
class RawClaim:
    """A claim before ids are assigned. Spans are ``(start, end)`` character offsets."""

    speaker: EntityRec | None
    mention: tuple[int, int, MentionKind] | None
    cue: tuple[int, int] | None
    cue_parts: list[tuple[int, int]]
    lemma: str
    act: SpeechAct
    form: Form
    content: tuple[int, int]
    parts: list[tuple[int, int]] = attrs.Factory(list)
    quotes: list[tuple[int, int]] = attrs.Factory(list)
    relays: list[tuple[EntityRec, tuple[int, int]]] = attrs.Factory(list)
    addressee: tuple[int, int] | None = None
    addressee_entity: EntityRec | None = None
    in_response_to: tuple[int, int] | None = None
    framing: list[tuple[int, int]] = attrs.Factory(list)
    clause: tuple[int, int] | None = None  # where a time of saying may stand
    parent: int | None = None
    para: int = 0
    belief: bool = False
    continuation: bool = False

    @classmethod
    def of_quote(
        cls,
        q: Quote,
        para: int,
        *,
        speaker: EntityRec | None,
        mention: tuple[int, int, MentionKind] | None,
        cue: tuple[int, int] | None,
        lemma: str,
        act: SpeechAct,
    ) -> RawClaim:
        """A direct claim whose content is the whole quote ``q``."""
        return cls(
            speaker=speaker,
            mention=mention,
            cue=cue,
            cue_parts=[],
            lemma=lemma,
            act=act,
            form=Form.DIRECT,
            content=(q.start, q.end),
            quotes=[(q.inner_start, q.inner_end)],
            para=para,
        )

    def add_piece(self, q: Quote) -> None:
        """Take the quote ``q`` as one more piece of this claim's content, before
        or after the pieces it has ('“A” by the allies, Clinton said, “B”')."""
        if not self.parts:
            self.parts = [self.content]
        if q.end <= self.content[0]:
            self.parts.insert(0, (q.start, q.end))
            self.content = (q.start, self.content[1])
            self.quotes.insert(0, (q.inner_start, q.inner_end))
        else:
            self.parts.append((q.start, q.end))
            self.content = (self.content[0], q.end)
            self.quotes.append((q.inner_start, q.inner_end))


@attrs.define
class Context:
    """What the reader knows while it walks the document."""

    text: str
    registry: Registry
    claims: list[RawClaim] = attrs.Factory(list)
    last_person: EntityRec | None = None
    relay_all: tuple[EntityRec, tuple[int, int]] | None = None  # "attributable to X:"
    pending: tuple[Quote, int] | None = None  # a cue-less quote nobody claimed yet
    # "Reporter Jane Lee says:" ending a paragraph: the quote opening the next is hers
    lead: RawClaim | None = None
    para_start: int = 0  # the paragraph being read
    para_end: int = 0


# --------------------------------------------------------------------------- helpers


def _strip_span(text: str, a: int, b: int, *, trail: str = " \t\n,;:—–-") -> tuple[int, int]:
    while a < b and text[a] in " \t\n,;:—–-":
        a += 1
    while b > a and text[b - 1] in trail:
        b -= 1
    if b > a and text[b - 1] == "." and not text[a:b].endswith("..."):
        b -= 1
        while b > a and text[b - 1] in " \t":
            b -= 1
    return a, b


def _starts(toks: Sequence[Token], k: int, words: Sequence[str]) -> bool:
    if k + len(words) > len(toks):
        return False
    return all(toks[k + n].low == w for n, w in enumerate(words))


def resolve(
    ctx: Context, phrase: Phrase, pos: int, *, quote_people: list[EntityRec] | None = None
) -> EntityRec | None:
    """The entity a source phrase names (pronouns resolve to someone met before)."""
    reg = ctx.registry
    if phrase.kind == "pronoun":
        p = phrase.name
        if quote_people is not None:
            if p in {"he", "she", "him", "her"}:
                return quote_people[-1] if quote_people else None
            return None
        if p in {"he", "she", "him", "her"}:
            last = ctx.claims[-1].speaker if ctx.claims else None
            if last is not None and last.kind == "person":
                return last
            if ctx.last_person is not None:
                return ctx.last_person
            # someone the text never names ("“...,” he said." at the top): still a source
            subject = {"him": "he", "her": "she"}.get(p, p)
            return reg.other(subject, OtherKind.ANONYMOUS, pos)
        if p in {"it", "its"}:
            last = ctx.claims[-1].speaker if ctx.claims else None
            if last is not None and _takes_pronoun(last, plural=False):
                return last
            org = reg.last_org(pos + 1)
            # a text the reader cannot name ("“...,” it read."): still a source
            return org if org is not None else reg.other("it", OtherKind.OTHER, pos)
        if p in {"they", "them", "their"}:
            last = ctx.claims[-1].speaker if ctx.claims else None
            if last is not None and _takes_pronoun(last, plural=True):
                return last
            # a group the reader cannot name ("they said"): still a source
            return reg.other("they", OtherKind.GROUP, pos)
        return None
    if phrase.kind == "person":
        rec = reg.person(phrase.name, phrase.role, pos)
        ctx.last_person = rec
        return rec
    if phrase.kind == "role":
        rec = reg.role_person(phrase.role, pos)
        ctx.last_person = rec
        return rec
    if phrase.kind == "org":
        return reg.org(phrase.name, phrase.org_kind, pos)
    return reg.other(phrase.name, phrase.other_kind, pos)


def _takes_pronoun(rec: EntityRec, *, plural: bool) -> bool:
    """Whether ``it`` (``plural`` false) or ``they`` can refer back to ``rec``: an
    organisation or an anonymous source takes either ("the ministry ... it/they
    said", "sources said ... they"); a group only ``they``; a document or other
    unnamed source only ``it``."""
    if rec.kind == "org" or rec.other_kind is OtherKind.ANONYMOUS:
        return rec.kind != "person"
    return rec.kind == "other" and (rec.other_kind is OtherKind.GROUP) == plural


_CUE_OPENERS = frozenset({"said", "says", "added", "stated", "wrote"})


def note_people(ctx: Context, toks: Sequence[Token], lo: int, hi: int) -> list[EntityRec]:
    """Register names with titles met in running text (``President Vladimir Putin``)."""
    found: list[EntityRec] = []
    # a name starts at a capitalised word: only those are visited, in order
    caps = [x for x in range(lo, hi) if toks[x].is_cap and toks[x].is_word]
    if not caps:
        return found
    known = ctx.registry.known
    text = ctx.text
    k = lo
    for x in caps:
        if x < k:
            continue  # inside the phrase read before
        k = x
        if k == 0 and toks[0].low in _CUE_OPENERS:
            continue  # "Said Dorothy Poynter, ...": the cue is not part of the name
        rng = phrase_after(toks, k, hi)
        if rng is None:
            continue
        a, b = rng
        if b - a == 1 and toks[a].low not in known:
            k = b
            continue  # one unknown capitalised word: not a person to note
        if b > k:
            ph = classify_words(text, toks, a, b)  # its start and end are not used
            if (
                ph is not None
                and ph.kind == "person"
                and (
                    ph.mention_kind is MentionKind.TITLE_NAME
                    or len(ph.name.split()) >= 2
                    or _known(ctx, ph.name)
                )
            ):
                found.append(ctx.registry.person(ph.name, ph.role, toks[a].start))
            k = b
    return found


def _known(ctx: Context, name: str) -> bool:
    return name.lower() in ctx.registry.known


# --------------------------------------------------------------------------- the sentence


@attrs.define
class _Hit:
    cue: CueMatch
    subj: tuple[int, int] | None  # token range
    inverted: bool = False
    shared: bool = False
    after: bool = False  # the content stands before the cue
    rel: int = -1  # the token of a relative "who" standing for the subject
    far: bool = False  # the subject heads an earlier predicate ("X told Y C and said Z")

    @property
    def first(self) -> int:
        """The first token of the cue clause: the subject's, or the cue's when it
        comes first ("said X") or has no subject."""
        return min(self.cue.i, self.subj[0]) if self.subj else self.cue.i


#: the marks of a dash credit line ("- Jane Doe.", see :func:`_dash_credit`)
_DASHES = frozenset({"-", "—", "–"})


def _quote_index(toks: Sequence[Token], quotes: Sequence[Quote]) -> list[int]:
    """For each token, the index of the quote it starts in (the first quote that ends
    after it, if it starts inside that one), else -1."""
    return _quote_ranges(toks, quotes)[0]


def _quote_ranges(
    toks: Sequence[Token], quotes: Sequence[Quote]
) -> tuple[list[int], list[tuple[int, int, int]]]:
    """:func:`_quote_index`, and the runs of tokens it gives a quote, in order, as
    ``(quote, first token, end token)`` (no run is empty; runs do not overlap)."""
    idx = [-1] * len(toks)
    runs: list[tuple[int, int, int]] = []
    if not quotes:
        return idx, runs
    starts = [t.start for t in toks]
    reach = -1  # the furthest end of the quotes before
    for n, q in enumerate(quotes):
        if q.end > reach:
            # tokens from here to the quote's end meet no earlier quote ending after them
            a = bisect_left(starts, max(reach, q.start))
            b = bisect_left(starts, q.end, a)
            if b > a:
                idx[a:b] = [n] * (b - a)
                runs.append((n, a, b))
            reach = q.end
    return idx, runs


#: "In the President's opinion": the words that let ``in`` open a cue (see match_cue)
_IN_CUE_NOUNS = frozenset({"opinion", "view", "words"})


_TITLE_SMALL = _words("""of the and a an in on for to at & with or""")


def _initial(word: str) -> bool:
    """``W.``, ``U.S.``, ``Sen.``: an initial or a short abbreviation."""
    bare = word.replace(".", "")
    return word.endswith(".") and bare.isalpha() and len(bare) <= 3 and word[:1].isupper()


def _title_like(inner: str) -> bool:
    """Whether quoted words read as a title (``Fox & Friends``, ``State of the Union``):
    two to five words, each capitalised but for small ones."""
    words = inner.rstrip(",.!?").split(None, 6)
    if not 2 <= len(words) <= 5 or words[0] in {"I", "I'm", "I’m"}:
        return False
    return all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words) and any(
        w.lower() not in _TITLE_SMALL for w in words[1:]
    )


def _is_clausal(text: str, s: int, q: Quote, toks: Sequence[Token], first: int | None) -> bool:
    """Whether a quote stands as a clause of its own (not a phrase in running text);
    ``first`` is the index of its first token."""
    inner = text[q.inner_start : q.inner_end].rstrip()
    words = len(inner.split(None, 3))
    if _title_like(inner):
        return False  # 'on MSNBC’s “Morning Joe,”': a title, not words said
    b = q.start
    while b > s and text[b - 1].isspace():
        b -= 1
    if b == s and words >= 1 and inner.endswith((",", "?", "!")) and inner[:1].isupper():
        return True  # '"Absolutely," he said': a one-word answer opening the sentence
    if (
        inner[:1].isupper()
        and text[b - 1 : b] in {",", ":"}
        and first is not None
        and first >= 2
        and toks[first - 2].text[:1].islower()
        and match_cue(toks, first - 2, beliefs=False) is not None
    ):
        return True  # 'Priebus said, "Probably."': a short answer right after its cue
    if words < 2 or (words < 3 and not inner.endswith(",")):
        return False
    if b == s or text[b - 1] in ":,—–-":
        return True
    if first is not None and first > 0:
        prev = toks[first - 1]
        m = match_cue(toks, first - 1, beliefs=False)
        if m is not None and prev.text[:1].islower():
            return True
    return inner.endswith(",") and inner[:1].isupper()


#: the tokens at which a content can end (see content_end in read_sentence): words
#: and marks its rules start at; a closing mark is its own lower case
_CONTENT_END_WORDS = frozenset(
    {"and", "but", "while", "whereas", "before", "after", "by", "—", "–", "--", ";", ","}
    | set(CLOSING_MARKS)
)


def _prefilter_drops(
    toks: Sequence[Token], lows: list[str], cue_words: frozenset[str], quotes: Sequence[Quote]
) -> bool:
    """Whether :func:`read_sentence` can skip a sentence unread: no quote, no dash
    credit and no word that can start a cue (``cue_words``, the words of ``lows``
    in ``CUE_STARTS``; "in" starts one only before "opinion", "view" or "words")."""
    return (
        not quotes
        and toks[0].text not in _DASHES
        and (not cue_words or (cue_words == {"in"} and _IN_CUE_NOUNS.isdisjoint(lows)))
    )


class _SentenceReader:
    """The reading of one sentence by :func:`read_sentence`: the sentence's tokens
    and quotes, worked out once, and the claims found so far, shared by the stages
    (one method each, run in order by :meth:`read`) and the helpers they call."""

    __slots__ = (
        "asked",
        "claims",
        "clausal_set",
        "ctx",
        "cue_words",
        "e",
        "firsts",
        "hits",
        "inside_people",
        "lows",
        "para",
        "qidx",
        "quote_owner",
        "quote_speaker",
        "quotes",
        "relay_here",
        "runs",
        "s",
        "taken",
        "text",
        "titles",
        "toks",
        "used_hits",
    )

    ctx: Context
    text: str
    s: int
    e: int
    quotes: Sequence[Quote]
    para: int
    quote_speaker: EntityRec | None
    toks: list[Token]
    lows: list[str]
    cue_words: frozenset[str]
    qidx: list[int]
    runs: list[tuple[int, int, int]]
    firsts: dict[int, int]
    asked: tuple[int, int, int, int, tuple[int, int] | None] | None
    clausal_set: set[int]
    titles: set[int]
    inside_people: list[EntityRec] | None
    hits: list[_Hit]
    claims: list[RawClaim]
    taken: list[tuple[int, int]]
    relay_here: list[tuple[EntityRec, tuple[int, int]]]
    used_hits: set[int]
    quote_owner: dict[int, int]

    def __init__(
        self,
        ctx: Context,
        s: int,
        e: int,
        quotes: Sequence[Quote],
        para: int,
        *,
        quote_speaker: EntityRec | None,
        quote_people: list[EntityRec] | None,
        toks: list[Token],
        lows: list[str],
        cue_words: frozenset[str],
    ) -> None:
        text = ctx.text
        qidx, runs = _quote_ranges(toks, quotes)
        firsts = {qn: a for qn, a, _ in runs}
        asked = _asked_clause(toks, qidx) if quote_speaker is None else None
        clausal_set = (
            {n for n, q in enumerate(quotes) if _is_clausal(text, s, q, toks, firsts.get(n))}
            if quote_speaker is None
            else set()
        )
        titles = {
            n
            for n, q in enumerate(quotes)
            if _title_like(text[q.inner_start : q.inner_end].rstrip())
        }
        inside_people: list[EntityRec] | None = None
        if quote_speaker is not None:
            inside_people = list((quote_people or [])[-20:])
        self.ctx = ctx
        self.text = text
        self.s = s
        self.e = e
        self.quotes = quotes
        self.para = para
        self.quote_speaker = quote_speaker
        self.toks = toks
        self.lows = lows
        self.cue_words = cue_words
        self.qidx = qidx
        self.runs = runs
        self.firsts = firsts
        self.asked = asked
        self.clausal_set = clausal_set
        self.titles = titles
        self.inside_people = inside_people

    def read(self) -> list[RawClaim]:
        """The claims of the sentence (see :func:`read_sentence`)."""
        ctx = self.ctx
        s = self.s
        e = self.e
        quotes = self.quotes
        para = self.para
        quote_speaker = self.quote_speaker
        toks = self.toks
        lows = self.lows
        asked = self.asked
        clausal_set = self.clausal_set
        hits = self._cues()
        if quote_speaker is not None:
            hits = [
                h
                for h in hits
                if h.cue.kind == "verb"
                and h.subj is not None
                and h.cue.lemma not in {"show", "find"}
            ]
        self.hits = hits
        clausal = bool(clausal_set)
        chanted = bool(quotes) and quote_speaker is None and ("chants" in lows or "chant" in lows)
        titled = bool(quotes) and ("titled" in lows or "entitled" in lows)
        if not hits and not clausal and not chanted and not titled and asked is None:
            if quote_speaker is None and toks[0].text in _DASHES:
                return _dash_credit(ctx, toks, s, e, para)
            return []

        self.claims = []
        self.taken = []
        self.relay_here = []  # outlets relaying this sentence
        self.used_hits = set()
        self.quote_owner = {}
        self._direct_quotes()
        self._cue_after()
        self._cue_before()
        if chanted:
            self._chants()
        if titled and quote_speaker is None:
            self._titles()
        self._continuations()
        if asked is not None and not _overlaps(self.taken, toks[asked[2]].start, asked[3]):
            self._asked(asked)
        if not self.claims and len(hits) == 1 and quote_speaker is None:
            self._late()
        return self._finish()

    def _cues(self) -> list[_Hit]:
        """1. The cues with their subjects, in order."""
        quote_speaker = self.quote_speaker
        toks = self.toks
        lows = self.lows
        cue_words = self.cue_words
        qidx = self.qidx
        runs = self.runs
        hits: list[_Hit] = []
        title_cased: bool | None = None  # (worked out once, when a capital cue needs it)
        # the tokens that can start a cue, visited in order; a cue found is stepped over
        cands = [x for x, w in enumerate(lows) if w in cue_words] if cue_words else []
        ci = 0
        ri = 0
        k = 0
        after_quote = 0  # the token after the last quoted one before k
        while True:
            while ci < len(cands) and cands[ci] < k:
                ci += 1
            if ci >= len(cands):
                break
            k = cands[ci]
            if qidx[k] >= 0:
                k += 1
                continue
            # a cue never takes a quoted token, so no run of quoted tokens is stepped over
            while ri < len(runs) and runs[ri][2] <= k:
                after_quote = runs[ri][2]
                ri += 1
            t = toks[k]
            m = match_cue(toks, k, beliefs=quote_speaker is None)
            if m is None or any(qidx[x] >= 0 for x in range(m.i, min(m.j, len(toks)))):
                k += 1
                continue
            opening = (
                # "Said Dorothy Poynter, who grew up with him, “...”": the cue opens the sentence
                m.i == 0
                and m.kind == "verb"
                and (t.low.endswith("ed") or t.low == "said")
                and m.j < len(toks)
                and toks[m.j].is_cap
            )
            if (
                m.kind != "according"
                and not t.text[:1].islower()
                and not opening
                and not (
                    m.i > 0
                    and m.kind == "verb"
                    and toks[m.i - 1].is_cap
                    and (
                        title_cased
                        if title_cased is not None
                        else (title_cased := _title_cased(toks))
                    )
                )
            ):
                # (a capital cue in a title-cased line: "Jo Doe Explained Why She Left")
                k += 1
                continue
            prev = toks[m.i - 1].low if m.i > 0 else ""
            went_on = (
                # "The email went on to say, ...": the subject of "went on" speaks
                prev == "to"
                and m.i >= 3
                and toks[m.i - 2].low == "on"
                and toks[m.i - 3].low in {"went", "goes", "go", "going", "gone"}
            )
            if (
                m.kind == "verb"
                and not went_on
                and (
                    prev
                    in {"to", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}
                    or (prev in _PASSIVE and not (t.low.endswith("ing") and prev != "being"))
                    or prev in {"not", "n't", "never"}
                )
            ):
                k = m.j
                continue
            nxt_low = _low_at(toks, m.j)
            # "the plan promises to", "legal observers note the ...": what follows makes
            # a noun form a verb
            verb_next = nxt_low in _VERB_NEXT or (
                nxt_low == "that"
                and len(prev) > 3
                and prev.endswith("s")
                and not prev.endswith("ss")
            )
            if (
                m.kind == "verb"
                and not went_on
                and (
                    (prev.endswith(("’s", "'s")) and not contracted_pronoun(prev))
                    or (
                        # "a snappy retort", "the Paris attacks", "a subsequent tweet": nouns
                        toks[m.i].low in _NOUN_FORMS
                        and m.i >= 2
                        and toks[m.i - 1].is_word
                        and toks[m.i - 2].low in _NOUN_DETS
                        and not verb_next
                    )
                    or (
                        (toks[m.i].low in _NOUN_FORMS and (m.i == 0 or not toks[m.i - 1].is_cap))
                        and not (verb_next and m.i > 0 and toks[m.i - 1].is_word)
                        and not (
                            m.i > 0 and toks[m.i - 1].low in {"he", "she", "it", "they", "who"}
                        )
                        # "Jan Brewer, an early supporter, calls the issue “a priority”"
                        and not (m.lemma == "call" and prev == ",")
                        and not (
                            # "... and calls her “a liar”": a second verb of the subject
                            prev == "and"
                            and _low_at(toks, m.j) in {"her", "him", "them", "it", "me", "us"}
                        )
                    )
                )
            ):
                k = m.j
                continue  # "Trump's attacks", "a harsh attack": nouns, not cues
            nxt_quoted = m.j < len(toks) and qidx[m.j] >= 0
            if m.kind == "verb" and (
                # "the reality show “Cake Boss”", "a play called “Los Hijos de Trump”": a
                # title or a name, not words said
                (t.low in {"show", "shows"} and (nxt_quoted or prev in _SHOW_KINDS))
                or (
                    t.low == "called"
                    and m.lemma == "call"
                    and nxt_quoted
                    and m.i > 0
                    and toks[m.i - 1].is_word
                    and not toks[m.i - 1].is_cap
                    and prev not in _SUBJECT_WORDS
                )
            ):
                k = m.j
                continue
            hit = _Hit(m, None)
            if m.lemma == "opinion":
                hit.subj = (m.i + 1, m.j - 1)
                hit.inverted = True
            elif m.kind == "according":
                rng = phrase_after(toks, m.j)
                x = m.j
                while x < len(toks) and x - m.j < 14 and qidx[x] < 0:
                    if toks[x].text in {",", ".", ";", ":", "—", "–", "(", ")"}:
                        break
                    x += 1
                if x > m.j and (rng is None or x > rng[1]):
                    rng = (m.j, x)  # "according to recent data from comScore"
                if rng is None:
                    k = m.j
                    continue
                hit.subj = rng
                hit.inverted = True
            else:
                lo = after_quote if after_quote <= m.i else 0
                at = m.i - 3 if went_on else m.i
                subj = subject_before(toks, at, lo, appositive=not toks[m.i].low.endswith("ing"))
                if not toks[m.i].low.endswith("ing") and (
                    subj is None or toks[subj[0]].low not in _SUBJECT_WORDS
                ):
                    rel = _relative_subject(toks, at, lo, qidx)
                    if rel is not None:
                        subj = rel  # "A White House official who spoke anonymously said"
                if subj is None:
                    subj = _source_familiar_with(toks, m.i, lo, qidx)
                who = relative_who(toks, m.i, lo)
                if who >= 1 and (subj is None or subj[1] <= who or not toks[subj[0]].is_cap):
                    # "Weaver, who said C", "Beck, who has in the past described C": "who"
                    # is the mention of the one named before it
                    at_who = who - 1 if toks[who - 1].text == "," else who
                    antecedent = subject_before(toks, at_who, lo) if at_who > lo else None
                    if antecedent is not None:
                        subj = antecedent
                        hit.rel = who
                if subj is None:
                    rel_that = _relative_text(toks, m, lo, qidx)
                    if rel_that >= 0:
                        at_that = (
                            rel_that - 1 if toks[rel_that - 1].text in {",", "—", "–"} else rel_that
                        )
                        antecedent = subject_before(toks, at_that, lo) if at_that > lo else None
                        if antecedent is not None:
                            subj = antecedent  # "a sign that read “...”": the sign speaks
                            hit.rel = rel_that
                if (
                    subj is not None
                    and toks[m.i].low.endswith("ing")
                    and subj[0] - 1 > lo
                    and toks[subj[0] - 1].low in {"at", "during"}
                    and toks[subj[0] - 2].text == ","
                ):
                    # "..., at one point calling the mayor a “liar”": an adverbial, not
                    # the subject; the participle shares the sentence's subject
                    subj = None
                    hit.shared = True
                if (
                    subj is not None
                    and toks[m.i].low.endswith("ing")
                    and subj[0] > lo
                    and (
                        (
                            toks[subj[0] - 1].is_word
                            and not toks[subj[0] - 1].is_cap
                            and toks[subj[0] - 1].low not in _NOT_VERBS
                        )
                        # "... and carrying signs saying": a participle clause, not a subject
                        or (toks[subj[0]].low.endswith("ing") and not toks[subj[0]].is_cap)
                    )
                ):
                    # "She released a statement saying ...": the statement's author speaks
                    main = _main_subject(toks, lo, subj[0], qidx)
                    if main is not None and main[1] < subj[0]:
                        subj = main
                if subj is not None:
                    hit.subj = subj
                elif hit.shared:
                    pass
                elif (
                    m.kind == "verb"
                    and toks[m.i].low in PARTICIPLES
                    and m.i > 0
                    and (
                        toks[m.i - 1].low in {",", "before", "after", "while", "by", "when", "upon"}
                        # '... a “ridiculous proposition,” adding that ...'
                        or (
                            m.i > 1
                            and qidx[m.i - 1] >= 0
                            and toks[m.i - 1].text in CLOSING_MARKS
                            and toks[m.i - 2].text == ","
                        )
                    )
                ):
                    hit.shared = True
                elif m.kind in {"verb", "refusal"} and m.i > 1 and _and_before(toks, m.i) > 0:
                    # "Trump doubled down ... and (later) said C": the subject of the sentence
                    at_and = _and_before(toks, m.i)
                    main = _clause_pronoun_before(toks, at_and, lo, qidx)
                    if main is None:
                        main = _main_subject(toks, lo, at_and, qidx)
                    if main is None and lo > 0:
                        main = _main_subject(toks, 0, at_and, qidx)
                    if main is not None:
                        hit.subj = main
                        hit.far = True
                elif m.kind == "verb" and (
                    opening or (m.i > 0 and (toks[m.i - 1].text == "," or qidx[m.i - 1] >= 0))
                ):
                    rng = phrase_after(toks, m.j)
                    if rng is not None and toks[rng[0]].low not in {"that", "this"}:
                        hit.subj = rng
                        hit.inverted = True
                if hit.subj is None and not hit.shared:
                    k = m.j
                    continue
            hits.append(hit)
            if len(hits) >= _MAX_CUES:
                break  # a real sentence has a few cues; this keeps the work linear
            k = m.j
        return hits

    def subject_phrase(self, h: _Hit) -> Phrase | None:
        text = self.text
        toks = self.toks
        if h.subj is None:
            return None
        return classify(text, toks, h.subj[0], h.subj[1])

    def make_speaker(self, h: _Hit) -> tuple[EntityRec | None, tuple[int, int, MentionKind] | None]:
        ctx = self.ctx
        para = self.para
        toks = self.toks
        qidx = self.qidx
        claims = self.claims
        if h.shared:
            late = _late_clause_subject(toks, h.cue.i, qidx)
            if claims and not (
                late is not None and late[1] - late[0] == 1 and toks[late[0]].low in {"he", "she"}
            ):
                # "X said C1, adding C2": the subject of the claim before (but "X
                # acknowledged C1 even as he defended Y, saying C2": the pronoun)
                return claims[-1].speaker, claims[-1].mention
            if late is not None:
                # "..., though last week he used stronger language, saying ...": the
                # clause the participle hangs on
                return self.named_speaker(_Hit(h.cue, late))
            main = _main_subject(toks, 0, h.cue.i, qidx)
            if main is not None:  # "Trump went after Bush, calling him ..."
                return self.named_speaker(_Hit(h.cue, main))
            for x in range(h.cue.i - 1, -1, -1):
                # "..., and he has battled with X, at one point calling ...": the
                # subject of the clause the participle hangs on
                if (
                    toks[x].low in {"he", "she", "they"}
                    and qidx[x] < 0
                    and (x == 0 or toks[x - 1].low in {"and", "but", ","})
                ):
                    return self.named_speaker(_Hit(h.cue, (x, x + 1)))
            prev = ctx.claims[-1] if ctx.claims else None
            if prev is None or prev.para != para:
                return None, None
            return prev.speaker, prev.mention
        return self.named_speaker(h)

    def named_speaker(
        self, h: _Hit
    ) -> tuple[EntityRec | None, tuple[int, int, MentionKind] | None]:
        ctx = self.ctx
        quote_speaker = self.quote_speaker
        toks = self.toks
        qidx = self.qidx
        inside_people = self.inside_people
        # make_speaker for a hit not sharing the subject before (what make_speaker's
        # fallbacks call, rather than make_speaker itself: when these were closures, a
        # function calling itself through its closure was a reference cycle)
        ph = self.subject_phrase(h)
        if ph is None:
            return None, None
        if inside_people is not None:
            if ph.kind == "pronoun":
                rec = resolve(ctx, ph, ph.start, quote_people=inside_people)
            elif ph.kind in {"person", "role", "org"}:
                rec = resolve(ctx, ph, ph.start)
            else:
                rec = None
            if rec is None or rec is quote_speaker:
                return None, None
            return rec, (ph.start, ph.end, ph.mention_kind)
        if ph.kind == "pronoun" and ph.name in {"i", "we"}:
            # the writer speaking in the first person
            name = "the author" if ph.name == "i" else "the authors"
            return ctx.registry.other(name, OtherKind.OTHER, ph.start), (
                ph.start,
                ph.end,
                ph.mention_kind,
            )
        rec = None
        if ph.kind == "pronoun" and ph.name in {"he", "she"}:
            # "Ann Lee arrived late, and she said ...": a name earlier in the sentence
            # (outside quotes) comes before anyone met in the sentences before
            x = h.subj[0] if h.subj is not None else h.cue.i
            if x > 0 and not any(qidx[y] >= 0 for y in range(x)):
                people = note_people(ctx, toks, 0, x)
                if people:
                    rec = people[-1]
        if rec is None:
            rec = resolve(ctx, ph, ph.start)
        if rec is None:
            return None, None
        if h.rel >= 0:
            return rec, (toks[h.rel].start, toks[h.rel].end, MentionKind.PRONOUN)
        return rec, (ph.start, ph.end, ph.mention_kind)

    # the cue clause tail: everything after the cue up to the content or the end
    def tail_info(self, start_tok: int, stop: int) -> dict[str, object]:
        ctx = self.ctx
        text = self.text
        toks = self.toks
        qidx = self.qidx
        info: dict[str, object] = {}
        k = start_tok
        while k < stop:
            if qidx[k] >= 0:
                break
            if toks[k].low not in _OPENER_FIRST and toks[k].low not in _FRAMING:
                k += 1
                continue
            for opener in _RESPONSE_OPENERS:
                if _starts(toks, k, opener):
                    a = k + len(opener)
                    b = a
                    while b < stop and toks[b].text not in {",", ".", ";", ":"} and qidx[b] < 0:
                        b += 1
                    if b > a:
                        info["response"] = (toks[a].start, toks[b - 1].end)
                    k = b
                    break
            else:
                for opener in _RELAY_OPENERS:
                    if _starts(toks, k, opener):
                        rng = phrase_after(toks, k + len(opener), stop)
                        if rng is not None:
                            ph = classify(text, toks, rng[0], rng[1])
                            if ph is not None and ph.kind == "org":
                                rec = resolve(ctx, ph, ph.start)
                                if rec is not None:
                                    relays = info.setdefault("relays", [])
                                    assert isinstance(relays, list)
                                    relays.append((rec, (ph.start, ph.end)))
                            k = rng[1]
                            break
                else:
                    if toks[k].low in _FRAMING and k > 0 and toks[k - 1].text == ",":
                        b = k
                        while b < stop and qidx[b] < 0:
                            b += 1
                        a2, b2 = _strip_span(text, toks[k].start, toks[b - 1].end)
                        if b2 > a2:
                            info["framing"] = (a2, b2)
                        info["framing_tok"] = k - 1
                        break
                    k += 1
        return info

    def addressee_after(
        self, h: _Hit
    ) -> tuple[int, tuple[int, int] | None, EntityRec | None, bool]:
        """(next token, addressee span, relay entity, is_relay) after a cue."""
        ctx = self.ctx
        text = self.text
        toks = self.toks
        qidx = self.qidx
        k = h.cue.j
        if h.inverted and h.subj is not None and h.cue.kind != "according":
            k = h.subj[1]
        if h.cue.lemma in _TELL or (h.cue.lemma == "say" and _starts(toks, k, ("to",))):
            k0 = k + 1 if h.cue.lemma == "say" else k
            if k0 < len(toks) and qidx[k0] < 0 and toks[k0].low not in {"that"} | _WH:
                rng = phrase_after(toks, k0)
                if rng is None and toks[k0].low in AUDIENCE:
                    rng = (k0, k0 + 1)
                if rng is not None:
                    ph = classify(text, toks, rng[0], rng[1])
                    span = (toks[rng[0]].start, toks[rng[1] - 1].end)
                    if (
                        ph is not None
                        and ph.kind == "org"
                        and ph.org_kind.value
                        in {
                            "news_agency",
                            "media",
                        }
                    ):
                        return rng[1], span, resolve(ctx, ph, ph.start), True
                    if ph is not None and ph.kind in {"person", "role"}:
                        return rng[1], span, resolve(ctx, ph, ph.start), False
                    if ph is not None or toks[rng[0]].low in AUDIENCE | {"the"}:
                        return rng[1], span, None, False
        return k, None, None, False

    def content_start(self, k: int) -> int | None:
        """The token the content starts at, after the times, commas and 'that'
        following the cue at ``k`` (``None``: no content follows)."""
        toks = self.toks
        qidx = self.qidx
        titles = self.titles
        n = len(toks)
        guard = 0
        while k < n and guard < 12:
            guard += 1
            w = toks[k].low
            if qidx[k] >= 0:
                return k
            if w in {",", "that", ":", "—", "–"}:
                k += 1
                continue
            if w in _TIME_WORDS:
                k += 1
                continue
            if (
                w == "for"
                and k + 3 < n
                and toks[k + 1].low == "the"
                and toks[k + 2].low in {"first", "second", "third", "last", "latest", "umpteenth"}
                and toks[k + 3].low == "time"
            ):
                k += 4  # "said for the first time that C"
                continue
            if w in {"on", "in", "at", "during", "this", "last", "next", "earlier", "later"} and (
                k + 1 < n and (toks[k + 1].low in _TIME_WORDS or toks[k + 1].text[:1].isdigit())
            ):
                k += 1
                continue
            if toks[k].text[:1].isdigit() and k > 0 and toks[k - 1].low in _MONTHS:
                k += 1
                continue
            if w in _MONTHS and k + 1 < n and toks[k + 1].text[:1].isdigit():
                k += 1
                continue
            if w in _PREPOSITIONS:
                # "said at the hearing that C", "told reporters in Moscow that C"
                # (stepping over a quoted title: 'said on ABC's "This Week" that C')
                stop = min(n, k + 16)
                x = k + 1
                subordinate = False
                while x < stop and (
                    (qidx[x] < 0 and toks[x].text not in {",", ".", ";", ":"})
                    or (qidx[x] >= 0 and qidx[x] in titles)
                    # "in Salem, New Hampshire on Monday that": a place and its state
                    or (
                        toks[x].text == ","
                        and x + 1 < stop
                        and toks[x - 1].is_cap
                        and (toks[x + 1].is_cap or toks[x + 1].low == "that")
                        and qidx[x + 1] < 0
                    )
                ):
                    if toks[x].low == "that" and qidx[x] < 0:
                        return x + 1 if x + 1 < n else None
                    if (
                        toks[x].low in _WH
                        or toks[x].low in {"because", "after", "before", "as"}
                        or (toks[x].low in CUE_STARTS and qidx[x] < 0)
                    ):
                        # "in an interview when asked if he ...", "to her on Thursday
                        # say they ...": the pronoun opens some other clause
                        subordinate = True
                    if (
                        toks[x].low in _CONTENT_PRONOUNS
                        and x > k + 1
                        and qidx[x] < 0
                        and not subordinate
                    ):
                        return x  # "wrote in both listings he was ...": the clause

                    x += 1
            break
        return k if k < n else None

    def content_end(self, k: int) -> tuple[int, list[tuple[int, int]], int]:
        """(end char, framing spans, end token) of a content starting at token k."""
        text = self.text
        e = self.e
        toks = self.toks
        qidx = self.qidx
        n = len(toks)
        j = k
        while j < n:
            low = toks[j].low
            if low not in _CONTENT_END_WORDS:
                j += 1  # no rule below starts at this token
                continue
            if (
                qidx[j] < 0
                and low in {"and", "but"}
                and j + 1 < n
                and (
                    match_cue(toks, j + 1, beliefs=False) is not None
                    # "... and then tweeted that", "and later told": an adverb between
                    or (
                        j + 2 < n
                        and (toks[j + 1].low in _THEN_WORDS or toks[j + 1].low.endswith("ly"))
                        and toks[j + 1].is_word
                        and match_cue(toks, j + 2, beliefs=False) is not None
                    )
                )
            ):
                return toks[j].start, [], j  # "noted X and underscored Y", "but argues"
            if (
                qidx[j] < 0
                and low in {"while", "whereas", "but", "and"}
                and self.subject_before_cue(j + 1)
            ):
                return toks[j].start, [], j  # "C1 while Sanders suggests C2"
            if (
                j + 1 < n
                and qidx[j + 1] < 0
                and (
                    (qidx[j] < 0 and toks[j].text in {"—", "–", "--"})
                    or (
                        qidx[j] >= 0
                        and toks[j].text in CLOSING_MARKS
                        and j > k
                        and toks[j - 1].text == ","
                    )
                )
            ):
                nxt = toks[j + 1].low
                if nxt in _FRAMING:
                    a2, b2 = _strip_span(text, toks[j + 1].start, e)
                    return toks[j].end if qidx[j] >= 0 else toks[j].start, [(a2, b2)], j + 1
                if nxt in PARTICIPLES and match_cue(toks, j + 1, beliefs=False) is not None:
                    # “...,” claiming that...; — asserting that...
                    return toks[j].end if qidx[j] >= 0 else toks[j].start, [], j + 1
                if qidx[j] >= 0 and _adjunct_participle(toks[j + 1]):
                    # 'Kelly was “incognito,” sparking a firestorm': the writer's words
                    return toks[j].end, [], j + 1
            if (
                qidx[j] < 0
                and toks[j].low in {"before", "after", "while", "by"}
                and j + 1 < n
                and toks[j + 1].low in PARTICIPLES
                and match_cue(toks, j + 1, beliefs=False) is not None
            ):
                return toks[j].start, [], j
            if qidx[j] < 0 and toks[j].text == ";":
                return toks[j].start, [], j
            if (
                qidx[j] < 0
                and toks[j].text == ","
                and j + 3 < n
                and toks[j + 1].low == "and"
                and toks[j + 2].low in {"they", "we"}
                and toks[j + 3].is_word
                and not toks[j + 3].is_cap
                and qidx[j + 2] < 0
                and qidx[j + 3] < 0
            ):
                # "reaffirmed support for X, and they discussed Y": a new clause
                return toks[j].start, [], j
            if qidx[j] < 0 and toks[j].text == "," and j + 1 < n and qidx[j + 1] < 0:
                nxt = toks[j + 1].low
                if nxt in {"but", "while", "though", "although", "whereas"}:
                    if nxt == "but" and (
                        _quote_goes_on(toks, j + 2, qidx) or _low_at(toks, j + 2) == "that"
                    ):
                        # 'he had offers, but “the offers were ...”', 'said X, but that
                        # Y': the same words go on
                        j += 1
                        continue
                    return toks[j].start, [], j
                if nxt in _FRAMING:
                    a2, b2 = _strip_span(text, toks[j + 1].start, e)
                    return toks[j].start, [(a2, b2)], j
                if nxt in PARTICIPLES:
                    m2 = match_cue(toks, j + 1, beliefs=False)
                    if m2 is not None:
                        return toks[j].start, [], j
                if nxt == "according" and j + 2 < n and toks[j + 2].low == "to":
                    return toks[j].start, [], j
                # ", (as) quoted by X" / ", cited by X": the relay, not the words
                by = j + 3 if nxt == "as" else j + 2
                if by < n and toks[by].low == "by" and toks[by - 1].low in {"quoted", "cited"}:
                    return toks[j].start, [], j
                if self.subject_before_cue(j + 1):
                    return toks[j].start, [], j
            j += 1
        return e, [], n

    def subject_before_cue(self, k: int) -> bool:
        """Whether tokens from k form 'SUBJ CUE' closing the sentence (', Peskov said')."""
        hits = self.hits
        for h in hits:
            if h.subj is not None and h.subj[0] == k and not h.inverted and h.cue.i > k:
                return True
            if h.inverted and h.cue.i == k and h.cue.kind == "verb":
                return True
        return False

    def _direct_quotes(self) -> None:
        """2. Direct quotes: attach each clausal quote to an adjacent cue."""
        ctx = self.ctx
        text = self.text
        s = self.s
        e = self.e
        quotes = self.quotes
        para = self.para
        toks = self.toks
        clausal_set = self.clausal_set
        hits = self.hits
        claims = self.claims
        taken = self.taken
        used_hits = self.used_hits
        quote_owner = self.quote_owner
        for qn, q in enumerate(quotes):
            if qn not in clausal_set:
                continue
            best = None
            for hn, h in enumerate(hits):
                if h.shared or h.cue.kind == "refusal":
                    continue
                lo_tok = h.first
                hi_tok = max(h.cue.j, h.subj[1] if h.subj else h.cue.j)
                lo_c, hi_c = toks[lo_tok].start, toks[hi_tok - 1].end
                if q.end <= lo_c:
                    gap = text[q.end : lo_c].replace("\u00a0", " ")  # a no-break space is a space
                    rest = gap.strip(" ,—–-")
                    if rest == "" or (
                        # "“...,” former presidential candidate Herman Cain said": a title
                        not h.inverted
                        and gap[:1] in {" ", ","}
                        and len(rest.split()) <= 6
                        and not any(ch in rest for ch in ';:!?"“”()')
                        and all(_initial(w) for w in rest.split() if "." in w)
                        and h.subj is not None
                        and h.subj[1] <= h.cue.i
                    ):
                        best = hn
                        break
                elif q.start >= hi_c:
                    if any(
                        o.shared and hi_c <= toks[o.cue.i].start < q.start
                        for o in hits
                        if o is not h
                    ):
                        continue  # "X wrote C, saying, “...”": the participle's quote
                    gap = text[hi_c : q.start].replace("\u00a0", " ")
                    words = gap.split()
                    limit = 25 if h.inverted and gap.lstrip().startswith(",") else 8
                    if words and words[0].lower() in _GAP_PREPS:
                        limit = 16  # "said in an op-ed before a 2014 hearing, “...”"
                    if gap.strip() in {"", ":", ",", "—", "–", "-"} or (
                        len(words) <= limit  # "said Ann Lee, an economist at X, “...”"
                        and gap.rstrip().endswith((":", ","))
                        and "that" not in (w.lower() for w in words)
                    ):
                        best = hn
                        if gap.strip() not in {"", ":", ","}:
                            # "When he described the wall, he said, “...”": a cue right
                            # before the quote takes it from one further back
                            best = _tighter_cue(text, toks, hits, hn, q.start)
                        break
            if best is not None:
                quote_owner[qn] = best
        by_hit: dict[int, list[int]] = {}
        for qn, hn in quote_owner.items():
            by_hit.setdefault(hn, []).append(qn)
        for hn, qns in sorted(by_hit.items(), key=lambda kv: min(kv[1])):
            h = hits[hn]
            speaker, mention = self.make_speaker(h)
            if speaker is None:
                continue
            used_hits.add(hn)
            parts = [(quotes[qn].start, quotes[qn].end) for qn in sorted(qns)]
            mixed = False
            first_q = quotes[min(qns)]
            if first_q.end <= toks[h.cue.i].start:
                # "The party, ..., “allows us to ...,” he said": the words before the
                # quote belong to the attributed content
                pa, pb = _strip_span(
                    text, _after_taken(taken, s, first_q.start, text), first_q.start
                )
                prefix = text[pa:pb]
                if (
                    len(prefix.split()) >= 3
                    and not prefix.endswith((":", "—"))
                    and pb == first_q.start
                ):
                    parts[0] = (pa, parts[0][1])
                    mixed = True
                elif len(prefix.split()) >= 3 and not prefix.endswith(":"):
                    gap = text[pb : first_q.start].strip()
                    if gap in {",", ""} and not any(x in prefix for x in ("said", "says")):
                        parts[0] = (pa, parts[0][1])
                        mixed = True
            last_q = quotes[max(qns)]
            if (
                not mixed
                and len(qns) == 1
                and not h.inverted
                and toks[h.cue.j - 1].end <= first_q.start
                and text[toks[h.cue.j - 1].end : first_q.start].isspace()
            ):
                # 'says “the wind is at our backs” despite the loss': the sentence goes on
                after = next((x for x in range(len(toks)) if toks[x].start >= last_q.end), None)
                if after is not None and toks[after].is_word and not toks[after].is_cap:
                    c_end, _, _ = self.content_end(after)
                    c_end = _strip_span(text, last_q.end, c_end)[1]
                    if c_end > last_q.end:
                        parts[-1] = (parts[-1][0], c_end)
                        mixed = True
            cstart, cend = parts[0][0], parts[-1][1]
            cue_tail_start = h.cue.j if not h.inverted else (h.subj[1] if h.subj else h.cue.j)
            nxt_q = next(
                (quotes[qn].start for qn in sorted(qns) if quotes[qn].start >= toks[h.cue.i].end), e
            )
            stop_tok = next(
                (x for x in range(cue_tail_start, len(toks)) if toks[x].start >= nxt_q), len(toks)
            )
            for o in hits:
                # '“...,” Anderson said, adding that C' / '..., said Weaver, who said C': the
                # cue clause ends where the next cue takes over
                if (
                    o is not h
                    and cue_tail_start < o.cue.i < stop_tok
                    and toks[o.cue.i].start > max(quotes[qn].end for qn in qns)
                    and (o.shared or toks[o.cue.i - 1].low == "who")
                ):
                    stop_tok = o.cue.i - 1
            info = self.tail_info(cue_tail_start, stop_tok)
            _k_addr, addr, addr_ent, is_relay = self.addressee_after(h)
            rc = _new_claim(
                h, speaker, mention, toks, form=Form.DIRECT, content=(cstart, cend), para=para
            )
            rc.parts = parts if len(parts) > 1 else []
            if mixed:
                rc.form = Form.MIXED
            rc.quotes = [(quotes[qn].inner_start, quotes[qn].inner_end) for qn in sorted(qns)]
            _apply_info(rc, info, addr, addr_ent, is_relay)
            rc.clause = (
                toks[h.first].start,
                toks[stop_tok - 1].end if stop_tok > 0 else e,
            )
            if h.cue.relay is not None:
                _relay_from(ctx, rc, toks, h.cue.relay)
            claims.append(rc)
            taken.append((cstart, cend))
            # (a subject shared with an earlier predicate leaves that predicate free:
            # "he told X that C1 and said “C2”")
            lo_tok = h.cue.i if h.far else h.first
            taken.append((toks[lo_tok].start, toks[stop_tok - 1].end if stop_tok > 0 else e))

    def _cue_after(self) -> None:
        """3. Indirect claims, cue after the content: "C, X said"."""
        ctx = self.ctx
        text = self.text
        s = self.s
        e = self.e
        quotes = self.quotes
        para = self.para
        toks = self.toks
        qidx = self.qidx
        hits = self.hits
        claims = self.claims
        taken = self.taken
        relay_here = self.relay_here
        used_hits = self.used_hits
        for hn, h in enumerate(hits):
            if hn in used_hits or h.shared or h.subj is None or h.cue.kind == "refusal":
                continue
            if h.cue.kind == "according":
                # "C, according to X" (the content before)
                tok_before = toks[h.cue.i - 1] if h.cue.i else None
                if h.cue.i >= 3 and (
                    tok_before is not None
                    and (
                        tok_before.text == ","
                        or tok_before.is_word
                        # 'She compared it to a “root canal,” according to X': the comma
                        # inside the closing quote
                        or (tok_before.text in CLOSING_MARKS and toks[h.cue.i - 2].text == ",")
                    )
                ):
                    ph = self.subject_phrase(h)
                    speaking = any(
                        o is not h and o.cue.i < h.cue.i and (o.subj is not None or o.shared)
                        for o in hits
                    )
                    if (
                        ph is not None
                        and speaking
                        and (
                            (ph.kind == "org" and ph.org_kind.value in {"news_agency", "media"})
                            # "“C,” Ann Lee said, according to a pool report.": whoever
                            # passed the words on, when the sentence ends with them
                            or (
                                ph.kind != "pronoun"
                                and all(not t.is_word for t in toks[h.subj[1] :])
                                and not any(qidx[x] >= 0 for x in range(h.subj[1], len(toks)))
                                and any(
                                    o is not h
                                    and o.cue.i < h.cue.i
                                    and _after_a_quote(o, toks, qidx)
                                    for o in hits
                                )
                            )
                        )
                    ):
                        # "Peskov said C, according to TASS": the outlet relays the claim
                        rec = resolve(ctx, ph, ph.start)
                        if rec is not None:
                            relay_here.append((rec, (ph.start, ph.end)))
                        used_hits.add(hn)
                        continue
                    a, b = _strip_span(text, s, toks[h.cue.i].start)
                    if _overlaps(taken, a, b) or b - a < 8:
                        continue
                    a = _after_taken(taken, a, b, text)
                    src_end = h.subj[1]
                    if (
                        len(text[a:b].split()) < 4
                        and src_end + 4 < len(toks)
                        and toks[src_end].text == ","
                        and (toks[src_end + 1].is_cap or toks[src_end + 1].low in _CLAUSE_SUBJECTS)
                        and sum(1 for t in toks[src_end + 1 :] if t.is_word) >= 4
                    ):
                        # "For Trump, according to X, the speech is C": a clause follows
                        # (not "Other cleavages, according to X, include ...")
                        continue
                    speaker, mention = self.make_speaker(h)
                    if speaker is None:
                        continue
                    used_hits.add(hn)
                    rc = _new_claim(
                        h, speaker, mention, toks, form=Form.INDIRECT, content=(a, b), para=para
                    )
                    _fragments(rc, quotes, text)
                    claims.append(rc)
                    taken.append((a, toks[h.subj[1] - 1].end))
                continue
            lo_tok = min(h.cue.i, h.subj[0])
            if lo_tok == 0:
                continue
            comma_in_quote = (
                qidx[lo_tok - 1] >= 0
                and toks[lo_tok - 1].text in CLOSING_MARKS
                and lo_tok >= 2
                and (
                    toks[lo_tok - 2].text in {",", "?", "!"}
                    # '... “people telling leaders, 'that’s enough,'” Wilcox said'
                    or (
                        lo_tok >= 3
                        and toks[lo_tok - 2].text in {"'", "’"}
                        and toks[lo_tok - 3].text in {",", "?", "!"}
                    )
                )
            )
            if toks[lo_tok - 1].text not in {",", "—", "–"} and not comma_in_quote:
                continue
            if qidx[lo_tok - 1] >= 0 and not comma_in_quote:
                continue
            if not h.inverted and (
                (h.cue.i - h.subj[1] > 3 and toks[h.cue.i - 1].text != ",")
                or (toks[h.cue.i].low.endswith("ing") and h.cue.i - h.subj[1] > 1)
            ):
                continue  # "Minutes later, she sent an email saying": no closing "X said"
            # after the cue: no clause of its own
            after = h.subj[1] if h.inverted else h.cue.j
            k_addr, addr, addr_ent, is_relay = self.addressee_after(h)
            after = max(after, k_addr)
            if after < len(toks) and (
                toks[after].low == "that"
                # '..., said the man who built his career': a relative clause of the source
                or (
                    toks[after].low in _WH
                    and not (h.inverted and toks[after].low in {"who", "which"})
                )
                or toks[after].text == ":"
            ):
                continue
            if after < len(toks) and qidx[after] >= 0:
                continue
            if not h.inverted and _clause_follows(toks, after, qidx):
                continue  # "For his part, Bush tweeted Monday that C": the content follows
            if (
                after < len(toks)
                and not _ends_cue_clause(toks[after])
                and not (
                    h.inverted
                    and (
                        toks[after].low in {"who", "whose", "which"}
                        # '“...,” said a source close to the campaign.': the source goes on
                        or (
                            toks[after].low in {"close", "familiar", "to", "of", "with", "at", "in"}
                            and not any(
                                qidx[x] >= 0 or toks[x].low == "that"
                                for x in range(after, min(len(toks), after + 12))
                            )
                        )
                    )
                )
            ):
                continue  # "In a statement, X dismissed the claim": the cue has its own object
            # content: from the sentence start (or the previous claim) to the comma
            cut = toks[lo_tok - 1].end if comma_in_quote else toks[lo_tok - 1].start
            a, b = _strip_span(text, s, cut, trail=" \t\n")
            a = _after_taken(taken, a, b, text)
            words = text[a:b].split()
            if b - a < 8 or _overlaps(taken, a, b):
                continue
            framing_only = len(words) <= 5 and words[0].lower() in _PREPOSITIONS | {
                "by",
                "under",
                "for",
            }
            speaker, mention = self.make_speaker(h)
            if speaker is None:
                continue
            used_hits.add(hn)
            end_tok = len(toks)
            for x in range(after, len(toks)):
                if toks[x].text == "," and x + 1 < len(toks) and toks[x + 1].low in PARTICIPLES:
                    end_tok = x
                    break
            second: tuple[int, int] | None = None
            resume = after + 1
            if h.inverted and end_tok == len(toks):
                # "..., said Ann Lee, a professor at X": an appositive, unless a verb
                # resumes the sentence ("The result, said Ann Lee, was C"; also past an
                # appositive: "..., said Ann Lee, a professor, is that C")
                resume = _resumed_predicate(toks, after, qidx)
            if (
                end_tok == len(toks)
                and resume > after
                and after + 1 < len(toks)
                and toks[after].text == ","
                and qidx[after] < 0
                and toks[after + 1].low not in _FRAMING
                and not match_cue(toks, after + 1, beliefs=False)
            ):
                # "C1, he said, C2": the cue interrupts the content
                sa, sb = _strip_span(text, toks[resume].start, e)
                if len(text[sa:sb].split()) >= 3:
                    second = (sa, sb)
                    end_tok = resume
            if framing_only and second is None:
                # "On Twitter, she responded ... by saying, “...”": where, not what (but "In
                # a merger, he said, the brand would survive" is one content in two pieces)
                used_hits.discard(hn)
                continue
            info = self.tail_info(after, end_tok)
            rc = _new_claim(
                h, speaker, mention, toks, form=Form.INDIRECT, content=(a, b), para=para
            )
            if second is not None:
                rc.parts = [(a, b), second]
                rc.content = (a, second[1])
            _fragments(rc, quotes, text)
            _apply_info(rc, info, addr, addr_ent, is_relay)
            rc.clause = (toks[lo_tok].start, toks[end_tok - 1].end)
            claims.append(rc)
            taken.append((a, rc.content[1] if second else toks[end_tok - 1].end))

    def refuse(
        self,
        h: _Hit,
        speaker: EntityRec,
        mention: tuple[int, int, MentionKind] | None,
        start: int,
        end: int,
    ) -> None:
        """A refusal ("declined to comment"): the refused act is the content."""
        para = self.para
        toks = self.toks
        claims = self.claims
        taken = self.taken
        a, b = toks[h.cue.j - 1].start, toks[h.cue.j - 1].end
        rc = _new_claim(h, speaker, mention, toks, form=Form.INDIRECT, content=(a, b), para=para)
        rc.clause = (start, end)
        claims.append(rc)
        taken.append((start, end))

    def _cue_before(self) -> None:
        """4. Indirect claims, cue before the content."""
        ctx = self.ctx
        text = self.text
        s = self.s
        e = self.e
        quotes = self.quotes
        para = self.para
        quote_speaker = self.quote_speaker
        toks = self.toks
        qidx = self.qidx
        hits = self.hits
        claims = self.claims
        taken = self.taken
        used_hits = self.used_hits
        for hn, h in enumerate(hits):
            if hn in used_hits:
                continue
            cue_start = toks[h.cue.i].start
            if _inside(taken, cue_start):
                continue
            speaker, mention = self.make_speaker(h)
            if speaker is None:
                continue
            if h.cue.kind == "according":
                # "According to X, C"
                k = h.subj[1] if h.subj else h.cue.j
                info = self.tail_info(k, len(toks))
            else:
                info = {}
            k_addr, addr, addr_ent, is_relay = self.addressee_after(h)
            if h.cue.kind == "according":
                k_addr = max(h.subj[1], h.cue.j) if h.subj else h.cue.j
            start = self.content_start(k_addr)
            if start is not None and not toks[start].is_word and qidx[start] < 0:
                start = None
            if start is None:
                if (
                    quote_speaker is None
                    and h.cue.kind == "verb"
                    and not h.cue.belief
                    and toks[-1].text == ":"
                    and k_addr >= len(toks) - 1
                    and e >= ctx.para_end
                ):
                    ctx.lead = _new_claim(
                        h, speaker, mention, toks, form=Form.DIRECT, content=(e, e), para=para
                    )
                    _apply_info(ctx.lead, {}, addr, addr_ent, is_relay)
                if h.cue.kind == "refusal":
                    self.refuse(h, speaker, mention, cue_start, e)
                continue
            ktok = start
            first = toks[ktok]
            if (
                ktok > 0
                and toks[ktok - 1].text == ","
                and ktok - 1 == k_addr
                and (_adjunct_participle(first) or first.low in PARTICIPLES)
            ):
                if h.cue.kind == "refusal":  # "declined to comment, adding that ..."
                    self.refuse(h, speaker, mention, cue_start, toks[ktok - 1].start)
                continue  # "Trump asked, turning ...": no content of its own
            if (
                h.inverted
                and h.cue.kind == "verb"
                and qidx[ktok] < 0
                and _low_at(toks, ktok - 1) not in {"that", ":"}
            ):
                continue  # "said a source close to the campaign": no content after the source
            if h.cue.kind == "verb" and not _takes_clause(h.cue, toks, ktok, k_addr, qidx):
                continue
            if h.cue.belief and (quote_speaker is not None or h.inverted):
                continue
            a = first.start
            end_c, framing, end_tok = self.content_end(ktok)
            lo_tok = h.first
            if lo_tok > 0 and toks[lo_tok - 1].low in _SUBORDINATORS:
                # "When Trump said he would “protect our citizens,” the crowd applauded":
                # the subordinate clause ends at its comma
                for x in range(ktok + 1, min(end_tok, len(toks))):
                    if toks[x].text != ",":
                        continue
                    if qidx[x] < 0:
                        end_c = toks[x].start
                        break
                    if x + 1 < len(toks) and toks[x + 1].text in CLOSING_MARKS:
                        end_c = toks[x + 1].end
                        break
            if (
                first.low in {"this", "it"}
                and ktok + 1 < len(toks)
                and (toks[ktok + 1].low in _PREPOSITIONS or not toks[ktok + 1].is_word)
                and qidx[ktok + 1] < 0  # 'called it “shameful”' goes on
            ):
                end_c = first.end  # "announced this during a meeting": the content is "this"
            a, b = _strip_span(text, a, end_c)
            if b <= a:
                continue
            rc = _new_claim(
                h, speaker, mention, toks, form=Form.INDIRECT, content=(a, b), para=para
            )
            _fragments(rc, quotes, text)
            rc.framing = framing
            _apply_info(rc, info, addr, addr_ent, is_relay)
            rc.clause = (toks[lo_tok].start, a)
            if 1 < lo_tok <= 8 and toks[lo_tok - 1].text == ",":
                rc.clause = (s, a)  # "On December 23, Kremlin Aide Yury Ushakov said that"
            if h.cue.relay is not None:
                _relay_from(ctx, rc, toks, h.cue.relay)
            claims.append(rc)
            taken.append((a, b))

    def after_quote_before(self, x: int) -> int:
        """The first token of the stretch without quotes that ends at token ``x``."""
        qidx = self.qidx
        while x > 0 and qidx[x - 1] < 0:
            x -= 1
        return x

    def _chants(self) -> None:
        """4b. "their chants of “Ted! Ted!”", "to chants of “Marco!”": the chanted words are the
        chanters' (unnamed unless a possessive names them)."""
        quotes = self.quotes
        para = self.para
        toks = self.toks
        qidx = self.qidx
        firsts = self.firsts
        claims = self.claims
        taken = self.taken
        for qn, q in enumerate(quotes):
            a = firsts.get(qn, -1)
            if a < 2 or _inside(taken, q.start) or toks[a - 1].low != "of":
                continue
            if toks[a - 2].low not in {"chant", "chants"}:
                continue
            speaker, mention = None, None
            owner = a - 3
            while (
                owner > 0
                and toks[owner].low not in {"with", "in", "into", "to"}
                and (
                    toks[owner].low in {"a", "an", "the"}
                    or (toks[owner].is_word and not toks[owner].is_cap and a - owner < 6)
                )
            ):
                if toks[owner].low in {"their", "his", "her", "its"}:
                    break
                owner -= 1  # "responded with loud chants of": back to the preposition
            chant = CueMatch(a - 2, a, "chant", SpeechAct.STATEMENT, "verb")
            if owner >= 0 and toks[owner].low in {"their", "his", "her", "its"}:
                speaker, mention = self.make_speaker(_Hit(chant, (owner, owner + 1)))
            elif (
                owner > 0
                and toks[owner].low in {"with", "in"}
                # "the team was met with chants of": the chanters are others
                and not (owner > 1 and toks[owner - 2].low in _PASSIVE)
            ):
                # "Clinton supporters responded with chants of": the sentence's subject
                main = _main_subject(toks, 0, owner, qidx)
                if main is not None:
                    speaker, mention = self.make_speaker(_Hit(chant, main))
            rc = RawClaim.of_quote(
                q,
                para,
                speaker=speaker,
                mention=mention,
                cue=(toks[a - 2].start, toks[a - 1].end),
                lemma="chant",
                act=SpeechAct.STATEMENT,
            )
            claims.append(rc)
            taken.append((q.start, q.end))

    def _titles(self) -> None:
        """4c. "Mook released a memo titled “The Facts”": the title of a piece someone put out
        is that someone's words."""
        quotes = self.quotes
        para = self.para
        toks = self.toks
        qidx = self.qidx
        firsts = self.firsts
        claims = self.claims
        taken = self.taken
        for qn, q in enumerate(quotes):
            a = firsts.get(qn, -1)
            if a > 0 and toks[a - 1].text == ",":
                a -= 1
            if a < 3 or _inside(taken, q.start) or toks[a - 1].low not in {"titled", "entitled"}:
                continue
            verb = next(
                (
                    x
                    for x in range(a - 2, max(0, a - 16), -1)
                    if toks[x].low in _ISSUING_VERBS and qidx[x] < 0
                ),
                -1,
            )
            if verb < 1 or any(qidx[x] >= 0 for x in range(verb, a - 1)):
                continue
            main = subject_before(toks, verb, 0) or _main_subject(toks, 0, verb, qidx)
            if main is None:
                continue
            h = _Hit(CueMatch(verb, verb + 1, "issue", SpeechAct.STATEMENT, "verb"), main)
            speaker, mention = self.make_speaker(h)
            if speaker is None:
                continue
            rc = RawClaim.of_quote(
                q,
                para,
                speaker=speaker,
                mention=mention,
                cue=(toks[verb].start, toks[a - 1].end),
                lemma="issue",
                act=SpeechAct.STATEMENT,
            )
            claims.append(rc)
            taken.append((q.start, q.end))

    def _continuations(self) -> None:
        """5. Clausal quotes no cue claimed: continuation of the speaker before."""
        ctx = self.ctx
        text = self.text
        quotes = self.quotes
        para = self.para
        toks = self.toks
        qidx = self.qidx
        firsts = self.firsts
        clausal_set = self.clausal_set
        claims = self.claims
        taken = self.taken
        used_hits = self.used_hits
        quote_owner = self.quote_owner
        owned = {qn for qn in quote_owner if quote_owner[qn] in used_hits}
        base = list(taken)  # the claims so far; the quotes below do not overlap each other
        for qn, q in enumerate(quotes):
            if qn not in clausal_set or qn in owned or _inside(base, q.start):
                continue
            colon = firsts.get(qn, 0) - 1
            if colon >= 1 and toks[colon].text == ":" and qidx[colon] < 0:
                # "The headline reads: “...”", "She told the crowd again: “...”"
                k0 = self.after_quote_before(colon)
                for _ in range(3):
                    # "At the time, the Burlington Free Press wrote: “...”": past the opening
                    # phrase up to its comma
                    if not (k0 < colon and toks[k0].low in _LEADERS):
                        break
                    c = k0
                    while c < colon and toks[c].text != ",":
                        c += 1
                    if c >= colon - 1:
                        break
                    k0 = c + 1
                while k0 < colon and toks[k0].low in _LEADERS:
                    k0 += 1
                main = phrase_after(toks, k0, colon - 1) if k0 < colon - 1 else None
                cue_at = colon - 1
                if toks[colon - 1].is_cap and toks[colon - 1].is_word:
                    # "by The Post’s Philip Bump: “...”": the name is the source, the colon the cue
                    named = subject_before(toks, colon, k0, appositive=False)
                    x = colon - 1
                    while x > k0 and toks[x - 1].is_cap and toks[x - 1].is_word:
                        x -= 1
                    if _low_at(toks, x - 1) not in _ADDRESS_PREPS:
                        main = named
                    # (not "delivered a blunt message to Trump: “...”": the addressee)
                    cue_at = colon
                ph = classify(text, toks, main[0], main[1]) if main else None
                if main is not None and ph is not None and main[1] <= cue_at:
                    cue = CueMatch(
                        cue_at, cue_at + 1, toks[cue_at].low, SpeechAct.STATEMENT, "verb"
                    )
                    h = _Hit(cue, main)
                    speaker, mention = self.make_speaker(h)
                    if speaker is not None:
                        rc = _new_claim(
                            h,
                            speaker,
                            mention,
                            toks,
                            form=Form.DIRECT,
                            content=(q.start, q.end),
                            para=para,
                        )
                        rc.quotes = [(q.inner_start, q.inner_end)]
                        claims.append(rc)
                        continue
            lead = ctx.lead
            if lead is not None and (
                (lead.para == para - 1 and q.start == ctx.para_start)
                or (lead.para == para and q.start == lead.content[0])
            ):
                ctx.lead = None
                lead.content = (q.start, q.end)
                lead.quotes = [(q.inner_start, q.inner_end)]
                lead.para = para
                claims.append(lead)
                taken.append((q.start, q.end))
                continue
            before = claims[-1] if claims else (ctx.claims[-1] if ctx.claims else None)
            if before is not None and before.form is not Form.DIRECT and before.speaker is not None:
                # '“A,” she said, adding that C. “B.”': B goes on the quote, not the paraphrase
                two = (ctx.claims[-2:] + claims)[-2:]
                if (
                    len(two) == 2
                    and two[1] is before
                    and two[0].form is Form.DIRECT
                    and two[0].speaker is before.speaker
                    and two[0].para == before.para
                    and not any(
                        x in text[two[0].content[1] : before.content[0]] for x in (". ", "? ", "! ")
                    )
                ):
                    before = two[0]
            # (a quote is not given to someone merely named since the last claim: in news
            # prose the person named is more often the subject talked about)
            if before is None or before.speaker is None or para - before.para > 1:
                ctx.pending = (q, para)  # a later "Lee said." may still claim it
                continue
            assert before is not None
            assert before.speaker is not None
            if before.parent is None and before.continuation is False:
                unclosed = text[before.content[1] - 1] not in CLOSING_MARKS
                if before.form is not Form.DIRECT and (
                    claims
                    or not before.quotes
                    or para != before.para
                    or before.lemma in {"according to", "opinion"}
                ):
                    # a paraphrase with quoted words goes on in the quotes of the sentences
                    # after it; "According to X, ..." frames its own sentence only
                    pass
                elif para == before.para or (unclosed and para == before.para + 1):
                    # the same speaker's quote goes on: one attribution in several pieces
                    before.add_piece(q)
                    taken.append((q.start, q.end))
                    continue
            if (
                before.continuation
                and before.parent is None
                and (para == before.para or (para == before.para + 1 and q.start == ctx.para_start))
            ):
                # a run of cue-less quotes (a speech quoted paragraph after paragraph): one
                # attribution in several pieces, not one claim per paragraph
                before.add_piece(q)
                taken.append((q.start, q.end))
                continue
            if para != before.para and not (
                para == before.para + 1 and q.start == ctx.para_start and q.end >= ctx.para_end
            ):
                ctx.pending = (q, para)  # a later "Lee said." may still claim it
                continue  # a cue-less quote in a later paragraph, among other words: too often
                # someone else's; a paragraph that is only a quote goes on from the one before
            rc = RawClaim.of_quote(
                q,
                para,
                speaker=before.speaker,
                mention=before.mention,
                cue=None,
                lemma="",
                act=SpeechAct.STATEMENT,
            )
            rc.continuation = True
            claims.append(rc)
            taken.append((q.start, q.end))

    def _asked(self, asked: tuple[int, int, int, int, tuple[int, int] | None]) -> None:
        """The question put to the speaker ("Asked whether he would run, Lee said ...")."""
        text = self.text
        quotes = self.quotes
        para = self.para
        toks = self.toks
        claims = self.claims
        taken = self.taken
        # "Asked whether he would run, Lee said ...": the question put to the speaker,
        # by whoever asked it ("Asked by Thrush if ...") or by no one named
        ci, cj, k, end, asker = asked
        h = _Hit(CueMatch(ci, cj, "ask", SpeechAct.QUESTION, "verb"), asker)
        speaker, mention = self.make_speaker(h) if asker is not None else (None, None)
        if asker is None or speaker is not None:
            rc = _new_claim(
                h,
                speaker,
                mention,
                toks,
                form=Form.INDIRECT,
                content=(toks[k].start, end),
                para=para,
            )
            _fragments(rc, quotes, text)
            for other in claims:
                # the answer in the same sentence responds to that question
                if other.in_response_to is None and other.content[0] >= end:
                    other.in_response_to = (toks[k].start, end)
            claims.append(rc)
            taken.append((toks[ci].start, end))

    def _late(self) -> None:
        """A sentence that is only a source and a cue: the quote before it, or the one after."""
        ctx = self.ctx
        text = self.text
        s = self.s
        e = self.e
        quotes = self.quotes
        para = self.para
        toks = self.toks
        hits = self.hits
        claims = self.claims
        late = _late_cue(ctx, hits[0], toks, s, para=para, make_speaker=self.make_speaker)
        if late is not None:
            claims.append(late)
        elif not quotes and _words_follow(ctx, toks, hits[0], e):
            # "Sam Lau, the party's spokesman, said in a statement. “...”": the quote
            # right after the sentence is the words
            speaker, mention = self.make_speaker(hits[0])
            if speaker is not None:
                nq = skip_space(text, e, ctx.para_end)
                ctx.lead = _new_claim(
                    hits[0], speaker, mention, toks, form=Form.DIRECT, content=(nq, nq), para=para
                )

    def _finish(self) -> list[RawClaim]:
        """Relays, quote ends and nesting settled; the claims in text order."""
        ctx = self.ctx
        text = self.text
        toks = self.toks
        clausal_set = self.clausal_set
        hits = self.hits
        claims = self.claims
        relay_here = self.relay_here
        if claims or not clausal_set:
            ctx.pending = None
        for rc in claims:
            for rec, span in relay_here:
                if rec is not rc.speaker and all(r is not rec for r, _ in rc.relays):
                    rc.relays.append((rec, span))
        for rc in claims:
            if rc.form is not Form.DIRECT and rc.quotes and not rc.parts:
                _end_at_last_quote(rc, text)
        if any(h.rel >= 0 and toks[h.rel].low != "who" for h in hits):
            # "X said the world lost a voice that said “...”": a text's words inside
            # another claim are that claim's, not a claim of their own
            claims = [
                rc
                for rc in claims
                if not (
                    rc.mention is not None
                    and text[rc.mention[0] : rc.mention[1]].lower() in {"that", "which"}
                    and any(
                        o is not rc
                        and o.content[0] <= rc.content[0]
                        and rc.content[1] <= o.content[1]
                        for o in claims
                    )
                )
            ]
        claims.sort(key=lambda c: c.content[0])
        return claims


def read_sentence(
    ctx: Context,
    s: int,
    e: int,
    quotes: Sequence[Quote],
    para: int,
    *,
    quote_speaker: EntityRec | None = None,
    quote_people: list[EntityRec] | None = None,
    toks: list[Token] | None = None,
) -> list[RawClaim]:
    """The claims of the sentence ``text[s:e]``; ``quotes`` are the quotes inside it.

    With ``quote_speaker`` set, the sentence is inside that speaker's quote: only
    third-party speech is reported, as embedded claims.
    """
    if toks is None:
        toks = tokens(ctx.text, s, e)
    if not toks:
        return []
    lows = [t.low for t in toks]
    cue_words = CUE_STARTS.intersection(lows)
    if _prefilter_drops(toks, lows, cue_words, quotes):
        return []
    return _SentenceReader(
        ctx,
        s,
        e,
        quotes,
        para,
        quote_speaker=quote_speaker,
        quote_people=quote_people,
        toks=toks,
        lows=lows,
        cue_words=cue_words,
    ).read()


def _dash_credit(ctx: Context, toks: Sequence[Token], s: int, e: int, para: int) -> list[RawClaim]:
    """A paragraph that is only ``- Jane Roe.`` credits the quote that makes
    up the paragraph before it (the fact-check layout)."""
    text = ctx.text
    if s != ctx.para_start or text[e : ctx.para_end].strip():
        return []
    k = 1
    while k < len(toks) and toks[k].text in _DASHES:
        k += 1
    rng = phrase_after(toks, k)
    if rng is None or rng[0] != k:
        return []
    if rng[1] < len(toks) and toks[rng[1]].text not in {".", ",", "("}:
        return []
    ph = classify(text, toks, rng[0], rng[1])
    if ph is None or ph.kind not in {"person", "role", "org"}:
        return []
    cue = (toks[0].start, toks[k - 1].end)
    prev = ctx.claims[-1] if ctx.claims else None
    pending = ctx.pending
    if prev is not None and prev.continuation and prev.para == para - 1 and prev.parent is None:
        target = prev.content
    elif pending is not None and pending[1] == para - 1:
        target = (pending[0].start, pending[0].end)
    else:
        return []
    if text[target[1] : s].strip():
        return []
    rec = resolve(ctx, ph, ph.start)
    if rec is None:
        return []
    mention = (ph.start, ph.end, ph.mention_kind)
    if prev is not None and prev.content == target:
        prev.speaker, prev.mention, prev.continuation = rec, mention, False
        prev.cue, prev.lemma, prev.act = cue, "say", SpeechAct.STATEMENT
        return []
    assert pending is not None
    q = pending[0]
    ctx.pending = None
    return [
        RawClaim.of_quote(
            q, para, speaker=rec, mention=mention, cue=cue, lemma="say", act=SpeechAct.STATEMENT
        )
    ]


def _late_cue(
    ctx: Context,
    h: _Hit,
    toks: Sequence[Token],
    s: int,
    *,
    para: int,
    make_speaker: Callable[[_Hit], tuple[EntityRec | None, tuple[int, int, MentionKind] | None]],
) -> RawClaim | None:
    """``“... missing.” Trump said.``: a sentence that is only a source and a cue
    gives them to the cue-less quote just before it (a new claim when that quote
    had none)."""
    if h.subj is None or h.cue.kind != "verb":
        return None
    lo = min(h.subj[0], h.cue.i)
    hi = max(h.subj[1], h.cue.j)
    if lo != 0:
        return None
    if len(toks) - hi > 1 and not _time_tail(toks, hi):
        # "“...?” Trump told Britain’s ITV.": the one told, then nothing or a time tail
        # or anything but words of its own ("... in an interview aired on Monday when
        # asked how ...")
        rng = phrase_after(toks, hi) if h.cue.lemma in _TELL else None
        k = rng[1] if rng is not None else hi
        if k < len(toks) and (toks[k].low in _LATE_STOPS or toks[k].low in _WH):
            return None
    text = ctx.text
    pending = ctx.pending
    prev = ctx.claims[-1] if ctx.claims else None
    if prev is not None and prev.continuation and prev.para == para:
        if text[prev.content[1] : s].strip():
            return None
        speaker, mention = make_speaker(h)
        if speaker is None:
            return None
        prev.speaker, prev.mention, prev.continuation = speaker, mention, False
        prev.cue = (toks[h.cue.i].start, toks[h.cue.j - 1].end)
        prev.lemma, prev.act = h.cue.lemma, h.cue.act
        return None
    if pending is None or pending[1] != para or text[pending[0].end : s].strip():
        return None
    speaker, mention = make_speaker(h)
    if speaker is None:
        return None
    q = pending[0]
    cue = (toks[h.cue.i].start, toks[h.cue.j - 1].end)
    return RawClaim.of_quote(
        q, para, speaker=speaker, mention=mention, cue=cue, lemma=h.cue.lemma, act=h.cue.act
    )


# " and threatened ...", " and calling ...", " and he didn't ...": the subject's next
# predicate (one optional adverb; no nested quantifiers)
_AND_PREDICATE = re.compile(
    r" and (?:then |also |later |has |had )?(?:[a-z]+(?:ed|ing)|has|had|he|she|they)\b"
)


def _writers_comma(tail: str) -> int:
    """The first comma in ``tail`` where the writer's own words may start: not one
    inside a list ("black, Hispanic and Native American") nor before a second
    reported clause (", and that ...")."""
    i = tail.find(", ")
    while i >= 0:
        after = tail[i + 2 : i + 60].split(",", 1)[0].split()
        if after[:2] in (["and", "that"], ["but", "that"]):
            pass
        elif not (
            after and after[0] not in {"and", "or"} and any(w in {"and", "or"} for w in after[1:4])
        ):
            return i
        i = tail.find(", ", i + 2)
    return -1


_TAIL_BREAKS = (", ", " - ", " — ", " – ", " -- ", "; ", " as ", " until ", " when ")


def _end_at_last_quote(rc: RawClaim, text: str) -> None:
    """Cut a paraphrase with quoted words where the writer's own clause starts after
    its last quote: ``she’s “happy with the numbers” as she heads ...``."""
    a, b = rc.content
    qe = max(e for _, e in rc.quotes)
    if not a < qe < b:
        return
    while qe < b and text[qe] in CLOSING_MARKS:
        qe += 1
    tail = text[qe:b]
    if len(tail.split()) < 6:
        return
    cut = min((i for i in (tail.find(t) for t in _TAIL_BREAKS[1:]) if i >= 0), default=-1)
    comma = _writers_comma(tail)
    if comma >= 0 and (cut < 0 or comma < cut):
        cut = comma
    m = _AND_PREDICATE.search(tail)
    if m is not None and (cut < 0 or m.start() < cut):
        cut = m.start()  # '... “a terrible deal” and ranked Fiorina ...': a second predicate
    if cut < 0:
        return
    end = qe + cut
    while end > a and text[end - 1] in " ,":
        end -= 1
    rc.content = (a, end)


_NOT_VERBS = _words(
    """and but or that who which whom whose when while as if because than of to for at in
    on by with from about into over after before during under"""
)


def _relative_subject(
    toks: Sequence[Token], k: int, lo: int, qidx: list[int]
) -> tuple[int, int] | None:
    """``an official who spoke anonymously said``: the noun phrase before a relative
    "who" (no comma) whose clause runs up to the verb at token ``k``."""
    x = k - 1
    while x > lo and k - x < 20:
        t = toks[x]
        if qidx[x] >= 0 or t.text in {",", ";", ":", "—", "–"} or t.low == "that":
            return None
        if t.low == "who":
            at = x - 1 if toks[x - 1].text == "," else x  # "Packer, who is chair of X said"
            if at - 1 <= lo or not toks[at - 1].is_word:
                return None
            np = subject_before(toks, at, lo, appositive=False)
            if np is None or not (np[0] == lo or toks[np[0] - 1].text in {",", ";", "—"}):
                return None
            return np
        x -= 1
    return None


def _words_follow(ctx: Context, toks: Sequence[Token], h: _Hit, e: int) -> bool:
    """Whether the sentence ending at ``e`` is only a source, a speech verb and a short
    tail (``X said in a statement.``) and a quote opens right after it."""
    if (
        h.cue.kind != "verb"
        or h.cue.belief
        or h.inverted
        or h.subj is None
        or h.subj[1] > h.cue.i
        or toks[-1].text != "."
        or len(toks) - h.cue.j > 6
    ):
        return False
    tail = toks[h.cue.j : len(toks) - 1]
    if tail and tail[0].low not in _GAP_PREPS and tail[0].low not in _TIME_WORDS:
        return False
    if any(t.low in _WH or t.low == "that" or not t.is_word for t in tail):
        return False
    back = max(ctx.para_start, toks[0].start - 400)  # bounded: linear in the paragraph
    if any(ch in '"“”' for ch in ctx.text[back : toks[0].start]):
        return False  # '“...?” Trump asked. “...”': the quote goes on from the one before
    nq = skip_space(ctx.text, e, ctx.para_end)
    return nq < ctx.para_end and ctx.text[nq] in '"“'


# verbs whose object is a piece of writing or a broadcast with a title
_ISSUING_VERBS = _words(
    """released releases published publishes launched launches issued issues posted posts
    sent sends aired airs unveiled unveils wrote writes penned pens produced produces
    responded responds"""
)


def _and_before(toks: Sequence[Token], k: int) -> int:
    """The ``and``/``but`` joining the verb at ``k`` to the subject's predicate before
    it, one adverb allowed between (``and later said``), or -1."""
    j = k - 1
    if j > 1 and toks[j].low in _THEN_WORDS:
        j -= 1
    return j if j > 0 and toks[j].low in {"and", "but"} else -1


def _relative_text(toks: Sequence[Token], m: CueMatch, lo: int, qidx: Sequence[int]) -> int:
    """The token of a relative ``that``/``which`` right before a ``read``/``say`` cue
    whose words are the quote right after it (``T-shirts that said “We won.”``,
    ``the sign — which read “...”``), or -1."""
    if (
        m.lemma not in {"read", "say"}
        or m.i - 1 <= lo
        or toks[m.i - 1].low not in {"that", "which"}
    ):
        return -1
    k = m.j
    if k < len(toks) and toks[k].text == ",":
        k += 1  # not ':' ("She retweeted a message that read: “...”": hers)
    if k >= len(toks) or qidx[k] < 0 or toks[k].text not in '"“':
        return -1
    return m.i - 1


def _source_familiar_with(
    toks: Sequence[Token], k: int, lo: int, qidx: list[int]
) -> tuple[int, int] | None:
    """``a source familiar with Cruz’s thinking said``, ``a person close to the
    campaign says``: the noun phrase before its ``familiar with`` / ``close to``."""
    for x in range(k - 1, max(lo, k - 10), -1):
        if qidx[x] >= 0 or toks[x].text in {",", ".", ";", ":"}:
            return None
        low = toks[x].low
        if (low == "familiar" and _low_at(toks, x + 1) == "with") or (
            low == "close" and _low_at(toks, x + 1) == "to"
        ):
            rng = subject_before(toks, x, lo, appositive=False)
            return (rng[0], k) if rng is not None else None
    return None


def _title_cased(toks: Sequence[Token]) -> bool:
    """Whether a line is written in title case: five words or more, nearly all of
    them capitalised but for small ones ("Jo Doe Asked Voters To “Think Again.”")."""
    words = [t for t in toks if t.is_word and t.low not in _TITLE_SMALL]
    return len(words) >= 5 and sum(t.is_cap for t in words) >= 0.9 * len(words)


def _tighter_cue(text: str, toks: Sequence[Token], hits: list[_Hit], hn: int, at: int) -> int:
    """The hit after ``hits[hn]`` whose cue clause ends right before the quote at
    ``at`` (only a comma or a colon between), else ``hn``."""
    for n in range(hn + 1, len(hits)):
        h = hits[n]
        if h.shared or h.cue.kind == "refusal" or h.inverted or toks[h.cue.i].low.endswith("ing"):
            continue  # (a participle's subject is too often the object before it)
        end = max(h.cue.j, h.subj[1] if h.subj else h.cue.j)
        if end > len(toks) or toks[end - 1].end > at:
            continue
        if text[toks[end - 1].end : at].strip() in {"", ":", ","}:
            return n
    return hn


def _quote_goes_on(toks: Sequence[Token], k: int, qidx: list[int]) -> bool:
    """Whether quoted words follow token ``k`` within a few words, with no cue or
    subject of its own before them (``but that he “did everything we could do.”``)."""
    for x in range(k, min(len(toks), k + 6)):
        if qidx[x] >= 0:
            return True
        if not toks[x].is_word or toks[x].is_cap or toks[x].low in CUE_STARTS:
            return False
    return False


# prepositions before an addressee or a topic, not a source: "a message to Trump:"
_ADDRESS_PREPS = _words("""to for with at about on against toward towards""")

# one-word openers with no phrase after them ("Then he ...", "Later she ...")
_ADVERB_LEADERS = _words(
    """then now later earlier also meanwhile still yet so instead moreover besides
    afterward afterwards separately additionally similarly likewise and but"""
)

_LATE_SUBORDINATORS = _words("""as when while though although because since once whereas""")


def _late_clause_subject(
    toks: Sequence[Token], k: int, qidx: Sequence[int]
) -> tuple[int, int] | None:
    """The subject of a subordinate clause that ends at the comma before the
    participle at token ``k`` ("..., as a guard walks in, saying", "..., though
    last week he used stronger language, saying"), or ``None``."""
    if k < 2 or toks[k - 1].text != ",":
        return None
    s = k - 2
    while s >= 0 and k - s < 25:
        if qidx[s] >= 0 or toks[s].text in {",", ";", ":"}:
            return None
        if toks[s].low in _LATE_SUBORDINATORS:
            break
        s -= 1
    else:
        return None
    for x in range(s + 1, min(k - 2, s + 10)):
        t = toks[x]
        if (
            t.low in {"he", "she", "they", "we", "i"}
            and toks[x + 1].is_word
            and not toks[x + 1].is_cap
        ):
            return (x, x + 1)
    rng = phrase_after(toks, s + 1, k - 1)
    if (
        rng is not None
        and rng[1] < k - 2
        and toks[rng[1]].is_word
        and not toks[rng[1]].is_cap
        and toks[rng[1]].low.endswith(("s", "ed"))  # a finite verb: "walks", "turned"
        and toks[rng[1]].low not in _NOT_VERBS
    ):
        return rng
    return None


# what can stand before a main clause's subject pronoun (", he laughed and said"); not
# a subordinator ("after he clinched it and said" goes on the main clause's subject)
_PRONOUN_CLAUSE_OPENERS = _words(""", and but so then""")


def _clause_pronoun_before(
    toks: Sequence[Token], k: int, lo: int, qidx: Sequence[int]
) -> tuple[int, int] | None:
    """The subject pronoun of the main clause that ends at the "and" at token ``k``
    ("..., he laughed and said"), when it opens its clause (not "said he would win
    and said", not "after he clinched it and said"), else ``None``."""
    x = k - 1
    while x > lo and k - x <= 12:
        t = toks[x - 1]
        if qidx[x - 1] >= 0 or t.text in {";", ":"}:
            return None
        if (
            t.low in {"he", "she", "they", "we", "i"}
            and toks[x].is_word
            and not toks[x].is_cap
            and (x - 1 == lo or toks[x - 2].low in _PRONOUN_CLAUSE_OPENERS)
        ):
            return (x - 1, x)
        if t.text == ",":
            return None
        x -= 1
    return None


_ASKED_OPENERS = _words("""whether if about what why how who when where which""")


def _asked_clause(
    toks: Sequence[Token], qidx: Sequence[int]
) -> tuple[int, int, int, int, tuple[int, int] | None] | None:
    """A sentence opening with the question put to its subject: "Asked whether C,",
    "When asked about C,", "Asked by X if C,". ``(cue start, cue end, content start
    token, content end offset, the asker's token range or None)``, else ``None``."""
    n = len(toks)
    ci = 1 if n > 2 and toks[0].low in {"when", "after", "once"} else 0
    if ci == 1 and toks[1].low == "being":
        ci = 2
    if ci + 2 >= n or toks[ci].low != "asked" or (ci == 0 and not toks[0].is_cap):
        return None
    k = ci + 1
    asker = None
    if toks[k].low == "by":
        rng = phrase_after(toks, k + 1, min(n, k + 9))
        if rng is None:
            return None
        asker, k = rng, rng[1]
    if k >= n or toks[k].low not in _ASKED_OPENERS or qidx[k] >= 0:
        return None
    x = k + 1
    while x < n and x - k <= 40:
        if toks[x].text == "," and qidx[x] < 0:
            break
        if toks[x].text == "," and x + 1 < n and toks[x + 1].text in CLOSING_MARKS:
            x += 1  # 'Asked if Clinton “gets it,” Sharpton ...': the comma inside
            break
        if toks[x].text in {".", ";", "?", "!"} and qidx[x] < 0:
            return None
        x += 1
    if x >= n or x - k > 40 or x == k + 1:
        return None
    end = toks[x].end if toks[x].text in CLOSING_MARKS else toks[x].start
    return ci, ci + 1, k, end, asker


def _after_a_quote(h: _Hit, toks: Sequence[Token], qidx: Sequence[int]) -> bool:
    """Whether a cue clause comes right after a closing quote ("“C,” Ann said",
    "“C,” said Ann")."""
    lo = h.first
    return lo > 0 and qidx[lo - 1] >= 0 and toks[lo - 1].text in CLOSING_MARKS


def _resumed_predicate(toks: Sequence[Token], after: int, qidx: Sequence[int]) -> int:
    """Where the sentence resumes after an inverted cue's source ("The result,
    said Ann Lee, was C" resumes at "was"; past an appositive too: "..., said Ann
    Lee, a professor, is that C"), or ``after`` when it does not: the token after a
    comma is an auxiliary or copula, at most 12 tokens on, with no quote between."""
    k = after
    for _ in range(2):
        if k + 1 >= len(toks) or toks[k].text != "," or qidx[k] >= 0:
            return after
        if toks[k + 1].low in _AUX or toks[k + 1].low in {"are", "were", "have"}:
            return k + 1
        stop = min(len(toks), k + 13)
        k += 1
        while k < stop and toks[k].text != "," and qidx[k] < 0:
            k += 1
        if k >= stop:
            return after
    return after


def _clause_follows(toks: Sequence[Token], k: int, qidx: list[int]) -> bool:
    """Whether a ``that`` clause or a quote comes within a few words from token ``k``
    (``tweeted Monday that``, ``said on Twitter that``), before any comma."""
    for x in range(k, min(len(toks), k + 8)):
        if qidx[x] >= 0 or toks[x].low == "that":
            return True
        if toks[x].text in {",", ".", ";", ":", "—", "–", "?", "!"}:
            return False
    return False


def _adjunct_participle(tok: Token) -> bool:
    """A lower-case ``-ing`` word opening a clause of the writer's own after a comma."""
    low = tok.low
    return (
        tok.is_word
        and not tok.is_cap
        and low.endswith("ing")
        and len(low) > 5
        and low not in {"including", "according", "regarding", "concerning", "nothing"}
    )


def _time_tail(toks: Sequence[Token], k: int) -> bool:
    """Whether the sentence after token ``k`` only says when or where: ``last week.``,
    ``on Tuesday in Iowa.`` (no clause, no quote of its own)."""
    n = len(toks) - 1 if toks and toks[-1].text in {".", "!", "?"} else len(toks)
    if n - k > 20:
        return False
    first = toks[k].low
    if first == ",":
        k += 1
        first = _low_at(toks, k)
        if k < len(toks) and (_adjunct_participle(toks[k]) or first in PARTICIPLES):
            return True  # "Trump asked, turning the question into ...": the writer's clause
    if first not in _PREPOSITIONS and first not in _TIME_WORDS and first not in _TAIL_OPENERS:
        return False
    return all(
        (t.is_word or t.text == ",") and t.low not in {"that", "he", "she", "they", ":"}
        for t in toks[k:n]
    )


_TAIL_OPENERS = frozenset({"last", "this", "of"})
# subject pronouns that open a reported clause after the cue's adverbial
_CONTENT_PRONOUNS = _words("""he she they we i""")
# words after a late cue that start content of its own ("Trump said that ...")
_LATE_STOPS = _words("""that : he she they it i we""")


def _low_at(toks: Sequence[Token], k: int) -> str:
    return toks[k].low if 0 <= k < len(toks) else ""


_PREPOSITIONS = _words("""at in on during after before from with to about over""")
_TIME_WORDS = _words(
    """yesterday today tomorrow tonight morning afternoon evening night week month year
    weekend monday tuesday wednesday thursday friday saturday sunday recently earlier
    later now"""
)
_MONTHS = _words(
    """january february march april may june july august september october november
    december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. jan feb mar
    apr jun jul aug sep sept oct nov dec"""
)


_LEADERS = _words(
    """in on at during after before since when while as although though because if for
    with without from by under over despite amid following speaking asked meanwhile
    however but and yet so still then now later earlier also likewise similarly shortly
    separately additionally afterward afterwards instead moreover besides outside inside
    alongside here there"""
)
_CONNECT = _words("""and but so yet however meanwhile also then now still""")
# the last word of an opening time phrase ("Hours later,", "Eight years ago,")
_TIME_INTRO_ENDS = _words("""later ago earlier afterward afterwards""")


_MAX_CUES = 8
_SUBORDINATORS = _words(
    """when after before while as because if although though since once until whenever"""
)
# verbs whose "as" opens a clause of time or manner, never what was said ("described
# him as", "declared it as" do take their object so)
_NO_AS_OBJECT = _words(
    """say tell add note write tweet ask explain remark comment joke quip reply respond
    know email warn insist"""
)
# words that open a clause's subject: "..., according to X, the speech is ..."
_CLAUSE_SUBJECTS = _words(
    """the a an this that these those his her its their our my it he she they we i
    there some most many no one two three"""
)
_GAP_PREPS = _words("""in on at during before after to while""")
_SHOW_KINDS = _words("""reality television tv talk radio game cooking comedy news cable""")
_SUBJECT_WORDS = _words(
    """he she they it we i who which that also then later has had have repeatedly once"""
)
_NOUN_FORMS = _words(
    """attack attacks claim claims call calls report reports comment comments note notes
    promise promises warning warnings vow vows pledge pledges demand demands question
    questions answer answers reply replies response statement statements charge charges
    concern concerns estimate estimates forecast forecasts praise criticism chant chants
    retort retorts tweet tweets post posts"""
)
_THEN_WORDS = _words("""then later also again even still subsequently""")
_VERB_NEXT = _words("""to the a an his her their its these those our my your him them us me""")
_NOUN_DETS = _words("""the a an his her their its this that these those our my your""")
_TAIL_WORDS = _words(
    """in on at during last this yesterday today tonight recently earlier later when as
    after before while on in to of with by from about for via over through afterwards
    again too also then repeatedly"""
)


def _ends_cue_clause(tok: Token) -> bool:
    """Whether ``tok``, right after a closing cue ("C, X said ..."), can follow it:
    punctuation, a preposition or time word, or a participle ("adding")."""
    if not tok.is_word:
        return True
    low = tok.low
    return low in _TAIL_WORDS or low in _TIME_WORDS or low in PARTICIPLES


_OPENER_PREPS = _words(
    """at in on before after to with from for during about outside inside alongside near
    under over through via behind into"""
)


def _participle_opener(toks: Sequence[Token], k: int, hi: int) -> bool:
    """Whether the sentence part at ``k`` opens with a participle phrase up to a comma
    ("Appearing before reporters at the party office, Suu Kyi said ...")."""
    if not (k + 1 < hi and toks[k].is_cap and toks[k].low.endswith("ing") and len(toks[k].low) > 5):
        return False
    if toks[k + 1].low not in _OPENER_PREPS:
        return False
    return any(t.text == "," for t in toks[k + 2 : min(hi, k + 20)])


def _main_subject(
    toks: Sequence[Token], lo: int, hi: int, qidx: list[int]
) -> tuple[int, int] | None:
    """The subject at the head of the sentence part ``[lo, hi)``, after any
    introductory phrase that ends with a comma ("In an interview, Trump ...")."""
    k = lo
    while (
        k + 1 < hi
        and toks[k].low in _ADVERB_LEADERS
        and (toks[k + 1].low in {"he", "she", "they", "we", "i", "it"} or toks[k + 1].is_cap)
    ):
        k += 1  # "Then he cut into Bush, calling ...": an adverb, not a phrase to its comma
    if (k < hi and toks[k].low in _LEADERS) or _participle_opener(toks, k, hi):
        # "On Thursday, after remaining neutral ..., Warren appeared ...": each
        # introductory phrase up to its comma
        for _ in range(3):
            while k < hi and toks[k].text != ",":
                k += 1
            k += 1
            if not (k < hi and toks[k].low in _LEADERS and toks[k].low not in _CONNECT):
                break
    else:
        c = k
        while c < min(hi, k + 5) and toks[c].is_word:
            c += 1
        if c > k + 1 and c < hi and toks[c].text == "," and toks[c - 1].low in _TIME_INTRO_ENDS:
            k = c + 1  # "Hours later, Trump returned the compliment, telling ..."
        elif (
            c == k + 1
            and c < hi
            and toks[c].text == ","
            and len(toks[k].low) >= 7
            and toks[k].low.endswith(("ally", "ily", "ely", "tly", "ously", "ively", "ably"))
        ):
            k = c + 1  # "Hastily, Trump cast the blame ..., and emphasized ...": an adverb
    while k < hi and toks[k].low in _LEADERS:
        k += 1
    if k >= hi or qidx[k] >= 0:
        return None
    rng = phrase_after(toks, k, hi)
    if (
        rng is not None
        and rng[1] - rng[0] >= 2
        and rng[1] < len(toks)
        and toks[rng[1] - 1].low.endswith("ed")
        and not toks[rng[1] - 1].is_cap
        and toks[rng[1]].low in {"a", "an", "the", "his", "her", "its", "their", "our", "this"}
    ):
        # "The town released a statement": the verb and its object, not a phrase
        # like "a survey released Wednesday"
        rng = (rng[0], rng[1] - 1)
    if rng is None or rng[1] >= hi:
        return None
    nxt = toks[rng[1]]
    if (
        nxt.text == ","
        and k - 2 >= lo
        and toks[k - 1].text == ","
        and toks[k - 2].is_cap
        and rng[1] + 1 < hi
        and toks[rng[1] + 1].is_cap
    ):
        # "Speaking in Salem, New Hampshire, Trump went ...": the state of a place
        state = phrase_after(toks, rng[1] + 1, hi)
        if state is not None and state[1] < hi:
            after = toks[state[1]]
            if after.is_word and not after.is_cap:
                return state
    if nxt.text == "," or (nxt.is_word and not nxt.is_cap):
        return rng  # "Trump went ...", "Huma Abedin, vice chairwoman ..., emailed"
    return None


_CLAUSE_VERBS = _words(
    """say tell add think believe feel hope fear argue claim insist warn suggest predict
    assure announce explain note stress write acknowledge admit know worry doubt expect
    reckon recall emphasize confirm deny agree concede estimate complain reply respond
    answer indicate contend maintain state promise vow pledge declare reiterate allege
    assert tweet report conclude"""
)
# verbs whose object is what was said even without a clause ("accused him of lying")
_OBJECT_VERBS = _words(
    """accuse blame criticize criticise slam blast praise deny reject dismiss announce
    predict promise pledge vow demand urge confirm acknowledge admit praise attack cite
    propose reveal defend recommend ask describe express underscore underline emphasize
    emphasise highlight stress reaffirm reiterate"""
)


_PAST_IRREGULAR = _words(
    """made took gave got came went felt seemed kept left meant put set saw knew thought
    brought held stood ran won lost paid sent"""
)


def _finite_verb(low: str) -> bool:
    """Whether a word after a subject "it" reads as its verb: an auxiliary (``is``,
    ``wasn't``), a past tense (``showed``, ``made``)."""
    if low in _AUX or low in _PAST_IRREGULAR:
        return True
    if low.endswith(("n't", "n’t")):
        return low[:-3] in _AUX or low[:-3] in {"does", "did", "is", "was", "could", "would"}
    return low.endswith("ed") and len(low) > 4


def _takes_clause(
    cue: CueMatch, toks: Sequence[Token], k: int, k_addr: int, qidx: list[int]
) -> bool:
    """Whether what follows a verb cue at token k reads as reported content."""
    del k_addr
    w = toks[k].low
    prev = toks[k - 1].low if k > 0 else ""
    if prev in {"that", ":"} or w in _WH or qidx[k] >= 0:
        return True
    if cue.lemma in _OBJECT_VERBS and toks[k].is_word and w not in {"to", "it", "so"}:
        return True
    if cue.lemma.startswith("call"):
        return toks[k].is_word
    if cue.lemma == "commit":
        return w == "to"
    if cue.lemma in {"show", "find"}:
        return prev == "that" or w == "that"
    if w in {"as", "while"} and cue.lemma in _NO_AS_OBJECT and prev not in {",", "—", "–"}:
        return False  # "Sessions said as he launched the vote": when, not what
    if w == "it" and k + 1 < len(toks) and _finite_verb(toks[k + 1].low):
        return True  # "believes it is possible", "said it made no difference"
    if cue.belief and w == "free":
        return False  # "should feel free to “vote your conscience”": an idiom, no belief
    if (
        not cue.belief
        and toks[k].is_word
        # "added Latin hits including “...”", "offered to work for my “campaign”":
        # things added or offered, not words
        and cue.lemma not in {"show", "find", "commit", "add"}
        and not (cue.lemma == "offer" and w == "to")
        and w not in {"in", "on", "at", "during", "after", "before", "from", "with", "over"}
    ):
        # "vowed to “bomb the hell” out of ...", "decried the GOP for “turning its back”":
        # quoted words soon after the verb are what was said
        for x in range(k, min(len(toks), k + 10)):
            if qidx[x] >= 0:
                return True
            if toks[x].text in {".", ";", ":", "?", "!"}:
                break
    if w in {"to", "for", "with", "by", "about", "of", "up", "in", "on", "at", "it", "so", "."}:
        return False
    if cue.lemma in _CLAUSE_VERBS:
        if cue.lemma in {"expect", "promise", "vow", "pledge", "agree"} and w == "to":
            return False
        return toks[k].is_word
    return False


def _new_claim(
    h: _Hit,
    speaker: EntityRec | None,
    mention: tuple[int, int, MentionKind] | None,
    toks: Sequence[Token],
    *,
    form: Form,
    content: tuple[int, int],
    para: int,
) -> RawClaim:
    cue_span = (toks[h.cue.i].start, toks[h.cue.j - 1].end)
    parts: list[tuple[int, int]] = []
    if h.cue.kind == "quoted" and h.cue.relay is not None:
        # "was quoted by TASS as saying": one cue in two pieces around the relay
        pass
    return RawClaim(
        speaker=speaker,
        mention=mention,
        cue=cue_span,
        cue_parts=parts,
        lemma=h.cue.lemma,
        act=h.cue.act,
        form=form,
        content=content,
        para=para,
        belief=h.cue.belief,
    )


def _apply_info(
    rc: RawClaim,
    info: dict[str, object],
    addr: tuple[int, int] | None,
    addr_ent: EntityRec | None,
    is_relay: bool,
) -> None:
    resp = info.get("response")
    if isinstance(resp, tuple):
        rc.in_response_to = resp
        if rc.lemma in _NEUTRAL:
            rc.act = SpeechAct.ANSWER
    relays = info.get("relays")
    if isinstance(relays, list):
        for ent, span in relays:
            if ent is not rc.speaker:
                rc.relays.append((ent, span))
    fr = info.get("framing")
    if isinstance(fr, tuple):
        rc.framing.append(fr)
    if addr is not None:
        rc.addressee = addr
        rc.addressee_entity = addr_ent
        if is_relay and addr_ent is not None and addr_ent is not rc.speaker:
            rc.relays.append((addr_ent, addr))


def _relay_from(ctx: Context, rc: RawClaim, toks: Sequence[Token], rng: tuple[int, int]) -> None:
    ph = classify(ctx.text, toks, rng[0], rng[1])
    if ph is None:
        return
    if ph.kind == "person":
        rec = ctx.registry.person(ph.name, ph.role, ph.start)
    elif ph.kind == "org":
        rec = ctx.registry.org(ph.name, ph.org_kind, ph.start)
    else:
        return
    rc.relays.append((rec, (ph.start, ph.end)))


def _fragments(rc: RawClaim, quotes: Sequence[Quote], text: str) -> None:
    a, b = rc.content
    for q in quotes:
        if q.start >= a and q.start < b:
            rc.quotes.append((q.inner_start, min(q.inner_end, b)))
    if rc.quotes:
        rc.form = Form.MIXED
        if len(rc.quotes) == 1:
            qa, qb = rc.quotes[0]
            if qa - 1 <= a and qb + 2 >= b and text[a : a + 1] in '"“„«':
                rc.form = Form.DIRECT


def _overlaps(taken: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(x < b and a < y for x, y in taken)


def _inside(taken: list[tuple[int, int]], pos: int) -> bool:
    return any(x <= pos < y for x, y in taken)


def _after_taken(taken: list[tuple[int, int]], a: int, b: int, text: str) -> int:
    for x, y in taken:
        if x <= a < y <= b:
            a = y
    return _strip_span(text, a, b)[0]
