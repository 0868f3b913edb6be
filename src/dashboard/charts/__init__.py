"""Chart builders: pure functions from an extract's DataFrame to a plotly Figure.

They share one look (theme.py, `common`), put units in axis titles, say things in the domain's
words in hover texts, and mark what is not a published figure with a pattern, so colour is never
the only signal. One module per kind of view; every builder is importable from here.
"""

from __future__ import annotations

from .compare import compare_funding, compare_levels, compare_members
from .counties import county_map
from .funding import funding_against_budget, funding_area_shares, funding_by, funding_ranking
from .labels import LABEL_ORDER, TIMELINE_CLUSTERS, award_scores, award_timeline, labels_by_area
from .programme import level_history, programme_by_level
from .results import member_history, members_by_cluster, peer_comparison, programme_results
from .sources import coverage_heatmap

__all__ = [
    "LABEL_ORDER",
    "TIMELINE_CLUSTERS",
    "award_scores",
    "award_timeline",
    "compare_funding",
    "compare_levels",
    "compare_members",
    "county_map",
    "coverage_heatmap",
    "funding_against_budget",
    "funding_area_shares",
    "funding_by",
    "funding_ranking",
    "labels_by_area",
    "level_history",
    "member_history",
    "members_by_cluster",
    "peer_comparison",
    "programme_by_level",
    "programme_results",
]
