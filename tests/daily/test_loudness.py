"""The config's `loudness` reaches the daily episode's mastering, and a change of it remakes
the day's episode (the fingerprint differs), all stopped before any voicing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import briefing.daily.render
from briefing.audio.render import AudioOptions
from briefing.clock import fixed_clock
from briefing.config import DailyConfig, load_config
from briefing.daily import run, run_daily

DATE = dt.date(2026, 11, 25)
TODAY = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)


class _Voicing(Exception):
    """Raised where the episode would be voiced: everything decided, nothing synthesised."""


def _config(tmp_path: Path, voice: str, loudness: str = "") -> DailyConfig:
    news = tmp_path / "news"
    news.mkdir(exist_ok=True)
    sentences = " ".join(
        f"The harbour turbines supplied power to {n} hundred homes, the operator said." for n in
        range(1, 7)
    )
    (news / "turbines.md").write_text(f"# Turbines power the harbour\n\n{sentences}\n", "utf-8")
    path = tmp_path / "config.toml"
    path.write_text(
        f'minutes = 1\nvoice = "{voice}"\noutput = "out"\n{loudness}\n\n'
        f'[[sources]]\nname = "Harbour News"\nfolder = "{news}"\n',
        encoding="utf-8",
    )
    return load_config(path)


def _up_to_voicing(
    config: DailyConfig, monkeypatch: pytest.MonkeyPatch
) -> tuple[str, AudioOptions]:
    """The fingerprint the run computed and the options it would voice and master with."""
    fingerprints: list[str] = []
    options: list[AudioOptions] = []
    real = run._fingerprint

    def fingerprint(*args: Any) -> str:
        fingerprints.append(real(*args))
        return fingerprints[-1]

    def voice_and_assemble(script: object, preset: object, given: AudioOptions, **_: Any) -> None:
        options.append(given)
        raise _Voicing

    monkeypatch.setattr(run, "_fingerprint", fingerprint)
    monkeypatch.setattr(briefing.daily.render, "voice_and_assemble", voice_and_assemble)
    with pytest.raises(_Voicing):
        run_daily(config, date=DATE, clock=fixed_clock(TODAY))
    [made] = fingerprints
    [used] = options
    return made, used


def test_audio_options_carry_the_configured_loudness(tmp_path: Path, fake_voice: str) -> None:
    config = _config(tmp_path, fake_voice, "loudness = -19")
    assert config.loudness == -19.0
    assert run._audio_options(config, DATE, "en").loudness == -19.0
    assert run._audio_options(replace(config, loudness=None), DATE, "en").loudness is None


def test_the_daily_run_masters_at_the_configured_loudness(
    tmp_path: Path, fake_voice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, options = _up_to_voicing(_config(tmp_path, fake_voice, "loudness = -23.5"), monkeypatch)
    assert options.loudness == -23.5
    _, options = _up_to_voicing(_config(tmp_path, fake_voice), monkeypatch)
    assert options.loudness is None  # the mastering norm, as `make` without --loudness


def test_a_changed_loudness_changes_the_fingerprint(
    tmp_path: Path, fake_voice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def made(loudness: str) -> str:
        return _up_to_voicing(_config(tmp_path, fake_voice, loudness), monkeypatch)[0]

    unset, louder, quieter = made(""), made("loudness = -16"), made("loudness = -24")
    assert len({unset, louder, quieter}) == 3
    assert made("loudness = -16.0") == louder  # the same setting: the same episode
    assert made("") == unset
