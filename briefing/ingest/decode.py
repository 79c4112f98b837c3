"""Bytes to text: refuse binary data, honour byte-order marks, fall back to legacy encodings."""

from __future__ import annotations

import codecs

from briefing.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY_ENCODINGS = ("cp1252", "latin-1")
_SNIFF_BYTES = 8192
# Text control characters that are fine in articles: tab, newline, vertical tab, form feed, CR.
_ALLOWED_CONTROLS = {9, 10, 11, 12, 13}


def decode_text(data: bytes, origin: str) -> str:
    """Decode an article's bytes, or raise `InputError` naming `origin` when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _clean(data.decode(encoding), origin)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"{origin}: starts with a {encoding} byte-order mark but does not decode "
                    f"({error.reason}); save it again as UTF-8."
                ) from None
    utf16 = _guess_bomless_utf16(data[:_SNIFF_BYTES])
    if utf16:
        try:
            return _clean(data.decode(utf16), origin)
        except UnicodeDecodeError:
            pass
    if _looks_binary(data[:_SNIFF_BYTES]):
        raise InputError(
            f"{origin}: looks like a binary file, not text; give a .txt, .md or .html article."
        )
    try:
        return _clean(data.decode("utf-8"), origin)
    except UnicodeDecodeError:
        pass
    for encoding in _LEGACY_ENCODINGS:
        try:
            return _clean(data.decode(encoding), origin)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{origin}: cannot be decoded as text; save it as UTF-8.")  # pragma: no cover


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _ALLOWED_CONTROLS)
    return controls > 4 and controls / len(head) > 0.05


def _guess_bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL in every other byte for ASCII-heavy text."""
    if len(head) < 8:
        return None
    even_nuls = head[0::2].count(0) / len(head[0::2])
    odd_nuls = head[1::2].count(0) / len(head[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


_INVISIBLE = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
"""Direction overrides and marks, and stray byte-order marks: invisible, never spoken, and a way
to make text read differently from how it looks ("Trojan source")."""


def _clean(text: str, origin: str) -> str:
    """Normalise line endings and drop NULs, control and invisible direction characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    return "".join(ch for ch in text if (ch >= " " and not "\x7f" <= ch <= "\x9f") or ch in "\n\t")
