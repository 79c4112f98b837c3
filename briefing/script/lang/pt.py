"""Portuguese, Brazilian and European: "R$ 1.200" → "mil e duzentos reais", "14h30" →
"catorze e trinta", "1º de maio" → "primeiro de maio", "200 pessoas" → "duzentas pessoas",
"R$ 2 bi" → "dois bilhões de reais", "Dom Pedro II" → "Dom Pedro segundo".

Brazil says "dezesseis" and "bilhão", Portugal "dezasseis" and "mil milhões" (num2words's
pt_BR and pt); a noun stays singular below two ("1,5 milhão").
"""

from __future__ import annotations

import re

from briefing.script.lang.regnal import FEMININE_NAMES, REGNAL_NAMES
from briefing.script.lang.romance import Romance
from briefing.script.lang.tables import Abbreviation, Currency, Gender, Noun, Words, word_set

A = Abbreviation
_DOLLAR = Currency("dólar", "dólares", "m", Noun("centavo", "centavos"))
_REAL = Currency("real", "reais", "m", Noun("centavo", "centavos"))
_POUND = Currency("libra", "libras", "f", Noun("pêni", "pence"))
_NOT_NOUNS = word_set(
    """de do da dos das a ao aos à às e ou em no na nos nas o os as um uma por pelo pela para com
    sem entre sobre até desde que cada mais menos mil vezes contra segundo"""
)
_MASCULINE_A = word_set(
    "dia problema programa sistema tema mapa idioma planeta clima poema cinema drama"
)
_FEMININE = word_set(
    """mulher vez noite lei sede rede parte gente fonte mãe tarde morte cidade imagem viagem
    mensagem ordem"""
)
_FEMININE_ENDINGS = ("ção", "ções", "são", "sões", "dade", "dades", "agem", "agens", "ise")


class Portuguese(Romance):
    code = "pt"
    name = "Portuguese"
    plural_from_two = True
    words = Words(
        minus="menos", percent="por cento", decimal="vírgula", point="ponto", to="a",
        and_="e", between="entre", score="a", dot="ponto", at="arroba", plus="mais",
        degrees=("grau", "graus"),
    )  # fmt: skip
    months = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
              "setembro", "outubro", "novembro", "dezembro")  # fmt: skip
    month_abbreviations = {"jan.": 1, "fev.": 2, "mar.": 3, "abr.": 4, "mai.": 5, "jun.": 6,
                           "jul.": 7, "ago.": 8, "set.": 9, "out.": 10, "nov.": 11,
                           "dez.": 12}  # fmt: skip
    abbreviations = (
        A("Sr.", "senhor", before_name=True), A("Srs.", "senhores", before_name=True),
        A("Sra.", "senhora", before_name=True), A("Sras.", "senhoras", before_name=True),
        A("Srta.", "senhorita", before_name=True), A("Dr.", "doutor", before_name=True),
        A("Dra.", "doutora", before_name=True), A("Prof.", "professor", before_name=True),
        A("Profa.", "professora", before_name=True), A("Eng.", "engenheiro", before_name=True),
        A("Sto.", "santo", before_name=True), A("Sta.", "santa", before_name=True),
        A("Gen.", "general", before_name=True), A("Pe.", "padre", before_name=True),
        A("V. Exa.", "Vossa Excelência"), A("etc.", "etcétera", can_end=True),
        A("p. ex.", "por exemplo"), A("pág.", "página"), A("tel.", "telefone"),
        A("Av.", "avenida"), A("a.C.", "antes de Cristo", can_end=True),
        A("d.C.", "depois de Cristo", can_end=True), A("S.A.", "sociedade anônima", can_end=True),
        A("Ltda.", "limitada", can_end=True), A("aprox.", "aproximadamente"),
        A("vs.", "contra"), A("art.", "artigo"), A("séc.", "século"), A("núm.", "número"),
    )  # fmt: skip
    scales = {"mil": 3, "mi": 6, "mi.": 6, "milhão": 6, "milhões": 6, "bi": 9, "bi.": 9,
              "bilhão": 9, "bilhões": 9, "tri": 12, "trilhão": 12, "trilhões": 12,
              "mil milhões": 9}  # fmt: skip
    big_scale_words = frozenset(
        {"milhão", "milhões", "bilhão", "bilhões", "bilião", "biliões", "trilhão", "trilhões"}
    )
    money_of = "de"
    cents_form = "{whole} e {cents} {cent}"
    symbols = {
        "&": "e",
        "+": "mais",
        "=": "igual a",
        "§": "parágrafo",
        "°": "graus",
        "#": "número",
        "%": "por cento",
        "~": "cerca de",
        "±": "mais ou menos",
        "×": "vezes",
        "@": "arroba",
        "€": "euros",
        "$": "dólares",
        "£": "libras",
    }
    vulgar_fractions = {"½": "meio", "¼": "um quarto", "¾": "três quartos"}
    sport_words = (
        r"\b(?:vitória|venc\w*|ganh\w*|derrot\w*|perd\w*|empat\w*|partida|jogo|gols?|golos?|"
        r"placar|final|semifinal|campeonato|Brasileirão|taça|copa|clássico|time|equipe|"
        r"seleção|sets?)\b"
    )
    articles = word_set("o a os as do da dos das no na nos nas ao à um uma")
    feminine_articles = word_set("a as da das na nas à uma")
    century_words = r"século|séculos|séc\."
    time_cues = r"às|as|das|até|desde|entre|e|a partir das|por volta das"
    year_cues = word_set("de em desde até ano entre e ou para")
    regnal_names = REGNAL_NAMES
    feminine_names = FEMININE_NAMES
    regnal_titles = word_set("rei rainha papa imperador imperatriz czar príncipe Dom")
    feminine_titles = word_set("rainha imperatriz czarina princesa Dona")

    def __init__(self, locale: str | None = None) -> None:
        super().__init__(locale)
        self.brazil = self.region != "PT"
        self.num2words_code = "pt_BR" if self.brazil else "pt"
        km = "quilômetro" if self.brazil else "quilómetro"
        cent = Noun("centavo", "centavos") if self.brazil else Noun("cêntimo", "cêntimos")
        euro = Currency("euro", "euros", "m", cent)
        self.currencies = {
            "R$": _REAL, "reais": _REAL, "US$": _DOLLAR, "USD": _DOLLAR, "$": _DOLLAR,
            "dólares": _DOLLAR, "€": euro, "EUR": euro, "euros": euro, "£": _POUND,
            "¥": Currency("iene", "ienes"),
        }  # fmt: skip
        billion = Noun("bilhão", "bilhões") if self.brazil else Noun("mil milhões", "mil milhões")
        self.scale_nouns = {3: Noun("mil", "mil"), 6: Noun("milhão", "milhões"), 9: billion,
                            12: Noun("trilhão", "trilhões") if self.brazil
                            else Noun("bilião", "biliões")}  # fmt: skip
        self.units = {
            "km/h": Noun(f"{km} por hora", f"{km}s por hora"),
            "m/s": Noun("metro por segundo", "metros por segundo"),
            "km2": Noun(f"{km} quadrado", f"{km}s quadrados"),
            "m2": Noun("metro quadrado", "metros quadrados"),
            "m3": Noun("metro cúbico", "metros cúbicos"), "km": Noun(km, f"{km}s"),
            "cm": Noun("centímetro", "centímetros"), "mm": Noun("milímetro", "milímetros"),
            "m": Noun("metro", "metros"), "ha": Noun("hectare", "hectares"),
            "kg": Noun("quilo", "quilos"), "mg": Noun("miligrama", "miligramas"),
            "g": Noun("grama", "gramas"), "t": Noun("tonelada", "toneladas", "f"),
            "l": Noun("litro", "litros"), "ml": Noun("mililitro", "mililitros"),
            "°C": Noun("grau Celsius", "graus Celsius"),
            "°F": Noun("grau Fahrenheit", "graus Fahrenheit"), "°": Noun("grau", "graus"),
            "kWh": Noun("quilowatt-hora", "quilowatts-hora"),
            "MWh": Noun("megawatt-hora", "megawatts-hora"),
            "GWh": Noun("gigawatt-hora", "gigawatts-hora"),
            "TWh": Noun("terawatt-hora", "terawatts-hora"),
            "kW": Noun("quilowatt", "quilowatts"), "MW": Noun("megawatt", "megawatts"),
            "GW": Noun("gigawatt", "gigawatts"), "W": Noun("watt", "watts"),
            "GB": Noun("gigabyte", "gigabytes"), "MB": Noun("megabyte", "megabytes"),
            "TB": Noun("terabyte", "terabytes"), "min": Noun("minuto", "minutos"),
        }  # fmt: skip

    # ---- number words ------------------------------------------------------------------

    def feminine(self, words: str) -> str:
        words = re.sub(r"\bum\b", "uma", words)
        words = re.sub(r"\bdois\b", "duas", words)
        return re.sub(r"entos\b", "entas", words)

    def gender_of(self, word: str) -> Gender | None:
        lower = word.lower()
        if lower in _NOT_NOUNS or lower in self.months or word[:1].isupper():
            return None
        singular = re.sub(r"(?<=[aeiouáéíóúãõ])s$", "", lower)
        if singular in _MASCULINE_A or lower in _MASCULINE_A:
            return "m"
        if singular in _FEMININE or lower in _FEMININE or lower.endswith(_FEMININE_ENDINGS):
            return "f"
        return "f" if singular.endswith("a") else "m"

    # ---- dates and times ---------------------------------------------------------------

    def say_date(self, day: int, month: int, year: int | None, match: re.Match[str]) -> str:
        said = f"{'primeiro' if day == 1 else self.cardinal(day)} de {self.months[month - 1]}"
        return said + (f" de {self.year(year)}" if year else "")

    def textual_dates(self, text: str) -> str:
        pattern = re.compile(
            rf"(?<![\w.,-])(?P<day>[0-9]{{1,2}})\s+de\s+(?P<month>{self.month_pattern})",
            re.IGNORECASE,
        )

        def replace(match: re.Match[str]) -> str:
            day = int(match["day"])
            if not 1 <= day <= 31:
                return match.group(0)
            day_said = "primeiro" if day == 1 else self.cardinal(day)
            return f"{day_said} de {self.month_said(match['month'])}{self.kept_stop(match)}"

        return pattern.sub(replace, text)

    _time = re.compile(
        r"(?<![\w.,:])(?P<h>[0-9]{1,2})\s?h\s?(?P<m>[0-9]{2})?(?P<min>\s?min\b)?(?![\w/])"
        r"|(?<![\w.,:])(?P<h2>[0-9]{1,2}):(?P<m2>[0-9]{2})(?![0-9]|[:.,][0-9])(?P<h3>\s?h\b)?"
    )

    def expand_times(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            hours, minutes = match["h"] or match["h2"], match["m"] or match["m2"]
            h, m = int(hours), int(minutes or 0)
            if h > 24 or m > 59 or (match["h2"] and not self.is_time(match)):
                return match.group(0)
            said = self.cardinal(h, "f")
            if not m:
                return f"{said} {'hora' if h == 1 else 'horas'}"
            if match["min"]:
                return f"{said} {'hora' if h == 1 else 'horas'} e {self.cardinal(m)} minutos"
            return f"{said} e {self.cardinal(m)}"

        return self._time.sub(replace, text)
