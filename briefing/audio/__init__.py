"""Audio: assemble voiced segments into one programme and export it for phones."""

from briefing.audio.assemble import Programme, assemble, trim_silence
from briefing.audio.export import AudioFormat, atomic_path, export_audio, format_for

__all__ = [
    "AudioFormat",
    "Programme",
    "assemble",
    "atomic_path",
    "export_audio",
    "format_for",
    "trim_silence",
]
