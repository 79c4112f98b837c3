"""Fuzz targets and input strategies, shared by the property tests and the long fuzz session.

Each target takes one generated input, runs it through a real entry point, and raises
`AssertionError` when a promise is broken: only the project's own errors (`BriefingError`) may
escape, and what comes out must carry no markup, no control characters, no unspeakable token
and no run-on sentence.
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from briefing.errors import BriefingError

# ── inputs ───────────────────────────────────────────────────────────────────────────────────
MARKUP = (
    "<p>", "</p>", "<b>", "<script>alert(1)</script>", "<style>p{}</style>", "<!-- c -->",
    "<![CDATA[x]]>", "&amp;", "&lt;b&gt;", "&#0;", "&#x110000;", "**", "__", "*", "_", "~~",
    "`", "```\n", "# ", "## ", "\n> ", "\n- ", "\n1. ", "[a](http://x.org/)", "![i](p.png)",
    "[r][1]", "\n[1]: http://x.org\n", "---\n", "\n===\n", "<", ">", "[", "]", "(", ")",
    "http://example.org/a/very/long/path?q=1", "\x00", "\x1b[31m", "\u202e", "\ufeff", "\r\n",
    "\n\n", "\t", " ", ". ", "Mr. ", "£3bn ", "1,200 ", "ÉCOLE ", "日本語 ", "🙂 ",
    "<!DOCTYPE html [<!ENTITY a \"aaaa\">]>", "&a;",
)  # fmt: skip
_SENTENCE = (
    "The council said on Tuesday that the new harbour turbines would power homes across "
    "the region while fishing crews remained cautious about the project and its costs"
)
WORDS = tuple(_SENTENCE.split(" "))

words = st.lists(st.sampled_from(WORDS), min_size=0, max_size=40).map(" ".join)


def _text_with_runs(longest: int) -> st.SearchStrategy[str]:
    runs = st.builds(lambda c, n: c * n, st.sampled_from("x<*_[`#> .-9"), st.integers(60, longest))
    pieces = st.one_of(words, st.sampled_from(MARKUP), st.text(max_size=30), runs)
    return st.lists(pieces, max_size=40).map("".join)


article_text = _text_with_runs(3000)
"""What a file may hold, with runs of one character up to 3,000 long."""
speech_text = _text_with_runs(200)
"""What reaches the normaliser after ingest (tokens of at most 64 characters, titles of 200):
longer runs are not its input (see the report on `numbers._CODE`)."""
encodings = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "utf-8-sig"])


@st.composite
def article_bytes(draw: st.DrawFn) -> bytes:
    """An article as bytes: text in some encoding, or raw bytes now and then."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=2000))
    return draw(article_text).encode(draw(encodings), errors="replace")


KINDS = (None, "text", "markdown", "html")

_CONFIG_KEYS = (
    "minutes", "max_stories", "voice", "output", "favour", "mute", "podcast", "fetch",
    "sources", "title", "timeout", "max_bytes", "max_redirects", "allow_private", "url",
    "folder", "name", "limit", "keep", "base_url", "language", "mintues", "", "a.b",
)  # fmt: skip
_scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1), st.floats(), st.booleans(),
    st.text(max_size=20), st.sampled_from(["http://x.org/feed", "file:///etc/passwd", "~", ".."]),
)  # fmt: skip
toml_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(_CONFIG_KEYS), inner, max_size=4),
    ),
    max_leaves=12,
)
config_documents = st.dictionaries(st.sampled_from(_CONFIG_KEYS), toml_values, max_size=8)
preset_documents = st.dictionaries(
    st.sampled_from(
        ("name", "engine", "voice", "rate", "volume", "pitch", "language", "fallback",
         "presenter", "reader", "description", "speed")
    ),  # fmt: skip
    toml_values,
    max_size=6,
)


def to_toml(document: dict[str, Any]) -> str:
    """TOML text for a document (inline tables and arrays; JSON escapes are valid TOML)."""
    return "".join(f"{_key(k)} = {_value(v)}\n" for k, v in document.items())


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, int | str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"


# ── promises ─────────────────────────────────────────────────────────────────────────────────
TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]{0,200}>")
MARKDOWN = re.compile(r"\*\*\S|\]\(|```|^#{1,6} |^> ", re.MULTILINE)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def ingest_target(data: bytes, kind: str | None) -> None:
    """parse_article: a BriefingError or clean, speakable text."""
    from briefing.ingest import parse_article
    from briefing.ingest.guard import MAX_SENTENCE_WORDS, MAX_TOKEN_CHARS

    try:
        article = parse_article(data, origin="fuzz", kind=kind)
    except BriefingError:
        return
    text = article.text
    assert not CONTROL.search(text), repr(text[:200])
    assert not CONTROL.search(article.title or ""), repr(article.title)
    assert "\n\n\n" not in text
    assert max((len(token) for token in text.split()), default=0) <= MAX_TOKEN_CHARS
    for sentence in re.split(r"(?<=[.!?…])\s+", text):
        assert len(sentence.split()) <= MAX_SENTENCE_WORDS, sentence[:200]
    if kind in {"markdown", "html"}:
        assert not TAG.search(text), TAG.search(text)
    if kind == "markdown":
        assert not MARKDOWN.search(text), MARKDOWN.search(text)


def normalise_target(text: str) -> None:
    """normalize: never raises, and leaves no markup or control characters for the engine."""
    from briefing.script import normalize

    spoken = normalize(text)
    assert not TAG.search(spoken), (text[:200], spoken[:200])
    assert not CONTROL.search(spoken), repr(spoken[:200])
    assert "\n" not in spoken


def config_target(document: dict[str, Any] | bytes) -> None:
    """load_config: a DailyConfig or a ConfigError naming the file, from any document."""
    from briefing.config import DailyConfig, load_config
    from briefing.errors import ConfigError

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.toml"
        path.write_bytes(document if isinstance(document, bytes) else to_toml(document).encode())
        try:
            config = load_config(path)
        except ConfigError as error:
            assert str(path) in error.message and "\n" not in error.message, error.message
            return
        assert isinstance(config, DailyConfig) and config.sources


def preset_target(document: dict[str, Any]) -> None:
    """load_preset: a VoicePreset or a ConfigError, from any document."""
    from briefing.errors import ConfigError, UnknownEngineError
    from briefing.tts import load_preset

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "preset.toml"
        path.write_text(to_toml(document), encoding="utf-8")
        try:
            load_preset(str(path))
        except (ConfigError, UnknownEngineError) as error:
            assert "\n" not in error.message, error.message


TARGETS: dict[str, tuple[Callable[..., None], Any]] = {
    "ingest": (ingest_target, st.tuples(article_bytes(), st.sampled_from(KINDS))),
    "normaliser": (normalise_target, st.tuples(st.one_of(speech_text, st.text()))),
    "config": (
        config_target,
        st.tuples(st.one_of(config_documents, st.binary(max_size=300))),
    ),
    "preset": (preset_target, st.tuples(preset_documents)),
}
"""name → (target, strategy of argument tuples)."""
