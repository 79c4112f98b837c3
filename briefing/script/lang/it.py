"""Italian: "1° gennaio" → "primo gennaio", "alle 14.30" → "alle quattordici e trenta",
"3,5 mld di euro" → "tre virgola cinque miliardi di euro", "Luigi XIV" → "Luigi
quattordicesimo", "XXI secolo" → "ventunesimo secolo", "1 ora" → "un'ora".
"""

from __future__ import annotations

import re

from briefing.script.lang.numerals import Written
from briefing.script.lang.regnal import FEMININE_NAMES, REGNAL_NAMES
from briefing.script.lang.romance import Romance
from briefing.script.lang.tables import Abbreviation, Currency, Gender, Noun, Words, word_set

A = Abbreviation
_CENT = Noun("centesimo", "centesimi")
_EURO = Currency("euro", "euro", "m", _CENT)
_DOLLAR = Currency("dollaro", "dollari", "m", _CENT)
_POUND = Currency("sterlina", "sterline", "f", Noun("penny", "pence"))
_FRANC = Currency("franco", "franchi", "m", _CENT)
_NOT_NOUNS = word_set(
    """di del dello della dei degli delle a al allo alla ai agli alle da dal dalla dai e ed o in nel
    nella nei per con su sul sulla tra fra che il lo la i gli le un una più meno mila volte"""
)
_MASCULINE_A = word_set(
    "problema sistema programma tema clima pianeta poeta papa pilota atleta dramma cinema"
)
_FEMININE = word_set(
    """notte legge parte gente volta ora mano madre moglie sede classe chiave nave rete fonte morte
    febbre neve pelle fine serie specie"""
)
_PLACED = word_set(
    """arrivato arrivata classificato classificata giunto giunta finito finita terminato terminata
    piazzato piazzata chiuso chiusa"""
)
_RANGE_OPENERS = word_set(
    """il lo la l i gli le del dello della dei degli delle dal dalla dai dagli dalle al alla ai agli
    alle nel nella nei negli nelle sul sulla sui di a da in per con su tra fra"""
)


class Italian(Romance):
    code = "it"
    name = "Italian"
    num2words_code = "it"
    number_word = "numero"
    ordinals_up_to = 10_000
    words = Words(
        minus="meno", percent="per cento", decimal="virgola", point="punto", to="a",
        and_="e", between="tra|fra", score="a", dot="punto", at="chiocciola", plus="più",
        degrees=("grado", "gradi"),
    )  # fmt: skip
    months = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
              "agosto", "settembre", "ottobre", "novembre", "dicembre")  # fmt: skip
    month_abbreviations = {"gen.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "mag.": 5, "giu.": 6,
                           "lug.": 7, "ago.": 8, "set.": 9, "sett.": 9, "ott.": 10, "nov.": 11,
                           "dic.": 12}  # fmt: skip
    abbreviations = (
        A("Sig.", "signor", before_name=True), A("Sigg.", "signori", before_name=True),
        A("Sig.ra", "signora", before_name=True), A("Sig.na", "signorina", before_name=True),
        A("Dott.", "dottor", before_name=True), A("Dott.ssa", "dottoressa", before_name=True),
        A("Dr.", "dottor", before_name=True), A("Prof.", "professor", before_name=True),
        A("Prof.ssa", "professoressa", before_name=True), A("Avv.", "avvocato", before_name=True),
        A("Ing.", "ingegner", before_name=True), A("Arch.", "architetto", before_name=True),
        A("On.", "onorevole", before_name=True), A("Mons.", "monsignor", before_name=True),
        A("Gen.", "generale", before_name=True), A("S.", "San", before_name=True),
        A("ecc.", "eccetera", can_end=True), A("etc.", "eccetera", can_end=True),
        A("p. es.", "per esempio"), A("pag.", "pagina"), A("tel.", "telefono"),
        A("a.C.", "avanti Cristo", can_end=True), A("d.C.", "dopo Cristo", can_end=True),
        A("S.p.A.", "società per azioni", can_end=True), A("SpA", "società per azioni"),
        A("S.r.l.", "società a responsabilità limitata", can_end=True),
        A("s.r.l.", "società a responsabilità limitata", can_end=True),
        A("c.d.", "cosiddetto"), A("cfr.", "confronta"), A("vs.", "contro"),
        A("sec.", "secolo"), A("art.", "articolo"), A("ca.", "circa"), A("V.le", "viale"),
        A("P.za", "piazza"), A("P.zza", "piazza"), A("mln", "milioni"), A("mld", "miliardi"),
    )  # fmt: skip
    units = {
        "km/h": Noun("chilometro orario", "chilometri orari"),
        "m/s": Noun("metro al secondo", "metri al secondo"),
        "km2": Noun("chilometro quadrato", "chilometri quadrati"),
        "m2": Noun("metro quadrato", "metri quadrati"),
        "mq": Noun("metro quadrato", "metri quadrati"),
        "m3": Noun("metro cubo", "metri cubi"), "km": Noun("chilometro", "chilometri"),
        "cm": Noun("centimetro", "centimetri"), "mm": Noun("millimetro", "millimetri"),
        "m": Noun("metro", "metri"), "ha": Noun("ettaro", "ettari"),
        "kg": Noun("chilo", "chili"), "mg": Noun("milligrammo", "milligrammi"),
        "g": Noun("grammo", "grammi"), "t": Noun("tonnellata", "tonnellate", "f"),
        "l": Noun("litro", "litri"), "ml": Noun("millilitro", "millilitri"),
        "°C": Noun("grado Celsius", "gradi Celsius"),
        "°F": Noun("grado Fahrenheit", "gradi Fahrenheit"), "°": Noun("grado", "gradi"),
        "kWh": Noun("chilowattora", "chilowattora"), "MWh": Noun("megawattora", "megawattora"),
        "GWh": Noun("gigawattora", "gigawattora"), "TWh": Noun("terawattora", "terawattora"),
        "kW": Noun("chilowatt", "chilowatt"), "MW": Noun("megawatt", "megawatt"),
        "GW": Noun("gigawatt", "gigawatt"), "W": Noun("watt", "watt"),
        "GB": Noun("gigabyte", "gigabyte"), "MB": Noun("megabyte", "megabyte"),
        "TB": Noun("terabyte", "terabyte"), "h": Noun("ora", "ore", "f"),
        "min": Noun("minuto", "minuti"),
    }  # fmt: skip
    currencies = {
        "€": _EURO, "EUR": _EURO, "euro": _EURO, "$": _DOLLAR, "US$": _DOLLAR, "USD": _DOLLAR,
        "dollari": _DOLLAR, "£": _POUND, "GBP": _POUND, "sterline": _POUND, "CHF": _FRANC,
        "franchi": _FRANC, "¥": Currency("yen", "yen"),
    }  # fmt: skip
    scales = {"mila": 3, "mln": 6, "mln.": 6, "milioni": 6, "milione": 6, "mld": 9, "mld.": 9,
              "mrd": 9, "miliardi": 9, "miliardo": 9}  # fmt: skip
    scale_nouns = {3: Noun("mila", "mila"), 6: Noun("milione", "milioni"),
                   9: Noun("miliardo", "miliardi"), 12: Noun("bilione", "bilioni")}  # fmt: skip
    big_scale_words = frozenset({"milione", "milioni", "miliardo", "miliardi"})
    money_of = "di"
    cents_form = "{whole} e {cents} {cent}"
    symbols = {"&": "e", "+": "più", "=": "uguale a", "§": "paragrafo", "°": "gradi",
               "#": "numero", "%": "per cento", "~": "circa", "±": "più o meno", "×": "per",
               "@": "chiocciola", "€": "euro", "$": "dollari", "£": "sterline"}  # fmt: skip
    vulgar_fractions = {"½": "mezzo", "¼": "un quarto", "¾": "tre quarti"}
    sport_words = (
        r"\b(?:vittoria|vinc\w*|vint\w*|batt\w*|sconfitt\w*|pareggi\w*|partita|gol|rete|reti|"
        r"risultato|finale|semifinale|campionato|Serie|coppa|derby|set|squadra)\b"
    )
    articles = word_set(
        "il lo la i gli le del dello della dei degli delle al allo alla nel nello nella un una"
    )
    feminine_articles = word_set("la le della delle alla alle nella nelle una")
    century_words = r"secolo|secoli|sec\."
    year_cues = word_set("nel dal al del anno entro fino tra fra e o il dell'")
    regnal_names = REGNAL_NAMES
    feminine_names = FEMININE_NAMES
    regnal_titles = word_set("re regina papa imperatore imperatrice zar principe")
    feminine_titles = word_set("regina imperatrice zarina principessa")

    # ---- number words ------------------------------------------------------------------

    def spell(self, value: int, to: str = "cardinal") -> str:
        """num2words's Italian, with "ventitré" accented at the end of any compound and no
        "e" after the millions ("un milione duecentomila")."""
        words = super().spell(value, to).replace("centouno", "centuno")
        words = re.sub(r"(?<=\w)tre$", "tré", words)
        return re.sub(r"\b(milione|milioni|miliardo|miliardi) e ", r"\1 ", words)

    def cardinal(self, value: int, gender: Gender | None = None) -> str:
        words = super().cardinal(value, gender)
        if gender is not None and words == "uno":
            return "una" if gender == "f" else "un"
        return words

    def feminine(self, words: str) -> str:
        return words

    def counted(self, written: Written, noun: Noun) -> str:
        said = super().counted(written, noun)
        return re.sub(r"^una (?=[aeiouàèéìòù])", "un'", said)

    def _mark(self, match: re.Match[str]) -> str:
        """ "2°" after "arrivato" is second place, not two degrees."""
        before = match.string[: match.start()].split()
        if match["mark"] == "°" and before and before[-1].lower() in _PLACED:
            return self.ordinal(int(match["num"]), "f" if before[-1].endswith("a") else "m")
        return super()._mark(match)

    def expand_numbers(self, text: str) -> str:
        return re.sub(r"\buna (?=[aeiouàèéìòù])", "un'", super().expand_numbers(text))

    def gender_of(self, word: str) -> Gender | None:
        lower = word.lower()
        if lower in _NOT_NOUNS or lower in self.months or word[:1].isupper():
            return None
        if lower in _MASCULINE_A:
            return "m"
        if lower in _FEMININE or lower.endswith(("a", "zione", "sione", "tà", "tù", "ie")):
            return "f"
        return "m"

    def say_range(self, match: re.Match[str], a: Written, b: Written) -> str:
        said = super().say_range(match, a, b)
        if said == match.group(0) or f" {self.words.and_} " in said:
            return said
        before = re.findall(r"[\w]+", match.string[: match.start()].lower())
        return said if before and before[-1] in _RANGE_OPENERS else f"da {said}"

    # ---- dates and times ---------------------------------------------------------------

    def say_date(self, day: int, month: int, year: int | None, match: re.Match[str]) -> str:
        said = f"{'primo' if day == 1 else self.cardinal(day)} {self.months[month - 1]}"
        return said + (f" {self.year(year)}" if year else "")

    def textual_dates(self, text: str) -> str:
        pattern = re.compile(
            rf"(?<![\w.,-])(?P<day>[0-9]{{1,2}})\s+(?P<month>{self.month_pattern})",
            re.IGNORECASE,
        )

        def replace(match: re.Match[str]) -> str:
            day = int(match["day"])
            if not 1 <= day <= 31:
                return match.group(0)
            said = (
                f"{'primo' if day == 1 else self.cardinal(day)} {self.month_said(match['month'])}"
            )
            return said + self.kept_stop(match)

        return pattern.sub(replace, text)

    _time = re.compile(
        r"(?<![\w.,:])(?P<h>[0-9]{1,2})(?P<sep>[:.])(?P<m>[0-9]{2})(?![0-9]|[:.,][0-9])"
    )
    _time_cue = re.compile(
        r"\b(?:alle|all'|dalle|ore|le|delle|verso|entro|tra|fra|dopo|prima|l')\s*$", re.IGNORECASE
    )

    def expand_times(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            h, m = int(match["h"]), int(match["m"])
            cue = self._time_cue.search(match.string[: match.start()])
            if h > 24 or m > 59 or (match["sep"] == "." and not cue):
                return match.group(0)
            if not cue and not self.is_time(match):
                return match.group(0)
            hours = "una" if h == 1 else self.cardinal(h)
            return hours if m == 0 else f"{hours} e {self.cardinal(m)}"

        return self._time.sub(replace, text)
