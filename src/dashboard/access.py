"""Who may see the dashboard, and who may change its data.

Sign-in uses Streamlit's built-in OIDC (`st.login` / `st.user`) when an `[auth]` section is in
`.streamlit/secrets.toml`. Then only e-mail addresses in `[access] allowed_domains` (all, when the
list is empty) get in, and only addresses in `[access] admins` see the Update data page (which also
needs DASHBOARD_ALLOW_UPLOADS=1). Without `[auth]` the app is open, for local use, and says so.

Sign-in fails closed: a secrets file that cannot be read, or an `[auth]` section that lacks what
sign-in needs, stops the app with a plain message (never open mode), and an identity provider's
`email_verified = false` (or no such claim, unless `[access] require_verified_email = false`)
gets no access.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Access:
    """What this session may do."""

    mode: str  # open | misconfigured | signed_out | refused | viewer | admin
    email: str | None = None

    @property
    def may_view(self) -> bool:
        return self.mode in ("open", "viewer", "admin")

    @property
    def may_update(self) -> bool:
        """The Update data page: uploads switched on, and an admin (or nobody signs in)."""
        uploads = os.environ.get("DASHBOARD_ALLOW_UPLOADS") == "1"
        return uploads and self.mode in ("open", "admin")


AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
MISCONFIGURED = Access("misconfigured")


def decide(secrets: Mapping[str, Any], user: Mapping[str, Any]) -> Access:
    """The access of a session, from the app's secrets and the signed-in user (if any)."""
    if "auth" not in secrets:
        return Access("open")
    auth, rules = secrets["auth"], secrets.get("access", {})
    if not isinstance(auth, Mapping) or not isinstance(rules, Mapping):
        return MISCONFIGURED
    if any(not str(auth.get(key) or "").strip() for key in AUTH_KEYS):
        return MISCONFIGURED
    if not user.get("is_logged_in"):
        return Access("signed_out")
    email = str(user.get("email") or "").strip().lower()
    if rules.get("require_verified_email", True) and user.get("email_verified") is not True:
        return Access("refused", email or None)
    domains = [d.lower().lstrip("@") for d in rules.get("allowed_domains", [])]
    admins = [a.lower() for a in rules.get("admins", [])]
    domain = email.rsplit("@", 1)[-1] if "@" in email else ""
    if not email or (domains and domain not in domains):
        return Access("refused", email or None)
    return Access("admin" if email in admins else "viewer", email)
