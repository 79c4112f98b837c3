"""The case table: every written form a newsreader meets, said as a newsreader says it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from briefing.script.check_cases import Case, load_cases, main
from briefing.script.normalize import normalize

TABLE = Path(__file__).with_name("normalize_cases.tsv")
CASES = load_cases(TABLE)


def test_the_table_has_at_least_200_cases_and_10_per_category() -> None:
    per_category = Counter(case.category for case in CASES)
    assert len(CASES) >= 200
    assert min(per_category.values()) >= 10, per_category


@pytest.mark.parametrize("case", CASES, ids=[f"{c.category}:{c.line}" for c in CASES])
def test_case(case: Case) -> None:
    assert normalize(case.written, case.locale) == case.expected


def test_every_expected_form_is_already_normal() -> None:
    for case in CASES:
        assert normalize(case.expected, case.locale) == case.expected, case.line


def test_check_command_prints_rates_and_succeeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(TABLE)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].split()[-1] == "100.0%"
    assert "acronyms" in out and "money" in out
