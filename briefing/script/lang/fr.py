"""French: "1er janvier" → "premier janvier", "14 h 30" → "quatorze heures trente",
"12,5 %" → "douze virgule cinq pour cent", "3 M€" → "trois millions d'euros",
"Louis XIV" → "Louis Quatorze", "XXe siècle" → "vingtième siècle".

"un" becomes "une" before a feminine noun ("vingt et une personnes"), a noun stays singular
below two ("1,5 million"), and Belgium and Switzerland say "septante" and "nonante".
"""

from __future__ import annotations

import re
from functools import cached_property

from briefing.script.lang.base import UPPER, Language, capitalised
from briefing.script.lang.numerals import Written
from briefing.script.lang.regnal import FEMININE_NAMES, REGNAL_NAMES
from briefing.script.lang.tables import Abbreviation, Currency, Gender, Noun, Words, word_set
from briefing.script.roman import is_roman_numeral, roman_value

A = Abbreviation
_CENTIME = Noun("centime", "centimes")
_EURO = Currency("euro", "euros", "m", _CENTIME)
_DOLLAR = Currency("dollar", "dollars", "m", Noun("cent", "cents"))
_POUND = Currency("livre", "livres", "f", Noun("penny", "pence"))
_FRANC = Currency("franc", "francs", "m", _CENTIME)
_NOT_NOUNS = word_set(
    """de du des d à au aux et ou en le la les l un une sur pour par avec sans dans contre entre
    selon vers chez que qui dont plus moins fois environ près"""
)
_FEMININE = word_set(
    """personne heure fois année semaine minute seconde voix victime femme tonne livre place
    entreprise victoire élection journée nuit voiture maison ville région commune fille étoile
    page mesure école classe étape manche partie balle guerre loi société famille vie espèce
    affaire question raison arme bombe frappe attaque roquette vague plainte liste usine centrale
    éolienne dose livraison reprise course chambre salle ligne porte route rue circonscription
    voie blessée mère sœur tête main jambe enfance patiente"""
)
_MASCULINE = word_set(
    "musée lycée trophée incendie génie magazine domaine capitaine patrimoine mois"
)
_FEMININE_ENDINGS = (
    "tion",
    "sion",
    "xion",
    "té",
    "ure",
    "ette",
    "ence",
    "ance",
    "ée",
    "ie",
    "ade",
    "ise",
    "ière",
    "euse",
    "trice",
    "esse",
    "ude",
    "elle",
    "aine",
)


class French(Language):
    code = "fr"
    name = "French"
    plural_from_two = True
    words = Words(
        minus="moins", percent="pour cent", decimal="virgule", point="point", to="à",
        and_="et", between="entre", score="à", dot="point", at="arobase", plus="plus",
        degrees=("degré", "degrés"),
    )  # fmt: skip
    months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")  # fmt: skip
    month_abbreviations = {"janv.": 1, "févr.": 2, "fév.": 2, "avr.": 4, "juil.": 7,
                           "sept.": 9, "oct.": 10, "nov.": 11, "déc.": 12}  # fmt: skip
    abbreviations = (
        A("M.", "monsieur", before_name=True), A("MM.", "messieurs", before_name=True),
        A("Mme", "madame", before_name=True), A("Mmes", "mesdames", before_name=True),
        A("Mlle", "mademoiselle", before_name=True), A("Me", "maître", before_name=True),
        A("Mgr", "monseigneur", before_name=True), A("Dr", "docteur", before_name=True),
        A("Pr", "professeur", before_name=True), A("St", "Saint", before_name=True),
        A("Ste", "Sainte", before_name=True), A("St-", "Saint-"), A("Ste-", "Sainte-"),
        A("etc.", "et cetera", can_end=True), A("cf.", "voir"), A("p. ex.", "par exemple"),
        A("c.-à-d.", "c'est-à-dire"), A("av. J.-C.", "avant Jésus-Christ", can_end=True),
        A("apr. J.-C.", "après Jésus-Christ", can_end=True), A("J.-C.", "Jésus-Christ"),
        A("env.", "environ"), A("n°", "numéro"), A("N°", "numéro"), A("nos", "numéros"),
        A("bd", "boulevard", before_name=True), A("av.", "avenue", before_name=True),
        A("Cie", "compagnie"), A("Sté", "société"), A("vol.", "volume"),
        A("chap.", "chapitre"), A("art.", "article"), A("al.", "alinéa"), A("éd.", "édition"),
        A("tél.", "téléphone"), A("resp.", "respectivement"), A("vs", "contre"),
        A("vs.", "contre"), A("hab.", "habitants"), A("Vve", "veuve", before_name=True),
        A("Mds", "milliards"), A("Md", "milliard"), A("ONG", "ONG"),
    )  # fmt: skip
    units = {
        "km/h": Noun("kilomètre-heure", "kilomètres-heure"),
        "m/s": Noun("mètre par seconde", "mètres par seconde"),
        "Mbit/s": Noun("mégabit par seconde", "mégabits par seconde"),
        "km2": Noun("kilomètre carré", "kilomètres carrés"),
        "m2": Noun("mètre carré", "mètres carrés"), "m3": Noun("mètre cube", "mètres cubes"),
        "km": Noun("kilomètre", "kilomètres"), "cm": Noun("centimètre", "centimètres"),
        "mm": Noun("millimètre", "millimètres"), "m": Noun("mètre", "mètres"),
        "ha": Noun("hectare", "hectares"), "kg": Noun("kilo", "kilos"),
        "mg": Noun("milligramme", "milligrammes"), "g": Noun("gramme", "grammes"),
        "t": Noun("tonne", "tonnes", "f"), "l": Noun("litre", "litres"),
        "L": Noun("litre", "litres"), "ml": Noun("millilitre", "millilitres"),
        "hl": Noun("hectolitre", "hectolitres"),
        "°C": Noun("degré Celsius", "degrés Celsius"),
        "°F": Noun("degré Fahrenheit", "degrés Fahrenheit"), "°": Noun("degré", "degrés"),
        "kWh": Noun("kilowattheure", "kilowattheures"),
        "MWh": Noun("mégawattheure", "mégawattheures"),
        "GWh": Noun("gigawattheure", "gigawattheures"),
        "TWh": Noun("térawattheure", "térawattheures"),
        "kW": Noun("kilowatt", "kilowatts"), "MW": Noun("mégawatt", "mégawatts"),
        "GW": Noun("gigawatt", "gigawatts"), "W": Noun("watt", "watts"),
        "kV": Noun("kilovolt", "kilovolts"), "V": Noun("volt", "volts"),
        "Hz": Noun("hertz", "hertz"), "MHz": Noun("mégahertz", "mégahertz"),
        "GHz": Noun("gigahertz", "gigahertz"), "Ko": Noun("kilooctet", "kilooctets"),
        "Mo": Noun("mégaoctet", "mégaoctets"), "Go": Noun("gigaoctet", "gigaoctets"),
        "To": Noun("téraoctet", "téraoctets"), "min": Noun("minute", "minutes", "f"),
        "ch": Noun("cheval", "chevaux"), "dB": Noun("décibel", "décibels"),
        "kcal": Noun("kilocalorie", "kilocalories", "f"), "hab.": Noun("habitant", "habitants"),
    }  # fmt: skip
    currencies = {
        "€": _EURO, "EUR": _EURO, "euros": _EURO, "euro": _EURO, "$": _DOLLAR,
        "US$": _DOLLAR, "USD": _DOLLAR, "dollars": _DOLLAR, "£": _POUND, "GBP": _POUND,
        "CHF": _FRANC, "francs": _FRANC, "¥": Currency("yen", "yens"),
    }  # fmt: skip
    scales = {"k": 3, "M": 6, "Md": 9, "Mds": 9, "Mrd": 9, "Mrds": 9, "million": 6,
              "millions": 6, "milliard": 9, "milliards": 9}  # fmt: skip
    scale_nouns = {3: Noun("mille", "mille"), 6: Noun("million", "millions"),
                   9: Noun("milliard", "milliards"), 12: Noun("billion", "billions")}  # fmt: skip
    money_of = "de"
    symbols = {
        "&": "et",
        "+": "plus",
        "=": "égale",
        "§": "paragraphe",
        "°": "degrés",
        "#": "numéro",
        "%": "pour cent",
        "~": "environ",
        "±": "plus ou moins",
        "×": "fois",
        "@": "arobase",
        "€": "euros",
        "$": "dollars",
        "£": "livres",
    }
    vulgar_fractions = {"½": "un demi", "¼": "un quart", "¾": "trois quarts"}
    sport_words = (
        r"\b(?:victoire|gagn\w*|battu\w*|bat|perd\w*|défaite|nul|match|buts?|score|mi-temps|"
        r"finale|demi-finale|Ligue|championnat|coupe|derby|s'impose|l'emporte|sets?|"
        r"tie-break|penaltys?|équipe|club)\b"
    )
    time_cues = r"à|vers|dès|depuis|jusqu'à|avant|après|de|entre|et"
    regnal_names = REGNAL_NAMES
    feminine_names = FEMININE_NAMES
    regnal_titles = word_set("roi reine pape empereur impératrice tsar tsarine prince")
    feminine_titles = word_set("reine impératrice tsarine princesse")

    def __init__(self, locale: str | None = None) -> None:
        super().__init__(locale)
        self.num2words_code = {"BE": "fr_BE", "CH": "fr_CH"}.get(self.region, "fr")

    # ---- number words ------------------------------------------------------------------

    def cardinal(self, value: int, gender: Gender | None = None) -> str:
        words = super().cardinal(value, gender)
        if gender == "f" and re.search(r"\bun$", words):
            return words + "e"
        return words

    def ordinal(self, value: int, gender: Gender = "m") -> str:
        if value == 1:
            return "première" if gender == "f" else "premier"
        return self.spell(value, "ordinal")

    def gender_of(self, word: str) -> Gender | None:
        lower = word.lower()
        if lower in _NOT_NOUNS or lower in self.months or word[:1].isupper():
            return None
        singular = re.sub(r"(?<=.)[sx]$", "", lower)
        if singular in _MASCULINE:
            return "m"
        if singular in _FEMININE or lower in _FEMININE or singular.endswith(_FEMININE_ENDINGS):
            return "f"
        return "m"

    def say_number(self, written: Written, word: str, match: re.Match[str]) -> str:
        """ "les années 80" → "quatre-vingt": a number used as a name takes no plural s."""
        said = super().say_number(written, word, match)
        if re.search(r"\b(?:années|page|numéro|chapitre)\s+$", match.string[: match.start()]):
            return re.sub(r"(vingt|cent)s$", r"\1", said)
        return said

    def of(self, noun: str) -> str:
        return f"d'{noun}" if noun[:1] in "aeiouyéèh" else f"de {noun}"

    def phone_group(self, group: str) -> str:
        """French numbers are said in pairs: "06 12" → "zéro six, douze"."""
        if len(group) == 2 and group.isdigit():
            return self.digits(group) if group.startswith("0") else self.cardinal(int(group))
        return super().phone_group(group)

    def marks(self, text: str) -> str:
        """ "3 M€" → "3 M €" (the scale and the currency apart, for the money pass); a time
        range "9h-17h" said with "à"."""
        text = re.sub(r"(?<=[0-9])\s?(k|M|Md|Mds|Mrd)€", r" \1 €", text)
        return re.sub(
            r"([0-9]{1,2}\s?h(?:\s?[0-9]{2})?)\s?[-–]\s?(?=[0-9]{1,2}\s?h\b)", r"\1 à ", text
        )

    # ---- dates and times ---------------------------------------------------------------

    def say_date(self, day: int, month: int, year: int | None, match: re.Match[str]) -> str:
        said = f"{self.ordinal(1) if day == 1 else self.cardinal(day)} {self.months[month - 1]}"
        return said + (f" {self.year(year)}" if year else "")

    @cached_property
    def _textual_date(self) -> re.Pattern[str]:
        return re.compile(
            rf"(?<![\w.,])(?P<day>1er|[0-9]{{1,2}})\s+(?P<month>{self.month_pattern})"
            r"(?:\s+(?P<year>[0-9]{4})(?![0-9]))?",
            re.IGNORECASE,
        )

    def textual_dates(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            day = 1 if match["day"] == "1er" else int(match["day"])
            month = self.month_number(match["month"])
            if not 1 <= day <= 31 or not month:
                return match.group(0)
            year = int(match["year"]) if match["year"] else None
            return self.say_date(day, month, year, match) + self.kept_stop(match)

        return self._textual_date.sub(replace, text)

    _time = re.compile(
        r"(?<![\w.,:])(?P<h>[0-9]{1,2})\s?h\s?(?P<m>[0-9]{2})?(?P<min>\s?min\b)?(?![\w/])"
        r"|(?<![\w.,:])(?P<h2>[0-9]{1,2}):(?P<m2>[0-9]{2})(?![0-9]|[:.,][0-9])"
    )
    _per = re.compile(r"(?<![\w.,])([0-9]+)\s?(h|j)\s?/\s?([0-9]+)(?![\w])")

    def expand_times(self, text: str) -> str:
        text = self._per.sub(
            lambda m: (
                f"{self.cardinal(int(m[1]), 'f' if m[2] == 'h' else 'm')} "
                f"{'heures' if m[2] == 'h' else 'jours'} sur {self.cardinal(int(m[3]))}"
            ),
            text,
        )

        def replace(match: re.Match[str]) -> str:
            hours, minutes = match["h"] or match["h2"], match["m"] or match["m2"]
            h, m = int(hours), int(minutes or 0)
            if h > 24 or m > 59 or (match["h2"] and not self.is_time(match)):
                return match.group(0)
            said = f"{self.cardinal(h, 'f')} {'heure' if h < 2 else 'heures'}"
            if m:
                said += f" {self.cardinal(m, 'f')}" + (" minutes" if match["min"] else "")
            return said

        return self._time.sub(replace, text)

    # ---- ordinals and Roman numerals -----------------------------------------------------

    _ordinal = re.compile(
        r"(?<![\w.,])([0-9]+)(ers|er|res|re|ères|ère|èmes|ème|es|e|è|ndes|nde|nds|nd)(?![\w])"
    )
    _roman_ordinal = re.compile(r"(?<![\w])([IVXLC]+)(er|re|ère|ème|e)(?![\w])")

    def expand_ordinals(self, text: str) -> str:
        def arabic(match: re.Match[str]) -> str:
            value, suffix = int(match[1]), match[2]
            plural = "s" if suffix.endswith("s") else ""
            if suffix.startswith("n"):
                return ("seconde" if suffix.startswith("nde") else "second") + plural
            feminine = suffix.rstrip("s") in ("re", "ère")
            return self.ordinal(value, "f" if feminine else "m") + plural

        def roman(match: re.Match[str]) -> str:
            numeral, suffix = match[1], match[2]
            if not is_roman_numeral(numeral) or (len(numeral) == 1 and numeral not in "IVX"):
                return match.group(0)
            said = self.ordinal(roman_value(numeral), "f" if suffix in ("re", "ère") else "m")
            before = match.string[: match.start()].split()
            after = match.string[match.end() :]
            if re.match(rf"\s+[{UPPER}]", after) or (before and before[-1] in self.regnal_names):
                return capitalised(said)
            return said

        text = self._ordinal.sub(arabic, text)
        return self._roman_ordinal.sub(roman, text)

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
        if value == 1:
            return "Première" if feminine else "Premier"
        return capitalised(self.cardinal(value))
