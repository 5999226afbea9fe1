"""Reader of Q&A briefing transcripts.

:func:`parse_transcript` reads a transcript (White House, State Department, foreign
ministry and Kremlin conventions, and others like them) into a
:class:`~briefings.model.Briefing` with its turns: who spoke under which label, as
question, answer, statement or moderation, which question each answer answers, the
outlet a questioner is labelled with, stage directions, the header and footer, and
the claims in the briefers' turns (refusals apart).

The reader is total (any ``str`` gives a :class:`Briefing`) and linear in the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

import attrs

from briefings.model import (
    Briefing,
    BriefingKind,
    Claim,
    Document,
    Form,
    Mention,
    MentionKind,
    Span,
    SpeechAct,
    Turn,
    TurnKind,
)
from briefings.text._transcript_claims import claim_spans, sentences
from briefings.text._transcript_header import (
    clean,
    find_date,
    find_time,
    is_date_line,
    is_footer,
    is_name_role_line,
    is_place_line,
    is_rule_line,
    is_time_line,
    split_wide,
    stage_directions,
    unescape_yaml,
)
from briefings.text._transcript_labels import HONORIFICS, LabelHit, Side, outlet, side_of
from briefings.text._transcript_layout import (
    FrontMatter,
    Line,
    find_labels,
    ltrim,
    paragraphs,
    read_front_matter,
    rtrim,
    split_lines,
)
from briefings.text._transcript_participants import Cast, name_role_line, people_in_title
from briefings.text._transcript_reported import reported_claims, worth_reading

__all__ = ["looks_like_transcript", "parse_transcript"]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_TAIL_PARAGRAPHS = 12  # how far back from the end a footer is looked for
_LONG = 200  # a header segment longer than this is prose


@attrs.frozen
class Layout:
    """What both :func:`looks_like_transcript` and :func:`parse_transcript` read
    first: the lines, the front matter and the speaker labels after it."""

    lines: list[Line]
    front_matter: FrontMatter
    hits: list[LabelHit]


def layout_of(text: str) -> Layout:
    """The :class:`Layout` of ``text`` (one pass; shared by ``parse``'s decision
    and the transcript reader, so that ``parse`` does not find the labels twice)."""
    lines = split_lines(text)
    fm = read_front_matter(text, lines)
    return Layout(lines, fm, find_labels(text, lines, fm.end, len(text)))


def looks_like_transcript(text: str) -> bool:
    """Whether ``text`` reads as a transcript (speaker labels) rather than a report.

    It does when at least three lines open with a speaker label, or two do and
    they belong to different speakers. Labels that name a role (``MS. PSAKI``, ``Q``,
    ``QUESTION``, ``MODERATOR``) always count; a bare name or outlet (``Reuters:``)
    only when it recurs, as a briefer's name does.
    """
    return laid_out_as_transcript(layout_of(text))


def laid_out_as_transcript(layout: Layout) -> bool:
    """:func:`looks_like_transcript` from the text's :class:`Layout`."""
    counts: dict[str, int] = {}
    for h in layout.hits:
        counts[h.key] = counts.get(h.key, 0) + 1
    # a label that says who speaks counts; a bare name or outlet only when it recurs
    score = sum(n for k, n in counts.items() if n >= 2 or side_of(k) is not Side.UNKNOWN)
    keys = [k for k, n in counts.items() if n >= 2 or side_of(k) is not Side.UNKNOWN]
    return score >= 3 or (score == 2 and len(keys) == 2)


# --------------------------------------------------------------------------- kinds


def _low(s: str) -> str:
    return clean(s).lower().replace("’", "'")


def _low_within(s: str, limit: int) -> str | None:
    """``_low(s)`` when it has at most ``limit`` characters, else None.

    A long turn is not cleaned whole to learn that it is long: the cleaned, lower-
    cased start of ``s`` is the start of ``_low(s)`` (lower-casing never shortens a
    character), so when it is already too long, so is the whole.
    """
    if len(s) > 2 * limit and len(_low(s[: 2 * limit])) > limit:
        return None
    low = _low(s)
    return low if len(low) <= limit else None


def _channel_check(s: str) -> bool:
    low = _low_within(s, 150)
    return low is not None and any(
        p in low for p in ("hear me", "hear us", "hear you", "you there?", "are you there")
    )


_COURTESY = _wordset(
    """thank thanks you yes yeah yep no nope okay ok all right hi hello good afternoon
    morning evening sure great got it ma'am sir so much very everybody everyone bye
    appreciate and happy sounds understood fine correct right exactly indeed well oh
    cheers welcome that's thats guys folks all much again"""
)


def _courtesy(s: str) -> bool:
    """Whether a press turn is only thanks, greetings or assent ("Thanks, Ned.")."""
    low = _low_within(s, 60)
    if low is None or "?" in low:
        return False
    words = [w.strip('.,!;:-–—()"“”') for w in clean(s).replace("’", "'").split()]
    words = [w for w in words if w]
    if not words:
        return False
    if clean(s).endswith(("-", "—", "–")):
        return False  # an interrupted question ("Thank you. On China —")
    names = 0
    for w in words:
        if w.lower() in _COURTESY:
            continue
        if not w[:1].isupper() or w == "I":
            return False
        if w.upper().rstrip(".") not in HONORIFICS:
            names += 1  # a name in the vocative ("Thanks, Ned.", "Thank you, Mr. President.")
    return names <= 1 and any(w.lower() in _COURTESY for w in words)


_PROCEDURAL = (
    "any questions",
    "go ahead",
    "next question",
    "last question",
    "thank you",
    "thanks",
    "good afternoon",
    "good morning",
    "good evening",
    "hello",
    "hi,",
    "hi everyone",
    "all right",
    "let's go to",
    "let's start",
    "we'll take",
    "take questions",
    "take your questions",
    "okay",
    "first question",
    "final question",
    "goes to",
    "operator",
    "the floor",
)


def _procedural(s: str) -> bool:
    """Whether an official's turn only runs the room: every sentence is a greeting,
    thanks or a hand-over ("All right, thank you.  Any questions?")."""
    if len(s) > 160:
        return False
    for a, b in sentences(s, 0, len(s)):
        low = _low(s[a:b])
        if len(low) > 25 and not any(p in low for p in _PROCEDURAL):
            return False
    return any(p in _low(s) for p in _PROCEDURAL)


# --------------------------------------------------------------------------- header


#: a stretch whose cleaned, upper-cased text starts with "END" (``\s`` is what
#: :func:`clean` splits on)
_END_START = re.compile(r"\s*[Ee][Nn][Dd]")


def _footer_start(text: str, paras: list[tuple[int, int]], limit: int) -> int:
    """Where the footer (END, closing time, "(The briefing was concluded ...)") begins."""
    tail = paras[-_TAIL_PARAGRAPHS:]
    segs: list[tuple[int, int]] = []
    for s, e in tail:
        segs.extend(split_wide(text, s, e))
    start = limit
    for s, e in reversed(segs):
        if is_footer(text[s:e]):
            start = s
        else:
            break
    for s, e in reversed(segs):
        if not _END_START.match(text, s, e):
            continue  # (cleaned and upper-cased, it could not start with "END")
        seg = clean(text[s:e]).upper()
        if s < start and (seg == "END" or (seg.startswith("END ") and is_footer(seg))):
            start = s
            break
    return start


def _is_header_segment(t: str) -> bool:
    """Whether a header segment, already cleaned (:func:`clean`), is a header line."""
    if not t:
        return False
    return (
        is_time_line(t)
        or is_date_line(t)
        or is_name_role_line(t)
        or is_place_line(t)
        or is_rule_line(t)
        or t.lower().startswith(("for immediate release", "office of the"))
        or (t.isupper() and len(t) <= 120)
    )


_HANDOVER = (
    "next question",
    "go to",
    "last question",
    "one more question",
    "one last question",
    "time for",
    "as a reminder",
    "that concludes",
    "that's all",
    "follow-up",
    "move on",
    "take a few",
    "take some",
    "take questions",
    "open it up",
    "turn it over",
    "hand it over",
)


def _handover(s: str) -> bool:
    """An official thanking the last speaker and passing the floor on ("Thanks so much.
    Let's try to limit our follow-ups ...", "Thank you. We will go to Luke next.")."""
    low = _low_within(s, 400)
    if low is None or not low.startswith(("thank", "great", "okay", "ok,", "all right")):
        return False
    return any(p in low for p in _HANDOVER)


def _aside(s: str) -> bool:
    """A one-sentence word from the podium that answers nothing ("Francesco.")."""
    return len(s) <= 30 and "?" not in s and len(sentences(s, 0, len(s))) == 1


_TITLE_WORDS = ("briefing", "gaggle", "remarks", "conference", "press call", "interview")


def _title_index(text: str, segments: list[tuple[int, int]]) -> int:
    """Which header line is the title: the first, unless it is a letterhead in capitals
    ("THE WHITE HOUSE") and a later line names the event ("PRESS BRIEFING BY ...")."""
    first = clean(text[segments[0][0] : segments[0][1]])
    if not first.isupper() or any(w in first.lower() for w in _TITLE_WORDS):
        return 0
    for i, (s, e) in enumerate(segments[1:8], start=1):
        low = clean(text[s:e]).lower()
        if e - s <= 300 and any(w in low for w in _TITLE_WORDS):
            return i
    return 0


def parse_transcript(text: str, *, held_on: dt.date | None = None) -> Briefing:
    """Read a briefing transcript into a :class:`~briefings.model.Briefing` with its turns.

    ``held_on`` is the date of the briefing when the text gives none (the title's or
    header's date wins, then the front matter's).
    """
    return read_transcript(text, layout_of(text), held_on=held_on)


def read_transcript(text: str, layout: Layout, *, held_on: dt.date | None = None) -> Briefing:
    """:func:`parse_transcript` of ``text``, given its :class:`Layout` (``layout_of(text)``)."""
    lines, fm, hits0 = layout.lines, layout.front_matter, layout.hits
    body_start = fm.end
    paras = paragraphs(text, lines, body_start, len(text))
    footer = _footer_start(text, paras, len(text))
    if hits0 and footer <= hits0[-1].start:
        footer = len(text)
    hits = [h for h in hits0 if h.start < footer]
    first_label = hits[0].start if hits else footer

    boilerplate: list[Span] = []

    # -- title, header -----------------------------------------------------------
    title: str | None = None
    title_span: Span | None = None
    fm_title = fm.fields.get("title")
    if fm_title is not None:
        raw, s, e = fm_title
        value = raw.strip()
        if len(value) >= 2 and value[0] in "\"'" and value[-1] == value[0]:
            s, e = s + 1, s + len(value) - 1
        else:
            e = s + len(value)
        title = unescape_yaml(raw) or None
        title_span = Span.of(text, s, e) if title else None
    segments = split_wide(text, body_start, first_label)
    header_end = body_start
    time_of_day: dt.time | None = None
    header_date: dt.date | None = None
    header_date_span: Span | None = None
    place: str | None = None
    name_roles: list[tuple[str, str | None]] = []
    rest = segments
    if title is None and segments and segments[0][1] - segments[0][0] <= 300:
        idx = _title_index(text, segments)
        s, e = segments[idx]
        title, title_span = clean(text[s:e]), Span.of(text, s, e)
        header_end = e
        rest = segments[:idx] + segments[idx + 1 :]
    prose_seen = False
    for s, e in rest:
        seg = text[s:e]
        t = clean(seg)
        if is_time_line(t):
            time_of_day = time_of_day or find_time(t)
        elif prose_seen or not _is_header_segment(t):
            if e - s > _LONG or t.endswith((".", "?", "!", ":", '"', "”")):
                prose_seen = True
            continue
        elif is_date_line(t):
            if header_date is None:
                header_date = find_date(t)
                header_date_span = Span.of(text, s, e)
        elif is_name_role_line(t):
            got = name_role_line(t)
            if got is not None:
                name_roles.append(got)
        elif (
            place is None
            and is_place_line(t)
            and not t.isupper()
            and not t.lower().startswith(("office of", "for immediate"))
        ):
            place = t
        boilerplate.append(Span.of(text, s, e))
        header_end = max(header_end, e)

    # -- dates ---------------------------------------------------------------------
    fm_date: dt.date | None = None
    fm_date_span: Span | None = None
    if "date" in fm.fields:
        raw_date, ds, de = fm.fields["date"]
        fm_date = find_date(unescape_yaml(raw_date))
        fm_date_span = Span.of(text, ds, de) if fm_date else None
    year = (fm_date or header_date or held_on or dt.date(1, 1, 1)).year
    title_date = find_date(title, year=year if year > 1 else None) if title else None
    date = title_date or fm_date or header_date or held_on
    held_at = dt.datetime.combine(date, time_of_day) if date and time_of_day else None

    # -- participants -------------------------------------------------------------
    cast = Cast()
    if title:
        for name, role in people_in_title(title):
            cast.add_person(name, role, briefer=True)
    for name, role in name_roles:
        cast.add_person(name, role, briefer=True)

    # -- turns: spans --------------------------------------------------------------
    bounds: list[tuple[LabelHit | None, int, int]] = []
    opening_start = ltrim(text, header_end, first_label)
    opening_end = rtrim(text, opening_start, first_label)
    for k, hit in enumerate(hits):
        end = hits[k + 1].start if k + 1 < len(hits) else footer
        s = min(ltrim(text, hit.body, end), end)
        bounds.append((hit, s, rtrim(text, s, end)))

    keys = list(dict.fromkeys(h.key for h in hits))
    sides = _sides(text, bounds, keys, cast)

    # -- speakers ------------------------------------------------------------------
    speaker_of: dict[str, str | None] = {}
    first_hit = {h.key: h for h in reversed(hits)}
    key_set = set(keys)
    for key in keys:
        speaker_of[key] = cast.resolve(first_hit[key], sides[key], key_set)

    cast.complete_names(text)

    # the unlabelled opening: a statement by the briefer, unless it is an editor's lead
    if opening_end > opening_start:
        lead = _low(text[opening_start:opening_end])
        named = any(p.name.lower() in lead for p in cast.people if len(p.name.split()) >= 2)
        if named or ("answer" in lead and "question" in lead):
            boilerplate.append(Span.of(text, opening_start, opening_end))
        else:
            bounds.insert(0, (None, opening_start, opening_end))

    # -- turns: kinds and links ----------------------------------------------------
    turns: list[Turn] = []
    mentions: list[Mention] = []
    pending: list[str] = []
    prev: Turn | None = None
    prev_side: Side | None = None
    last_official: Turn | None = None
    press_turns: set[str] = set()
    for opener, s, e in bounds:
        tid = f"t{len(turns) + 1}"
        spoken = text[s:e]
        side = sides[opener.key] if opener is not None else Side.OFFICIAL
        if opener is not None:
            speaker = speaker_of.get(opener.key)
        else:
            speaker = cast.briefer_ids[0] if cast.briefer_ids else None
        affiliation: str | None = None
        answers: tuple[str, ...] = ()
        if _channel_check(spoken):
            kind = TurnKind.MODERATION
        elif side is Side.PRESS:
            if _courtesy(spoken):
                kind = TurnKind.STATEMENT
            else:
                kind = TurnKind.QUESTION
                pending.append(tid)
            if opener is not None:
                affiliation = outlet(opener) or (
                    opener.text if side_of(opener.key) is Side.UNKNOWN else None
                )
        elif side is Side.MODERATOR:
            kind = TurnKind.MODERATION
        elif pending:
            kind, answers = TurnKind.ANSWER, tuple(pending)
            pending = []
        elif _handover(spoken):
            kind = TurnKind.MODERATION
        elif (
            prev is not None
            and prev.kind is TurnKind.ANSWER
            and prev_side is Side.OFFICIAL
            and prev.speaker_id != speaker
            and not _procedural(spoken)
        ):
            kind, answers = TurnKind.ANSWER, prev.answers  # a second official answers too
        elif _procedural(spoken) or _aside(spoken):
            kind = TurnKind.MODERATION  # "Francesco.", "Yes, in the back."
        elif last_official is not None and last_official.kind is TurnKind.ANSWER:
            kind, answers = TurnKind.ANSWER, last_official.answers  # resumed after "Okay."
        else:
            kind = TurnKind.STATEMENT
        label = Span.of(text, opener.start, opener.end) if opener is not None else None
        entity = speaker
        if affiliation is not None:
            entity = cast.outlet(affiliation)
        if label is not None and entity is not None:
            mentions.append(
                Mention(
                    id=f"m{len(mentions) + 1}", entity_id=entity, span=label, kind=MentionKind.LABEL
                )
            )
        turn = Turn(
            id=tid,
            n=len(turns) + 1,
            kind=kind,
            span=Span.of(text, s, e),
            label=label,
            speaker_id=speaker,
            answers=answers,
            affiliation=affiliation,
        )
        turns.append(turn)
        prev, prev_side = turn, side
        if side is Side.PRESS:
            press_turns.add(tid)
        if side is Side.OFFICIAL:
            last_official = turn
        elif kind is TurnKind.QUESTION:
            last_official = None

    # -- stage directions, footer ---------------------------------------------------
    directions = [Span.of(text, a, b) for a, b in stage_directions(text, body_start, footer)]
    for s, e in split_wide(text, footer, len(text)):
        boilerplate.append(Span.of(text, s, e))

    # -- claims -------------------------------------------------------------------
    claims: list[Claim] = []
    skip = [(d.start, d.end) for d in directions]
    turn_sentences: dict[str, list[tuple[int, int]]] = {}  # read once, for both uses
    for turn in turns:
        if turn.kind not in (TurnKind.ANSWER, TurnKind.STATEMENT):
            continue
        if turn.kind is TurnKind.STATEMENT and turn.id in press_turns:
            continue
        act = SpeechAct.ANSWER if turn.kind is TurnKind.ANSWER else SpeechAct.STATEMENT
        lo = bisect.bisect_left(skip, (turn.span.start, -1))
        hi = bisect.bisect_right(skip, (turn.span.end, len(text) + 1))
        inside = [(a, b) for a, b in skip[lo:hi] if b <= turn.span.end]
        found = turn_sentences[turn.id] = sentences(text, turn.span.start, turn.span.end)
        for a, b, refusal in claim_spans(text, turn.span.start, turn.span.end, inside, found=found):
            claims.append(
                Claim(
                    id=f"c{len(claims) + 1}",
                    speaker_id=turn.speaker_id,
                    act=SpeechAct.REFUSAL if refusal else act,
                    form=Form.DIRECT,
                    content=Span.of(text, a, b),
                    said_on=date,
                    turn_id=turn.id,
                    evidence="transcript turn",
                )
            )

    # -- reported speech inside the briefers' words ----------------------------------
    by_turn: dict[str, list[Claim]] = {}
    for c in claims:
        if c.turn_id is not None:
            by_turn.setdefault(c.turn_id, []).append(c)
    reported: list[Claim] = []
    for turn in turns:
        own = by_turn.get(turn.id)
        if not own or not worth_reading(turn.span.text):
            continue
        reported.extend(
            reported_claims(
                text,
                turn.span,
                speaker_id=turn.speaker_id,
                turn_id=turn.id,
                parents=own,
                cast=cast,
                held_on=date,
                first_id=len(claims) + len(reported) + 1,
                found=turn_sentences.get(turn.id),
            )
        )
    claims.extend(reported)

    url = None
    for key in ("source_url", "permalink", "url"):
        if key in fm.fields:
            url = unescape_yaml(fm.fields[key][0]) or None
            break
    return Briefing(
        document=Document(
            text=text,
            title=title,
            title_span=title_span,
            url=url,
            published=fm_date,
            boilerplate=tuple(sorted(boilerplate, key=lambda sp: sp.start)),
        ),
        kind=BriefingKind.TRANSCRIPT,
        held_on=date,
        held_at=held_at,
        held_on_evidence=(
            title_span if title_date else fm_date_span if fm_date else header_date_span
        ),
        place=place,
        briefer_ids=tuple(cast.briefer_ids),
        people=tuple(cast.people),
        organizations=tuple(cast.organizations),
        others=tuple(cast.others),
        mentions=tuple(mentions),
        claims=tuple(claims),
        turns=tuple(turns),
        stage_directions=tuple(directions),
    )


def _sides(
    text: str,
    bounds: list[tuple[LabelHit | None, int, int]],
    keys: list[str],
    cast: Cast,
) -> dict[str, Side]:
    """The side of every label: from its words, else from the people the header names,
    else from how its turns read (mostly questions: the press)."""
    sides = {k: side_of(k) for k in keys}
    known = {p.name.upper() for p in cast.people} | {
        p.name.upper().split()[-1] for p in cast.people
    }
    turns_of: dict[str, list[str]] = {k: [] for k in keys}
    followers: dict[str, list[str]] = {k: [] for k in keys}
    for i, (hit, s, e) in enumerate(bounds):
        if hit is None:
            continue
        turns_of[hit.key].append(text[s:e])
        nxt = bounds[i + 1][0] if i + 1 < len(bounds) else None
        if nxt is not None:
            followers[hit.key].append(nxt.key)
    single: list[str] = []
    for k in keys:
        if sides[k] is not Side.UNKNOWN:
            continue
        words = k.split()
        if k in known or words[-1] in known:
            sides[k] = Side.OFFICIAL
            continue
        said = turns_of[k]
        asked = sum(1 for t in said if "?" in t)
        if len(said) >= 2:
            sides[k] = Side.PRESS if asked * 2 > len(said) else Side.OFFICIAL
        elif asked:
            sides[k] = Side.PRESS
        else:
            single.append(k)
    # a label heard once: the press when an official speaks next
    for k in single:
        after = followers[k]
        long_speech = len(turns_of[k][0]) > 600 if turns_of[k] else False
        press = bool(after) and sides[after[0]] is Side.OFFICIAL and not long_speech
        sides[k] = Side.PRESS if press else Side.OFFICIAL
    return sides
