"""Calibrate `briefing.script.timing.estimate_seconds` against real espeak-ng output.

Takes sentences from ../shared/eval/bbc_dev.jsonl, normalises them as the script stage does,
has espeak-ng speak each at several rates (`espeak-ng -v en-gb -s RATE -w out.wav TEXT`),
reads the WAV durations, fits

    seconds = (60 / wpm) * (per_word * words + per_letter * letters
                            + per_pause * pauses + per_stop * stops) + fixed

by least squares on half the sentences and reports the error on the other half.

    .venv/bin/python benchmarks/calibrate_speech_time.py [--sentences 160] [--rates 120,165,220]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import tempfile
import wave
from pathlib import Path

from corpora import EVAL, require

from briefing.script.normalize import normalize
from briefing.script.timing import features
from briefing.summarise.sentences import split_sentences

BBC_DEV = EVAL / "bbc_dev.jsonl"


def sample_sentences(count: int, seed: int = 20261125) -> list[str]:
    sentences: list[str] = []
    for line in BBC_DEV.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)["article"]
        for paragraph in article.split("\n\n")[1:]:  # skip the title line
            sentences.extend(s for s in split_sentences(paragraph) if len(s.split()) >= 4)
    return random.Random(seed).sample(sentences, count)


def espeak_seconds(text: str, rate: int, folder: Path) -> float:
    out = folder / "out.wav"
    subprocess.run(
        ["espeak-ng", "-v", "en-gb", "-s", str(rate), "-w", str(out), text],
        check=True,
        capture_output=True,
    )
    with wave.open(str(out), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def least_squares(rows: list[list[float]], targets: list[float]) -> list[float]:
    """Normal equations, solved by Gaussian elimination (no numpy needed)."""
    n = len(rows[0])
    a = [[sum(r[i] * r[j] for r in rows) for j in range(n)] for i in range(n)]
    b = [sum(r[i] * t for r, t in zip(rows, targets, strict=True)) for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot], b[col], b[pivot] = a[pivot], a[col], b[pivot], b[col]
        for row in range(n):
            if row != col and a[col][col]:
                factor = a[row][col] / a[col][col]
                a[row] = [x - factor * y for x, y in zip(a[row], a[col], strict=True)]
                b[row] -= factor * b[col]
    return [b[i] / a[i][i] for i in range(n)]


def design_row(text: str, rate: int) -> list[float]:
    words, letters, pauses, stops = features(text)
    minute = 60.0 / rate
    return [minute * words, minute * letters, minute * pauses, minute * stops, 1.0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=160)
    parser.add_argument("--rates", default="120,165,220")
    args = parser.parse_args()
    require(BBC_DEV)
    rates = [int(r) for r in args.rates.split(",")]
    spoken = [normalize(s) for s in sample_sentences(args.sentences)]
    samples: list[tuple[str, int, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        for text in spoken:
            for rate in rates:
                samples.append((text, rate, espeak_seconds(text, rate, Path(folder))))
    fit_set = [s for i, s in enumerate(samples) if (i // len(rates)) % 2 == 0]
    test_set = [s for i, s in enumerate(samples) if (i // len(rates)) % 2 == 1]
    coefficients = least_squares(
        [design_row(t, r) for t, r, _ in fit_set], [d for _, _, d in fit_set]
    )
    names = ("PER_WORD", "PER_LETTER", "PER_PAUSE", "PER_STOP", "FIXED_SECONDS")
    for name, value in zip(names, coefficients, strict=True):
        print(f"{name} = {value:.4f}")
    print(f"sentences: {len(spoken)} ({len(spoken) // 2} fit, rest held out); rates: {rates}")
    for label, subset in (("fit", fit_set), ("held-out", test_set)):
        errors = []
        for text, rate, seconds in subset:
            row = design_row(text, rate)
            predicted = sum(c * x for c, x in zip(coefficients, row, strict=True))
            errors.append((predicted - seconds, seconds))
        mae = sum(abs(e) for e, _ in errors) / len(errors)
        mape = 100 * sum(abs(e) / s for e, s in errors) / len(errors)
        print(
            f"{label}: mean absolute error {mae:.2f} s ({mape:.1f}% of duration), "
            f"worst {max(abs(e) for e, _ in errors):.2f} s, n={len(errors)}"
        )
        for rate in rates:
            per_rate = [
                abs(e) / s for (t, r, s0), (e, s) in zip(subset, errors, strict=True) if r == rate
            ]
            print(f"  at {rate} wpm: {100 * sum(per_rate) / len(per_rate):.1f}%")
        total_true = sum(s for _, s in errors)
        total_error = sum(e for e, _ in errors)
        print(f"  summed over all: {100 * total_error / total_true:+.1f}% of total duration")


if __name__ == "__main__":
    main()
