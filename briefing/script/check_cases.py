"""Pass rate of the normaliser per category over a case table, in any language.

    python -m briefing.script.check_cases tests/script/normalize_cases.tsv [--failures]
    python -m briefing.script.check_cases tests/script/normalize_cases_de.tsv [--lang de]

The table is tab-separated: category, written text, expected spoken text, and optionally the
article's locale ("en-US", "pt-BR"); lines starting with # are comments and the first other
line is the header. A row without a locale is in the table's language: `--lang`, else the
file name's suffix ("normalize_cases_fr.tsv" → fr), else English.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from briefing.script.normalize import normalize


@dataclass(frozen=True)
class Case:
    category: str
    written: str
    expected: str
    line: int
    locale: str | None = None


def table_language(path: Path) -> str | None:
    """ "normalize_cases_pt.tsv" → "pt"; None for a table without a language suffix."""
    match = re.search(r"_([a-z]{2,3}(?:[-_][A-Za-z]{2})?)$", path.stem)
    return match.group(1) if match else None


def load_cases(path: Path, lang: str | None = None) -> list[Case]:
    """The cases in a table, in file order; rows without a locale get `lang` (or the file
    name's language)."""
    default = lang or table_language(path)
    cases: list[Case] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        category, written, expected, *rest = line.split("\t")
        locale = rest[0].strip() if rest and rest[0].strip() else default
        cases.append(Case(category, written, expected, number, locale))
    return cases


def pass_rates(cases: list[Case]) -> dict[str, tuple[int, int, list[tuple[Case, str]]]]:
    """category → (passed, total, failures with what was said instead)."""
    results: dict[str, tuple[int, int, list[tuple[Case, str]]]] = {}
    grouped: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        grouped[case.category].append(case)
    for category, group in grouped.items():
        failures = [
            (c, said) for c in group if (said := normalize(c.written, c.locale)) != c.expected
        ]
        results[category] = (len(group) - len(failures), len(group), failures)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Pass rate of the normaliser per category.")
    parser.add_argument("table", type=Path)
    parser.add_argument("--failures", action="store_true", help="Show each failing case.")
    parser.add_argument("--lang", help="The table's language (default: its file name's suffix).")
    args = parser.parse_args(argv)
    results = pass_rates(load_cases(args.table, args.lang))
    total_passed = sum(p for p, _, _ in results.values())
    total = sum(t for _, t, _ in results.values())
    for category, (passed, count, failures) in sorted(results.items()):
        print(f"{category:<24} {passed:>3}/{count:<3} {100 * passed / count:6.1f}%")
        if args.failures:
            for case, said in failures:
                print(
                    f"    line {case.line}: {case.written!r}\n      want {case.expected!r}"
                    f"\n      got  {said!r}"
                )
    print(f"{'all':<24} {total_passed:>3}/{total:<3} {100 * total_passed / max(total, 1):6.1f}%")
    return 0 if total_passed == total else 1


if __name__ == "__main__":
    sys.exit(main())
