"""The normaliser per language: dispatch by locale, the basic normaliser for other num2words
languages, the one-line refusal naming a language it cannot say, and property checks."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefing.cli import app
from briefing.errors import InputError, UnsupportedLanguageError
from briefing.languages import language_name
from briefing.script.lang import language_code, normalizer_for
from briefing.script.normalize import normalize

MISREAD = re.compile(r"[0-9$£€¥%&/#@+<>\[\]{}()*_~^|\\\"“”‘’«»…•°º]")
"""Nothing an engine would read literally, or as markup, may be left."""
ENGLISH_NUMBER_WORDS = re.compile(
    r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|percent)\b"
)


@pytest.mark.parametrize(
    ("locale", "code"),
    [("de", "de"), ("pt-BR", "pt"), ("fr_FR", "fr"), ("ES", "es"), (None, "en"), ("", "en")],
)
def test_the_language_is_the_locales_first_part(locale: str | None, code: str) -> None:
    assert language_code(locale) == code


def test_english_stays_english() -> None:
    assert normalize("It rose 12.5% to $3bn.", "en-GB") == (
        "It rose twelve point five per cent to three billion dollars."
    )


@pytest.mark.parametrize(
    ("locale", "written", "spoken"),
    [
        ("pt-BR", "Foram 16 casos.", "Foram dezesseis casos."),
        ("pt-PT", "Foram 16 casos.", "Foram dezasseis casos."),
        ("fr-BE", "Il y avait 70 invités.", "Il y avait septante invités."),
        ("fr-FR", "Il y avait 70 invités.", "Il y avait soixante-dix invités."),
        (
            "es-MX",
            "Subió 4.5% en 2024.",
            "Subió cuatro punto cinco por ciento en dos mil veinticuatro.",
        ),
        (
            "es-ES",
            "Subió 4,5 % en 2024.",
            "Subió cuatro coma cinco por ciento en dos mil veinticuatro.",
        ),
        ("de-AT", "Am 3. Jänner 2025.", "Am dritten Jänner zweitausendfünfundzwanzig."),
    ],
)
def test_the_region_chooses_words_and_separators(locale: str, written: str, spoken: str) -> None:
    assert normalize(written, locale) == spoken


@pytest.mark.parametrize(
    ("locale", "written", "spoken"),
    [
        (
            "nl",
            "Het kostte 12,5% meer in 1990.",
            "Het kostte twaalf komma vijf procent meer in negentien honderd negentig.",
        ),
        ("pl", "Zginęło 21 osób.", "Zginęło dwadzieścia jeden osób."),
        ("sv", "Priset steg med 3,5 %.", "Priset steg med tre komma fem procent."),
    ],
)
def test_another_num2words_language_gets_the_basic_normaliser(
    locale: str, written: str, spoken: str
) -> None:
    assert normalize(written, locale) == spoken


@pytest.mark.parametrize(("code", "name"), [("zh", "Chinese"), ("hi", "Hindi"), ("sw", "Swahili")])
def test_a_language_num2words_does_not_know_is_refused_by_name(code: str, name: str) -> None:
    with pytest.raises(
        UnsupportedLanguageError, match=rf"^cannot say numbers in {name} \({code}\):"
    ):
        normalize("12", code)
    assert issubclass(UnsupportedLanguageError, InputError)
    assert language_name(code) == name


def test_an_unknown_code_is_refused_too() -> None:
    with pytest.raises(UnsupportedLanguageError, match="the language 'xx'"):
        normalizer_for("xx")


def test_cli_says_text_in_the_language_given() -> None:
    runner = CliRunner()
    done = runner.invoke(app, ["normalize", "--lang", "de", "Am 3. Oktober kostete es 12,99 €."])
    assert done.exit_code == 0
    assert done.stdout == "Am dritten Oktober kostete es zwölf Euro neunundneunzig.\n"
    done = runner.invoke(app, ["normalize", "--lang", "pt-BR", "R$ 1.200"])
    assert done.stdout == "mil e duzentos reais\n"
    done = runner.invoke(app, ["normalize", "-l", "fr-FR"], input="Louis XIV\n")
    assert done.stdout == "Louis Quatorze\n"


def test_cli_refuses_a_language_in_one_line_naming_it() -> None:
    done = CliRunner().invoke(app, ["normalize", "--lang", "zh", "3"])
    assert done.exit_code == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: error: cannot say numbers in Chinese")


NEWSY = {
    "de": ["3.", "Oktober", "1.200,50", "€", "Mio.", "Mrd.", "z. B.", "Uhr", "14:30", "XVI.",
           "Papst", "am", "-", "%", "km/h", "°C", "24.12.2024", "1990er", "usw."],
    "fr": ["1er", "janvier", "1 200,50", "€", "M€", "M.", "h", "14 h 30", "XXe", "Louis",
           "XIV", "le", "-", "%", "km/h", "°C", "24/12/2024", "etc.", "n°"],
    "es": ["1.º", "2.ª", "enero", "1.200,50", "€", "EE. UU.", "Sr.", "14:30", "siglo", "XXI",
           "la", "II", "-", "%", "km/h", "°C", "24/12/2024", "US$", "¿", "¡"],
    "it": ["1°", "gennaio", "1.200,50", "€", "mld", "Sig.", "alle", "14.30", "XXI", "secolo",
           "l'", "-", "%", "km/h", "°C", "24/12/2024", "ecc."],
    "pt": ["1º", "2ª", "de", "maio", "1.200,50", "R$", "bi", "Sr.", "14h30", "século", "XXI",
           "às", "-", "%", "km/h", "°C", "24/12/2024", "nº"],
}  # fmt: skip
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def newsy_text(lang: str) -> st.SearchStrategy[str]:
    pieces = [*NEWSY[lang], *"0123456789 .,;:!?'\"-–/()%", " ", " ", "12", "2024", "A"]
    return st.one_of(
        st.lists(st.sampled_from(pieces), max_size=25).map("".join), st.text(max_size=60)
    )


@pytest.mark.parametrize("lang", NEWSY)
def test_never_raises_leaves_nothing_misread_and_is_stable(lang: str) -> None:
    @SETTINGS
    @given(newsy_text(lang))
    def check(text: str) -> None:
        spoken = normalize(text, lang)
        assert not MISREAD.search(spoken), spoken
        assert not re.search(r"[0-9]", spoken)
        assert normalize(spoken, lang) == spoken
        leaked = set(ENGLISH_NUMBER_WORDS.findall(spoken)) - set(ENGLISH_NUMBER_WORDS.findall(text))
        assert not leaked, spoken

    check()
