"""The web player's weight and load time in headless Chromium at phone size (390×844).

A podcast folder is made by two real `briefing daily` runs (espeak-ng, the fixture feeds on
127.0.0.1), or taken from `--folder`, and served by `briefing serve` on 127.0.0.1. Times are
Navigation Timing's `loadEventEnd - startTime`, and until the script has drawn the chapters
and transcript (the `briefing-ready` mark), medians of `--repeat` loads:

- first visit: HTTP cache disabled and the service worker bypassed (every file from the server);
- return visit: the service worker answers from its offline copy;
- baseline: the plainest player, one `<audio controls>` page, loaded as a first visit.

    python benchmarks/player.py
    python benchmarks/player.py --repeat 11 --folder ~/briefing-podcast
    python benchmarks/player.py --screenshot examples/player-phone.png
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fixtures.player import chromium, make_podcast, serving, wait_ready  # noqa: E402

PAGE = ("index.html", "player.css", "player.js")
OTHERS = ("sw.js", "manifest.webmanifest", "icon-192.png", "icon-512.png")
BASELINE = (
    '<!doctype html><html lang="en"><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    '<link rel="icon" href="data:,"><title>Baseline</title>'
    '<audio controls preload="metadata" src="{audio}"></audio></html>\n'
)


def sizes(folder: Path) -> list[tuple[str, int, int]]:
    """(file, bytes, gzipped bytes) for the page's files, their total, and the rest."""
    rows = []
    for name in (*PAGE, *OTHERS):
        data = (folder / name).read_bytes()
        rows.append((name, len(data), len(gzip.compress(data, 9))))
    page = rows[: len(PAGE)]
    total = ("HTML+CSS+JS", sum(r[1] for r in page), sum(r[2] for r in page))
    return [*page, total, *rows[len(PAGE) :]]


def load_ms(driver: Any, url: str, ready: bool) -> tuple[float, float | None]:
    """One navigation: (load event end, the player's ready mark or None), in milliseconds."""
    driver.get(url)
    if ready:
        wait_ready(driver)
    return driver.execute_async_script(  # type: ignore[no-any-return]
        """const done = arguments[arguments.length - 1];
        const poll = () => {
          const nav = performance.getEntriesByType('navigation')[0];
          if (!nav || nav.loadEventEnd === 0) return setTimeout(poll, 10);
          const mark = performance.getEntriesByName('briefing-ready')[0];
          done([nav.loadEventEnd - nav.startTime, mark ? mark.startTime : null]);
        };
        poll();"""
    )


def measure(driver: Any, url: str, repeat: int, ready: bool) -> tuple[float, float | None]:
    runs = [load_ms(driver, url, ready) for _ in range(repeat)]
    marks = [r[1] for r in runs if r[1] is not None]
    return statistics.median(r[0] for r in runs), statistics.median(marks) if marks else None


def first_visits(driver: Any, on: bool) -> None:
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": on})
    driver.execute_cdp_cmd("Network.setBypassServiceWorker", {"bypass": on})


def screenshot(driver: Any, url: str, path: Path) -> None:
    """The newest episode a few seconds into its second chapter, paused, at the top."""
    driver.get(url)
    wait_ready(driver)
    driver.execute_script(
        """const audio = document.querySelector('#audio');
        document.querySelectorAll('#chapters button')[1].click();
        audio.currentTime += 8;
        audio.pause();"""
    )
    driver.execute_async_script("setTimeout(arguments[arguments.length - 1], 800)")
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="loads per case (median)")
    parser.add_argument("--folder", type=Path, help="an output folder of `briefing daily`")
    parser.add_argument("--screenshot", type=Path, help="also save a phone-size screenshot")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-player-bench-") as tmp:
        if args.folder:
            folder = Path(tmp) / "out"
            shutil.copytree(args.folder.expanduser(), folder)
        else:
            folder = make_podcast(Path(tmp) / "podcast")
        newest = json.loads((folder / "episodes.json").read_text())["episodes"][0]
        (folder / "baseline.html").write_text(BASELINE.format(audio=newest["audio"]))
        with serving(folder) as (url, _), chromium() as driver:
            first_visits(driver, True)
            first = measure(driver, url, args.repeat, True)
            baseline = measure(driver, url + "baseline.html", args.repeat, False)
            first_visits(driver, False)
            driver.get(url)
            wait_ready(driver)
            driver.execute_async_script(
                "navigator.serviceWorker.ready.then(() => arguments[arguments.length - 1]())"
            )
            again = measure(driver, url, args.repeat, True)
            if args.screenshot:
                screenshot(driver, url, args.screenshot)
        table = sizes(folder)
    times = {"first visit": first, "return visit (service worker)": again, "baseline": baseline}
    if args.json:
        print(json.dumps({"sizes": table, "load_ms": times, "repeat": args.repeat}, indent=1))
        return
    print(f"{'file':<22}{'bytes':>8}{'gzip':>8}")
    for name, raw, packed in table:
        print(f"{name:<22}{raw:>8}{packed:>8}")
    print(f"\nChromium at 390×844, median of {args.repeat} loads (ms)")
    print(f"{'case':<32}{'load event':>11}{'player ready':>14}")
    for case, (load, ready) in times.items():
        shown = f"{ready:.0f}" if ready is not None else "-"
        print(f"{case:<32}{load:>11.0f}{shown:>14}")
    if args.screenshot:
        print(f"\nScreenshot: {args.screenshot}")


if __name__ == "__main__":
    main()
