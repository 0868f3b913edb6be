"""The "Update data" page: off by default; with uploads allowed, a preview, problems, and Apply."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import importer, store

from .conftest import DATA, ROOT
from .test_import import BAD, RENEWAL, certs


@pytest.fixture()
def own_store(store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "var" / "store.duckdb"
    db.parent.mkdir()
    shutil.copy(store_path, db)
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_DATA", str(DATA))
    monkeypatch.setenv("DASHBOARD_LANG", "en")
    return db


def open_update(allow: bool, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    if allow:
        monkeypatch.setenv("DASHBOARD_ALLOW_UPLOADS", "1")
    else:
        monkeypatch.delenv("DASHBOARD_ALLOW_UPLOADS", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    at.switch_page("pages/update.py")
    at.run()
    return at


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_page_is_not_served_unless_uploads_are_allowed(own_store, monkeypatch):
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        open_update(False, monkeypatch)


def test_a_bad_upload_lists_its_problems_and_writes_nothing(own_store, monkeypatch):
    before = digest(own_store)
    at = open_update(True, monkeypatch)
    assert at.title[0].value == "Update data"
    name, content = certs("gce-nod,Gold,2027-04-18,day,2029-04-17,,120,estimate,,x\n")
    at.get("file_uploader")[0].set_value((name, content, "text/csv"))
    at.run()
    message = at.error[0].value
    assert "The import was refused; nothing was written." in message
    assert "certifications.csv, row 2, column score_pct: 120 is outside the range 0–100" in message
    assert "certifications.csv, row 2, column cluster_id: unknown cluster_id 'gce-nod'" in message
    assert all(button.key != "w_apply" for button in at.button)
    assert digest(own_store) == before


def test_a_good_upload_previews_then_applies_and_is_logged(own_store, monkeypatch):
    at = open_update(True, monkeypatch)
    name, content = certs(RENEWAL)
    at.get("file_uploader")[0].set_value((name, content, "text/csv"))
    at.run()
    preview = at.dataframe[0].value
    assert list(preview.iloc[0]) == ["certifications", 1, 0, 0]
    at.button(key="w_apply").click().run()
    assert at.success[0].value == "Import 1 applied; every page now shows the new data."
    con = store.connect_readonly(own_store)
    assert [row[0] for row in importer.history(con)] == [1]
    con.close()
    at.switch_page("pages/sources.py")
    at.run()
    log = next(d.value for d in at.dataframe if "files" in d.value)
    assert "certifications.csv" in log["files"][0]


@pytest.mark.parametrize("case", BAD)
def test_every_bad_input_through_the_page_names_its_problem(own_store, monkeypatch, case):
    (name, content), message = BAD[case]
    before = digest(own_store)
    at = open_update(True, monkeypatch)
    at.get("file_uploader")[0].set_value((name, content, "text/csv"))
    at.run()
    for line in message if isinstance(message, list) else [message]:
        assert f"`{line}`" in at.error[0].value
    assert all(button.key != "w_apply" for button in at.button)
    assert digest(own_store) == before
