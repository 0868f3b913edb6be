"""Update data: upload new facts, see what they change or what is wrong, and apply them.

Only in the navigation when DASHBOARD_ALLOW_UPLOADS=1: the serving store is read-only otherwise.
"""

import pandas as pd
import streamlit as st

from dashboard import config, importer
from dashboard.i18n import t
from dashboard.validate import ValidationError
from dashboard.web import frame


def apply(plan: importer.ImportPlan) -> None:
    """Apply the previewed import (a button callback: it runs before the next page run)."""
    st.session_state["applied_import"] = importer.apply(config.db_path(), plan)
    st.session_state.pop("w_uploads", None)
    st.cache_data.clear()
    st.cache_resource.clear()


filters, lang = frame.context()
if not frame.access().may_update:
    st.stop()  # not in the navigation for this session; refuse a direct run as well
frame.page_header("page.update", filters, lang)
st.markdown(t("update.intro", lang))

uploads = st.file_uploader(
    t("update.files", lang), type=["csv", "xlsx"], accept_multiple_files=True, key="w_uploads"
)
backdated = st.checkbox(t("update.backdated", lang), key="w_backdated")
if uploads:
    files = [(upload.name, upload.getvalue()) for upload in uploads]
    try:
        plan = importer.plan(config.db_path(), files, allow_backdated=backdated)
    except ValidationError as err:
        st.error(
            t("update.problems", lang)
            + "\n\n"
            + "\n".join(f"- `{problem}`" for problem in err.problems)
        )
    else:
        st.subheader(t("update.preview", lang))
        preview = pd.DataFrame(
            [(name, len(c.added), len(c.changed), c.unchanged) for name, c in plan.changes.items()],
            columns=[
                t("col.table", lang),
                t("update.added", lang),
                t("update.changed", lang),
                t("update.unchanged", lang),
            ],
        )
        st.dataframe(preview, hide_index=True, width="stretch")
        st.button(
            t("update.apply", lang), type="primary", key="w_apply", on_click=apply, args=(plan,)
        )
if "applied_import" in st.session_state:
    st.success(t("update.applied", lang, id=st.session_state.pop("applied_import")))
