"""A French episode through the real render path: its language in every tag, its show notes
and its transcript, read back by ffprobe and mutagen (not by the code that wrote them)."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from audio_probe import ffprobe

from briefing.audio import AudioOptions, RenderedFiles, assemble_for, render_briefing
from briefing.audio.language import bcp47, iso639_2, long_date

TITLE = "Briefing — mercredi 25 novembre 2026"


@pytest.fixture(scope="module", params=["mp3", "m4a", "flac", "opus", "wav"])
def french(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, probe: Any
) -> RenderedFiles:
    folder = tmp_path_factory.mktemp(f"fr-{request.param}")
    script = replace(probe.short_script(), language="fr")
    options = AudioOptions()
    programme = assemble_for(probe.tone_voices(folder, script), options)
    return render_briefing(programme, script, folder / f"episode.{request.param}", options)


def test_the_language_tag_of_each_format(french: RenderedFiles) -> None:
    import mutagen

    path = french.audio
    tags = mutagen.File(path).tags
    assert tags is not None
    kind = path.suffix[1:]
    if kind in ("mp3", "wav"):
        assert str(tags["TLAN"]) == "fra"
        comments = tags.getall("COMM")
        assert len(comments) == 1 and comments[0].lang == "fra"
        assert str(comments[0]).startswith("Au sommaire\u00a0: Tidal turbines")
        assert tags.getall("TXXX:comment") == []  # one comment, not two
        assert str(tags["TIT2"]) == TITLE
    elif kind == "m4a":
        assert bytes(tags["----:com.apple.iTunes:LANGUAGE"][0]) == b"fra"
        assert tags["\xa9nam"] == [TITLE]
    else:
        assert tags["language"] == ["fra"]
        assert tags["title"] == [TITLE]


def test_ffprobe_reads_the_language(french: RenderedFiles) -> None:
    data = ffprobe(french.audio)
    kind = french.audio.suffix[1:]
    stream = next(s for s in data["streams"] if s["codec_type"] == "audio")
    if kind == "m4a":  # the track's media header (mdhd)
        assert stream["tags"]["language"] == "fra"
    elif kind == "mp3":  # TLAN
        assert data["format"]["tags"]["language"] == "fra"
    elif kind == "flac":  # the Vorbis comment
        assert data["format"]["tags"]["LANGUAGE"] == "fra"
    if kind != "wav":  # in French, and adding COMM kept them in order
        titles = [c["tags"]["title"] for c in data["chapters"]]
        assert titles == ["Introduction", "Tidal turbines light the harbour",
                          "Library opens on Sundays", "Fin"], titles


def test_show_notes_are_french(french: RenderedFiles) -> None:
    assert french.show_notes is not None
    html = french.show_notes.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    assert f"<h1>{TITLE}</h1>" in html
    assert '<time datetime="2026-11-25">mercredi 25 novembre 2026</time>' in html
    assert "<h2>Au sommaire</h2>" in html and "<h2>Transcription</h2>" in html
    assert f'href="{french.audio.stem}.vtt" type="text/vtt">WebVTT</a>' in html
    assert "Sous-titres (SRT)" in html
    assert "Stories" not in html and "Transcript<" not in html


def test_the_webvtt_header_names_the_language_and_ffmpeg_still_reads_every_cue(
    french: RenderedFiles,
) -> None:
    assert french.vtt is not None and french.srt is not None
    vtt = french.vtt.read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\nlang: fr\n\n1\n")
    as_srt = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(french.vtt), "-f", "srt", "-"],
        capture_output=True, text=True, check=True,
    ).stdout
    cues = french.srt.read_text(encoding="utf-8").count(" --> ")
    assert as_srt.count(" --> ") == cues == 9
    assert "lang:" not in as_srt  # the header is not taken for a cue


@pytest.mark.parametrize(
    ("code", "iso", "tag"),
    [("de", "deu", "de"), ("fr-FR", "fra", "fr-FR"), ("es", "spa", "es"), ("it", "ita", "it"),
     ("pt_BR", "por", "pt-BR"), ("en", "eng", "en"), ("tlh", "und", "tlh"), (None, "eng", "en")],
)
def test_codes(code: str | None, iso: str, tag: str) -> None:
    assert iso639_2(code) == iso
    assert bcp47(code) == tag


def test_long_dates() -> None:
    import datetime as dt

    date = dt.date(2026, 10, 3)
    assert long_date(date, "de") == "Samstag, 3. Oktober 2026"
    assert long_date(date, "pt") == "sábado, 3 de outubro de 2026"
    assert long_date(date, "en") == "Saturday 3 October 2026"
    assert long_date(date, "xx") == "Saturday 3 October 2026"  # a language babel lacks


def test_an_english_episode_says_english(tmp_path: Path, probe: Any) -> None:
    import mutagen

    script = probe.short_script()
    options = AudioOptions()
    programme = assemble_for(probe.tone_voices(tmp_path, script), options)
    files = render_briefing(programme, script, tmp_path / "en.mp3", options)
    tags = mutagen.File(files.audio).tags
    assert str(tags["TLAN"]) == "eng" and tags.getall("COMM")[0].lang == "eng"
    assert files.show_notes is not None
    assert '<html lang="en">' in files.show_notes.read_text(encoding="utf-8")
