"""The words and numbers the session page shows for the segment under way, worked out from the engine's state.

No widgets here, only strings: the page decides where they go and how large.
"""

from __future__ import annotations

from html import escape

from ..exercises.model import Catalog
from ..workout.card import build_card, card_setup_html
from ..workout.engine import Session
from ..workout.form_cues import form_cues
from ..workout.plan import SELF_PACED_KINDS, Segment

OWN_PACE = tuple(SELF_PACED_KINDS)  # one rep at a time, or the whole set with one press
TEMPO = ("up", "hold", "down")




def done_text(segment: Segment) -> str:
    """The label of the one large button that ends an own-pace step."""
    if segment.kind == "self_paced_set":
        return f"Done — {segment.reps} reps  (Page Down)"
    return f"Rep {segment.rep} done  (Page Down)"


def detail_text(segment: Segment) -> str:
    """Under the exercise's name: which set, and the side in words ("lead with left leg")."""
    parts = []
    if segment.set is not None and segment.kind != "rest" and (segment.sets or 0) > 1:
        parts.append(f"Set {segment.set} of {segment.sets}")
    if segment.side_text:
        parts.append(segment.side_text)
    return "  ·  ".join(parts)


def instruction_text(session: Session) -> str:
    """The line under the hero area; empty in a set, where the hero, the tempo bar and the Done button say it."""
    segment = session.segment
    if session.state == "paused":
        return "Paused. Space or B carries on."
    if segment.kind in TEMPO or segment.kind in OWN_PACE:
        return ""
    if segment.phase == "STRETCH":  # "up to" the time: ending early counts as done
        return f"{segment.prompt}. Had enough? Page Down ends the hold, and it counts."
    return segment.prompt


def tempo_span(session: Session) -> tuple[int, int] | None:
    """(first, last) segment index of the guided rep under way, or None outside one."""
    segments, index = session.plan.segments, session.index
    here = segments[index]
    if here.kind not in TEMPO or here.rep is None:
        return None

    def same(i: int) -> bool:
        s = segments[i]
        return s.kind in TEMPO and s.block == here.block and s.rep == here.rep

    first = last = index
    while first > 0 and same(first - 1):
        first -= 1
    while last + 1 < len(segments) and same(last + 1):
        last += 1
    return first, last


def coming_exercise(session: Session) -> int | None:
    """The routine position of the exercise this segment belongs to or leads to."""
    for segment in session.plan.segments[session.index:]:
        if segment.exercise_index is not None:
            return segment.exercise_index
    return None



def cues_html(session: Session, catalog: Catalog) -> tuple[str, bool]:
    """(rich text, large): short form cues in large type while working; the full numbered steps of the coming
    exercise during a get-ready or a rest."""
    segment = session.segment
    position = coming_exercise(session)
    if segment.kind == "done" or position is None or position >= len(session.plan.exercises):
        return "", False  # the end, or a plan restored without its preview details
    card = build_card(session.plan.exercises[position], catalog)
    if segment.kind in ("get_ready", "rest"):
        return card_setup_html(card), False
    return "<br>".join(f"&#x2022; {escape(cue)}" for cue in form_cues(card)), True


def next_text(session: Session) -> str:
    """What follows the current block: the next set, rest, side or exercise (pauses already say it)."""
    if session.segment.kind in ("rest", "switch_sides", "get_ready"):
        return ""
    segments = session.plan.segments
    block = session.segment.block
    for segment in segments[session.index + 1:]:
        if segment.block == block:
            continue
        if segment.kind == "done":
            return "Next: done!"
        if segment.kind in ("rest", "switch_sides", "get_ready"):
            return f"Next: {segment.phase.lower()} {segment.seconds} s"
        what = segment.exercise_name or ""
        if segment.side_text:
            what += f", {segment.side_text}"
        if segment.set is not None:
            what += f", set {segment.set} of {segment.sets}"
        return f"Next: {what}"
    return ""
