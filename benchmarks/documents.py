"""PDF text: briefing's reader against the libraries' own text, per file, on PDFs with a known text.

For each PDF whose source text is known, the table gives, per reader:

- **order**: the share of the source's words found in the source's order (the longest run of
  matching words, by difflib, over the source's word count): columns read across, or a
  running head in mid-sentence, lower it;
- **furniture**: lines of page furniture left in the text: running heads, footers and
  page-number lines (the strings the file was printed with);
- **splits**: words of the source that the text leaves broken at a line-end hyphen
  ("har- bour", "har-bour").

The readers: pypdf's `extract_text()`, pdfminer.six's `extract_text()`, pdfplumber's
`extract_text()`, each as the library gives it (the baseline), and briefing's `parse_pdf`
(title and text, built on pdfminer.six's layout analysis). The files are the committed
fixtures (tests/fixtures/documents, printed by LibreOffice from src/*.md) and, with
`--shared N`, N BBC articles from ../shared/eval/bbc_dev.jsonl printed the same way in three
layouts (two columns on A5, three columns on A4, one column on Letter; each with a running
head and page numbers), made in a cache folder outside the repository (their text is not
ours to copy in) with LibreOffice, which that option needs.

    python benchmarks/documents.py                # fixtures only
    python benchmarks/documents.py --shared 12    # and 12 BBC articles in print layouts
    python benchmarks/documents.py --json
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "documents"
BBC = REPO.parent / "shared" / "eval" / "bbc_dev.jsonl"
CACHE = Path(tempfile.gettempdir()) / "briefing-bench-documents"
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_PAGE_LINE = re.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)


@dataclass
class Document:
    """A PDF and what it was printed from: its text, and its furniture strings."""

    name: str
    path: Path
    text: str
    furniture: list[str]


@dataclass
class Score:
    order: float
    furniture: int
    splits: int
    seconds: float


@dataclass
class Row:
    document: str
    scores: dict[str, Score] = field(default_factory=dict)


def _pypdf(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _pdfminer(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(path))


def _pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _briefing(path: Path) -> str:
    from briefing.ingest.pdf import parse_pdf

    [article] = parse_pdf(path.read_bytes(), path.name)
    return f"{article.title or ''}\n\n{article.text}"


READERS: dict[str, Callable[[Path], str]] = {
    "pypdf": _pypdf,
    "pdfminer.six": _pdfminer,
    "pdfplumber": _pdfplumber,
    "briefing": _briefing,
}


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def order(reference: list[str], found: list[str]) -> float:
    matcher = difflib.SequenceMatcher(None, reference, found, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(1, len(reference))


def furniture_left(text: str, furniture: list[str]) -> int:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    left = sum(1 for line in lines if _PAGE_LINE.match(line))
    flat = " ".join(text.split())
    for item in furniture:
        left += flat.count(" ".join(item.split()))
    return left


def splits_left(text: str, reference_text: str) -> int:
    vocabulary = set(words(reference_text))
    hyphenated = set(re.findall(r"\w+-\w+", reference_text.lower()))
    left = 0
    for first, second in re.findall(r"([^\W\d_]+)[-\u00ad\u2010]\s*([^\W\d_]+)", text):
        joined = f"{first}{second}".lower()
        if joined in vocabulary and f"{first}-{second}".lower() not in hyphenated:
            left += 1
    return left


def score(document: Document, reader: Callable[[Path], str]) -> Score:
    start = time.perf_counter()
    text = reader(document.path)
    seconds = time.perf_counter() - start
    return Score(
        order=order(words(document.text), words(text)),
        furniture=furniture_left(text, document.furniture),
        splits=splits_left(text, document.text),
        seconds=seconds,
    )


def fixture_documents() -> list[Document]:
    def source(name: str) -> str:
        lines = (FIXTURES / "src" / name).read_text(encoding="utf-8").split("\n")
        return "\n".join([lines[0][2:], *lines[1:]])

    release = source("press-release.md").split("\nENDS\n")[0]
    return [
        Document(
            "two-column-report.pdf",
            FIXTURES / "two-column-report.pdf",
            source("report.md"),
            [
                "Port Ellery Energy Co-operative · Winter trial report 2026",
                "Page 1 of 2",
                "Page 2 of 2",
            ],
        ),
        Document(
            "press-release.pdf",
            FIXTURES / "press-release.pdf",
            release,
            ["PRESS RELEASE", "Quay Street · www.portellery-energy.example"],
        ),
        Document(
            "metadata-title.pdf", FIXTURES / "metadata-title.pdf", source("metadata-title.md"), []
        ),
    ]


_LAYOUTS = [
    ("two-column-a5", ["--columns", "2", "--page", "a5", "--font-size", "9.5"]),
    ("three-column-a4", ["--columns", "3", "--page", "a4", "--font-size", "9"]),
    ("one-column-letter", ["--columns", "1", "--page", "letter", "--font-size", "11"]),
]


def shared_documents(count: int) -> list[Document]:
    """`count` BBC articles printed by LibreOffice in the three layouts, in turn (cached)."""
    if not BBC.is_file():
        raise SystemExit(f"benchmarks/documents.py: --shared needs {BBC}; put ../shared in place.")
    soffice = shutil.which("soffice")
    records = [json.loads(line) for line in BBC.read_text(encoding="utf-8").splitlines()[:count]]
    CACHE.mkdir(parents=True, exist_ok=True)
    documents: list[Document] = []
    pending: list[Path] = []
    for index, record in enumerate(records):
        layout, options = _LAYOUTS[index % len(_LAYOUTS)]
        headline, _, body = record["article"].strip().partition("\n")
        paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
        head = "BBC News · Business and politics digest"
        footer = "Page {page} of {pages}"
        stem = f"{record['id']}-{layout}"
        pdf = CACHE / f"{stem}.pdf"
        if not pdf.is_file():
            if soffice is None:
                raise SystemExit(
                    "benchmarks/documents.py: --shared prints with LibreOffice; install "
                    "libreoffice-writer (and hyphen-en-us) first."
                )
            source = CACHE / f"{stem}.md"
            source.write_text(f"# {headline.strip()}\n\n" + "\n\n".join(paragraphs), "utf-8")
            subprocess.run(
                [
                    sys.executable,
                    str(FIXTURES / "make_fodt.py"),
                    str(source),
                    str(CACHE / f"{stem}.fodt"),
                    "--head",
                    head,
                    "--footer",
                    footer,
                    *options,
                ],
                check=True,
            )
            pending.append(CACHE / f"{stem}.fodt")
        pages = [f"Page {n} of {m}" for m in range(1, 6) for n in range(1, m + 1)]
        documents.append(
            Document(pdf.name, pdf, f"{headline}\n" + "\n".join(paragraphs), [head, *pages])
        )
    if pending and soffice:
        subprocess.run(
            [
                soffice,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(CACHE),
                *map(str, pending),
            ],
            check=True,
            capture_output=True,
        )
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=int,
        default=0,
        metavar="N",
        help="also N BBC articles from ../shared printed in three layouts",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per file")
    args = parser.parse_args()
    documents = fixture_documents() + (shared_documents(args.shared) if args.shared else [])
    rows = [
        Row(d.name, {name: score(d, reader) for name, reader in READERS.items()}) for d in documents
    ]
    if args.json:
        for row in rows:
            print(
                json.dumps(
                    {
                        "document": row.document,
                        "scores": {k: asdict(v) for k, v in row.scores.items()},
                    }
                )
            )
        return
    out = io.StringIO()
    names = list(READERS)
    out.write("| file | " + " | ".join(f"{n}: order / furniture / splits" for n in names) + " |\n")
    out.write("| --- |" + " --- |" * len(names) + "\n")
    for row in rows:
        cells = [f"{s.order:.1%} / {s.furniture} / {s.splits}" for s in row.scores.values()]
        out.write(f"| {row.document} | " + " | ".join(cells) + " |\n")
    totals = []
    for name in names:
        scores = [row.scores[name] for row in rows]
        mean = sum(s.order for s in scores) / len(scores)
        totals.append(
            f"{mean:.1%} / {sum(s.furniture for s in scores)} / {sum(s.splits for s in scores)}"
            f" ({sum(s.seconds for s in scores):.1f} s)"
        )
    out.write(f"| **all {len(rows)} files** | " + " | ".join(totals) + " |\n")
    print(out.getvalue(), end="")


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
