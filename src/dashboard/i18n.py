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
    "access.misconfigured": {
        "en": "Sign-in is configured but cannot be used (the secrets file is unreadable or [auth] is incomplete), so nobody is let in. An administrator must correct .streamlit/secrets.toml.",
        "nb": "Innlogging er satt opp, men kan ikke brukes (hemmelighetsfilen kan ikke leses eller [auth] er ufullstendig), så ingen slipper inn. En administrator må rette .streamlit/secrets.toml.",
    },
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
    "notice.clamped": {
        "en": "{param} {value} is outside 2002–2035; showing the nearest date that is.",
        "nb": "{param} {value} er utenfor 2002–2035; viser nærmeste dato innenfor.",
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
    "funder.Other": {"en": "Other", "nb": "Andre"},
    "level.none": {"en": "Not in programme", "nb": "Ikke i programmet"},
    "provenance.published": {"en": "Published", "nb": "Publisert"},
    "provenance.estimate": {"en": "Estimate", "nb": "Estimat"},
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
        "en": "Published: a cited source states the figure. Estimate: made by a rule written in the row's note from published figures (see Data & sources). Patterned bars are estimates.",
        "nb": "Publisert: en oppgitt kilde sier tallet. Estimat: laget etter en regel som står i radens merknad, fra publiserte tall (se Data og kilder). Skraverte søyler er estimater.",
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
    "overview.in_programme": {"en": "Clusters in the programme", "nb": "Klynger i programmet"},
    "overview.active_labels": {"en": "Active labels", "nb": "Gyldige klyngemerker"},
    "overview.expiring": {
        "en": "Expiring within 180 days",
        "nb": "Utløper innen 180 dager",
    },
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
        "en": "{label} expired {date}; renewable until {renew}",
        "nb": "{label} utløp {date}; kan fornyes til {renew}",
    },
    "overview.issue_gce": {
        "en": "GCE without a valid Gold label (GCEs must hold Gold)",
        "nb": "GCE uten gyldig gullmerke (GCE-er må ha gull)",
    },
    "overview.levels_chart": {
        "en": "Clusters in the programme by level and year",
        "nb": "Klynger i programmet per nivå og år",
    },
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
    "results.peers": {
        "en": "{cluster} among the clusters at its level (dashed: the peers' median, {median})",
        "nb": "{cluster} blant klyngene på samme nivå (stiplet: medianen for de andre, {median})",
    },
    "results.peer_cluster": {
        "en": "Compare a cluster with its peers",
        "nb": "Sammenlign en klynge med andre på samme nivå",
    },
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
    "cluster.no_periods": {
        "en": "No programme period with a known date is recorded.",
        "nb": "Ingen programperiode med kjent dato er registrert.",
    },
    "cluster.no_awards": {
        "en": "No label award with a known date is recorded.",
        "nb": "Ingen merketildeling med kjent dato er registrert.",
    },
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
        "en": "The rules below turn published dates into estimates (a period's end from its term, a label's expiry from the label body's validity) and decide alerts. Validation re-derives every estimate row from its rule when the store is built.",
        "nb": "Reglene under gjør publiserte datoer om til estimater (en periodes slutt etter varigheten, et merkes utløp etter merkeorganets gyldighet) og styrer varsler. Valideringen regner ut hver estimatrad på nytt etter regelen når databasen bygges.",
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
        "en": "The store was not rebuilt from data/; the dashboard shows the last good store. Why:",
        "nb": "Databasen ble ikke bygget på nytt fra data/; dashbordet viser siste gyldige database. Årsak:",
    },
    "error.build_failed": {
        "en": "the store could not be built from data/ (see the server log).",
        "nb": "databasen kunne ikke bygges fra data/ (se serverloggen).",
    },
    "error.no_store": {
        "en": "There is no store to show yet. Run `make run` (or `python -m dashboard build`) on the server.",
        "nb": "Det finnes ingen database å vise ennå. Kjør `make run` (eller `python -m dashboard build`) på serveren.",
    },
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
    "axis.companies": {"en": "Companies", "nb": "Bedrifter"},
    "axis.members": {
        "en": "Members (latest published count)",
        "nb": "Medlemmer (siste publiserte tall)",
    },
    "basis.published": {"en": "expiry as published", "nb": "utløp som publisert"},
    "basis.rule": {
        "en": "expiry from a rule, to be confirmed",
        "nb": "utløp etter regel, må bekreftes",
    },
    "basis.confirmed": {
        "en": "held per a dated statement, expiry unknown",
        "nb": "holdt ifølge en datert kilde, utløp ukjent",
    },
    "basis.none": {"en": "no Gold on record", "nb": "ingen gull registrert"},
    "cluster.former_names": {"en": "Formerly: {names}", "nb": "Tidligere: {names}"},
    "cluster.members_history": {"en": "Published member counts", "nb": "Publiserte medlemstall"},
    "cluster.members_value": {"en": "{value} ({year})", "nb": "{value} ({year})"},
    "cluster.no_funding": {
        "en": "The record holds no published grant for this cluster.",
        "nb": "Kildene har ingen publisert bevilgning til denne klyngen.",
    },
    "cluster.no_members": {
        "en": "The record holds no published member count for this cluster up to the date.",
        "nb": "Kildene har ikke noe publisert medlemstall for denne klyngen fram til datoen.",
    },
    "cluster.successor": {
        "en": "This cluster continued as [{name}]({link}).",
        "nb": "Klyngen ble videreført i [{name}]({link}).",
    },
    "common.currency": {"en": "facts up to {date}", "nb": "fakta til og med {date}"},
    "common.past_currency": {
        "en": "The record's latest fact is from {date}. For later dates, periods and labels run on by their rules, and anything newer is unknown.",
        "nb": "Det siste faktumet i kildene er fra {date}. For senere datoer løper perioder og merker videre etter sine regler, og alt nyere er ukjent.",
    },
    "common.source": {"en": "source", "nb": "kilde"},
    "funding.budget": {
        "en": "Programme budget (published)",
        "nb": "Programmets budsjett (publisert)",
    },
    "funding.register": {
        "en": "Tied to clusters by published grants",
        "nb": "Knyttet til klynger gjennom publiserte bevilgninger",
    },
    "funding.register_year": {"en": "Tied to clusters {year}", "nb": "Knyttet til klynger {year}"},
    "funding.covered": {
        "en": "Share of the budget covered",
        "nb": "Andel av budsjettet som er dekket",
    },
    "funding.coverage_chart": {
        "en": "Programme budget and the money the record ties to clusters",
        "nb": "Programmets budsjett og pengene kildene knytter til klynger",
    },
    "funding.coverage_text": {
        "en": "Cluster-level money covers {register} of the {budget} budget for {year} ({clusters} clusters with a published grant).",
        "nb": "Penger per klynge dekker {register} av budsjettet på {budget} for {year} ({clusters} klynger med publisert bevilgning).",
    },
    "funding.no_split": {
        "en": "The record does not publish how the programme's money is split between Innovasjon Norge, Siva and Forskningsrådet, so no chart by funder is drawn.",
        "nb": "Kildene sier ikke hvordan programmets penger fordeles mellom Innovasjon Norge, Siva og Forskningsrådet, så det tegnes ikke noe diagram per finansiør.",
    },
    "funding.note": {
        "en": "Public money only. Per-cluster amounts come from published grants (e.g. a GCE's NOK 10 m a year for ten years), spread over their years by the rule in each row; members' own effort is not funding and is never added in.",
        "nb": "Bare offentlige midler. Beløp per klynge kommer fra publiserte bevilgninger (f.eks. en GCE sine 10 mill. kr i året i ti år), fordelt på årene etter regelen i hver rad; medlemmenes egeninnsats er ikke finansiering og legges aldri til.",
    },
    "funder.Klyngeprogrammet": {
        "en": "Cluster programme (owners' split not published)",
        "nb": "Klyngeprogrammet (fordeling mellom eierne ikke publisert)",
    },
    "labels.basis_note": {
        "en": "'Expiry from a rule' means the record gives the award but not its validity: the dashboard applies the label body's rule (Data & sources), so an alert on it is to be confirmed.",
        "nb": "«Utløp etter regel» betyr at kildene gir tildelingen, men ikke gyldigheten: dashbordet bruker merkeorganets regel (Data og kilder), så et varsel om det må bekreftes.",
    },
    "labels.confirmations": {"en": "Dated confirmations", "nb": "Daterte bekreftelser"},
    "labels.confirmations_note": {
        "en": "Published statements that a cluster held a label on a date (and since when, where they say). They close gaps that a validity rule alone would open.",
        "nb": "Publiserte utsagn om at en klynge hadde et merke på en dato (og siden når, der det står). De tetter hull som en gyldighetsregel alene ville åpnet.",
    },
    "legend.measure": {"en": "Figure", "nb": "Tall"},
    "overview.in_programme_help": {
        "en": "Clusters in the register with a programme period on the date.",
        "nb": "Klynger i registeret med en programperiode på datoen.",
    },
    "overview.active_labels_help": {
        "en": "Labels held on the date by clusters in the programme.",
        "nb": "Merker som klynger i programmet har på datoen.",
    },
    "overview.budget": {"en": "Programme budget {year}", "nb": "Programmets budsjett {year}"},
    "overview.budget_none": {"en": "Programme budget", "nb": "Programmets budsjett"},
    "overview.budget_help": {
        "en": "The latest budget the programme published up to the date.",
        "nb": "Det siste budsjettet programmet publiserte fram til datoen.",
    },
    "overview.coverage_on_date": {
        "en": "The register has **{register}** clusters in the programme on {date}; the programme reported **{published}** on that date.",
        "nb": "Registeret har **{register}** klynger i programmet {date}; programmet oppga **{published}** på den datoen.",
    },
    "overview.coverage_during_year": {
        "en": "The register has **{register}** clusters in the programme during {year}; the programme reported **{published}** for that year.",
        "nb": "Registeret har **{register}** klynger i programmet i løpet av {year}; programmet oppga **{published}** for det året.",
    },
    "common.no_chart_data": {
        "en": "{title}: the record has nothing to draw for this selection up to this date.",
        "nb": "{title}: kildene har ingenting å vise for dette utvalget fram til denne datoen.",
    },
    "common.download_chart": {
        "en": "Download the chart's figures (CSV)",
        "nb": "Last ned tallene i diagrammet (CSV)",
    },
    "overview.download_coverage": {
        "en": "Download the register against the published counts (CSV)",
        "nb": "Last ned registeret mot de publiserte antallene (CSV)",
    },
    "funding.partial_note": {
        "en": "The charts below sum only the clusters with a published grant: a lower bar means less of the programme is covered, not less money (see the comparison with the budget above).",
        "nb": "Diagrammene under summerer bare klyngene med publisert bevilgning: en lavere søyle betyr at mindre av programmet er dekket, ikke mindre penger (se sammenligningen med budsjettet over).",
    },
    "timeline.confirmed": {
        "en": "Confirmed held (published statement)",
        "nb": "Bekreftet holdt (publisert utsagn)",
    },
    "axis.covered": {"en": "Covered (%)", "nb": "Dekket (%)"},
    "sources.coverage_cell": {
        "en": "{published} published, {estimate} estimate, {unknown} unknown",
        "nb": "{published} publisert, {estimate} estimat, {unknown} ukjent",
    },
    "overview.coverage_selected": {
        "en": "The programme publishes its counts for the whole programme only; clear the filters to compare the register with them.",
        "nb": "Programmet publiserer antall bare for hele programmet; fjern filtrene for å sammenligne registeret med dem.",
    },
    "overview.coverage_none": {
        "en": "The programme published no count of its clusters up to this date.",
        "nb": "Programmet publiserte ikke noe antall klynger fram til denne datoen.",
    },
    "overview.attention_note": {
        "en": "Clusters in the programme on the date only; each item says what the date rests on.",
        "nb": "Bare klynger i programmet på datoen; hvert punkt sier hva datoen bygger på.",
    },
    "overview.levels_note": {
        "en": "Bars: clusters in the register during each year, by level. Diamonds: the totals the programme published. Where bars fall short of a diamond, the record lacks clusters, not the programme.",
        "nb": "Søyler: klynger i registeret i løpet av hvert år, per nivå. Ruter: totalene programmet publiserte. Der søylene er lavere enn en rute, mangler kildene klynger, ikke programmet.",
    },
    "overview.none_in_programme": {
        "en": "No cluster in the programme on this date.",
        "nb": "Ingen klynge i programmet på denne datoen.",
    },
    "overview.published_total": {"en": "Published total", "nb": "Publisert total"},
    "results.count_year": {"en": "count from", "nb": "tall fra"},
    "results.coverage": {
        "en": "**{covered}** of the **{total}** clusters in the programme on the date have a published member count up to it.",
        "nb": "**{covered}** av de **{total}** klyngene i programmet på datoen har et publisert medlemstall fram til den.",
    },
    "results.members_chart": {
        "en": "Latest published member count per cluster",
        "nb": "Siste publiserte medlemstall per klynge",
    },
    "results.members_note": {
        "en": "Each bar is the latest count published up to the date, with its year in brackets: counts are carried forward, not estimated. Sources count members, member companies or partners, as each bar's note says.",
        "nb": "Hver søyle er det siste tallet publisert fram til datoen, med året i parentes: tallene føres videre, de estimeres ikke. Kildene teller medlemmer, medlemsbedrifter eller partnere, som merknaden til hver søyle sier.",
    },
    "results.no_members": {
        "en": "No cluster in the selection has a published member count up to the date.",
        "nb": "Ingen klynge i utvalget har et publisert medlemstall fram til datoen.",
    },
    "results.peer": {"en": "Peers at the same level", "nb": "Andre på samme nivå"},
    "results.this_cluster": {"en": "This cluster", "nb": "Denne klyngen"},
    "results.peers_title": {
        "en": "Against the peers of its level",
        "nb": "Mot andre klynger på samme nivå",
    },
    "results.too_few_peers": {
        "en": "Only {peers} other {level} clusters have a published member count up to the date; a comparison needs at least {needed}.",
        "nb": "Bare {peers} andre klynger på nivå {level} har et publisert medlemstall fram til datoen; en sammenligning krever minst {needed}.",
    },
    "results.programme": {
        "en": "The programme's own published results",
        "nb": "Programmets egne publiserte resultater",
    },
    "results.programme_note": {
        "en": "As Innovasjon Norge and the programme published them; a year without a marker is a year the record is silent about.",
        "nb": "Slik Innovasjon Norge og programmet publiserte dem; et år uten markør er et år kildene ikke sier noe om.",
    },
    "results.programme_chart_participating_companies": {
        "en": "Companies in the programme",
        "nb": "Bedrifter i programmet",
    },
    "results.programme_chart_excess_value_creation_pp": {
        "en": "Excess growth of member companies against a control group",
        "nb": "Merveksten til medlemsbedriftene mot en kontrollgruppe",
    },
    "sources.coverage": {"en": "Coverage per table and year", "nb": "Dekning per tabell og år"},
    "sources.coverage_chart": {
        "en": "Share of the clusters in the programme that the record covers",
        "nb": "Andelen av klyngene i programmet som kildene dekker",
    },
    "sources.coverage_note": {
        "en": "Each cell: the share of the clusters in the register during the year that the record gives a figure for (hover for published, estimate and unknown). Unknown is not zero: where the record is silent, nothing is drawn or summed.",
        "nb": "Hver celle: andelen av klyngene i registeret i løpet av året som kildene har et tall for (hold over for publisert, estimat og ukjent). Ukjent er ikke null: der kildene tier, tegnes eller summeres ingenting.",
    },
    "sources.programme_counts": {
        "en": "The register against the programme's published counts",
        "nb": "Registeret mot programmets publiserte antall",
    },
    "sources.provenance_rule": {
        "en": "Every row is **published** (a cited source states it; its source_url is the page that states it) or an **estimate** (a deterministic rule, written in its note, from published figures the row cites). Nothing is drawn at random and nothing is assumed.",
        "nb": "Hver rad er **publisert** (en oppgitt kilde sier det; source_url er siden som sier det) eller et **estimat** (en fast regel, skrevet i merknaden, fra publiserte tall raden viser til). Ingenting er trukket tilfeldig og ingenting er antatt.",
    },
    "coverage.programme_periods": {"en": "Level periods", "nb": "Nivåperioder"},
    "coverage.funding": {"en": "Funding", "nb": "Finansiering"},
    "coverage.results": {"en": "Member counts", "nb": "Medlemstall"},
    "level.Arena": {"en": "Arena", "nb": "Arena"},
    "level.Arena Pro": {"en": "Arena Pro", "nb": "Arena Pro"},
    "level.NCE": {"en": "NCE", "nb": "NCE"},
    "level.GCE": {"en": "GCE", "nb": "GCE"},
    "level.Mature": {"en": "Mature cluster", "nb": "Moden klynge"},
    "level.NIC Connect": {"en": "NIC Connect", "nb": "NIC Connect"},
    "level.NIC Impact": {"en": "NIC Impact", "nb": "NIC Impact"},
    "measure.clusters_total": {"en": "Clusters in the programme", "nb": "Klynger i programmet"},
    "measure.clusters_arena": {"en": "Arena clusters", "nb": "Arena-klynger"},
    "measure.clusters_arena_pro": {"en": "Arena Pro clusters", "nb": "Arena Pro-klynger"},
    "measure.clusters_nce": {"en": "NCE clusters", "nb": "NCE-klynger"},
    "measure.clusters_gce": {"en": "GCE clusters", "nb": "GCE-klynger"},
    "measure.clusters_mature": {"en": "Mature clusters", "nb": "Modne klynger"},
    "measure.budget_nok": {"en": "Programme budget (NOK)", "nb": "Programmets budsjett (kr)"},
    "measure.participating_companies": {
        "en": "Participating companies",
        "nb": "Deltakende bedrifter",
    },
    "measure.member_companies": {"en": "Member companies", "nb": "Medlemsbedrifter"},
    "measure.excess_value_creation_pp": {
        "en": "Excess growth in value creation (pp)",
        "nb": "Merverdiskaping (prosentpoeng)",
    },
    "measure.excess_sales_pp": {
        "en": "Excess growth in sales (pp)",
        "nb": "Mervekst i salg (prosentpoeng)",
    },
    "measure.excess_employment_pp": {
        "en": "Excess growth in man-years (pp)",
        "nb": "Mervekst i årsverk (prosentpoeng)",
    },
    "measure.new_clusters_admitted": {"en": "New clusters admitted", "nb": "Nye klynger tatt opp"},
    "table.counties": {
        "en": "Norway's counties and the years each was in force (regions are validated against them)",
        "nb": "Norges fylker og årene hvert gjaldt (regioner kontrolleres mot dem)",
    },
    "table.rules": {
        "en": "Rules with a number behind estimates and alerts, each with its source",
        "nb": "Regler med tall bak estimater og varsler, hver med kilde",
    },
    "table.label_confirmations": {
        "en": "Dated published statements that a cluster held a label",
        "nb": "Daterte publiserte utsagn om at en klynge hadde et merke",
    },
    "table.grants": {
        "en": "Published grants per cluster: the inputs of the funding estimates",
        "nb": "Publiserte bevilgninger per klynge: grunnlaget for finansieringsestimatene",
    },
    "table.programme_figures": {
        "en": "The programme's own published figures per year",
        "nb": "Programmets egne publiserte tall per år",
    },
    "cluster.area_basis": {
        "en": "Opportunity area (an analyst's mapping): {basis}",
        "nb": "Mulighetsområde (analytikers plassering): {basis}",
    },
    "csv.area_nb": {"en": "Opportunity area (Norwegian)", "nb": "Mulighetsområde (norsk)"},
    "col.area_nb": {"en": "Opportunity area (Norwegian)", "nb": "Mulighetsområde (norsk)"},
    "csv.basis": {"en": "Validity rests on", "nb": "Gyldighet bygger på"},
    "col.basis": {"en": "Validity rests on", "nb": "Gyldighet bygger på"},
    "csv.budget_nok": {"en": "Programme budget (NOK)", "nb": "Programmets budsjett (kr)"},
    "col.budget_nok": {"en": "Programme budget (NOK)", "nb": "Programmets budsjett (kr)"},
    "csv.confirmed_on": {"en": "Confirmed on", "nb": "Bekreftet"},
    "col.confirmed_on": {"en": "Confirmed on", "nb": "Bekreftet"},
    "csv.counted": {"en": "Counted", "nb": "Telt"},
    "col.counted": {"en": "Counted", "nb": "Telt"},
    "csv.end_rule": {"en": "End by rule", "nb": "Slutt etter regel"},
    "col.end_rule": {"en": "End by rule", "nb": "Slutt etter regel"},
    "csv.estimate": {"en": "Estimate", "nb": "Estimat"},
    "col.estimate": {"en": "Estimate", "nb": "Estimat"},
    "csv.in_programme": {"en": "Clusters in the programme", "nb": "Klynger i programmet"},
    "col.in_programme": {"en": "Clusters in the programme", "nb": "Klynger i programmet"},
    "csv.indicator_name_nb": {"en": "Indicator (Norwegian)", "nb": "Indikator (norsk)"},
    "col.indicator_name_nb": {"en": "Indicator (Norwegian)", "nb": "Indikator (norsk)"},
    "csv.measure": {"en": "Figure", "nb": "Tall"},
    "col.measure": {"en": "Figure", "nb": "Tall"},
    "csv.published": {"en": "Published", "nb": "Publisert"},
    "col.published": {"en": "Published", "nb": "Publisert"},
    "csv.reference_date": {"en": "Date", "nb": "Dato"},
    "col.reference_date": {"en": "Date", "nb": "Dato"},
    "csv.register": {"en": "In the register", "nb": "I registeret"},
    "col.register": {"en": "In the register", "nb": "I registeret"},
    "csv.register_nok": {"en": "Tied to clusters (NOK)", "nb": "Knyttet til klynger (kr)"},
    "col.register_nok": {"en": "Tied to clusters (NOK)", "nb": "Knyttet til klynger (kr)"},
    "csv.renew_by": {"en": "Renewable until", "nb": "Kan fornyes til"},
    "col.renew_by": {"en": "Renewable until", "nb": "Kan fornyes til"},
    "csv.table_name": {"en": "Table", "nb": "Tabell"},
    "col.table_name": {"en": "Table", "nb": "Tabell"},
    "csv.unknown": {"en": "Unknown", "nb": "Ukjent"},
    "col.unknown": {"en": "Unknown", "nb": "Ukjent"},
    "csv.applies_to": {"en": "Applies to", "nb": "Gjelder"},
    "col.applies_to": {"en": "Applies to", "nb": "Gjelder"},
    "col.area_id": {"en": "Opportunity area", "nb": "Mulighetsområde"},
    "col.city": {"en": "City", "nb": "By"},
    "col.cluster_id": {"en": "Cluster id", "nb": "Klynge-id"},
    "csv.held_from": {"en": "Held from", "nb": "Holdt fra"},
    "col.held_from": {"en": "Held from", "nb": "Holdt fra"},
    "csv.held_on": {"en": "Held on", "nb": "Holdt per"},
    "col.held_on": {"en": "Held on", "nb": "Holdt per"},
    "col.indicator_name": {"en": "Indicator", "nb": "Indikator"},
    "col.kind": {"en": "What needs attention", "nb": "Hva som krever oppfølging"},
    "col.last_label": {"en": "Label", "nb": "Merke"},
    "csv.rule_id": {"en": "Rule", "nb": "Regel"},
    "col.rule_id": {"en": "Rule", "nb": "Regel"},
    "col.state": {"en": "Status", "nb": "Status"},
    "col.unit": {"en": "Unit", "nb": "Enhet"},
    "col.website": {"en": "Website", "nb": "Nettsted"},
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
