"""Which tone or words each moment of a session deserves. Pure Python: no Qt, no audio, no files.

`CuePlanner` turns the engine's events into `Cue` decisions (a tone, words to say, or "quiet now"),
honouring stale events, pause, mute and the user's sound choices. `CueQueue` keeps the voice and the tones
from talking over each other. The Qt `CuePlayer` (qt/sound.py) only carries the decisions out.

Rules:
- One cue per moment. After a stall the engine marks passed segments and late beats `stale`; on top of that
  a start noticed late gets its tone but no words (they would be out of date, e.g. "rest, 45 seconds" with
  3 seconds left), and any second cue within the same moment is dropped, so a stall never makes a burst.
- Words are said only in a gap that is long enough: every cue with words carries the time until the next
  tone, and words that cannot finish before it are left out.
- Tones keep the beat: a tone is never delayed. A 3-2-1 pip that finds the voice still speaking is dropped
  (the voice has just said what comes next); any other tone stops the words and plays on time.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from .engine import STALE_AFTER
from .events import Beat, Event, ExerciseDone, Finished, Paused, Resumed, SegmentStarted, TimeAdjusted, beats_for
from .plan import Plan, Segment

Clock = Callable[[], float]

LEAD_IN_KINDS = frozenset({"get_ready", "rest", "switch_sides"})  # the segment after one of these is "go"
TONE_FOR_KIND = {"up": "up", "hold": "hold", "down": "down", "self_paced": "up", "self_paced_set": "go", "timed": "go",
                 "rest": "rest", "switch_sides": "switch", "done": "session_done"}
COUNT_BEATS = frozenset({"3", "2", "1"})
BEAT_WORDS = {"halfway": "Halfway.", "30s-left": "30 seconds left."}
MOMENT = 0.05  # seconds: cues closer together than this belong to one moment (one tick of the engine)
LATE_AFTER = STALE_AFTER  # a start noticed later than this is a catch-up, not the moment itself

# How long words take, to find a gap for them. Deliberately slow: most voices say ~2.8 words a second.
WORDS_PER_SECOND = 2.5
SPEECH_LEAD = 0.4  # seconds before an engine starts talking
SPEECH_MARGIN = 0.3  # quiet left between the last word and the next tone
TONE_GAP = 0.05  # quiet after a tone before words begin
DROPPED_WHILE_SPEAKING = frozenset({"count"})


class SoundChoices(Protocol):
    """What cues need from the settings (hipfit_desktop.settings.Settings has these fields)."""

    sound: bool  # master switch
    volume: int  # 0-100
    voice: bool  # spoken prompts
    tones: bool  # beeps and 3-2-1


@dataclass(frozen=True)
class DefaultSound:
    """The choices used when none are given (the same defaults as Settings)."""

    sound: bool = True
    volume: int = 80
    voice: bool = False
    tones: bool = True


@dataclass(frozen=True)
class Cue:
    tone: str | None = None  # a name in tones.TONES
    speech: str | None = None  # words to say
    speech_window: float | None = None  # seconds from now until the next tone; None: no tone to wait for
    clear: bool = False  # stop talking and forget words not yet said (pause, early finish)
    scheduled: float | None = None  # clock time of the moment this cue marks


def spoken_duration(seconds: int) -> str:
    """'45 seconds', '1 minute', '2 minutes 30 seconds', as a voice should say it."""
    minutes, rest = divmod(seconds, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if rest or not minutes:
        parts.append(f"{rest} second{'s' if rest != 1 else ''}")
    return " ".join(parts)


class CuePlanner:
    """Maps engine events, one at a time and in order, to at most one `Cue` each.

    `plan` (a Plan or a function returning the session's current plan) lets the planner look one segment
    ahead, to name the side an exercise starts on; without it only the name is said.
    """

    def __init__(self, settings: SoundChoices | None = None, plan: Plan | Callable[[], Plan] | None = None,
                 clock: Clock = time.monotonic) -> None:
        self.settings: SoundChoices = settings or DefaultSound()
        self.plan = plan
        self.clock = clock
        self.muted = False
        self.tones_available = True  # False without an audio device: then words need no gap
        self.voice_available = True
        self.reset()

    def reset(self) -> None:
        """Forget the last session (paused or not, where it was): the next event starts a new one."""
        self._paused = False
        self._last_kind: str | None = None
        self._current: tuple[int, Segment] | None = None  # index and segment the user is in
        self._exercise_done = False
        self._last_cue_at: float | None = None

    @property
    def tones_on(self) -> bool:
        s = self.settings
        return s.sound and s.tones and s.volume > 0 and not self.muted and self.tones_available

    @property
    def voice_on(self) -> bool:
        s = self.settings
        return s.sound and s.voice and s.volume > 0 and not self.muted and self.voice_available

    def handle(self, event: Event) -> Cue | None:
        if isinstance(event, ExerciseDone):
            self._exercise_done = True  # told with the start of the segment that follows, in the same moment
        elif isinstance(event, Paused):
            self._paused = True
            return Cue(clear=True)
        elif isinstance(event, Resumed):
            self._paused = False
        elif isinstance(event, Finished):
            return Cue(clear=True) if event.early else None
        elif isinstance(event, SegmentStarted):
            return self._started(event)
        elif isinstance(event, Beat):
            return self._beat(event)
        elif isinstance(event, TimeAdjusted) and self._current is not None and self._current[0] == event.index:
            self._current = (event.index, event.segment)  # its beats are now timed from the new end
        return None

    # --- starts ----------------------------------------------------------------------------------------

    def _started(self, event: SegmentStarted) -> Cue | None:
        segment = event.segment
        previous, self._last_kind = self._last_kind, segment.kind
        self._current = (event.index, segment)
        exercise_done, self._exercise_done = self._exercise_done, False
        if event.stale or self._paused:  # passed during a stall, or skipped to while paused: silence
            return None
        tone = self._start_tone(segment, previous, exercise_done)
        late = self.clock() - event.scheduled > LATE_AFTER
        words = None if late else self._start_words(event.index, segment)
        # No deadline for a self-paced step (the user ends it) or the end (no tone follows "well done").
        deadline = None if not segment.seconds else event.scheduled + segment.seconds
        return self._cue(tone, words, self._window(segment, deadline), event.scheduled)

    @staticmethod
    def _start_tone(segment: Segment, previous: str | None, exercise_done: bool) -> str | None:
        kind = segment.kind
        if kind == "get_ready":
            return None  # the user has just pressed Start
        if kind == "rest" and exercise_done:
            return "exercise_done"
        if kind in ("done", "rest", "switch_sides"):
            return TONE_FOR_KIND[kind]
        if previous in LEAD_IN_KINDS:
            return "go"
        if exercise_done:  # the next exercise follows with no rest in between
            return "exercise_done"
        return TONE_FOR_KIND.get(kind)

    def _start_words(self, index: int, segment: Segment) -> str | None:
        kind = segment.kind
        if kind == "get_ready":
            return f"{self._introduce(index, segment)}."
        if kind == "rest":
            head = f"Rest, {spoken_duration(segment.seconds or 0)}."
            if segment.set is None:  # a rest before the next exercise
                return f"{head} Next: {self._introduce(index, segment)}."
            side = segment.side_text
            if segment.set == segment.sets:
                return f"{head} Last set, {side}." if side else f"{head} Last set."
            return f"{head} Next: {side}." if side else head
        if kind == "switch_sides":
            return f"Switch sides, {segment.side_text}." if segment.side_text else "Switch sides."
        if kind == "done":
            return "Well done."
        if kind == "self_paced_set":  # no tone follows until the user's press: time to say the whole set
            hold = f", holding {spoken_duration(segment.hold)} at the top of each" if segment.hold else ""
            return f"{segment.reps} reps at your own pace{hold}. Press once when the set is done."
        return None  # reps and holds: tones only, words would run into the next phase

    def _introduce(self, index: int, segment: Segment) -> str:
        """'Clamshell, left leg on top': the exercise ahead and the side it starts on."""
        name = segment.exercise_name or "Next exercise"
        plan = self.plan() if callable(self.plan) else self.plan
        if plan is not None and index + 1 < len(plan.segments):
            following = plan.segments[index + 1]
            if following.exercise_index == segment.exercise_index and following.side_text:
                return f"{name}, {following.side_text}"
        return name

    # --- beats -----------------------------------------------------------------------------------------

    def _beat(self, beat: Beat) -> Cue | None:
        if beat.stale or self._paused:
            return None
        if beat.name in COUNT_BEATS:
            return self._cue("count", None, None, beat.scheduled)
        words = BEAT_WORDS.get(beat.name)
        if words is None:
            return None
        window = None
        if self._current is not None and self._current[0] == beat.index:
            segment = self._current[1]
            before = {name: ahead for ahead, name in beats_for(segment)}.get(beat.name)
            if before is not None:  # a beat is due `before` seconds ahead of its segment's deadline
                window = self._window(segment, beat.scheduled + before)
        return self._cue(None, words, window, beat.scheduled)

    # --- shared ----------------------------------------------------------------------------------------

    def _window(self, segment: Segment, deadline: float | None) -> float | None:
        """Seconds from now until the next tone in this segment (the first 3-2-1 pip, or its end)."""
        if deadline is None or not self.tones_on:
            return None
        now = self.clock()
        pips = [deadline - ahead for ahead, name in beats_for(segment) if name in COUNT_BEATS]
        upcoming = [t for t in pips if t > now]
        return (min(upcoming) if upcoming else deadline) - now

    def _cue(self, tone: str | None, words: str | None, window: float | None, scheduled: float) -> Cue | None:
        now = self.clock()
        if self._last_cue_at is not None and now - self._last_cue_at < MOMENT:
            return None  # one cue per moment: a stall's catch-up never becomes a burst
        tone = tone if self.tones_on else None
        words = words if self.voice_on and (window is None or window > 0) else None
        if tone is None and words is None:
            return None
        self._last_cue_at = now
        return Cue(tone, words, window if words else None, scheduled=scheduled)


# --- keeping voice and tones apart ---------------------------------------------------------------------


def speech_seconds(text: str) -> float:
    """A generous guess of how long a voice takes to say `text`."""
    return SPEECH_LEAD + len(text.split()) / WORDS_PER_SECOND


@dataclass(frozen=True)
class PlayTone:
    name: str
    scheduled: float | None = None


@dataclass(frozen=True)
class Say:
    text: str


@dataclass(frozen=True)
class StopSpeech:
    pass


Action = PlayTone | Say | StopSpeech


class CueQueue:
    """Orders tones and words so they never sound at once; every method returns what to do now.

    Times are in the caller's clock. Words wait until the tone before them has finished and are dropped
    when they could no longer finish before the next tone. The voice reports the end of its words through
    `speech_finished`; a voice that never reports (a stuck engine) is given up on after twice its expected
    time, so it cannot silence the countdown for the rest of the session.
    """

    def __init__(self, tone_seconds: Mapping[str, float], estimate: Callable[[str], float] = speech_seconds) -> None:
        self.tone_seconds = dict(tone_seconds)
        self.estimate = estimate
        self.voice_ready = True  # the player holds words back while its engine is still starting
        self._tone_until = float("-inf")
        self._speaking_until: float | None = None  # when the words now being said should be over
        self._give_up_at = 0.0
        self._pending: deque[tuple[str, float | None]] = deque()  # (words, must be finished by)

    @property
    def speaking(self) -> bool:
        return self._speaking_until is not None

    @property
    def idle(self) -> bool:
        """Nothing being said and nothing waiting to be."""
        return not self.speaking and not self._pending

    def submit(self, cue: Cue, now: float) -> list[Action]:
        actions: list[Action] = self.clear() if cue.clear else []
        if cue.tone is not None and not (self.speaking and cue.tone in DROPPED_WHILE_SPEAKING):
            if self.speaking:  # the words overran their gap: the beat matters more than their last syllable
                actions.append(StopSpeech())
                self._speaking_until = None
            actions.append(PlayTone(cue.tone, cue.scheduled))
            self._tone_until = now + self.tone_seconds.get(cue.tone, 0.25) + TONE_GAP
        if cue.speech is not None:
            deadline = None if cue.speech_window is None else now + cue.speech_window
            self._pending.append((cue.speech, deadline))
        return actions + self._start_next(now)

    def speech_finished(self, now: float) -> list[Action]:
        self._speaking_until = None
        return self._start_next(now)

    def voice_became_ready(self, now: float) -> list[Action]:
        self.voice_ready = True
        return self._start_next(now)

    def poll(self, now: float) -> list[Action]:
        """Call at `next_poll()`: starts waiting words, or gives up on a voice that never finished."""
        actions: list[Action] = []
        if self.speaking and now >= self._give_up_at:
            actions.append(StopSpeech())
            self._speaking_until = None
        return actions + self._start_next(now)

    def next_poll(self) -> float | None:
        """When `poll` may have something to do; None: only a new cue or the voice can change anything."""
        if self.speaking:
            return self._give_up_at
        if self._pending and self.voice_ready:
            return self._tone_until
        return None

    def clear(self) -> list[Action]:
        self._pending.clear()
        if self.speaking:
            self._speaking_until = None
            return [StopSpeech()]
        return []

    def _start_next(self, now: float) -> list[Action]:
        if self.speaking or now < self._tone_until or not self.voice_ready:
            return []
        while self._pending:
            text, deadline = self._pending.popleft()
            length = self.estimate(text)
            if deadline is None or now + length + SPEECH_MARGIN <= deadline:
                self._speaking_until = now + length
                self._give_up_at = now + 2 * length + 2.0
                return [Say(text)]
        return []
