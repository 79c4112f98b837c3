"""Listening per language: each language's voice says a passage of news that Whisper base,
told the language, transcribes back: at most 15% word errors on average over the five
languages (issue 22's bound) and at most 25% in any one.

Each passage (two sentences) goes through the language's normaliser first, as a script's
would, so its numbers and dates are said in that language's words. The voice is the language's
shipped preset (voices/<code>.toml, chosen with benchmarks/languages.py): SVOX Pico de-DE for
German, which Kokoro does not speak, and Kokoro for the others. Whisper base is
tests/recogniser.py, via tests/fixtures/whisper_base.py.

Measured when written: de (Pico) 1 word error in 42 ("Rheins" heard as "Reins"), fr (ff_siwis)
6 in 52 ("deux mille cinq cents logements neufs" heard as "2005-2009"), es (em_alex) 0 in 40,
it (im_nicola) 7 in 47 ("duemilacinquecento" heard as "2005", "approvato martedì" as "provato
parte di"), pt (pf_dora) 3 in 55: a mean of 6.8%. Why not 15% for each language: Whisper base
itself mishears long number words and names whatever the voice, so the best Italian voice sits
near 15% on real news (14.2% for im_nicola, 16.2% for if_sara, benchmarks/languages.py) and a
per-language 15% would fail on a coin's toss. What the per-language bound must catch is speech
not really in the language: espeak-ng's voices score 31-91% on the same real sentences, a
German text read by an English voice far more.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import statistics
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
import recogniser
from dependencies import missing_dependency
from recogniser import (
    MODEL_SHA256,
    PARTS,
    Recogniser,
    RecogniserMissing,
    WordErrors,
    model_folder,
    spoken_words,
    word_errors,
)

from briefing.errors import BriefingError
from briefing.script.normalize import normalize
from briefing.tts import engine_names, get_engine, load_preset, unavailable_reason

pytest_plugins = ["fixtures.kokoro", "fixtures.whisper_base"]

REPO = Path(__file__).resolve().parents[2]
MEAN_BOUND = 0.15
LANGUAGE_BOUND = 0.25
PASSAGES = {
    "de": "Die Stadt Köln hat am 3. Oktober beschlossen, bis 2030 rund 2.500 neue Wohnungen "
          "in der Nähe des Rheins zu bauen. Die Arbeiten beginnen im Frühjahr und kosten rund "
          "1,2 Milliarden Euro, 15 % mehr als im vergangenen Jahr geplant.",
    "fr": "Le conseil municipal de Lyon a approuvé mardi un plan de 2 500 logements neufs près "
          "du Rhône, qui seront livrés avant 2030. Les travaux commenceront au printemps et "
          "coûteront environ 1,2 milliard d'euros, soit 15 % de plus que prévu l'an dernier.",
    "es": "El ayuntamiento de Sevilla aprobó el martes un plan para construir 2.500 viviendas "
          "nuevas junto al río antes de 2030. Las obras empezarán en primavera y costarán unos "
          "1.200 millones de euros, un 15 % más de lo previsto el año pasado.",
    "it": "Il consiglio comunale di Torino ha approvato martedì un piano per costruire 2.500 "
          "nuove case vicino al fiume entro il 2030. I lavori inizieranno in primavera e "
          "costeranno circa 1,2 miliardi di euro, il 15% in più di quanto previsto l'anno scorso.",
    "pt": "A prefeitura de Curitiba aprovou na terça-feira um plano para construir 2.500 casas "
          "novas perto do rio até 2030. As obras começam no segundo semestre e devem custar "
          "cerca de R$ 1,2 bilhão, 15% a mais do que o previsto no ano passado.",
}  # fmt: skip
"""Two sentences of plain news each, with a date, a year, thousands, a decimal and a percent."""



def voice_as_shipped(code: str, text: str, wav: Path, request: pytest.FixtureRequest) -> str:
    """`text` said by the language's shipped preset's own voice (no fallback); its name."""
    preset = load_preset(code)
    if preset.engine not in engine_names():
        missing_dependency(f"{preset.engine} engine not registered")
    if preset.engine == "kokoro":
        try:
            request.getfixturevalue("kokoro_home")
        except (pytest.FixtureLookupError, BriefingError) as error:
            missing_dependency(f"kokoro model not installed ({error})")
    engine = get_engine(preset.engine)
    set_threads = getattr(engine, "set_threads", None)
    if callable(set_threads):
        set_threads(os.cpu_count() or 1)  # one sentence: every core on it
    try:
        reason = unavailable_reason(engine, preset.settings)
        if reason:
            missing_dependency(f"{preset.engine} cannot run here: {reason}")
        engine.synthesize(text, wav, preset.settings)
    finally:
        engine.close()
    return f"{preset.engine} {preset.settings.voice}"


@dataclass(frozen=True)
class Heard:
    voice: str
    said: str
    heard: str
    errors: WordErrors

    def __str__(self) -> str:
        return (f"{self.voice}: {self.errors.errors} word errors in "
                f"{self.errors.reference_words} ({100 * self.errors.wer:.0f}%); said "
                f"{self.said!r}, heard {self.heard!r}")


_HEARD: dict[str, Heard] = {}
"""Each language's passage is voiced and heard once per session, for its test and the mean's."""


def voice_and_hear(
    code: str, recogniser: Recogniser, request: pytest.FixtureRequest, folder: Path
) -> Heard:
    if code not in _HEARD:
        text = normalize(PASSAGES[code], code)
        assert not re.search(r"\d", text), f"the {code} normaliser left a digit: {text!r}"
        wav = folder / f"{code}.wav"
        voice = voice_as_shipped(code, text, wav, request)
        heard = recogniser.transcribe(wav, code)
        _HEARD[code] = Heard(voice, text, heard, word_errors(text, heard, code))
    return _HEARD[code]


@pytest.mark.real
@pytest.mark.parametrize("code", list(PASSAGES))
def test_whisper_base_hears_the_language_voice(
    code: str, whisper_base: Recogniser, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    result = voice_and_hear(code, whisper_base, request, tmp_path)
    assert result.errors.wer <= LANGUAGE_BOUND, (
        f"{code}: above {100 * LANGUAGE_BOUND:.0f}%: {result}"
    )


@pytest.mark.real
def test_the_five_voices_are_heard_at_a_mean_word_error_rate_of_at_most_15_percent(
    whisper_base: Recogniser, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    results = {code: voice_and_hear(code, whisper_base, request, tmp_path) for code in PASSAGES}
    mean = statistics.mean(result.errors.wer for result in results.values())
    assert mean <= MEAN_BOUND, f"mean WER {100 * mean:.1f}%:\n" + "\n".join(
        f"{code} {result}" for code, result in results.items()
    )


@pytest.mark.parametrize(
    ("code", "said", "written"),
    [
        ("de", "zwölf Euro neunundneunzig am dritten Oktober", "12,99 € am 3. Oktober"),
        ("fr", "L'élève a vu deux mille cinq cents personnes", "l’élève a vu 2 500 personnes !"),
        ("es", "¿Cuántos? Mil doscientos, dijo la señora", "¿Cuántos? 1.200, dijo la señora."),
        ("pt", "São Paulo terá dois mil e trinta ônibus", "São Paulo terá 2.030 ônibus."),
    ],
)
def test_one_normal_form_for_script_and_transcript(code: str, said: str, written: str) -> None:
    """What the script says and how Whisper writes it are the same words: numbers in the
    language's words, case and punctuation of any script dropped, accented letters kept."""
    assert spoken_words(said, code) == spoken_words(written, code)
    assert word_errors(said, written, code).errors == 0
    assert any(not word.isascii() for word in spoken_words(said, code))


def test_word_errors_count_what_was_heard_differently() -> None:
    errors = word_errors("le chat dort", "le chien dort bien", "fr")
    assert (errors.substitutions, errors.insertions, errors.reference_words) == (1, 1, 3)
    assert word_errors("élève", "eleve", "fr").errors == 1  # accents are letters, not noise


def test_whisper_base_wheels_are_the_ones_uv_lock_pins() -> None:
    """The model's hash constant was computed from these versions' parts (tests/recogniser.py);
    uv checked each wheel against the lock's sha256 when it installed it."""
    lock = tomllib.loads((REPO / "uv.lock").read_text("utf-8"))
    pinned = {p["name"]: p["version"] for p in lock["package"]}
    for dist, _file in PARTS:
        try:
            installed = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            missing_dependency(f"{dist} is not installed")
        assert installed == pinned[dist], f"{dist} {installed} here, uv.lock pins {pinned[dist]}"


def test_the_model_is_joined_once_and_joined_again_when_damaged(tmp_path: Path) -> None:
    try:
        folder = model_folder(tmp_path)
    except RecogniserMissing as error:
        missing_dependency(str(error))
    model = folder / "model.bin"
    assert folder.name == f"whisper-base-{MODEL_SHA256[:12]}"
    assert sorted(p.name for p in folder.iterdir()) == [
        "config.json", "model.bin", "tokenizer.json", "vocabulary.json"
    ]
    assert [p.name for p in tmp_path.iterdir()] == [folder.name]  # no temporary left behind
    first = model.stat().st_ino
    assert model_folder(tmp_path) == folder and model.stat().st_ino == first  # not rewritten
    with model.open("r+b") as damaged:
        damaged.write(b"\0" * 64)
    assert model_folder(tmp_path) == folder
    assert recogniser._model_ok(folder / "model.bin")


def test_a_missing_wheel_is_one_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recogniser, "PARTS", (("no-such-whisper-part", "data/model.bin.part1"),))
    with pytest.raises(RecogniserMissing) as raised:
        model_folder(tmp_path)
    assert str(raised.value) == (
        "Whisper base is not installed (no no-such-whisper-part); install the dev extra: "
        "./install.sh --dev (Whisper base comes with it)"
    )
    assert list(tmp_path.iterdir()) == []
