"""Written numbers in a locale's own style: "1.200.000,5" in Germany, "1,200,000.5" in Mexico.

Separators are data (`NumberStyle`), so one pattern and one parser serve every language; the
words come from each language's module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

MAX_DIGITS = 15
"""Longer digit runs are read digit by digit: nobody says a quadrillion in a news story."""


@dataclass(frozen=True)
class Written:
    """A written number taken apart: its whole digits and the digits after the separator."""

    whole: str
    fraction: str = ""

    @property
    def value(self) -> int:
        return int(self.whole) if self.whole else 0

    @property
    def is_one(self) -> bool:
        """Exactly one: the noun after it stays singular in every language here."""
        return self.value == 1 and not self.fraction.strip("0")

    @property
    def too_long(self) -> bool:
        return len(self.whole) > MAX_DIGITS


@dataclass(frozen=True)
class NumberStyle:
    """How a locale writes numbers: `decimal` "," with `group` "." (most of Europe), or the
    other way round; a Swiss apostrophe also groups thousands."""

    decimal: str = ","
    group: str = "."

    @cached_property
    def pattern(self) -> str:
        """A regex for one unsigned written number, not inside a longer one."""
        g, d = re.escape(self.group), re.escape(self.decimal)
        grouped = rf"[0-9]{{1,3}}(?:{g}[0-9]{{3}})+|[0-9]{{1,3}}(?:'[0-9]{{3}})+"
        return (
            rf"(?<![0-9])(?<![0-9][.,'])(?:{grouped}|[0-9]+)(?:{d}[0-9]+)?"
            rf"(?![0-9])(?![.,'][0-9])"
        )

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def parse(self, written: str) -> Written:
        """ "1.200,50" → Written("1200", "50")."""
        whole, _, fraction = written.partition(self.decimal)
        return Written(re.sub(r"[^0-9]", "", whole), fraction)


COMMA_DECIMAL = NumberStyle(",", ".")
POINT_DECIMAL = NumberStyle(".", ",")

_SPACED_GROUPS = re.compile(r"(?<![0-9])([0-9]{1,3})((?:[\u00a0\u202f\u2009 ][0-9]{3})+)(?![0-9])")
_THIN_SPACED_GROUPS = re.compile(
    r"(?<![0-9])([0-9]{1,3})((?:[\u00a0\u202f\u2009][0-9]{3})+)(?![0-9])"
)


_MILLIONS_MARK = re.compile(r"(?<![0-9])([0-9]{1,3})[’']([0-9]{3})([.,])([0-9]{3})(?![0-9])")


def join_spaced_groups(text: str, plain_spaces: bool = True) -> str:
    """ "1 200 000" (spaces, no-break or thin, as typeset) → "1200000"; Colombia's
    "1’396.342" (a mark after the millions) → "1.396.342". Without `plain_spaces` only
    typeset spaces group."""
    text = _MILLIONS_MARK.sub(r"\1\3\2\3\4", text)
    pattern = _SPACED_GROUPS if plain_spaces else _THIN_SPACED_GROUPS
    return pattern.sub(lambda m: m.group(1) + re.sub(r"\D", "", m.group(2)), text)
