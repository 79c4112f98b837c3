"""Typed errors: each says what went wrong, with which input, and what to do next.

The CLI turns every `BriefingError` into one line on stderr and its `exit_code`;
any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base of every error the tool reports to a user rather than crashing on."""

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(BriefingError):
    """An input (file, stdin, URL, option) is missing, empty, binary or unreadable."""

    exit_code = 2


class ConfigError(BriefingError):
    """A configuration file or voice preset is missing or invalid."""

    exit_code = 2


class UnknownEngineError(BriefingError):
    """A summariser, TTS engine or voice name that is not registered."""

    exit_code = 2


class EngineError(BriefingError):
    """A TTS engine failed to produce usable audio at run time."""


class ModelError(EngineError):
    """A voice model file is missing, incomplete, or not the published file (its checksum)."""


class AudioError(BriefingError):
    """Assembling or exporting audio failed (usually ffmpeg)."""


class StoriesFailedError(BriefingError):
    """Some stories failed while the rest were used; raised after the output is written."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class StorageError(BriefingError):
    """A remote store (S3, SFTP, …) refused or dropped a read or a write."""


class PublishError(StorageError):
    """Publishing to a remote store failed; the local files are intact."""


class UnsupportedLanguageError(InputError):
    """Text in a language whose numbers briefing cannot say (num2words has no words for it)."""
