"""What the cluster profile offers beyond the shared widgets: links out to the cluster's site,
its organisation and its ECCP profile, and its board brief as a PDF."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .. import brief
from ..filters import Filters
from ..i18n import t
from . import cache

BRREG = "https://data.brreg.no/enhetsregisteret/oppslag/enheter/{}"


def links_out(cluster: pd.Series, lang: str) -> None:
    """The cluster's own site, its organisation in Enhetsregisteret and its ECCP profile, where
    the record gives them; the ones it does not give are named, so a missing link reads as
    unknown rather than as none."""
    number = cluster["org_number"] if isinstance(cluster["org_number"], str) else None
    found = {
        "website": cluster["website"],
        "org_number": BRREG.format(number) if number else None,
        "eccp_url": cluster["eccp_url"],
    }
    shown = {k: v for k, v in found.items() if isinstance(v, str) and v}
    labels = {
        "website": t("cluster.website", lang),
        "org_number": t("cluster.link_org", lang, number=number),
        "eccp_url": t("cluster.link_eccp", lang),
    }
    if shown:
        for column, (kind, url) in zip(st.columns(len(shown)), shown.items(), strict=True):
            column.link_button(labels[kind], url, icon=":material/open_in_new:", width="stretch")
    missing = [t(f"cluster.unknown_{kind}", lang) for kind in found if kind not in shown]
    if missing:
        st.caption(t("cluster.links_unknown", lang, what=", ".join(missing)))


def brief_download(cluster_id: str, filters: Filters, lang: str) -> None:
    """The cluster's board brief on the date as a one-page PDF, made on click (the brief CLI's
    code path); a server without the Chromium that prints it says so instead of a button."""
    if not brief.available():
        st.info(t("brief.unavailable", lang), icon=":material/picture_as_pdf:")
        return
    day = filters.date

    def made() -> bytes:
        return cache.brief_pdf(cluster_id, day, lang)

    st.download_button(
        t("common.download_brief", lang),
        data=made,
        file_name=brief.file_name(cluster_id, day, lang),
        mime="application/pdf",
        key="brief_pdf",
        help=t("brief.download_help", lang),
        icon=":material/picture_as_pdf:",
    )
