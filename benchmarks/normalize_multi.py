"""The per-language normaliser on its case tables, against the English rules as the baseline.

For each language (German, French, Spanish, Italian, Portuguese) every row of
tests/script/normalize_cases_<lang>.tsv is normalised twice: by briefing with the row's
locale, and, as the baseline, by the English normaliser applied to the same text (what the
tool did with a foreign article before it had these rules; it knows no decimal comma, no
foreign month or abbreviation, and says numbers in English). A row is right when the output
equals the expected spoken form; "digits left" counts rows whose output still holds a digit.

    python benchmarks/normalize_multi.py                 # markdown table
    python benchmarks/normalize_multi.py --json
    python benchmarks/normalize_multi.py --table de=path/to/cases.tsv   # another table
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from briefing.script.check_cases import Case, load_cases
from briefing.script.normalize import normalize

REPO = Path(__file__).resolve().parent.parent
LANGUAGES = ("de", "fr", "es", "it", "pt")
_DIGIT = re.compile(r"[0-9]")


@dataclass(frozen=True)
class Score:
    """How one normaliser did on one table."""

    rows: int
    right: int
    digits_left: int

    @property
    def percent(self) -> float:
        return 100 * self.right / max(self.rows, 1)


def score(cases: Sequence[Case], say: Callable[[Case], str]) -> Score:
    said = [say(case) for case in cases]
    right = sum(s == c.expected for s, c in zip(said, cases, strict=True))
    return Score(len(cases), right, sum(bool(_DIGIT.search(s)) for s in said))


def per_language(tables: dict[str, Path]) -> dict[str, tuple[Score, Score]]:
    """language → (briefing's score, the English baseline's score)."""
    results = {}
    for lang, table in tables.items():
        cases = load_cases(table, lang)
        results[lang] = (
            score(cases, lambda c: normalize(c.written, c.locale)),
            score(cases, lambda c: normalize(c.written, "en")),
        )
    return results


def table_lines(results: dict[str, tuple[Score, Score]]) -> list[str]:
    lines = [
        "| language | rows | right | digits left | baseline right | baseline digits left |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for lang, (ours, base) in results.items():
        lines.append(
            f"| {lang} | {ours.rows} | {ours.right} ({ours.percent:.1f}%) | {ours.digits_left} "
            f"| {base.right} ({base.percent:.1f}%) | {base.digits_left} |"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="One JSON object per language.")
    parser.add_argument(
        "--table",
        action="append",
        default=[],
        metavar="LANG=FILE",
        help="Score this table for LANG instead of the repository's (repeatable).",
    )
    args = parser.parse_args(argv)
    tables = {lang: REPO / "tests" / "script" / f"normalize_cases_{lang}.tsv" for lang in LANGUAGES}
    for item in args.table:
        lang, _, path = item.partition("=")
        tables[lang] = Path(path)
    missing = [path for path in tables.values() if not path.is_file()]
    if missing:
        print(
            f"benchmarks/normalize_multi.py: {missing[0]} is missing; check the path.",
            file=sys.stderr,
        )
        return 1
    results = per_language(tables)
    if args.json:
        for lang, (ours, base) in results.items():
            print(
                json.dumps({"language": lang, "briefing": asdict(ours), "baseline": asdict(base)})
            )
    else:
        print("\n".join(table_lines(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
