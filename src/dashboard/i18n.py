"""Every visible string in Norwegian bokmål and English, and number/date formatting per language.

Strings live in gettext catalogues, one per language (`locale/<lang>/LC_MESSAGES/messages.po`),
whose msgid is the symbolic key the code asks for (msgid "page.overview", msgstr "Oversikt"). Babel
reads them once at import into `CATALOGUE` (key -> {"nb": ..., "en": ...}, read-only), and `t()`
looks a key up for the current language and fills in its `{placeholders}` with `str.format`.
Numbers and dates are formatted by Babel, not by hand.

How a translator adds a string: add the key as a new msgid (empty msgstr, in key order) to
`src/dashboard/locale/messages.pot`, run `pybabel update -N -i src/dashboard/locale/messages.pot
-d src/dashboard/locale` (`-N`: no fuzzy guesses copied from similar keys) to carry it into both
.po files, write its msgstr in both `nb/LC_MESSAGES/messages.po` and `en/LC_MESSAGES/messages.po`
with the same `{placeholders}` in both, and run `make catalogue-check`. A fuzzy or empty msgstr
counts as untranslated (as in gettext) and the tests refuse it. No .mo files are kept.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_compact_decimal, format_decimal, format_percent

LANGUAGES = ("nb", "en")
LOCALES = {"nb": "nb_NO", "en": "en_GB"}
LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "messages"


def _translations(lang: str) -> dict[str, str]:
    """The translated messages of one language's catalogue, msgid -> msgstr. As in gettext, an
    empty or fuzzy msgstr is no translation; a malformed file stops the import."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        catalog = read_po(po, locale=lang, domain=DOMAIN, abort_invalid=True)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


def _load() -> dict[str, dict[str, str]]:
    """Every key in any catalogue -> its text per language (a language without it is left out)."""
    texts = {lang: _translations(lang) for lang in LANGUAGES}
    keys = sorted(set().union(*texts.values()))
    return {
        key: {lang: texts[lang][key] for lang in LANGUAGES if key in texts[lang]} for key in keys
    }


# `t()` reads the plain dicts (one lookup each: it runs thousands of times per page); the rest of
# the code sees the same dicts through read-only views.
_TEXTS = _load()
CATALOGUE: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {key: MappingProxyType(texts) for key, texts in _TEXTS.items()}
)


def default_language() -> str:
    """The language when the URL does not say: `DASHBOARD_LANG`, else Norwegian."""
    lang = os.environ.get("DASHBOARD_LANG", "nb")
    return lang if lang in LANGUAGES else "nb"


def t(key: str, lang: str, **values: object) -> str:
    """The catalogue string `key` in `lang`, with `{placeholders}` filled in."""
    text = _TEXTS[key][lang]
    return text.format(**values) if values else text


def nok(amount: float, lang: str) -> str:
    """An amount in kroner: nb `1 234 567 kr`, en `NOK 1,234,567`."""
    number = format_decimal(round(amount), format="#,##0", locale=LOCALES[lang])
    return f"{number} kr" if lang == "nb" else f"NOK {number}"


def nok_short(amount: float, lang: str) -> str:
    """A large amount in kroner, rounded for a KPI tile: nb `69,4 mill. kr`, en `NOK 69.4M`."""
    short = format_compact_decimal(
        amount, format_type="short", fraction_digits=1, locale=LOCALES[lang]
    )
    return f"{short} kr" if lang == "nb" else f"NOK {short}"


def number(value: float, lang: str, digits: int = 0) -> str:
    """A plain number with the language's grouping and decimal signs."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def percent(share: float, lang: str) -> str:
    """A share (0–1) as a percentage."""
    return format_percent(share, format="#,##0 %", locale=LOCALES[lang])


@functools.lru_cache(maxsize=8192)
def date(value: dt.date, lang: str) -> str:
    """A date: nb `24.11.2026`, en `24 Nov 2026`."""
    pattern = "dd.MM.yyyy" if lang == "nb" else "d MMM yyyy"
    return format_date(value, format=pattern, locale=LOCALES[lang])


def date_as_known(value: dt.date, precision: str | None, lang: str) -> str:
    """A date to what the record knows of it (a `start_precision`/`date_precision`): the day,
    the month (nb `oktober 2017`, en `October 2017`) or the year, so a date written as the first
    of the month or of January does not read as a day."""
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return format_date(value, format="LLLL yyyy", locale=LOCALES[lang])
    return date(value, lang)
