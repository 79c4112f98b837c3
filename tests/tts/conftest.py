"""The natural voice, installed once per test session and lent to each test that asks for it.

Every test has its own BRIEFING_HOME (tests/conftest.py), where the voice is not installed, so
the default preset falls back to espeak-ng. A test that wants Kokoro asks for `kokoro_home`:
its home gets a link to one installation made from the installed model parts at the start of
the session (about a second), never downloaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.tts.kokoro_files import MODEL_NAME, VOICES_NAME


@pytest.fixture(scope="session")
def kokoro_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the installed model and voices, shared by the whole session."""
    from briefing.tts.kokoro_install import install

    home = tmp_path_factory.mktemp("kokoro-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_HOME", str(home))
        return install().folder


@pytest.fixture()
def kokoro_home(kokoro_data: Path, isolated_home: Path) -> Path:
    """The natural voice installed in this test's home (a link to the session's files)."""
    folder = isolated_home / "state" / "voices" / "kokoro"
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.symlink_to(kokoro_data, target_is_directory=True)
    return folder


@pytest.fixture()
def kokoro_copy(kokoro_data: Path, isolated_home: Path) -> Path:
    """The natural voice installed in this test's home as its own files, free to damage."""
    import shutil

    folder = isolated_home / "state" / "voices" / "kokoro"
    folder.mkdir(parents=True)
    for name in (MODEL_NAME, VOICES_NAME):
        shutil.copyfile(kokoro_data / name, folder / name)
    return folder
