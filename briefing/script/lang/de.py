"""German: "am 3. Oktober" → "am dritten Oktober", "14:30 Uhr" → "vierzehn Uhr dreißig",
"1,5 Mio. €" → "eins Komma fünf Millionen Euro", "Benedikt XVI." → "Benedikt der Sechzehnte".

An ordinal is declined by the words before it (am → -en, der → -e, no article → -er), a
"1" before a noun agrees with it ("eine Million", "ein Euro"), and a year before 2000 is said
in hundreds ("neunzehnhundertneunzig").
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import ClassVar

from briefing.script.lang.base import UPPER, Language, at_sentence_start, capitalised, next_word
from briefing.script.lang.numerals import Written
from briefing.script.lang.regnal import FEMININE_NAMES, REGNAL_NAMES
from briefing.script.lang.tables import Abbreviation, Currency, Gender, Noun, Words, word_set

A = Abbreviation
_EURO = Currency("Euro", "Euro", "m", Noun("Cent", "Cent"))
_DOLLAR = Currency("Dollar", "Dollar", "m", Noun("Cent", "Cent"))
_US_DOLLAR = Currency("US-Dollar", "US-Dollar", "m", Noun("Cent", "Cent"))
_POUND = Currency("Pfund", "Pfund", "n", Noun("Penny", "Pence"))
_FRANC = Currency("Franken", "Franken", "m", Noun("Rappen", "Rappen"))

_SENTENCE_OPENERS = word_set(
    """Die Der Das Den Dem Des Ein Eine Einer Er Sie Es Wir Ich Ihr Man Auch Aber Doch Im In Am An
    Auf Aus Mit Nach Bei Zum Zur Von Vom Für Wie Was Wer Wo Dies Diese Dieser Dieses Dort Damit
    Dann Dabei Da So Nun Jetzt Heute Laut Zudem Außerdem Trotzdem Allerdings Seit Bis Als Wenn
    Weil Ob Und Oder Nicht Noch Schon Kein Keine Viele Mehr Insgesamt Zuvor Danach Bereits Vor
    Gegen Unter Über Rund Etwa Fast Nur Zwar Deshalb Daher Denn Wegen Trotz Während Nachdem
    Obwohl Derzeit Zuletzt Gleichzeitig Ebenfalls Hier Mehrere Alle Jeder Jede Sein Seine Ihre
    Unser Unsere Gestern Morgen Inzwischen Demnach Somit Dazu Davon Dafür Dagegen Darüber
    Zunächst Später Anschließend Jedoch Zuerst Erst Sowohl Weder Dennoch Mittlerweile Bislang
    Bisher Ende Anfang Mitte"""
)
"""Capitalised words that open a sentence: "…waren es 3. Die Zahl…" ends one at "3."."""

_EN = word_set(
    """am im vom zum beim dem den des einem einen eines einer seinem seinen seines seiner ihrem
    ihren ihres ihrer diesem diesen dieses unserem unseren unseres jedem jeden jedes zur"""
)
_E = word_set("der die das ins aufs ans fürs eine diese dieser jede")
_EM = word_set("seit mit nach von vor aus bei zu samt nebst")
_EN_STRONG = word_set("ab bis für gegen durch um ohne")
_DATIVE = word_set("in an auf aus bei mit nach seit von zu vor unter hinter neben zwischen")
_YEAR_CUES = word_set(
    """im jahr jahre jahres jahren seit bis von ab vor nach um anfang ende mitte sommer herbst
    winter frühjahr frühling januar februar märz april mai juni juli august september oktober
    november dezember jänner zwischen und oder"""
)
_NEUTER = word_set(
    """Mal Jahr Spiel Tor Kind Land Haus Prozent Kilo Gramm Mitglied Pfund Gutachten Team Auto
    Unternehmen Verfahren Treffen Gesetz Paket Urteil Angebot Projekt Programm Ziel Ergebnis
    Rennen Quartal Halbjahr Semester Kapitel Werk Dorf Gebäude Schiff Flugzeug Amt Konto"""
)
_FEMININE = word_set(
    """Million Milliarde Billion Stunde Minute Sekunde Woche Tonne Person Frau Stimme Partei Krone
    Mark Nacht Stadt Hand Welt Zeit Zahl Seite Runde Etappe Niederlage Meile Klasse Liga Schule
    Wahl Frage Firma Bank Art Sorte Dosis Tat Kalorie Kilowattstunde Flasche Folge Mannschaft Tür
    Straße Linie Hälfte Familie Kugel Rakete Drohne Bombe"""
)
_NOT_FEMININE = word_set("Name Junge Kunde Gedanke Käse Ende Auge Erbe Gebäude Interesse")
_FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ie", "ei", "enz", "anz")


class German(Language):
    code = "de"
    name = "German"
    num2words_code = "de"
    fraction_as_number = False
    words = Words(
        minus="minus", percent="Prozent", decimal="Komma", point="Punkt", to="bis",
        and_="und", between="zwischen", score="zu", dot="Punkt", at="at", plus="plus",
        degrees=("Grad", "Grad"),
    )  # fmt: skip
    months = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
              "September", "Oktober", "November", "Dezember")  # fmt: skip
    month_abbreviations: ClassVar[dict[str, int]] = {
        "Jänner": 1, "Feber": 2, "Jan.": 1, "Feb.": 2, "Febr.": 2, "Mrz.": 3, "Apr.": 4,
        "Jun.": 6, "Jul.": 7, "Aug.": 8, "Sep.": 9, "Sept.": 9, "Okt.": 10, "Nov.": 11,
        "Dez.": 12,
    }  # fmt: skip
    abbreviations = (
        A("z. B.", "zum Beispiel"), A("z. T.", "zum Teil"), A("d. h.", "das heißt"),
        A("u. a.", "unter anderem", can_end=True), A("v. a.", "vor allem"),
        A("o. Ä.", "oder Ähnliches", can_end=True), A("u. Ä.", "und Ähnliches", can_end=True),
        A("i. d. R.", "in der Regel"), A("u. U.", "unter Umständen"), A("s. o.", "siehe oben"),
        A("s. u.", "siehe unten"), A("z. Zt.", "zurzeit"), A("bzw.", "beziehungsweise"),
        A("usw.", "und so weiter", can_end=True), A("etc.", "et cetera", can_end=True),
        A("ca.", "circa"), A("Nr.", "Nummer"), A("Dr.", "Doktor"), A("Prof.", "Professor"),
        A("St.", "Sankt", before_name=True), A("Hr.", "Herr", before_name=True),
        A("Fr.", "Frau", before_name=True), A("Jh.", "Jahrhundert"), A("Jhd.", "Jahrhundert"),
        A("Abs.", "Absatz"), A("Art.", "Artikel"), A("Bd.", "Band"), A("Hbf.", "Hauptbahnhof"),
        A("Str.", "Straße"), A("Tel.", "Telefon"), A("vgl.", "vergleiche"),
        A("ggf.", "gegebenenfalls"),
        A("evtl.", "eventuell"), A("inkl.", "inklusive"), A("exkl.", "exklusive"),
        A("zzgl.", "zuzüglich"), A("bzgl.", "bezüglich"), A("gem.", "gemäß"), A("lt.", "laut"),
        A("insb.", "insbesondere"), A("v. Chr.", "vor Christus", can_end=True),
        A("n. Chr.", "nach Christus", can_end=True), A("Mio.", "Millionen"),
        A("Mrd.", "Milliarden"), A("Tsd.", "Tausend"), A("sog.", "sogenannte"),
        A("Dipl.-Ing.", "Diplomingenieur"), A("Co.", "Co", can_end=True),
        A("d. J.", "dieses Jahres", can_end=True), A("v. l. n. r.", "von links nach rechts"),
        A("o. g.", "oben genannte"), A("allg.", "allgemein"), A("Std.", "Stunden"),
        A("min.", "mindestens"), A("max.", "maximal"), A("Min.", "Minuten"),
        A("Mo.", "Montag", before_name=False), A("Di.", "Dienstag"), A("Mi.", "Mittwoch"),
        A("Do.", "Donnerstag"), A("Sa.", "Samstag"), A("So.", "Sonntag"),
    )  # fmt: skip
    units = {
        "km/h": Noun("Kilometer pro Stunde", "Kilometer pro Stunde"),
        "m/s": Noun("Meter pro Sekunde", "Meter pro Sekunde"),
        "Mbit/s": Noun("Megabit pro Sekunde", "Megabit pro Sekunde", "n"),
        "Gbit/s": Noun("Gigabit pro Sekunde", "Gigabit pro Sekunde", "n"),
        "km2": Noun("Quadratkilometer", "Quadratkilometer"),
        "m2": Noun("Quadratmeter", "Quadratmeter"), "m3": Noun("Kubikmeter", "Kubikmeter"),
        "qkm": Noun("Quadratkilometer", "Quadratkilometer"),
        "qm": Noun("Quadratmeter", "Quadratmeter"),
        "km": Noun("Kilometer", "Kilometer"), "cm": Noun("Zentimeter", "Zentimeter"),
        "mm": Noun("Millimeter", "Millimeter"), "m": Noun("Meter", "Meter"),
        "ha": Noun("Hektar", "Hektar", "n"), "kg": Noun("Kilogramm", "Kilogramm", "n"),
        "mg": Noun("Milligramm", "Milligramm", "n"), "g": Noun("Gramm", "Gramm", "n"),
        "t": Noun("Tonne", "Tonnen", "f"), "l": Noun("Liter", "Liter"),
        "ml": Noun("Milliliter", "Milliliter"), "hl": Noun("Hektoliter", "Hektoliter"),
        "°C": Noun("Grad Celsius", "Grad Celsius", "n"),
        "°F": Noun("Grad Fahrenheit", "Grad Fahrenheit", "n"), "°": Noun("Grad", "Grad", "n"),
        "kWh": Noun("Kilowattstunde", "Kilowattstunden", "f"),
        "MWh": Noun("Megawattstunde", "Megawattstunden", "f"),
        "GWh": Noun("Gigawattstunde", "Gigawattstunden", "f"),
        "TWh": Noun("Terawattstunde", "Terawattstunden", "f"),
        "kW": Noun("Kilowatt", "Kilowatt", "n"), "MW": Noun("Megawatt", "Megawatt", "n"),
        "GW": Noun("Gigawatt", "Gigawatt", "n"), "W": Noun("Watt", "Watt", "n"),
        "kV": Noun("Kilovolt", "Kilovolt", "n"), "V": Noun("Volt", "Volt", "n"),
        "Hz": Noun("Hertz", "Hertz", "n"), "MHz": Noun("Megahertz", "Megahertz", "n"),
        "GHz": Noun("Gigahertz", "Gigahertz", "n"), "KB": Noun("Kilobyte", "Kilobyte", "n"),
        "MB": Noun("Megabyte", "Megabyte", "n"), "GB": Noun("Gigabyte", "Gigabyte", "n"),
        "TB": Noun("Terabyte", "Terabyte", "n"), "h": Noun("Stunde", "Stunden", "f"),
        "Std.": Noun("Stunde", "Stunden", "f"), "min": Noun("Minute", "Minuten", "f"),
        "Min.": Noun("Minute", "Minuten", "f"), "Sek.": Noun("Sekunde", "Sekunden", "f"),
        "dB": Noun("Dezibel", "Dezibel", "n"), "kcal": Noun("Kilokalorie", "Kilokalorien", "f"),
        "Jh.": Noun("Jahrhundert", "Jahrhunderte", "n"),
    }  # fmt: skip
    currencies = {
        "€": _EURO, "EUR": _EURO, "Euro": _EURO, "$": _DOLLAR, "US$": _US_DOLLAR,
        "US-$": _US_DOLLAR, "USD": _US_DOLLAR, "Dollar": _DOLLAR, "US-Dollar": _US_DOLLAR,
        "£": _POUND, "GBP": _POUND, "CHF": _FRANC, "Fr.": _FRANC, "SFr.": _FRANC,
        "Franken": _FRANC, "¥": Currency("Yen", "Yen"),
    }  # fmt: skip
    scales = {
        "Tsd.": 3,
        "Mio.": 6,
        "Mio": 6,
        "Mrd.": 9,
        "Mrd": 9,
        "Bio.": 12,
        "Millionen": 6,
        "Million": 6,
        "Milliarden": 9,
        "Milliarde": 9,
        "Billionen": 12,
        "Billion": 12,
    }
    scale_nouns = {
        3: Noun("Tausend", "Tausend", "n"), 6: Noun("Million", "Millionen", "f"),
        9: Noun("Milliarde", "Milliarden", "f"), 12: Noun("Billion", "Billionen", "f"),
    }  # fmt: skip
    symbols = {"&": "und", "+": "plus", "=": "gleich", "§§": "Paragrafen", "§": "Paragraf",
               "°": "Grad", "#": "Nummer", "%": "Prozent", "~": "etwa", "±": "plus minus",
               "×": "mal", "@": "at", "€": "Euro", "$": "Dollar", "£": "Pfund"}  # fmt: skip
    vulgar_fractions = {"½": "ein halb", "¼": "ein Viertel", "¾": "drei Viertel"}
    sport_words = (
        r"\b(?:Sieg|siegt\w*|gewann|gewinnt|gewonnen|verlor\w*|Niederlage|Remis|unentschieden|"
        r"Tor|Tore|Treffer|Spiel|Partie|Halbzeit|Endstand|Elfmeter\w*|Finale|Halbfinale|Liga|"
        r"Bundesliga|Pokal|Derby|Auswärts\w*|Heimspiel|besiegt|schlug|Satz|Sätze|Führung|"
        r"Ausgleich|Handball|Fußball|Eishockey|Basketball|Volleyball|Tennis|Meister\w*)\b"
    )
    time_cues = r"um|gegen|ab|bis|von|seit|vor|nach|zwischen|und"
    roman_takes_dot = True
    regnal_names = REGNAL_NAMES
    feminine_names = FEMININE_NAMES
    regnal_titles = word_set("Papst König Königin Kaiser Kaiserin Zar Zarin Fürst Herzog")
    feminine_titles = word_set("Königin Kaiserin Zarin Fürstin Herzogin")

    # ---- number words ------------------------------------------------------------------

    def cardinal(self, value: int, gender: Gender | None = None) -> str:
        words = super().cardinal(value, gender)
        if gender is not None and words.endswith("eins"):
            return words[:-1] + ("e" if gender == "f" else "")
        return words

    def ordinal(self, value: int, gender: Gender = "m", ending: str = "") -> str:
        """ "dritte" + ending ("n" → "dritten", "r" → "dritter")."""
        return self.spell(value, "ordinal") + ending

    def year(self, value: int) -> str:
        if 1100 <= value <= 1999:
            return self.spell(value, "year")
        return self.cardinal(value)

    _street = re.compile(r"(?<=[a-zäöü])str\.(?=\s|$)")

    def expand_abbreviations(self, text: str) -> str:
        """The shared table, and a street's name shortened: "Hauptstr. 5" → "Hauptstraße"."""
        return super().expand_abbreviations(self._street.sub("straße", text))

    def gender_of(self, word: str) -> Gender | None:
        if not word[:1].isupper() or word in _SENTENCE_OPENERS:
            return None
        noun = re.split(r"[-/]", word)[-1] or word
        if noun in _FEMININE or word in _FEMININE:
            return "f"
        if noun in _NEUTER:
            return "n"
        if noun.endswith(_FEMININE_ENDINGS) or (noun.endswith("e") and noun not in _NOT_FEMININE):
            return "f"
        return "m"

    def fraction_words(self, fraction: str) -> str:
        """Digit by digit, without the zeros that only pad ("1,50 Meter" → "eins Komma fünf")."""
        return super().fraction_words(fraction.rstrip("0") or "0")

    def say_percent(self, written: Written) -> str:
        return self.say(written, "n")

    # ---- declension ----------------------------------------------------------------------

    @staticmethod
    def ending(before: str, noun: str = "") -> str:
        """The ending of an ordinal after `before` (the text up to it): "am" → "n"."""
        words = re.findall(r"[\w']+", before.lower())
        last = words[-1] if words else ""
        if not words or at_sentence_start(before, len(before)):
            return "r"
        if last in _EN:
            return "n"
        if last == "der" and len(words) > 1 and words[-2] in _DATIVE:
            return "n"
        if last in _E:
            return ""
        if last == "ein":
            return "s" if noun in _NEUTER else "r"
        if last in _EM:
            return "m"
        if last in _EN_STRONG:
            return "n"
        return "r"

    # ---- dates and times ---------------------------------------------------------------

    def say_date(self, day: int, month: int, year: int | None, match: re.Match[str]) -> str:
        ending = self.ending(match.string[: match.start()])
        said = f"{self.ordinal(day, ending=ending)} {self.month_name(month)}"
        return said + (f" {self.year(year)}" if year else "")

    def month_name(self, month: int) -> str:
        if self.region == "AT" and month in (1, 2):
            return ("Jänner", "Feber")[month - 1]
        return self.months[month - 1]

    def textual_dates(self, text: str) -> str:
        text = self._textual_date.sub(self._say_textual_date, text)
        text = self._short_date.sub(self._say_short_date, text)
        text = self._month_year.sub(lambda m: f"{m['month']} {self.year(int(m['year']))}", text)
        return self._decade.sub(self._say_decade, text)

    @cached_property
    def _textual_date(self) -> re.Pattern[str]:
        return re.compile(
            rf"(?<![\w.,])(?P<day>[0-9]{{1,2}})\.\s?(?P<month>{self.month_pattern})"
            r"(?:\s+(?P<year>[0-9]{4})(?![0-9]))?"
        )

    _short_date = re.compile(r"(?<![\w.,/])([0-9]{1,2})\.([0-9]{1,2})\.(?![0-9])")
    _decade = re.compile(r"(?<![\w.,])([0-9]{2,4})er(?P<years>-?Jahre\w*)?(?![\w])")

    @cached_property
    def _month_year(self) -> re.Pattern[str]:
        return re.compile(rf"(?P<month>{self.month_pattern})\s+(?P<year>1[1-9][0-9]{{2}})(?![0-9])")

    def _say_textual_date(self, match: re.Match[str]) -> str:
        day, month = int(match["day"]), self.month_number(match["month"])
        if not 1 <= day <= 31 or not month:
            return match.group(0)
        year = int(match["year"]) if match["year"] else None
        return self.say_date(day, month, year, match) + self.kept_stop(match)

    def _say_short_date(self, match: re.Match[str]) -> str:
        day, month = int(match[1]), int(match[2])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return match.group(0)
        said = self.say_date(day, month, None, match)
        rest = match.string[match.end() :]
        return said + ("." if not rest.strip() or self._opens_sentence(rest) else "")

    def _say_decade(self, match: re.Match[str]) -> str:
        value = int(match[1])
        said = (self.year(value) if value >= 1000 else self.cardinal(value)) + "er"
        return said + (f" {match['years'].lstrip('-')}" if match["years"] else "")

    _time = re.compile(
        r"(?<![\w.,:])(?P<h>[0-9]{1,2})(?:[:.](?P<m>[0-9]{2}))?\s?Uhr\b"
        r"|(?<![\w.,:])(?P<h2>[0-9]{1,2}):(?P<m2>[0-9]{2})(?![0-9]|[:.,][0-9])"
    )

    def expand_times(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            hours, minutes = match["h"] or match["h2"], match["m"] or match["m2"]
            h, m = int(hours), int(minutes or 0)
            if h > 24 or m > 59:
                return match.group(0)
            if match["h2"] and not self.is_time(match):
                return match.group(0)
            said = f"{'ein' if h == 1 else self.cardinal(h)} Uhr"
            return said + (f" {self.cardinal(m)}" if m else "")

        return self._time.sub(replace, text)

    # ---- ordinals, numbers, Roman numerals ---------------------------------------------

    _ordinal = re.compile(r"(?<![\w.,])([0-9]{1,3})\.(?=\s+([^\s]+)|\s*$)")

    def ends_sentence(self, rest: str) -> bool:
        return self._opens_sentence(rest)

    def _opens_sentence(self, rest: str) -> bool:
        word = next_word(rest, 0)
        return (
            not rest.strip()
            or word in _SENTENCE_OPENERS
            or not word
            and bool(re.match(rf"\s+[\"'{UPPER}0-9]", rest))
        )

    def expand_ordinals(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            rest = match.string[match.end() :]
            value = int(match[1])
            before = match.string[: match.start()]
            if self._opens_sentence(rest):
                return match.group(0)
            if value >= 100 and self.ending(before) == "r":
                return match.group(0)
            return self.ordinal(value, ending=self.ending(before, next_word(rest, 0)))

        text = self._ordinal.sub(replace, text)
        return self._compound.sub(self._say_compound, text)

    _compound = re.compile(r"(?<![\w.,-])([0-9]+)-([^\W\d_][\w]*)")

    def _say_compound(self, match: re.Match[str]) -> str:
        """ "3-mal" → "dreimal", "10-Jährige" → "Zehnjährige", "3-Zimmer-…" → "Drei-Zimmer-…"."""
        number, word = self.cardinal(int(match[1])), match[2]
        if word[:1].islower():
            return number + word
        if word.lower().startswith(("jährig", "fach", "prozentig", "köpfig", "tägig", "stündig")):
            return capitalised(number + word.lower())
        return f"{capitalised(number)}-{word}"

    def say_number(self, written: Written, word: str, match: re.Match[str]) -> str:
        value = written.value
        plain = not written.fraction and match.group(0).isdigit() and len(match.group(0)) == 4
        if plain and 1100 <= value <= 1999:
            before = re.findall(r"[\w]+", match.string[: match.start()].lower())[-2:]
            noun = self.gender_of(word) is not None and self.month_number(word) == 0
            if not noun or set(before) & _YEAR_CUES:
                return self.year(value)
        return super().say_number(written, word, match)

    def say_after_name(
        self,
        value: int,
        regnal: bool,
        feminine: bool,
        before: str,
        name: str,
        match: re.Match[str],
    ) -> str:
        if not regnal:
            return self.cardinal(value)
        words = re.findall(r"[\w]+", before.lower())
        preposition = next((w for w in reversed(words[-3:]) if w in _DATIVE | _EN_STRONG), "")
        genitive = name.endswith("s") and not preposition
        ordinal = capitalised(self.ordinal(value))
        if genitive:
            said = f"des {ordinal}n" if not feminine else f"der {ordinal}n"
        elif preposition in _EN_STRONG:
            said = f"den {ordinal}n" if not feminine else f"die {ordinal}"
        elif preposition:
            said = f"dem {ordinal}n" if not feminine else f"der {ordinal}n"
        else:
            said = f"die {ordinal}" if feminine else f"der {ordinal}"
        rest = match.string[match.end() :]
        if match["dot"] and (not rest.strip() or self._opens_sentence(rest)):
            said += "."
        return said
