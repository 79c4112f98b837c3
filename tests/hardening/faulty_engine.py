"""A TTS engine whose real spawned worker misbehaves on demand, for fault tests.

It runs through `briefing.tts.worker.WorkerProcess` exactly like pyttsx3 does, so the timeout,
kill and restart paths under test are the real ones. `FaultyEngine.mode` says what the worker
does with a job:

- ``ok``: writes a tone as long as the words would take to say;
- ``silent``: answers "done" and writes nothing; ``empty``: writes a WAV with no frames;
- ``hang``: never answers; ``crash``: exits with status 3; ``kill``: writes half a file, then
  SIGKILLs itself (killed mid-segment);
- ``once-<fault>``: the fault on the first attempt at each text, ``ok`` on the retry.
"""

from __future__ import annotations

import hashlib
import math
import os
import signal
import struct
import time
import wave
from pathlib import Path
from typing import Any, ClassVar

from briefing.tts.base import EngineVoice, VoiceSettings
from briefing.tts.verify import expected_seconds
from briefing.tts.worker import WorkerProcess, serve_requests

TIMEOUT_S = 6.0
"""Short, so that a hanging worker costs the test seconds, not minutes."""


class FaultyEngine:
    name = "faulty"
    mode: ClassVar[str] = "ok"
    ledger: ClassVar[Path | None] = None
    """A folder recording which texts were attempted (shared by every worker process)."""
    pids: ClassVar[list[int]] = []

    def __init__(self) -> None:
        self._worker = WorkerProcess(serve, self.name)

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        ledger = str(FaultyEngine.ledger or "")
        job = (text, str(out_path), settings.rate_wpm, FaultyEngine.mode, ledger)
        self._worker.call(("synthesize", job), TIMEOUT_S)

    def worker_pid(self) -> int | None:
        process = getattr(self._worker, "_process", None)
        return process.pid if process is not None else None

    def list_voices(self) -> list[EngineVoice]:
        return [EngineVoice("faulty-voice", "Faulty voice", ("en",))]

    def close(self) -> None:
        self._worker.close()


def serve(conn: Any) -> None:
    """The worker's loop (runs in the spawned child), the same loop the real engines use."""

    def handle(command: str, payload: Any) -> None:
        text, out_path, rate, mode, ledger = payload
        _job(text, Path(out_path), rate, mode, ledger)

    serve_requests(conn, handle)


def _job(text: str, out_path: Path, rate: int, mode: str, ledger: str) -> None:
    if mode.startswith("once-"):
        mark = Path(ledger) / hashlib.sha256(text.encode()).hexdigest()
        first = not mark.exists()
        if first:
            mark.write_text(str(os.getpid()))
        mode = mode.removeprefix("once-") if first else "ok"
    elif ledger:
        (Path(ledger) / f"{os.getpid()}-{time.monotonic_ns()}").write_text(mode)
    seconds = expected_seconds(text, rate)
    if mode == "silent":
        return
    if mode == "empty":
        _write_tone(out_path, 0.0, lead=0.0)
        return
    if mode == "hang":
        time.sleep(3600)
    if mode == "crash":
        os._exit(3)
    if mode == "kill":
        _write_tone(out_path, seconds)
        out_path.write_bytes(out_path.read_bytes()[: out_path.stat().st_size // 2])
        os.kill(os.getpid(), signal.SIGKILL)
    _write_tone(out_path, seconds)


def _write_tone(path: Path, seconds: float, rate: int = 22050, lead: float = 0.2) -> None:
    silence = [0] * int(rate * lead)
    tone = [int(8000 * math.sin(2 * math.pi * 220 * i / rate)) for i in range(int(rate * seconds))]
    samples = silence + tone + silence
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(struct.pack(f"<{len(samples)}h", *samples))
