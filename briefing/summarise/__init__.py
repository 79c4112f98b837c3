"""Summarise: condense an article into a few speakable sentences behind the `Summarizer` protocol."""

from __future__ import annotations

from briefing.summarise.base import (
    Summarizer,
    get_summarizer,
    register_summarizer,
    summarizer_names,
)
from briefing.summarise.lead import LeadSummarizer

DEFAULT_SUMMARIZER = "lead"

register_summarizer("lead", LeadSummarizer)

__all__ = [
    "DEFAULT_SUMMARIZER",
    "LeadSummarizer",
    "Summarizer",
    "get_summarizer",
    "register_summarizer",
    "summarizer_names",
]
