"""PDFs and EPUBs through the command a user runs: `script` prints every story a file holds,
`make` voices a book with one chapter per chapter (real espeak-ng and ffmpeg), and each bad
document is one line on stderr with exit code 2, the other inputs still read."""

from __future__ import annotations

from pathlib import Path

import pytest
from audio_probe import ffprobe
from typer.testing import CliRunner

from briefing.cli import app

DOCUMENTS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
CHAPTERS = ["The Harbour Mouth", "The Quays", "The Tides"]


def run(*args: str) -> tuple[int, str, list[str]]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr.splitlines()


def test_script_of_a_pdf() -> None:
    code, out, err = run("script", str(DOCUMENTS / "two-column-report.pdf"), "--date", "2026-03-16")
    assert (code, err) == (0, [])
    assert "Here is your one story." in out
    assert "Winter trial shows tidal power can carry a small town through the dark months." in out
    assert "Three tidal turbines moored at the mouth of Port Ellery harbour" in out
    for furniture in ("Page", "report 2026", "Maren Holt"):
        assert furniture not in out


def test_script_prints_every_story_of_a_book() -> None:
    code, out, err = run("script", str(DOCUMENTS / "book.epub"), "--date", "2026-03-16")
    assert (code, err) == (0, [])
    assert "Here are your three stories." in out
    for chapter in CHAPTERS:
        assert f"From A Walker's Guide to Port Ellery Harbour: {chapter}." in out
    assert "Copyright" not in out and "Creative Commons" not in out


def _fifty_megabytes(tmp_path: Path) -> Path:
    big = tmp_path / "big.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(50 * 1024 * 1024)
    return big


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("truncated.pdf", "is a damaged PDF that cannot be read"),
        ("encrypted.pdf", "is an encrypted PDF that needs a password"),
        ("scanned.pdf", "is a scanned PDF (pictures of pages, no text layer)"),
        ("truncated.epub", "is a damaged EPUB that cannot be opened"),
        ("big.pdf", "is a 50 MB PDF, too large to read"),
    ],
)
def test_a_bad_document_is_one_line_and_exit_code_2(
    name: str, message: str, tmp_path: Path
) -> None:
    path = _fifty_megabytes(tmp_path) if name == "big.pdf" else DOCUMENTS / name
    code, out, err = run("script", str(path))
    assert code == 2
    assert out == ""
    assert len(err) == 1, err
    assert err[0].startswith(f"briefing: error: {path}: ") and message in err[0], err[0]


def test_a_bad_document_among_good_ones_loses_nothing_else(tmp_path: Path) -> None:
    code, out, err = run(
        "script",
        str(DOCUMENTS / "encrypted.pdf"),
        str(DOCUMENTS / "metadata-title.pdf"),
        str(_fifty_megabytes(tmp_path)),
        str(DOCUMENTS / "news-compilation.epub"),
    )
    assert code == 2
    assert "Here are your five stories." in out
    assert "Ferry timetable changes after harbour works finish early." in out
    assert len(err) == 2, err
    assert "encrypted.pdf" in err[0] and "big.pdf" in err[1]


@pytest.mark.real
def test_make_a_book_one_chapter_marker_per_chapter(tmp_path: Path) -> None:
    out = tmp_path / "book.mp3"
    code, stdout, err = run(
        "make",
        str(DOCUMENTS / "book.epub"),
        "-o",
        str(out),
        "--voice",
        "classic",
        "--sentences",
        "1",
        "--no-cache",
        "--date",
        "2026-03-16",
    )
    assert code == 0, (stdout, err)
    assert "3 stories" in stdout
    probe = ffprobe(out)
    assert probe["format"]["format_name"] == "mp3"
    titles = [chapter["tags"]["title"] for chapter in probe["chapters"]]
    stories = [t for t in titles if any(chapter in t for chapter in CHAPTERS)]
    assert len(stories) == 3 and len(titles) == 5, titles  # intro, a chapter each, close
    for chapter, title in zip(CHAPTERS, stories, strict=True):
        assert chapter in title
    starts = [float(chapter["start_time"]) for chapter in probe["chapters"]]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
