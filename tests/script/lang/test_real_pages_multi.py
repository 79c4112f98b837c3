"""Real German, French, Spanish, Italian and Portuguese news pages (../shared/real_pages_multi):
their body text, normalised in the page's language, has no digit left and no English number
word that the page did not have."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import trafilatura
from shared_corpus import Shared

from briefing.script.normalize import normalize

PAGES = [
    "zeit.de.zugverkehr.html", "tagesspiegel.de.abstandsregeln.html",
    "lopinion.fr.glyphosate.html", "lapresse.tn.parite.html",
    "elpais.com.ciencia.html", "elespectador.com-orion.html",
    "lastampa.it.temperature.html", "Repubblica.it-Israele-Hamas.html",
    "correio24horas.com.br-PMS.html", "gazetadopovo.com.br-pacheco.html",
]  # fmt: skip
"""Two pages per language, chosen for their numbers: dates, times, money, percentages."""
ENGLISH_NUMBER_WORDS = re.compile(
    r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|percent)\b"
)


def body_text(path: Path) -> str:
    """The article's text, decoded as the page really is (some declare their charset late)."""
    raw = path.read_bytes()
    try:
        html = raw.decode("utf-8")
    except UnicodeDecodeError:
        html = raw.decode("iso-8859-15")
    return trafilatura.extract(html) or ""


@pytest.mark.parametrize("page", PAGES)
def test_a_real_pages_text_is_said_in_its_language_with_no_digit_left(
    shared: Shared, page: str
) -> None:
    folder = shared("real_pages_multi")
    index = {entry["file"]: entry for entry in json.loads((folder / "index.json").read_text())}
    text = body_text(folder / page)
    assert re.search(r"[0-9]", text), "the page was chosen for its numbers"
    spoken = normalize(text, index[page]["lang"])
    assert not re.findall(r".{0,30}[0-9].{0,30}", spoken)
    leaked = set(ENGLISH_NUMBER_WORDS.findall(spoken)) - set(ENGLISH_NUMBER_WORDS.findall(text))
    assert not leaked
