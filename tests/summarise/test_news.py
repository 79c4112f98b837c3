"""The `news` summariser on small documents built in code: exactly which sentences it picks."""

from __future__ import annotations

import pytest

from briefing.models import Article, Length
from briefing.summarise import DEFAULT_SUMMARIZER, get_summarizer, news, summarizer_names
from briefing.summarise.boilerplate import needs_context
from briefing.summarise.features import FEATURE_NAMES
from briefing.summarise.news import NewsModel, NewsSummarizer, summarize_sentences


def model(redundancy: float = 0.0, **weights: float) -> NewsModel:
    """A hand-set profile, so a test pins down the mechanism rather than the fitted weights."""
    unknown = set(weights) - set(FEATURE_NAMES)
    assert not unknown, unknown
    return NewsModel(tuple(weights.get(n, 0.0) for n in FEATURE_NAMES), 0.0, redundancy)


LEAD = model(inverse_position=4.0)
CENTRAL = model(centroid=4.0)

BRIDGE = Article(
    title="Council approves new bridge over the river",
    text="\n\n".join(
        [
            "Pictured: the new bridge over the river, which the council approved on Monday.",
            "By Jane Smith",
            "The city council approved a new bridge over the river on Monday.",
            "The bridge will cost 40 million pounds and open in 2027. Work starts in the spring.",
            "Read more: the council's plans for the river bridge",
            "Tens of thousands of people cross the river bridge every day on their way to …",
        ]
    ),
)
BRIDGE_STORY = (
    "The city council approved a new bridge over the river on Monday.",
    "The bridge will cost 40 million pounds and open in 2027.",
    "Work starts in the spring.",
)


def test_news_is_the_default_and_lead_stays_registered() -> None:
    assert DEFAULT_SUMMARIZER == "news"
    assert {"news", "lead"} <= set(summarizer_names())
    assert isinstance(get_summarizer("news"), NewsSummarizer)


def test_captions_bylines_and_prompts_are_never_picked() -> None:
    for profile in (None, LEAD, CENTRAL):
        summary = NewsSummarizer(profile).summarize(BRIDGE, Length(sentences=10))
        assert summary.sentences == BRIDGE_STORY


def test_shipped_model_picks_the_news_from_the_bridge_story() -> None:
    summary = get_summarizer("news").summarize(BRIDGE, Length(sentences=2))
    assert summary.sentences == BRIDGE_STORY[:2]


def test_boilerplate_given_as_sentences_is_skipped_by_index() -> None:
    sentences = ["By Jane Smith", "Photo: the bridge at dawn.", *BRIDGE_STORY]
    assert summarize_sentences(sentences, None, Length(sentences=2), LEAD) == [2, 3]


REPEATED = [
    "The council approved the bridge plan on Monday evening.",
    "On Monday evening the council approved the bridge plan.",
    "Construction will cost 40 million pounds over three years.",
]


def test_redundant_sentence_is_left_out() -> None:
    with_mmr = model(redundancy=1.0, inverse_position=4.0)
    assert summarize_sentences(REPEATED, None, Length(sentences=2), with_mmr) == [0, 2]


def test_without_redundancy_control_the_repeat_is_kept() -> None:
    assert summarize_sentences(REPEATED, None, Length(sentences=2), LEAD) == [0, 1]


FLOOD = [
    "Heavy rain fell on Sunday.",
    "It flooded the town centre, the town market and the town roads near the town hall.",
    "The town council said the town roads near the town market would reopen on Tuesday.",
    "A school trip to the coast was also called off.",
]


def test_does_not_open_on_a_bare_pronoun() -> None:
    # The pronoun sentence is the most central, but it cannot open the summary.
    assert summarize_sentences(FLOOD, None, Length(sentences=1), CENTRAL) == [2]
    assert summarize_sentences(FLOOD, None, Length(sentences=2), CENTRAL) == [0, 2]


def test_does_not_open_on_a_quote_fragment() -> None:
    sentences = [
        "“We will rebuild the town hall and the town market.”",
        "The mayor of the town promised to rebuild the town hall.",
        "Volunteers cleared mud from the market.",
    ]
    assert summarize_sentences(sentences, None, Length(sentences=1), LEAD) == [1]


def test_does_not_open_on_a_quote_whose_speaker_is_only_a_pronoun() -> None:
    sentences = [
        "“We will rebuild the town hall and the town market,” she said.",
        "The mayor of the town promised to rebuild the town hall.",
        "Volunteers cleared mud from the market.",
    ]
    assert summarize_sentences(sentences, None, Length(sentences=1), LEAD) == [1]
    assert summarize_sentences(sentences, None, Length(sentences=2), LEAD) == [1, 2]


def test_a_quote_with_a_named_speaker_can_open() -> None:
    sentences = [
        "“We will rebuild the town hall and the town market,” the mayor said.",
        "The town council met on Monday.",
        "Volunteers cleared mud from the market.",
    ]
    assert summarize_sentences(sentences, None, Length(sentences=1), LEAD) == [0]


def test_does_not_open_on_the_end_of_an_earlier_quote() -> None:
    sentences = [
        "The mayor spoke to reporters outside the flooded town hall on Sunday.",
        "It will take the whole summer to rebuild the town hall,” the mayor said.",
        "Volunteers cleared mud from the market.",
    ]
    late_quote = model(relative_position=-4.0, second=8.0)  # prefers sentence 1, then 0
    assert summarize_sentences(sentences, None, Length(sentences=1), late_quote) == [0]
    assert summarize_sentences(sentences, None, Length(sentences=2), late_quote) == [0, 1]


def test_the_middle_of_a_quote_is_said_only_after_its_start() -> None:
    sentences = [
        "The mayor spoke to reporters outside the flooded town hall on Sunday.",
        "“We will rebuild the town hall,” she said, “and the market.",
        "It will take the whole summer to rebuild the town hall,” the mayor said.",
        "Volunteers cleared mud from the market.",
    ]
    # Prefers 0 and 2; 2 goes on with the quote opened in 1, so it needs 1 before it.
    middle = model(first=8.0, third=6.0, second=-2.0)
    assert summarize_sentences(sentences, None, Length(sentences=2), middle) == [0, 3]
    with_start = model(first=8.0, third=6.0, second=5.0)
    assert summarize_sentences(sentences, None, Length(sentences=3), with_start) == [0, 1, 2]


def test_does_not_open_on_a_ptb_quote_said_by_a_pronoun() -> None:
    sentences = [
        "`` we will rebuild the town hall and the town market , '' he said .",
        "the mayor of the town promised to rebuild the town hall .",
        "volunteers cleared mud from the market .",
    ]
    assert summarize_sentences(sentences, None, Length(sentences=1), LEAD) == [1]


def test_only_would_be_openers_are_checked_for_context(monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[str] = []

    def spy(sentence: str, cased: bool = True) -> bool:
        checked.append(sentence)
        return needs_context(sentence, cased)

    monkeypatch.setattr(news, "needs_context", spy)
    assert summarize_sentences(FLOOD, None, Length(sentences=2), CENTRAL) == [0, 2]
    assert checked == [FLOOD[1], FLOOD[0]]


def test_a_pronoun_opening_stays_when_there_is_no_alternative() -> None:
    sentences = ["He said it would rain all week.", "They closed the roads."]
    assert summarize_sentences(sentences, None, Length(sentences=1), LEAD) == [0]


def test_word_budget_is_honoured() -> None:
    # 12 + 11 words fit in 25; the third sentence (9 words) would not.
    chosen = summarize_sentences(BRIDGE_STORY, None, Length(sentences=None, words=25), LEAD)
    assert chosen == [0, 1]


def test_seconds_become_words_at_the_voice_rate() -> None:
    length = Length(sentences=None, seconds=6.0, words_per_minute=120.0)  # 12 words
    assert summarize_sentences(BRIDGE_STORY, None, length, LEAD) == [0]


def test_a_small_budget_skips_to_a_sentence_that_fits() -> None:
    length = Length(sentences=3, words=5)
    assert summarize_sentences(BRIDGE_STORY, None, length, LEAD) == [2]


def test_nothing_fits_still_says_the_best_sentence() -> None:
    length = Length(sentences=3, words=2)
    assert summarize_sentences(BRIDGE_STORY, None, length, LEAD) == [0]


def test_sentences_come_back_in_article_order() -> None:
    backwards = model(relative_position=4.0)
    assert summarize_sentences(BRIDGE_STORY, None, Length(sentences=2), backwards) == [1, 2]


def test_deterministic() -> None:
    first = get_summarizer("news").summarize(BRIDGE, Length(sentences=2))
    again = get_summarizer("news").summarize(BRIDGE, Length(sentences=2))
    assert first == again


def test_empty_and_all_boilerplate_articles_give_no_sentences() -> None:
    assert summarize_sentences([], "Title", Length()) == []
    assert summarize_sentences(["By Jane Smith", "Read more: here"], None, Length()) == []
