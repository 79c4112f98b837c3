"""One language's spoken forms behind one interface, as num2words does it: a small class per
language over this shared base, chosen by the locale's language code.

The base holds the passes every language runs, in a fixed order, each turning one kind of
written form into words so that a later pass never sees what an earlier one said:

    marks (º ª) → markup → abbreviations → dates → times → versions → ranges and scores
    → money → scales (Mio., mln) → units → percent → ordinals → Roman numerals → codes (G7)
    → phone numbers → negatives → numbers → symbols → tidy

A language module brings its tables (`tables.py` kinds) and overrides the few methods where
its grammar differs: number words that agree with a noun, ordinals, dates and times. No
pass falls back on English: whatever digit is left is said with the language's own words.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cached_property
from typing import ClassVar

from num2words import num2words

from briefing.script.lang.numerals import (
    COMMA_DECIMAL,
    MAX_DIGITS,
    NumberStyle,
    Written,
    join_spaced_groups,
)
from briefing.script.lang.tables import Abbreviation, Currency, Gender, Noun, Words
from briefing.script.lines import join_lines
from briefing.script.markup import prepare, speak_addresses, strip_markup
from briefing.script.punctuation import tidy
from briefing.script.roman import is_roman_numeral, roman_value

_MAX_ROUNDS = 4
UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽŠ"
"""Capital letters of the Latin script (a name or a German noun starts with one)."""
_SENTENCE_START = re.compile(r"(?:^|[.!?:]['\"’”)]*)\s*$")
_BARE_DOMAIN = re.compile(
    r"(?<![\w@.-])([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:de|at|ch|fr|be|es|it|pt|br|ar|mx|"
    r"cl|co|pe|uy|eu|lu|nl|com|org|net|info))(?![\w-]|\.[a-z])"
)
_NEGATIVE = re.compile(r"(?:(?<=^)|(?<=[\s(\[\"'/]))-\s?(?=[0-9])")
_CODE = re.compile(r"\b[^\W_]*(?:[^\W\d_]-?[0-9]|[0-9]-?[^\W\d_])[^\W_]*\b")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+[0-9]{1,3}[\s.-]?(?:\(0\)\s?)?)?\(?0?[0-9]{1,5}\)?(?:[\s./-][0-9]{2,8}){1,5}"
    r"(?![\w]|[.,][0-9])"
)
_LEADING_ZERO = re.compile(r"(?<![\w.,])0[0-9]+\b(?![.,][0-9])")
_DIGITS = re.compile(r"[0-9]+")
_DASH = re.compile(r"\s+[-–—]+\s+|\s?--+\s?|\s[–—]|[–—]\s?")
_PAREN = re.compile(r"\s*\(\s*([^()]*?)\s*\)")
_SLASH_WORDS = re.compile(r"(?<=[^\W\d_])\s?/\s?(?=[^\W\d_])")
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'’-]*)")


def capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


def at_sentence_start(text: str, position: int) -> bool:
    """Whether `position` opens a sentence (start of text, or after . ! ? :)."""
    return bool(_SENTENCE_START.search(text[max(0, position - 12) : position]))


def next_word(text: str, position: int) -> str:
    """The word right after `position` ("" when a number, a symbol or nothing comes next)."""
    match = _NEXT_WORD.match(text, position)
    return match.group(1) if match else ""


class Language:
    """A language's spoken forms: its tables, its number words and its passes."""

    code: str = ""
    name: str = ""
    num2words_code: str = ""
    words: Words
    months: ClassVar[tuple[str, ...]] = ()
    month_abbreviations: ClassVar[dict[str, int]] = {}
    abbreviations: ClassVar[tuple[Abbreviation, ...]] = ()
    units: dict[str, Noun] = {}
    currencies: dict[str, Currency] = {}
    scales: ClassVar[dict[str, int]] = {}
    """Written scale → power of ten: "Mio." → 6."""
    scale_nouns: dict[int, Noun] = {}
    money_of: ClassVar[str] = ""
    """Between a round scale and a currency: "de" in "trois millions d'euros"."""
    cents_form: ClassVar[str] = "{whole} {cents}"
    """How an amount with cents is said: {whole} "zwölf Euro", {cents} "neunundneunzig",
    {cent} "Cent"."""
    symbols: ClassVar[dict[str, str]] = {}
    vulgar_fractions: ClassVar[dict[str, str]] = {}
    sport_words: ClassVar[str] = r"(?!)"
    keep_marks: str = ""
    plain_space_groups: ClassVar[bool] = True
    fraction_as_number: ClassVar[bool] = True
    """ "3,14" → "…virgule quatorze" (True) or "…Komma eins vier" (False)."""
    plural_from_two: ClassVar[bool] = False
    """French and Portuguese keep a noun singular below two ("1,5 kilomètre")."""

    def __init__(self, locale: str | None = None) -> None:
        self.locale = locale
        parts = re.split(r"[-_]", locale or "")
        self.region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), "")

    # ---- number words ------------------------------------------------------------------

    @property
    def style(self) -> NumberStyle:
        return COMMA_DECIMAL

    def spell(self, value: int, to: str = "cardinal") -> str:
        """num2words in this language, without the commas some languages put in."""
        return str(num2words(value, lang=self.num2words_code, to=to)).replace(",", "")

    def cardinal(self, value: int, gender: Gender | None = None) -> str:
        """A whole number as said alone (`gender` None) or before a noun of that gender."""
        if value < 0:
            return f"{self.words.minus} {self.cardinal(-value, gender)}"
        if len(str(value)) > MAX_DIGITS:
            return self.digits(str(value))
        return self.spell(value)

    def ordinal(self, value: int, gender: Gender = "m") -> str:
        return self.spell(value, "ordinal")

    def year(self, value: int) -> str:
        return self.cardinal(value)

    def digits(self, digits: str) -> str:
        """ "0800" → each digit's name."""
        return " ".join(self.cardinal(int(d)) for d in digits if d.isdigit())

    def fraction_words(self, fraction: str) -> str:
        """The digits after the decimal separator."""
        if not self.fraction_as_number:
            return self.digits(fraction)
        rest = fraction.lstrip("0")
        zeros = [self.cardinal(0)] * (len(fraction) - len(rest))
        said = self.cardinal(int(rest)) if rest and len(rest) <= 2 else self.digits(rest)
        return " ".join([*zeros, said] if said else zeros)

    def say(self, written: Written, gender: Gender | None = None) -> str:
        """A written number, agreeing with a noun of `gender` when one follows."""
        if written.too_long:
            whole = self.digits(written.whole)
        elif written.fraction:
            whole = self.cardinal(written.value)
        else:
            return self.cardinal(written.value, gender)
        if not written.fraction:
            return whole
        return f"{whole} {self.words.decimal} {self.fraction_words(written.fraction)}"

    def singular(self, written: Written) -> bool:
        """Whether the noun after this number stays singular."""
        if self.plural_from_two:
            return written.value < 2 and not written.too_long
        return written.is_one

    def gender_of(self, word: str) -> Gender | None:
        """The gender of a noun after a number, or None when `word` is not a noun."""
        return None

    def counted(self, written: Written, noun: Noun) -> str:
        """ "1 km" → "ein Kilometer", "2 tonnes" → "deux tonnes"."""
        name = noun.singular if self.singular(written) else noun.plural
        return f"{self.say(written, noun.gender)} {name}"

    def scaled(self, written: Written, power: int) -> str:
        """ "1,5 Mio." → "eins Komma fünf Millionen"; "500 mil" → "quinientos mil"."""
        if power == 3 and not written.fraction and not written.too_long:
            return self.cardinal(written.value * 1000, self.scale_nouns[3].gender)
        return self.counted(written, self.scale_nouns[power])

    # ---- the pipeline ------------------------------------------------------------------

    def normalize(self, text: str) -> str:
        """`text` as said in this language; applying it twice changes nothing."""
        spoken = self._once(text)
        for _ in range(_MAX_ROUNDS - 1):
            again = self._once(spoken)
            if again == spoken:
                break
            spoken = again
        return spoken

    def _once(self, text: str) -> str:
        text = join_spaced_groups(html.unescape(text), self.plain_space_groups)
        text = self.marks(self._vulgar(text))
        text = strip_markup(prepare(text))
        text = _BARE_DOMAIN.sub(lambda m: f" {self.words.dot} ".join(m.group(1).split(".")), text)
        text = speak_addresses(text, self.words.dot, self.words.at)
        text = re.sub(rf"[0-9]{{{MAX_DIGITS + 1},}}", lambda m: f" {self.digits(m[0])} ", text)
        text = join_lines(text)
        for expand in self.passes:
            text = expand(text)
        return tidy(text, self.keep_marks)

    @cached_property
    def passes(self) -> tuple[Callable[[str], str], ...]:
        return (
            self.expand_abbreviations,
            self.expand_dates,
            self.expand_ranges,
            self.expand_times,
            self.expand_scores,
            self.expand_versions,
            self.expand_money,
            self.expand_scales,
            self.expand_units,
            self.expand_percent,
            self.expand_ordinals,
            self.expand_roman_numerals,
            self.expand_codes,
            self.expand_phone_numbers,
            self.expand_negatives,
            self.expand_numbers,
            self.speak_symbols,
        )

    def marks(self, text: str) -> str:
        """Forms to say before Unicode folding changes them ("1.º" would become "1.o")."""
        return text

    def _vulgar(self, text: str) -> str:
        decimals = {"½": "5", "¼": "25", "¾": "75"}
        text = re.sub(
            r"([0-9]+)\s?([½¼¾])",
            lambda m: f"{m[1]}{self.style.decimal}{decimals[m[2]]}",
            text,
        )
        return re.sub("[½¼¾]", lambda m: f" {self.vulgar_fractions.get(m[0], m[0])} ", text)

    # ---- abbreviations -----------------------------------------------------------------

    @cached_property
    def _abbreviation_table(self) -> dict[str, Abbreviation]:
        return {re.sub(r"\s", "", a.written): a for a in self.abbreviations}

    @cached_property
    def _abbreviation_regex(self) -> re.Pattern[str]:
        alternatives = []
        for written in sorted(self._abbreviation_table, key=len, reverse=True):
            entry = self._abbreviation_table[written]
            parts = [re.escape(part) for part in written.split(".")]
            pattern = r"\.\s?".join(parts[:-1]) + (r"\." if written.endswith(".") else "")
            pattern = pattern if written.endswith(".") else r"\.\s?".join(parts)
            if written[:1].islower():
                pattern = (
                    f"[{written[0]}{written[0].upper()}]" + pattern[len(re.escape(written[0])) :]
                )
            if written[-1:].isalnum():
                pattern += r"(?![\w])"
            if entry.before_name:
                pattern += rf"(?=\s+[{UPPER}])"
            alternatives.append(pattern)
        if not alternatives:
            return re.compile(r"(?!)")
        return re.compile(rf"(?<![\w.])(?:{'|'.join(alternatives)})")

    def expand_abbreviations(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            written = re.sub(r"\s", "", match.group(0))
            entry = self._abbreviation_table.get(written) or self._abbreviation_table.get(
                written[:1].lower() + written[1:]
            )
            if entry is None or self._counted_after_number(match, written):
                return match.group(0)
            spoken = entry.spoken
            if self._opens(match.string, match.start()):
                spoken = capitalised(spoken)
            rest = match.string[match.end() :]
            ends = written.endswith(".") and (
                not rest.strip() or (entry.can_end and self.ends_sentence(rest))
            )
            return spoken + ("." if ends else "")

        return self._abbreviation_regex.sub(replace, text)

    def _opens(self, text: str, position: int) -> bool:
        """At a sentence's start, and not just after another abbreviation ("Jh. v. Chr.")."""
        if not at_sentence_start(text, position):
            return False
        previous = text[:position].split()
        return not previous or re.sub(r"\s", "", previous[-1]) not in self._abbreviation_table

    def _counted_after_number(self, match: re.Match[str], written: str) -> bool:
        """ "3 Mio." is left for the scale pass, which says "Million" or "Millionen"."""
        counted = written in self.scales or written in self.units
        return counted and bool(re.search(r"[0-9]\s?$", match.string[: match.start()]))

    # ---- dates and times ---------------------------------------------------------------

    _NUMERIC_DATE = re.compile(
        r"(?<![\w.,/-])([0-9]{1,2})([./])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?![\w]|[./-][0-9])"
    )
    _ISO_DATE = re.compile(r"(?<![\w.,/-])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![\w]|[./-][0-9])")

    def expand_dates(self, text: str) -> str:
        text = self._ISO_DATE.sub(
            lambda m: self._date_or_same(m, int(m[3]), int(m[2]), int(m[1])), text
        )
        text = self._NUMERIC_DATE.sub(self._numeric_date, text)
        return self.textual_dates(text)

    def _numeric_date(self, match: re.Match[str]) -> str:
        year = int(match[4])
        if len(match[4]) == 2:
            year += 2000 if year < 50 else 1900
        return self._date_or_same(match, int(match[1]), int(match[3]), year)

    def _date_or_same(self, match: re.Match[str], day: int, month: int, year: int | None) -> str:
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return match.group(0)
        return self.say_date(day, month, year, match)

    def say_date(self, day: int, month: int, year: int | None, match: re.Match[str]) -> str:
        """A date as said; `match` gives the words around it (German declines the day)."""
        said = f"{self.cardinal(day)} {self.months[month - 1]}"
        return said + (f" {self.year(year)}" if year else "")

    def textual_dates(self, text: str) -> str:
        """Dates written with the month's name ("3. Oktober", "1er janvier")."""
        return text

    @cached_property
    def month_pattern(self) -> str:
        """A regex of every month name and abbreviation, longest first."""
        names = [*self.months, *self.month_abbreviations]
        names.sort(key=len, reverse=True)
        return "|".join(re.escape(n) + (r"(?![\w])" if n[-1].isalnum() else "") for n in names)

    def month_said(self, written: str) -> str:
        """A month as written in full ("Mayo" stays), an abbreviation in full ("ott." → ottobre)."""
        if written.lower() in (m.lower() for m in self.months):
            return written
        number = self.month_number(written)
        return self.months[number - 1] if number else written

    def month_number(self, written: str) -> int:
        for index, name in enumerate(self.months, start=1):
            if name.lower() == written.lower():
                return index
        return self.month_abbreviations.get(written, 0) or self.month_abbreviations.get(
            written.lower(), 0
        )

    def expand_times(self, text: str) -> str:
        return text

    # ---- numbers with a point, ranges and scores ----------------------------------------

    @cached_property
    def _measured(self) -> re.Pattern[str]:
        """What follows a measured decimal ("23.1%", "1.5 km"), said with the decimal word."""
        units = self._alternatives([*self.units, *self.scales, *self.currencies], False)
        return re.compile(rf"\s?(?:%|(?:{units}))")

    _DOTTED = re.compile(r"(?<![\w.,])[0-9]+(?:\.[0-9]+){1,}(?![\w]|\.[0-9])")

    def expand_versions(self, text: str) -> str:
        """ "iOS 17.2", "1.2.3": each part said, the language's "point" between (in a
        comma-decimal language; "1.200" with three digits is a thousand and stays)."""
        if self.style.decimal == ".":
            return text

        def replace(match: re.Match[str]) -> str:
            parts = match.group(0).split(".")
            if all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
                return match.group(0)
            rest = match.string[match.end() :]
            if len(parts) == 2 and self._measured.match(rest):
                return f"{parts[0]}{self.style.decimal}{parts[1]}"
            return f" {self.words.point} ".join(self.cardinal(int(p)) for p in parts)

        return self._DOTTED.sub(replace, text)

    @cached_property
    def _range_regex(self) -> re.Pattern[str]:
        n = self.style.pattern
        return re.compile(
            rf"(?<![\w.,:/-])(?P<na>-\s?)?(?P<a>{n})\s?(?:-|–|\sx\s)\s?(?P<nb>-\s?)?(?P<b>{n})"
            rf"(?![.,:/][0-9])(?!-[0-9])"
        )

    time_cues: ClassVar[str] = r"(?!)"
    """Words right before a clock time ("um", "à", "a las"): "21:00" after them is a time."""

    def is_time(self, match: re.Match[str]) -> bool:
        """Whether "H:MM" at `match` is a time rather than a score ("2:1" after a match)."""
        cue = re.search(rf"\b(?:{self.time_cues})\s*$", match.string[: match.start()], re.I)
        return bool(cue) or not self.is_sport(match)

    def is_sport(self, match: re.Match[str]) -> bool:
        nearby = match.string[max(0, match.start() - 80) : match.end() + 60]
        return bool(re.search(self.sport_words, nearby, re.IGNORECASE))

    def expand_ranges(self, text: str) -> str:
        """ "10-12" → "10 bis 12" (the numbers stay for the passes that know their noun);
        "2-1" after a match → "zwei zu eins"."""

        def replace(match: re.Match[str]) -> str:
            written = match.group(0)
            a, b = self.style.parse(match["a"]), self.style.parse(match["b"])
            small = not a.fraction and not b.fraction and a.value < 100 and b.value < 100
            signed = match["na"] or match["nb"]
            if small and not signed and self.is_sport(match):
                return self.say_score(a.value, b.value)
            if " x " in written or match["a"].startswith("0") and len(a.whole) > 1:
                return written
            return self.say_range(match, a, b)

        return self._range_regex.sub(replace, text)

    _SCORE = re.compile(r"(?<![\w.,:])([0-9]{1,3}):([0-9]{1,3})(?![0-9]|[.,:][0-9])")

    def expand_scores(self, text: str) -> str:
        """What is left of "2:1" after the times: a score or a ratio."""
        return self._SCORE.sub(lambda m: self.say_score(int(m[1]), int(m[2])), text)

    def say_score(self, a: int, b: int) -> str:
        return f"{self.cardinal(a)} {self.words.score} {self.cardinal(b)}"

    def say_range(self, match: re.Match[str], a: Written, b: Written) -> str:
        """ "10-12" → "10 bis 12": the numbers stay for the passes that know their noun."""
        start, end = match["a"], match["b"]
        if len(a.whole) == 4 and len(b.whole) == 2 and not a.fraction and not b.fraction:
            full = a.value // 100 * 100 + b.value
            if full <= a.value:
                return match.group(0)
            end = str(full)
        elif (b.value, b.fraction) < (a.value, a.fraction) and not match["na"]:
            return match.group(0)
        between = re.search(rf"\b(?:{self.words.between})\s+$", match.string[: match.start()], re.I)
        joiner = self.words.and_ if between else self.words.to
        start = ("-" if match["na"] else "") + start
        end = ("-" if match["nb"] else "") + end
        return f"{start} {joiner} {end}"

    # ---- money, scales, units, percent ---------------------------------------------------

    @staticmethod
    def _alternatives(keys: list[str], guard_before: bool = True) -> str:
        out = []
        for key in sorted(keys, key=len, reverse=True):
            pattern = re.escape(key)
            if key[:1].isalnum() and guard_before:
                pattern = r"(?<![\w$])" + pattern
            if key[-1:].isalnum():
                pattern += r"(?![\w$€£¥])"
            out.append(pattern)
        return "|".join(out) or "(?!)"

    @cached_property
    def _money_regexes(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        cur = self._alternatives(list(self.currencies))
        scale = self._alternatives(list(self.scales), guard_before=False)
        n = self.style.pattern
        amount = rf"(?P<neg>-\s?)?(?P<num>{n})(?:\s?(?P<scale>{scale}))?(?P<dash>,[-–]+)?"
        names = {w for c in self.currencies.values() for w in (c.singular, c.plural)}
        again = rf"(?P<again>\s+(?:{'|'.join(map(re.escape, names))})(?![\w]))?"
        before = re.compile(rf"(?<![\w$€£¥])(?P<cur>{cur})\s?{amount}{again}")
        after = re.compile(rf"(?<![\w.,]){amount}\s?(?P<cur>{cur})")
        return before, after

    def expand_money(self, text: str) -> str:
        for regex in self._money_regexes:
            text = regex.sub(self._money, text)
        return text

    def _money(self, match: re.Match[str]) -> str:
        currency = self.currency(match["cur"])
        written = self.style.parse(match["num"])
        sign = f"{self.words.minus} " if match["neg"] else ""
        return sign + self.say_money(written, match["scale"], currency) + self.kept_stop(match)

    def kept_stop(self, match: re.Match[str]) -> str:
        """ "." when `match` swallowed the full stop that ends a sentence ("2 Mrd.")."""
        rest = match.string[match.end() :]
        return "." if match.group(0).endswith(".") and self.ends_sentence(rest) else ""

    def ends_sentence(self, rest: str) -> bool:
        """Whether the text after a full stop starts a new sentence."""
        return not rest.strip() or bool(re.match(rf"\s+[\"'¿¡{UPPER}]", rest))

    def currency(self, written: str) -> Currency:
        return self.currencies[written]

    def say_money(self, written: Written, scale: str | None, currency: Currency) -> str:
        if scale:
            power = self.scales[scale]
            amount = self.scaled(written, power)
            return f"{amount} {self.of(currency.plural) if power >= 6 else currency.plural}"
        cents = written.fraction
        if len(cents) == 2 and currency.cent and cents != "00" and not written.too_long:
            hundredths = Written(cents.lstrip("0") or "0")
            if not written.value:
                return self.counted(hundredths, currency.cent)
            name = currency.cent.singular if self.singular(hundredths) else currency.cent.plural
            return self.cents_form.format(
                whole=self.counted(Written(written.whole), currency.noun),
                cents=self.say(hundredths, currency.cent.gender),
                cent=name,
            )
        if not cents.strip("0"):
            written = Written(written.whole)
        amount = self.counted(written, currency.noun)
        if amount.rsplit(" ", 2)[-2] in self._big_scale_words:
            amount = f"{self.say(written, currency.gender)} {self.of(currency.plural)}"
        return amount

    @cached_property
    def _big_scale_words(self) -> frozenset[str]:
        """ "Million", "millions", …: after these a currency takes `money_of`."""
        nouns = [n for power, n in self.scale_nouns.items() if power >= 6]
        return frozenset(w for n in nouns for w in (n.singular, n.plural))

    def of(self, noun: str) -> str:
        """ "de euros" → "d'euros" in French; "Euro" in German (no word between)."""
        return f"{self.money_of} {noun}".strip()

    @cached_property
    def _scale_regex(self) -> re.Pattern[str]:
        n = self.style.pattern
        scales = self._alternatives(list(self.scales), guard_before=False)
        return re.compile(rf"(?<![\w.,])(?P<num>{n})\s?(?P<scale>{scales})")

    def expand_scales(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            said = self.scaled(self.style.parse(match["num"]), self.scales[match["scale"]])
            return said + self.kept_stop(match)

        return self._scale_regex.sub(replace, text)

    @cached_property
    def _unit_regex(self) -> re.Pattern[str]:
        n = self.style.pattern
        units = self._alternatives(list(self.units), guard_before=False)
        return re.compile(rf"(?<![\w.,])(?P<neg>-\s?)?(?P<num>{n})\s?(?P<unit>{units})(?![\w/²³])")

    def is_unit(self, unit: str, rest: str) -> bool:
        """Whether `unit` after a number is the unit: Spanish and Italian "ha" is also "has"."""
        return True

    def expand_units(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            sign = f"{self.words.minus} " if match["neg"] else ""
            if not self.is_unit(match["unit"], match.string[match.end() :]):
                return match.group(0)
            unit = self.units[match["unit"]]
            return sign + self.counted(self.style.parse(match["num"]), unit) + self.kept_stop(match)

        return self._unit_regex.sub(replace, text)

    @cached_property
    def _percent_regex(self) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w.,])(?P<neg>-\s?)?(?P<num>{self.style.pattern})\s?%")

    def expand_percent(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            sign = f"{self.words.minus} " if match["neg"] else ""
            return f"{sign}{self.say_percent(self.style.parse(match['num']))} {self.words.percent}"

        return self._percent_regex.sub(replace, text)

    def say_percent(self, written: Written) -> str:
        return self.say(written)

    # ---- ordinals and Roman numerals -----------------------------------------------------

    def expand_ordinals(self, text: str) -> str:
        return text

    regnal_names: ClassVar[frozenset[str]] = frozenset()
    feminine_names: ClassVar[frozenset[str]] = frozenset()
    regnal_titles: ClassVar[frozenset[str]] = frozenset()
    feminine_titles: ClassVar[frozenset[str]] = frozenset()

    roman_takes_dot: ClassVar[bool] = False
    """German writes "Ludwig XIV." with the ordinal's full stop."""

    @cached_property
    def _after_name(self) -> re.Pattern[str]:
        dot = r"(?P<dot>\.)?" if self.roman_takes_dot else r"(?P<dot>(?!))?"
        return re.compile(
            rf"(?<![\w'’-])(?P<name>[{UPPER}][\w'’-]*(?:\s[{UPPER}][\w'’-]*)?)\s"
            rf"(?P<roman>[IVXLC]+){dot}(?![\w'’-])"
        )

    def _regnal_word(self, word: str) -> bool:
        parts = [word, word[:-1], *word.split("-")]  # "Benedikts", "Jean-Paul"
        return any(p in self.regnal_names for p in parts)

    def expand_roman_numerals(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            numeral = match["roman"]
            if not is_roman_numeral(numeral):
                return match.group(0)
            words = match["name"].split()
            lead = ""
            first_is_name = self._regnal_word(words[0]) or words[0] in self.regnal_titles
            if len(words) == 2 and self._regnal_word(words[1]) and not first_is_name:
                lead, words = words[0] + " ", words[1:]  # "Unter Wilhelm II."
            before = match.string[: match.start()] + lead
            title = before.split()[-1] if before.split() else ""
            regnal = any(self._regnal_word(w) for w in words) or bool(
                {title, words[0]} & self.regnal_titles
            )
            if len(numeral) == 1 and not regnal:
                return match.group(0)
            feminine = any(w in self.feminine_names for w in words) or bool(
                {title, words[0]} & self.feminine_titles
            )
            name = " ".join(words)
            said = self.say_after_name(roman_value(numeral), regnal, feminine, before, name, match)
            return f"{lead}{name} {said}"

        return self._after_name.sub(replace, text)

    def say_after_name(
        self,
        value: int,
        regnal: bool,
        feminine: bool,
        before: str,
        name: str,
        match: re.Match[str],
    ) -> str:
        """The words for a numeral after a name ("Quatorze" after "Louis"); `before` is the
        text before the name, `match` the whole numeral's."""
        return self.cardinal(value)

    # ---- what is left ------------------------------------------------------------------

    def expand_codes(self, text: str) -> str:
        """ "G7" → "G 7", "H5N1" → "H 5 N 1"; "COVID-19" keeps its hyphen."""
        return _CODE.sub(
            lambda m: re.sub(r"(?<=[^\W\d_])(?=[0-9])|(?<=[0-9])(?=[^\W\d_])", " ", m[0]), text
        )

    def expand_phone_numbers(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            written = match.group(0)
            digits = re.sub(r"[^0-9]", "", written)
            if len(digits) < 8 or not written.startswith(("0", "+", "(0")):
                return written
            groups = [g for g in re.split(r"[\s()./-]+", written) if g]
            return ", ".join(self.phone_group(g) for g in groups)

        text = _PHONE.sub(replace, text)
        return _LEADING_ZERO.sub(lambda m: self.digits(m.group(0)), text)

    def phone_group(self, group: str) -> str:
        plus = f"{self.words.plus} " if group.startswith("+") else ""
        return plus + self.digits(group)

    def expand_negatives(self, text: str) -> str:
        return _NEGATIVE.sub(f"{self.words.minus} ", text)

    def expand_numbers(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            written = self.style.parse(match.group(0))
            word = next_word(match.string, match.end())
            return self.say_number(written, word, match)

        text = self.style.regex.sub(replace, text)
        return _DIGITS.sub(lambda m: self.cardinal(int(m.group(0))), text)

    def say_number(self, written: Written, word: str, match: re.Match[str]) -> str:
        """A number with no unit or currency; `word` is the one after it."""
        return self.say(written, self.gender_of(word) if word else None)

    def speak_symbols(self, text: str) -> str:
        text = _SLASH_WORDS.sub(" ", text)
        text = _DASH.sub(", ", text)
        text = _PAREN.sub(lambda m: f", {m[1].strip(' ,')}, " if m[1].strip(" ,") else " ", text)
        for symbol, said in self.symbols.items():
            text = text.replace(symbol, f" {said} ")
        return text
