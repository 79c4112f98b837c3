"""Presenter lines per language: an episode in German, French, Spanish, Italian or Portuguese
is introduced, linked and closed in that language, and a story in another language is named
and read in its own."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from briefing.errors import ConfigError, UnsupportedLanguageError
from briefing.models import Article, Script, SegmentKind, Summary
from briefing.script import ScriptTemplates, compose_script
from briefing.script.presenter import presenter_languages, require_presenter_language
from briefing.script.templates import wording_names

MONDAY = dt.date(2026, 12, 7)
PRESENTER_KINDS = (SegmentKind.INTRO, SegmentKind.TRANSITION, SegmentKind.OUTRO)
OTHER_LANGUAGES = ("de", "fr", "es", "it", "pt")


def at(hour: int) -> dt.datetime:
    return dt.datetime(2026, 12, 7, hour, 0)


STORIES = {
    "de": ("tagesschau.de", "Bundestag beschließt Haushalt", "Der Etat umfasst 480 Mrd. Euro."),
    "fr": ("Le Monde", "Le Sénat adopte la réforme", "Elle concerne 12 % des salariés."),
    "es": ("El País", "El Gobierno aprueba el presupuesto", "Suma 3.000 millones de euros."),
    "it": ("la Repubblica", "Il Senato approva la legge", "Riguarda 2 milioni di persone."),
    "pt": ("Folha de S.Paulo", "Senado aprova reforma", "A reforma custa R$ 1.200."),
    "en": ("BBC", "Bridge opens", "The bridge cost £12m."),
}


def story(language: str, number: int = 1, *, source: bool = True) -> Summary:
    outlet, title, sentence = STORIES[language]
    article = Article(
        text=sentence,
        title=f"{title} {number}",
        source_name=outlet if source else None,
        locale=None if language == "en" else language,
    )
    return Summary(article, (sentence,))


def episode(language: str, count: int = 2, hour: int = 8) -> Script:
    summaries = [story(language, n) for n in range(1, count + 1)]
    return compose_script(summaries, MONDAY, language=language, clock=lambda: at(hour))


def english_presenter_words() -> set[str]:
    """The words of every English presenter line (three letters or more: "in" is Italian too)."""
    english = ScriptTemplates()
    lines: list[str] = []
    for name in wording_names():
        value = getattr(english, name)
        lines += value if isinstance(value, tuple) else [value] if isinstance(value, str) else []
    text = re.sub(r"\{\w+\}", " ", " ".join(lines))
    return {w for w in re.findall(r"[^\W\d_]+", text.casefold()) if len(w) >= 3}


def presenter_text(script: Script) -> str:
    return " ".join(s.text for s in script.segments if s.kind in PRESENTER_KINDS)


def test_episode_languages_are_english_and_those_with_a_wording_file() -> None:
    assert set(presenter_languages()) == {"en", *OTHER_LANGUAGES}
    assert presenter_languages()[0] == "en"
    assert require_presenter_language("pt-BR") == "pt"


def test_a_language_without_presenter_lines_is_refused_naming_it_and_the_list() -> None:
    with pytest.raises(UnsupportedLanguageError) as caught:
        compose_script([story("de")], MONDAY, language="nl", clock=lambda: at(8))
    message = caught.value.message
    assert "Dutch (nl)" in message and "\n" not in message
    assert "German (de)" in message and "Portuguese (pt)" in message


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_wording_file_sets_every_line(language: str) -> None:
    from briefing.script.presenter import wording

    assert set(wording(language)) == set(wording_names())


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_an_episode_in_its_language_has_no_digit_and_no_english_presenter_word(
    language: str,
) -> None:
    script = episode(language, count=3)
    assert script.language == language
    assert {s.language for s in script.segments} == {language}
    assert not re.search(r"[0-9]", script.text)
    said = set(re.findall(r"[^\W\d_]+", presenter_text(script).casefold()))
    assert not said & english_presenter_words()
    texts = [s.text for s in script.segments]
    finally_line = ScriptTemplates.for_language(language).last_transition
    assert finally_line in texts  # the "finally" line before the third story
    headlines = [s for s in script.segments if s.kind is SegmentKind.HEADLINE]
    assert [h.story for h in headlines] == [0, 1, 2]
    assert STORIES[language][1] in headlines[0].text  # the headline is said, once
    assert sum(STORIES[language][1] in t for t in texts) == 3


@pytest.mark.parametrize(
    ("language", "intro", "outro"),
    [
        ("de", "Guten Morgen. Heute ist Montag, der siebte Dezember. "
               "Hier sind Ihre zwei Meldungen.",
         "Das waren Ihre Meldungen am Montag. Danke fürs Zuhören."),
        ("fr", "Bonjour. Nous sommes le lundi sept décembre. "
               "Au sommaire aujourd'hui, deux informations.",
         "C'était votre point sur l'actualité de ce lundi. Merci de votre écoute."),
        ("es", "Buenos días. Hoy es lunes, siete de diciembre. "
               "Estas son las dos noticias del día.",
         "Hasta aquí el resumen de este lunes. Gracias por escucharnos."),
        ("it", "Buongiorno. Oggi è lunedì sette dicembre. Ecco le due notizie del giorno.",
         "Questo era il notiziario di lunedì. Grazie per l'ascolto."),
        ("pt", "Bom dia. Hoje é segunda-feira, sete de dezembro. "
               "Estas são as duas notícias do dia.",
         "Esse foi o resumo de segunda-feira. Obrigado pela companhia."),
    ],
)  # fmt: skip
def test_intro_and_outro_say_the_date_and_the_weekday(
    language: str, intro: str, outro: str
) -> None:
    script = episode(language)
    assert script.segments[0].kind is SegmentKind.INTRO
    assert script.segments[0].text == intro
    assert script.segments[-1].kind is SegmentKind.OUTRO
    assert script.segments[-1].text == outro


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [
        ("de", "Es gibt eine Meldung für Sie.", "Hier sind Ihre einundzwanzig Meldungen."),
        ("fr", "une seule information.", "vingt et une informations."),  # agrees: feminine
        ("es", "Esta es la noticia del día.", "Estas son las veintiuna noticias del día."),
        ("it", "Ecco la notizia del giorno.", "Ecco le ventuno notizie del giorno."),
        ("pt", "Esta é a notícia do dia.", "Estas são as vinte e uma notícias do dia."),
    ],
)
def test_the_story_count_is_said_with_the_nouns_number_and_gender(
    language: str, one: str, many: str
) -> None:
    assert episode(language, count=1).segments[0].text.endswith(one)
    assert episode(language, count=21).segments[0].text.endswith(many)


@pytest.mark.parametrize(
    ("language", "first_of_month"),
    [("de", "der erste Dezember"), ("fr", "le mardi premier décembre"),
     ("es", "martes, uno de diciembre"), ("it", "martedì primo dicembre"),
     ("pt", "terça-feira, primeiro de dezembro")],
)  # fmt: skip
def test_the_first_of_the_month_is_said_as_the_language_says_it(
    language: str, first_of_month: str
) -> None:
    script = compose_script([story(language)], dt.date(2026, 12, 1), language=language,
                            clock=lambda: at(8))  # fmt: skip
    assert first_of_month in script.segments[0].text


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_day_of_the_year_is_said_without_a_digit(language: str) -> None:
    day = dt.date(2026, 1, 1)
    while day.year == 2026:
        script = compose_script([], day, language=language, clock=lambda: at(8))
        assert not re.search(r"[0-9]", script.text), script.text
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("language", "hour", "greeting"),
    [("de", 10, "Guten Morgen."), ("de", 11, "Guten Tag."), ("de", 18, "Guten Abend."),
     ("fr", 15, "Bonjour."), ("fr", 18, "Bonsoir."),
     ("es", 12, "Buenos días."), ("es", 13, "Buenas tardes."), ("es", 20, "Buenas noches."),
     ("it", 9, "Buongiorno."), ("it", 18, "Buonasera."),
     ("pt", 12, "Boa tarde."), ("pt", 18, "Boa noite.")],
)  # fmt: skip
def test_the_greeting_follows_the_hour_as_the_language_divides_the_day(
    language: str, hour: int, greeting: str
) -> None:
    assert episode(language, hour=hour).segments[0].text.startswith(greeting)


@pytest.mark.parametrize(
    ("language", "line"),
    [("de", "tagesschau Punkt de berichtet: Bundestag beschließt Haushalt eins."),
     ("fr", "Selon Le Monde: Le Sénat adopte la réforme un."),
     ("es", "Según El País: El Gobierno aprueba el presupuesto uno."),
     ("it", "Secondo la Repubblica: Il Senato approva la legge uno."),
     ("pt", "Segundo Folha de S.Paulo: Senado aprova reforma um.")],
)  # fmt: skip
def test_the_outlet_is_named_in_a_phrase_that_takes_any_name(language: str, line: str) -> None:
    headline = next(s for s in episode(language).segments if s.kind is SegmentKind.HEADLINE)
    assert headline.text == line


def test_english_keeps_the_article_before_an_outlet_other_languages_take_it_as_it_is() -> None:
    guardian = Summary(Article(text="A.", title="Rain", source_name="The Guardian"), ("A.",))
    english = compose_script([guardian], MONDAY, clock=lambda: at(8))
    french = compose_script([guardian], MONDAY, language="fr", clock=lambda: at(8))
    assert "From the Guardian" in english.text
    assert "Selon The Guardian, en anglais" in french.text


def test_a_french_story_in_an_english_episode_is_named_and_read_in_french() -> None:
    summaries = [story("en", 1), story("fr", 1), story("en", 2)]
    script = compose_script(summaries, MONDAY, language="en", clock=lambda: at(8))
    assert script.language == "en"
    french = [s for s in script.segments if s.story == 1]
    presenter, headline, body = french
    assert presenter.kind is SegmentKind.TRANSITION and presenter.language == "en"
    assert presenter.text.endswith("From Le Monde, in French.")
    assert headline.kind is SegmentKind.HEADLINE and headline.language == "fr"
    assert headline.text == "Le Sénat adopte la réforme un."  # said once, without its outlet
    assert body.language == "fr" and body.text == "Elle concerne douze pour cent des salariés."
    others = [s for s in script.segments if s.story != 1]
    assert {s.language for s in others} == {"en"}
    assert script.segments[0].text.startswith("Good morning. It's Monday")


@pytest.mark.parametrize(
    ("language", "introduction"),
    [("de", "Le Monde berichtet auf Französisch:"), ("es", "Según Le Monde, en francés:"),
     ("it", "Secondo Le Monde, in francese:"), ("pt", "Segundo Le Monde, em francês:")],
)  # fmt: skip
def test_the_presenter_names_the_storys_language_in_the_episodes(
    language: str, introduction: str
) -> None:
    script = compose_script([story("fr")], MONDAY, language=language, clock=lambda: at(8))
    presenter, headline = script.segments[1:3]
    assert (presenter.kind, presenter.story, presenter.language) == (
        SegmentKind.TRANSITION, 0, language,
    )  # fmt: skip
    assert presenter.text == introduction
    assert (headline.kind, headline.language) == (SegmentKind.HEADLINE, "fr")


def test_a_story_without_an_outlet_is_introduced_by_its_language_alone() -> None:
    summaries = [story("de", source=False), story("fr", source=False)]
    script = compose_script(summaries, MONDAY, language="de", clock=lambda: at(8))
    line = next(s for s in script.segments if s.kind is SegmentKind.TRANSITION)
    assert line.text.endswith("Auf Französisch:")
    assert line.story == 1


def test_a_users_table_per_language_overrides_that_language_only() -> None:
    templates = ScriptTemplates.from_mapping(
        {
            "outro": "Bye for now.",
            "fr": {"outro": "À demain, {weekday} !", "transitions": ["Ensuite."]},
        }
    )
    french = compose_script(
        [story("fr", 1), story("fr", 2)], MONDAY, language="fr", templates=templates,
        clock=lambda: at(8),
    )  # fmt: skip
    assert french.segments[-1].text == "À demain, lundi!"
    assert [s.text for s in french.segments if s.kind is SegmentKind.TRANSITION] == ["Ensuite."]
    assert french.segments[0].text.startswith("Bonjour.")  # the rest is the French file's
    english = compose_script([story("en")], MONDAY, templates=templates, clock=lambda: at(8))
    assert english.segments[-1].text == "Bye for now."
    german = compose_script([story("de")], MONDAY, language="de", templates=templates,
                            clock=lambda: at(8))  # fmt: skip
    assert german.segments[-1].text.startswith("Das waren Ihre Meldungen")


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"nl": {"outro": "Tot ziens."}}, r"script table 'nl': no presenter lines in Dutch"),
        ({"fr-FR": {"outro": "Salut."}}, r"name it by its language code, 'fr'"),
        ({"fr": {"greeting": "Salut."}}, r"unknown script template 'greeting' in the \[script"),
        ({"de": {"transitions": []}}, r"'transitions' in the \[script.de\] table needs"),
    ],
)
def test_bad_language_tables_are_config_errors(mapping: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        ScriptTemplates.from_mapping(mapping)


def test_a_config_files_language_table_reaches_that_languages_episodes(tmp_path: Path) -> None:
    from briefing.config import load_templates

    config = tmp_path / "config.toml"
    config.write_text('[script]\noutro = "Bye."\n[script.fr]\noutro = "À demain."\n', "utf-8")
    templates = load_templates(config)
    assert templates.outro == "Bye."
    assert templates.for_episode("fr").outro == "À demain."
    assert templates.for_episode("de") == ScriptTemplates.for_language("de")
