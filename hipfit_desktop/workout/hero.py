"""The biggest text on the session screen, per phase, as data: what a runner 2-3 m away must read.

During a set counted in reps the rep count is the hero ("8 / 15", the rep under way), with the tempo phase
(up, hold, down) and how far through it the user is; an own-pace set shows its whole count ("15") to do at
the user's pace; every countdown (get ready, rest, switch sides, timed work) shows its seconds. The side
("LEFT" / "RIGHT") and the phase word come with it. Pure Python: the Qt page only draws this.
"""

from __future__ import annotations

from dataclasses import dataclass

from .describe import countdown_text
from .engine import Session

TEMPO_KINDS = frozenset({"up", "hold", "down"})


@dataclass(frozen=True)
class Hero:
    kind: str  # the segment's kind: "up", "self_paced_set", "rest", ...
    number: str  # the biggest text: "8 / 15", "15", "42", "1:30"; empty at the end
    caption: str  # the words under it: "reps", "reps, your pace", "seconds left"
    phase_word: str  # "UP", "YOUR PACE", "REST", ...
    side: str | None  # "LEFT" / "RIGHT" (before an exercise: the side it starts on), None for two-sided work
    rep: int | None = None  # the rep under way, in a set counted rep by rep
    reps: int | None = None  # the set's count
    tempo: str | None = None  # "up" / "hold" / "down" during a guided rep
    progress: float | None = None  # 0-1 through the tempo phase or countdown (Session.progress)
    seconds_left: float | None = None  # a countdown's remaining seconds
    paused: bool = False


def hero(session: Session) -> Hero:
    segment = session.segment
    finished = session.state == "finished"
    number = caption = ""
    rep = reps = tempo = left = None
    if finished:  # also on the DONE segment, which finishes the session as it starts
        pass  # the phase word says it all
    elif segment.kind == "self_paced_set":
        number, caption, reps = str(segment.reps), "reps, your pace", segment.reps
    elif segment.rep is not None:
        rep, reps = segment.rep, segment.reps
        number, caption = f"{rep} / {reps}", "reps" if segment.seconds is not None else "reps, your pace"
        tempo = segment.kind if segment.kind in TEMPO_KINDS else None
    else:
        left = session.remaining()
        if left is not None:
            number = countdown_text(left)
            caption = "left" if ":" in number else "seconds left"
    side = None if finished else _side(session)
    return Hero(kind=segment.kind, number=number, caption=caption, phase_word="DONE" if finished else segment.phase,
                side=side.upper() if side else None, rep=rep, reps=reps,
                tempo=tempo, progress=session.progress(), seconds_left=left, paused=session.state == "paused")


def _side(session: Session) -> str | None:
    """The segment's side; before an exercise (get ready, the rest before it) the side its first set is on."""
    segment = session.segment
    following = session.plan.segments[session.index + 1]  # never past the end: DONE finishes the session
    if segment.side is None and following.exercise_index == segment.exercise_index:
        return following.side
    return segment.side
