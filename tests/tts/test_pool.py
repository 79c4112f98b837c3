"""The engine pool: sets started early are the ones voicing gets, and every one is closed."""

from __future__ import annotations

from pathlib import Path

from conftest import FakeEngine, registered_starting_engine

from briefing.errors import EngineError
from briefing.models import ScriptSegment, SegmentKind
from briefing.tts import EnginePool, load_preset, register_engine, voice_script


class BrokenStartEngine(FakeEngine):
    name = "broken-start"

    def start(self) -> None:
        raise EngineError("cannot start here")


register_engine("broken-start", BrokenStartEngine)

SEGMENTS = [
    ScriptSegment(SegmentKind.INTRO, "Good morning. Here is the news."),
    ScriptSegment(SegmentKind.BODY, "The harbour turbines made more power than planned.", story=0),
    ScriptSegment(SegmentKind.OUTRO, "That is all for today."),
]


def test_voicing_uses_the_started_engines_and_closes_them(
    tmp_path: Path, starting_voice: str
) -> None:
    engines = registered_starting_engine()
    preset = load_preset(starting_voice)
    pool = EnginePool(2)
    pool.start(preset.first_engines)
    assert len(engines.instances("start")) == 2  # one per core, before any text exists
    result = voice_script(SEGMENTS, preset, tmp_path, engines=pool)
    assert [v.engine for v in result.voiced] == ["starting-fake"] * 3
    assert engines.instances("synthesize") <= engines.instances("start")  # none made afresh
    assert engines.instances("close") >= engines.instances("start")


def test_spare_started_sets_are_closed_and_the_rest_get_the_spare_cores(
    starting_voice: str,
) -> None:
    engines = registered_starting_engine()
    pool = EnginePool(4)
    pool.start(load_preset(starting_voice).first_engines)
    [first, second, *spare] = [engine for event, engine in engines.log if event == "start"]
    assert len(pool.take(2)) == 2
    assert engines.instances("close") == set(spare)
    assert engines.threads[first] == engines.threads[second] == 2
    pool.close()
    assert engines.instances("close") == engines.instances("start")


def test_an_engine_that_cannot_start_is_left_for_voicing_to_report() -> None:
    pool = EnginePool(1)
    pool.start(["broken-start", "no-such-engine"])  # neither raises: only a head start
    pool.close()
