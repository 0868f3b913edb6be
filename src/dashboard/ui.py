"""Streamlit glue shared by the pages: the cached store connection and extracts, the sidebar
filters synced with the URL, and the table and download widgets every page uses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError
from streamlit.runtime.pages_manager import PagesManager

from . import charts, config, extracts, queries, store, theme
from .access import MISCONFIGURED, Access, decide
from .filters import FIRST_DAY, LAST_DAY, PARAM_OF, Filters, Notice, Vocabulary, shown
from .i18n import CATALOGUE, LANGUAGES, default_language, number, t
from .i18n import date as format_date
from .validate import ValidationError

DATE_COLUMNS = (
    "held_from",
    "held_on",
    "awarded_on",
    "valid_until",
    "start_date",
    "end_date",
    "renew_by",
    "confirmed_on",
    "reference_date",
)
COLUMN_KEYS = {key for key in CATALOGUE if key.startswith("col.")}
WIDGET_OF = {"areas": "w_area", "levels": "w_level", "regions": "w_region", "labels": "w_label"}


def _data_signature() -> tuple:
    """Cheap signature of the data files (name, size, mtime): a changed file means a new store."""
    data = config.data_dir()
    return tuple(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(data.glob("*.csv"))
    )


_SERVING: dict[str, duckdb.DuckDBPyConnection] = {}


@st.cache_resource(show_spinner=False)
def _open_store(
    db: str, data: str, signature: tuple, swapped: int
) -> tuple[duckdb.DuckDBPyConnection, list[str]]:
    """Build the store if data/ changed, then open it read-only; returns problems found, if any.

    DuckDB hands out the database already open for a path, so the connection to a store that was
    swapped out is closed first; otherwise a rebuilt or imported-into store would stay unseen.
    """
    problems: list[str] = []
    try:
        store.ensure_store(config.data_dir(), config.db_path())
    except ValidationError as err:
        # file names only: a funder needs the file, row and column, not the server's paths
        problems = [str(replace(p, file=Path(p.file).name)) for p in err.problems]
    except store.StoreHoldsImports as err:
        problems = [str(err)]
    except OSError:
        pass  # a store mounted read-only (replicas) is served as it is, never rebuilt here
    except duckdb.Error:
        problems = [t("error.build_failed", default_language())]
    if not config.db_path().is_file():
        return None, problems  # type: ignore[return-value]
    previous = _SERVING.pop(db, None)
    if previous is not None:
        previous.close()
    _SERVING[db] = store.connect_readonly(config.db_path())
    return _SERVING[db], problems


def store_key() -> tuple:
    """Identifies the store a cached result came from, so a rebuilt or imported-into store
    (a new file swapped in) opens anew and invalidates caches."""
    db = config.db_path()
    swapped = db.stat().st_mtime_ns if db.exists() else 0
    return (str(db), str(config.data_dir()), _data_signature(), swapped)


def cursor() -> duckdb.DuckDBPyConnection:
    """A cursor on the shared read-only connection (one per query: cursors are thread-safe)."""
    con, _ = _open_store(*store_key())
    if con is None:
        st.error(t("error.no_store", language()))
        st.stop()
    return con.cursor()


def store_problems(lang: str) -> None:
    """Say once, at the top of the page, why the store was not rebuilt from data/ (the last
    good store is served meanwhile)."""
    _, problems = _open_store(*store_key())
    if problems:
        st.error(
            t("error.invalid_data", lang) + "\n\n" + "\n".join(f"- `{p}`" for p in problems[:20]),
            icon=":material/error:",
        )


# Extracts, queries and lookups are shared, not copied, between reruns and sessions (no unpickling
# on every rerun, one copy in memory): pages and chart builders treat them as read-only.
@st.cache_resource(show_spinner=False, max_entries=64, ttl=3600)
def _extract(
    key: tuple, name: str, filters: Filters, cluster_id: str | None, months: int
) -> pd.DataFrame:
    return extracts.extract_frame(cursor(), name, filters, cluster_id, months)


def extract(
    name: str,
    filters: Filters,
    cluster_id: str | None = None,
    months: int = extracts.DEFAULT_MONTHS,
) -> pd.DataFrame:
    """The cached extract `name` for the filters (one cluster, on its profile; `months` for
    the renewal horizon)."""
    return _extract(store_key(), name, filters, cluster_id, months)


LOOKUPS = (
    "opportunity_areas",
    "indicators",
    "cluster_names",
    "cluster_facts",
    "meta",
    "table_rows",
    "provenance_counts",
    "imports",
    "rules",
)


@st.cache_resource(show_spinner=False, max_entries=64)
def _lookup(key: tuple, what: str) -> Any:
    return getattr(queries, what)(cursor())


def lookup(what: str) -> Any:
    """A cached query that takes no filters (one of LOOKUPS)."""
    if what not in LOOKUPS:
        raise KeyError(what)
    return _lookup(store_key(), what)


@st.cache_resource(show_spinner=False, max_entries=16)
def _vocabulary(key: tuple) -> Vocabulary:
    return queries.vocabulary(cursor())


def vocabulary() -> Vocabulary:
    """The values the filters can take."""
    return _vocabulary(store_key())


def language() -> str:
    """The language: from the URL on a session's first run, then from the sidebar switch."""
    if "w_lang" not in st.session_state:
        wanted = st.query_params.get("lang", default_language())
        st.session_state["w_lang"] = wanted if wanted in LANGUAGES else default_language()
    return st.session_state["w_lang"]


def _init_from_url(vocab: Vocabulary) -> None:
    params = {key: st.query_params.get_all(key) for key in (*PARAM_OF.values(), "as_of")}
    filters, notices = Filters.from_params(params, vocab)
    lang = st.query_params.get("lang")
    if lang is not None and lang not in LANGUAGES:
        notices.append(Notice("unknown", "lang", lang))
    for field, widget in WIDGET_OF.items():
        st.session_state[widget] = list(getattr(filters, field))
    st.session_state["w_as_of"] = filters.date
    st.session_state["url_filters"] = filters
    st.session_state["url_notices"] = notices


def _reset() -> None:
    for widget in WIDGET_OF.values():
        st.session_state[widget] = []
    st.session_state["w_as_of"] = dt.date.today()


def sidebar_filters(lang: str) -> Filters:
    """Draw the global filters in the sidebar and keep the URL in step with them."""
    vocab = vocabulary()
    if "url_filters" not in st.session_state:
        _init_from_url(vocab)
    areas = lookup("opportunity_areas")
    area_names = dict(zip(areas["area_id"], areas[f"name_{lang}"], strict=True))
    with st.sidebar:
        st.radio(
            t("filters.language", lang),
            LANGUAGES,
            key="w_lang",
            horizontal=True,
            format_func=lambda code: t(f"language.{code}", lang),
        )
        st.subheader(t("filters.title", lang))
        st.date_input(
            t("filters.as_of", lang),
            key="w_as_of",
            min_value=FIRST_DAY,
            max_value=LAST_DAY,
            help=t("filters.help_as_of", lang),
            format="DD.MM.YYYY" if lang == "nb" else "YYYY-MM-DD",
        )
        st.multiselect(
            t("filters.area", lang),
            vocab.areas,
            key="w_area",
            format_func=lambda a: area_names.get(a, a),
            placeholder=t("filters.all", lang),
        )
        st.multiselect(
            t("filters.level", lang),
            vocab.levels,
            key="w_level",
            placeholder=t("filters.all", lang),
        )
        st.multiselect(
            t("filters.region", lang),
            vocab.regions,
            key="w_region",
            placeholder=t("filters.all", lang),
        )
        st.multiselect(
            t("filters.label", lang),
            vocab.labels,
            key="w_label",
            format_func=lambda x: t(f"label.{x}", lang),
            placeholder=t("filters.all", lang),
        )
        st.button(t("filters.reset", lang), on_click=_reset, width="stretch")
    as_of = st.session_state["w_as_of"]
    filters = Filters(
        areas=tuple(st.session_state["w_area"]),
        levels=tuple(st.session_state["w_level"]),
        regions=tuple(st.session_state["w_region"]),
        labels=tuple(st.session_state["w_label"]),
        as_of=None if as_of == dt.date.today() else as_of,
    )
    _sync_url(filters, lang)
    if filters == st.session_state["url_filters"]:
        show_notices(st.session_state["url_notices"], lang)
    return filters


def show_notices(notices: Sequence[Notice], lang: str) -> None:
    """Say which link values were dropped, with the values shown safely."""
    if notices:
        lines = [t(f"notice.{n.kind}", lang, param=n.param, value=shown(n.value)) for n in notices]
        st.warning(
            t("filters.notice", lang) + "\n\n" + "\n".join(f"- {line}" for line in lines),
            icon=":material/link_off:",
        )


def _sync_url(filters: Filters, lang: str) -> None:
    wanted: dict[str, list[str] | str] = dict(filters.to_params())
    if lang != default_language():
        wanted["lang"] = lang
    for key in (*PARAM_OF.values(), "as_of", "lang"):
        if key in wanted:
            value = wanted[key]
            current = st.query_params.get_all(key)
            if current != (value if isinstance(value, list) else [value]):
                st.query_params[key] = value
        elif key in st.query_params:
            del st.query_params[key]


@dataclass(frozen=True)
class Ref:
    """An extract named rather than passed to a chart, so the chart's cache key is the request
    (a few strings) instead of the rows, which would be hashed on every rerun."""

    name: str
    filters: Filters
    cluster_id: str | None = None


@st.cache_data(show_spinner=False, max_entries=256)
def _figure(key: tuple, builder: str, args: tuple) -> go.Figure:
    resolved = [extract(a.name, a.filters, a.cluster_id) if isinstance(a, Ref) else a for a in args]
    return getattr(charts, builder)(*resolved)


def chart(
    builder: Callable[..., go.Figure], *args: Any, title: str | None = None, where: Any = st
) -> None:
    """Draw a chart, built once per distinct input (chart builders are pure functions);
    `title` replaces the builder's title, e.g. where a subheader already says it."""
    figure = _figure(store_key(), builder.__name__, args)
    if not figure.data:  # one empty state for every chart: say so, draw no empty axes
        shown = title or figure.layout.title.text or ""
        where.info(t("common.no_chart_data", language(), title=shown), icon=":material/info:")
        return
    if title is not None:
        figure.update_layout(title_text=title)
    where.plotly_chart(figure, width="stretch")


def fact(label: str, value: str, help: str | None = None) -> None:
    """A bordered tile for a short text fact (st.metric would cut words off)."""
    with st.container(border=True):
        st.caption(label, help=help)
        st.markdown(f"**{value}**")


def page_header(title_key: str, filters: Filters, lang: str) -> None:
    """The page title with the date it is shown as of and the data's currency; a date past the
    latest fact in the record says that what follows it is carried forward, not known."""
    st.title(t(title_key, lang))
    currency = dt.date.fromisoformat(lookup("meta")["data_as_of"])
    st.caption(
        t("common.as_of", lang, date=format_date(filters.date, lang))
        + " · "
        + t("common.currency", lang, date=format_date(currency, lang))
    )
    if filters.date > currency:
        st.info(
            t("common.past_currency", lang, date=format_date(currency, lang)),
            icon=":material/history:",
        )


def download(
    name: str,
    filters: Filters,
    lang: str,
    cluster_id: str | None = None,
    months: int = extracts.DEFAULT_MONTHS,
    key: str | None = None,
    label: str = "common.download",
) -> None:
    """A CSV download of exactly the extract behind a view (the export CLI's code path)."""
    source = store_key()
    st.download_button(
        t(label, lang),
        # Made when clicked, from the cached extract: a page keeps no CSV bytes in memory.
        data=lambda: extracts.to_csv(_extract(source, name, filters, cluster_id, months), lang),
        file_name=extracts.file_name(name, filters, cluster_id, months),
        mime="text/csv",
        key=key or f"download_{name}",
        help=t("common.download_help", lang, name=name),
        icon=":material/download:",
    )


def _colour_cells(value: object) -> str:
    colour = theme.STATUS_COLOURS.get(str(value)) or theme.LABEL_COLOURS.get(str(value))
    if not colour:
        return ""
    text = theme.STATUS_TEXT_COLOURS.get(str(value), "#000000" if value != "Bronze" else "#FFFFFF")
    return f"background-color: {colour}; color: {text}"


PAGE_ROWS = 50
CELL_STYLES = {
    value: _colour_cells(value) for value in (*theme.STATUS_COLOURS, *theme.LABEL_COLOURS)
}


def _page_of(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows of the page the reader picked, when a table is longer than PAGE_ROWS."""
    if len(frame) <= PAGE_ROWS:
        return frame
    pages = (len(frame) + PAGE_ROWS - 1) // PAGE_ROWS
    key = f"w_table_page_{len(frame)}_{'_'.join(map(str, frame.columns[:3]))}"
    picker, note = st.columns([1, 4], vertical_alignment="bottom")
    number = picker.number_input(
        t("common.table_page", lang, pages=pages),
        min_value=1,
        max_value=pages,
        value=1,
        step=1,
        key=key,
    )
    first = (number - 1) * PAGE_ROWS
    note.caption(
        t(
            "common.table_rows",
            lang,
            first=first + 1,
            last=min(first + PAGE_ROWS, len(frame)),
            total=len(frame),
        )
    )
    return frame.iloc[first : first + PAGE_ROWS]


def table(
    frame: pd.DataFrame,
    columns: Sequence[str],
    lang: str,
    *,
    profile_link: bool = True,
    height: int | str = "auto",
    coloured: bool = True,
) -> None:
    """A table with translated headers, label/status cells named (and coloured), and links.
    Long tables are shown a page at a time (the download has every row)."""
    frame = _page_of(frame, lang)
    shown = frame[list(columns)].copy()
    config: dict[str, object] = {}
    if profile_link and "cluster_id" in frame:
        shown.insert(1, "profile", "cluster?cluster=" + frame["cluster_id"])
        config["profile"] = st.column_config.LinkColumn(
            t("col.profile", lang), display_text=t("common.open", lang) + " ↗", width="small"
        )
    for column in shown.columns:
        if column in ("cluster_id", "profile"):
            continue
        header = t(f"col.{column}", lang) if f"col.{column}" in COLUMN_KEYS else column
        if column == "source_url":
            config[column] = st.column_config.LinkColumn(
                header, display_text=r"https?://(?:www\.)?([^/]+)", width="medium"
            )
        elif column in ("status", "state"):
            shown[column] = shown[column].map(
                lambda v: t(f"status.{v}", lang) if pd.notna(v) else ""
            )
            config[column] = st.column_config.TextColumn(t("col.status", lang), width=115)
        elif column in ("label", "last_label"):
            config[column] = st.column_config.TextColumn(t("col.label", lang), width="small")
        elif column in ("provenance", "basis", "measure"):
            shown[column] = shown[column].map(
                lambda v, c=column: t(f"{c}.{v}", lang) if pd.notna(v) else ""
            )
            config[column] = st.column_config.TextColumn(header)
        elif column == "amount_nok":
            config[column] = st.column_config.NumberColumn(header, format="localized")
        elif column in DATE_COLUMNS:
            shown[column] = frame[column].map(
                lambda d: format_date(d, lang) if pd.notna(d) else None
            )
            config[column] = st.column_config.TextColumn(header, width="small")
        elif column == "cluster":
            config[column] = st.column_config.TextColumn(header, width="medium")
        elif column in ("issue", "note"):
            config[column] = st.column_config.TextColumn(header, width="large")
        else:
            config[column] = st.column_config.Column(header, width="small")
    for column in ("label", "last_label"):
        if column in shown:
            shown[column] = frame[column].map(
                lambda v: t(f"label.{v}", lang) if pd.notna(v) else "—"
            )
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = shown[column].fillna("–")
        elif pd.api.types.is_float_dtype(shown[column]) and shown[column].isna().any():
            # The grid draws a missing number as "None": write the column out, "–" for unknown.
            shown[column] = [number(v, lang) if pd.notna(v) else "–" for v in shown[column]]
    styled = shown.style.format(na_rep="–", precision=0) if coloured else shown
    for column in ("status", "state", "label", "last_label") if coloured else ():
        if column in shown:
            colours = frame[column].fillna("none").map(CELL_STYLES).fillna("").tolist()
            styled = styled.apply(lambda _s, colours=colours: colours, subset=[column])
    st.dataframe(
        styled,
        column_config=config,
        hide_index=True,
        width="stretch",
        height=height,
        column_order=[c for c in shown.columns if c != "cluster_id"],
    )


def access() -> Access:
    """This session's access: open, signed out, refused, viewer or admin (see access.py)."""
    try:
        secrets = st.secrets.to_dict()
    except StreamlitSecretNotFoundError as err:
        if getattr(err, "error_id", None) != "no-secrets-found":
            return MISCONFIGURED  # a secrets file that cannot be read: fail closed
        secrets = {}
    except FileNotFoundError:
        secrets = {}
    return decide(secrets, st.user.to_dict())


def gate(who: Access, lang: str) -> None:
    """Say who is signed in, or stop the run at a sign-in screen for those who may not view."""
    if who.mode == "open":
        st.sidebar.caption(t("access.open", lang))
        return
    if who.may_view:
        st.sidebar.caption(t("access.signed_in", lang, email=who.email))
        st.sidebar.button(t("access.sign_out", lang), on_click=st.logout, key="w_logout")
        return
    st.title(t("app.title", lang))
    if who.mode == "misconfigured":
        st.error(t("access.misconfigured", lang))
    elif who.mode == "refused":
        st.error(t("access.refused", lang, email=who.email or "?"))
        st.button(t("access.sign_out", lang), on_click=st.logout, key="w_logout")
    else:
        st.info(t("access.sign_in_needed", lang))
        st.button(t("access.sign_in", lang), on_click=st.login, type="primary", key="w_login")
    st.stop()


def context() -> tuple[Filters, str]:
    """The filters and language the entry point set up for this run."""
    if PagesManager.uses_pages_directory or "filters" not in st.session_state:
        # Until some run has called st.navigation, Streamlit's legacy router serves /<page> by
        # running pages/<page>.py alone, without app.py (a fresh server's first request, and
        # every AppTest run). Switch to st.navigation, as app.py would, and rerun through it.
        PagesManager.uses_pages_directory = False
        st.rerun()
    return st.session_state["filters"], language()


def page_choice(
    param: str,
    options: Sequence,
    default: object,
    label: str,
    lang: str,
    format_func: Callable[[Any], Any] = str,
    widget_kind: Callable[..., Any] = st.segmented_control,
) -> Any:
    """A page-level choice kept in the URL (`?months=12`); a bad URL value gets a notice."""
    widget = f"w_{param}"
    by_text = {str(option): option for option in options}
    if widget not in st.session_state:
        raw = st.query_params.get(param)
        st.session_state[widget] = by_text.get(raw, default) if raw is not None else default
        dropped = [Notice("unknown", param, raw)] if raw is not None and raw not in by_text else []
        st.session_state[f"notices_{param}"] = (st.session_state[widget], dropped)
    value = widget_kind(label, options, key=widget, format_func=format_func)
    value = default if value is None else value
    first, dropped = st.session_state[f"notices_{param}"]
    if value == first:
        show_notices(dropped, lang)
    if value != default:
        st.query_params[param] = str(value)
    elif param in st.query_params:
        del st.query_params[param]
    return value
