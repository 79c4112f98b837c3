"""Composition: the programme's shape and wording, with a fake clock."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.errors import ConfigError
from briefing.models import Article, SegmentKind, Summary
from briefing.script import ScriptTemplates, compose_script
from briefing.script.compose import source_phrase

DATE = dt.date(2026, 11, 25)  # a Wednesday


def clock_at(hour: int) -> dt.datetime:
    return dt.datetime(2026, 11, 25, hour, 5)


def story(
    name: str, title: str | None = None, source: str | None = None, sentences: int = 2
) -> Summary:
    body = tuple(f"The {name} story has fact number {i + 1}." for i in range(sentences))
    article = Article(text=" ".join(body), title=title, source_name=source)
    return Summary(article=article, sentences=body)


def five() -> list[Summary]:
    return [
        story(n, title=f"{n.title()} news") for n in ("bridge", "train", "port", "farm", "mill")
    ]


@pytest.mark.parametrize(
    ("hour", "greeting"),
    [(0, "Good morning."), (11, "Good morning."), (12, "Good afternoon."),
     (17, "Good afternoon."), (18, "Good evening."), (23, "Good evening.")],
)  # fmt: skip
def test_greeting_follows_the_local_time(hour: int, greeting: str) -> None:
    script = compose_script(five(), DATE, clock=lambda: clock_at(hour))
    assert script.segments[0].text.startswith(greeting)


def test_intro_says_the_date_and_the_count() -> None:
    script = compose_script(five(), DATE, clock=lambda: clock_at(7))
    assert script.segments[0].kind is SegmentKind.INTRO
    assert script.segments[0].text == (
        "Good morning. It's Wednesday, the twenty-fifth of November. Here are your five stories."
    )
    one = compose_script(five()[:1], DATE, clock=lambda: clock_at(7))
    assert one.segments[0].text.endswith("Here is your one story.")


def test_the_old_positional_signature_still_works() -> None:
    script = compose_script(five(), DATE)
    assert script.date == DATE and len(script.stories) == 5


def test_segments_are_typed_in_programme_order_with_their_pauses() -> None:
    script = compose_script(five()[:2], DATE, clock=lambda: clock_at(7))
    kinds = [s.kind for s in script.segments]
    assert kinds == [
        SegmentKind.INTRO,
        SegmentKind.HEADLINE, SegmentKind.BODY, SegmentKind.BODY,
        SegmentKind.TRANSITION,
        SegmentKind.HEADLINE, SegmentKind.BODY, SegmentKind.BODY,
        SegmentKind.OUTRO,
    ]  # fmt: skip
    pauses = [s.pause_after_ms for s in script.segments]
    assert pauses == [700, 500, 350, 1000, 300, 500, 350, 1000, 0]
    assert [s.story for s in script.segments] == [None, 0, 0, 0, 1, 1, 1, 1, None]
    assert script.segments[-1].text == "That's your briefing for Wednesday. Thanks for listening."


def test_headline_names_the_source_with_the_article_it_needs() -> None:
    summaries = [story("bridge", title="Bridge opens", source="BBC")]
    script = compose_script(summaries, DATE, clock=lambda: clock_at(7))
    assert script.segments[1].text == "From the B B C: Bridge opens."
    assert source_phrase("Reuters") == "Reuters"
    assert source_phrase("The Guardian") == "the Guardian"
    assert source_phrase("BBC News") == "BBC News"  # "From BBC News", as the BBC says it
    assert source_phrase("CNN") == "CNN"
    assert source_phrase("CBS News") == "CBS News"
    assert source_phrase("Los Angeles Times") == "the Los Angeles Times"
    assert source_phrase("Miami Today") == "Miami Today"
    assert source_phrase("Times of India") == "the Times of India"
    assert source_phrase("Pittsburgh Post-Gazette") == "the Pittsburgh Post-Gazette"


def test_headline_is_the_lead_sentence_when_there_is_no_title_and_is_said_once() -> None:
    summary = story("bridge", title=None, sentences=3)
    script = compose_script([summary], DATE, clock=lambda: clock_at(7))
    texts = [s.text for s in script.segments if s.story == 0]
    assert texts[0] == "The bridge story has fact number one."
    assert texts.count("The bridge story has fact number one.") == 1
    assert len(texts) == 3


def test_quotes_are_read_without_marks_and_keep_their_attribution() -> None:
    sentence = "“Clearly, the Russians are after more,” he said."
    summary = Summary(Article(text=sentence, title="Russia"), (sentence,))
    script = compose_script([summary], DATE, clock=lambda: clock_at(7))
    assert script.segments[2].text == "Clearly, the Russians are after more, he said."


def test_transitions_vary_are_deterministic_and_end_with_and_finally() -> None:
    many = [story(f"place{i}", title=f"Story {i}") for i in range(9)]
    first = compose_script(many, DATE, clock=lambda: clock_at(7))
    again = compose_script(many, DATE, clock=lambda: clock_at(7))
    said = [s.text for s in first.segments if s.kind is SegmentKind.TRANSITION]
    assert said == [s.text for s in again.segments if s.kind is SegmentKind.TRANSITION]
    assert len(said) == 8 and said[-1] == "And finally."
    assert all(a != b for a, b in zip(said, said[1:], strict=False))
    assert len(set(said[:-1])) >= 5


def test_templates_override_the_wording() -> None:
    templates = ScriptTemplates.from_mapping(
        {
            "good_morning": "Morning all.",
            "stories": "{count} stories & more.",
            "transitions": ["Moving on."],
            "last_transition": "",
            "outro": "Bye for now.",
        }
    )
    script = compose_script(five()[:3], DATE, templates=templates, clock=lambda: clock_at(7))
    assert script.segments[0].text == (
        "Morning all. It's Wednesday, the twenty-fifth of November. three stories and more."
    )
    transitions = [s.text for s in script.segments if s.kind is SegmentKind.TRANSITION]
    assert transitions == ["Moving on.", "Moving on."]
    assert script.segments[-1].text == "Bye for now."


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"greeting": "Hi."}, "unknown script template 'greeting'"),
        ({"transitions": "Next."}, "must be a list of phrases"),
        ({"transitions": []}, "needs at least one phrase"),
        ({"evening_from_hour": 30}, "must be an hour"),
        ({"outro": 3}, "must be a string"),
    ],
)
def test_bad_templates_are_config_errors(mapping: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        ScriptTemplates.from_mapping(mapping)


@pytest.mark.parametrize(
    ("locale", "spoken"),
    [("en-US", "second of January"), ("en-GB", "first of February"), (None, "first of February")],
)
def test_a_slashed_date_is_read_in_the_articles_own_order(locale: str | None, spoken: str) -> None:
    sentence = "The bridge opened on 1/2/2020 after a long wait."
    article = Article(text=sentence, title="Bridge opens on 1/2/2020", locale=locale)
    script = compose_script(
        [Summary(article=article, sentences=(sentence,))], DATE, clock=lambda: clock_at(7)
    )
    story_texts = [s.text for s in script.segments if s.story == 0]
    assert all(spoken in text for text in story_texts), story_texts
