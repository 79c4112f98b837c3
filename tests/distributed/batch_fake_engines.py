"""Preloaded into Dask workers (which never import tests/conftest.py): the fake engines.

`fake` is conftest's tone engine; `slowfake` takes a while per segment, so a worker can be
killed while it still has work. With BATCH_FAKE_LOG set, every synthesis appends its text there
(one line, O_APPEND), so a test can count what all worker processes voiced.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from conftest import FakeEngine

from briefing.tts import VoiceSettings, register_engine

SLOW_SECONDS = 0.15


class LoggingFakeEngine(FakeEngine):
    name = "fake"

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        super().synthesize(text, out_path, settings)
        log = os.environ.get("BATCH_FAKE_LOG")
        if log:
            with open(log, "a", encoding="utf-8") as handle:
                handle.write(text.replace("\n", " ") + "\n")


class SlowFakeEngine(LoggingFakeEngine):
    name = "slowfake"

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        time.sleep(SLOW_SECONDS)
        super().synthesize(text, out_path, settings)


register_engine("fake", LoggingFakeEngine)
register_engine("slowfake", SlowFakeEngine)
