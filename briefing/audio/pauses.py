"""How long the silence after each kind of segment is: the programme breathes like radio."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.models import ScriptSegment, SegmentKind


@dataclass(frozen=True)
class PausePlan:
    """Silence (milliseconds) placed between the speech of consecutive segments, by segment type.

    A pause is measured from the end of one segment's speech to the start of the next one's,
    after each segment's own leading and trailing silence has been trimmed.
    """

    after_intro_ms: int = 700
    """After the opening greeting, before the first story."""
    after_headline_ms: int = 500
    """After a story's headline, before its first sentence."""
    between_sentences_ms: int = 350
    """Between two sentences of the same story."""
    between_stories_ms: int = 1000
    """After a story's last sentence, before the next story (or the outro)."""
    after_transition_ms: int = 300
    """After a linking phrase such as "Next.", before the headline it introduces."""

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if value < 0:
                raise ValueError(f"PausePlan.{name} must be zero or more, not {value}")


def pause_after(
    segments: Sequence[ScriptSegment], index: int, plan: PausePlan | None
) -> int:
    """The pause after `segments[index]`: from `plan` by type, or the script's own without one."""
    segment = segments[index]
    if index == len(segments) - 1:
        return 0
    if plan is None:
        return segment.pause_after_ms
    if segment.kind is SegmentKind.INTRO:
        return plan.after_intro_ms
    if segment.kind is SegmentKind.HEADLINE:
        return plan.after_headline_ms
    if segment.kind is SegmentKind.TRANSITION:
        return plan.after_transition_ms
    if segment.kind is SegmentKind.OUTRO:
        return 0
    if is_story_boundary(segments, index) or segments[index + 1].kind is SegmentKind.OUTRO:
        return plan.between_stories_ms
    return plan.between_sentences_ms


def is_story_boundary(segments: Sequence[ScriptSegment], index: int) -> bool:
    """True when `segments[index]` ends one story and the next segment starts another."""
    if index + 1 >= len(segments):
        return False
    here, after = segments[index].story, segments[index + 1].story
    return here is not None and after is not None and here != after
