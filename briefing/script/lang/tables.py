"""The kinds of entry a language's tables hold: data, so a language module is mostly tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Gender = Literal["m", "f", "n"]


@dataclass(frozen=True)
class Noun:
    """A unit or scale said after a number: "Kilometer"/"Kilometer", "tonne"/"tonnes" (f)."""

    singular: str
    plural: str
    gender: Gender = "m"


@dataclass(frozen=True)
class Currency:
    """A currency as said after an amount, with its hundredth when it has one."""

    singular: str
    plural: str
    gender: Gender = "m"
    cent: Noun | None = None

    @property
    def noun(self) -> Noun:
        return Noun(self.singular, self.plural, self.gender)


@dataclass(frozen=True)
class Abbreviation:
    """A written abbreviation and what is said for it.

    `before_name`: only before a capitalised word ("M. Macron", "Dr. Weber"), where it is a
    title. `can_end`: it often closes a sentence ("usw.", "etc."), so a full stop it swallows
    before a capital is put back."""

    written: str
    spoken: str
    before_name: bool = False
    can_end: bool = False


@dataclass(frozen=True)
class Words:
    """The small words the shared passes say, in one language."""

    minus: str
    percent: str
    decimal: str
    """The decimal separator said ("Komma", "virgule")."""
    point: str
    """A point in a version or an address ("Punkt", "point")."""
    to: str
    """Between the ends of a range: "bis", "à"."""
    and_: str
    """The range's "and" after `between`: "und", "et"."""
    between: str
    """A regex of the words that open a range said with `and_` ("zwischen", "entre")."""
    score: str
    """Between two scores: "zu", "à"."""
    dot: str
    at: str
    plus: str
    degrees: tuple[str, str]
    """A bare "°": singular, plural."""


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, as a table reads best: "der die das"."""
    return frozenset(words.split())
