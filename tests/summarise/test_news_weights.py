"""The shipped news profiles: fitted on the full training files, better than Lead-3 on real news,
and reproduced exactly by the fitting command."""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType

import numpy as np
from rouge_score import rouge_scorer
from shared_corpus import Shared

from briefing.models import Length
from briefing.summarise.features import FEATURE_NAMES
from briefing.summarise.news import (
    HEADLINE,
    NO_HEADLINE,
    WEIGHTS_FILE,
    NewsModel,
    shipped_models,
    summarize_sentences,
)

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def shipped() -> dict[str, object]:
    text = resources.files("briefing.summarise").joinpath(WEIGHTS_FILE).read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def count_lines(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for line in handle if line.strip())


def test_shipped_profiles_weigh_every_feature_and_were_fitted_on_all_training_articles(
    shared: Shared,
) -> None:
    profiles = shipped()["profiles"]
    assert isinstance(profiles, dict)
    expected = {
        NO_HEADLINE: count_lines(shared("eval/train/cnndm_train.jsonl")),
        HEADLINE: count_lines(shared("eval/train/bbc_train.jsonl")),
    }
    for name, articles in expected.items():
        assert list(profiles[name]["weights"]) == list(FEATURE_NAMES)
        assert profiles[name]["articles"] == articles
    assert set(shipped_models()) == {HEADLINE, NO_HEADLINE}


def test_shipped_profiles_carry_finite_word_weights_for_every_hashed_column() -> None:
    fit = load_script("fit_summariser")
    for model in shipped_models().values():
        words = model.word_weights
        assert words is not None
        assert words.size == 2**fit.WORD_BITS
        assert np.isfinite(words).all()
        assert np.count_nonzero(words) > words.size // 10  # learned, not left at zero
    size = len(resources.files("briefing.summarise").joinpath(WEIGHTS_FILE).read_bytes())
    assert size < 5_000_000


def test_shipped_model_beats_lead3_on_real_cnn_dailymail_articles(shared: Shared) -> None:
    bench = load_script("summarise")
    records = bench.load_records(shared("eval/cnndm_dev.jsonl"))[:120]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    ours = lead = 0.0
    for record in records:
        chosen = summarize_sentences(record.sentences, record.title, Length(sentences=3))
        prediction = "\n".join(record.sentences[i] for i in chosen)
        for kind in ("rouge1", "rouge2"):
            ours += scorer.score(record.reference, prediction)[kind].fmeasure
            lead += scorer.score(record.reference, "\n".join(record.sentences[:3]))[kind].fmeasure
    assert (ours - lead) * 100 / len(records) > 1.0  # R-1 + R-2 points, summed


def test_fitting_command_is_reproducible_and_writes_a_loadable_profile(
    tmp_path: Path, shared: Shared
) -> None:
    fit = load_script("fit_summariser")
    data = [
        *("--train", str(shared("eval/train/cnndm_train.jsonl"))),
        *("--train", str(shared("eval/train/bbc_train.jsonl"))),
        *("--dev", str(shared("eval/cnndm_dev.jsonl"))),
        *("--dev", str(shared("eval/bbc_dev.jsonl"))),
    ]  # the files it reads by default
    outputs = [tmp_path / "first.json", tmp_path / "second.json"]
    for output in outputs:
        assert fit.main([*data, "--sample", "25", "--folds", "2", "--output", str(output)]) == 0
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    written = json.loads(outputs[0].read_text(encoding="utf-8"))
    assert written.keys() == shipped().keys()
    for name in (HEADLINE, NO_HEADLINE):
        profile = written["profiles"][name]
        assert profile["articles"] == 25
        model = NewsModel.from_json(profile)
        assert model.word_weights is not None and model.word_weights.size == 2**fit.WORD_BITS
        sentences = ["The council approved the bridge.", "It costs a lot.", "Work starts soon."]
        assert summarize_sentences(sentences, None, Length(sentences=2), model)
