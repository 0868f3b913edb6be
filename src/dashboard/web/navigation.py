"""The dashboard's pages, in menu order: one list that the entry point and the tests read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageFile:
    """pages/NAME.py, served at /NAME, titled `page.NAME` from the catalogue."""

    name: str
    icon: str
    admin_only: bool = False


PAGES = (
    PageFile("overview", ":material/dashboard:"),  # the default page, served at "/"
    PageFile("labels", ":material/workspace_premium:"),
    PageFile("timeline", ":material/event:"),
    PageFile("funding", ":material/payments:"),
    PageFile("results", ":material/monitoring:"),
    PageFile("cluster", ":material/hub:"),
    PageFile("compare", ":material/compare_arrows:"),
    PageFile("sources", ":material/source:"),
    PageFile("glossary", ":material/menu_book:"),
    PageFile("update", ":material/upload:", admin_only=True),
)
