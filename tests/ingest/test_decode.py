from __future__ import annotations

import codecs

import pytest

from briefing.errors import InputError
from briefing.ingest.decode import decode_text

TEXT = "Café owners in Zürich said prices rose – by 5% – this year."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le-no-bom", "cp1252"],
)
def test_decodes_common_encodings(data: bytes) -> None:
    assert decode_text(data, "a.txt") == TEXT


def test_latin1_bytes_undefined_in_cp1252_still_decode() -> None:
    assert decode_text(b"Smith \x81said", "a.txt") == "Smith said"


def test_refuses_binary_naming_the_input() -> None:
    png_header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(InputError, match=r"^photo.png: looks like a binary file"):
        decode_text(png_header, "photo.png")


def test_normalises_line_endings_and_drops_control_characters() -> None:
    assert decode_text(b"One.\r\nTwo.\rThree\x07.", "a.txt") == "One.\nTwo.\nThree."
