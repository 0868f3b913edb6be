"""The package's layout rules, checked on the source: where Streamlit may be imported, no
dispatch by name, modules a reader can hold in mind, and no rule written twice."""

from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

from .conftest import DATA, ROOT

PACKAGE = ROOT / "src" / "dashboard"
GLUE = (PACKAGE / "web", ROOT / "pages", ROOT / "app.py")
MAX_LINES = 300


def python_files() -> list[Path]:
    return sorted([*PACKAGE.rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"])


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def in_glue(path: Path) -> bool:
    return any(path == g or g in path.parents for g in GLUE)


def test_only_the_glue_and_the_pages_import_streamlit():
    outside = [p.relative_to(ROOT) for p in python_files() if not in_glue(p)]
    offenders = [p for p in outside if "streamlit" in imports_of(ROOT / p)]
    assert not offenders
    assert outside, "the rule looks at the package"


def test_no_dispatch_by_name():
    """getattr with a computed name hides the call graph from readers and tools."""
    offenders = []
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "getattr":
                name = node.args[1] if len(node.args) > 1 else None
                if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders


def test_modules_stay_small():
    sizes = {
        str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
        for p in python_files()
    }
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def rule_literals() -> list[tuple[str, re.Pattern]]:
    """Each numeric rule in data/rules.csv as the ways code or text could restate it."""
    words = {"days": r"(?:days?|dager|dagar|DAYS?)", "months": r"(?:months?|måneder|MONTHS?)"}
    found = []
    with (DATA / "rules.csv").open(encoding="utf-8") as f:
        for rule in csv.DictReader(f):
            if int(rule["value"]) > 1:
                pattern = rf"\b{rule['value']}\s*{words[rule['unit']]}\b|INTERVAL\s*'?{rule['value']}\b|to_{rule['unit']}\({rule['value']}\)"
                found.append((rule["rule_id"], re.compile(pattern)))
    return found


def test_no_rule_from_the_data_is_written_in_code_sql_or_catalogue():
    texts = [p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".sql", ".po", ".pot", ".toml")]
    texts += [*(ROOT / "pages").glob("*.py"), ROOT / "app.py"]
    offenders = [
        f"{p.relative_to(ROOT)}: {rule_id} ({m.group(0)})"
        for p in texts
        for rule_id, pattern in rule_literals()
        for m in pattern.finditer(p.read_text(encoding="utf-8"))
    ]
    assert not offenders
    assert len(rule_literals()) >= 5


def test_no_level_or_label_is_written_in_sql():
    """Levels, labels and which label a level needs are data (contract and data/), not SQL."""
    names = ("Arena", "Arena Pro", "NCE", "GCE", "Mature", "Bronze", "Silver", "Gold")
    offenders = [
        f"{p.relative_to(ROOT)}: {name}"
        for p in (PACKAGE / "sql").rglob("*.sql")
        for name in names
        if f"'{name}'" in p.read_text(encoding="utf-8")
    ]
    assert not offenders
