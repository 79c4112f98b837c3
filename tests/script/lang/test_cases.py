"""The per-language case tables: news sentences in German, French, Spanish, Italian and
Portuguese, each said as a presenter of that language says it, with no digit left."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from briefing.script.check_cases import Case, load_cases, main, table_language
from briefing.script.normalize import normalize

TABLES = {
    lang: Path(__file__).parent.parent / f"normalize_cases_{lang}.tsv"
    for lang in ("de", "fr", "es", "it", "pt")
}
CASES = [case for table in TABLES.values() for case in load_cases(table)]


@pytest.mark.parametrize("lang", TABLES)
def test_each_table_has_at_least_60_cases_in_its_language(lang: str) -> None:
    cases = load_cases(TABLES[lang])
    assert len(cases) >= 60
    assert all((case.locale or "").startswith(lang) for case in cases)
    assert len(Counter(case.category for case in cases)) >= 10


@pytest.mark.parametrize("case", CASES, ids=[f"{c.locale}:{c.category}:{c.line}" for c in CASES])
def test_case(case: Case) -> None:
    assert normalize(case.written, case.locale) == case.expected


def test_no_digit_is_left_in_any_output() -> None:
    left = [
        (c.line, said) for c in CASES if re.search(r"[0-9]", said := normalize(c.written, c.locale))
    ]
    assert not left


def test_every_expected_form_is_already_normal() -> None:
    for case in CASES:
        assert normalize(case.expected, case.locale) == case.expected, (case.locale, case.line)


def test_the_checker_takes_the_language_from_the_file_name_or_the_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert table_language(TABLES["fr"]) == "fr"
    assert table_language(Path("tests/script/normalize_cases.tsv")) is None
    assert main([str(TABLES["de"])]) == 0
    assert capsys.readouterr().out.splitlines()[-1].split()[-1] == "100.0%"
    table = tmp_path / "cases.tsv"
    table.write_text(
        "category\tinput\texpected\nmoney\t12,99 €\tdouze euros quatre-vingt-dix-neuf\n"
    )
    assert main([str(table)]) == 1  # English rules: not French
    assert main([str(table), "--lang", "fr"]) == 0


def test_the_benchmark_prints_each_language_against_the_english_baseline() -> None:
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[3] / "benchmarks" / "normalize_multi.py"
    done = subprocess.run(
        [sys.executable, str(script), "--json"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["language"] for r in rows] == list(TABLES)
    for row in rows:
        assert row["briefing"]["right"] == row["briefing"]["rows"]
        assert row["briefing"]["digits_left"] == 0
        assert row["baseline"]["right"] < row["briefing"]["right"]
