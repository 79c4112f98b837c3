"""PDF documents (press releases, reports): the text in reading order, without page furniture.

pdfminer.six gives every line of text with its position and size. From those this reader
puts columns in reading order (found from the gutters between them, not from the order the
file happens to draw them in), drops running heads, page numbers and footers (lines at the top
or foot of the page that repeat from page to page, or are only a page number), joins words
hyphenated at line ends, and takes the title from the metadata or the first heading.
`benchmarks/documents.py` measures it against the libraries' own text.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.errors import InputError
from briefing.ingest.documents import (
    check_size,
    cut_after_end_mark,
    drop_addresses,
    drop_release_furniture,
    finish,
    plausible_title,
    without_site_name,
)
from briefing.ingest.furniture import strip_furniture
from briefing.models import Article

MAX_PAGES = 400
"""A book-length report; past this a PDF is an archive, and reading it would take minutes."""

_BAND = 0.1
"""Running heads and footers sit in the top and bottom tenth of the page."""
_FURNITURE_LINES = 3
"""At most this many lines at each end of a page are looked at as furniture."""
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?|seite)\s*)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|von)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_HYPHENS = "-\u00ad\u2010"
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st", "\u00a0": " "}
)
_CID = re.compile(r"\(cid:\d+\)")
_KEEP_HYPHEN_PREFIXES = frozenset(
    [
        "co",
        "non",
        "self",
        "half",
        "well",
        "long",
        "short",
        "high",
        "low",
        "full",
        "part",
        "mid",
        "semi",
        "cross",
        "two",
        "three",
        "four",
        "five",
        "seven",
        "eight",
        "nine",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "anti",
        "vice",
    ]
)
"""First halves that make a compound ("co-operative", "half-hour", "well-known") when a line
breaks at their hyphen; any other word broken at a line's end is joined back."""
_SENTENCE_END = re.compile(r"[.!?:…\"”’)]$")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class Line:
    """One line of text on a page, as laid out: PDF coordinates, y grows upwards."""

    page: int
    x0: float
    x1: float
    y0: float
    y1: float
    text: str
    size: float
    bold: bool

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    images: int


def parse_pdf(data: bytes, origin: str) -> list[Article]:
    """The story in a PDF: its title and its text in reading order, as one `Article`.

    Raises `InputError` (one line naming `origin`) for a file too large, corrupt, protected by
    a password, or scanned (pages that are pictures, with no text to read).
    """
    check_size(len(data), origin, "PDF")
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{origin}: is not a PDF (no %PDF header); check the file.")
    meta_title, pages = _read_pages(data, origin)
    if not any(page.lines for page in pages):
        if any(page.images for page in pages):
            raise InputError(
                f"{origin}: is a scanned PDF (pictures of pages, no text layer); run it through "
                "OCR (for example ocrmypdf) and try again."
            )
        raise InputError(f"{origin}: has no text to read (an empty or drawing-only PDF).")
    lines = _without_furniture(pages)
    body_size = _body_size(lines)
    meta = without_site_name(plausible_title(meta_title))
    found = _heading_like(lines, meta, body_size) if meta else None
    title: str | None
    if found:  # the metadata's title printed as a heading: the story starts there
        title, lines = found
    else:
        heading, rest = _first_heading(lines, body_size)
        if heading and (not meta or _shares_words(heading, meta)):
            title, lines = heading, rest
        else:  # no heading, or one about something else (a site's "Follow us", an advert)
            title = meta
    paragraphs = _paragraphs(_reading_order(pages, lines), body_size)
    paragraphs = _join_hyphenation(paragraphs)
    paragraphs = cut_after_end_mark(drop_release_furniture(paragraphs))
    paragraphs = drop_addresses(p for p in paragraphs if not _is_subhead(p))
    paragraphs = strip_furniture(paragraphs, titles=[t for t in (title, meta_title) if t])
    article = Article(text="\n\n".join(paragraphs), title=title, origin=origin)
    return finish([article], origin, "PDF")


def _read_pages(data: bytes, origin: str) -> tuple[str | None, list[Page]]:
    """Every page's lines through pdfminer's layout analysis; the library's failures become
    one line each (corrupt, encrypted, too many pages)."""
    import io

    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    corrupt = InputError(
        f"{origin}: is a damaged PDF that cannot be read (cut short or corrupt); "
        "download or export it again."
    )
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        raise InputError(
            f"{origin}: is an encrypted PDF that needs a password; save an unprotected copy "
            "(print to PDF) and try again."
        ) from None
    except Exception as error:  # the parser's own errors are many and loosely typed
        if "encrypt" in str(error).lower() or "crypt" in type(error).__name__.lower():
            raise InputError(
                f"{origin}: is encrypted in a way that cannot be opened ({error}); save an "
                "unprotected copy (print to PDF) and try again."
            ) from None
        raise corrupt from None
    try:
        count = int(resolve1(resolve1(document.catalog["Pages"])["Count"]))
    except Exception:
        count = 0
    if count > MAX_PAGES:
        raise InputError(
            f"{origin}: has {count} pages, more than {MAX_PAGES}; give the chapter or pages "
            "to read as a PDF of their own."
        )
    meta_title = _meta_title(document)
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams(all_texts=True))
    interpreter = PDFPageInterpreter(manager, device)
    layouts: list[tuple[int, Any]] = []
    number = 0
    try:
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            if number > MAX_PAGES:
                break
            interpreter.process_page(page)
            layouts.append((number, device.get_result()))
    except Exception:  # a damaged page: the pages before it are still read
        if not layouts:
            raise corrupt from None
    if not layouts:
        raise corrupt
    return meta_title, [_page(number, layout) for number, layout in layouts]


def _meta_title(document: object) -> str | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    for info in getattr(document, "info", []) or []:
        try:
            value = resolve1(info.get("Title"))
        except Exception:
            continue
        if isinstance(value, bytes):
            return decode_text(value)
        if isinstance(value, str):
            return value
    return None


def _page(number: int, layout: object) -> Page:
    from pdfminer.layout import LTChar, LTImage, LTTextLineHorizontal

    lines: list[Line] = []
    images = 0

    def walk(item: object) -> None:
        nonlocal images
        if isinstance(item, LTImage):
            images += 1
            return
        if isinstance(item, LTTextLineHorizontal):
            text = _clean(item.get_text())
            if text:
                chars = [c for c in item if isinstance(c, LTChar) and c.get_text().strip()]
                size = statistics.median(c.size for c in chars) if chars else item.height
                bold = (
                    bool(chars)
                    and sum("bold" in c.fontname.lower() for c in chars) > len(chars) / 2
                )
                lines.append(
                    Line(number, item.x0, item.x1, item.y0, item.y1, text, round(size, 1), bold)
                )
            return
        for child in getattr(item, "_objs", ()):
            walk(child)

    walk(layout)
    width = float(getattr(layout, "width", 612.0))
    height = float(getattr(layout, "height", 792.0))
    return Page(number, width, height, tuple(lines), images)


def _clean(text: str) -> str:
    text = _CID.sub("", unicodedata.normalize("NFC", text.translate(_LIGATURES)))
    return " ".join(text.split())


def _furniture_key(text: str) -> str:
    """Page furniture compared across pages: digits and case do not count ("Page 2 of 9")."""
    return re.sub(r"\d+", "#", text.lower()).strip()


def _without_furniture(pages: Sequence[Page]) -> list[Line]:
    """Every line except running heads, footers and page numbers."""
    edges: dict[int, list[Line]] = {}
    for page in pages:
        ordered = sorted(page.lines, key=lambda line: -line.y1)
        top = [ln for ln in ordered[:_FURNITURE_LINES] if ln.y0 > page.height * (1 - _BAND)]
        bottom = [ln for ln in ordered[-_FURNITURE_LINES:] if ln.y1 < page.height * _BAND]
        edges[page.number] = top + bottom
    seen = Counter(
        key for page in pages for key in {_furniture_key(ln.text) for ln in edges[page.number]}
    )
    repeated = max(2, round(len(pages) * 0.3)) if len(pages) > 1 else 99
    body_size = _body_size([ln for page in pages for ln in page.lines])
    kept: list[Line] = []
    for page in pages:
        furniture = {
            id(ln)
            for ln in edges[page.number]
            if _PAGE_NUMBER.match(ln.text)
            or seen[_furniture_key(ln.text)] >= repeated
            or (len(pages) == 1 and ln.size < body_size * 0.85)
        }
        kept.extend(ln for ln in page.lines if id(ln) not in furniture)
    return kept


def _body_size(lines: Iterable[Line]) -> float:
    """The size most of the text is set in (weighted by characters)."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _first_heading(lines: list[Line], body_size: float) -> tuple[str | None, list[Line]]:
    """The title printed on the first page with text: its largest type, well above the body's,
    near the top; a title over several lines is one. Taken out of the text."""
    if not lines:
        return None, lines
    first_page = min(ln.page for ln in lines)
    page_lines = sorted((ln for ln in lines if ln.page == first_page), key=lambda ln: -ln.y1)
    top = page_lines[:12]
    biggest = max((ln.size for ln in top), default=0.0)
    if biggest < body_size * 1.25:
        return None, lines
    start = next(i for i, ln in enumerate(top) if ln.size >= biggest * 0.95)
    heading = [top[start]]
    for line in top[start + 1 :]:
        if abs(line.size - biggest) > biggest * 0.05:
            break
        heading.append(line)
    text = _heading_text(heading)
    if len(text.split()) > 30 or len(_WORD.findall(text)) < 2:
        return None, lines
    used = {id(ln) for ln in heading}
    return text, [ln for ln in lines if id(ln) not in used]


def _shares_words(heading: str, title: str) -> bool:
    said = {w.lower() for w in _WORD.findall(heading) if len(w) > 3}
    return bool(said & {w.lower() for w in _WORD.findall(title)}) or not said


def _heading_like(
    lines: list[Line], meta_title: str, body_size: float
) -> tuple[str, list[Line]] | None:
    """The heading on the first two pages that says what the metadata's title says (a web page
    saved as PDF: "Headline | Site" in the metadata, the headline printed under the site's
    menus), and the lines after it; None when no heading matches."""
    wanted = {w.lower() for w in _WORD.findall(meta_title)}
    if len(wanted) < 3 or not lines:
        return None
    first_page = min(ln.page for ln in lines)
    ordered = sorted(
        (ln for ln in lines if ln.page <= first_page + 1), key=lambda ln: (ln.page, -ln.y1)
    )
    groups: list[list[Line]] = []
    for line in ordered:
        if line.size < body_size * 1.15:
            continue
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and last.page == line.page
            and abs(last.size - line.size) <= line.size * 0.05
            and last.y0 - line.y1 < line.size * 1.2
        ):
            groups[-1].append(line)
        else:
            groups.append([line])
    best: tuple[float, list[Line]] | None = None
    for group in groups:
        said = {w.lower() for w in _WORD.findall(" ".join(ln.text for ln in group))}
        if len(said) < 3:
            continue
        shared = len(said & wanted)
        if shared >= 0.7 * len(said) and shared >= 0.5 * len(wanted):
            score = shared / len(said | wanted)
            if best is None or score > best[0]:
                best = (score, group)
    if best is None:
        return None
    group = best[1]
    start = group[0]
    before = [ln for ln in lines if (ln.page, -ln.y1) < (start.page, -start.y1) and ln not in group]
    if sum(len(ln.text) for ln in before) > 0.3 * sum(len(ln.text) for ln in lines):
        before = []  # much text above it: a report's cover page, not a site's menus
    dropped = {id(ln) for ln in (*group, *before)}
    return _heading_text(group), [ln for ln in lines if id(ln) not in dropped]


def _heading_text(lines: Sequence[Line]) -> str:
    """A heading over several lines as one: headings are not hyphenated by layout, so a hyphen
    at a line's end is the word's own ("re-election")."""
    return _join_lines([ln.text for ln in lines]).replace("\x00", "-")


def _reading_order(pages: Sequence[Page], lines: Sequence[Line]) -> list[list[Line]]:
    """The lines as blocks read one after another: per page, full-width parts top to bottom,
    and within a part in columns, each column top to bottom, left to right."""
    blocks: list[list[Line]] = []
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    previous: list[float] = []
    for page in pages:
        page_lines = by_page.get(page.number, [])
        if page_lines:
            gutters = _gutters(page_lines) or _kept_gutters(previous, page_lines)
            blocks.extend(_page_blocks(page_lines, gutters))
            previous = gutters
    return blocks


def _kept_gutters(gutters: Sequence[float], lines: Sequence[Line]) -> list[float]:
    """The last page's gutters, for a page with too few lines to show its own (the end of an
    article: two lines in each column), where no line crosses them and text stands each side."""
    return [
        g
        for g in gutters
        if not any(ln.x0 < g < ln.x1 for ln in lines)
        and any(ln.x1 <= g for ln in lines)
        and any(ln.x0 >= g for ln in lines)
    ]


def _page_blocks(lines: list[Line], gutters: Sequence[float] | None = None) -> list[list[Line]]:
    gutters = _gutters(lines) if gutters is None else gutters
    ordered = sorted(lines, key=lambda ln: (-ln.y1, ln.x0))
    blocks: list[list[Line]] = []
    region: list[Line] = []

    def close_region() -> None:
        if not region:
            return
        columns: list[list[Line]] = [[] for _ in range(len(gutters) + 1)]
        for line in region:
            middle = (line.x0 + line.x1) / 2
            columns[sum(middle > g for g in gutters)].append(line)
        blocks.extend(_merge_baselines(column) for column in columns if column)
        region.clear()

    spanning: list[Line] | None = None
    for line in ordered:
        if any(line.x0 < g < line.x1 for g in gutters):  # a title or a table across the page
            close_region()
            if spanning is None:
                spanning = []
                blocks.append(spanning)
            spanning.append(line)
        else:
            spanning = None
            region.append(line)
    close_region()
    return blocks


def _gutters(lines: Sequence[Line]) -> list[float]:
    """x positions of the empty channels between columns: no narrow line crosses them, and a
    good number of lines stand on each side."""
    if len(lines) < 6:
        return []
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    span = right - left
    if span <= 0:
        return []
    narrow = [ln for ln in lines if ln.width < span * 0.66]
    if len(narrow) < 6:
        return []
    cover = [0] * (int(span) + 2)
    for line in narrow:
        for x in range(int(line.x0 - left), int(line.x1 - left) + 1):
            cover[x] += 1
    gutters: list[float] = []
    run_start: int | None = None
    for x, count in enumerate(cover):
        if count == 0 and run_start is None:
            run_start = x
        elif count and run_start is not None:
            if x - run_start >= 6 and run_start > 0:
                middle = left + (run_start + x) / 2
                on_left = sum(1 for ln in narrow if ln.x1 <= middle)
                on_right = sum(1 for ln in narrow if ln.x0 >= middle)
                if min(on_left, on_right) >= 3:
                    gutters.append(middle)
            run_start = None
    return gutters


def _merge_baselines(column: list[Line]) -> list[Line]:
    """Pieces of one line that the layout analysis split (wide justified gaps) made one again."""
    merged: list[Line] = []
    for line in sorted(column, key=lambda ln: (-round(ln.y0), ln.x0)):
        last = merged[-1] if merged else None
        if last and abs(last.y0 - line.y0) < line.size * 0.3 and line.x0 >= last.x1 - 1:
            merged[-1] = Line(
                last.page,
                last.x0,
                line.x1,
                min(last.y0, line.y0),
                max(last.y1, line.y1),
                f"{last.text} {line.text}",
                last.size,
                last.bold and line.bold,
            )
        else:
            merged.append(line)
    return merged


def _paragraphs(blocks: Sequence[list[Line]], body_size: float) -> list[str]:
    """Lines into paragraphs: a new one after a wider gap than the lines' usual spacing, after
    a short line that ends a sentence, at an indented first line, or where the type changes."""
    paragraphs: list[list[str]] = []
    previous: Line | None = None
    previous_right = 0.0
    for block in blocks:
        gaps = [a.y0 - b.y0 for a, b in zip(block, block[1:], strict=False) if a.y0 > b.y0]
        spacing = statistics.median(gaps) if gaps else body_size * 1.2
        left = min(ln.x0 for ln in block)
        right = max(ln.x1 for ln in block)
        for index, line in enumerate(block):
            if previous is None or _breaks(
                previous, line, spacing, left, previous_right, block_start=index == 0
            ):
                paragraphs.append([line.text])
            else:
                paragraphs[-1].append(line.text)
            previous, previous_right = line, right
    return [_join_lines(lines) for lines in paragraphs]


def _breaks(
    previous: Line, line: Line, spacing: float, left: float, right: float, block_start: bool
) -> bool:
    """Whether `line` starts a paragraph; `right` is the right edge of `previous`'s column."""
    if abs(previous.size - line.size) > max(previous.size, line.size) * 0.1:
        return True
    if previous.bold != line.bold:
        return True
    short = previous.x1 < right - max(previous.size * 4, (right - previous.x0) * 0.1)
    if short and _SENTENCE_END.search(previous.text):
        return True
    if short and not previous.text.endswith((*_HYPHENS, ",")) and len(previous.text.split()) <= 8:
        return True  # a crosshead, or a title's last line
    if block_start:
        return False  # a new column or page goes on with the paragraph the last one broke off
    if previous.y0 - line.y0 > spacing * 1.25:
        return True
    return line.x0 > left + line.size * 1.2 and _SENTENCE_END.search(previous.text) is not None


def _join_lines(lines: Sequence[str]) -> str:
    """Lines joined with a space; a line ending in a hyphen keeps it, marked for
    `_join_hyphenation` to decide once every paragraph is known."""
    text = ""
    for line in lines:
        if text.endswith(tuple(_HYPHENS)) and text[-2:-1].isalpha():
            text = text[:-1] + "\x00" + line
        elif text:
            text = f"{text} {line}"
        else:
            text = line
    return text


_SPLIT = re.compile(r"([^\W\d_]+)\x00(\S+)")


def _join_hyphenation(paragraphs: Sequence[str]) -> list[str]:
    """ "un-\\x00der" → "under", "co-\\x00operative" → "co-operative": a word broken at a line's end
    is joined, unless the document spells it with the hyphen elsewhere or its first half is a
    word that makes compounds."""
    plain = " ".join(paragraphs).replace("\x00", " ").lower()
    words = Counter(_WORD.findall(plain))

    def join(match: re.Match[str]) -> str:
        first, rest = match.group(1), match.group(2)
        word = re.match(r"[^\W\d_]+", rest)
        second = word.group(0) if word else ""
        if not second or not second[0].islower() or len(second) < 3 and rest == second:
            return f"{first}-{rest}"  # "COVID-19", "Anglo-French": a real hyphen
        hyphenated = f"{first}-{second}".lower()
        joined = f"{first}{second}".lower()
        if words[hyphenated] > words[joined] or (
            first.lower() in _KEEP_HYPHEN_PREFIXES and not words[joined]
        ):
            return f"{first}-{rest}"
        return f"{first}{rest}"

    return [_SPLIT.sub(join, p).replace("\x00", "-") for p in paragraphs]


def _is_subhead(paragraph: str) -> bool:
    """A short line with no sentence in it ("Notes to editors", "Maintenance"): a crosshead."""
    words = paragraph.split()
    return len(words) <= 6 and not _SENTENCE_END.search(paragraph) and not paragraph.endswith(",")
