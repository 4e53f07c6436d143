"""Cue decisions, without Qt: which tone and words each engine event earns, and how they are kept apart."""

from __future__ import annotations

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.system import tones
from hipfit_desktop.workout.cues import (
    Cue,
    CuePlanner,
    CueQueue,
    DefaultSound,
    PlayTone,
    Say,
    StopSpeech,
    speech_seconds,
    spoken_duration,
)
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.events import Beat, SegmentStarted, beats_for
from hipfit_desktop.workout.plan import compile_plan

from .conftest import FakeClock

VOICE_AND_TONES = DefaultSound(voice=True)
TONE_SECONDS = {name: tones.duration(name) for name in tones.TONES}


def short_plan(catalog, routine: str = "couch-stretch-mobility"):
    """Glute bridge 2 x 2, hip hinge 30 s a side, couch stretch 60 s a side: every kind of moment, quickly."""
    settings = (Settings().with_exercise("glute-bridge", sets=2, reps=2)
                .with_exercise("couch-stretch", seconds=60))
    return compile_plan(catalog.routine(routine), catalog, settings)


class Run:
    """A real engine session on a fake clock, its events fed to a CuePlanner as they happen."""

    def __init__(self, plan, sound=VOICE_AND_TONES, on_cue=None) -> None:
        self.clock = FakeClock()
        self.session = Session(plan, self.clock)
        self.planner = CuePlanner(sound, plan=lambda: self.session.plan, clock=self.clock)
        self.cues: list[tuple[float, Cue]] = []  # (clock time, cue)
        self.on_cue = on_cue
        self.session.subscribe(self._heard)

    def _heard(self, event) -> None:
        cue = self.planner.handle(event)
        if cue is not None:
            self.cues.append((self.clock(), cue))
            if self.on_cue is not None:
                self.on_cue(cue)

    def start(self) -> Run:
        self.session.start()
        return self

    def run(self, seconds: float | None = None, step: float = 0.01) -> Run:
        end = None if seconds is None else self.clock() + seconds
        while self.session.state == "running" and (end is None or self.clock() < end - 1e-9):
            if self.session.segment.kind == "self_paced":
                raise AssertionError("a self-paced step would wait for a key press for ever")
            self.clock.advance(step)
            self.session.tick()
        return self

    def tones(self) -> list[str]:
        return [c.tone for _, c in self.cues if c.tone]

    def words(self) -> list[str]:
        return [c.speech for _, c in self.cues if c.speech]


# What the voice says through `short_plan`, in order (tests/test_sound_qt.py hears the same with Qt's mock voice).
SHORT_SESSION_WORDS = [
    "Glute bridge.",
    "Rest, 30 seconds. Last set.",
    "Rest, 45 seconds. Next: Standing hip hinge with rotation, left foot lifted.",
    "Switch sides, right foot lifted.",
    "Rest, 45 seconds. Next: Couch stretch, left knee in the corner.",
    "Halfway.",
    "Switch sides, right knee in the corner.",
    "Halfway.",
    "Well done.",
]


def test_each_kind_of_moment_has_its_tone_and_words(catalog):
    """A whole short session: the tone for every phase, and what the voice says, in order."""
    run = Run(short_plan(catalog)).start().run()
    rep = ["hold", "down", "up", "hold", "down"]  # after the "go" that starts each set
    count = ["count"] * 3
    assert run.tones() == [
        *count, "go", *rep, "rest",  # glute bridge set 1, rest before the last set
        *count, "go", *rep, "exercise_done",
        *count, "go", *count, "switch", *count, "go", *count, "exercise_done",  # hip hinge, a side each
        *count, "go", *count, "switch", *count, "go", *count, "session_done",  # couch stretch
    ]
    assert run.words() == SHORT_SESSION_WORDS


def test_a_one_sided_exercise_is_introduced_with_the_side_it_starts_on(catalog):
    """'Clamshell, left leg on top': said in the rest before it, while the user gets into position."""
    run = Run(compile_plan(catalog.routine("band-day"), catalog)).start()
    assert run.words() == ["Banded side step, lead with left leg."]
    run = Run(compile_plan(catalog.routine("quick-no-equipment"), catalog)).start().run(900, step=0.05)
    assert "Rest, 45 seconds. Next: Clamshell, left leg on top." in run.words()


def test_long_holds_say_halfway_and_30_seconds_left(catalog):
    """A three-minute couch stretch: halfway at 90 s, 30 seconds left at 150 s, each in its own gap."""
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    run = Run(plan).start().run()
    spoken = [(c.speech, c.speech_window) for _, c in run.cues if c.speech in ("Halfway.", "30 seconds left.")]
    assert [s for s, _ in spoken] == ["Halfway.", "30 seconds left."] * 2
    assert all(window is not None and window > 25 for _, window in spoken)


def test_3_2_1_beats_sound_exactly_at_their_seconds(catalog):
    """Every countdown segment pips 3, 2 and 1 seconds before its deadline, and at no other time."""
    run = Run(short_plan(catalog))
    starts = []
    run.session.subscribe(lambda e: starts.append(e) if isinstance(e, SegmentStarted) else None)
    run.start().run(step=0.01)
    pips = [(at, cue.scheduled) for at, cue in run.cues if cue.tone == "count"]
    expected = []
    for started in starts:
        for ahead, name in beats_for(started.segment):
            if name in ("3", "2", "1"):
                expected.append(started.scheduled + started.segment.seconds - ahead)
    assert [scheduled for _, scheduled in pips] == pytest.approx(expected)
    assert all(0 <= at - scheduled < 0.011 for at, scheduled in pips)  # heard on the tick that found them


@pytest.mark.parametrize("stall_at", [3.0, 9.5, 12.4, 21.0, 49.6, 61.0, 104.0, 134.9, 140.0, 250.0, 300.0])
def test_a_stall_never_makes_a_burst(catalog, stall_at):
    """The laptop sleeps for a minute: on waking, at most one cue, for where the session is now."""
    run = Run(short_plan(catalog)).start().run(stall_at)
    before = len(run.cues)
    run.clock.advance(60)
    run.session.tick()
    after = run.cues[before:]
    assert len(after) <= 1
    if after:
        cue = after[0][1]
        assert cue.speech is None or cue.speech == "Well done."  # a late start gets its tone, not stale words
        if cue.tone not in (None, "count"):
            current = run.session.segment
            assert cue.tone in ("go", "up", "hold", "down", "rest", "switch", "exercise_done", "session_done")
            assert current.kind != "get_ready"


def test_after_a_stall_the_session_carries_on_cueing_normally(catalog):
    run = Run(short_plan(catalog)).start().run(30)
    run.clock.advance(60)
    run.session.tick()
    before = len(run.cues)
    run.run()
    assert run.tones()[-1] == "session_done" and len(run.cues) > before


def test_a_start_noticed_late_gets_its_tone_but_not_out_of_date_words(catalog):
    run = Run(short_plan(catalog)).start().run(19.95)  # the rest before the last set is due at 20.0
    run.cues.clear()
    run.clock.advance(0.75)  # the timer woke 0.7 s late: not a stall, but "rest, 30 seconds" would be a lie
    run.session.tick()
    assert [(c.tone, c.speech) for _, c in run.cues] == [("rest", None)]


def test_pause_silences_the_voice_and_nothing_sounds_until_resumed(catalog):
    run = Run(short_plan(catalog)).start().run(5)
    run.session.pause()
    assert run.cues[-1][1] == Cue(clear=True)
    count = len(run.cues)
    run.session.skip()  # moving while paused: no "go" for a session that is not going
    assert len(run.cues) == count
    run.session.resume()
    run.run(10)
    assert len(run.cues) > count


def test_finishing_early_stops_the_voice_and_plays_nothing(catalog):
    run = Run(short_plan(catalog)).start().run(5)
    run.session.finish()
    assert run.cues[-1][1] == Cue(clear=True)


def test_mute_silences_everything_and_unmute_brings_it_back(catalog):
    run = Run(short_plan(catalog)).start()
    run.planner.muted = True
    run.run(58)
    assert run.cues == [(1000.0, run.cues[0][1])]  # only the get-ready words from before muting
    run.planner.muted = False
    run.run(2.1)  # the set ends at 60 s: the exercise-done flag was kept while muted
    assert run.tones()[-1] == "exercise_done"


@pytest.mark.parametrize(("sound", "tones_heard", "words_heard"), [
    (DefaultSound(voice=True), True, True),
    (DefaultSound(voice=False), True, False),  # tones only (the default)
    (DefaultSound(voice=True, tones=False), False, True),  # voice only
    (DefaultSound(sound=False, voice=True), False, False),
    (DefaultSound(volume=0, voice=True), False, False),
])
def test_the_users_sound_choices(catalog, sound, tones_heard, words_heard):
    run = Run(short_plan(catalog), sound).start().run()
    assert bool(run.tones()) == tones_heard
    assert bool(run.words()) == words_heard


def test_without_tones_words_need_no_gap(catalog):
    run = Run(short_plan(catalog), DefaultSound(voice=True, tones=False)).start().run()
    assert {c.speech_window for _, c in run.cues} == {None}


def test_words_are_given_the_time_until_the_next_tone(catalog):
    """Switching sides for 8 s: words start at 0 and must end before the 3-2-1 that starts at 5 s."""
    run = Run(short_plan(catalog)).start().run()
    switch = next(c for _, c in run.cues if c.tone == "switch")
    assert switch.speech_window == pytest.approx(5.0, abs=0.02)
    get_ready = run.cues[0][1]
    assert get_ready.speech_window == pytest.approx(7.0)


def test_stale_beats_and_starts_are_silent():
    planner = CuePlanner(VOICE_AND_TONES, clock=lambda: 10.0)
    assert planner.handle(Beat(0, "3", 9.0, stale=True)) is None
    assert planner.handle(Beat(0, "3", 10.0, stale=False)).tone == "count"


@pytest.mark.parametrize(("seconds", "words"), [
    (45, "45 seconds"), (1, "1 second"), (60, "1 minute"), (90, "1 minute 30 seconds"), (180, "3 minutes"),
    (0, "0 seconds"),
])
def test_durations_read_as_a_voice_says_them(seconds, words):
    assert spoken_duration(seconds) == words


# --- the queue that keeps tones and words apart --------------------------------------------------------


def queue() -> CueQueue:
    return CueQueue(TONE_SECONDS, estimate=lambda text: 1.0)


def test_words_wait_for_the_tone_before_them_to_end():
    q = queue()
    assert q.submit(Cue("rest", "Rest, 30 seconds.", 27.0), now=0.0) == [PlayTone("rest")]
    wake = q.next_poll()
    assert wake == pytest.approx(tones.duration("rest") + 0.05)
    assert q.poll(wake - 0.01) == []
    assert q.poll(wake) == [Say("Rest, 30 seconds.")]


def test_a_countdown_pip_is_dropped_while_the_voice_speaks():
    q = queue()
    q.submit(Cue(speech="Halfway."), now=0.0)
    assert q.submit(Cue("count"), now=0.5) == []


def test_a_phase_tone_stops_the_words_and_plays_on_time():
    q = queue()
    q.submit(Cue(speech="Switch sides, right leg on top."), now=0.0)
    assert q.submit(Cue("go"), now=0.5) == [StopSpeech(), PlayTone("go")]


def test_words_that_cannot_finish_before_the_next_tone_are_left_out():
    q = queue()
    assert q.submit(Cue(speech="Switch sides.", speech_window=1.2), now=0.0) == []  # 1 s + 0.3 s margin
    assert q.submit(Cue(speech="Switch sides.", speech_window=1.3), now=0.0) == [Say("Switch sides.")]


def test_words_queue_behind_words_and_expire_if_they_wait_too_long():
    q = queue()
    q.submit(Cue(speech="one"), now=0.0)
    q.submit(Cue(speech="two", speech_window=1.5), now=0.1)
    q.submit(Cue(speech="three"), now=0.2)
    assert q.speech_finished(now=0.9) == [Say("three")]  # "two" could no longer end by 1.6


def test_a_voice_that_never_reports_the_end_is_given_up_on():
    q = queue()
    q.submit(Cue(speech="one"), now=0.0)
    give_up = q.next_poll()
    assert give_up == pytest.approx(4.0)  # twice the guess, plus two seconds
    assert q.poll(give_up) == [StopSpeech()]
    assert q.submit(Cue("count"), now=give_up) == [PlayTone("count")]


def test_words_wait_for_the_voice_to_start_and_clear_forgets_them():
    q = queue()
    q.voice_ready = False
    assert q.submit(Cue(speech="Glute bridge.", speech_window=7.0), now=0.0) == []
    assert q.next_poll() is None  # nothing to do until the engine is ready
    assert q.voice_became_ready(now=2.0) == [Say("Glute bridge.")]
    assert q.clear() == [StopSpeech()]
    assert q.clear() == []


def test_a_late_voice_does_not_say_what_is_no_longer_true():
    q = queue()
    q.voice_ready = False
    q.submit(Cue(speech="Switch sides.", speech_window=4.0), now=0.0)
    assert q.voice_became_ready(now=3.5) == []


def test_speech_guess_is_generous():
    """2.5 words a second plus a start-up: slower than most voices, so gaps are rarely overrun."""
    assert speech_seconds("Rest, 45 seconds. Last set.") == pytest.approx(0.4 + 5 / 2.5)


@pytest.mark.parametrize("voice_speed", [1.0, 0.6])  # 0.6: a voice much slower than the guess
def test_tones_and_words_never_overlap_in_a_whole_session(catalog, voice_speed):
    """Planner, queue and a simulated voice over a whole routine: no tone ever sounds while words do."""
    plan = compile_plan(catalog.routine("quick-no-equipment"), catalog,
                        Settings().with_exercise("squat", pace="guided"))
    q = CueQueue(TONE_SECONDS)
    tone_spans: list[tuple[float, float]] = []
    speech_spans: list[list[float]] = []  # [start, end]; a stop cuts the end short
    voice_ends: list[float] = []  # when the words now being said end, if any

    def act(actions) -> None:
        now = run.clock()
        for action in actions:
            if isinstance(action, PlayTone):
                tone_spans.append((now, now + TONE_SECONDS[action.name]))
            elif isinstance(action, Say):
                speech_spans.append([now, now + speech_seconds(action.text) / voice_speed])
                voice_ends[:] = [speech_spans[-1][1]]
            elif isinstance(action, StopSpeech):
                speech_spans[-1][1] = min(speech_spans[-1][1], now)
                voice_ends.clear()

    run = Run(plan, on_cue=lambda cue: act(q.submit(cue, run.clock())))
    run.start()
    while run.session.state == "running" or voice_ends or q.next_poll() is not None:  # and "well done"
        run.clock.advance(0.01)
        if voice_ends and run.clock() >= voice_ends[0]:
            voice_ends.clear()
            act(q.speech_finished(run.clock()))
        wake = q.next_poll()
        if wake is not None and run.clock() >= wake:
            act(q.poll(run.clock()))
        run.session.tick()
    for start, end in tone_spans:
        assert not any(s < end and start < e for s, e in speech_spans), (start, end)
    assert len(tone_spans) > 100
    if voice_speed == 1.0:  # a voice as fast as the guess says everything planned
        assert len(speech_spans) == len(run.words()) >= 10


def test_after_more_time_on_a_hold_its_words_get_the_gap_to_the_new_end(catalog):
    """A 60 s stretch made 90 s long: "Halfway." comes at 45 s, with 42 s until the first pip of the new end."""
    run = Run(short_plan(catalog)).start()
    while run.session.segment.exercise != "couch-stretch" or run.session.segment.kind != "timed":
        run.run(0.5)
    run.session.adjust_time(30)
    run.run(60)
    windows = [c.speech_window for _, c in run.cues if c.speech == "Halfway."]
    assert windows and windows[0] == pytest.approx(42, abs=0.05)
