"""Voice a script's segments with an engine, verifying every file and retrying once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from briefing.errors import EngineError
from briefing.models import ScriptSegment, VoicedSegment
from briefing.tts.base import EngineUnavailableError, TTSEngine, VoiceSettings
from briefing.tts.verify import verify_wav

ProgressCallback = Callable[[int, int], None]
"""Called with (segments done, segments in all)."""

ATTEMPTS = 2


def voice_segments(
    segments: Sequence[ScriptSegment],
    engine: TTSEngine,
    settings: VoiceSettings,
    workdir: Path,
    on_progress: ProgressCallback | None = None,
) -> list[VoicedSegment]:
    """Synthesise each segment into `workdir`; raise `EngineError` naming a segment that fails."""
    voiced: list[VoicedSegment] = []
    for index, segment in enumerate(segments):
        path = workdir / f"segment-{index:04d}.wav"
        voice_one(segment.text, path, engine, settings)
        voiced.append(VoicedSegment(segment=segment, wav_path=path, engine=engine.name))
        if on_progress:
            on_progress(index + 1, len(segments))
    return voiced


def voice_one(text: str, path: Path, engine: TTSEngine, settings: VoiceSettings) -> float:
    """Synthesise and verify one text; retry once in a fresh worker; return the duration.

    An engine that cannot run here at all (`EngineUnavailableError`) is not retried.
    """
    last_error: EngineError | None = None
    for _attempt in range(ATTEMPTS):
        path.unlink(missing_ok=True)
        try:
            engine.synthesize(text, path, settings)
            return verify_wav(path, text, settings.rate_wpm)
        except EngineUnavailableError:
            raise
        except EngineError as error:
            last_error = error
            engine.close()  # the next attempt starts a fresh worker process
    assert last_error is not None
    raise EngineError(
        f"{engine.name} failed twice: {last_error.message}; "
        "try another voice with --voice, or report the text that fails."
    )
