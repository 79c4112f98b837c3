"""Voices per language (issue 22): how well Whisper base understands each candidate voice of
German, French, Spanish, Italian and Portuguese, and what each costs, side by side in one run.

For each language, `--sentences` sentences of real news text (../shared/real_pages_multi, the
pages of that language in index order, a few from each; extracted by briefing's own ingest,
split by the summariser's sentence splitter with the language's abbreviations; 8 to 30 words;
a sentence the normaliser leaves a digit in is passed over, as it measures the normaliser, not
the voice) are written for the ear by `briefing.script.normalize.normalize(text, code)`,
then voiced by every candidate engine directly (no cache, no fallback):

- espeak-ng with the language's voice (de, fr-FR, es, it, pt-BR: the pages are Brazilian),
  170 words a minute (`--rate`): the baseline;
- Kokoro with the language's voices (ef_dora, em_alex; ff_siwis; if_sara, im_nicola; pf_dora,
  pm_alex; none for German), 170 words a minute;
- SVOX Pico (py-nanotts: de-DE, fr-FR, es-ES, it-IT; no Portuguese) at its own pace (speed
  1.0), through briefing's `nanotts` engine where there is one, else py_nanotts itself.

Whisper base (tests/recogniser.py) transcribes each sentence in that language; the word error
rate counts both sides in one normal form (numbers in the language's words, case and
punctuation dropped). Columns: WER over all the words; the median of the sentences' WERs;
CER, letter errors with the spaces left out (blind to how German compounds are split); CPU
seconds (this process and the engine's workers and commands, start-up left out by a first
untimed sentence) per second of speech; and both as ratios to espeak-ng in the same run.

    .venv/bin/python benchmarks/languages.py                     # all five, 6 sentences each
    .venv/bin/python benchmarks/languages.py --languages de fr --sentences 10 --show

Writes nothing into the repository: audio goes to a temporary folder, the joined Whisper model
to the user's cache (~/.cache/briefing-dev), the natural voice to a BRIEFING_HOME of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import sys
import tempfile
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))  # corpora
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # recogniser

from corpora import SHARED, require  # noqa: E402
from recogniser import (  # noqa: E402
    NO_ERRORS,
    WordErrors,
    letter_errors,
    load_audio,
    recogniser,
    word_errors,
)

PAGES = SHARED / "real_pages_multi"
LANGUAGES = ("de", "fr", "es", "it", "pt")
RATE = 170
BASELINE = "espeak-ng"
ESPEAK_VOICE = {"de": "de", "fr": "fr-FR", "es": "es", "it": "it", "pt": "pt-BR"}
"""espeak-ng voices by language; "fr-FR", as plain "fr" picks its Belgian voice (roa/fr-BE)."""
KOKORO_VOICES = {
    "de": (), "fr": ("ff_siwis",), "es": ("ef_dora", "em_alex"),
    "it": ("if_sara", "im_nicola"), "pt": ("pf_dora", "pm_alex"),
}  # fmt: skip
PICO_VOICE = {"de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT"}
WORDS = (8, 30)
WARM_UP = {"de": "Guten Morgen.", "fr": "Bonjour.", "es": "Buenos días.", "it": "Buongiorno.",
           "pt": "Bom dia."}


# --- the text ---------------------------------------------------------------------------


def pages(code: str) -> list[Path]:
    index = json.loads((PAGES / "index.json").read_text("utf-8"))
    return [PAGES / entry["file"] for entry in index if entry["lang"] == code]


INGEST_NOTES: set[str] = set()
"""How the text was extracted, when briefing's ingest refused a page as not English."""


def article_text(path: Path) -> str:
    """The page's article text by briefing's ingest; where ingest still refuses pages that are
    not English, by the same extraction with the language check left out."""
    from briefing.errors import InputError
    from briefing.ingest import check_article, load_article

    try:
        return load_article(path).text
    except InputError as error:
        if "English" not in str(error):
            raise
    from briefing.ingest.decode import decode_text
    from briefing.ingest.html import parse_html

    INGEST_NOTES.add("ingest refused non-English pages: extracted by its parse_html and "
                     "check_article(language=False)")
    origin = str(path)
    article = parse_html(decode_text(path.read_bytes(), origin), origin)
    return check_article(article, html=True, language=False).text


def usable(sentence: str, spoken: str) -> bool:
    words = len(sentence.split())
    return (WORDS[0] <= words <= WORDS[1] and sentence[-1:] in ".!?"
            and not re.search(r"https?:|www\.|@|©|\|", sentence)
            and not re.search(r"\d", spoken))


def sentences(code: str, count: int) -> list[str]:
    """`count` sentences written for the ear, taken in turn from the language's pages."""
    from briefing.script.normalize import normalize
    from briefing.summarise.language import get_language
    from briefing.summarise.sentences import split_sentences

    per_page: list[Iterator[str]] = []
    for page in pages(code):
        split = split_sentences(article_text(page), get_language(code))
        spoken = (normalize(s, code) for s in split if usable(s, normalize(s, code)))
        per_page.append(iter(spoken))
    chosen: list[str] = []
    while per_page and len(chosen) < count:
        for source in list(per_page):
            sentence = next(source, None)
            if sentence is None:
                per_page.remove(source)
            elif len(chosen) < count:
                chosen.append(sentence)
    return chosen


# --- the voices -------------------------------------------------------------------------


def cpu_seconds() -> float:
    """CPU time of this process, its ended children and its live ones (the Kokoro worker)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    live = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
            live += times.user + times.system
        except psutil.Error:
            pass
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime + live


@dataclass
class Candidate:
    """One voice of one language: `speak(text, wav)` writes a WAV file."""

    label: str
    speak: Callable[[str, Path], None]
    close: Callable[[], None] = lambda: None


@dataclass
class Result:
    label: str
    errors: WordErrors = NO_ERRORS
    wers: list[float] = field(default_factory=list)
    letter_errors: int = 0
    letters: int = 0
    cpu: float = 0.0
    speech: float = 0.0
    heard: list[str] = field(default_factory=list)

    @property
    def cer(self) -> float:
        return self.letter_errors / max(1, self.letters)

    @property
    def cpu_per_speech(self) -> float:
        return self.cpu / self.speech if self.speech else float("nan")


def engine_candidate(
    label: str, engine_name: str, voice: str | None, language: str, rate: int
) -> Candidate:
    from briefing.tts import VoiceSettings, get_engine, unavailable_reason

    engine = get_engine(engine_name)
    settings = VoiceSettings(voice=voice, rate_wpm=rate, language=language)
    reason = unavailable_reason(engine, settings)
    if reason:
        raise SystemExit(f"benchmarks/languages.py: {label} cannot run here: {reason}")
    set_threads = getattr(engine, "set_threads", None)
    if callable(set_threads):
        set_threads(os.cpu_count() or 1)  # one sentence at a time: every core on it
    return Candidate(label, lambda text, wav: engine.synthesize(text, wav, settings), engine.close)


def pico_candidate(code: str) -> Candidate:
    """SVOX Pico at its own pace (speed 1.0): briefing's nanotts engine if it has one, given
    the voice's own words a minute, else py_nanotts itself."""
    from briefing.tts import engine_names

    voice = PICO_VOICE[code]
    if "nanotts" in engine_names():
        from briefing.tts import nanotts_engine

        rate = getattr(nanotts_engine, "NATURAL_WPM", {}).get(voice, RATE)
        return engine_candidate(f"pico {voice} ({rate} wpm)", "nanotts", voice, voice, rate)
    import py_nanotts

    tts = py_nanotts.NanoTTS()

    def speak(text: str, wav_path: Path) -> None:
        pcm = tts.speak(text, voice=voice)
        with wave.open(str(wav_path), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(16_000)
            wav.writeframes(pcm)

    return Candidate(f"pico {voice} (py_nanotts)", speak)


def candidates(code: str, rate: int) -> list[Callable[[], Candidate]]:
    """The language's candidates, made one at a time (each Kokoro voice its own worker)."""
    espeak = ESPEAK_VOICE[code]
    made: list[Callable[[], Candidate]] = [
        lambda: engine_candidate(f"espeak-ng {espeak}", "espeak-ng", None, espeak, rate),
    ]
    for voice in KOKORO_VOICES[code]:
        made.append(
            lambda voice=voice: engine_candidate(f"kokoro {voice}", "kokoro", voice, code, rate)
        )
    if code in PICO_VOICE:
        made.append(lambda: pico_candidate(code))
    return made


def install_natural_voice(home: Path) -> None:
    os.environ["BRIEFING_HOME"] = str(home)  # the engine's worker inherits it
    from briefing.errors import BriefingError
    from briefing.tts.kokoro_install import install

    try:
        install()
    except BriefingError as error:
        raise SystemExit(f"benchmarks/languages.py: the natural voice: {error}") from None


# --- measuring --------------------------------------------------------------------------


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def measure(candidate: Candidate, code: str, texts: list[str], folder: Path) -> Result:
    result = Result(candidate.label)
    hear = recogniser()
    try:
        candidate.speak(WARM_UP[code], folder / "warm-up.wav")  # start-up left out
        for number, text in enumerate(texts):
            wav = folder / f"{code}-{number}.wav"
            before = cpu_seconds()
            candidate.speak(text, wav)
            result.cpu += cpu_seconds() - before
            result.speech += wav_seconds(wav)
            heard = hear.transcribe(load_audio(wav), code)
            errors = word_errors(text, heard, code)
            result.errors += errors
            result.wers.append(errors.wer)
            wrong, letters = letter_errors(text, heard, code)
            result.letter_errors += wrong
            result.letters += letters
            result.heard.append(heard)
    finally:
        candidate.close()
    return result


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}×" if baseline else "–"


def table(rows: dict[str, list[Result]], counts: dict[str, int]) -> str:
    lines = [
        "| language | engine / voice | sentences (words) | WER | median WER | WER ÷ espeak-ng "
        "| CER | CPU s per s of speech | CPU ÷ espeak-ng |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for code, results in rows.items():
        base = next(r for r in results if r.label.startswith(BASELINE))
        for r in results:
            lines.append(
                f"| {code} | {r.label} | {counts[code]} ({r.errors.reference_words}) "
                f"| {100 * r.errors.wer:.1f}% | {100 * statistics.median(r.wers):.1f}% "
                f"| {ratio(r.errors.wer, base.errors.wer)} | {100 * r.cer:.1f}% "
                f"| {r.cpu_per_speech:.3f} "
                f"| {ratio(r.cpu_per_speech, base.cpu_per_speech)} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languages", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--sentences", type=int, default=6, help="per language (default 6)")
    parser.add_argument("--rate", type=int, default=RATE,
                        help=f"words a minute for espeak-ng and Kokoro (default {RATE})")
    parser.add_argument("--show", action="store_true",
                        help="print each sentence and what Whisper heard, to stderr")
    args = parser.parse_args(argv)
    require(PAGES / "index.json")
    rows: dict[str, list[Result]] = {}
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="briefing-languages-") as temporary:
        folder = Path(temporary)
        if any(KOKORO_VOICES[code] for code in args.languages):
            install_natural_voice(folder / "home")
        recogniser()  # joined and loaded before anything is timed
        for code in args.languages:
            texts = sentences(code, args.sentences)
            counts[code] = len(texts)
            rows[code] = []
            for make in candidates(code, args.rate):
                result = measure(make(), code, texts, folder)
                rows[code].append(result)
                print(f"{code} {result.label}: WER {100 * result.errors.wer:.1f}%, "
                      f"{result.cpu_per_speech:.3f} CPU s/s", file=sys.stderr, flush=True)
                if args.show:
                    for text, heard, wer in zip(texts, result.heard, result.wers, strict=True):
                        print(f"  {100 * wer:5.1f}%  said: {text}\n         heard: {heard}",
                              file=sys.stderr)
    print(table(rows, counts))
    print()
    print(f"Whisper base (int8, CPU) in the language given; {args.sentences} sentences per "
          f"language from ../shared/real_pages_multi; espeak-ng and Kokoro at {args.rate} "
          "wpm, SVOX Pico at its own pace. CER: letter errors with spaces left out, blind to "
          "how compounds are split.")
    for note in sorted(INGEST_NOTES):
        print(f"Note: {note}.")


if __name__ == "__main__":
    main()
