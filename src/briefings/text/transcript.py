"""Reader of Q&A briefing transcripts (work in progress: see issue 4)."""

from __future__ import annotations

import datetime as dt

from briefings.model import Briefing, BriefingKind, Document

__all__ = ["looks_like_transcript", "parse_transcript"]


def looks_like_transcript(text: str) -> bool:
    """Whether ``text`` reads as a transcript (speaker labels) rather than a report."""
    del text
    return False


def parse_transcript(text: str, *, held_on: dt.date | None = None) -> Briefing:
    """Read a briefing transcript into a :class:`Briefing` with its turns."""
    return Briefing(document=Document(text=text), kind=BriefingKind.TRANSCRIPT, held_on=held_on)
