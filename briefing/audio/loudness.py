"""Integrated loudness (ITU-R BS.1770-4, EBU R 128) of the programme, measured in-process.

Mastering needs the programme's loudness before it can encode. ffmpeg's `ebur128` filter gives
it, but only as a whole extra pass over the audio, and a second pass to learn what the peak
limiter will take away. Here the programme is read once, in blocks: the K-weighting filter is
applied by overlap-save FFT convolution (numpy has no IIR filter; the filter's impulse
response dies out within a few thousand samples), and for every 20 ms frame two numbers are
kept, the K-weighted energy and the sample peak. From those frames the gated integrated
loudness follows for any gain, and so does an estimate of what a look-ahead limiter with a
given ceiling takes away: an hour of programme is 180,000 frames, a few megabytes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ABSOLUTE_GATE_LUFS = -70.0
RELATIVE_GATE_LU = -10.0
FRAMES_PER_SECOND = 150
"""6⅔ ms frames, a whole number of samples at 22.05, 24, 44.1 and 48 kHz; fifteen make
the 100 ms hop of BS.1770's gating blocks, sixty a 400 ms block."""
_FRAMES_PER_HOP = 15
_HOPS_PER_BLOCK = 4
_FIR_TAPS = 2048
"""Samples of the K-weighting impulse response kept; the 38 Hz high-pass has decayed to a
few 10⁻⁴ of its peak by then at 48 kHz (energy error 10⁻⁷) and far lower at 22.05 kHz."""
_FFT_SIZE = 1 << 14
_READ_BYTES = 1 << 20

LIMITER_ATTACK_S = 0.0
LIMITER_RELEASE_S = 0.01
"""The limiter model's look-ahead (at least one frame) and release. Mastering's `alimiter` is
set to 5 ms and 50 ms, but its gain recovers faster than that: these values, fitted against
ffmpeg's own measurement through `alimiter` (espeak-ng and piper speech, gains of 1–8 dB),
bring the estimate within 0.2 LU of it (tests/audio/test_loudness.py)."""


@dataclass(frozen=True)
class LoudnessProfile:
    """Per-frame K-weighted energy and sample peak of a mono programme (full scale = 1.0)."""

    rate: int
    energies: np.ndarray
    """Sum of squared K-weighted samples in each frame (1/150 s)."""
    peaks: np.ndarray
    """Largest absolute sample in each frame."""

    @property
    def duration_s(self) -> float:
        return self.energies.size / FRAMES_PER_SECOND

    @property
    def sample_peak_dbfs(self) -> float:
        peak = float(self.peaks.max()) if self.peaks.size else 0.0
        return 20 * math.log10(peak) if peak > 0 else -math.inf

    def integrated_lufs(self, gain_db: float = 0.0, limit_dbfs: float | None = None) -> float:
        """Gated integrated loudness after a gain and, if `limit_dbfs` is given, a limiter.

        The limiter estimate: each frame whose peak would pass the limit is turned down to
        it, and the turn-down lasts the limiter's look-ahead before and release after. Speech
        loses a few tenths of an LU this way at the usual gains.
        """
        energies = self.energies
        if limit_dbfs is not None and self.peaks.size:
            frames, gains = _limiter_gains(self.peaks, 10 ** ((limit_dbfs - gain_db) / 20))
            if frames.size:
                energies = energies.copy()
                energies[frames] *= gains**2
        return gated_loudness(energies, self.rate, gain_db)

    def gain_for(self, target_lufs: float, limit_dbfs: float, rounds: int = 4) -> float:
        """The gain (dB) that brings the limited programme to `target_lufs`."""
        loudness = self.integrated_lufs()
        if loudness <= ABSOLUTE_GATE_LUFS:
            return 0.0
        gain = target_lufs - loudness
        for _ in range(rounds):  # the limiter takes more as the gain grows: converge on it
            gain += target_lufs - self.integrated_lufs(gain, limit_dbfs)
        return gain


def gated_loudness(frame_energies: np.ndarray, rate: int, gain_db: float = 0.0) -> float:
    """BS.1770-4 integrated loudness of mono frames after `gain_db`: 400 ms blocks every 100 ms,
    an absolute gate at −70 LUFS and a relative one 10 LU below the blocks above it."""
    hops = frame_energies.size // _FRAMES_PER_HOP
    if hops < _HOPS_PER_BLOCK:
        return ABSOLUTE_GATE_LUFS
    hop_energy = frame_energies[: hops * _FRAMES_PER_HOP].reshape(hops, _FRAMES_PER_HOP).sum(1)
    cumulative = np.concatenate(([0.0], np.cumsum(hop_energy)))
    block_energy = cumulative[_HOPS_PER_BLOCK:] - cumulative[:-_HOPS_PER_BLOCK]
    mean_square = block_energy * (10 ** (gain_db / 10) / (rate * 0.4))
    with np.errstate(divide="ignore"):
        block_lufs = -0.691 + 10 * np.log10(mean_square)
    above_absolute = mean_square[block_lufs > ABSOLUTE_GATE_LUFS]
    if above_absolute.size == 0:
        return ABSOLUTE_GATE_LUFS
    relative_gate = -0.691 + 10 * math.log10(float(above_absolute.mean())) + RELATIVE_GATE_LU
    gated = mean_square[(block_lufs > ABSOLUTE_GATE_LUFS) & (block_lufs > relative_gate)]
    if gated.size == 0:
        return ABSOLUTE_GATE_LUFS
    return -0.691 + 10 * math.log10(float(gated.mean()))


def _limiter_gains(peaks: np.ndarray, limit: float) -> tuple[np.ndarray, np.ndarray]:
    """The frames a look-ahead limiter turns down, and their gains (every other frame: 1).

    A peak over the limit needs its frame turned down by 1 − limit/peak; the turn-down starts
    the look-ahead before the peak and decays exponentially over the release after it; where
    several overlap, the deepest wins. Only frames near a peak are touched, so this costs
    memory in proportion to the peaks, not to the programme's length.
    """
    loud = np.flatnonzero(peaks > limit)
    if loud.size == 0:
        return loud, np.zeros(0)
    needed = 1.0 - limit / peaks[loud]
    ahead = max(1, round(LIMITER_ATTACK_S * FRAMES_PER_SECOND))
    release = LIMITER_RELEASE_S * FRAMES_PER_SECOND
    after = math.ceil(release * math.log(1e6))  # until the turn-down is a millionth of itself
    deepest = np.zeros(peaks.size)
    for offset in range(-ahead, after + 1):  # one offset at a time: each frame once per step
        frames = loud + offset
        inside = (frames >= 0) & (frames < peaks.size)
        turn_down = needed[inside] * math.exp(-max(offset, 0) / release)
        deepest[frames[inside]] = np.maximum(deepest[frames[inside]], turn_down)
    touched = np.flatnonzero(deepest)
    return touched, 1.0 - deepest[touched]


class LoudnessMeter:
    """Feed mono 16-bit PCM in pieces of any size; `profile()` gives the frames measured."""

    def __init__(self, rate: int) -> None:
        if rate % FRAMES_PER_SECOND:
            raise ValueError(f"sample rate {rate} is not a whole number of frames (1/150 s)")
        self.rate = rate
        self._frame = rate // FRAMES_PER_SECOND
        self._block = (_FFT_SIZE - _FIR_TAPS + 1) // self._frame * self._frame
        response = np.fft.rfft(k_weighting_response(rate, _FIR_TAPS), _FFT_SIZE)
        self._response = response.astype(np.complex64)  # float32 FFTs: twice as fast, ample
        self._history = np.zeros(_FIR_TAPS - 1, dtype=np.float32)
        self._pending: list[np.ndarray] = []
        self._pending_size = 0
        self._frames = 0
        self._energies = np.zeros(4096)
        self._peaks = np.zeros(4096, dtype=np.float32)

    def add(self, pcm: bytes | bytearray | memoryview | np.ndarray) -> None:
        samples = pcm if isinstance(pcm, np.ndarray) else np.frombuffer(pcm, dtype="<i2")
        if samples.size == 0:
            return
        self._pending.append(samples.astype(np.float32) * np.float32(1 / 32768))
        self._pending_size += samples.size
        if self._pending_size >= self._block:
            joined = np.concatenate(self._pending)
            whole = joined.size // self._block * self._block
            for start in range(0, whole, self._block):
                self._measure(joined[start : start + self._block])
            rest = joined[whole:]
            self._pending = [rest] if rest.size else []
            self._pending_size = rest.size

    def profile(self) -> LoudnessProfile:
        """Everything fed so far (the last part frame is padded with silence)."""
        if self._pending_size:
            rest = np.concatenate(self._pending)
            padded = np.zeros(-(-rest.size // self._frame) * self._frame, dtype=np.float32)
            padded[: rest.size] = rest
            self._measure(padded)
            self._pending, self._pending_size = [], 0
        energies = self._energies[: self._frames].copy()
        peaks = self._peaks[: self._frames].astype(np.float64)
        return LoudnessProfile(self.rate, energies, peaks)

    def _measure(self, block: np.ndarray) -> None:
        """K-weight one block (overlap-save) and keep its frames' energies and peaks."""
        extended = np.concatenate((self._history, block))
        weighted = np.fft.irfft(np.fft.rfft(extended, _FFT_SIZE) * self._response, _FFT_SIZE)
        filtered = weighted[_FIR_TAPS - 1 : _FIR_TAPS - 1 + block.size]
        self._history = extended[-(_FIR_TAPS - 1) :]
        frames = block.size // self._frame
        squares = np.square(filtered).reshape(frames, self._frame)
        if self._frames + frames > self._energies.size:  # grow by doubling: one array, not
            size = max(2 * self._energies.size, self._frames + frames)  # thousands of small ones
            self._energies = np.resize(self._energies, size)
            self._peaks = np.resize(self._peaks, size)
        end = self._frames + frames
        self._energies[self._frames : end] = squares.sum(1, dtype=np.float64)
        self._peaks[self._frames : end] = np.abs(block).reshape(frames, self._frame).max(1)
        self._frames = end


def measure_pcm(pcm: bytes | bytearray | Path, rate: int) -> LoudnessProfile:
    """Profile raw mono s16le PCM, in memory or in a file (read in pieces)."""
    meter = LoudnessMeter(rate)
    for piece in _pieces(pcm):
        meter.add(piece)
    return meter.profile()


def _pieces(pcm: bytes | bytearray | Path) -> Iterator[bytes | memoryview]:
    if not isinstance(pcm, Path):
        view = memoryview(pcm)
        usable = len(view) // 2 * 2
        for start in range(0, usable, _READ_BYTES):
            yield view[start : min(start + _READ_BYTES, usable)]
        return
    with pcm.open("rb") as source:
        carry = b""
        while chunk := source.read(_READ_BYTES):
            chunk = carry + chunk
            usable = len(chunk) // 2 * 2
            carry = chunk[usable:]
            yield chunk[:usable]


def k_weighting_response(rate: int, taps: int) -> np.ndarray:
    """The first `taps` samples of BS.1770's K-weighting filter's impulse response at `rate`.

    The two biquads (a high shelf for the head, the RLB high-pass) use the coefficient
    formulas of libebur128, which ffmpeg's `ebur128` shares, so both measure alike at 22.05
    kHz as at 48 kHz. Found from the filters' frequency response on a fine grid: with no IIR
    filter in numpy, this is cheaper and exact to within the truncation.
    """
    shelf_b, shelf_a = _shelf(rate)
    pass_b, pass_a = _high_pass(rate)
    grid = 1 << max(16, (taps * 8 - 1).bit_length())
    z = np.exp(-1j * np.pi * np.arange(grid // 2 + 1) / (grid // 2))
    response = _biquad(shelf_b, shelf_a, z) * _biquad(pass_b, pass_a, z)
    return np.fft.irfft(response, grid)[:taps]


def _biquad(b: tuple[float, float, float], a: tuple[float, float, float],
            z: np.ndarray) -> np.ndarray:
    response: np.ndarray = (b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z)
    return response


def _shelf(rate: int) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    f0, gain_db, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10 ** (gain_db / 20)
    vb = vh**0.4996667741545416
    a0 = 1 + k / q + k * k
    b = ((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0)
    a = (1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0)
    return b, a


def _high_pass(rate: int) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1 + k / q + k * k
    return (1.0, -2.0, 1.0), (1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0)
