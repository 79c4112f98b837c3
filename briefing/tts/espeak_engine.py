"""`espeak-ng`: the command line directly, one process per segment.

Fast, no Python binding to hang, and present wherever pyttsx3 works on Linux: the natural
fallback. The text goes in on stdin as SSML (`-m`), so no text is ever parsed as an option and
`<break>` marks are honoured; the command is an argument list, never a shell string.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html import escape
from pathlib import Path

from briefing.errors import ConfigError, EngineError
from briefing.tts.base import EngineUnavailableError, EngineVoice, VoiceSettings
from briefing.tts.pyttsx3_engine import UnknownVoiceError, choose_voice
from briefing.tts.verify import expected_seconds

EXECUTABLE = "espeak-ng"


class EspeakNgEngine:
    name = "espeak-ng"

    def __init__(self) -> None:
        self._voices: list[EngineVoice] | None = None

    def synthesize(self, text: str, out_path: Path, settings: VoiceSettings) -> None:
        command = self.command(out_path, settings)
        timeout = 20.0 + 2.0 * expected_seconds(text, settings.rate_wpm)
        ssml = f"<speak>{escape(text, quote=False)}</speak>"
        try:
            result = subprocess.run(
                command, input=ssml.encode("utf-8"), capture_output=True, timeout=timeout,
                check=False,
            )
        except FileNotFoundError:
            raise EngineUnavailableError(self._missing()) from None
        except subprocess.TimeoutExpired:
            raise EngineError(f"espeak-ng did not finish within {timeout:.0f} s") from None
        if result.returncode != 0:
            stderr = result.stderr.decode("utf-8", "replace").strip()
            raise EngineError(f"espeak-ng exited with {result.returncode}: {stderr}")

    def command(self, out_path: Path, settings: VoiceSettings) -> list[str]:
        """The argument list for one segment (rate, pitch, amplitude and voice from settings)."""
        command = [
            EXECUTABLE, "-m", "--stdin", "-w", str(out_path),
            "-s", str(settings.rate_wpm),
            "-a", str(max(0, min(200, round(settings.volume * 100)))),
        ]
        if settings.pitch is not None:
            command += ["-p", str(settings.pitch)]
        return [*command, "-v", self._voice_arg(settings)]

    def list_voices(self) -> list[EngineVoice]:
        if self._voices is None:
            self._voices = parse_voices(self._run_voices())
        return self._voices

    def close(self) -> None:
        """Nothing to release: every segment is its own short-lived process."""

    def unavailable_reason(self, settings: VoiceSettings | None = None) -> str | None:
        return None if shutil.which(EXECUTABLE) else self._missing()

    def _voice_arg(self, settings: VoiceSettings) -> str:
        """espeak-ng falls back to its default voice without a word: check the id first."""
        base, plus, variant = (settings.voice or "").partition("+")
        voices = [(v.id, v.name, list(v.languages)) for v in self.list_voices()]
        try:
            chosen = choose_voice(voices, VoiceSettings(voice=base or None,
                                                        language=settings.language))
        except UnknownVoiceError as error:
            raise ConfigError(f"espeak-ng: {error}.") from None
        return f"{chosen or settings.language}{plus}{variant}"

    def _run_voices(self) -> str:
        try:
            result = subprocess.run([EXECUTABLE, "--voices"], capture_output=True, timeout=30,
                                    check=True)
        except FileNotFoundError:
            raise EngineUnavailableError(self._missing()) from None
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            raise EngineError(f"espeak-ng --voices failed: {error}") from None
        return result.stdout.decode("utf-8", "replace")

    @staticmethod
    def _missing() -> str:
        return "espeak-ng is not installed; install it with your package manager (apt, brew)"


_LANGUAGE = re.compile(r"\(([^ )]+) \d+\)")


def parse_voices(listing: str) -> list[EngineVoice]:
    """Voices from `espeak-ng --voices`: id is the file (gmw/en-GB-x-rp), name, languages."""
    voices: list[EngineVoice] = []
    for line in listing.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 5:
            continue
        language, name, file = fields[1], fields[3], fields[4]
        others = _LANGUAGE.findall(" ".join(fields[5:]))
        voices.append(EngineVoice(file, name.replace("_", " "), (language, *others)))
    return voices
