"""Shared fixtures and Hypothesis profiles.

Profiles: ``ci`` (fast, the default under ``CI=true``), ``dev`` (the default),
``thorough`` (many examples; ``HYPOTHESIS_PROFILE=thorough pytest``).

Tests that read the shared evaluation material (the seed report, the acceptance
facts, the corpora) take the ``shared_dir`` fixture: it is ``$BRIEFINGS_SHARED``
or ``../shared`` beside the repository, and the test is skipped, with the reason,
when it is absent. Nothing of that material is copied into this repository.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "thorough", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared evaluation material (``$BRIEFINGS_SHARED`` or ``../shared``)."""
    path = Path(os.environ.get("BRIEFINGS_SHARED", REPO.parent / "shared"))
    if not (path / "acceptance").is_dir():
        pytest.skip(f"shared evaluation material not found at {path} (set BRIEFINGS_SHARED)")
    return path
