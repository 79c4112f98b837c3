"""Any other language num2words knows (Dutch, Polish, Swedish, …): numbers, decimals,
ordinals, percent, money symbols and years in that language's own words, its separators from
Babel's locale data. It is basic: no dates, times, units or abbreviations; never English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cached_property

from babel import Locale, UnknownLocaleError
from babel.numbers import get_currency_name, get_decimal_symbol
from num2words import CONVERTER_CLASSES, num2words

from briefing.script.lang.base import Language
from briefing.script.lang.numerals import COMMA_DECIMAL, POINT_DECIMAL, NumberStyle, Written
from briefing.script.lang.tables import Currency, Gender, Words, word_set

_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "kk": "kz"}
PERCENT_WORDS = {
    "nl": "procent", "pl": "procent", "sv": "procent", "da": "procent", "no": "prosent",
    "fi": "prosenttia", "cs": "procent", "sk": "percent", "sl": "odstotkov", "ru": "процентов",
    "uk": "відсотків", "be": "працэнтаў", "hu": "százalék", "ro": "la sută", "ca": "per cent",
    "id": "persen", "vi": "phần trăm", "ja": "パーセント", "ko": "퍼센트", "he": "אחוז",
    "ar": "بالمئة", "fa": "درصد", "lt": "procentų", "lv": "procenti", "is": "prósent",
    "eo": "procentoj", "sr": "posto", "th": "เปอร์เซ็นต์", "tr": "yüzde", "az": "faiz",
    "cy": "y cant", "tet": "porsentu",
}  # fmt: skip
"""The word said after a percentage; a language not listed keeps "%" for its voice to say."""
_YEARS_IN_HUNDREDS = word_set("da nl no fi")
_DOT_ORDINALS = word_set("da no fi cs sk sl hu is tr lv lt sr de")
_ORDINAL_SUFFIX = {"nl": r"(?:e|ste|de)", "sv": r":(?:a|e)"}
_CURRENCY_CODES = {"€": "EUR", "EUR": "EUR", "$": "USD", "USD": "USD", "£": "GBP",
                   "GBP": "GBP", "CHF": "CHF", "¥": "JPY"}  # fmt: skip


def num2words_code(locale: str | None) -> str | None:
    """num2words's code for `locale` ("pt-BR" → "pt_BR", "nb" → "no"), or None."""
    parts = [p for p in re.split(r"[-_]", (locale or "").strip()) if p]
    if not parts:
        return None
    code = _ALIASES.get(parts[0].lower(), parts[0].lower())
    regional = f"{code}_{parts[1].upper()}" if len(parts) > 1 else ""
    if regional in CONVERTER_CLASSES:
        return regional
    return code if code in CONVERTER_CLASSES else None


class BasicLanguage(Language):
    """A language num2words knows and briefing has no tables for."""

    def __init__(self, locale: str | None = None) -> None:
        super().__init__(locale)
        self.num2words_code = num2words_code(locale) or "en"
        self.code = self.num2words_code.split("_")[0]
        self.babel = _babel_locale(locale or self.code)
        percent = PERCENT_WORDS.get(self.code)
        self.keep_marks = "" if percent else "%"
        self.currencies = {k: self._currency(code) for k, code in _CURRENCY_CODES.items()}
        self.words = Words(
            minus=self._minus(), percent=percent or "%", decimal="", point="", to="-",
            and_="-", between="(?!)", score="-", dot=".", at="@", plus="+", degrees=("°", "°"),
        )  # fmt: skip

    @property
    def style(self) -> NumberStyle:
        decimal = get_decimal_symbol(self.babel) if self.babel else "."
        return COMMA_DECIMAL if decimal == "," else POINT_DECIMAL

    @cached_property
    def passes(self) -> tuple[Callable[[str], str], ...]:
        return (
            self.expand_money,
            self.expand_percent,
            self.expand_ordinals,
            self.expand_codes,
            self.expand_phone_numbers,
            self.expand_negatives,
            self.expand_numbers,
        )

    def _minus(self) -> str:
        try:
            said = str(num2words(-7, lang=self.num2words_code))
        except (NotImplementedError, TypeError, ValueError, OverflowError):
            return "minus"
        return said.replace(self.spell(7), "").strip(" ,-") or "minus"

    def _currency(self, code: str) -> Currency:
        if self.babel is None:
            return Currency(code, code)
        one = get_currency_name(code, count=1, locale=self.babel)
        many = get_currency_name(code, count=5, locale=self.babel)
        return Currency(one, many)

    def spell(self, value: int, to: str = "cardinal") -> str:
        try:
            return super().spell(value, to)
        except (NotImplementedError, TypeError, ValueError, OverflowError, IndexError):
            return super().spell(value) if to != "cardinal" else str(value)

    def say(self, written: Written, gender: Gender | None = None) -> str:
        if not written.fraction or written.too_long:
            return super().say(written, gender)
        try:
            return str(
                num2words(Decimal(f"{written.whole}.{written.fraction}"), lang=self.num2words_code)
            )
        except (NotImplementedError, TypeError, ValueError, OverflowError, IndexError):
            return f"{self.cardinal(written.value)} {self.digits(written.fraction)}"

    def year(self, value: int) -> str:
        """In hundreds where a year is said so ("negentien honderd negentig")."""
        return (
            self.spell(value, "year") if self.code in _YEARS_IN_HUNDREDS else self.cardinal(value)
        )

    def expand_ordinals(self, text: str) -> str:
        if self.code in _DOT_ORDINALS:
            pattern = re.compile(r"(?<![\w.,])([0-9]{1,3})\.(?=\s+[^\W\d_]*[a-zà-ÿ])")
        elif self.code in _ORDINAL_SUFFIX:
            pattern = re.compile(rf"(?<![\w.,])([0-9]{{1,3}}){_ORDINAL_SUFFIX[self.code]}(?![\w])")
        else:
            return text
        return pattern.sub(lambda m: self.spell(int(m[1]), "ordinal"), text)

    def say_number(self, written: Written, word: str, match: re.Match[str]) -> str:
        if match.group(0).isdigit() and len(match.group(0)) == 4 and 1100 <= written.value < 2100:
            return self.year(written.value)
        return self.say(written)


def _babel_locale(locale: str) -> Locale | None:
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        try:
            return Locale.parse(re.split(r"[-_]", locale)[0])
        except (UnknownLocaleError, ValueError):
            return None
