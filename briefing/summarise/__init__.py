"""Summarise: condense an article into a few speakable sentences behind the `Summarizer` protocol.

Built-in summarisers register exactly as a plug-in would:

* `news` (the default): a learned extractive news summariser (lead position, centrality,
  headline overlap, length, MMR redundancy control), fitted against ROUGE;
* `lead`: the first story sentences, a fast fallback with no model.

Importing this package loads only the registry; each summariser's module (numpy, for `news`)
is imported when one is made, so the pipeline can start its voice engines first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing._lazy import lazy_attributes
from briefing.summarise.base import (
    Summarizer,
    get_summarizer,
    register_summarizer,
    summarizer_names,
)

if TYPE_CHECKING:
    from briefing.summarise.lead import LeadSummarizer
    from briefing.summarise.news import NewsSummarizer, summarize_sentences

DEFAULT_SUMMARIZER = "news"

_LAZY = {
    "LeadSummarizer": "lead",
    "NewsSummarizer": "news",
    "summarize_sentences": "news",
}
"""Public name → the module of this package that defines it."""


__getattr__ = lazy_attributes(__name__, _LAZY, globals())


def _builtin(name: str) -> Callable[[], Summarizer]:
    """A factory that imports the summariser's module when the first one is made."""

    def make() -> Summarizer:
        summarizer: Summarizer = __getattr__(name)()
        return summarizer

    return make


register_summarizer("news", _builtin("NewsSummarizer"))
register_summarizer("lead", _builtin("LeadSummarizer"))

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
