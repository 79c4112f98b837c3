"""`lead`: the news lead minus what is not story: the first sentences a newsreader would say."""

from __future__ import annotations

from briefing.models import Article, Length, Summary
from briefing.summarise.boilerplate import (
    is_boilerplate_paragraph,
    is_boilerplate_sentence,
    needs_context,
    strip_dateline,
)
from briefing.summarise.language import Language, language_for
from briefing.summarise.sentences import split_sentences


class LeadSummarizer:
    """Takes the first sentences of the story body, skipping captions and bylines."""

    name = "lead"

    def summarize(self, article: Article, length: Length) -> Summary:
        language = language_for(article.locale)
        candidates = story_sentences(article, language)
        count = length.sentences if length.sentences is not None else len(candidates)
        budget = length.word_budget()
        first = next(
            (i for i, s in enumerate(candidates) if not needs_context(s, True, language)), 0
        )
        chosen: list[str] = []
        words = 0
        for sentence in candidates[first:]:
            if len(chosen) >= count:
                break
            n = len(sentence.split())
            if budget is not None and chosen and words + n > budget:
                break
            chosen.append(sentence)
            words += n
        return Summary(article=article, sentences=tuple(chosen))


def story_sentences(article: Article, language: Language | None = None) -> list[str]:
    """The article's sentences with captions, bylines, prompts and datelines removed, split by
    the rules of `language` (by default, the one its locale declares)."""
    table = language or language_for(article.locale)
    sentences: list[str] = []
    for paragraph in article.paragraphs:
        if is_boilerplate_paragraph(paragraph):
            continue
        for sentence in split_sentences(paragraph, table):
            sentence = strip_dateline(sentence)
            if not is_boilerplate_sentence(sentence):
                sentences.append(sentence)
    return sentences
