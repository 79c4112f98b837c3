"""What Spanish, Italian and Portuguese share: ordinals marked "1.º", "2ª", "3°" (said before
Unicode folding turns º into "o"), feminine number words after the last "million", and Roman
numerals before a noun ("la II Guerra Mundial") or after "siglo"/"secolo"/"século".
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import ClassVar

from briefing.script.lang.base import UPPER, Language, capitalised, next_word
from briefing.script.lang.numerals import Written
from briefing.script.lang.tables import Gender
from briefing.script.roman import is_roman_numeral, roman_value


class Romance(Language):
    """A Romance language with masculine and feminine number words and ordinals."""

    number_word: ClassVar[str] = "número"
    """Said for "n.º" / "nº"."""
    articles: ClassVar[frozenset[str]] = frozenset()
    """Words after which a Roman numeral or a "3°" is an ordinal ("la", "il", "o")."""
    feminine_articles: ClassVar[frozenset[str]] = frozenset()
    century_words: ClassVar[str] = r"(?!)"
    ordinals_up_to: ClassVar[int] = 10
    """Kings and centuries take an ordinal up to here, a cardinal above ("Felipe sexto",
    "Alfonso trece"); Italian says ordinals throughout."""
    big_scale_words: ClassVar[frozenset[str]] = frozenset()
    """ "millón", "milhões": a number word after the last of these agrees with the noun."""

    year_cues: ClassVar[frozenset[str]] = frozenset()
    """Words before a plain four-digit number that make it a year ("en 2001", "nel 1998"):
    said alone, agreeing with nothing after it."""

    def say_number(self, written: Written, word: str, match: re.Match[str]) -> str:
        plain = match.group(0)
        if plain.isdigit() and len(plain) == 4:
            before = re.findall(r"[\w']+", match.string[: match.start()].lower())
            if before and before[-1] in self.year_cues:
                return self.year(written.value)
        return super().say_number(written, word, match)

    def is_unit(self, unit: str, rest: str) -> bool:
        """ "1.200 ha de pinar" is hectares; "2001 ha cambiato" (a participle after it) is "has"."""
        if unit != "ha":
            return True
        participle = r"\s+\w*(?:ado|ido|ato|ito|uto|sto|tto|rto|cho|so|to)\b"  # "ha dejado"
        return not re.match(participle, rest)

    def feminine(self, words: str) -> str:
        """The number words for a feminine noun (only after the last "million" word)."""
        return words

    def cardinal(self, value: int, gender: Gender | None = None) -> str:
        words = super().cardinal(value, gender)
        if gender != "f":
            return words
        parts = words.split(" ")
        last_scale = max((i for i, w in enumerate(parts) if w in self.big_scale_words), default=-1)
        head, tail = parts[: last_scale + 1], parts[last_scale + 1 :]
        return " ".join([*head, *self.feminine(" ".join(tail)).split(" ")]).strip()

    def ordinal(self, value: int, gender: Gender = "m") -> str:
        words = self.spell(value, "ordinal")
        if gender == "f":
            words = re.sub(r"o\b", "a", words)
        return words

    # ---- ordinal marks, before Unicode folding ------------------------------------------

    @cached_property
    def _marks(self) -> re.Pattern[str]:
        return re.compile(
            r"(?<![\w.,])(?P<num>[0-9]{1,3})(?:\.|\s)?(?P<mark>[ºª°](?![CF]\b)|er\b|os\b|as\b)"
        )

    def marks(self, text: str) -> str:
        text = re.sub(r"(?<![\w])[nN]\.?\s?º\s?(?=[0-9])", f"{self.number_word} ", text)
        text = re.sub(r"([0-9])\s?º\s?([CF])\b", r"\1 °\2", text)
        return self._marks.sub(self._mark, text)

    def _mark(self, match: re.Match[str]) -> str:
        value, mark = int(match["num"]), match["mark"]
        before = match.string[: match.start()].split()
        after = match.string[match.end() :]
        article = before[-1].lower() if before else ""
        if mark == "°":
            month = re.match(rf"\s+(?:de\s+)?(?:{self.month_pattern})", after, re.IGNORECASE)
            word = next_word(after, 0)
            if not month and not (article in self.articles and word[:1].islower()):
                return match.group(0)
        if mark in ("er", "os", "as") and match.group(0)[len(match["num"]) :][:1] != ".":
            return match.group(0)
        gender: Gender = "f" if mark in ("ª", "as") or article in self.feminine_articles else "m"
        said = self.ordinal(value, gender)
        if mark in ("os", "as"):
            said += "s"
        return self.before_noun(said, after) if mark in ("º", "er") else said

    def before_noun(self, ordinal: str, after: str) -> str:
        """Spanish shortens "primero" and "tercero" before a noun ("primer puesto")."""
        return ordinal

    # ---- Roman numerals ----------------------------------------------------------------

    def say_after_name(
        self,
        value: int,
        regnal: bool,
        feminine: bool,
        before: str,
        name: str,
        match: re.Match[str],
    ) -> str:
        if value <= self.ordinals_up_to:
            return self.ordinal(value, "f" if feminine else "m")
        return self.cardinal(value)

    @cached_property
    def _roman_before_noun(self) -> re.Pattern[str]:
        articles = "|".join(sorted(self.articles, key=len, reverse=True))
        return re.compile(
            rf"(?<![\w'])(?P<article>(?:{articles})\s+)(?P<roman>[IVXLC]+)(?=\s+[^\W\d_])",
            re.IGNORECASE,
        )

    @cached_property
    def _century(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w])(?P<word>{self.century_words})\s?(?P<roman>[IVXLC]+)(?![\w])")

    def expand_roman_numerals(self, text: str) -> str:
        def before_noun(match: re.Match[str]) -> str:
            numeral = match["roman"]
            if not numeral.isupper() or not is_roman_numeral(numeral) or numeral == "L":
                return match.group(0)
            article = match["article"].strip().lower()
            gender: Gender = "f" if article in self.feminine_articles else "m"
            said = self.ordinal(roman_value(numeral), gender)
            rest = match.string[match.end() :]
            if re.match(rf"\s+[{UPPER}]", rest):
                said = " ".join(capitalised(w) for w in said.split(" "))
            return match["article"] + said

        def century(match: re.Match[str]) -> str:
            numeral = match["roman"]
            if not is_roman_numeral(numeral):
                return match.group(0)
            return f"{match['word']} {self.say_century(roman_value(numeral))}"

        text = self._century.sub(century, text)
        text = self._roman_before_noun.sub(before_noun, text)
        return super().expand_roman_numerals(text)

    def say_century(self, value: int) -> str:
        if value <= self.ordinals_up_to:
            return self.ordinal(value)
        return self.cardinal(value)
