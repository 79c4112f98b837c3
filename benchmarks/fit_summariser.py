"""Fit the `news` summariser's profiles on the training files; choose settings on the dev files.

Two profiles are fitted: `headline` on the articles that have one (BBC), `no_headline` on
those that do not (CNN/DM). For each, a logistic regression over
`briefing.summarise.features` learns how summary-worthy a sentence is from the 12,371
articles in `../shared/eval/train/`, against labels made with ROUGE from the human reference:

* `oracle`: 1 for each sentence of the greedy ROUGE-1 + ROUGE-2 extractive oracle;
* `precision`: the share of the sentence's bigrams that the reference contains;
* `mix`: the mean of the two.

The label kind, the L2 penalty, the length exponent and the MMR redundancy penalty are then
chosen by ROUGE on the dev files (the mean of R-1, R-2 and R-Lsum, scored exactly as
`benchmarks/summarise.py` does). With that label kind and L2 penalty, the model is then fitted
again with the sentence's words as well (`briefing.summarise.lexical`: 2**16 hashed word
columns, their own L2 penalty `WORD_L2`), by full-batch Adam started from the hand-feature fit,
and its length exponent and redundancy are chosen by k-fold cross-validated ROUGE-1/2 on the
training files (one fit per fold serves every setting; choosing them on the 300 dev articles
instead picked settings that did worse in cross-validation on BBC). The cross-validated
ROUGE-1/2 of both models (hand features only, and with words) is printed beside Lead-3's on
the same folds; the best of 35 settings is a little optimistic, though on 10,888 (CNN/DM) or
1,483 (BBC) articles far less so than a choice on 300. Folds and samples come from a fixed seed
and the fit is deterministic, so two runs write the same file.

    python benchmarks/fit_summariser.py               # prints CV and dev scores, writes nothing
    python benchmarks/fit_summariser.py --write       # also ships the profiles (news_weights.json)
    python benchmarks/fit_summariser.py --sample 100 --output /tmp/w.json   # a quick small fit
    python benchmarks/fit_summariser.py --lang fr --write   # French, on ../shared/eval/multi

`--lang fr` fits French's own profiles on OrangeSum (`../shared/eval/multi/train/`, chosen on
its dev file), scored with a Unicode-aware tokenizer and no stemmer (`summarise_multi.py`):
`headline` on the articles with their headline and `no_headline` on the same articles with it
left out. It writes them under `languages.fr` of the weights file and keeps the rest. Every
profile also records its hand-feature fit (`hand_only`, chosen on dev before the words are
added); French's serve as the profiles without words (`without_words`) for a language with no
fitted words of its own (German, Spanish, Italian, Portuguese), since their features are the
language-neutral ones and were fitted on text that is not English.
"""

from __future__ import annotations

import os

# One core: the machine is shared, and an article's matrices are too small for threads to pay.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from dataclasses import dataclass, replace  # noqa: E402
from functools import lru_cache  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402
from nltk.stem import porter  # noqa: E402
from rouge_score import rouge_scorer, tokenize, tokenizers  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import require  # noqa: E402
from summarise import DEFAULT_DATA, SCORES, Record, load_records  # noqa: E402
from summarise_multi import DEFAULT_DATA as MULTI_DEV  # noqa: E402
from summarise_multi import TRAIN_DATA as MULTI_TRAIN  # noqa: E402
from summarise_multi import UnicodeTokenizer, load_multi  # noqa: E402

from briefing.models import Length  # noqa: E402
from briefing.summarise.features import FEATURE_NAMES  # noqa: E402
from briefing.summarise.language import get_language  # noqa: E402
from briefing.summarise.lexical import word_columns  # noqa: E402
from briefing.summarise.news import (  # noqa: E402
    HEADLINE,
    LANGUAGES,
    NO_HEADLINE,
    WEIGHTS_FILE,
    WITHOUT_WORDS,
    NewsModel,
    Prepared,
    choose,
    encode_word_weights,
    prepare,
)

SEED = 20240601
WEIGHTS_PATH = Path(__file__).resolve().parents[1] / "briefing" / "summarise" / WEIGHTS_FILE
TRAIN_DATA = [
    path.parent / "train" / name
    for path, name in zip(DEFAULT_DATA, ("cnndm_train.jsonl", "bbc_train.jsonl"), strict=True)
]
PROFILE_LABELS = {
    "en": {HEADLINE: ("precision", "mix"), NO_HEADLINE: ("oracle", "mix")},
    "fr": {HEADLINE: ("oracle", "mix"), NO_HEADLINE: ("oracle", "mix")},
}
"""The label kinds each profile chooses from. BBC's references copy whole sentences, so the
share of a sentence's bigrams found in the reference says whether it was copied; CNN/DM's
highlights and OrangeSum's standfirsts are rewritten, where the greedy ROUGE oracle is the
usual label (SummaRuNNer, BertSumExt)."""
WITHOUT_WORDS_FROM = "fr"
"""The language whose hand-feature fits (`hand_only`) ship as the profiles without words. Their
length exponent and redundancy are chosen again on the dev files of the languages that have no
training data (Portuguese: TeMário, stories without a headline), for the profile those
articles use, since that is where a profile without words is used; only 50 articles, so the
score there is optimistic."""
L2S = (0.3, 1.0, 3.0)
LENGTH_EXPONENTS = (0.0, 0.25, 0.5, 0.75, 1.0)
REDUNDANCIES = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)
WORD_BITS = 16
"""2**16 word columns: 2**18 scored the same on two CV folds of CNN/DM (R-1 +0.01)."""
WORD_L2 = {
    "en": {HEADLINE: 1.0, NO_HEADLINE: 10.0},
    "fr": {HEADLINE: 10.0, NO_HEADLINE: 10.0},
}
"""The words' L2 penalty per language and profile, chosen by CV on train among 1, 3, 10 and 30
(French among 3, 10 and 30, all within 0.1 of each other; `--word-l2` tries another)."""
ADAM_STEPS, ADAM_RATE = 200, 0.05
Config = tuple[str, float, float, float]
"""Label kind, L2 penalty, length exponent and MMR redundancy."""
Grams = Counter[tuple[str, ...]]


class CachedTokenizer(tokenizers.Tokenizer):
    """`rouge-score`'s own tokenisation and Porter stemmer, with each word stemmed once: the
    same tokens as `RougeScorer(use_stemmer=True)`, several times faster on 12,000 articles."""

    def __init__(self) -> None:
        self._stem = lru_cache(maxsize=None)(porter.PorterStemmer().stem)

    def stem(self, word: str) -> str:
        return self._stem(word)

    def tokenize(self, text: str) -> list[str]:
        return tokenize.tokenize(text, self)


@dataclass
class Example:
    """One article: its features, its labels and the n-grams that scoring needs."""

    record: Record
    prepared: Prepared
    labels: dict[str, np.ndarray]
    grams: list[tuple[Grams, Grams]]
    """Unigrams and bigrams of each of the article's sentences (boilerplate included)."""
    reference: tuple[Grams, Grams]
    words: tuple[np.ndarray, np.ndarray, np.ndarray]
    """Each word's sentence, hashed column and value (`lexical.word_columns`)."""

    @property
    def features(self) -> np.ndarray:
        return self.prepared.analysis.features


def ngrams(tokens: Sequence[str], n: int) -> Grams:
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


def f1(candidate: Grams, reference: Grams) -> float:
    """ROUGE-N F1 of clipped n-gram counts, as `rouge-score` computes it."""
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def make_labels(
    grams: Sequence[tuple[Grams, Grams]], reference: tuple[Grams, Grams], size: int
) -> dict[str, np.ndarray]:
    """The three label kinds for one article's story sentences (see the module docstring)."""
    ref1, ref2 = reference
    precision = np.array(
        [sum((g2 & ref2).values()) / sum(g2.values()) if g2 else 0.0 for _, g2 in grams]
    )
    chosen: list[int] = []
    have1: Grams = Counter()
    have2: Grams = Counter()
    best = 0.0
    while len(chosen) < size:
        pick, pick_value = -1, best
        for i, (g1, g2) in enumerate(grams):
            if i not in chosen:
                value = f1(have1 + g1, ref1) + f1(have2 + g2, ref2)
                if value > pick_value:
                    pick, pick_value = i, value
        if pick < 0:
            break
        chosen.append(pick)
        have1 += grams[pick][0]
        have2 += grams[pick][1]
        best = pick_value
    oracle = np.zeros(len(grams))
    oracle[chosen] = 1.0
    return {"oracle": oracle, "precision": precision, "mix": (oracle + precision) / 2}


def build_examples(
    records: Sequence[Record], size: int, tokenizer: tokenizers.Tokenizer
) -> list[Example]:
    examples: list[Example] = []
    for record in records:
        language = None if record.language == "en" else get_language(record.language)
        prepared = prepare(record.sentences, record.title, language)
        if prepared is None:
            continue
        tokens = map(tokenizer.tokenize, record.sentences)
        grams = [(ngrams(t, 1), ngrams(t, 2)) for t in tokens]
        tokens = tokenizer.tokenize(record.reference)
        reference = (ngrams(tokens, 1), ngrams(tokens, 2))
        labels = make_labels([grams[i] for i in prepared.keep], reference, size)
        analysis = prepared.analysis
        columns, values = word_columns(
            analysis.word_rows, analysis.word_ids, analysis.lengths, WORD_BITS
        )
        words = (analysis.word_rows, columns, values)
        examples.append(Example(record, prepared, labels, grams, reference, words))
    return examples


def fit_logistic(examples: Sequence[Example], label: str, l2: float) -> np.ndarray:
    """Newton's method on the L2-regularised log loss (soft labels allowed); articles weigh
    the same whatever their length; the bias is not shrunk."""
    x = np.vstack([e.features for e in examples])
    y = np.concatenate([e.labels[label] for e in examples])
    w = np.concatenate([np.full(len(e.features), 1.0 / len(e.features)) for e in examples])
    w *= len(w) / w.sum()
    penalty = l2 * np.eye(x.shape[1])
    penalty[0, 0] = 0.0
    beta = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        gradient = x.T @ (w * (p - y)) + penalty @ beta
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + penalty + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.max(np.abs(step)) < 1e-9:
            break
    return beta


def fit_with_words(
    examples: Sequence[Example], label: str, l2: float, word_l2: float
) -> tuple[np.ndarray, np.ndarray]:
    """Hand-feature weights and word-column weights fitted jointly on the same log loss.

    Full-batch Adam (fixed steps, so deterministic) from the hand-feature optimum with the
    words at zero: the word matrix is sparse (about 20 entries a sentence), kept as index
    lists, so each step is two `bincount`s rather than a dense product.
    """
    x = np.vstack([e.features for e in examples])
    y = np.concatenate([e.labels[label] for e in examples])
    w = np.concatenate([np.full(len(e.features), 1.0 / len(e.features)) for e in examples])
    w *= len(w) / w.sum()
    starts = np.cumsum([0] + [len(e.features) for e in examples[:-1]])
    rows = np.concatenate([e.words[0] + start for e, start in zip(examples, starts, strict=True)])
    columns = np.concatenate([e.words[1] for e in examples])
    values = np.concatenate([e.words[2] for e in examples])
    size, width = len(y), 1 << WORD_BITS
    beta = fit_logistic(examples, label, l2)
    theta = np.zeros(width)
    penalty = np.full(len(beta), l2)
    penalty[0] = 0.0
    moments = [[np.zeros_like(beta), np.zeros_like(beta)], [np.zeros(width), np.zeros(width)]]
    for step in range(1, ADAM_STEPS + 1):
        logits = x @ beta + np.bincount(rows, values * theta[columns], minlength=size)
        residual = w * (1.0 / (1.0 + np.exp(-logits)) - y)
        gradients = (
            (x.T @ residual + penalty * beta) / size,
            (np.bincount(columns, values * residual[rows], minlength=width) + word_l2 * theta)
            / size,
        )
        for parameter, gradient, (mean, square) in zip(
            (beta, theta), gradients, moments, strict=True
        ):
            mean *= 0.9
            mean += 0.1 * gradient
            square *= 0.999
            square += 0.001 * gradient * gradient
            parameter -= (
                ADAM_RATE * (mean / (1 - 0.9**step)) / (np.sqrt(square / (1 - 0.999**step)) + 1e-8)
            )
    # What ships is float16: fit and score with the rounded word weights.
    return beta, theta.astype(np.float16).astype(np.float64)


class DevScorer:
    """ROUGE F1 × 100 exactly as the benchmark computes it, cached per article and choice."""

    def __init__(self, size: int, tokenizer: tokenizers.Tokenizer) -> None:
        self._rouge = rouge_scorer.RougeScorer(list(SCORES), tokenizer=tokenizer)
        self._size = size
        self._cache: dict[tuple[str, tuple[int, ...]], np.ndarray] = {}

    def score(self, example: Example, model: NewsModel) -> np.ndarray:
        chosen = tuple(choose(example.prepared, model, Length(sentences=self._size)))
        key = (example.record.id, chosen)
        if key not in self._cache:
            text = "\n".join(example.record.sentences[i] for i in chosen)
            result = self._rouge.score(example.record.reference, text)
            self._cache[key] = np.array([100 * result[k].fmeasure for k in SCORES])
        return self._cache[key]

    def mean(self, examples: Sequence[Example], model: NewsModel) -> np.ndarray:
        return np.mean([self.score(e, model) for e in examples], axis=0)


def fast_rouge(example: Example, chosen: Sequence[int]) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 F1 × 100 of the sentences `chosen`, from the cached n-grams."""
    have1: Grams = Counter()
    have2: Grams = Counter()
    for i in chosen:
        have1 += example.grams[i][0]
        have2 += example.grams[i][1]
    return 100 * f1(have1, example.reference[0]), 100 * f1(have2, example.reference[1])


def folds(count: int, k: int, seed: int) -> list[list[int]]:
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def cross_validate(
    examples: Sequence[Example],
    label: str,
    l2: float,
    settings: Sequence[tuple[float, float]],
    k: int,
    size: int,
    word_l2: float | None,
) -> tuple[dict[tuple[float, float], np.ndarray], np.ndarray]:
    """Held-out ROUGE-1/2 over k folds of the training articles for each (length exponent,
    redundancy) setting of the model fitted with `label` and `l2` (with words if `word_l2` is
    given; one fit per fold serves every setting), and Lead-3's (the first three sentences, as
    the benchmark takes them) on the same articles."""
    ours: dict[tuple[float, float], list[tuple[float, float]]] = {s: [] for s in settings}
    lead: list[tuple[float, float]] = []
    for test in folds(len(examples), k, SEED):
        held = set(test)
        train = [e for i, e in enumerate(examples) if i not in held]
        if word_l2 is None:
            beta, theta = fit_logistic(train, label, l2), None
        else:
            beta, theta = fit_with_words(train, label, l2, word_l2)
        weights = tuple(float(b) for b in beta)
        for i in test:
            example = examples[i]
            scored: dict[tuple[int, ...], tuple[float, float]] = {}
            for setting in settings:
                model = NewsModel(weights, *setting, theta)
                chosen = tuple(choose(example.prepared, model, Length(sentences=size)))
                if chosen not in scored:
                    scored[chosen] = fast_rouge(example, chosen)
                ours[setting].append(scored[chosen])
            lead.append(fast_rouge(example, range(min(size, len(example.grams)))))
    return {s: np.mean(v, axis=0) for s, v in ours.items()}, np.mean(lead, axis=0)


def fmt(scores: Sequence[float]) -> str:
    return "/".join(f"{v:.2f}" for v in scores)


def fit_profile(
    name: str,
    train: Sequence[Example],
    dev: Sequence[Example],
    k: int,
    size: int,
    tokenizer: tokenizers.Tokenizer,
    lang: str = "en",
    word_l2: float | None = None,
) -> dict[str, object]:
    """Fit each label kind on `train`, choose the setting on `dev`, report CV and dev."""
    labels = PROFILE_LABELS[lang][name]
    print(f"{name}: {len(train)} training and {len(dev)} dev articles", flush=True)
    scorer = DevScorer(size, tokenizer)
    fitted = {
        (label, l2): tuple(float(b) for b in fit_logistic(train, label, l2))
        for label, l2 in itertools.product(labels, L2S)
    }
    scores: dict[Config, np.ndarray] = {}
    for (label, l2), exponent, redundancy in itertools.product(
        fitted, LENGTH_EXPONENTS, REDUNDANCIES
    ):
        model = NewsModel(fitted[(label, l2)], exponent, redundancy)
        scores[(label, l2, exponent, redundancy)] = scorer.mean(dev, model)
    config = max(scores, key=lambda c: float(scores[c].mean()))  # first on ties
    print(f"  hand features, chosen on dev (label, l2, length exponent, redundancy): {config}")
    label, l2 = config[:2]
    cvs, lead = cross_validate(train, label, l2, [config[2:]], k, size, None)
    cv = cvs[config[2:]]
    print(f"  hand features, {k}-fold CV on train, R-1/R-2: {fmt(cv)} (Lead-3 {fmt(lead)})")
    print(f"  hand features, dev R-1/R-2/R-Lsum: {fmt(scores[config])}", flush=True)
    hand_only = {
        "labels": label,
        "l2": l2,
        "length_exponent": config[2],
        "redundancy": config[3],
        "cv_rouge_1_2": [round(float(v), 2) for v in cv],
        "dev_rouge_1_2_lsum": [round(float(v), 2) for v in scores[config]],
        "weights": {
            n: round(v, 6) for n, v in zip(FEATURE_NAMES, fitted[(label, l2)], strict=True)
        },
    }
    word_l2 = WORD_L2[lang][name] if word_l2 is None else word_l2
    settings = list(itertools.product(LENGTH_EXPONENTS, REDUNDANCIES))
    cvs, lead = cross_validate(train, label, l2, settings, k, size, word_l2)
    setting = max(settings, key=lambda s: float(cvs[s].mean()))  # first on ties
    config = (label, l2, *setting)
    cv = cvs[setting]
    print(f"  with words (word l2 {word_l2}), chosen by CV (exponent, redundancy): {setting}")
    print(f"  with words, {k}-fold CV on train, R-1/R-2: {fmt(cv)} (Lead-3 {fmt(lead)})")
    beta, theta = fit_with_words(train, label, l2, word_l2)
    fitted_words = tuple(float(b) for b in beta)
    dev_scores = scorer.mean(dev, NewsModel(fitted_words, *setting, theta))
    print(f"  with words, dev R-1/R-2/R-Lsum: {fmt(dev_scores)}", flush=True)
    return {
        "articles": len(train),
        "dev_articles": len(dev),
        "labels": config[0],
        "label_choices": list(labels),
        "l2": config[1],
        "length_exponent": config[2],
        "redundancy": config[3],
        "cv_rouge_1_2": [round(float(v), 2) for v in cv],
        "cv_lead3_rouge_1_2": [round(float(v), 2) for v in lead],
        "dev_rouge_1_2_lsum": [round(float(v), 2) for v in dev_scores],
        "weights": {n: round(v, 6) for n, v in zip(FEATURE_NAMES, fitted_words, strict=True)},
        "word_l2": word_l2,
        "word_weights": encode_word_weights(theta),
        "hand_only": hand_only,
    }


def read(paths: Sequence[Path], sample: int | None, lang: str = "en") -> list[Record]:
    """All records of `paths` (English dev or train files, or for any other `lang`, files of
    `../shared/eval/multi`), or a seeded random `sample` of each file's."""
    records: list[Record] = []
    for path in paths:
        loaded = load_records(path.resolve()) if lang == "en" else load_multi(path.resolve())
        if sample is not None and sample < len(loaded):
            loaded = random.Random(SEED).sample(loaded, sample)
        records.extend(loaded)
    return records


def without_words(
    profiles: dict[str, dict[str, Any]], size: int, sample: int | None
) -> dict[str, dict[str, Any]]:
    """The profiles without words: `WITHOUT_WORDS_FROM`'s hand-feature fits, with the length
    exponent and redundancy chosen on the dev files of languages without training data where
    they have articles of the profile's kind (see `WITHOUT_WORDS_FROM`)."""
    paths = [p for p in MULTI_DEV if p.name[:2] not in MULTI_TRAIN and p.exists()]
    tokenizer = UnicodeTokenizer()
    dev = build_examples([r for p in paths for r in read([p], sample, "multi")], size, tokenizer)
    scorer = DevScorer(size, tokenizer)
    chosen: dict[str, dict[str, Any]] = {}
    for name, profile in profiles.items():
        hand = dict(profile["hand_only"])
        entry = {"from": f"{WITHOUT_WORDS_FROM} {name}, hand features only", **hand}
        examples = [e for e in dev if bool(e.record.title) == (name == HEADLINE)]
        if examples:
            weights = tuple(float(hand["weights"][n]) for n in FEATURE_NAMES)
            settings = list(itertools.product(LENGTH_EXPONENTS, REDUNDANCIES))
            means = {s: scorer.mean(examples, NewsModel(weights, *s)) for s in settings}
            best = max(settings, key=lambda s: float(means[s].mean()))  # first on ties
            entry["length_exponent"], entry["redundancy"] = best
            entry["settings_chosen_on"] = sorted({e.record.language for e in examples})
            entry["chosen_on_rouge_1_2_lsum"] = [round(float(v), 2) for v in means[best]]
            names = ", ".join(p.name for p in paths)
            print(f"  without words, {name}: (exponent, redundancy) {best} on {names}: ", end="")
            print(f"R-1/R-2/R-Lsum {fmt(means[best])}")
        chosen[name] = entry
    return chosen


def merged(
    fitted: dict[str, Any], lang: str, without: dict[str, dict[str, Any]] | None
) -> dict[str, Any]:
    """The shipped weights file with one language's fit in place and the rest kept: English's
    at the top level (`profiles`), another language's under `languages`; and the profiles
    without words, when given."""
    shipped: dict[str, Any] = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    languages = dict(shipped.get(LANGUAGES, {}))
    if lang == "en":
        payload = {**fitted, LANGUAGES: languages}
    else:
        languages[lang] = fitted
        payload = {k: v for k, v in shipped.items() if k not in (LANGUAGES, WITHOUT_WORDS)}
        payload[LANGUAGES] = dict(sorted(languages.items()))
    if without is not None:
        payload[WITHOUT_WORDS] = without
    elif WITHOUT_WORDS in shipped:
        payload[WITHOUT_WORDS] = shipped[WITHOUT_WORDS]
    return payload


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, action="append", help="a train .jsonl (repeatable)")
    parser.add_argument("--dev", type=Path, action="append", help="a dev .jsonl (repeatable)")
    parser.add_argument("--sample", type=int, help="use a seeded sample of each file")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=3, help="oracle and summary size")
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS_FILE}")
    parser.add_argument("--output", type=Path, help="write the profiles to this file instead")
    parser.add_argument(
        "--lang", default="en", choices=sorted(PROFILE_LABELS), help="the language to fit"
    )
    parser.add_argument("--word-l2", type=float, help="the words' L2 penalty for every profile")
    args = parser.parse_args(argv)
    lang = args.lang
    default_train = TRAIN_DATA if lang == "en" else MULTI_TRAIN[lang]
    default_dev = DEFAULT_DATA if lang == "en" else [p for p in MULTI_DEV if p.name[:2] == lang]
    require(*(args.train or default_train), *(args.dev or default_dev), option="--train/--dev FILE")
    started = time.monotonic()
    tokenizer: tokenizers.Tokenizer = CachedTokenizer() if lang == "en" else UnicodeTokenizer()
    train_records = read(args.train or default_train, args.sample, lang)
    dev_records = read(args.dev or default_dev, args.sample, lang)
    if lang != "en":  # the same articles without their headline, for the no_headline profile
        train_records += [replace(r, title=None) for r in train_records if r.title]
        dev_records += [replace(r, title=None) for r in dev_records if r.title]
    train = build_examples(train_records, args.sentences, tokenizer)
    dev = build_examples(dev_records, args.sentences, tokenizer)
    print(f"features and labels: {time.monotonic() - started:.0f} s", flush=True)
    profiles = {}
    for name in (HEADLINE, NO_HEADLINE):
        has_title = name == HEADLINE
        profiles[name] = fit_profile(
            name,
            [e for e in train if bool(e.record.title) == has_title],
            [e for e in dev if bool(e.record.title) == has_title],
            args.folds,
            args.sentences,
            tokenizer,
            lang,
            args.word_l2,
        )
    command = "benchmarks/fit_summariser.py" + ("" if lang == "en" else f" --lang {lang}")
    fitted = {
        "fitted_by": command if args.sample is None else f"{command} --sample {args.sample}",
        "seed": SEED,
        "oracle_sentences": args.sentences,
        "profiles": profiles,
    }
    without = None
    if lang == WITHOUT_WORDS_FROM:
        without = without_words(profiles, args.sentences, args.sample)
    payload = merged(fitted, lang, without)
    target = args.output or (WEIGHTS_PATH if args.write else None)
    if target is not None:
        text = json.dumps(payload, indent=2) + "\n"
        partial = target.with_name(target.name + ".part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
        print(f"wrote {target}")
    print(f"total: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
