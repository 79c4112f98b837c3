"""Fit the `news` summariser's profiles on the dev files, with nested cross-validation.

Two profiles are fitted: `headline` on the articles that have one (BBC), `no_headline` on
those that do not (CNN/DM). For each, a logistic regression over
`briefing.summarise.features` learns how summary-worthy a sentence is, against labels made
with ROUGE from the human reference:

* `oracle`: 1 for each sentence of the greedy ROUGE-1 + ROUGE-2 extractive oracle;
* `precision`: the share of the sentence's bigrams that the reference contains;
* `mix`: the mean of the two.

The label kind, the length exponent and the MMR redundancy penalty are chosen by k-fold
cross-validated ROUGE (the mean of a few CVs with different fold seeds). The reported score
is nested: each outer fold chooses them by an inner CV on its own training part only, so the
held-out folds never influence the choice. Folds come from fixed seeds, so the run is
reproducible.

    python benchmarks/fit_summariser.py            # prints CV scores, writes nothing
    python benchmarks/fit_summariser.py --write    # also ships the profiles fitted on all data
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer, tokenizers

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
LABELS = ("oracle", "precision", "mix")
PROFILE_LABELS = {HEADLINE: ("precision", "mix"), NO_HEADLINE: ("oracle", "mix")}
"""The label kinds each profile chooses from. BBC's references copy whole sentences, so the
share of a sentence's bigrams found in the reference says whether it was copied; CNN/DM's
highlights are rewritten, where the greedy ROUGE oracle is the usual label (SummaRuNNer,
BertSumExt) and bigram precision is a noisy one. Fewer choices also make the inner CV's pick
less of a lottery."""
LENGTH_EXPONENTS = (0.0, 0.25, 0.5, 0.75)
REDUNDANCIES = (0.0, 0.5, 1.0, 1.5)
REPEATS = 3
"""Each choice is made on the mean of this many k-fold CVs with different fold seeds: one CV
on a few hundred articles is noisy enough to swing the choice of label kind."""
Config = tuple[str, float, float]
Grams = Counter[tuple[str, ...]]


@dataclass
class Example:
    """One dev article: its features, its labels and what scoring needs."""

    record: Record
    prepared: Prepared
    labels: dict[str, np.ndarray]

    @property
    def features(self) -> np.ndarray:
        return self.prepared.analysis.features


def ngrams(tokens: Sequence[str], n: int) -> Grams:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def f1(candidate: Grams, reference: Grams) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def make_labels(
    sentences: Sequence[str], reference: str, size: int, tokenizer: tokenizers.Tokenizer
) -> dict[str, np.ndarray]:
    """The three label kinds for one article's story sentences (see the module docstring)."""
    ref = tokenizer.tokenize(reference)
    ref1, ref2 = ngrams(ref, 1), ngrams(ref, 2)
    grams = [(ngrams(t, 1), ngrams(t, 2)) for t in map(tokenizer.tokenize, sentences)]
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
    oracle = np.array([1.0 if i in chosen else 0.0 for i in range(len(sentences))])
    return {"oracle": oracle, "precision": precision, "mix": (oracle + precision) / 2}


def build_examples(records: Sequence[Record], size: int) -> list[Example]:
    tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
    examples: list[Example] = []
    for record in records:
        prepared = prepare(record.sentences, record.title)
        if prepared is not None:
            labels = make_labels(prepared.story, record.reference, size, tokenizer)
            examples.append(Example(record, prepared, labels))
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


class Scorer:
    """ROUGE F1 × 100 exactly as the benchmark computes it, cached per article and choice."""

    def __init__(self, size: int) -> None:
        self._rouge = rouge_scorer.RougeScorer(list(SCORES), use_stemmer=True)
        self._size = size
        self._cache: dict[tuple[str, tuple[int, ...]], np.ndarray] = {}

    def summary(self, example: Example, model: NewsModel) -> list[int]:
        return choose(example.prepared, model, Length(sentences=self._size))

    def score(self, example: Example, model: NewsModel) -> np.ndarray:
        chosen = tuple(self.summary(example, model))
        key = (example.record.id, chosen)
        if key not in self._cache:
            text = "\n".join(example.record.sentences[i] for i in chosen)
            result = self._rouge.score(example.record.reference, text)
            self._cache[key] = np.array([100 * result[k].fmeasure for k in SCORES])
        return self._cache[key]

    def mean(self, examples: Sequence[Example], model: NewsModel) -> np.ndarray:
        return np.mean([self.score(e, model) for e in examples], axis=0)


def folds(count: int, k: int, seed: int) -> list[list[int]]:
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def grid(labels: Sequence[str]) -> list[Config]:
    return list(itertools.product(labels, LENGTH_EXPONENTS, REDUNDANCIES))


def cv_scores(
    examples: Sequence[Example],
    k: int,
    seed: int,
    l2: float,
    scorer: Scorer,
    labels: Sequence[str] = LABELS,
) -> dict[Config, np.ndarray]:
    """Mean held-out ROUGE of every configuration over k folds of `examples`."""
    totals = {config: np.zeros(3) for config in grid(labels)}
    for test in folds(len(examples), k, seed):
        held = set(test)
        train = [e for i, e in enumerate(examples) if i not in held]
        tested = [examples[i] for i in test]
        for label in labels:
            beta = tuple(float(b) for b in fit_logistic(train, label, l2))
            for exponent, redundancy in itertools.product(LENGTH_EXPONENTS, REDUNDANCIES):
                model = NewsModel(beta, exponent, redundancy)
                totals[(label, exponent, redundancy)] += scorer.mean(tested, model) / k
    return totals


def repeated_cv_scores(
    examples: Sequence[Example], k: int, seed: int, l2: float, scorer: Scorer, labels: Sequence[str]
) -> dict[Config, np.ndarray]:
    """`cv_scores` averaged over `REPEATS` different fold seeds."""
    runs = [cv_scores(examples, k, seed + 1000 * r, l2, scorer, labels) for r in range(REPEATS)]
    return {config: sum(run[config] for run in runs) / REPEATS for config in runs[0]}


def best(scores: dict[Config, np.ndarray]) -> Config:
    """The configuration with the highest mean of R-1, R-2 and R-Lsum (first on ties)."""
    return max(scores, key=lambda config: float(scores[config].mean()))


def nested_cv(
    examples: Sequence[Example], k: int, l2: float, scorer: Scorer, labels: Sequence[str]
) -> np.ndarray:
    """Held-out ROUGE where each outer fold picks its configuration by inner CV on its train."""
    total = np.zeros(3)
    for n, test in enumerate(folds(len(examples), k, SEED)):
        held = set(test)
        train = [e for i, e in enumerate(examples) if i not in held]
        config = best(repeated_cv_scores(train, k - 1, SEED + n + 1, l2, scorer, labels))
        beta = tuple(float(b) for b in fit_logistic(train, config[0], l2))
        outer = scorer.mean([examples[i] for i in test], NewsModel(beta, config[1], config[2]))
        print(f"    outer fold {n + 1}: chose {config}, held-out {fmt(outer)}", flush=True)
        total += outer / k
    return total


def fmt(scores: np.ndarray) -> str:
    return "/".join(f"{v:.2f}" for v in scores)


def fit_profile(
    name: str, examples: Sequence[Example], k: int, l2: float, size: int
) -> dict[str, object]:
    scorer = Scorer(size)
    labels = PROFILE_LABELS[name]
    print(
        f"{name}: {len(examples)} articles, {k}-fold CV x{REPEATS}, seed {SEED}, l2 {l2},"
        f" labels {'/'.join(labels)}",
        flush=True,
    )
    nested = nested_cv(examples, k, l2, scorer, labels)
    print(f"  nested CV R-1/R-2/R-Lsum: {fmt(nested)}", flush=True)
    scores = repeated_cv_scores(examples, k, SEED, l2, scorer, labels)
    config = best(scores)
    print(f"  chosen on {k}-fold CV of all: {config}, CV {fmt(scores[config])}", flush=True)
    beta = fit_logistic(examples, config[0], l2)
    return {
        "articles": len(examples),
        "labels": config[0],
        "label_choices": list(labels),
        "length_exponent": config[1],
        "redundancy": config[2],
        "cv": {
            "nested": [round(float(v), 2) for v in nested],
            "chosen": [round(float(v), 2) for v in scores[config]],
        },
        "weights": {n: round(float(v), 6) for n, v in zip(FEATURE_NAMES, beta, strict=True)},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, action="append", help="a dev .jsonl (repeatable)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=3, help="oracle and summary size")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--profile", choices=[HEADLINE, NO_HEADLINE], action="append")
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS_FILE}")
    args = parser.parse_args(argv)
    records = [r for p in (args.data or DEFAULT_DATA) for r in load_records(p.resolve())]
    examples = build_examples(records, args.sentences)
    groups = {
        HEADLINE: [e for e in examples if e.record.title],
        NO_HEADLINE: [e for e in examples if not e.record.title],
    }
    profiles = {
        name: fit_profile(name, groups[name], args.folds, args.l2, args.sentences)
        for name in (args.profile or [HEADLINE, NO_HEADLINE])
    }
    if args.write:
        # Profiles not fitted in this run are kept, so each can be refitted on its own.
        shipped = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))["profiles"]
        payload = {
            "fitted_by": "benchmarks/fit_summariser.py",
            "seed": SEED,
            "repeats": REPEATS,
            "l2": args.l2,
            "oracle_sentences": args.sentences,
            "profiles": {**shipped, **profiles},
        }
        WEIGHTS_PATH.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
