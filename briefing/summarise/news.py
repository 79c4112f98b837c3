"""`news`: a learned extractive summariser for news, fast and offline.

Each sentence gets a score from a logistic model over news features (lead position,
PacSum-style directed centrality, centroid and TextRank-style degree, headline overlap,
length, quotes; see `features.py`) and over the sentence's words (hashed columns, see
`lexical.py`), with weights fitted against ROUGE by
`benchmarks/fit_summariser.py` and shipped in `news_weights.json`. Sentences are then
picked greedily with maximal marginal relevance so the summary does not say one thing
twice, within the sentence and word budget, never from boilerplate, and never opening on a
sentence that needs an earlier one to make sense when there is another choice. The chosen
sentences are returned in article order.

Two fitted profiles ship for English: one for articles with a headline (sentences are weighed
against it) and one for articles without (the opening sentences play the headline's part).
Other languages are read with their own table (`language.py`: sentence splitting, stop words,
stemmer); the word weights are a language's own, fitted on its articles (French, on
OrangeSum), and a language or case with none fitted is scored by a profile of hand features
only (`WITHOUT_WORDS`), never by another language's words.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

from briefing.models import Article, Length, Summary
from briefing.summarise.boilerplate import (
    continues_a_quote,
    is_boilerplate_sentence,
    needs_context,
)
from briefing.summarise.features import FEATURE_NAMES, Analysis, analyse
from briefing.summarise.language import Language, language_for
from briefing.summarise.lead import story_sentences
from briefing.summarise.lexical import signed_logits, signed_weights

WEIGHTS_FILE = "news_weights.json"
HEADLINE, NO_HEADLINE = "headline", "no_headline"
LANGUAGES, WITHOUT_WORDS = "languages", "without_words"
"""The weights file's sections beside English's `profiles`: each other language's own fitted
profiles, by code; and the hand-feature profiles for a language or case with none."""


@dataclass(frozen=True)
class NewsModel:
    """One fitted profile: feature weights, a length preference and the MMR redundancy penalty."""

    weights: tuple[float, ...]
    length_exponent: float = 0.0
    """A sentence's value is its predicted summary-worthiness times its length to this power."""
    redundancy: float = 0.5
    """How much a sentence's similarity to one already chosen counts against it (MMR λ)."""
    word_weights: NDArray[np.float64] | None = field(default=None, compare=False, repr=False)
    """One weight per hashed word column (see `lexical.py`), or None for hand features only."""

    @cached_property
    def vector(self) -> NDArray[np.float64]:
        """The weights as an array, made once per profile."""
        return np.asarray(self.weights, dtype=np.float64)

    @cached_property
    def signed_words(self) -> NDArray[np.float64] | None:
        """The word weights as `lexical.signed_weights` needs them, made once per profile."""
        return None if self.word_weights is None else signed_weights(self.word_weights)

    def logits(self, analysis: Analysis) -> NDArray[np.float64]:
        """Each sentence's log-odds of being summary-worthy: hand features plus its words."""
        logits: NDArray[np.float64] = analysis.features @ self.vector
        table = self.signed_words
        if table is not None:
            logits += signed_logits(analysis.word_rows, analysis.word_ids, analysis.lengths, table)
        return logits

    def scores(self, analysis: Analysis) -> NDArray[np.float64]:
        """The value of each sentence to the summary, before redundancy."""
        worth: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-self.logits(analysis)))
        if not self.length_exponent:
            return worth
        return worth * np.maximum(analysis.lengths, 1.0) ** self.length_exponent

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NewsModel:
        weights = data["weights"]
        words = data.get("word_weights")
        return cls(
            weights=tuple(float(weights.get(name, 0.0)) for name in FEATURE_NAMES),
            length_exponent=float(data.get("length_exponent", 0.0)),
            redundancy=float(data.get("redundancy", 0.5)),
            word_weights=None if words is None else decode_word_weights(words),
        )


def encode_word_weights(weights: NDArray[np.float64]) -> str:
    """Word weights as base64 of little-endian float16: half the bytes of float32, and the
    rounding (3 significant digits) is far below what a weight's regularisation leaves."""
    return base64.b64encode(weights.astype("<f2").tobytes()).decode("ascii")


def decode_word_weights(text: str) -> NDArray[np.float64]:
    """The inverse of `encode_word_weights`; the count must be a power of two (hash columns)."""
    weights = np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float64)
    if weights.size == 0 or weights.size & (weights.size - 1):
        raise ValueError(f"word weights: {weights.size} is not a power of two")
    weights.flags.writeable = False
    return weights


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    text = resources.files("briefing.summarise").joinpath(WEIGHTS_FILE).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _models(profiles: dict[str, Any]) -> dict[str, NewsModel]:
    return {name: NewsModel.from_json(profile) for name, profile in profiles.items()}


@lru_cache(maxsize=1)
def shipped_models() -> dict[str, NewsModel]:
    """The fitted English profiles that ship with the package, by name (read once)."""
    return _models(_shipped()["profiles"])


@cache
def language_models(code: str) -> dict[str, NewsModel]:
    """A language's own fitted profiles (with its word weights), by name; none for most."""
    if code == "en":
        return shipped_models()
    section = _shipped().get(LANGUAGES, {}).get(code)
    return _models(section["profiles"]) if section else {}


@lru_cache(maxsize=1)
def models_without_words() -> dict[str, NewsModel]:
    """The hand-feature profiles (no word weights) for a language or case with none fitted."""
    return _models(_shipped()[WITHOUT_WORDS])


def model_for(title: str | None, language: Language | None = None) -> NewsModel:
    """The shipped profile for an article with or without a headline, in `language` (English
    when not given): the language's own fitted profile for that case, or else the profile
    without words, so no article is scored with another language's word weights."""
    name = HEADLINE if title else NO_HEADLINE
    own = language_models("en" if language is None else language.code)
    return own.get(name) or models_without_words()[name]


class NewsSummarizer:
    """Picks the most informative, least redundant story sentences within the length."""

    name = "news"

    def __init__(self, model: NewsModel | None = None) -> None:
        self._model = model

    def summarize(self, article: Article, length: Length) -> Summary:
        language = language_for(article.locale)
        sentences = story_sentences(article, language)
        chosen = summarize_sentences(sentences, article.title, length, self._model, language)
        return Summary(article=article, sentences=tuple(sentences[i] for i in chosen))


@dataclass
class Prepared:
    """An article's story sentences (boilerplate dropped) and what is known about them."""

    keep: list[int]
    """Indices into the given sentences of the ones that are story, not boilerplate."""
    story: list[str]
    analysis: Analysis
    language: Language | None = None
    """The article's language (English when None)."""
    _leans: dict[int, bool] = field(default_factory=dict, repr=False)
    _cased: bool | None = field(default=None, repr=False)
    _mid_quote: dict[int, bool] = field(default_factory=dict, repr=False)

    def needs_context(self, index: int) -> bool:
        """Whether story sentence `index` leans on an earlier one (see `needs_context`).

        Asked only of sentences that would open the summary, and remembered: checking every
        sentence of every article would cost more than all the features together.
        """
        if index not in self._leans:
            if self._cased is None:  # any upper-case letter (one call, not one per sentence)
                text = "\n".join(self.story)
                self._cased = text != text.lower()
            sentence, language = self.story[index], self.language
            self._leans[index] = (
                needs_context(sentence, self._cased)
                if language is None
                else needs_context(sentence, self._cased, language)
            )
        return self._leans[index]

    def continues_a_quote(self, index: int) -> bool:
        """Whether story sentence `index` goes on with a quote opened before it (asked only of
        the sentences chosen, and remembered)."""
        if index not in self._mid_quote:
            self._mid_quote[index] = continues_a_quote(self.story[index])
        return self._mid_quote[index]


def prepare(
    sentences: Sequence[str], title: str | None, language: Language | None = None
) -> Prepared | None:
    """Drop boilerplate and compute the features (shared by summarising and fitting)."""
    keep = [i for i, s in enumerate(sentences) if not is_boilerplate_sentence(s)]
    if not keep:
        return None
    story = [sentences[i] for i in keep]
    return Prepared(keep, story, analyse(story, title, language), language)


def summarize_sentences(
    sentences: Sequence[str],
    title: str | None,
    length: Length,
    model: NewsModel | None = None,
    language: Language | None = None,
) -> list[int]:
    """The indices, in article order, of the sentences to keep from an already split article
    in `language` (English when not given).

    The product path splits with briefing's own splitter; the benchmark passes its shared
    split here so every system sees the same sentences.
    """
    prepared = prepare(sentences, title, language)
    if prepared is None:
        return []
    return choose(prepared, model or model_for(title, language), length)


def choose(prepared: Prepared, model: NewsModel, length: Length) -> list[int]:
    """Score the prepared sentences with `model` and pick within `length`."""
    budget = length.word_budget()
    picked = select(
        model.scores(prepared.analysis),
        prepared.analysis.similarity,
        prepared.needs_context,
        prepared.continues_a_quote,
        count=length.sentences if length.sentences is not None else len(prepared.story),
        redundancy=model.redundancy,
        budget=budget,
        word_counts=[len(s.split()) for s in prepared.story] if budget is not None else None,
    )
    return [prepared.keep[i] for i in picked]


def select(
    scores: NDArray[np.float64],
    similarity: NDArray[np.float64],
    leans: Callable[[int], bool],
    mid_quote: Callable[[int], bool],
    count: int,
    redundancy: float,
    budget: int | None = None,
    word_counts: Sequence[int] | None = None,
) -> list[int]:
    """Greedy MMR within the length, in article order. If the first sentence picked leans on
    an earlier one (`leans`) and another could open, pick again without it; a later one that
    goes on with a quote (`mid_quote`) must follow the sentence before it, or is left out."""
    size = len(scores)
    banned: set[int] = set()
    while True:
        chosen = sorted(_mmr(scores, similarity, count, redundancy, banned, budget, word_counts))
        if not chosen:
            return chosen
        opener = chosen[0]
        if leans(opener):
            banned.add(opener)
            if all(i in banned or leans(i) for i in range(size)):
                return chosen
            continue
        stranded = [i for i in chosen[1:] if i - 1 not in chosen and mid_quote(i)]
        if not stranded:
            return chosen
        banned.update(stranded)


def _mmr(
    scores: NDArray[np.float64],
    similarity: NDArray[np.float64],
    count: int,
    redundancy: float,
    banned: set[int],
    budget: int | None,
    word_counts: Sequence[int] | None,
) -> list[int]:
    """Pick, one at a time, the sentence whose relevance (scaled to [0, 1] in the article) less
    `redundancy` times its highest similarity to those already picked is greatest (the first
    such on ties).

    Plain Python: an article has a few dozen sentences and a summary a few, where a loop over
    lists costs less than the NumPy calls it would replace.
    """
    values: list[float] = scores.tolist()
    low = min(values)
    spread = (max(values) - low) or 1.0
    relevance = [(value - low) / spread for value in values]
    sizes = word_counts if word_counts is not None else [0] * len(values)
    candidates = [i for i in range(len(values)) if i not in banned]
    overlap = [0.0] * len(values)
    chosen: list[int] = []
    words = 0
    while len(chosen) < count and candidates:
        room = None if budget is None else budget - words
        best, best_value = -1, -math.inf
        for i in candidates:
            if room is not None and sizes[i] > room:
                continue
            value = relevance[i] - redundancy * overlap[i]
            if value > best_value:
                best, best_value = i, value
        if best < 0:
            if not chosen:  # nothing fits: say the single best sentence rather than nothing
                chosen.append(max(candidates, key=relevance.__getitem__))
            break
        chosen.append(best)
        words += sizes[best]
        candidates.remove(best)
        if redundancy:
            overlap = list(map(max, overlap, similarity[best].tolist()))
    return chosen
