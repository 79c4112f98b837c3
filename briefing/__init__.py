"""briefing: turn news articles into a short spoken audio briefing for your phone.

    from briefing import make_briefing
    result = make_briefing(["article.txt"], Path("today.mp3"))
"""

from typing import TYPE_CHECKING

from briefing._lazy import lazy_attributes
from briefing.errors import (
    AudioError,
    BriefingError,
    ConfigError,
    EngineError,
    InputError,
    UnknownEngineError,
)

if TYPE_CHECKING:
    from briefing.models import (
        Article,
        Briefing,
        Length,
        Script,
        ScriptSegment,
        SegmentKind,
        StoryFailure,
        Summary,
        TimedSegment,
        VoicedSegment,
    )
    from briefing.pipeline import build_script, load_articles, make_briefing, summarise_articles

__version__ = "0.1.0"

_LAZY = {
    **dict.fromkeys(
        (
            "Article",
            "Briefing",
            "Length",
            "Script",
            "ScriptSegment",
            "SegmentKind",
            "StoryFailure",
            "Summary",
            "TimedSegment",
            "VoicedSegment",
        ),
        "models",
    ),
    **dict.fromkeys(
        ("build_script", "load_articles", "make_briefing", "summarise_articles"), "pipeline"
    ),
}
"""Public name → its module, imported on first use: `briefing --version` stays fast, and a
spawned engine worker (which imports this package first) loads neither models nor pipeline."""


__getattr__ = lazy_attributes(__name__, _LAZY, globals())


__all__ = [
    "Article",
    "AudioError",
    "Briefing",
    "BriefingError",
    "ConfigError",
    "EngineError",
    "InputError",
    "Length",
    "Script",
    "ScriptSegment",
    "SegmentKind",
    "StoryFailure",
    "Summary",
    "TimedSegment",
    "UnknownEngineError",
    "VoicedSegment",
    "__version__",
    "build_script",
    "load_articles",
    "make_briefing",
    "summarise_articles",
]
