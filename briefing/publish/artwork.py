"""Show artwork and app icons made here, in the episode covers' colours, when none is given."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image as Picture

ARTWORK_SIZE = 1400
"""Apple Podcasts asks for square show art of 1400 to 3000 pixels."""
ICON_SIZES = (192, 512)
"""What browsers want for an installable web app."""
BLUE = (17, 42, 77)
AMBER = (242, 169, 0)
WHITE = (255, 255, 255)


def show_artwork(title: str, size: int = ARTWORK_SIZE) -> bytes:
    """A square PNG: the show's title on deep blue over an amber rule, like the covers."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (size, size), BLUE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, size * 0.70, size, size * 0.72), fill=AMBER)
    margin = size * 0.08
    for points in (size // 9, size // 12, size // 16):
        font = ImageFont.load_default(size=points)
        lines = _wrap(title, partial(draw.textlength, font=font), size - 2 * margin)
        if len(lines) <= 3:
            break
    lines = lines[:3]
    step = points * 1.2
    top = size * 0.66 - step * len(lines)
    for row, line in enumerate(lines):
        draw.text((margin, top + row * step), line, font=font, fill=WHITE)
    return _png(image)


def app_icon(title: str, size: int) -> bytes:
    """A square PNG icon: the title's first letter, kept inside the centre a mask may crop to."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (size, size), BLUE)
    draw = ImageDraw.Draw(image)
    letter = (title.strip()[:1] or "B").upper()
    font = ImageFont.load_default(size=int(size * 0.5))
    draw.text((size / 2, size * 0.46), letter, font=font, fill=WHITE, anchor="mm")
    draw.rectangle((size * 0.3, size * 0.7, size * 0.7, size * 0.73), fill=AMBER)
    return _png(image)


def _wrap(text: str, width_of: Callable[[str], float], limit: float) -> list[str]:
    """Greedy word wrap by measured width; a word wider than `limit` gets a line of its own."""
    lines: list[str] = []
    for word in text.split():
        if lines and width_of(f"{lines[-1]} {word}") <= limit:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _png(image: Picture) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
