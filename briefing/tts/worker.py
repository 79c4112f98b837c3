"""Run an engine's synthesis in a spawned child process with a timeout.

Why: pyttsx3 hangs in a forked child, crashes on very long texts, and can return before it
has written anything. A separate process that can be killed and replaced keeps one bad
segment from taking the whole run down.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, NoReturn

from briefing.errors import ConfigError, EngineError
from briefing.tts.base import EngineUnavailableError, VoiceSettings

Job = tuple[str, str, dict[str, Any]]
"""(text, output path, settings as a dict)."""
Reply = tuple[str, Any]
"""("ok", result), ("error", message) for a failure worth retrying, ("config", message), or
("unavailable", message) when the engine cannot run here (its model is damaged, say)."""
Server = Callable[[multiprocessing.connection.Connection], None]


class WorkerProcess:
    """One spawned child that serves synthesis jobs until closed, killed or timed out."""

    def __init__(self, server: Server, engine_name: str) -> None:
        self._server = server
        self._engine_name = engine_name
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: multiprocessing.connection.Connection | None = None
        self._asked = False
        """A request went to the current child (else closing it can simply kill it)."""

    def start(self) -> None:
        """Spawn the child now and return at once: it imports and loads its engine meanwhile.

        Spawning takes a fraction of a second of imports in the child; a caller that knows it
        will need the engine starts it early, and the first `call` finds it ready.
        """
        self._ensure_started()

    def call(self, request: tuple[str, Any], timeout_s: float) -> Any:
        """Send one request and wait for its reply; on timeout or crash, kill the child."""
        conn = self._ensure_started()
        self._asked = True
        try:
            conn.send(request)
            if not conn.poll(timeout_s):
                self.kill()
                raise EngineError(f"{self._engine_name} did not finish within {timeout_s:.0f} s")
            status, payload = conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError):
            if self._process is not None:
                self._process.join(1)  # reap it, so that its exit code is known
            code = self._process.exitcode if self._process else None
            self.kill()
            raise EngineError(f"{self._engine_name} worker crashed (exit code {code})") from None
        if status == "config":
            raise ConfigError(f"{self._engine_name}: {payload}.")
        if status == "unavailable":
            raise EngineUnavailableError(str(payload))
        if status != "ok":
            raise EngineError(f"{self._engine_name}: {payload}")
        return payload

    def synthesize(
        self, text: str, out_path: Path, settings: VoiceSettings, timeout_s: float
    ) -> None:
        self.call(("synthesize", (text, str(out_path), asdict(settings))), timeout_s)

    def kill(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process = None
        self._conn = None
        self._asked = False

    def close(self) -> None:
        """Ask the child to quit; one started early and never asked anything is just killed.

        A child still starting up reads no "quit" until it has loaded its engine, and one that
        never did any work has nothing to finish.
        """
        if not self._asked:
            self.kill()
            return
        if self._conn is not None and self._process is not None and self._process.is_alive():
            try:
                self._conn.send(("quit", None))
                self._process.join(2)
            except (BrokenPipeError, OSError):
                pass
        self.kill()

    def _ensure_started(self) -> multiprocessing.connection.Connection:
        if self._conn is not None and self._process is not None and self._process.is_alive():
            return self._conn
        self.kill()
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=self._server, args=(child,), daemon=True)
        with _born_ignoring_ctrl_c():
            process.start()
        child.close()
        self._process, self._conn = process, parent
        return parent


class WorkerConfigError(Exception):
    """Raised in a child for a problem retrying cannot fix (a voice this machine lacks)."""


class WorkerUnavailableError(Exception):
    """Raised in a child when the engine cannot run here at all: the next engine should speak."""


Handler = Callable[[str, Any], Any]
"""Runs one request in the child: (command, payload) → result."""


def serve_requests(conn: multiprocessing.connection.Connection, handle: Handler) -> None:
    """The child's loop: answer requests until told to quit or the parent goes away.

    Every engine's worker shares it, so replies always take the shape `call` expects.
    """
    while True:
        try:
            command, payload = conn.recv()
        except EOFError:
            return
        if command == "quit":
            _leave()
        try:
            reply: Reply = ("ok", handle(command, payload))
        except WorkerConfigError as error:
            reply = ("config", str(error))
        except WorkerUnavailableError as error:
            reply = ("unavailable", str(error))
        except Exception as error:  # reported to the parent, which retries or falls back
            reply = ("error", f"{type(error).__name__}: {error}")
        conn.send(reply)


def _leave() -> NoReturn:
    """End the child now, without the interpreter's teardown.

    Tearing down an engine's modules (pyttsx3's driver, say) takes a child 10 ms or more, and
    its parent waits for that when it closes the engine; every file a job wrote was closed
    before its reply was sent, so there is nothing left to finish.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def start_child() -> None:
    """What every engine's worker does first: keep off the terminal, and leave Ctrl-C to the
    parent, which stops its workers itself (else each prints a KeyboardInterrupt traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    silence_stdout()
    from briefing.log import route_library_output

    route_library_output()  # a library's warnings in the worker go to the log, not stderr


@contextmanager
def _born_ignoring_ctrl_c() -> Iterator[None]:
    """Children started inside ignore Ctrl-C from their first instruction, not only once
    `start_child` runs: an ignored signal stays ignored across exec. Only the main thread may
    change how signals are handled; from another thread, `start_child` does it."""
    if (
        threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "pthread_sigmask")  # Windows: no Ctrl-C to the process group
        or signal.getsignal(signal.SIGINT) is None  # a handler set outside Python: leave it
    ):
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # held for us, not lost
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def silence_stdout() -> None:
    """Engines print progress ("Audio saved to …") on stdout; the child must not."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the child
