"""briefing: turn news articles into a short spoken audio briefing for your phone.

    from briefing import make_briefing
    result = make_briefing(["article.txt"], Path("today.mp3"))
"""

from briefing.errors import (
    AudioError,
    BriefingError,
    ConfigError,
    EngineError,
    InputError,
    UnknownEngineError,
)
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

__version__ = "0.1.0"

_LAZY = {"build_script", "load_articles", "make_briefing", "summarise_articles"}
"""Pipeline functions, imported on first use so `briefing --version` stays fast."""


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from briefing import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")

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
