"""Audio: assemble voiced segments into one programme, master it, and render it for phones."""

from briefing.audio.assemble import Programme, assemble, trim_silence
from briefing.audio.chapters import Chapter, build_chapters
from briefing.audio.encode import AudioFormat, format_for
from briefing.audio.export import atomic_path, export_audio
from briefing.audio.pauses import PausePlan
from briefing.audio.render import (
    AudioOptions,
    RenderedFiles,
    assemble_for,
    check_options,
    output_suffix,
    render_briefing,
    side_file_paths,
)

__all__ = [
    "AudioFormat",
    "AudioOptions",
    "Chapter",
    "PausePlan",
    "Programme",
    "RenderedFiles",
    "assemble",
    "assemble_for",
    "atomic_path",
    "build_chapters",
    "check_options",
    "export_audio",
    "format_for",
    "output_suffix",
    "render_briefing",
    "side_file_paths",
    "trim_silence",
]
