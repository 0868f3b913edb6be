"""Every visible string in Norwegian bokmål and English, and number/date formatting per language.

Strings live in one catalogue (`CATALOGUE`, key -> {"nb": ..., "en": ...}); `t()` looks them up for
the current language. Numbers and dates are formatted by Babel, not by hand.
"""

from __future__ import annotations

import datetime as dt
import functools
import os

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal, format_percent

LANGUAGES = ("nb", "en")
LOCALES = {"nb": "nb_NO", "en": "en_GB"}

CATALOGUE: dict[str, dict[str, str]] = {
    # Navigation and sidebar
    "app.title": {"en": "Klyngemonitor", "nb": "Klyngemonitor"},
    "app.tagline": {
        "en": "Norway's cluster programme for its funders",
        "nb": "Klyngeprogrammet for finansiørene",
    },
    "page.overview": {"en": "Overview", "nb": "Oversikt"},
    "page.labels": {"en": "Labels", "nb": "Klyngemerker"},
    "page.timeline": {"en": "Expiry timeline", "nb": "Utløpstidslinje"},
    "page.funding": {"en": "Funding", "nb": "Finansiering"},
    "page.results": {"en": "Results by opportunity area", "nb": "Resultater per mulighetsområde"},
    "page.cluster": {"en": "Cluster profile", "nb": "Klyngeprofil"},
    "page.sources": {"en": "Data & sources", "nb": "Data og kilder"},
    "page.update": {"en": "Update data", "nb": "Oppdater data"},
    "access.open": {
        "en": "Open access: sign-in is not configured (for local use).",
        "nb": "Åpen tilgang: innlogging er ikke satt opp (for lokal bruk).",
    },
    "access.signed_in": {"en": "Signed in as {email}", "nb": "Logget inn som {email}"},
    "access.sign_in": {"en": "Sign in", "nb": "Logg inn"},
    "access.sign_out": {"en": "Sign out", "nb": "Logg ut"},
    "access.sign_in_needed": {
        "en": "Funding figures and label assessments are for the programme's funders. Sign in to continue.",
        "nb": "Finansieringstall og merkevurderinger er for programmets finansiører. Logg inn for å fortsette.",
    },
    "access.refused": {
        "en": "{email} has no access to Klyngemonitor. Ask an administrator, or sign in with another account.",
        "nb": "{email} har ikke tilgang til Klyngemonitor. Spør en administrator, eller logg inn med en annen konto.",
    },
    "update.intro": {
        "en": "Upload CSV files in the data contract's format (named after their table, e.g. certifications.csv) or an .xlsx workbook with one sheet per table. They are checked against the store first; nothing is written until you apply.",
        "nb": "Last opp CSV-filer i dataformatet (med tabellens navn, f.eks. certifications.csv) eller en .xlsx-arbeidsbok med ett ark per tabell. De kontrolleres mot databasen først; ingenting skrives før du bruker dem.",
    },
    "update.files": {"en": "Files to import", "nb": "Filer som skal importeres"},
    "update.backdated": {
        "en": "Accept awards older than a cluster's latest award",
        "nb": "Godta tildelinger eldre enn klyngens siste",
    },
    "update.problems": {
        "en": "The import was refused; nothing was written. Fix these and upload again:",
        "nb": "Importen ble avvist; ingenting er skrevet. Rett dette og last opp på nytt:",
    },
    "update.preview": {"en": "What the import changes", "nb": "Hva importen endrer"},
    "update.apply": {"en": "Apply the import", "nb": "Bruk importen"},
    "update.applied": {
        "en": "Import {id} applied; every page now shows the new data.",
        "nb": "Import {id} er gjennomført; alle sider viser nå de nye dataene.",
    },
    "update.added": {"en": "Added", "nb": "Lagt til"},
    "update.changed": {"en": "Changed", "nb": "Endret"},
    "update.unchanged": {"en": "Unchanged", "nb": "Uendret"},
    "sources.imports": {
        "en": "Imports since the store was built",
        "nb": "Importer siden databasen ble bygget",
    },
    "sources.no_imports": {
        "en": "No imports since the store was built from data/.",
        "nb": "Ingen importer siden databasen ble bygget fra data/.",
    },
    "filters.title": {"en": "Filters", "nb": "Filtre"},
    "filters.area": {"en": "Opportunity area", "nb": "Mulighetsområde"},
    "filters.level": {"en": "Level (on the date)", "nb": "Nivå (på datoen)"},
    "filters.region": {"en": "Region", "nb": "Region"},
    "filters.label": {"en": "Label held", "nb": "Merke"},
    "filters.as_of": {"en": "As of", "nb": "Per dato"},
    "filters.all": {"en": "All", "nb": "Alle"},
    "filters.reset": {"en": "Reset filters", "nb": "Nullstill filtre"},
    "filters.language": {"en": "Language", "nb": "Språk"},
    "language.nb": {"en": "Norsk", "nb": "Norsk"},
    "language.en": {"en": "English", "nb": "English"},
    "filters.help_as_of": {
        "en": "Every page shows the programme as it stood on this date.",
        "nb": "Alle sider viser programmet slik det var på denne datoen.",
    },
    "filters.notice": {
        "en": "Some link values were ignored:",
        "nb": "Noen verdier i lenken ble ignorert:",
    },
    "notice.unknown": {
        "en": "Ignored unknown {param} {value} in the link.",
        "nb": "Ignorerte ukjent {param} {value} i lenken.",
    },
    "notice.bad_date": {
        "en": "Ignored {param} {value}: not a date (YYYY-MM-DD); showing today.",
        "nb": "Ignorerte {param} {value}: ikke en dato (ÅÅÅÅ-MM-DD); viser i dag.",
    },
    "label.none": {"en": "No valid label", "nb": "Ingen gyldig merke"},
    "label.Gold": {"en": "Gold", "nb": "Gull"},
    "label.Silver": {"en": "Silver", "nb": "Sølv"},
    "label.Bronze": {"en": "Bronze", "nb": "Bronse"},
    "status.active": {"en": "Active", "nb": "Gyldig"},
    "status.expiring": {"en": "Expiring", "nb": "Utløper snart"},
    "status.expired": {"en": "Expired", "nb": "Utløpt"},
    "status.none": {"en": "No label", "nb": "Uten merke"},
    "status.valid": {"en": "Valid", "nb": "Gyldig"},
    "funder.Innovasjon Norge": {"en": "Innovasjon Norge", "nb": "Innovasjon Norge"},
    "funder.Siva": {"en": "Siva", "nb": "Siva"},
    "funder.Forskningsrådet": {"en": "Forskningsrådet", "nb": "Forskningsrådet"},
    "funder.County": {"en": "County", "nb": "Fylkeskommune"},
    "funder.Members": {"en": "Members' own effort", "nb": "Medlemmenes egeninnsats"},
    "funder.Other": {"en": "Other", "nb": "Andre"},
    "level.none": {"en": "Not in programme", "nb": "Ikke i programmet"},
    "provenance.published": {"en": "Published", "nb": "Publisert"},
    "provenance.estimate": {"en": "Estimate", "nb": "Estimat"},
    "provenance.illustrative": {"en": "Illustrative", "nb": "Illustrativ"},
    # Common
    "common.download": {"en": "Download CSV", "nb": "Last ned CSV"},
    "common.download_summary": {
        "en": "Download the charts' figures (CSV)",
        "nb": "Last ned tallene i diagrammene (CSV)",
    },
    "common.download_rows": {"en": "Download every row (CSV)", "nb": "Last ned alle rader (CSV)"},
    "common.download_help": {
        "en": "Exactly the rows behind this view, as `python -m dashboard export {name}` writes them.",
        "nb": "Nøyaktig radene bak denne visningen, som `python -m dashboard export {name}` skriver dem.",
    },
    "common.empty": {
        "en": "Nothing matches the filters on this date.",
        "nb": "Ingenting passer filtrene på denne datoen.",
    },
    "common.provenance_note": {
        "en": "Funding per cluster and most results are not published: those rows are estimates or illustrative figures made by documented rules (see Data & sources). Patterned bars are not published figures.",
        "nb": "Finansiering per klynge og de fleste resultater er ikke publisert: de radene er estimater eller illustrative tall laget etter dokumenterte regler (se Data og kilder). Skraverte søyler er ikke publiserte tall.",
    },
    "common.as_of": {"en": "as of {date}", "nb": "per {date}"},
    "common.open": {"en": "Open", "nb": "Åpne"},
    "common.table_page": {"en": "Page (of {pages})", "nb": "Side (av {pages})"},
    "common.table_rows": {
        "en": "Rows {first}–{last} of {total}; the download has them all.",
        "nb": "Rad {first}–{last} av {total}; nedlastingen har alle.",
    },
    "timeline.capped": {
        "en": "Showing the {shown} clusters whose labels run latest, of {total}; the download has every award.",
        "nb": "Viser de {shown} klyngene med merker som varer lengst, av {total}; nedlastingen har alle tildelinger.",
    },
    # Column headers shown in tables
    "col.cluster": {"en": "Cluster", "nb": "Klynge"},
    "col.profile": {"en": "Profile", "nb": "Profil"},
    "col.area": {"en": "Opportunity area", "nb": "Mulighetsområde"},
    "col.region": {"en": "Region", "nb": "Region"},
    "col.level": {"en": "Level", "nb": "Nivå"},
    "col.label": {"en": "Label", "nb": "Merke"},
    "col.status": {"en": "Status", "nb": "Status"},
    "col.awarded_on": {"en": "Awarded", "nb": "Tildelt"},
    "col.valid_until": {"en": "Valid until", "nb": "Gyldig til"},
    "col.days_left": {"en": "Days left", "nb": "Dager igjen"},
    "col.score_pct": {"en": "Score (%)", "nb": "Poeng (%)"},
    "col.provenance": {"en": "Provenance", "nb": "Kildegrunnlag"},
    "col.source_url": {"en": "Source", "nb": "Kilde"},
    "col.year": {"en": "Year", "nb": "År"},
    "col.funder": {"en": "Funder", "nb": "Finansiør"},
    "col.amount_nok": {"en": "Amount (NOK)", "nb": "Beløp (NOK)"},
    "col.start_date": {"en": "From", "nb": "Fra"},
    "col.end_date": {"en": "To", "nb": "Til"},
    "col.indicator": {"en": "Indicator", "nb": "Indikator"},
    "col.value": {"en": "Value", "nb": "Verdi"},
    "col.note": {"en": "How it was made", "nb": "Hvordan tallet er laget"},
    "col.table": {"en": "Table", "nb": "Tabell"},
    "col.rows": {"en": "Rows", "nb": "Rader"},
    "col.rows_with_source": {"en": "Rows with source URL", "nb": "Rader med kilde-URL"},
    "col.holds": {"en": "What it holds", "nb": "Innhold"},
    "col.extract": {"en": "Extract", "nb": "Uttrekk"},
    "col.issue": {"en": "What needs attention", "nb": "Hva som krever oppfølging"},
    "col.clusters": {"en": "Clusters", "nb": "Klynger"},
    # Overview
    "overview.in_programme": {"en": "Clusters in the programme", "nb": "Klynger i programmet"},
    "overview.active_labels": {"en": "Active labels", "nb": "Gyldige klyngemerker"},
    "overview.expiring": {"en": "Expiring within 180 days", "nb": "Utløper innen 180 dager"},
    "overview.funding_year": {"en": "Funding {year}", "nb": "Finansiering {year}"},
    "overview.funding_delta": {"en": "{delta} vs {year}", "nb": "{delta} mot {year}"},
    "overview.attention": {"en": "Needs attention", "nb": "Krever oppfølging"},
    "overview.attention_none": {
        "en": "Nothing needs attention on this date.",
        "nb": "Ingenting krever oppfølging på denne datoen.",
    },
    "overview.issue_expiring": {
        "en": "{label} label expires in {days} days ({date})",
        "nb": "{label}-merket utløper om {days} dager ({date})",
    },
    "overview.issue_expired": {
        "en": "{label} label expired {days} days ago ({date}); renewal possible until {renew}",
        "nb": "{label}-merket utløp for {days} dager siden ({date}); kan fornyes til {renew}",
    },
    "overview.issue_gce": {
        "en": "GCE without an active Gold label (required to stay in the programme)",
        "nb": "GCE uten gyldig gullmerke (kreves for å bli i programmet)",
    },
    "overview.levels_chart": {
        "en": "Clusters in the programme by level and year",
        "nb": "Klynger i programmet per nivå og år",
    },
    # Labels page
    "labels.status_title": {
        "en": "Label status of every cluster",
        "nb": "Merkestatus for alle klynger",
    },
    "labels.distribution": {
        "en": "Active labels by opportunity area",
        "nb": "Gyldige merker per mulighetsområde",
    },
    "labels.history": {"en": "Awards and scores", "nb": "Tildelinger og poeng"},
    "labels.history_note": {
        "en": "ESCA does not publish scores; they come from the clusters' own announcements, so most awards have none.",
        "nb": "ESCA publiserer ikke poeng; de kommer fra klyngenes egne kunngjøringer, så de fleste tildelinger mangler poeng.",
    },
    # Timeline page
    "timeline.title": {"en": "Validity of every award", "nb": "Gyldighet for hver tildeling"},
    "timeline.months": {"en": "Renewal horizon (months)", "nb": "Fornyelseshorisont (måneder)"},
    "timeline.due": {
        "en": "Renewals due within {months} months",
        "nb": "Fornyelser innen {months} måneder",
    },
    "timeline.due_none": {
        "en": "No active label expires within {months} months.",
        "nb": "Ingen gyldige merker utløper innen {months} måneder.",
    },
    "timeline.today": {"en": "As of", "nb": "Per dato"},
    "timeline.horizon": {"en": "Renewal horizon", "nb": "Fornyelseshorisont"},
    # Funding page
    "funding.total": {"en": "Total {first}–{last}", "nb": "Totalt {first}–{last}"},
    "funding.published_share": {"en": "Published share", "nb": "Andel publisert"},
    "funding.by_funder": {
        "en": "Funding by funder and year",
        "nb": "Finansiering per finansiør og år",
    },
    "funding.by_level": {"en": "Funding by level and year", "nb": "Finansiering per nivå og år"},
    "funding.by_area": {
        "en": "Share of funding by opportunity area",
        "nb": "Andel av finansieringen per mulighetsområde",
    },
    "funding.ranking": {
        "en": "Clusters ranked by funding, {first}–{last}",
        "nb": "Klynger rangert etter finansiering, {first}–{last}",
    },
    # Results page
    "results.indicator": {"en": "Indicator", "nb": "Indikator"},
    "results.provenance_note": {
        "en": "Only some member counts are published; the other result figures are estimates or illustrative, made by the rules on Data & sources. Use them for the shape over time, not as reported figures.",
        "nb": "Bare noen medlemstall er publisert; de andre resultattallene er estimater eller illustrative, laget etter reglene under Data og kilder. Bruk dem til å se utviklingen, ikke som rapporterte tall.",
    },
    "results.by_area": {
        "en": "{indicator} by opportunity area",
        "nb": "{indicator} per mulighetsområde",
    },
    "results.by_level": {"en": "{indicator} by level", "nb": "{indicator} per nivå"},
    "results.peers": {
        "en": "{cluster} against the peers of its level",
        "nb": "{cluster} mot klynger på samme nivå",
    },
    "results.peer_cluster": {
        "en": "Compare a cluster with its peers",
        "nb": "Sammenlign en klynge med andre på samme nivå",
    },
    "results.peer_median": {"en": "Peer median", "nb": "Median for nivået"},
    "results.peer_band": {"en": "Peers, middle half", "nb": "Midterste halvdel av nivået"},
    "results.sum": {"en": "Sum over clusters", "nb": "Sum over klynger"},
    "results.mean": {"en": "Mean over clusters", "nb": "Gjennomsnitt over klynger"},
    # Cluster page
    "cluster.pick": {"en": "Cluster", "nb": "Klynge"},
    "cluster.unknown": {
        "en": "Unknown cluster id {value} in the link; pick a cluster below.",
        "nb": "Ukjent klynge-id {value} i lenken; velg en klynge nedenfor.",
    },
    "cluster.level_now": {"en": "Level on the date", "nb": "Nivå på datoen"},
    "cluster.label_now": {"en": "Label on the date", "nb": "Merke på datoen"},
    "cluster.members": {"en": "Members (published)", "nb": "Medlemmer (publisert)"},
    "cluster.levels": {"en": "Level history", "nb": "Nivåhistorikk"},
    "cluster.labels": {"en": "Label history", "nb": "Merkehistorikk"},
    "cluster.funding": {"en": "Funding", "nb": "Finansiering"},
    "cluster.results": {"en": "Results", "nb": "Resultater"},
    "cluster.sources": {"en": "Sources", "nb": "Kilder"},
    "cluster.website": {"en": "Website", "nb": "Nettsted"},
    "cluster.area_basis": {"en": "Opportunity area: {basis}", "nb": "Mulighetsområde: {basis}"},
    "cluster.no_periods": {
        "en": "No programme period with a known date is recorded.",
        "nb": "Ingen programperiode med kjent dato er registrert.",
    },
    "cluster.no_awards": {
        "en": "No label award with a known date is recorded.",
        "nb": "Ingen merketildeling med kjent dato er registrert.",
    },
    # Sources page
    "sources.tables": {"en": "What each table holds", "nb": "Hva hver tabell inneholder"},
    "sources.provenance": {"en": "Provenance of the rows", "nb": "Kildegrunnlag for radene"},
    "sources.built": {
        "en": "Store built {built} from data with facts up to {as_of}.",
        "nb": "Databasen er bygget {built} fra data med fakta til og med {as_of}.",
    },
    "sources.extracts": {
        "en": "Full extracts (no filters, as of the date)",
        "nb": "Fullstendige uttrekk (uten filtre, per dato)",
    },
    "sources.rules": {"en": "How estimates are made", "nb": "Hvordan estimater lages"},
    "sources.rules_text": {
        "en": "Published rows carry the URL of the public source. Where only a year or month is published, the day is set by a stated rule (1st of the month, 1 June, ...). Label validity is 24 months from the award unless a source says otherwise (ESCA's first-award rule). Programme periods end by the documented durations (Arena 3 years, Arena Pro 5, NCE 5 or 10) unless an end is published. Funding follows the programme frames per level (Arena NOK 1.5–3 m/yr, Arena Pro 3–6 m, NCE 4–6 m, GCE 8–10 m) with assumed funder shares; members' own effort at least equals the programme funding. Every such row says its rule in the note column of the data.",
        "nb": "Publiserte rader har URL til den offentlige kilden. Der bare år eller måned er publisert, settes dagen etter en oppgitt regel (1. i måneden, 1. juni, ...). Et merke er gyldig i 24 måneder fra tildeling om ikke en kilde sier noe annet (ESCAs regel for første tildeling). Programperioder slutter etter dokumentert varighet (Arena 3 år, Arena Pro 5, NCE 5 eller 10) om ikke slutten er publisert. Finansiering følger programrammene per nivå (Arena 1,5–3 mill. kr/år, Arena Pro 3–6 mill., NCE 4–6 mill., GCE 8–10 mill.) med antatte andeler per finansiør; medlemmenes egeninnsats er minst like stor som programfinansieringen. Hver slik rad oppgir regelen i note-kolonnen i dataene.",
    },
    "table.clusters": {
        "en": "The clusters: name, region, opportunity area, sources",
        "nb": "Klyngene: navn, region, mulighetsområde, kilder",
    },
    "table.programme_periods": {
        "en": "Levels each cluster held, with dates",
        "nb": "Nivåene hver klynge har hatt, med datoer",
    },
    "table.certifications": {
        "en": "ESCA/EUCLES label awards with validity and score",
        "nb": "ESCA/EUCLES-merker med gyldighet og poeng",
    },
    "table.funding": {
        "en": "Funding per cluster, year and funder",
        "nb": "Finansiering per klynge, år og finansiør",
    },
    "table.results": {
        "en": "Result indicators per cluster and year",
        "nb": "Resultatindikatorer per klynge og år",
    },
    "table.opportunity_areas": {
        "en": "Innovasjon Norge's six opportunity areas (+ other)",
        "nb": "Innovasjon Norges seks mulighetsområder (+ andre)",
    },
    "table.indicators": {
        "en": "Result indicators and units",
        "nb": "Resultatindikatorer og enheter",
    },
    # CSV headers of extracts downloaded in a language
    "csv.amount_nok": {"en": "Amount (NOK)", "nb": "Beløp (kr)"},
    "csv.area": {"en": "Opportunity area", "nb": "Mulighetsområde"},
    "csv.area_id": {"en": "Opportunity area ID", "nb": "Mulighetsområde-ID"},
    "csv.awarded_on": {"en": "Awarded on", "nb": "Tildelt"},
    "csv.city": {"en": "City", "nb": "By"},
    "csv.cluster": {"en": "Cluster", "nb": "Klynge"},
    "csv.cluster_id": {"en": "Cluster ID", "nb": "Klynge-ID"},
    "csv.days_left": {"en": "Days left", "nb": "Dager igjen"},
    "csv.end_date": {"en": "End date", "nb": "Sluttdato"},
    "csv.funder": {"en": "Funder", "nb": "Finansiør"},
    "csv.indicator": {"en": "Indicator ID", "nb": "Indikator-ID"},
    "csv.indicator_name": {"en": "Indicator", "nb": "Indikator"},
    "csv.kind": {"en": "What needs attention", "nb": "Hva som krever oppfølging"},
    "csv.label": {"en": "Active label", "nb": "Gyldig merke"},
    "csv.last_label": {"en": "Latest label", "nb": "Siste merke"},
    "csv.level": {"en": "Level", "nb": "Nivå"},
    "csv.note": {"en": "How it was made", "nb": "Hvordan tallet er laget"},
    "csv.provenance": {"en": "Provenance", "nb": "Kildegrunnlag"},
    "csv.region": {"en": "Region", "nb": "Region"},
    "csv.score_pct": {"en": "Score (%)", "nb": "Poeng (%)"},
    "csv.source_url": {"en": "Source URL", "nb": "Kilde-URL"},
    "csv.start_date": {"en": "Start date", "nb": "Startdato"},
    "csv.state": {"en": "State on the date", "nb": "Status på datoen"},
    "csv.status": {"en": "Status", "nb": "Status"},
    "csv.unit": {"en": "Unit", "nb": "Enhet"},
    "csv.valid_until": {"en": "Valid until", "nb": "Gyldig til"},
    "csv.value": {"en": "Value", "nb": "Verdi"},
    "csv.website": {"en": "Website", "nb": "Nettsted"},
    "csv.year": {"en": "Year", "nb": "År"},
    "csv.clusters": {"en": "Clusters", "nb": "Klynger"},
    "csv.value_sum": {"en": "Sum of values", "nb": "Sum av verdier"},
    "csv.value_count": {"en": "Number of values", "nb": "Antall verdier"},
    "error.invalid_data": {
        "en": "The data in data/ is invalid; the dashboard shows the last good store.",
        "nb": "Dataene i data/ er ugyldige; dashbordet viser siste gyldige database.",
    },
    # Chart axes and legends
    "axis.year": {"en": "Year", "nb": "År"},
    "axis.nok": {"en": "Funding (NOK)", "nb": "Finansiering (NOK)"},
    "axis.share": {"en": "Share of funding (%)", "nb": "Andel av finansieringen (%)"},
    "axis.clusters": {"en": "Clusters", "nb": "Klynger"},
    "axis.score": {"en": "Score (%)", "nb": "Poeng (%)"},
    "axis.date": {"en": "Date", "nb": "Dato"},
    "axis.count": {"en": "Number", "nb": "Antall"},
    "axis.pp": {"en": "Percentage points", "nb": "Prosentpoeng"},
    "legend.label": {"en": "Label", "nb": "Merke"},
    "legend.level": {"en": "Level", "nb": "Nivå"},
    "legend.funder": {"en": "Funder", "nb": "Finansiør"},
    "legend.area": {"en": "Opportunity area", "nb": "Mulighetsområde"},
    "legend.provenance": {"en": "Provenance", "nb": "Kildegrunnlag"},
}


def default_language() -> str:
    """The language when the URL does not say: `DASHBOARD_LANG`, else Norwegian."""
    lang = os.environ.get("DASHBOARD_LANG", "nb")
    return lang if lang in LANGUAGES else "nb"


def t(key: str, lang: str, **values: object) -> str:
    """The catalogue string `key` in `lang`, with `{placeholders}` filled in."""
    text = CATALOGUE[key][lang]
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
