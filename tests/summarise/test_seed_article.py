"""The seed article opens with a headline and a truncated photo caption: never spoken."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing import clock
from briefing.cli import app
from briefing.ingest.plaintext import parse_plain_text
from briefing.models import Length
from briefing.summarise import get_summarizer
from briefing.summarise.lead import story_sentences

CAPTION_WORDS = ("Bajwaniyah", "30 kms", "Barack …", "Tens of thousands")


@pytest.mark.parametrize("sentences", [3, 5, 20])
def test_summary_never_includes_the_caption(seed_article: Path, sentences: int) -> None:
    article = parse_plain_text(seed_article.read_text(encoding="utf-8"), str(seed_article))
    summary = get_summarizer("news").summarize(article, Length(sentences=sentences))
    assert len(summary.sentences) == min(sentences, len(story_sentences(article)))
    spoken = " ".join(summary.sentences)
    for fragment in CAPTION_WORDS:
        assert fragment not in spoken


@pytest.mark.parametrize("sentences", [1, 3, 5, 20])
def test_summary_opens_on_the_lead_not_on_a_quote_said_by_he(
    seed_article: Path, sentences: int
) -> None:
    # “A few clerics … have called on the Iraqi government …,” he said: the most central
    # sentence, but only the lead says who "he" is.
    article = parse_plain_text(seed_article.read_text(encoding="utf-8"), str(seed_article))
    summary = get_summarizer("news").summarize(article, Length(sentences=sentences))
    assert summary.sentences[0].startswith("Once the battle of Mosul is complete")


def test_script_says_at_most_40_percent_of_the_words(
    monkeypatch: pytest.MonkeyPatch, seed_article: Path
) -> None:
    monkeypatch.setattr(clock, "system_clock", lambda: dt.datetime(2026, 11, 25, 7, 30))
    result = CliRunner().invoke(app, ["script", str(seed_article), "--date", "2026-11-25"])
    assert result.exit_code == 0, result.output
    assert len(result.output.split()) <= 0.4 * len(seed_article.read_text("utf-8").split())
    for fragment in CAPTION_WORDS:
        assert fragment not in result.output
