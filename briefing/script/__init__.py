"""Script: turn summaries into a programme written for the ear."""

from briefing.script.compose import compose_script
from briefing.script.normalize import normalize

__all__ = ["compose_script", "normalize"]
