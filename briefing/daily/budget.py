"""Share the episode's time among its stories so the whole lands on the target length.

Speech time is estimated from word counts at the voice's rate times a `pace` factor learnt
from earlier episodes (actual speech ÷ estimate), plus every pause the script asks for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.audio.pauses import PausePlan, pause_after
from briefing.clock import Clock
from briefing.languages import ENGLISH
from briefing.models import Article, Length, Script, Summary
from briefing.script import ScriptTemplates, compose_script

MIN_STORY_SECONDS = 20.0
"""A story shorter than this is a headline, not news: use fewer stories instead."""
SEGMENT_EDGE_S = 0.06
"""Each voiced segment keeps a few milliseconds of silence at both ends after trimming."""
STEP_SECONDS = 3.0
AIM = 1.0
"""Fill up to the target; the greedy pass may pass it by at most `OVERSHOOT`."""
OVERSHOOT = 0.04

Summarise = Callable[[Article, Length], Summary]


@dataclass(frozen=True)
class Plan:
    script: Script
    estimate_s: float
    target_s: float


def estimate_seconds(
    script: Script, words_per_minute: float, pace: float = 1.0, pauses: PausePlan | None = None
) -> float:
    """Expected length of `script` once voiced and assembled with the `pauses` plan."""
    speech = sum(len(s.text.split()) for s in script.segments) * 60.0 / words_per_minute
    return speech * pace + pause_seconds(script, pauses) + SEGMENT_EDGE_S * len(script.segments)


def pause_seconds(script: Script, pauses: PausePlan | None) -> float:
    """All the silence assembly puts between segments (the same rule as `assemble`)."""
    segments = script.segments
    return sum(pause_after(segments, i, pauses) for i in range(len(segments))) / 1000.0


def fit(
    articles: Sequence[Article],
    target_s: float,
    words_per_minute: float,
    summarise: Summarise,
    date: dt.date,
    pace: float = 1.0,
    pauses: PausePlan | None = None,
    templates: ScriptTemplates | None = None,
    clock: Clock | None = None,
    language: str = ENGLISH,
) -> Plan:
    """Choose how many of `articles` (best first) to use and how long each summary is.

    `clock` is the briefing's moment (it picks the greeting, whose length counts too);
    `language` is the episode's (its presenter's lines).
    """
    effective_wpm = words_per_minute / pace
    composed: dict[tuple[tuple[str, ...], ...], Plan] = {}  # composing normalises: costly
    for count in range(len(articles), 0, -1):
        chosen = list(articles[:count])

        def plan_for(budgets: list[float], chosen: list[Article] = chosen) -> Plan:
            summaries = [
                summarise(a, Length(sentences=None, seconds=b, words_per_minute=effective_wpm))
                for a, b in zip(chosen, budgets, strict=True)
            ]
            key = tuple(s.sentences for s in summaries)
            if key not in composed:
                script = compose_script(
                    summaries, date, language=language, templates=templates, clock=clock
                )
                composed[key] = Plan(
                    script, estimate_seconds(script, words_per_minute, pace, pauses), target_s
                )
            return composed[key]

        shortest = plan_for([1.0] * count)
        if shortest.estimate_s > target_s * (1 + OVERSHOOT) and count > 1:
            continue  # even one sentence each is too long: fewer stories
        per_story = _largest_uniform(plan_for, count, target_s)
        if per_story < MIN_STORY_SECONDS and count > 1:
            continue  # many thin stories: fewer, fuller ones fill the time better
        budgets = [per_story] * count
        return _greedy_fill(plan_for, budgets, plan_for(budgets), target_s)
    raise ValueError("fit() needs at least one article")


def _largest_uniform(plan_for: Callable[[list[float]], Plan], count: int, target_s: float) -> float:
    """Bisect the one per-story budget that fills the target without passing it."""
    low, high = 1.0, target_s
    if plan_for([high] * count).estimate_s <= target_s * AIM:
        return high
    for _ in range(14):
        middle = (low + high) / 2
        if plan_for([middle] * count).estimate_s <= target_s * AIM:
            low = middle
        else:
            high = middle
    return low


def _greedy_fill(
    plan_for: Callable[[list[float]], Plan],
    budgets: list[float],
    plan: Plan,
    target_s: float,
) -> Plan:
    """Lengthen stories one at a time, best first, while the total stays near the target."""
    limit = target_s * (1 + OVERSHOOT)
    changed = True
    while changed and plan.estimate_s < target_s:
        changed = False
        for index in range(len(budgets)):
            trial = list(budgets)
            for _ in range(8):  # a longer budget may need several steps to add a sentence
                trial[index] += STEP_SECONDS
                candidate = plan_for(trial)
                if candidate.script.word_count != plan.script.word_count:
                    break
            else:
                continue
            if candidate.estimate_s <= limit and (
                abs(candidate.estimate_s - target_s) < abs(plan.estimate_s - target_s)
            ):
                budgets[:] = trial
                plan = candidate
                changed = True
            if plan.estimate_s >= target_s:
                break
    return plan
