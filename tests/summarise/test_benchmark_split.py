"""The benchmark's sentence splits, which every system shares."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "summarise.py"


def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_summarise", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = load_benchmark()


def test_ptb_text_splits_at_standalone_tokens_only() -> None:
    text = "the u.s. team won . mr. smith said `` great ! '' then left ? yes"
    assert bench.split_ptb(text) == [
        "the u.s. team won .",
        "mr. smith said `` great !",
        "'' then left ?",
        "yes",
    ]


def test_bbc_headline_is_split_off_and_lines_then_full_stops_split() -> None:
    text = "Oil rally\n\nPrices rose. Demand grew!\n\nAnalysts agreed."
    assert bench.split_bbc(text) == (
        "Oil rally",
        ["Prices rose.", "Demand grew!", "Analysts agreed."],
    )


def test_default_data_is_the_shared_dev_files() -> None:
    assert [p.name for p in bench.DEFAULT_DATA] == ["cnndm_dev.jsonl", "bbc_dev.jsonl"]
    assert all(p.resolve().parent.name == "eval" for p in bench.DEFAULT_DATA)
