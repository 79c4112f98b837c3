"""Public names resolve however they are imported, and the light import paths stay light."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "package", ["briefing", "briefing.tts", "briefing.audio", "briefing.summarise"]
)
def test_every_public_name_resolves(package: str) -> None:
    module = importlib.import_module(package)
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert missing == []


def test_built_in_engines_are_registered_before_their_modules_load() -> None:
    from briefing.tts import engine_names, get_engine

    assert {"pyttsx3", "espeak-ng", "piper"} <= set(engine_names())
    assert type(get_engine("espeak-ng")).__name__ == "EspeakNgEngine"


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_an_engine_worker_imports_its_engine_and_little_else() -> None:
    """A spawned pyttsx3 worker imports this module first: every module here is its start-up."""
    loaded = _loaded_after("import briefing.tts.pyttsx3_engine")
    heavy = {
        "briefing.models", "briefing.pipeline", "briefing.tts.voicing", "briefing.tts.cache",
        "briefing.tts.espeak_engine", "briefing.tts.piper_engine", "briefing.tts.presets",
        "ctypes", "numpy", "pyttsx3",
    }  # fmt: skip
    assert loaded & heavy == set()


def test_version_loads_no_pipeline() -> None:
    loaded = _loaded_after("import briefing.cli")
    assert {"briefing.pipeline", "briefing.models", "numpy"} & loaded == set()


def test_audio_names_are_functions_even_after_their_modules_load() -> None:
    """A lazy name that was also a submodule's would turn into the module once it loaded."""
    import briefing.audio.render  # noqa: F401 - loads every audio submodule
    from briefing.audio import assemble

    assert callable(assemble)


def test_episode_cache_check_loads_no_audio_stack() -> None:
    loaded = _loaded_after("from briefing.audio.render_cache import EpisodeCache")
    assert {"numpy", "pydub", "PIL", "briefing.audio.render"} & loaded == set()
