"""Audio: assemble voiced segments into one programme, master it, and render it for phones.

Names load on first use (numpy, pydub and PIL come with them), so a module that needs only
a light part, such as the episode cache's folder, does not pay for the whole audio stack.
"""

from typing import TYPE_CHECKING

from briefing._lazy import lazy_attributes

if TYPE_CHECKING:
    from briefing.audio.assembly import Programme, assemble, trim_silence
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

_LAZY = {
    **dict.fromkeys(("Programme", "assemble", "trim_silence"), "assembly"),
    **dict.fromkeys(("Chapter", "build_chapters"), "chapters"),
    **dict.fromkeys(("AudioFormat", "format_for"), "encode"),
    **dict.fromkeys(("atomic_path", "export_audio"), "export"),
    "PausePlan": "pauses",
    **dict.fromkeys(
        ("AudioOptions", "RenderedFiles", "assemble_for", "check_options", "output_suffix",
         "render_briefing", "side_file_paths"),
        "render",
    ),
}
"""Public name → the module of this package that defines it."""

__getattr__ = lazy_attributes(__name__, _LAZY, globals())

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
