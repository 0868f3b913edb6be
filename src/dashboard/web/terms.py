"""The glossary behind the pages' terms: a tooltip that defines a term where a page first uses
it, with a link to its entry on the glossary page (which keeps the reader's language and filters)."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from ..i18n import t
from . import cache

PAGE = "glossary"
# The entries a level, label or status column or filter is explained by.
LEVELS = ("arena", "arena_pro", "nce", "gce", "mature", "hub_node", "nic_levels")
LABELS = ("label_validity", "bronze", "silver", "gold")
STATUSES = ("status_valid", "status_expiring", "status_expired")
PROVENANCES = ("published", "estimate")


def link(term_id: str) -> str:
    """The glossary entry's address, with the query string the reader's URL has now."""
    query = urlencode({k: st.query_params.get_all(k) for k in st.query_params}, doseq=True)
    return f"{PAGE}{'?' + query if query else ''}#{term_id.replace('_', '-')}"


def anchor(term_id: str) -> str:
    """The entry's anchor on the glossary page (Streamlit anchors are kebab-case)."""
    return term_id.replace("_", "-")


def help_for(*term_ids: str, lang: str) -> str:
    """A tooltip: each term named and defined, then a link to the first one's glossary entry."""
    entries = cache.glossary_terms()
    lines = [
        f"**{entries[term][f'term_{lang}']}**: {entries[term][f'definition_{lang}']}"
        for term in term_ids
    ]
    lines.append(f"[{t('glossary.more', lang)} ↗]({link(term_ids[0])})")
    return "\n\n".join(lines)
