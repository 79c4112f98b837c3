"""Script: turn summaries into a programme written for the ear."""

from briefing.script.compose import compose_script
from briefing.script.normalize import normalize
from briefing.script.templates import ScriptTemplates
from briefing.script.timing import estimate_seconds

__all__ = ["ScriptTemplates", "compose_script", "estimate_seconds", "normalize"]
