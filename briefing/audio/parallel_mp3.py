"""Encode an MP3 on every core: cut the programme in pauses, encode the parts at once, and join
their frames without re-encoding.

LAME is single-threaded, and the encode is most of a briefing's audio time (11 minutes of
speech: 5.5 s of about 7). MP3 frames can follow one another from different encodes (each part
begins with an empty bit reservoir), but a join is not seamless by itself: a part's stream ends
with up to a frame of padding, and the next begins with LAME's encoder delay, which the decoder's
own delay makes 1105 samples in all. So each cut is placed in a pause, at a sample that
leaves the first part's padding known (half a frame), and the next part resumes exactly that
much later: every sample after the cut plays when it would have in one encode, so chapters and
subtitles stay true, and what is dropped is silence. ffmpeg's concat demuxer then copies the
frames into one file with a single Xing/LAME header (frame count, seek table, gapless delay and
padding), tags and cover.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from briefing.audio.loudness import FRAMES_PER_SECOND, LoudnessProfile

MP3_FRAME_SAMPLES = 1152
"""Samples per MPEG-1 Layer III frame (the 32, 44.1 and 48 kHz rates)."""
CODEC_DELAY_SAMPLES = 1105
"""LAME's encoder delay (576) plus the decoder's (529): where a stream's first sample plays."""
JOIN_PADDING_SAMPLES = 576
"""The end padding planned for each part but the last. LAME pads a stream to whole frames but
adds a whole extra frame when that padding would be under 48 samples (seen with LAME 3.100);
half a frame keeps well clear of that rule, so the padding is known exactly."""
MIN_PART_S = 15.0
"""Parts shorter than this are not worth an extra ffmpeg process."""
SILENCE_DBFS = -60.0
"""A cut needs the programme (after the mastering gain) below this around it."""
SEARCH_FRACTION = 0.25
"""How far from its ideal place (as a fraction of a part) a cut may move to find a pause."""


@dataclass(frozen=True)
class Cut:
    """Where one part ends and the next resumes, in input samples; what lies between is silence
    that the join's padding and delay replace, sample for sample."""

    end: int
    resume: int


def part_count(duration_s: float, cores: int | None = None) -> int:
    """How many parts to encode at once: one per core, none shorter than `MIN_PART_S`."""
    cores = cores if cores is not None else (os.cpu_count() or 1)
    return max(1, min(cores, int(duration_s // MIN_PART_S)))


def plan_cuts(
    profile: LoudnessProfile, gain_db: float, parts: int, output_rate: int
) -> list[Cut]:
    """Cuts that divide the programme into about `parts` equal parts, each inside a pause.

    Fewer cuts (none) come back when the rates do not divide evenly or no pause is near
    enough to an ideal place; the caller then simply encodes fewer parts.
    """
    input_rate = profile.rate
    if parts < 2 or output_rate % input_rate or MP3_FRAME_SAMPLES % (output_rate // input_rate):
        return []
    ratio = output_rate // input_rate
    step = MP3_FRAME_SAMPLES // ratio  # resume points: whole frames of the output
    # padding + delay, in input samples
    dropped = math.ceil((CODEC_DELAY_SAMPLES + JOIN_PADDING_SAMPLES) / ratio)
    margin = step  # a frame of silence either side, for the codec's overlapping windows
    frame = input_rate // FRAMES_PER_SECOND
    limit = 10 ** ((SILENCE_DBFS - gain_db) / 20)
    quiet = np.concatenate(([0], np.cumsum(profile.peaks < limit)))
    total = profile.peaks.size * frame

    def is_quiet(start: int, end: int) -> bool:
        first, last = start // frame, -(-end // frame)
        inside = first >= 0 and last <= profile.peaks.size
        return inside and bool(quiet[last] - quiet[first] == last - first)

    cuts: list[Cut] = []
    span = total / parts
    for index in range(1, parts):
        ideal = round(index * span / step)
        reach = max(1, int(span * SEARCH_FRACTION / step))
        for offset in sorted(range(-reach, reach + 1), key=abs):
            resume = (ideal + offset) * step
            end = resume - dropped
            earlier = cuts[-1].resume if cuts else 0
            if end - earlier < span / 2 or total - resume < span / 2:
                continue
            if is_quiet(end - margin, resume + margin):
                cuts.append(Cut(end, resume))
                break
    return cuts


def trims(cuts: Sequence[Cut]) -> list[str]:
    """An `atrim` filter per part, in input samples (timestamps restarted at zero)."""
    bounds = [0, *(edge for cut in cuts for edge in (cut.end, cut.resume))]
    filters = []
    for start, end in zip(bounds[::2], [*bounds[1::2], None], strict=True):
        stop = f":end_sample={end}" if end is not None else ""
        filters.append(f"atrim=start_sample={start}{stop},asetpts=PTS-STARTPTS")
    return filters


def encode_parts(encode_part: Callable[[str, Path], None], cuts: Sequence[Cut],
                 folder: Path) -> list[Path]:
    """Run `encode_part(trim_filter, path)` for every part at once; the parts' paths."""
    paths = [folder / f"part-{index:02d}.mp3" for index in range(len(cuts) + 1)]
    with ThreadPoolExecutor(max_workers=len(paths), thread_name_prefix="mp3") as pool:
        futures = [pool.submit(encode_part, trim, path)
                   for trim, path in zip(trims(cuts), paths, strict=True)]
        for future in futures:
            future.result()
    return paths


def concat_list(paths: Sequence[Path], folder: Path) -> Path:
    """The list file ffmpeg's concat demuxer reads (`-f concat -safe 0 -i list`)."""
    listing = folder / "parts.txt"
    lines = ["ffconcat version 1.0"]
    for path in paths:
        quoted = str(path.resolve()).replace("'", "'\\''")
        lines.append(f"file '{quoted}'")
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return listing
