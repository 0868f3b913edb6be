"""Every visible string comes from the catalogue, in the language chosen; none leaks across. The
catalogue's gettext files are complete, agree with each other and hold every key the code uses."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from string import Formatter

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from dashboard import i18n
from dashboard.i18n import CATALOGUE, LANGUAGES

from .conftest import ROOT
from .test_app import PAGE_PARAMS, PAGES, open_page, serve_the_test_store  # noqa: F401 - fixture


def templates(lang: str) -> list[re.Pattern]:
    """Each catalogue string as a pattern: `{placeholder}` matches any filled-in value."""
    patterns = []
    for texts in CATALOGUE.values():
        escaped = re.escape(texts[lang])
        patterns.append(re.compile(re.sub(r"\\\{\w+\\\}", ".+?", escaped) + r"\Z", re.S))
    return patterns


def ui_strings(at, page: str) -> list[str]:
    """The strings a page draws itself (not data): titles, subheaders, captions, KPI and widget
    labels, buttons and messages."""
    found = [e.value for e in at.title]
    if page != "glossary":  # the glossary's subheaders are its terms, data in both languages
        found += [e.value for e in at.subheader]
    found += [m.label for m in at.metric]
    for kind in ("multiselect", "selectbox", "radio", "date_input", "button"):
        found += [w.label for w in getattr(at, kind)]
    found += [b.proto.label for b in at.get("download_button")]
    found += [e.value for e in (*at.info, *at.success)]
    if page != "cluster":  # the profile's captions are the cluster's own facts
        found += [c.value for c in at.caption]
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_draws_only_catalogue_strings(page, lang):
    at = open_page(page, {**PAGE_PARAMS.get(page, {}), "lang": lang, "as_of": "2022-06-30"})
    patterns = templates(lang)
    strings = ui_strings(at, page)
    assert len(strings) >= 8
    strange = [s for s in strings if not any(p.match(s) for p in patterns)]
    assert strange == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_no_string_of_the_other_language_shows(page, lang):
    other = next(x for x in LANGUAGES if x != lang)
    foreign = {t[other] for t in CATALOGUE.values() if t[other] != t[lang] and len(t[other]) > 12}
    at = open_page(page, {**PAGE_PARAMS.get(page, {}), "lang": lang, "as_of": "2022-06-30"})
    shown = ui_strings(at, page) + [m.value for m in at.markdown]
    assert [s for s in shown if s in foreign] == []


def test_the_language_switch_changes_the_page_and_the_url():
    at = open_page("funding")
    assert at.title[0].value == "Finansiering"
    at.radio(key="w_lang").set_value("en").run()
    assert at.title[0].value == "Funding"
    assert at.query_params["lang"] in ("en", ["en"])


# The gettext catalogues, read with Babel straight from the files (not through dashboard.i18n).
LOCALE = ROOT / "src" / "dashboard" / "locale"
TEMPLATE = LOCALE / "messages.pot"
PO_FILES = {lang: LOCALE / lang / "LC_MESSAGES" / "messages.po" for lang in LANGUAGES}
CODE = sorted([*(ROOT / "src").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"])


def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, abort_invalid=True)


def messages(path: Path) -> dict[str, Message]:
    """msgid -> message, without the header entry."""
    return {m.id: m for m in read_catalogue(path) if m.id}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_po_catalogue_translates_every_message(lang):
    catalog = read_catalogue(PO_FILES[lang])
    assert catalog.locale_identifier == lang  # the Language header
    assert catalog.charset == "utf-8"
    assert catalog.mime_headers and dict(catalog.mime_headers)["Plural-Forms"]
    assert not catalog.fuzzy  # pybabel compile would skip the whole catalogue
    assert len(catalog) >= 300
    untranslated = [m.id for m in catalog if m.id and (not m.string.strip() or m.fuzzy)]
    assert untranslated == []


def test_po_catalogues_and_template_have_the_same_msgids():
    template = set(messages(TEMPLATE))
    for lang, path in PO_FILES.items():
        ids = set(messages(path))
        assert sorted(ids - template) == [], f"{lang}: not in messages.pot"
        assert sorted(template - ids) == [], f"{lang}: missing from the .po file"
    assert all(not m.string for m in messages(TEMPLATE).values())


def test_po_catalogues_have_the_same_placeholders_in_both_languages():
    texts = {lang: messages(path) for lang, path in PO_FILES.items()}
    differ = {
        key: {lang: placeholders(texts[lang][key].string) for lang in LANGUAGES}
        for key in texts["nb"].keys() & texts["en"].keys()
        if placeholders(texts["nb"][key].string) != placeholders(texts["en"][key].string)
    }
    assert differ == {}
    assert any(placeholders(m.string) for m in texts["en"].values())  # the parse finds them


def test_the_code_reads_the_po_catalogues():
    from_files = {
        key: {lang: messages(PO_FILES[lang])[key].string for lang in LANGUAGES}
        for key in messages(TEMPLATE)
    }
    assert {key: dict(texts) for key, texts in CATALOGUE.items()} == from_files
    assert i18n.t("access.signed_in", "en", email="a@b.no") == "Signed in as a@b.no"
    with pytest.raises(KeyError):
        i18n.t("no.such_key", "nb")
    with pytest.raises(TypeError):
        CATALOGUE["page.overview"]["nb"] = "changed"  # read-only


def keys_used(node: ast.expr) -> tuple[set[str], set[str]]:
    """The literal keys and the prefixes of built keys in the first argument of a `t()` call."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}, set()
    if isinstance(node, ast.IfExp):  # t("a" if ... else "b", lang)
        body, orelse = keys_used(node.body), keys_used(node.orelse)
        return body[0] | orelse[0], body[1] | orelse[1]
    if isinstance(node, ast.JoinedStr) and node.values:  # t(f"label.{x}", lang)
        first = node.values[0]
        prefix = first.value if isinstance(first, ast.Constant) else ""
        return set(), {prefix}
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # t("label." + x, lang)
        literal, prefixes = keys_used(node.left)
        return set(), literal | prefixes
    return set(), set()  # a variable: its keys are checked where they are written


def test_every_key_the_code_asks_for_is_in_the_catalogue():
    literal: dict[str, list[str]] = {}
    prefixes: dict[str, list[str]] = {}
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
                if node.func.id != "t":
                    continue
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                keys, built = keys_used(node.args[0])
                for key in keys:
                    literal.setdefault(key, []).append(where)
                for prefix in built - {""}:
                    prefixes.setdefault(prefix, []).append(where)
    assert len(literal) >= 100 and len(prefixes) >= 5  # the walk finds the calls
    assert {k: w for k, w in literal.items() if k not in CATALOGUE} == {}
    assert {p: w for p, w in prefixes.items() if not any(k.startswith(p) for k in CATALOGUE)} == {}
