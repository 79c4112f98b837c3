"""Each story's language through the real ingest: real pages, declarations, refusals."""

from __future__ import annotations

import json

import pytest
from shared_corpus import Shared

from briefing.errors import InputError, UnsupportedLanguageError
from briefing.ingest import load_article, parse_article
from briefing.script.lang import normalizer_for

GERMAN = (
    "Der Stadtrat hat am Montag die neue Brücke über den Hafen beschlossen, und die Arbeiten "
    "sollen im Frühjahr beginnen, sagte die Bürgermeisterin. Die Anwohner hatten sich seit "
    "zehn Jahren für eine Querung eingesetzt, und sie sagen, dass es höchste Zeit ist."
)
JAPANESE = (
    "港の新しい橋\n\n市議会は月曜日、港に架かる新しい橋の建設を承認した。工事は春に始まる予定だ。"
    "住民は十年にわたって橋の建設を求めてきており、ようやく実現すると話している。"
)
CHINESE = (
    "港口新桥\n\n市议会周一批准了横跨港口的新桥建设，工程将于春季开始。居民们十年来一直"
    "要求修建这座桥，他们说终于要实现了。"
)
RUSSIAN = (
    "Новый мост через гавань\n\nГородской совет в понедельник одобрил строительство нового "
    "моста через гавань, и работы начнутся весной, сообщила мэр города. Жители добивались "
    "переправы десять лет и говорят, что давно пора."
)
REFUSAL = (
    r"^{origin}: looks like {name}; briefing reads English, German, French, Spanish, Italian "
    r"and Portuguese \(and more basically the languages num2words knows\), so give it a story "
    r"in one of those\.$"
)


def test_every_foreign_real_page_is_read_in_its_own_language(shared: Shared) -> None:
    folder = shared("real_pages_multi")
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    found = {entry["file"]: load_article(folder / entry["file"]).language for entry in index}
    assert found == {entry["file"]: entry["lang"] for entry in index}
    assert len(found) == 43


def test_english_real_pages_stay_english(shared: Shared) -> None:
    folder = shared("real_pages")
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    languages = {}
    for entry in index:
        try:
            languages[entry["file"]] = load_article(folder / entry["file"]).language
        except InputError as error:  # not a story (an index page), never for its language
            assert not isinstance(error, UnsupportedLanguageError), error.message
    assert len(languages) >= 40
    assert set(languages.values()) == {"en"}, languages


def test_a_german_story_under_a_template_lang_en_is_german() -> None:
    html = (
        '<!doctype html><html lang="en"><head><meta property="og:locale" content="en_US">'
        "<title>Neue Brücke über den Hafen | Hafenzeitung</title></head><body><article>"
        f"<h1>Neue Brücke über den Hafen</h1><p>{GERMAN}</p><p>{GERMAN}</p></article></body></html>"
    )
    article = parse_article(html.encode(), origin="de.html", kind="html")
    assert article.language == "de"


def test_a_short_story_keeps_its_pages_declaration() -> None:
    """Too few words to judge: the page's word stands, normalised."""
    html = (
        '<html lang="pt_BR"><head><title>Ponte nova no porto</title></head><body><article>'
        "<h1>Ponte nova no porto</h1><p>A ponte nova abre amanhã cedo.</p></article></body></html>"
    )
    assert parse_article(html.encode(), origin="pt.html", kind="html").locale == "pt-BR"


@pytest.mark.parametrize(("text", "name"), [(JAPANESE, "Japanese"), (CHINESE, "Chinese")])
def test_a_story_in_a_language_briefing_cannot_read_is_refused_naming_it(
    text: str, name: str
) -> None:
    with pytest.raises(UnsupportedLanguageError) as refused:
        parse_article(text.encode(), origin="story.txt")
    assert "\n" not in refused.value.message
    assert refused.match(REFUSAL.format(origin=r"story\.txt", name=name))


def test_a_page_only_marked_as_japanese_is_refused_saying_so() -> None:
    html = (
        '<html lang="ja"><head><title>Bridge opens</title></head><body><article>'
        "<h1>Bridge opens</h1><p>The bridge opens on Monday morning.</p></article></body></html>"
    )
    with pytest.raises(UnsupportedLanguageError, match=r"^ja\.html: is marked as Japanese;"):
        parse_article(html.encode(), origin="ja.html", kind="html")


def test_russian_is_read_basically_since_num2words_knows_it() -> None:
    normalizer_for("ru")  # num2words says Russian numbers: otherwise this test is moot
    article = parse_article(RUSSIAN.encode(), origin="ru.txt")
    assert article.language == "ru"
    assert article.title == "Новый мост через гавань"


def test_a_plain_text_german_story_is_german() -> None:
    article = parse_article(f"Neue Brücke\n\n{GERMAN}".encode(), origin="de.txt")
    assert (article.locale, article.language) == ("de", "de")
