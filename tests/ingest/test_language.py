"""The English check reads jusText's word lists itself, and only the lists it needs."""

from __future__ import annotations

import subprocess
import sys

import justext

from briefing.ingest.language import _NAMED, _stoplist

ENGLISH = (
    "The council approved the new bridge on Monday, and work will start in the spring. "
    "Residents had campaigned for a crossing for a decade, and they say that it is about time."
)


def test_the_lists_are_the_ones_justext_gives() -> None:
    for name in ("English", *_NAMED):
        assert _stoplist(name) == justext.get_stoplist(name), name


def test_an_english_article_is_judged_without_importing_justext() -> None:
    """jusText loads lxml (tens of milliseconds) that a plain-text article never needs."""
    code = (
        "import sys\n"
        "from briefing.ingest.language import non_english_language, _stoplist\n"
        f"assert non_english_language({ENGLISH!r}) is None\n"
        "assert _stoplist.cache_info().currsize == 1, _stoplist.cache_info()\n"
        "assert 'justext' not in sys.modules and 'lxml' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
