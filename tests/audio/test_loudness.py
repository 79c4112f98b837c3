"""The in-process loudness meter against ffmpeg's `ebur128`, on real espeak-ng speech and tones."""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import numpy as np
import pytest

from briefing.audio.loudness import LoudnessMeter, gated_loudness, measure_pcm
from briefing.audio.master import _limited, parse_ebur128

TEXT = (
    "The harbour's tidal turbines made more power than planned in their first winter, and "
    "the co-operative that runs them will add five more machines next year. Fishermen say "
    "the catch has not changed. The council will decide on the new cable in March, after a "
    "consultation that drew more than four hundred replies."
)


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 20 s of real espeak-ng speech as raw mono s16le at 22.05 kHz."""
    folder = tmp_path_factory.mktemp("speech")
    wav, raw = folder / "speech.wav", folder / "speech.s16"
    subprocess.run(["espeak-ng", "-w", str(wav), "-s", "165", TEXT], check=True)
    _convert(wav, raw, 22050)
    return raw


def _convert(source: Path, raw: Path, rate: int) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(source), "-f", "s16le", "-ac", "1",
                    "-ar", str(rate), str(raw)], check=True)


def ffmpeg_lufs(raw: Path, rate: int, chain: str = "anull") -> float:
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-f", "s16le", "-ar", str(rate), "-ac", "1",
         "-i", str(raw), "-af", f"{chain},ebur128", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )
    return parse_ebur128(result.stderr).integrated_lufs


@pytest.mark.parametrize("rate", [22050, 44100, 48000])
def test_speech_loudness_matches_ffmpeg_ebur128(speech: Path, tmp_path: Path, rate: int) -> None:
    raw = speech
    if rate != 22050:
        raw = tmp_path / "resampled.s16"
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "s16le", "-ar", "22050", "-ac", "1",
                        "-i", str(speech), "-f", "s16le", "-ar", str(rate), str(raw)], check=True)
    mine = measure_pcm(raw, rate).integrated_lufs()
    assert mine == pytest.approx(ffmpeg_lufs(raw, rate), abs=0.1)
    assert -30 < mine < -10  # speech, not silence or clipping


def test_a_full_scale_1khz_sine_reads_minus_3_lufs() -> None:
    """BS.1770's calibration: a 0 dBFS 997 Hz sine in one channel reads −3.01 LKFS."""
    rate = 48000
    t = np.arange(rate * 5) / rate
    sine = (32767 * np.sin(2 * np.pi * 997 * t)).astype("<i2")
    assert measure_pcm(sine.tobytes(), rate).integrated_lufs() == pytest.approx(-3.01, abs=0.05)
    quieter = (sine * 10 ** (-20 / 20)).astype("<i2")
    assert measure_pcm(quieter.tobytes(), rate).integrated_lufs() == pytest.approx(-23.01, abs=0.05)


def test_pieces_of_any_size_measure_as_one(speech: Path) -> None:
    data = speech.read_bytes()
    whole = measure_pcm(data, 22050)
    meter = LoudnessMeter(22050)
    position, size = 0, 1
    while position < len(data):
        meter.add(data[position : position + size * 2])
        position += size * 2
        size = size * 7 % 40_001 + 1  # sizes from 1 sample to tens of thousands
    pieces = meter.profile()
    assert np.allclose(pieces.energies, whole.energies, rtol=1e-4, atol=1e-9)
    assert np.array_equal(pieces.peaks, whole.peaks)


def test_silence_and_too_short_read_as_the_absolute_gate() -> None:
    assert measure_pcm(bytes(22050 * 2 * 3), 22050).integrated_lufs() == -70.0
    assert gated_loudness(np.ones(10), 22050) == -70.0  # shorter than one 400 ms block
    assert measure_pcm(b"", 22050).integrated_lufs() == -70.0


def test_gain_shifts_loudness_exactly(speech: Path) -> None:
    profile = measure_pcm(speech, 22050)
    assert profile.integrated_lufs(6.0) == pytest.approx(profile.integrated_lufs() + 6.0, abs=1e-6)


@pytest.mark.parametrize("gain_db", [1.0, 4.0, 8.0])
def test_limiter_estimate_is_close_to_what_alimiter_does(speech: Path, gain_db: float) -> None:
    """The estimate of loudness after gain and limiter, against ffmpeg measuring through it."""
    limit = -3.0
    profile = measure_pcm(speech, 22050)
    estimate = profile.integrated_lufs(gain_db, limit)
    measured = ffmpeg_lufs(speech, 22050, _limited(gain_db, limit, 22050))
    assert estimate == pytest.approx(measured, abs=0.25)
    unlimited = profile.integrated_lufs(gain_db)
    assert estimate < unlimited  # the limiter did take something at these gains


def test_gain_for_lands_on_target_through_the_limiter(speech: Path) -> None:
    profile = measure_pcm(speech, 22050)
    gain = profile.gain_for(-16.0, -3.0)
    assert gain > -16.0 - profile.integrated_lufs()  # more than the plain difference
    assert ffmpeg_lufs(speech, 22050, _limited(gain, -3.0, 22050)) == pytest.approx(-16.0, abs=0.3)
    assert math.isfinite(profile.sample_peak_dbfs)


def test_a_rate_that_is_not_whole_frames_is_refused() -> None:
    with pytest.raises(ValueError, match="whole number of frames"):
        LoudnessMeter(11025 + 1)


def test_the_limiter_holds_true_peaks_not_just_samples(tmp_path: Path) -> None:
    """A tone at a quarter of the rate, sampled 45° off its crests: every sample is 3 dB
    below the wave's true peak. A limiter on samples lets that through; this one must not."""
    rate = 24000
    t = np.arange(rate * 3)
    tone = (0.5 * 32767 * np.sin(2 * np.pi * t / 4 + np.pi / 4)).astype("<i2")
    raw = tmp_path / "tone.s16"
    raw.write_bytes(tone.tobytes())
    limit_dbfs = -6.0
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostats", "-f", "s16le", "-ar", str(rate), "-ac", "1",
         "-i", str(raw), "-af", f"{_limited(6.0, limit_dbfs, rate)},ebur128=peak=true",
         "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )
    true_peak = parse_ebur128(result.stderr).true_peak_dbtp
    assert true_peak is not None and true_peak <= limit_dbfs + 0.3, true_peak
