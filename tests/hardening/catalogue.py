"""The catalogue of bad inputs: what a user might give `briefing`, and what it must answer.

One row per case: the command line, how to make the bad input, the one line expected on
stderr (a regular expression, searched), and the exit code. `test_catalogue.py` runs every row
through the real CLI and also proves that nothing else was lost (see there).

Placeholders in `args` and `env`: {good} a good article, {bad} the case's bad input (written by
`setup`), {out} an output folder holding yesterday's episode and feed, {url} the loopback
fixture server, {fake} a voice preset with the fake engine, {tmp} the case's folder,
{nobin} an empty folder (a PATH without ffmpeg or espeak-ng), {readonly} a read-only mount.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

GOOD_HEADLINE = "Tidal turbines in Port Ellery harbour"
"""The good article's headline: present in the output whenever a bad input is skipped."""


@dataclass(frozen=True)
class Case:
    name: str
    area: str
    """ingest, url, config, option or environment."""
    args: tuple[str, ...]
    message: str | None
    """A regex the one stderr line must contain; None: the input is read, nothing on stderr."""
    exit_code: int
    setup: Callable[[Path], None] | None = None
    """Writes `{bad}` (the path tmp/"bad" + `suffix`) and anything else the case needs."""
    suffix: str = ".txt"
    env: dict[str, str] = field(default_factory=dict)
    stdin: bytes | None = None
    creates: tuple[str, ...] = ()
    """Files the run is expected to create (relative to tmp); any other change is a loss."""
    expect_stdout: str | None = None
    """A regex stdout must contain (e.g. the good story), when it matters."""
    refuse_stdout: str | None = None
    """A regex stdout must not contain (e.g. the giant token)."""


def _write(data: bytes | str) -> Callable[[Path], None]:
    def setup(path: Path) -> None:
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return setup


def _config(text: str) -> Callable[[Path], None]:
    """A config file; `output = "out"` goes first unless set (so line numbers are one more)."""

    def setup(path: Path) -> None:
        folder = path.parent / "articles"
        folder.mkdir(exist_ok=True)
        head = "" if text.startswith("output") else 'output = "out"\n'
        path.write_text(head + text.replace("{folder}", str(folder)), encoding="utf-8")

    return setup


def _sized(megabytes: int) -> Callable[[Path], None]:
    def setup(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(megabytes * 1024 * 1024)  # sparse: instant, still 50 MB to stat
        with path.open("r+b") as handle:
            handle.write(b"Headline\n\nSome words. " * 10)

    return setup


def _make_folder(path: Path) -> None:
    path.mkdir()


def _symlink_loop(path: Path) -> None:
    os.symlink(path, path)


STORY = (
    "The council said on Tuesday that the new harbour turbines would power about four "
    "thousand homes this winter. Engineers will now test how they cope with storms. "
    "Fishing crews said they remained cautious about the project."
)
JAPANESE = (
    "港に潮力タービン\n\n市議会は火曜日、港に新しい潮力タービンを建設することを決定した。来年から"
    "約一万世帯に電力を供給する予定だと、運営する協同組合は説明している。漁師たちは漁場への影響を"
    "心配しているが、事業者は定期的な点検と半年ごとの独立した調査を約束した。"
)
CHINESE = (
    "港口潮汐涡轮机\n\n市议会周二决定在港口建造新的潮汐涡轮机，运营合作社表示，从明年开始将为"
    "大约一万户家庭供电。渔民担心渔场受到影响，但运营方承诺定期检查，并每半年进行一次独立调查。"
)
THAI = (
    "กังหันน้ำขึ้นน้ำลงในท่าเรือ\n\nสภาเมืองตัดสินใจเมื่อวันอังคารที่จะสร้างกังหันน้ำขึ้นน้ำลงใหม่ในท่าเรือ "
    "ซึ่งจะจ่ายไฟฟ้าให้กับบ้านประมาณหนึ่งหมื่นหลังตั้งแต่ปีหน้า ชาวประมงกังวลเรื่องแหล่งประมง "
    "แต่ผู้ดำเนินการสัญญาว่าจะตรวจสอบอย่างสม่ำเสมอ"
)
_UNREAD = r"; briefing reads English, German, French, Spanish, Italian and Portuguese"
"""The rest of the refusal of a language briefing cannot read (after "looks like X")."""
HTML_SCRIPTS_ONLY = (
    "<!doctype html><html><head><title>Gazette</title><script>var t = 'secret';</script>"
    "<style>body{color:red}</style></head><body><nav><a href='/'>Home</a> <a href='/s'>Sport"
    "</a> <a href='/w'>Weather</a></nav><script>document.write('Buy now')</script>"
    "<footer>Copyright Gazette</footer></body></html>"
)
HTML_BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "lollollollollollollollollollol">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
    ']><html><body><article><h1>Laughs</h1><p>&e;&e;&e;&e;</p></article></body></html>'
)
HTML_XXE = (
    '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    "<html><body><article><h1>Secrets</h1><p>&x;</p><p>" + STORY + "</p></article></body></html>"
)
_RUN_ON = "the council said on tuesday that new harbour turbines would power homes "
LONG_SENTENCE = "Harbour news\n\n" + (_RUN_ON * 1400)[:100_000].strip() + "."
LONG_TOKEN = "Harbour news\n\nThe council said " + "x" * 100_000 + " today. " + STORY
TITLE_TRAVERSAL = "# ../../../etc/passwd \\ ..\\..\\boot.ini / \u202eevil\n\n" + STORY
PRESET_BAD_RATE = 'name = "bad"\nengine = "fake"\nrate = "fast"\n'
PRESET_UNKNOWN_KEY = 'name = "bad"\nengine = "fake"\nspeed = 180\n'
PRESET_BAD_TOML = 'name = "bad\nengine = fake\n'
PRESET_UNKNOWN_ENGINE = 'name = "bad"\nengine = "nosuch"\n'
ESPEAK_ONLY = 'name = "espeak"\nengine = "espeak-ng"\nlanguage = "en-GB"\n'

_SOURCES = '[[sources]]\nfolder = "{folder}"\n'
_GOOD_CONFIG_HEAD = 'output = "out"\nvoice = "{fake}"\n'

SCRIPT = ("script", "{good}", "{bad}")
"""Most ingest rows: the good article and the bad one; the good one must still be read."""
SKIP = 2
MADE = tuple(f"out/today.{ext}" for ext in ("mp3", "chapters.json", "html", "srt", "vtt"))
"""What a successful `MAKE` writes: the episode and its side files, all in the output folder."""
MAKE = ("make", "{good}", "--voice", "{fake}", "-o", "{out}/today.mp3")


CASES: tuple[Case, ...] = (
    # ── ingest: files and stdin ────────────────────────────────────────────────────────────
    Case("empty file", "ingest", SCRIPT, r"is empty; give a file with the article's text", SKIP,
         _write(b"")),
    Case("whitespace only", "ingest", SCRIPT, r"is empty", SKIP, _write(b" \n\t\r\n  \n")),
    Case("binary (PNG)", "ingest", SCRIPT, r"looks like a binary file", SKIP,
         _write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8), ".png"),
    Case("NUL bytes in text", "ingest", SCRIPT, r"looks like a binary file", SKIP,
         _write(STORY.encode() + b"\x00\x00\x00" + STORY.encode())),
    Case("zip posing as text", "ingest", SCRIPT, r"looks like a binary file", SKIP,
         _write(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4)),
    Case("control characters", "ingest", SCRIPT, r"looks like a binary file", SKIP,
         _write(bytes(range(1, 9)) * 200)),
    Case("invalid UTF-8 (cp1252 café)", "ingest", SCRIPT, None, 0,
         _write(("Café owners welcome turbines\n\n" + STORY + " The café was busy.").encode(
             "cp1252")), expect_stdout=r"Café owners welcome turbines"),
    Case("UTF-16 with BOM", "ingest", SCRIPT, None, 0,
         _write(codecs.BOM_UTF16_LE + ("Turbines power homes\n\n" + STORY).encode("utf-16-le")),
         expect_stdout=r"Turbines power homes"),
    Case("UTF-16 without BOM", "ingest", SCRIPT, None, 0,
         _write(("Turbines power homes\n\n" + STORY).encode("utf-16-be")),
         expect_stdout=r"Turbines power homes"),
    Case("latin-1", "ingest", SCRIPT, None, 0,
         _write(("Señora Núñez backs turbines\n\n" + STORY).encode("latin-1")),
         expect_stdout=r"Señora Núñez backs turbines"),
    Case("truncated UTF-32 BOM file", "ingest", SCRIPT, r"byte-order mark but does not decode",
         SKIP, _write(codecs.BOM_UTF32_LE + b"ab\x00")),
    Case("50 MB text file", "ingest", SCRIPT, r"is 50 MB, too large for an article", SKIP,
         _sized(50)),
    Case("100,000-character sentence", "ingest", SCRIPT, None, 0, _write(LONG_SENTENCE),
         refuse_stdout=r"Harbour news[^\n]{2500}"),  # 3 sentences of at most 80 words
    Case("100,000-character token", "ingest", SCRIPT, None, 0, _write(LONG_TOKEN),
         refuse_stdout=r"x{65}"),
    Case("too little text", "ingest", SCRIPT, r"too little text to summarise \(3 words\)", SKIP,
         _write("Just three words")),
    Case("Markdown of only code and markup", "ingest", SCRIPT, r"too little text", SKIP,
         _write("# \n\n```\nprint('hello world and more words here')\n```\n\n---\n\n* **\n"),
         ".md"),
    Case("HTML with only scripts and navigation", "ingest", SCRIPT,
         r"no article text found in this HTML page", SKIP, _write(HTML_SCRIPTS_ONLY), ".html"),
    Case("HTML with entity expansion (billion laughs)", "ingest", SCRIPT,
         r"no article text found|too little text", SKIP, _write(HTML_BILLION_LAUGHS), ".html",
         refuse_stdout=r"lollollol"),
    Case("HTML with an external entity", "ingest", SCRIPT, None, 0, _write(HTML_XXE), ".html",
         refuse_stdout=r"root:|/bin/"),
    Case("Japanese article", "ingest", SCRIPT, r"bad\.txt: looks like Japanese" + _UNREAD, SKIP,
         _write(JAPANESE)),
    Case("Chinese article", "ingest", SCRIPT, r"bad\.txt: looks like Chinese" + _UNREAD, SKIP,
         _write(CHINESE)),
    Case("Thai article", "ingest", SCRIPT, r"bad\.txt: looks like Thai" + _UNREAD, SKIP,
         _write(THAI)),
    Case("title with path separators and ..", "ingest", (*MAKE, "{bad}"), None, 0,
         _write(TITLE_TRAVERSAL), ".md", creates=MADE),
    Case("missing file", "ingest", ("script", "{good}", "{tmp}/nowhere.txt"),
         r"nowhere\.txt: no such file; check the path", SKIP),
    Case("a folder as input", "ingest", SCRIPT, r"is a folder; give an article file", SKIP,
         _make_folder, ""),
    Case("symlink loop", "ingest", SCRIPT, r"cannot be read|no such file", SKIP, _symlink_loop),
    Case("every input bad", "ingest", ("script", "{bad}"), r"^briefing: error: .*is empty", 2,
         _write(b"")),
    Case("empty stdin", "ingest", ("script", "-"), r"^briefing: error: stdin: is empty", 2,
         stdin=b""),
    Case("binary stdin", "ingest", ("script", "-"), r"stdin: looks like a binary file", 2,
         stdin=bytes(range(256)) * 16),
    # ── URLs and feeds (a real server on 127.0.0.1) ────────────────────────────────────────
    Case("file:// URL", "url", ("script", "{good}", "file:///etc/passwd"),
         r"only http:// and https:// URLs can be read", SKIP),
    Case("ftp:// URL", "url", ("script", "{good}", "ftp://example.org/news.txt"),
         r"only http:// and https:// URLs can be read", SKIP),
    Case("data: URL", "url", ("script", "{good}", "data:text/plain,Hello"),
         r"only http:// and https:// URLs can be read", SKIP),
    Case("loopback refused by default", "url", ("script", "{good}", "{url}pages/tidal.html"),
         r"127\.0\.0\.1 is a private, loopback or link-local address", SKIP),
    Case("link-local (cloud metadata) refused", "url",
         ("script", "{good}", "http://169.254.169.254/latest/meta-data/"),
         r"is a private, loopback or link-local address \(169\.254\.169\.254\)", SKIP),
    Case("private IPv4 refused", "url", ("script", "{good}", "http://10.0.0.1/news"),
         r"is a private, loopback or link-local address", SKIP),
    Case("IPv6 loopback refused", "url", ("script", "{good}", "http://[::1]:8000/"),
         r"is a private, loopback or link-local address \(::1\)", SKIP),
    Case("redirect loop", "url", ("script", "{good}", "{url}loop"),
         r"more than 5 redirects", SKIP, env={"BRIEFING_ALLOW_PRIVATE": "1"}),
    Case("1 GB response", "url", ("script", "{good}", "{url}big"),
         r"larger than 5,000,000 bytes, the limit", SKIP, env={"BRIEFING_ALLOW_PRIVATE": "1"}),
    Case("server that trickles bytes", "url", ("script", "{good}", "{url}trickle"),
         r"no answer within 3 s", SKIP, env={"BRIEFING_ALLOW_PRIVATE": "1"}),
    Case("billion-laughs feed", "url", ("script", "{good}", "{url}bomb.xml"),
         r"declares XML entities .*refused for safety", SKIP, env={"BRIEFING_ALLOW_PRIVATE": "1"}),
    Case("external-entity feed", "url", ("script", "{good}", "{url}xxe.xml"),
         r"declares XML entities .*refused for safety", SKIP, env={"BRIEFING_ALLOW_PRIVATE": "1"}),
    Case("malformed feed", "url", ("script", "{good}", "{url}malformed.xml"),
         r"not a readable RSS or Atom feed", SKIP, env={"BRIEFING_ALLOW_PRIVATE": "1"}),
    Case("404 page", "url", ("script", "{good}", "{url}missing.html"),
         r"the server answered 404", SKIP, env={"BRIEFING_ALLOW_PRIVATE": "1"}),
    # ── the daily config ───────────────────────────────────────────────────────────────────
    Case("missing config file", "config", ("daily", "--config", "{tmp}/nowhere.toml"),
         r"nowhere\.toml: no such config file; check the path", 2),
    Case("config is not TOML", "config", ("daily", "--config", "{bad}"),
         r"not valid TOML", 2, _write("minutes = = 5\n[[sources]\n"), ".toml"),
    Case("config is not UTF-8", "config", ("daily", "--config", "{bad}"),
         r"not UTF-8 text; save it as UTF-8", 2, _write("title = 'Caf\xe9'\n".encode("latin-1")),
         ".toml"),
    Case("config value of the wrong type", "config", ("daily", "--config", "{bad}"),
         r"minutes \(line 2\) should be a number, not a string", 2,
         _config('minutes = "ten"\n' + _SOURCES), ".toml"),
    Case("config unknown key", "config", ("daily", "--config", "{bad}"),
         r"mintues \(line 2\) is not a known setting; use one of: ", 2,
         _config("mintues = 5\n" + _SOURCES), ".toml"),
    Case("config unknown key in a table", "config", ("daily", "--config", "{bad}"),
         r"podcast\.titel \(line 3\) is not a known setting", 2,
         _config('[podcast]\ntitel = "x"\n' + _SOURCES), ".toml"),
    Case("config boolean for a number", "config", ("daily", "--config", "{bad}"),
         r"max_stories \(line 2\) should be an integer, not a boolean", 2,
         _config("max_stories = true\n" + _SOURCES), ".toml"),
    Case("config file:// source", "config", ("daily", "--config", "{bad}"),
         r"sources\[1\]\.url \(line 3\) should start with http:// or https://", 2,
         _config('[[sources]]\nurl = "file:///etc/passwd"\n'), ".toml"),
    Case("config source with url and folder", "config", ("daily", "--config", "{bad}"),
         r"sources\[1\] \(line 2\) needs exactly one of `url`, `folder` or `imap`", 2,
         _config('[[sources]]\nurl = "https://example.org/feed"\nfolder = "{folder}"\n'),
         ".toml"),
    Case("config without sources", "config", ("daily", "--config", "{bad}"),
         r"no \[\[sources\]\]; add at least one feed", 2, _config("minutes = 5\n"), ".toml"),
    Case("config minutes out of range", "config", ("daily", "--config", "{bad}"),
         r"minutes \(line 2\) should be between 0\.5 and 180", 2,
         _config("minutes = 0\n" + _SOURCES), ".toml"),
    Case("config negative fetch size", "config", ("daily", "--config", "{bad}"),
         r"fetch\.max_bytes \(line 3\) should be more than 0", 2,
         _config("[fetch]\nmax_bytes = -1\n" + _SOURCES), ".toml"),
    Case("config unknown voice", "config", ("daily", "--config", "{bad}"),
         r"unknown voice 'nobody'", 2, _config('voice = "nobody"\n' + _SOURCES), ".toml"),
    Case("config output under a file", "config", ("daily", "--config", "{bad}"),
         r"cannot create the output folder \(Not a directory\)", 2,
         _config(_GOOD_CONFIG_HEAD.replace('"out"', '"{good}/out"') + _SOURCES), ".toml"),
    Case("config output on a read-only disk", "config", ("daily", "--config", "{bad}"),
         r"cannot create the output folder \(Read-only file system\)|not writable", 2,
         _config(_GOOD_CONFIG_HEAD.replace('"out"', '"{readonly}/out"') + _SOURCES), ".toml"),
    # ── voice presets ──────────────────────────────────────────────────────────────────────
    Case("unknown voice", "option", ("make", "{good}", "--voice", "nobody"),
         r"unknown voice 'nobody'; choose one of: ", 2),
    Case("preset with a wrong type", "option", (*MAKE[:2], "--voice", "{bad}"),
         r"'rate' should be", 2, _write(PRESET_BAD_RATE), ".toml"),
    Case("preset with an unknown key", "option", (*MAKE[:2], "--voice", "{bad}"),
         r"speed", 2, _write(PRESET_UNKNOWN_KEY), ".toml"),
    Case("preset not TOML", "option", (*MAKE[:2], "--voice", "{bad}"),
         r"not a valid voice preset", 2, _write(PRESET_BAD_TOML), ".toml"),
    Case("preset with an unknown engine", "option", (*MAKE[:2], "--voice", "{bad}", "-o",
         "{out}/today.mp3"), r"unknown TTS engine 'nosuch'", 2, _write(PRESET_UNKNOWN_ENGINE),
         ".toml"),
    # ── command-line options ───────────────────────────────────────────────────────────────
    Case("--sentences 0", "option", ("script", "{good}", "--sentences", "0"),
         r"Invalid value for '--sentences' / '-n'.*; see `.* script --help`", 2),
    Case("--date not a date", "option", ("script", "{good}", "--date", "2026-13-45"),
         r"Invalid value for '--date'", 2),
    Case("unknown option", "option", ("make", "{good}", "--frobnicate"),
         r"No such option: --frobnicate", 2),
    Case("no input", "option", ("script",), r"Missing argument 'INPUT'", 2),
    Case("unknown command", "option", ("brief", "{good}"), r"No such command 'brief'", 2),
    Case("--workers 0", "option", (*MAKE, "--workers", "0"),
         r"Invalid value for '--workers'", 2),
    Case("--minutes 0 for daily", "option", ("daily", "--minutes", "0"),
         r"Invalid value for '--minutes'", 2),
    Case("unknown output format", "option", (*MAKE[:-1], "{out}/today.xyz"),
         r"unknown audio format|\.xyz", 2),
    Case("output into a missing folder", "option", (*MAKE[:-1], "{tmp}/nowhere/today.mp3"),
         r"the folder .*nowhere does not exist", 2),
    Case("output into a read-only folder", "option", (*MAKE[:-1], "{readonly}/today.mp3"),
         r"cannot write in .*\(Read-only file system\)", 2),
    Case("--music that is not audio", "option", (*MAKE, "--music", "{bad}"),
         r"ffmpeg cannot read it as audio", 2, _write(b"not audio at all"), ".mp3"),
    Case("--music missing", "option", (*MAKE, "--music", "{tmp}/nowhere.mp3"),
         r"music file not found", 2),
    Case("serve a missing folder", "option", ("serve", "{tmp}/nowhere"),
         r"nowhere", 2),
    # ── the environment ────────────────────────────────────────────────────────────────────
    Case("ffmpeg missing from PATH", "environment", MAKE,
         r"ffmpeg is not installed or not on PATH; install it", 1, env={"PATH": "{nobin}"}),
    Case("espeak-ng missing from PATH", "environment",
         ("make", "{good}", "--voice", "{bad}", "-o", "{out}/today.mp3"),
         r"espeak-ng is not installed", 1, _write(ESPEAK_ONLY), ".toml",
         env={"PATH": "{ffmpegbin}"}),
)
