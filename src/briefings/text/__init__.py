"""Readers of free text: news reports of briefings and Q&A transcripts.

Every reader here is total (it returns a :class:`~briefings.model.Briefing` for
any ``str``, never raises on content) and runs in time linear in the input.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from briefings.model import Briefing
from briefings.text.report import parse_report
from briefings.text.transcript import (
    laid_out_as_transcript,
    layout_of,
    parse_transcript,
    read_transcript,
)

__all__ = ["parse", "parse_report", "parse_transcript"]

Kind = Literal["auto", "report", "transcript"]


def parse(
    text: str,
    *,
    kind: Kind = "auto",
    published: dt.date | None = None,
    outlet: str | None = None,
    held_on: dt.date | None = None,
) -> Briefing:
    """Read ``text`` as a report or a transcript (``kind="auto"`` decides by its layout).

    ``published`` is the report's publication date (relative dates such as
    "yesterday" are resolved against it, or against its dateline); ``held_on``
    the date of a transcribed briefing when the text does not give it.
    """
    if kind == "auto":
        # the layout that decides is the transcript reader's first step: found once
        layout = layout_of(text)
        if laid_out_as_transcript(layout):
            return read_transcript(text, layout, held_on=held_on or published)
        kind = "report"
    if kind == "transcript":
        return parse_transcript(text, held_on=held_on or published)
    return parse_report(text, published=published, outlet=outlet)
