"""Tags and cover art: what a phone shows for the episode (title, artist, album, date, art,
language).

MP3 tags, cover and chapters are written by ffmpeg in one pass; mutagen then adds the one
frame ffmpeg cannot write, a COMM comment with its language (ffmpeg writes a comment as
TXXX). The other formats get their tags, cover and Ogg/FLAC chapters from mutagen.

The language is the episode's, in the form each format reads: ISO 639-2 ("fra") in ID3's
TLAN and COMM, in an MP4 track's media header (written by ffmpeg, see `stream_metadata`) and
in the `----:com.apple.iTunes:LANGUAGE` atom that taggers such as Mp3tag and Picard map to
TLAN, and in the Vorbis comment LANGUAGE.
"""

from __future__ import annotations

import base64
import datetime as dt
import importlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.audio.chapters import Chapter, vorbis_chapter_comments
from briefing.audio.encode import AudioFormat
from briefing.audio.language import iso639_2, long_date
from briefing.errors import InputError
from briefing.languages import ENGLISH

COVER_SIZE = 1400
"""Apple Podcasts asks for square art of 1400 to 3000 pixels."""


@dataclass(frozen=True)
class Cover:
    data: bytes
    mime: str
    """image/png or image/jpeg."""


@dataclass(frozen=True)
class Tags:
    """The episode's tags, the same in every format."""

    title: str
    artist: str
    album: str
    date: dt.date
    genre: str
    comment: str
    cover: Cover | None = None
    language: str = ENGLISH
    """The episode's language, a code ("fr")."""

    @property
    def language_iso639_2(self) -> str:
        return iso639_2(self.language)

    def as_ffmetadata(self) -> dict[str, str]:
        """ffmpeg's generic tag names (it maps them to ID3 or MP4 atoms; "language" to TLAN)."""
        return {
            "title": self.title,
            "artist": self.artist,
            "album_artist": self.artist,
            "album": self.album,
            "date": self.date.isoformat(),
            "genre": self.genre,
            "comment": self.comment,
            "language": self.language_iso639_2,
        }

    def stream_metadata(self) -> list[str]:
        """ffmpeg options for the audio stream's language: an MP4 track's `mdhd` holds it."""
        return ["-metadata:s:a:0", f"language={self.language_iso639_2}"]


def default_title(date: dt.date, language: str = ENGLISH) -> str:
    """"Briefing — Wednesday 25 November 2026", "Briefing — mercredi 25 novembre 2026"."""
    return f"Briefing — {long_date(date, language)}"


def load_cover(path: Path) -> Cover:
    """Read the user's cover art; it must be a PNG or JPEG image."""
    from PIL import Image, UnidentifiedImageError

    try:
        data = path.read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format
            image.verify()
    except FileNotFoundError:
        message = f"{path}: cover image not found; check the path given to --cover."
        raise InputError(message) from None
    except (OSError, UnidentifiedImageError, SyntaxError):
        message = f"{path}: not a readable image; give --cover a PNG or JPEG file."
        raise InputError(message) from None
    mime = {"PNG": "image/png", "JPEG": "image/jpeg"}.get(kind or "")
    if mime is None:
        raise InputError(f"{path}: cover art must be PNG or JPEG, not {kind}; convert it first.")
    return Cover(data, mime)


def default_cover(date: dt.date, title: str = "Briefing") -> Cover:
    """A plain square cover made here: the name and the date on a deep blue field."""
    from PIL import Image, ImageDraw, ImageFont

    size = COVER_SIZE
    image = Image.new("RGB", (size, size), (17, 42, 77))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, size * 0.62, size, size * 0.64), fill=(242, 169, 0))
    big = ImageFont.load_default(size=size // 6)
    small = ImageFont.load_default(size=size // 16)
    draw.text((size * 0.08, size * 0.36), title, font=big, fill=(255, 255, 255))
    lines = (f"{date:%A}", f"{date.day} {date:%B %Y}")
    for row, line in enumerate(lines):
        draw.text((size * 0.08, size * (0.70 + 0.08 * row)), line, font=small, fill=(220, 228, 240))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # optimize=True took 3× as long to save 2% of 40 KB
    return Cover(buffer.getvalue(), "image/png")


def write_tags(
    path: Path, audio_format: AudioFormat, tags: Tags, chapters: Sequence[Chapter]
) -> None:
    """Tag a finished file in place with mutagen (MP3: only what ffmpeg cannot write)."""
    if audio_format is AudioFormat.MP3:
        _tag_mp3(path, tags)
    elif audio_format is AudioFormat.M4A:
        _tag_mp4(path, tags)
    elif audio_format in (AudioFormat.OPUS, AudioFormat.FLAC):
        _tag_vorbis(path, audio_format, tags, chapters)
    elif audio_format is AudioFormat.WAV:
        _tag_wav(path, tags)


def _tag_mp3(path: Path, tags: Tags) -> None:
    """The comment as COMM in the episode's language (players show COMM, not TXXX:comment).

    Frames are written back in the order ffmpeg wrote them: mutagen's own save sorts them
    by size, which puts the chapters (CHAP) out of order for readers that go by file order.
    """
    id3 = _mutagen("id3")
    try:
        frames = _in_order_id3(id3)(path)
    except id3.ID3NoHeaderError:  # ffmpeg always writes one; a tagless file still gets these
        frames = _in_order_id3(id3)()
    frames.delall("TXXX:comment")
    frames.setall("COMM", [id3.COMM(encoding=3, lang=tags.language_iso639_2, desc="",
                                    text=tags.comment)])
    frames.setall("TLAN", [id3.TLAN(encoding=3, text=tags.language_iso639_2)])
    frames.save(path, v2_version=3 if frames.version < (2, 4, 0) else 4)  # as ffmpeg wrote it


def _in_order_id3(id3: Any) -> Any:
    """mutagen's ID3 with its frame sort left out (the rest of `_write` as mutagen 1.47 has it)."""
    save_frame = importlib.import_module("mutagen.id3._tags").save_frame

    class InOrderID3(id3.ID3):  # type: ignore[misc]
        def _write(self, config: Any) -> bytearray:
            data = bytearray().join(save_frame(frame, config=config) for frame in self.values())
            if self._unknown_v2_version == config.v2_version:
                data += b"".join(frame for frame in self.unknown_frames if len(frame) > 10)
            return data

    return InOrderID3


def _tag_mp4(path: Path, tags: Tags) -> None:
    mp4 = _mutagen("mp4")
    audio = mp4.MP4(path)
    if audio.tags is None:
        audio.add_tags()
    assert audio.tags is not None
    audio.tags.update(
        {
            "\xa9nam": [tags.title],
            "\xa9ART": [tags.artist],
            "aART": [tags.artist],
            "\xa9alb": [tags.album],
            "\xa9day": [tags.date.isoformat()],
            "\xa9gen": [tags.genre],
            "\xa9cmt": [tags.comment],
            "stik": [21],  # media kind: podcast
            "----:com.apple.iTunes:LANGUAGE": [
                mp4.MP4FreeForm(tags.language_iso639_2.encode("ascii"))
            ],
        }
    )
    if tags.cover:
        cover_class = mp4.MP4Cover
        png = tags.cover.mime == "image/png"
        kind = cover_class.FORMAT_PNG if png else cover_class.FORMAT_JPEG
        audio.tags["covr"] = [cover_class(tags.cover.data, kind)]
    audio.save()


def _tag_vorbis(
    path: Path, audio_format: AudioFormat, tags: Tags, chapters: Sequence[Chapter]
) -> None:
    flac = _mutagen("flac")
    opus = audio_format is AudioFormat.OPUS
    audio = _mutagen("oggopus").OggOpus(path) if opus else flac.FLAC(path)
    if audio.tags is None:
        audio.add_tags()
    comments = audio.tags
    assert comments is not None
    for key in list(comments.keys()):
        if key.upper().startswith("CHAPTER") or key.upper() == "DESCRIPTION":
            del comments[key]
    values = {
        "TITLE": tags.title,
        "ARTIST": tags.artist,
        "ALBUMARTIST": tags.artist,
        "ALBUM": tags.album,
        "DATE": tags.date.isoformat(),
        "GENRE": tags.genre,
        "COMMENT": tags.comment,
        "LANGUAGE": tags.language_iso639_2,
        **vorbis_chapter_comments(chapters),
    }
    for key, value in values.items():
        comments[key] = [value]
    if tags.cover:
        picture = _flac_picture(flac.Picture, tags.cover)
        if not opus:
            audio.clear_pictures()
            audio.add_picture(picture)
        else:
            encoded = base64.b64encode(picture.write()).decode("ascii")
            comments["METADATA_BLOCK_PICTURE"] = [encoded]
    audio.save()


def _flac_picture(picture_class: Any, cover: Cover) -> Any:
    from PIL import Image

    picture = picture_class()
    picture.type = 3  # front cover
    picture.mime = cover.mime
    picture.desc = "Cover"
    with Image.open(io.BytesIO(cover.data)) as image:
        picture.width, picture.height = image.size
        picture.depth = 24
    picture.data = cover.data
    return picture


def _tag_wav(path: Path, tags: Tags) -> None:
    id3 = _mutagen("id3")
    audio = _mutagen("wave").WAVE(path)
    if audio.tags is None:
        audio.add_tags()
    frames = audio.tags
    assert frames is not None
    frames.add(id3.TIT2(encoding=3, text=tags.title))
    frames.add(id3.TPE1(encoding=3, text=tags.artist))
    frames.add(id3.TPE2(encoding=3, text=tags.artist))
    frames.add(id3.TALB(encoding=3, text=tags.album))
    frames.add(id3.TDRC(encoding=3, text=tags.date.isoformat()))
    frames.add(id3.TCON(encoding=3, text=tags.genre))
    frames.add(id3.TLAN(encoding=3, text=tags.language_iso639_2))
    frames.add(id3.COMM(encoding=3, lang=tags.language_iso639_2, desc="", text=tags.comment))
    if tags.cover:
        frames.add(id3.APIC(encoding=3, mime=tags.cover.mime, type=3, desc="Cover",
                        data=tags.cover.data))
    audio.save()


def _mutagen(module: str) -> Any:
    """A mutagen module, imported when first needed (mutagen's own typing is partial)."""
    return importlib.import_module(f"mutagen.{module}")
