"""Who a folder source's stories are credited to: the config's name, the page's outlet, or none."""

from __future__ import annotations

from pathlib import Path

from briefing.config import load_config
from briefing.daily.collect import collect
from briefing.daily.dedupe import merge

BODY = " ".join(
    f"The harbour trust said on Monday that the new ferry pier would open in spring, sentence {n}."
    for n in range(1, 8)
)
PAGE = f"""<!doctype html><html lang="en"><head>
<title>Ferry pier to open in spring | Harbour Herald</title>
<meta property="og:site_name" content="Harbour Herald">
<meta property="og:title" content="Ferry pier to open in spring">
</head><body><article><h1>Ferry pier to open in spring</h1><p>{BODY}</p></article></body></html>
"""


def _config(tmp_path: Path, name: str = "") -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "pier.html").write_text(PAGE, encoding="utf-8")
    (inbox / "notes.txt").write_text(f"Allotments reopen\n\n{BODY}\n", encoding="utf-8")
    named = f'name = "{name}"\n' if name else ""
    path = tmp_path / "config.toml"
    path.write_text(f'output = "out"\n[[sources]]\n{named}folder = "{inbox}"\n', "utf-8")
    return path


def test_an_unnamed_folder_is_never_said_aloud(tmp_path: Path) -> None:
    candidates, failures = collect(load_config(_config(tmp_path)))
    assert not failures
    spoken = {c.article.title: c.article.source_name for c in candidates}
    assert spoken == {"Ferry pier to open in spring": "Harbour Herald", "Allotments reopen": None}
    assert all(str(tmp_path) not in (c.article.source_name or "") for c in candidates)
    merged = merge(candidates[0], candidates[1])  # credits: one outlet, one folder
    assert merged.article.source_name == "Harbour Herald"


def test_a_named_folder_credits_its_name(tmp_path: Path) -> None:
    candidates, _ = collect(load_config(_config(tmp_path, name="Garden notes")))
    assert {c.article.source_name for c in candidates} == {"Garden notes"}
