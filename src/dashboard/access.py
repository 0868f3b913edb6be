"""Who may see the dashboard, and who may change its data.

Sign-in uses Streamlit's built-in OIDC (`st.login` / `st.user`) when an `[auth]` section is in
`.streamlit/secrets.toml`. Then only e-mail addresses in `[access] allowed_domains` (all, when the
list is empty) get in, and only addresses in `[access] admins` see the Update data page (which also
needs DASHBOARD_ALLOW_UPLOADS=1). Without `[auth]` the app is open, for local use, and says so.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Access:
    """What this session may do."""

    mode: str  # open | signed_out | refused | viewer | admin
    email: str | None = None

    @property
    def may_view(self) -> bool:
        return self.mode in ("open", "viewer", "admin")

    @property
    def may_update(self) -> bool:
        """The Update data page: uploads switched on, and an admin (or nobody signs in)."""
        uploads = os.environ.get("DASHBOARD_ALLOW_UPLOADS") == "1"
        return uploads and self.mode in ("open", "admin")


def decide(secrets: Mapping[str, Any], user: Mapping[str, Any]) -> Access:
    """The access of a session, from the app's secrets and the signed-in user (if any)."""
    if "auth" not in secrets:
        return Access("open")
    if not user.get("is_logged_in"):
        return Access("signed_out")
    email = str(user.get("email") or "").strip().lower()
    rules = secrets.get("access", {})
    domains = [d.lower().lstrip("@") for d in rules.get("allowed_domains", [])]
    admins = [a.lower() for a in rules.get("admins", [])]
    domain = email.rsplit("@", 1)[-1] if "@" in email else ""
    if not email or (domains and domain not in domains):
        return Access("refused", email or None)
    return Access("admin" if email in admins else "viewer", email)
