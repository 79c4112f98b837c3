"""What a listener hears from real e-mail newsletters: for each file of ../shared/newsletters
(or --dir FOLDER: .eml, .mbox or .html bodies), the kind found, the stories, their headlines,
and anything left in the spoken script that should not be read (furniture, an e-mail address,
a URL).

    .venv/bin/python benchmarks/newsletters.py            # a Markdown table
    .venv/bin/python benchmarks/newsletters.py --json     # one object per file

Each file goes through `briefing script` as a user runs it (every story, three sentences each).
A file counts as read right when the script has at least one headline and nothing left; a
refusal (a newsletter not in English, one with no text) is counted apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWSLETTERS = REPO.parent / "shared" / "newsletters"
SUFFIXES = {".eml", ".mbox", ".html", ".htm"}

LEFT_OVER = re.compile(
    r"https?://\S+|\bwww\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|unsubscribe|view (?:it |this )?(?:in "
    r"(?:your |a )?browser|online)|read (?:it )?online|\bsponsor|brought to you by|"
    r"\breferr(?:al|ed)|preferences|©|copyright|all rights reserved|forwarded message|"
    r"share this|click to share|what did you think|\bdisclaimer\b|mailing address|"
    r"\bdésabonner|\bpartager\b",
    re.IGNORECASE,
)
"""What must never be read aloud from a newsletter."""


@dataclass
class Row:
    file: str
    kind: str
    """digest (several stories), single (one story) or refused (with the reason)."""
    stories: int
    headlines: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    """Furniture, e-mail addresses or URLs found in the spoken script."""
    seconds: float = 0.0
    reason: str = ""

    @property
    def right(self) -> bool:
        return self.kind != "refused" and bool(self.headlines) and not self.left


def measure(path: Path) -> Row:
    from briefing.errors import BriefingError
    from briefing.models import Length
    from briefing.pipeline import build_script
    from briefing.script.compose import headline_of

    started = time.perf_counter()
    try:
        script, _failures = build_script(
            [path], length=Length(sentences=3), date=dt.date(2026, 11, 25)
        )
    except BriefingError as error:
        reason = error.message.removeprefix(f"{path}: ")
        return Row(path.name, "refused", 0, seconds=time.perf_counter() - started, reason=reason)
    headlines = [headline_of(summary) for summary in script.stories]
    left = sorted({m.group(0)[:40] for m in LEFT_OVER.finditer(script.text)})
    kind = "digest" if len(headlines) > 1 else "single"
    return Row(path.name, kind, len(headlines), headlines, left, time.perf_counter() - started)


def table(rows: list[Row]) -> str:
    lines = [
        "| file | kind | stories | headlines | furniture/URL/email left |",
        "| --- | --- | ---: | --- | --- |",
    ]
    for row in rows:
        shown = "; ".join(row.headlines[:4]) + (
            f"; … ({len(row.headlines) - 4} more)" if len(row.headlines) > 4 else ""
        )
        if row.kind == "refused":
            shown = f"refused: {row.reason}"
        left = ", ".join(row.left) or "none"
        lines.append(f"| {row.file} | {row.kind} | {row.stories} | {shown} | {left} |")
    read = [r for r in rows if r.kind != "refused"]
    right = sum(r.right for r in read)
    lines.append("")
    lines.append(
        f"Read right: {right} of {len(read)} read ({right / max(1, len(read)):.0%}); "
        f"refused: {len(rows) - len(read)}; stories: {sum(r.stories for r in rows)}; "
        f"{sum(r.seconds for r in rows):.1f} s in all."
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=NEWSLETTERS, help="a folder of newsletters")
    parser.add_argument("--json", action="store_true", help="one JSON object per file")
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(f"benchmarks/newsletters.py: {args.dir} is missing; check the path.", file=sys.stderr)
        return 1
    sys.path.insert(0, str(REPO))
    files = sorted(p for p in args.dir.iterdir() if p.suffix.lower() in SUFFIXES)
    rows = [measure(path) for path in files]
    if args.json:
        for row in rows:
            print(json.dumps({**asdict(row), "right": row.right}, ensure_ascii=False))
    else:
        print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
