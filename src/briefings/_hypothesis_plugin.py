"""Hypothesis plugin: registers :mod:`briefings.strategies` for ``st.from_type``.

Hypothesis calls :func:`_hypothesis_setup_hook` through its ``hypothesis`` entry
point while it is itself being imported, possibly because
:mod:`briefings.strategies` is importing it. So this module imports nothing of
Hypothesis or of the strategies at import time, and registers *deferred*
strategies that look up :mod:`briefings.strategies` only when first drawn.
"""

from __future__ import annotations

import importlib
from typing import Any

from briefings import model

# model class -> the strategy function in briefings.strategies that generates it
_REGISTRY = {
    model.Briefing: "briefings",
    model.Claim: "claims",
    model.Document: "documents",
    model.Event: "events",
    model.Mention: "mentions",
    model.Organization: "organizations",
    model.Person: "people",
    model.Role: "roles",
    model.TimeExpression: "time_expressions",
    model.Turn: "turns",
}


def _span_strategy() -> Any:
    strategies = importlib.import_module("briefings.strategies")
    return strategies.texts(min_size=1).flatmap(strategies.spans)


def _deferred(name: str) -> Any:
    from hypothesis import strategies as st

    def build() -> Any:  # looked up on first draw, not at registration
        return getattr(importlib.import_module("briefings.strategies"), name)()

    return st.deferred(build)


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each model class (run by Hypothesis's entry point)."""
    from hypothesis import strategies as st

    for cls, name in _REGISTRY.items():
        st.register_type_strategy(cls, _deferred(name))
    st.register_type_strategy(model.Span, st.deferred(_span_strategy))
