"""Loudness for podcasts: one linear gain for the whole episode, peaks held by a limiter.

Seen with ffmpeg 5.1: a single-pass `loudnorm` resamples to 192 kHz and misses the target, and
a two-pass `loudnorm` alone falls back to its dynamic mode when the true-peak limit binds; at
192 kHz it also took most of a briefing's run time. So: measure the programme in-process
(`briefing.audio.loudness`: BS.1770 gating, plus an estimate of what the limiter takes), then
one ffmpeg pass applies the gain and a look-ahead limiter (`alimiter`) and encodes. The
limiter runs at four times the programme's rate, so the peaks it holds are the true
(inter-sample) peaks, a little below the ceiling to leave room for the lossy encoder. The
output sample rate is always set explicitly. Nothing is written but the final file.

Why −18 LUFS for stereo and −21 LUFS for mono (the same perceived level: ffmpeg spreads mono
at −3 dB a side), the AES's recommendation for podcasts (TD1008, 2021), rather than the louder
−16 / −19 also quoted: speech's loudest moments sit 18–20 dB above its integrated loudness
(espeak-ng and Kokoro alike), so with a −1.5 dBTP ceiling every dB past about −21 LUFS is
taken off the peaks by the limiter. On whole Kokoro episodes of BBC news (15 stories in three
episodes, `benchmarks/voice_quality.py`'s scoring), DNSMOS OVRL averaged 3.43 at −21 LUFS,
3.40 at −20 and 3.38 at −19 with the old sample-peak limiter; 3.46 unlimited.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.audio.loudness import LoudnessProfile, measure_pcm
from briefing.audio.parallel_mp3 import Cut, concat_list, encode_parts, part_count, plan_cuts
from briefing.errors import AudioError

MONO_LUFS = -21.0
STEREO_LUFS = -18.0
TRUE_PEAK_DBTP = -1.5
ENCODE_HEADROOM_DB = 1.0
"""Lossy encoders overshoot the true peak of their input; master this much below the limit."""
LIMITER_OVERSAMPLING = 4
"""The limiter works on the programme resampled to this many times its rate, where sample
peaks are within about 0.2 dB of the true peaks (BS.1770's own true-peak meter oversamples
4×). Limiting at the programme's rate let a Kokoro episode reach −1.2 dBTP through a −3 dBFS
sample limit."""
CODEC_LOUDNESS_LOSS_LU = {"libmp3lame": 0.4}
"""Measured here (espeak-ng speech, ffmpeg 5.1, 64 kbps mono): an MP3 reads 0.4–0.5 LU quieter
than the PCM it was made from; AAC and Opus within 0.1–0.3 LU. The gain makes up for it."""
SILENT_LUFS = -70.0
BED_BELOW_SPEECH_LU = 15.0
"""The music bed's level in pauses, below the speech."""
DUCK_DEPTH_DB = 10.0
"""How much further the bed drops while someone speaks."""
BED_FADE_IN_S = 2.0
BED_FADE_OUT_S = 3.0

_METER = "ebur128=framelog=verbose"
_NULL = ("-f", "null", "-")


@dataclass(frozen=True)
class LoudnessTarget:
    """Integrated loudness and true-peak ceiling of the finished file."""

    integrated_lufs: float
    true_peak_dbtp: float = TRUE_PEAK_DBTP

    @classmethod
    def for_channels(cls, channels: int) -> LoudnessTarget:
        """−18 LUFS for stereo, −21 LUFS for mono (the same perceived level); see the
        module's docstring for why not louder."""
        return cls(STEREO_LUFS if channels >= 2 else MONO_LUFS)


def mastering_settings() -> dict[str, float]:
    """The numbers mastering works to, for cache keys: change one, and no finished episode
    mastered to the old ones is reused."""
    return {"mono_lufs": MONO_LUFS, "stereo_lufs": STEREO_LUFS, "true_peak_dbtp": TRUE_PEAK_DBTP,
            "headroom_db": ENCODE_HEADROOM_DB, "oversampling": LIMITER_OVERSAMPLING}


@dataclass(frozen=True)
class Measurement:
    """What ffmpeg's `ebur128` filter reports for a whole stream (EBU R 128 / ITU BS.1770)."""

    integrated_lufs: float
    loudness_range_lu: float
    threshold_lufs: float
    true_peak_dbtp: float | None = None


@dataclass(frozen=True)
class MasterResult:
    """How the episode was mastered (for reports and benchmarks)."""

    input_lufs: float
    gain_db: float
    limit_dbfs: float
    normalization: str
    """"linear" (one gain for the whole episode, peaks held by the limiter) or "none" (silence)."""
    parts: int = 1
    """How many parts were encoded at once (`briefing.audio.parallel_mp3`)."""


@dataclass(frozen=True)
class MasterJob:
    """One programme to master and encode: raw mono 16-bit PCM plus how to write it."""

    pcm: bytes | bytearray | Path
    """The samples, or a file of them (read by ffmpeg itself, so they need not be in memory)."""
    frame_rate: int
    channels: int
    codec_arguments: Sequence[str]
    """ffmpeg output options for the audio: codec, rate, channels, bitrate, muxer."""
    maps: Sequence[str] = ()
    """ffmpeg options that map the extra inputs (metadata, chapters, cover) into the output."""
    extra_inputs: Sequence[str] = ()
    """ffmpeg input options after the programme and the music (metadata, cover)."""
    music: Path | None = None
    loudness_lufs: float | None = None
    """Integrated loudness to master to; None: the podcast norm for `channels`."""

    @property
    def output_arguments(self) -> list[str]:
        return [*self.maps, *self.codec_arguments]

    @property
    def duration_s(self) -> float:
        size = self.pcm.stat().st_size if isinstance(self.pcm, Path) else len(self.pcm)
        return size / 2 / self.frame_rate


@dataclass(frozen=True)
class _Bed:
    """How the music bed is levelled and ducked, worked out from the speech and the music."""

    gain_db: float
    threshold: float
    ratio: float


def master_to_file(job: MasterJob, ffmpeg: str, out_path: Path) -> MasterResult:
    """Master `job` to its loudness target and encode it into `out_path` with ffmpeg.

    The programme's loudness, and what the limiter will take from it, are measured in-process
    (`briefing.audio.loudness`), so speech alone takes one ffmpeg pass: gain, limiter, encode.
    With a music bed the mix is measured by ffmpeg through the gain and limiter first, since
    the ducked bed is ffmpeg's own work.
    """
    target = (LoudnessTarget(job.loudness_lufs) if job.loudness_lufs is not None
              else LoudnessTarget.for_channels(job.channels))
    limit = target.true_peak_dbtp - ENCODE_HEADROOM_DB
    profile = measure_pcm(job.pcm, job.frame_rate)
    speech_lufs = profile.integrated_lufs()
    bed = _bed(job, ffmpeg, speech_lufs)
    final = [*job.output_arguments, "-y", str(out_path)]
    if speech_lufs <= SILENT_LUFS:
        _run(job, ffmpeg, _graph(job, "anull", bed), final, final_pass=True)
        return MasterResult(speech_lufs, 0.0, 0.0, "none")
    if bed is None:
        gain = profile.gain_for(target.integrated_lufs, limit - _upmix_db(job.channels))
    else:
        gain = target.integrated_lufs - speech_lufs
        graph = _graph(job, f"{_limited(gain, limit, job.frame_rate)},{_METER}", bed)
        mixed = parse_ebur128(_run(job, ffmpeg, graph, _NULL))
        # The limiter lowers the loudness a little; drive it that much harder. The
        # second-order change (a little more limiting) is well inside ±1 LU.
        gain += target.integrated_lufs - mixed.integrated_lufs
    gain += _codec_loss(job.output_arguments)
    chain = _limited(gain, limit, job.frame_rate)
    cuts = _cuts(job, profile, gain) if bed is None else []
    if cuts:
        _encode_in_parts(job, ffmpeg, chain, cuts, out_path)
    else:
        _run(job, ffmpeg, _graph(job, chain, bed), final, final_pass=True)
    return MasterResult(speech_lufs, gain, limit, "linear", len(cuts) + 1)


def _upmix_db(channels: int) -> float:
    """What the programme's mono peaks become in each output channel: ffmpeg spreads mono to
    stereo at −3 dB a side (the loudness, summed over both, stays the same)."""
    return -3.0103 if channels >= 2 else 0.0


def _cuts(job: MasterJob, profile: LoudnessProfile, gain_db: float) -> list[Cut]:
    """Where to cut an MP3 encode into parts for the cores (none for other formats)."""
    arguments = list(job.codec_arguments)
    if _codec(arguments) != "libmp3lame" or "-ar" not in arguments[:-1]:
        return []
    output_rate = int(arguments[arguments.index("-ar") + 1])
    parts = part_count(profile.duration_s)
    return plan_cuts(profile, gain_db, parts, output_rate)


def _encode_in_parts(
    job: MasterJob, ffmpeg: str, chain: str, cuts: Sequence[Cut], out_path: Path
) -> None:
    """Encode the parts at once, then copy their frames into `out_path` with the tags."""
    with tempfile.TemporaryDirectory(prefix="briefing-parts-") as folder:

        def encode_part(trim: str, path: Path) -> None:
            # Trimmed after the chain, so the limiter runs exactly as in a single encode.
            graph = _graph(job, f"{chain},{trim}", None)
            _run(job, ffmpeg, graph, [*job.codec_arguments, "-map_metadata", "-1", "-y",
                                      str(path)])

        paths = encode_parts(encode_part, cuts, Path(folder))
        listing = concat_list(paths, Path(folder))
        command = [ffmpeg, "-hide_banner", "-nostats", "-f", "concat", "-safe", "0",
                   "-i", str(listing), *job.extra_inputs, "-map", "0:a", *job.maps,
                   "-c:a", "copy", *_container_arguments(job.codec_arguments),
                   "-y", str(out_path)]
        _check(subprocess.run(command, capture_output=True, stdin=subprocess.DEVNULL,
                              check=False))


def _container_arguments(codec_arguments: Sequence[str]) -> list[str]:
    """The muxer options of an encode, without the codec's own (rate, bitrate, codec)."""
    arguments = list(codec_arguments)
    kept: list[str] = []
    for flag, value in zip(arguments[::2], arguments[1::2], strict=False):
        if flag in ("-id3v2_version", "-write_xing", "-f"):
            kept += [flag, value]
    return kept


def _codec(arguments: Sequence[str]) -> str | None:
    arguments = list(arguments)
    for flag in ("-c:a", "-acodec", "-codec:a"):
        if flag in arguments[:-1]:
            return arguments[arguments.index(flag) + 1]
    return None


def _codec_loss(output_arguments: Sequence[str]) -> float:
    codec = _codec(output_arguments)
    return CODEC_LOUDNESS_LOSS_LU.get(codec, 0.0) if codec else 0.0


def parse_ebur128(stderr: str) -> Measurement:
    """Read the summary ffmpeg's ebur128 filter prints at the end of a stream."""
    summary = stderr[stderr.rfind("Summary:") :]
    patterns = {
        "i": r"I:\s+(-?[\d.]+|-inf) LUFS",
        "threshold": r"I:[^\n]*\n\s*Threshold:\s+(-?[\d.]+|-inf) LUFS",
        "lra": r"LRA:\s+(-?[\d.]+) LU",
        "peak": r"Peak:\s+(-?[\d.]+|-inf) dBFS",
    }
    found = {key: re.search(pattern, summary) for key, pattern in patterns.items()}
    if "Summary:" not in stderr or not (found["i"] and found["lra"] and found["threshold"]):
        raise AudioError(f"ffmpeg's loudness meter gave no summary: {_last_line(stderr)}")

    def number(match: re.Match[str] | None) -> float:
        assert match is not None
        return SILENT_LUFS if match.group(1) == "-inf" else float(match.group(1))

    return Measurement(
        integrated_lufs=number(found["i"]),
        loudness_range_lu=number(found["lra"]),
        threshold_lufs=number(found["threshold"]),
        true_peak_dbtp=number(found["peak"]) if found["peak"] else None,
    )


def measure_file(path: Path, ffmpeg: str, seconds: float = 60.0) -> Measurement:
    """Loudness of (the first `seconds` of) an audio file, e.g. a music bed."""
    result = subprocess.run(
        [ffmpeg, "-hide_banner", "-nostats", "-t", str(seconds), "-i", str(path), "-af",
         _METER, "-f", "null", "-"],
        capture_output=True, text=True, errors="replace", check=False,
    )
    if result.returncode != 0:
        raise AudioError(f"ffmpeg cannot read {path}: {_last_line(result.stderr)}")
    return parse_ebur128(result.stderr)


def _bed(job: MasterJob, ffmpeg: str, speech_lufs: float) -> _Bed | None:
    if job.music is None:
        return None
    music = measure_file(job.music, ffmpeg)
    if music.integrated_lufs <= SILENT_LUFS:
        raise AudioError(f"{job.music}: the music file is silent; choose another with --music.")
    return _Bed(
        gain_db=speech_lufs - BED_BELOW_SPEECH_LU - music.integrated_lufs,
        # Speech within 12 dB of its own loudness pushes the bed down by about DUCK_DEPTH_DB.
        threshold=min(1.0, 10 ** ((speech_lufs - 12.0) / 20)),
        ratio=12.0 / max(0.1, 12.0 - DUCK_DEPTH_DB),
    )


def _limited(gain_db: float, limit_dbfs: float, rate: int) -> str:
    """Gain, then a true-peak limiter: `alimiter` at `LIMITER_OVERSAMPLING` × `rate`, and back
    to `rate`, so cuts counted in the programme's samples still hold after it."""
    limit = min(1.0, max(0.0625, 10 ** (limit_dbfs / 20)))
    return (
        f"volume={gain_db:.3f}dB,aresample={rate * LIMITER_OVERSAMPLING},"
        f"alimiter=limit={limit:.5f}:level=0:latency=1:attack=5:release=50,"
        f"aresample={rate}"
    )


def _graph(job: MasterJob, chain: str, bed: _Bed | None) -> str:
    """The filter graph: programme (plus a ducked music bed) → `chain` → [out]."""
    layout = "mono" if job.channels == 1 else "stereo"
    if bed is None:
        return f"[0:a]aformat=channel_layouts={layout},{chain}[out]"
    fade_out = max(0.0, job.duration_s - BED_FADE_OUT_S)
    return (
        f"[0:a]asplit=2[voice][key];"
        f"[1:a]aresample={job.frame_rate},aformat=channel_layouts=mono,"
        f"volume={bed.gain_db:.2f}dB,"
        f"afade=t=in:d={BED_FADE_IN_S},afade=t=out:st={fade_out:.3f}:d={BED_FADE_OUT_S}[bed];"
        f"[bed][key]sidechaincompress=threshold={bed.threshold:.5f}:ratio={bed.ratio:.2f}"
        f":attack=30:release=400[ducked];"
        f"[voice][ducked]amix=inputs=2:duration=first:normalize=0,"
        f"aformat=channel_layouts={layout},{chain}[out]"
    )


def _run(
    job: MasterJob,
    ffmpeg: str,
    graph: str,
    outputs: Sequence[str],
    final_pass: bool = False,
) -> str:
    """Run ffmpeg over the programme (fed on stdin); return its stderr."""
    from_file = isinstance(job.pcm, Path)
    command = [
        ffmpeg, "-hide_banner", "-nostats", "-f", "s16le", "-ar", str(job.frame_rate),
        "-ac", "1", "-i", str(job.pcm) if from_file else "pipe:0",
    ]
    if job.music is not None:
        command += ["-stream_loop", "-1", "-i", str(job.music)]
    if final_pass:
        command += list(job.extra_inputs)
    command += ["-filter_complex", graph, "-map", "[out]", *outputs]
    stdin = None if isinstance(job.pcm, Path) else job.pcm
    result = subprocess.run(
        command, input=stdin, stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True, check=False,
    )
    return _check(result)


def _check(result: subprocess.CompletedProcess[bytes]) -> str:
    """ffmpeg's stderr, or an AudioError saying what went wrong."""
    stderr = result.stderr.decode("utf-8", errors="replace")
    failed_write = _DISK_FULL.search(stderr) or _WRITE_FAILED.search(stderr)
    if failed_write:  # ffmpeg exits 0 when the disk fills while it writes the trailer
        raise AudioError(
            f"ffmpeg could not finish writing the audio ({failed_write.group(0)}); "
            "free some space and run again."
        )
    if result.returncode != 0:
        raise AudioError(f"ffmpeg failed while mastering the audio: {_last_line(stderr)}")
    return stderr


_DISK_FULL = re.compile(r"No space left on device|Disk quota exceeded|File too large")
_WRITE_FAILED = re.compile(r"Error writing trailer|Error closing file")


def _last_line(stderr: str) -> str:
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no detail"
