"""The ingest guard on its own: giant tokens, run-on sentences, titles, and the language check
(which must judge real English news English: all 600 evaluation articles in ../shared)."""

from __future__ import annotations

import json
import time

import pytest
from shared_corpus import Shared

from briefing.errors import UnsupportedLanguageError
from briefing.ingest import parse_article
from briefing.ingest.guard import MAX_SENTENCE_WORDS, MAX_TITLE_CHARS, clean_title, tame_text
from briefing.ingest.language import detect_language


def test_a_giant_token_goes_and_a_long_url_keeps_its_host() -> None:
    url = "https://www.example.org/news/2026/11/25/" + "slug-" * 30
    text = tame_text(f"Read it at {url} today. Blob {'QUJD' * 500} ends.")
    assert text == "Read it at www.example.org today. Blob ends."


def test_a_run_on_sentence_is_cut_at_clause_marks_into_sentences() -> None:
    clause = "the council met on tuesday to discuss the harbour turbines again, "
    text = tame_text("Today " + clause * 40 + "and then it rained.")
    sentences = [s for s in text.split(". ") if s]
    assert len(sentences) > 4
    assert all(len(s.split()) <= MAX_SENTENCE_WORDS for s in sentences)
    assert all(s[0].isupper() for s in sentences)
    assert text.replace(".", ",").count("harbour") == 40  # cut, not dropped


def test_short_sentences_are_left_exactly_as_they_were() -> None:
    text = "The council met.\n\nIt said yes, after a long debate; the vote was close."
    assert tame_text(text) == text


def test_titles_are_one_clean_line_of_bounded_length() -> None:
    assert clean_title("  Harbour\n\tnews\u202e today\x00 ") == "Harbour news today"
    long = clean_title("word " * 100)
    assert long is not None and len(long) <= MAX_TITLE_CHARS + 1 and long.endswith("word…")
    assert clean_title(" \u200f ") is None


def test_a_hundred_thousand_character_run_on_input_is_quick() -> None:
    data = ("Headline\n\n" + "the tide turns and the turbines spin " * 2700).encode()
    started = time.monotonic()
    article = parse_article(data, "run-on.txt")
    assert time.monotonic() - started < 5
    assert max(len(s.split()) for s in article.text.split(". ")) <= MAX_SENTENCE_WORDS


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Stadtrat hat am Dienstag beschlossen, dass im Hafen neue Turbinen gebaut "
         "werden, die ab dem nächsten Jahr Strom für rund zehntausend Haushalte liefern sollen "
         "und die Fischer sind nicht froh darüber.", "de"),
        ("El ayuntamiento decidió el martes construir nuevas turbinas en el puerto, que darán "
         "electricidad a diez mil hogares a partir del año que viene, y los pescadores están "
         "preocupados por el proyecto.", "es"),
        ("Il consiglio comunale ha deciso martedì di costruire nuove turbine nel porto, che "
         "forniranno elettricità a diecimila famiglie a partire dal prossimo anno, e i pescatori "
         "sono preoccupati per il progetto.", "it"),
    ],
)  # fmt: skip
def test_other_languages_are_read_in_their_own(text: str, language: str) -> None:
    assert parse_article(text.encode(), "story.txt").language == language


def test_a_language_briefing_cannot_read_is_refused_by_name() -> None:
    text = "港口的新涡轮机将从明年开始为一万户家庭供电，市议会周二表示，渔民对此表示担忧。" * 3
    with pytest.raises(UnsupportedLanguageError, match=r"^story\.txt: looks like Chinese; "):
        parse_article(text.encode(), "story.txt")


def test_english_news_is_always_english(shared: Shared) -> None:
    """Every article of the BBC and CNN/DailyMail evaluation samples is judged English."""
    refused = []
    count = 0
    for name in ("bbc_dev.jsonl", "cnndm_dev.jsonl"):
        for line in shared(f"eval/{name}").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            count += 1
            if detect_language(record["article"]) not in ("en", None):
                refused.append(record["id"])
    assert count == 600
    assert refused == []


def test_short_texts_and_names_are_not_judged() -> None:
    assert detect_language("Angela Merkel und Emmanuel Macron in Berlin") is None
    assert detect_language("Zürich, München, São Paulo, Kraków, Malmö") is None
