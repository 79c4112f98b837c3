"""Voice and assemble a composed script: the audio half of `make`, from a script, not files."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefing.audio import Programme
from briefing.audio.render import AudioOptions, assemble_for
from briefing.models import Script, SegmentFallback
from briefing.tts import SegmentCache, VoicePreset, voice_script
from briefing.tts.synthesize import ProgressCallback


@dataclass(frozen=True)
class Voiced:
    programme: Programme
    synthesized: int
    """Segments an engine voiced in this run (the rest came from the segment cache)."""
    cached: int
    fallbacks: tuple[SegmentFallback, ...] = ()
    """Segments a fallback engine voiced because the preset's own engine failed."""

    @property
    def speech_s(self) -> float:
        """Duration without the script's pauses: what the pace estimate is compared with."""
        return sum(t.end_ms - t.start_ms for t in self.programme.timeline) / 1000.0


def voice_and_assemble(
    script: Script,
    preset: VoicePreset,
    options: AudioOptions,
    *,
    cache: SegmentCache | None,
    on_progress: ProgressCallback | None = None,
) -> Voiced:
    """Voice `script` with `preset` through the segment cache and join it as `make` does."""
    with tempfile.TemporaryDirectory(prefix="briefing-daily-") as workdir:
        voicing = voice_script(
            script.segments, preset, Path(workdir), cache=cache, on_progress=on_progress
        )
        programme = assemble_for(voicing.voiced, options)
    return Voiced(
        programme,
        synthesized=voicing.synthesized,
        cached=voicing.cached,
        fallbacks=voicing.fallbacks,
    )
