"""Reader of news reports of briefings (work in progress: see issue 3)."""

from __future__ import annotations

import datetime as dt

from briefings.model import Briefing, BriefingKind, Document

__all__ = ["parse_report"]


def parse_report(
    text: str, *, published: dt.date | None = None, outlet: str | None = None
) -> Briefing:
    """Read a news report of a briefing into a :class:`Briefing`."""
    return Briefing(
        document=Document(text=text, published=published, outlet=outlet),
        kind=BriefingKind.REPORT,
    )
