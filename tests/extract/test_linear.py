"""Extraction takes time in proportion to the text: a paragraph four times longer takes about four
times as long, never sixteen, whatever it repeats (see tests/pathological.py)."""

from __future__ import annotations

import pytest

from dossier.extract.entities import Matcher
from tests.pathological import PATTERNS, extraction_seconds

SMALL, LARGE = 8_000, 32_000  # four times longer: about 4x the time if linear, 16x if quadratic


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_paragraph_four_times_longer_takes_about_four_times_as_long(pattern: str, matcher: Matcher) -> None:
    small = min(extraction_seconds(matcher, pattern, SMALL) for _ in range(2))
    large = min(extraction_seconds(matcher, pattern, LARGE) for _ in range(2))
    # linear is 4x, quadratic 16x: the bound leaves room for noise and stays far from quadratic
    assert large < 10 * small + 0.5, f"{pattern}: {small:.3f} s for {SMALL:,}, {large:.3f} s for {LARGE:,}"
