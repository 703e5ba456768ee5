"""Weighted word and entity overlap, for deciding whether two sentences report one happening."""

from __future__ import annotations

from dossier.features import FeatureWeights


def weighted_jaccard(
    a: frozenset[str] | set[str],
    b: frozenset[str] | set[str],
    weight: FeatureWeights,
    a_total: int | None = None,
    b_total: int | None = None,
) -> float:
    """Shared weight over total weight (totals may be given when already known)."""
    shared = weight.shared(a, b)
    union = (
        (weight.total(a) if a_total is None else a_total)
        + (weight.total(b) if b_total is None else b_total)
        - shared
    )
    return shared / union if union > 0 else 0.0


def weighted_overlap(
    a: frozenset[str],
    b: frozenset[str],
    weight: FeatureWeights,
    a_total: int | None = None,
    b_total: int | None = None,
) -> float:
    """Shared weight over the weight of the smaller side: high when one is contained in the other."""
    smaller = min(
        weight.total(a) if a_total is None else a_total, weight.total(b) if b_total is None else b_total
    )
    return weight.shared(a, b) / smaller if smaller > 0 else 0.0
