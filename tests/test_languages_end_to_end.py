"""Briefings in the listener's language, end to end (issue 22's "done when"): per language, a
real news page (../shared/real_pages_multi) goes through the real CLI, `briefing script PAGE
--lang CODE` and `briefing make PAGE --lang CODE`, each in a process of its own, and

- the script has no digit (numbers, dates and money said in the language's words);
- Whisper base, told the language, transcribes the MP3 back: the mean word error rate of the
  five languages against their scripts is at most 15% (the issue's bound), and no language is
  above 25% (tests/recogniser.py: both sides in one normal form).

Why two bounds: Whisper base mishears names and compounds whatever the voice (German:
"Rüstungskonzern Rheinmetall" heard as one word, "Mittwoch" as "mit woch"; French: "Ciaran"
as "s'y arrant"), so a single page of a good voice can land a little above 15% (measured at
commit time: de 21%, fr 16%). What the per-language bound must catch is a briefing that is not
really in the language: espeak-ng's voices scored 31–91% on real sentences
(benchmarks/languages.py), a story left out or an English voice far more; 25% is clear of all
of those.

The MP3 is heard cue by cue of the WebVTT transcript `make` writes beside it, cut in the middle
of the pauses between cues: on a whole episode Whisper's long-form seeking can skip speech after
a pause (benchmarks/listening.py's `transcribe_spans`, for English).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from dependencies import missing_dependency
from recogniser import SAMPLE_RATE, Recogniser, WordErrors, load_audio, word_errors
from shared_corpus import Shared

from briefing.errors import BriefingError

pytest_plugins = ["fixtures.kokoro", "fixtures.whisper_base"]

PAGES = {
    "de": "tagesschau.de.rheinmetall.html",
    "fr": "20minutes.fr-Ciaran.html",
    "es": "elpais.com.ciencia.html",
    "it": "lastampa.it.temperature.html",
    "pt": "correiobraziliense.com.br-poderes.html",
}
"""One page per language: a plain news story from a different outlet in each."""
DATE = "2026-11-25"
MEAN_BOUND = 0.15
LANGUAGE_BOUND = 0.25
TIMEOUT_S = 900
"""A guard against a hung process only; nothing here is timed."""
_CUE = re.compile(r"(\d+):(\d\d):(\d\d)\.(\d{3}) --> (\d+):(\d\d):(\d\d)\.(\d{3})")


def briefing(*args: str) -> subprocess.CompletedProcess[str]:
    """The real CLI in a process of its own, in this test's BRIEFING_HOME (tests/conftest.py)."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args], capture_output=True, text=True,
        env=dict(os.environ), timeout=TIMEOUT_S, check=False,
    )


def natural_voice_installed(request: pytest.FixtureRequest) -> None:
    """Kokoro in this test's home (tests/fixtures/kokoro.py): the French, Spanish, Italian and
    Portuguese voices; a test without it fails, naming the install step."""
    try:
        request.getfixturevalue("kokoro_home")
    except BriefingError as error:
        missing_dependency(f"the natural voice is not installed ({error})")


def cue_spans(vtt: Path) -> list[tuple[float, float]]:
    """(start, end) seconds of each cue of a WebVTT file, in order."""
    spans = []
    for match in _CUE.finditer(vtt.read_text("utf-8")):
        h1, m1, s1, ms1, h2, m2, s2, ms2 = map(int, match.groups())
        spans.append((h1 * 3600 + m1 * 60 + s1 + ms1 / 1000, h2 * 3600 + m2 * 60 + s2 + ms2 / 1000))
    return spans


def hear(recogniser: Recogniser, samples: np.ndarray, spans: list[tuple[float, float]],
         language: str) -> str:
    """What Whisper hears, one cue at a time (from the middle of the pause before it to the
    middle of the pause after); the whole file at once if there are no cues."""
    cuts = [0.0]
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        cuts.append((end + start) / 2)
    cuts.append(len(samples) / SAMPLE_RATE)
    parts = [
        recogniser.transcribe(samples[int(a * SAMPLE_RATE) : int(b * SAMPLE_RATE)], language)
        for a, b in zip(cuts, cuts[1:], strict=False)
        if b > a
    ]
    return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class Heard:
    """One language's briefing, made and heard back."""

    script: str
    heard: str
    errors: WordErrors
    notes: str
    """What `make` said on stderr (a voice that fell back, a story left out)."""


_HEARD: dict[str, Heard] = {}
"""Each language's briefing is made once per session, for its own test and the mean's."""


def make_and_hear(code: str, page: Path, recogniser: Recogniser, folder: Path) -> Heard:
    if code in _HEARD:
        return _HEARD[code]
    written = briefing("script", str(page), "--lang", code, "--date", DATE)
    assert written.returncode == 0, written.stderr
    script = written.stdout.strip()
    assert script, f"{page.name}: empty script"
    assert not re.search(r"\d", script), f"{code}: digits left in the script: {script!r}"

    out = folder / f"{code}.mp3"
    made = briefing("make", str(page), "--lang", code, "--date", DATE, "-o", str(out))
    assert made.returncode == 0, made.stderr
    vtt = out.with_suffix(".vtt")
    spans = cue_spans(vtt) if vtt.is_file() else []
    heard = hear(recogniser, load_audio(out), spans, code)
    _HEARD[code] = Heard(script, heard, word_errors(script, heard, code), made.stderr.strip())
    return _HEARD[code]


def described(code: str, result: Heard) -> str:
    errors = result.errors
    return (f"{code} ({PAGES[code]}): {errors.errors} word errors in {errors.reference_words} "
            f"({100 * errors.wer:.0f}%); make said {result.notes!r}; script "
            f"{result.script!r}; heard {result.heard!r}")


@pytest.mark.real
@pytest.mark.parametrize("code", list(PAGES))
def test_a_real_page_becomes_a_briefing_heard_in_its_language(
    code: str, shared: Shared, whisper_base: Recogniser, request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    page = shared(f"real_pages_multi/{PAGES[code]}")
    natural_voice_installed(request)
    result = make_and_hear(code, page, whisper_base, tmp_path)
    assert result.errors.wer <= LANGUAGE_BOUND, (
        f"above {100 * LANGUAGE_BOUND:.0f}%: " + described(code, result)
    )


@pytest.mark.real
def test_the_five_languages_are_heard_at_a_mean_word_error_rate_of_at_most_15_percent(
    shared: Shared, whisper_base: Recogniser, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    natural_voice_installed(request)
    results = {
        code: make_and_hear(code, shared(f"real_pages_multi/{page}"), whisper_base, tmp_path)
        for code, page in PAGES.items()
    }
    mean = statistics.mean(result.errors.wer for result in results.values())
    assert mean <= MEAN_BOUND, f"mean WER {100 * mean:.1f}%: " + "; ".join(
        f"{code} {100 * result.errors.wer:.0f}%" for code, result in results.items()
    ) + "\n" + "\n".join(described(code, result) for code, result in results.items())
