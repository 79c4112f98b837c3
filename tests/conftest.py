"""Shared fixtures: an isolated user folder, a fake TTS engine for logic tests, audio probes,
and the corpora in ../shared (`shared`, `seed_article`), skipped where a clone has none."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

import pytest
from shared_corpus import SEED, Shared, shared_path

from briefing.tts import EngineVoice, VoiceSettings, register_engine
from briefing.tts.verify import expected_seconds

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_ARTICLE = REPO / "examples" / "harbour-tidal-turbines.md"


class FakeEngine:
    """Writes a tone as long as the words would take to say: fast, deterministic, no speech."""

    name = "fake"
    calls: list[str] = []

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        FakeEngine.calls.append(text)
        write_tone(out_path, expected_seconds(text, settings.rate_wpm))

    def list_voices(self) -> list[EngineVoice]:
        return [EngineVoice("fake-voice", "Fake voice", ("en",))]

    def close(self) -> None:
        pass


def write_tone(path: Path, seconds: float, rate: int = 22050, lead_silence_s: float = 0.2) -> None:
    """A 220 Hz tone with silence before and after, like a TTS segment."""
    silence = [0] * int(rate * lead_silence_s)
    tone = [int(8000 * math.sin(2 * math.pi * 220 * i / rate)) for i in range(int(rate * seconds))]
    samples = silence + tone + silence
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(struct.pack(f"<{len(samples)}h", *samples))


class StartingFakeEngine(FakeEngine):
    """The fake engine with a worker to start early; it logs what happens to each instance."""

    name = "starting-fake"
    log: list[tuple[str, int]] = []
    threads: dict[int, int] = {}

    def start(self) -> None:
        StartingFakeEngine.log.append(("start", id(self)))

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        StartingFakeEngine.log.append(("synthesize", id(self)))
        super().synthesize(text, out_path, settings)

    def set_threads(self, threads: int) -> None:
        StartingFakeEngine.threads[id(self)] = threads

    def close(self) -> None:
        StartingFakeEngine.log.append(("close", id(self)))

    @classmethod
    def instances(cls, event: str) -> set[int]:
        """The engines (by id) that saw `event`: start, synthesize or close."""
        return {engine for name, engine in cls.log if name == event}


register_engine("fake", FakeEngine)
register_engine("starting-fake", StartingFakeEngine)


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the user's config, cache and state at a fresh folder for every test."""
    home = tmp_path_factory.mktemp("briefing-home")
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def shared() -> Shared:
    """`shared("eval/bbc_dev.jsonl")`: a path in ../shared, the corpora beside the repository.

    Where they are absent (a clone on its own) the test is skipped, naming the missing folder;
    in CI (CI=true) or with BRIEFING_REQUIRE_SHARED=1 it fails instead (tests/shared_corpus.py).
    """
    return shared_path


@pytest.fixture()
def seed_article(shared: Shared) -> Path:
    """The news article this product was first made for (../shared/seeds)."""
    return shared(SEED)


@pytest.fixture()
def starting_voice(tmp_path: Path) -> str:
    """A voice preset file that uses the fake engine with a worker to start early."""
    preset = tmp_path / "starting-voice.toml"
    preset.write_text('name = "starting"\nengine = "starting-fake"\nrate = 180\n', "utf-8")
    engine = registered_starting_engine()
    engine.log.clear()
    engine.threads.clear()
    return str(preset)


def registered_starting_engine() -> type[StartingFakeEngine]:
    """The class the registry makes: conftest is imported twice (as a plugin and a module)."""
    from briefing.tts import get_engine

    return type(get_engine("starting-fake"))  # type: ignore[return-value]


@pytest.fixture()
def fake_voice(tmp_path: Path) -> str:
    """A voice preset file that uses the fake engine."""
    preset = tmp_path / "fake-voice.toml"
    preset.write_text('name = "fake"\nengine = "fake"\nrate = 180\n', encoding="utf-8")
    FakeEngine.calls.clear()
    return str(preset)
