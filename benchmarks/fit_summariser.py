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
`benchmarks/summarise.py` does), and the chosen setting's k-fold cross-validated ROUGE-1/2
on the training files is printed beside Lead-3's on the same folds. Folds and samples come
from a fixed seed, so two runs write the same file.

    python benchmarks/fit_summariser.py               # prints CV and dev scores, writes nothing
    python benchmarks/fit_summariser.py --write       # also ships the profiles (news_weights.json)
    python benchmarks/fit_summariser.py --sample 100 --output /tmp/w.json   # a quick small fit
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
from dataclasses import dataclass  # noqa: E402
from functools import lru_cache  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from nltk.stem import porter  # noqa: E402
from rouge_score import rouge_scorer, tokenize, tokenizers  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from summarise import DEFAULT_DATA, SCORES, Record, load_records  # noqa: E402

from briefing.models import Length  # noqa: E402
from briefing.summarise.features import FEATURE_NAMES  # noqa: E402
from briefing.summarise.news import (  # noqa: E402
    HEADLINE,
    NO_HEADLINE,
    WEIGHTS_FILE,
    NewsModel,
    Prepared,
    choose,
    prepare,
)

SEED = 20240601
WEIGHTS_PATH = Path(__file__).resolve().parents[1] / "briefing" / "summarise" / WEIGHTS_FILE
TRAIN_DATA = [
    path.parent / "train" / name
    for path, name in zip(DEFAULT_DATA, ("cnndm_train.jsonl", "bbc_train.jsonl"), strict=True)
]
PROFILE_LABELS = {HEADLINE: ("precision", "mix"), NO_HEADLINE: ("oracle", "mix")}
"""The label kinds each profile chooses from. BBC's references copy whole sentences, so the
share of a sentence's bigrams found in the reference says whether it was copied; CNN/DM's
highlights are rewritten, where the greedy ROUGE oracle is the usual label (SummaRuNNer,
BertSumExt)."""
L2S = (0.3, 1.0, 3.0)
LENGTH_EXPONENTS = (0.0, 0.25, 0.5, 0.75, 1.0)
REDUNDANCIES = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)
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
    records: Sequence[Record], size: int, tokenizer: CachedTokenizer
) -> list[Example]:
    examples: list[Example] = []
    for record in records:
        prepared = prepare(record.sentences, record.title)
        if prepared is None:
            continue
        tokens = map(tokenizer.tokenize, record.sentences)
        grams = [(ngrams(t, 1), ngrams(t, 2)) for t in tokens]
        tokens = tokenizer.tokenize(record.reference)
        reference = (ngrams(tokens, 1), ngrams(tokens, 2))
        labels = make_labels([grams[i] for i in prepared.keep], reference, size)
        examples.append(Example(record, prepared, labels, grams, reference))
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


class DevScorer:
    """ROUGE F1 × 100 exactly as the benchmark computes it, cached per article and choice."""

    def __init__(self, size: int, tokenizer: CachedTokenizer) -> None:
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
    examples: Sequence[Example], config: Config, k: int, size: int
) -> tuple[np.ndarray, np.ndarray]:
    """Held-out ROUGE-1/2 of `config` over k folds of the training articles, and Lead-3's
    (the first three sentences, as the benchmark takes them) on the same articles."""
    label, l2, exponent, redundancy = config
    ours: list[tuple[float, float]] = []
    lead: list[tuple[float, float]] = []
    for test in folds(len(examples), k, SEED):
        held = set(test)
        train = [e for i, e in enumerate(examples) if i not in held]
        beta = tuple(float(b) for b in fit_logistic(train, label, l2))
        model = NewsModel(beta, exponent, redundancy)
        for i in test:
            example = examples[i]
            chosen = choose(example.prepared, model, Length(sentences=size))
            ours.append(fast_rouge(example, chosen))
            lead.append(fast_rouge(example, range(min(size, len(example.grams)))))
    return np.mean(ours, axis=0), np.mean(lead, axis=0)


def fmt(scores: Sequence[float]) -> str:
    return "/".join(f"{v:.2f}" for v in scores)


def fit_profile(
    name: str,
    train: Sequence[Example],
    dev: Sequence[Example],
    k: int,
    size: int,
    tokenizer: CachedTokenizer,
) -> dict[str, object]:
    """Fit each label kind on `train`, choose the setting on `dev`, report CV and dev."""
    labels = PROFILE_LABELS[name]
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
    print(f"  chosen on dev (label, l2, length exponent, redundancy): {config}", flush=True)
    cv, lead = cross_validate(train, config, k, size)
    print(f"  {k}-fold CV on train, R-1/R-2: {fmt(cv)} (Lead-3 {fmt(lead)})", flush=True)
    print(f"  dev R-1/R-2/R-Lsum: {fmt(scores[config])}", flush=True)
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
        "dev_rouge_1_2_lsum": [round(float(v), 2) for v in scores[config]],
        "weights": {n: round(v, 6) for n, v in zip(FEATURE_NAMES, fitted[config[:2]], strict=True)},
    }


def read(paths: Sequence[Path], sample: int | None) -> list[Record]:
    """All records of `paths`, or a seeded random `sample` of each file's."""
    records: list[Record] = []
    for path in paths:
        loaded = load_records(path.resolve())
        if sample is not None and sample < len(loaded):
            loaded = random.Random(SEED).sample(loaded, sample)
        records.extend(loaded)
    return records


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, action="append", help="a train .jsonl (repeatable)")
    parser.add_argument("--dev", type=Path, action="append", help="a dev .jsonl (repeatable)")
    parser.add_argument("--sample", type=int, help="use a seeded sample of each file")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=3, help="oracle and summary size")
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS_FILE}")
    parser.add_argument("--output", type=Path, help="write the profiles to this file instead")
    args = parser.parse_args(argv)
    started = time.monotonic()
    tokenizer = CachedTokenizer()
    train = build_examples(read(args.train or TRAIN_DATA, args.sample), args.sentences, tokenizer)
    dev = build_examples(read(args.dev or DEFAULT_DATA, args.sample), args.sentences, tokenizer)
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
        )
    command = "benchmarks/fit_summariser.py"
    payload = {
        "fitted_by": command if args.sample is None else f"{command} --sample {args.sample}",
        "seed": SEED,
        "oracle_sentences": args.sentences,
        "profiles": profiles,
    }
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
