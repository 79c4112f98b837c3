"""Spanish: "1.200 millones" → "mil doscientos millones", "EE. UU." → "Estados Unidos",
"siglo XXI" → "siglo veintiuno", "21 personas" → "veintiuna personas",
"12,99 €" → "doce euros con noventa y nueve céntimos", "a las 14:30" → "a las catorce treinta".

Mexico, Central America and Peru write the decimal point ("12.5"); the rest of the
Spanish-speaking world the decimal comma. "$" is the peso where the peso is the currency.
"""

from __future__ import annotations

import re

from briefing.script.lang.numerals import COMMA_DECIMAL, POINT_DECIMAL, NumberStyle
from briefing.script.lang.regnal import FEMININE_NAMES, REGNAL_NAMES
from briefing.script.lang.romance import Romance
from briefing.script.lang.tables import Abbreviation, Currency, Gender, Noun, Words, word_set

A = Abbreviation
_POINT_REGIONS = word_set("MX US GT HN NI SV PA DO PR PE")
_PESO_REGIONS = word_set("AR MX CO CL UY DO CU")
_EURO = Currency("euro", "euros", "m", Noun("céntimo", "céntimos"))
_DOLLAR = Currency("dólar", "dólares", "m", Noun("centavo", "centavos"))
_PESO = Currency("peso", "pesos", "m", Noun("centavo", "centavos"))
_NOT_NOUNS = word_set(
    """de del a al y e o u en el la los las un una por para con sin entre sobre tras hasta desde que
    cada más menos mil veces según contra hacia"""
)
_MASCULINE_A = word_set(
    """día problema programa sistema tema mapa idioma planeta clima poema dilema esquema drama lema
    cometa pijama sofá"""
)
_FEMININE = word_set(
    """muerte mujer vez noche ley sede red calle clase fuente gente nave llave parte imagen carne
    leche tarde hambre sangre muerte flor mano radio"""
)
_FEMININE_ENDINGS = ("ción", "sión", "dad", "tad", "tud", "umbre", "ez")


class Spanish(Romance):
    code = "es"
    name = "Spanish"
    num2words_code = "es"
    keep_marks = "¿¡"
    months = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre")  # fmt: skip
    month_abbreviations = {"ene.": 1, "feb.": 2, "mar.": 3, "abr.": 4, "jun.": 6, "jul.": 7,
                           "ago.": 8, "sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11,
                           "dic.": 12, "setiembre": 9}  # fmt: skip
    abbreviations = (
        A("EE. UU.", "Estados Unidos"), A("EEUU", "Estados Unidos"), A("EE UU", "Estados Unidos"),
        A("FF. AA.", "Fuerzas Armadas"), A("CC. OO.", "Comisiones Obreras"),
        A("RR. HH.", "recursos humanos"), A("JJ. OO.", "Juegos Olímpicos"),
        A("SS. MM.", "Sus Majestades"), A("S. M.", "Su Majestad"), A("FF. CC.", "ferrocarriles"),
        A("Sr.", "señor", before_name=True), A("Sres.", "señores", before_name=True),
        A("Sra.", "señora", before_name=True), A("Sras.", "señoras", before_name=True),
        A("Srta.", "señorita", before_name=True), A("D.", "don", before_name=True),
        A("Dña.", "doña", before_name=True), A("Dr.", "doctor", before_name=True),
        A("Dra.", "doctora", before_name=True), A("Lic.", "licenciado", before_name=True),
        A("Ing.", "ingeniero", before_name=True), A("Gral.", "general", before_name=True),
        A("Cnel.", "coronel", before_name=True), A("Sto.", "santo", before_name=True),
        A("Sta.", "santa", before_name=True), A("Mons.", "monseñor", before_name=True),
        A("Excmo.", "excelentísimo", before_name=True),
        A("Excma.", "excelentísima", before_name=True), A("etc.", "etcétera", can_end=True),
        A("p. ej.", "por ejemplo"), A("aprox.", "aproximadamente"), A("núm.", "número"),
        A("pág.", "página"), A("tel.", "teléfono"), A("Av.", "avenida"), A("Avda.", "avenida"),
        A("C/", "calle"), A("a. C.", "antes de Cristo", can_end=True),
        A("d. C.", "después de Cristo", can_end=True), A("S. A.", "sociedad anónima", can_end=True),
        A("S. L.", "sociedad limitada", can_end=True), A("Ud.", "usted"), A("Uds.", "ustedes"),
        A("vs.", "contra"), A("dcha.", "derecha"), A("izq.", "izquierda"),
        A("admón.", "administración"), A("dpto.", "departamento"), A("prov.", "provincia"),
        A("art.", "artículo"), A("s.", "siglo"), A("mill.", "millones"),
    )  # fmt: skip
    units = {
        "km/h": Noun("kilómetro por hora", "kilómetros por hora"),
        "m/s": Noun("metro por segundo", "metros por segundo"),
        "km2": Noun("kilómetro cuadrado", "kilómetros cuadrados"),
        "m2": Noun("metro cuadrado", "metros cuadrados"),
        "m3": Noun("metro cúbico", "metros cúbicos"), "km": Noun("kilómetro", "kilómetros"),
        "cm": Noun("centímetro", "centímetros"), "mm": Noun("milímetro", "milímetros"),
        "m": Noun("metro", "metros"), "ha": Noun("hectárea", "hectáreas", "f"),
        "kg": Noun("kilo", "kilos"), "mg": Noun("miligramo", "miligramos"),
        "g": Noun("gramo", "gramos"), "t": Noun("tonelada", "toneladas", "f"),
        "l": Noun("litro", "litros"), "ml": Noun("mililitro", "mililitros"),
        "°C": Noun("grado Celsius", "grados Celsius"),
        "°F": Noun("grado Fahrenheit", "grados Fahrenheit"), "°": Noun("grado", "grados"),
        "kWh": Noun("kilovatio hora", "kilovatios hora"),
        "MWh": Noun("megavatio hora", "megavatios hora"),
        "GWh": Noun("gigavatio hora", "gigavatios hora"),
        "TWh": Noun("teravatio hora", "teravatios hora"),
        "kW": Noun("kilovatio", "kilovatios"), "MW": Noun("megavatio", "megavatios"),
        "GW": Noun("gigavatio", "gigavatios"), "W": Noun("vatio", "vatios"),
        "GB": Noun("gigabyte", "gigabytes"), "MB": Noun("megabyte", "megabytes"),
        "TB": Noun("terabyte", "terabytes"), "h": Noun("hora", "horas", "f"),
        "hs": Noun("hora", "horas", "f"), "min": Noun("minuto", "minutos"),
        "mdd": Noun("millón de dólares", "millones de dólares"),
        "mdp": Noun("millón de pesos", "millones de pesos"),
    }  # fmt: skip
    scales = {"mil": 3, "M": 6, "MM": 6, "millones": 6, "millón": 6, "mil millones": 9,
              "billones": 12, "billón": 12}  # fmt: skip
    scale_nouns = {
        3: Noun("mil", "mil"),
        6: Noun("millón", "millones"),
        9: Noun("mil millones", "mil millones"),
        12: Noun("billón", "billones"),
    }
    big_scale_words = frozenset({"millón", "millones", "billón", "billones"})
    money_of = "de"
    cents_form = "{whole} con {cents} {cent}"
    symbols = {"&": "y", "+": "más", "=": "igual a", "§": "párrafo", "°": "grados",
               "#": "número", "%": "por ciento", "~": "aproximadamente", "±": "más o menos",
               "×": "por", "@": "arroba", "€": "euros", "$": "dólares", "£": "libras"}  # fmt: skip
    vulgar_fractions = {"½": "medio", "¼": "un cuarto", "¾": "tres cuartos"}
    sport_words = (
        r"\b(?:victoria|gan\w*|venci\w*|derrot\w*|perd\w*|empat\w*|partido|gol|goles|marcador|"
        r"final|semifinal|liga|copa|clásico|derbi|sets?|torneo|Mundial|selección|equipo)\b"
    )
    articles = word_set("el la los las del al un una")
    feminine_articles = word_set("la las una")
    century_words = r"siglo|siglos|s\."
    year_cues = word_set("de del en desde hasta año entre y o hacia")
    regnal_names = REGNAL_NAMES
    feminine_names = FEMININE_NAMES
    regnal_titles = word_set("rey reina papa emperador emperatriz zar príncipe")
    feminine_titles = word_set("reina emperatriz zarina princesa infanta")

    def __init__(self, locale: str | None = None) -> None:
        super().__init__(locale)
        point = self.region in _POINT_REGIONS
        self.words = Words(
            minus="menos", percent="por ciento", decimal="punto" if point else "coma",
            point="punto", to="a", and_="y", between="entre", score="a", dot="punto",
            at="arroba", plus="más", degrees=("grado", "grados"),
        )  # fmt: skip
        dollar = _PESO if self.region in _PESO_REGIONS else _DOLLAR
        if self.region in _PESO_REGIONS or point:
            euro = Currency("euro", "euros", "m", Noun("centavo", "centavos"))
        else:
            euro = _EURO
        self.currencies = {
            "€": euro, "EUR": euro, "euros": euro, "$": dollar, "US$": _DOLLAR, "u$s": _DOLLAR,
            "U$S": _DOLLAR, "USD": _DOLLAR, "dólares": _DOLLAR, "£": Currency(
                "libra", "libras", "f", Noun("penique", "peniques")),
            "S/": Currency("sol", "soles", "m", Noun("céntimo", "céntimos")),
            "S/.": Currency("sol", "soles", "m", Noun("céntimo", "céntimos")),
            "R$": Currency("real", "reales", "m", Noun("centavo", "centavos")),
            "¥": Currency("yen", "yenes"), "pesos": _PESO,
        }  # fmt: skip

    @property
    def style(self) -> NumberStyle:
        return POINT_DECIMAL if self.region in _POINT_REGIONS else COMMA_DECIMAL

    # ---- number words ------------------------------------------------------------------

    def spell(self, value: int, to: str = "cardinal") -> str:
        words = super().spell(value, to)
        words = re.sub(r"\bveintiuno (mil|mill)", r"veintiún \1", words)
        words = re.sub(r"\buno (mil|mill)", r"un \1", words)
        return re.sub(r"décimo(?=\w)", "decimo", words)

    def cardinal(self, value: int, gender: Gender | None = None) -> str:
        words = super().cardinal(value, gender)
        if gender == "m":
            words = re.sub(r"\bveintiuno$", "veintiún", re.sub(r"\buno$", "un", words))
        return words

    def feminine(self, words: str) -> str:
        words = re.sub(r"\bveinti(?:uno|ún)\b", "veintiuna", words)
        words = re.sub(r"\b(?:uno|un)\b", "una", words)
        return re.sub(r"ientos\b", "ientas", words)

    def before_noun(self, ordinal: str, after: str) -> str:
        word = re.match(r"\s+([^\W\d_]+)", after)
        if word and word.group(1).lower() not in _NOT_NOUNS:
            return re.sub(r"\b(prim|terc)ero$", r"\1er", ordinal)
        return ordinal

    def gender_of(self, word: str) -> Gender | None:
        lower = word.lower()
        if lower in _NOT_NOUNS or lower in self.months or word[:1].isupper():
            return None
        singular = re.sub(r"(?<=[aeiouáéíóú])s$|(?<=[^aeiouáéíóú])es$", "", lower)
        if singular in _MASCULINE_A or lower in _MASCULINE_A:
            return "m"
        if singular in _FEMININE or singular.endswith(_FEMININE_ENDINGS) or singular.endswith("a"):
            return "f"
        return "m"

    # ---- dates and times ---------------------------------------------------------------

    def say_date(self, day: int, month: int, year: int | None, match: re.Match[str]) -> str:
        first = "primero" if self.region and self.region != "ES" else "uno"
        said = f"{first if day == 1 else self.cardinal(day)} de {self.months[month - 1]}"
        return said + (f" de {self.year(year)}" if year else "")

    def textual_dates(self, text: str) -> str:
        pattern = re.compile(
            rf"(?<![\w.,-])(?P<day>[0-9]{{1,2}})\s+de\s+(?P<month>{self.month_pattern})"
            r"(?P<year>\s+(?:de|del)\s+[0-9]{4}(?![0-9]))?",
            re.IGNORECASE,
        )

        def replace(match: re.Match[str]) -> str:
            day, month = int(match["day"]), self.month_number(match["month"])
            if not 1 <= day <= 31 or not month:
                return match.group(0)
            first = "primero" if self.region and self.region != "ES" else "uno"
            said = (
                f"{first if day == 1 else self.cardinal(day)} de {self.month_said(match['month'])}"
            )
            return said + (match["year"] or "") + self.kept_stop(match)

        return pattern.sub(replace, text)

    _time = re.compile(
        r"(?<![\w.,:])(?P<h>[0-9]{1,2})(?P<sep>[:.])(?P<m>[0-9]{2})(?![0-9]|[:.,][0-9])"
        r"(?P<suffix>\s?(?:h|hs|horas|hrs?)\b(?:\.(?![\s¿¡]*(?:[A-ZÁÉÍÓÚÑ]|$)))?)?"
        r"|(?<![\w.,:])(?P<h2>[0-9]{1,2})\s?(?P<suffix2>h|hs|horas)\b(?:\.(?![\s¿¡]*(?:[A-ZÁÉÍÓÚÑ]|$)))?"
    )
    _time_cue = re.compile(r"\b(?:las|la|a|desde|hasta|sobre|entre|y)\s+$", re.IGNORECASE)

    def expand_times(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            if match["h2"]:
                h = int(match["h2"])
                return f"{self.cardinal(h, 'f')} {'hora' if h == 1 else 'horas'}"
            h, m = int(match["h"]), int(match["m"])
            cue = self._time_cue.search(match.string[: match.start()])
            if h > 24 or m > 59 or (match["sep"] == "." and not (cue or match["suffix"])):
                return match.group(0)
            if match["sep"] == ":" and not cue and not self.is_time(match):
                return match.group(0)
            hours = self.cardinal(h, "f")
            if m == 0:
                return "una" if h == 1 else f"{hours} horas"
            if h > 12:
                minutes = self.cardinal(m) if m >= 10 else f"cero {self.cardinal(m)}"
                return f"{hours} {minutes}"
            return f"{hours} y {self.cardinal(m)}"

        return self._time.sub(replace, text)
