"""Summarise: condense an article into a few speakable sentences behind the `Summarizer` protocol.

Built-in summarisers register exactly as a plug-in would:

* `news` (the default): a learned extractive news summariser (lead position, centrality,
  headline overlap, length, MMR redundancy control), fitted against ROUGE;
* `lead`: the first story sentences, a fast fallback with no model.
"""

from __future__ import annotations

from briefing.summarise.base import (
    Summarizer,
    get_summarizer,
    register_summarizer,
    summarizer_names,
)
from briefing.summarise.lead import LeadSummarizer
from briefing.summarise.news import NewsSummarizer, summarize_sentences

DEFAULT_SUMMARIZER = "news"

register_summarizer("news", NewsSummarizer)
register_summarizer("lead", LeadSummarizer)

__all__ = [
    "DEFAULT_SUMMARIZER",
    "LeadSummarizer",
    "NewsSummarizer",
    "Summarizer",
    "get_summarizer",
    "register_summarizer",
    "summarize_sentences",
    "summarizer_names",
]
