"""A newsletter e-mail all the way to a podcast episode: `briefing make digest.eml` with the
real speech engine and ffmpeg, one chapter per story."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from audio_probe import ffprobe
from fixtures.newsletters import DIGEST_HEADLINES, DIGEST_HTML, newsletter_message

from briefing.errors import BriefingError


def _espeak_voice() -> str:
    """The espeak-ng voice of the presets: "classic" where this build has it, else "bright"."""
    from briefing.tts import load_preset

    try:
        load_preset("classic")
    except BriefingError:
        return "bright"
    return "classic"


@pytest.mark.real
def test_make_turns_a_newsletter_into_an_mp3_with_a_chapter_per_story(tmp_path: Path) -> None:
    letter = tmp_path / "digest.eml"
    letter.write_bytes(newsletter_message(DIGEST_HTML))
    out = tmp_path / "digest.mp3"
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "make", str(letter), "-o", str(out), "--voice",
         _espeak_voice(), "--sentences", "1", "--no-cache", "--date", "2026-11-25"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "3 stories" in done.stdout
    chapters = [c["tags"]["title"] for c in ffprobe(out)["chapters"]]
    assert chapters == ["Introduction", *DIGEST_HEADLINES, "Close"]
    transcript = out.with_suffix(".srt").read_text(encoding="utf-8")
    assert "From Harbour Digest: Tidal turbines power the harbour." in transcript
    for never in ("View in browser", "Acme Boats", "referrals", "Unsubscribe", "example.org"):
        assert never not in transcript
