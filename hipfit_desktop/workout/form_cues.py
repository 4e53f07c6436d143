"""Two or three short form cues for the session page during the work, taken from the exercise card's tips.

A tip on the card may be advice for the week or a note about equipment; during a set only the ones that say
what to do with the body help. Those start with a verb ("Keep", "Do not", "Stop") and their first sentence
is short enough for large type.
"""

from __future__ import annotations

import re

from .card import ExerciseCard

LIMIT = 3
LONGEST = 80  # characters: two lines of large type on a small screen
DOING_WORDS = frozenset({
    "Bring", "Brace", "Breathe", "Do", "Drive", "Ease", "Hinge", "Hold", "Keep", "Let", "Lift", "Lower", "Move",
    "Never", "Only", "Pick", "Point", "Press", "Push", "Put", "Rest", "Squeeze", "Stand", "Start", "Stay", "Stop",
    "Take", "Turn", "Use",
})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def form_cues(card: ExerciseCard, limit: int = LIMIT) -> tuple[str, ...]:
    """The first sentence of each tip that tells the body what to do, short enough to read from the mat,
    in the card's order (its authors put the most important first)."""
    cues: list[str] = []
    for tip in card.tips:
        sentence = first_sentence(tip)
        if sentence.split(" ", 1)[0] in DOING_WORDS and len(sentence) <= LONGEST and sentence not in cues:
            cues.append(sentence)
    return tuple(cues[:limit])
