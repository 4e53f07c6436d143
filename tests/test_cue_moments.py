"""Cues at the moments test_cues.py leaves out: moving around a session, rests inside one-sided exercises,
no rest between exercises, the edges of "late", and the queue's smaller promises."""

from __future__ import annotations

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.cues import Cue, CuePlanner, CueQueue, PlayTone, Say, StopSpeech
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.events import Beat, Finished, SegmentStarted
from hipfit_desktop.workout.plan import Segment, compile_plan

from .conftest import FakeClock
from .test_cues import TONE_SECONDS, VOICE_AND_TONES, Run, short_plan

# short_plan's timeline (seconds from Start): get ready 0-10, glute bridge set 1 10-20, rest 20-50, set 2 50-60,
# rest 60-105, hinge left 105-135, switch 135-143, right 143-173, rest 173-218, couch stretch left 218-278,
# switch 278-293, right 293-353.


def heard(run: Run, since: int = 0) -> list[tuple[str | None, str | None]]:
    return [(c.tone, c.speech) for _, c in run.cues[since:]]


@pytest.mark.parametrize(("at", "move", "cue"), [
    # Back five seconds into a rest starts the rest again, with its tone and words
    (25, lambda s: s.back(), ("rest", "Rest, 30 seconds. Last set.")),
    # Back five seconds into a side switch starts the switch again
    (140, lambda s: s.back(), ("switch", "Switch sides, right foot lifted.")),
    # from the get-ready straight to the second exercise: its rest, and what comes next
    (3, lambda s: s.jump_to_exercise(1),
     ("rest", "Rest, 45 seconds. Next: Standing hip hinge with rotation, left foot lifted.")),
    # from a rest back to the first exercise: the get-ready words again, and no tone (nothing starts yet)
    (80, lambda s: s.jump_to_exercise(0), (None, "Glute bridge.")),
    # skipping the get-ready: the first rep starts with "go"
    (3, lambda s: s.skip(), ("go", None)),
])
def test_moving_around_a_session_cues_where_the_user_lands(catalog, at, move, cue):
    """Back, skip and jumping to an exercise each give the cue of the segment the user lands in."""
    run = Run(short_plan(catalog)).start().run(at)
    before = len(run.cues)
    move(run.session)
    assert heard(run, before) == [cue]


def test_without_a_rest_between_exercises_the_next_one_starts_on_the_exercise_done_tone(catalog):
    """With no rest between exercises, the hinge starts on 'exercise done' (three rising notes), not 'go'."""
    settings = (Settings(rest_between_exercises_seconds=0).with_exercise("glute-bridge", sets=1, reps=1)
                .with_exercise("couch-stretch", seconds=60))
    run = Run(compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings)).start()
    run.run(15.5)  # get ready 10 s, one bridge 5 s: the hinge has just begun
    assert run.tones() == ["count", "count", "count", "go", "hold", "down", "exercise_done"]
    assert run.words() == ["Glute bridge."]


def test_rests_inside_an_exercise_say_the_side_and_the_last_set(catalog):
    """Three sets each of the bridge and the clamshell: every rest says how long and what follows."""
    settings = Settings()
    for exercise in ("glute-bridge", "side-leg-lift", "clamshell", "donkey-kick", "squat"):
        sets = 3 if exercise in ("glute-bridge", "clamshell") else 1
        settings = settings.with_exercise(exercise, sets=sets, reps=1)
    settings = settings.with_exercise("squat", pace="guided")
    run = Run(compile_plan(catalog.routine("quick-no-equipment"), catalog, settings)).start().run()
    assert run.words() == [
        "Glute bridge.",
        "Rest, 30 seconds.",
        "Rest, 30 seconds. Last set.",
        "Rest, 45 seconds. Next: Side leg lift, left leg.",
        "Switch sides, right leg.",
        "Rest, 45 seconds. Next: Clamshell, left leg on top.",
        "Switch sides, right leg on top.",
        "Rest, 30 seconds. Next: left leg on top.",
        "Switch sides, right leg on top.",
        "Rest, 30 seconds. Last set, left leg on top.",
        "Switch sides, right leg on top.",
        "Rest, 45 seconds. Next: Donkey kick, left leg.",
        "Switch sides, right leg.",
        "Rest, 45 seconds. Next: Squat.",
        "Well done.",
    ]


@pytest.mark.parametrize(("late", "words"), [(0.5, "Rest, 30 seconds. Last set."), (0.51, None)])
def test_a_start_half_a_second_late_still_gets_its_words(catalog, late, words):
    """Up to half a second late the words are still true; later than that only the tone plays."""
    run = Run(short_plan(catalog)).start().run(19.9)
    before = len(run.cues)
    run.clock.now = 1020.0 + late  # the rest is due at 20 s
    run.session.tick()
    assert heard(run, before) == [("rest", words)]


def test_cues_carry_the_moment_they_mark_not_when_they_were_noticed(catalog):
    """A rest noticed 0.3 s late and the couch stretch's 'Halfway.' are stamped with when they were due."""
    run = Run(short_plan(catalog)).start().run(19.9)
    run.clock.now = 1020.3
    run.session.tick()
    assert run.cues[-1][1].scheduled == 1020.0
    run.run(230)  # the left couch stretch runs 218-278 s: halfway at 248
    halfway = next(c for _, c in run.cues if c.speech == "Halfway.")
    assert halfway.scheduled == pytest.approx(1248.0)
    assert halfway.speech_window == pytest.approx(27.0, abs=0.02)  # until the first pip, at 275 s


def test_well_done_carries_no_gap_because_no_tone_follows(catalog):
    """The last words have all the time they need."""
    run = Run(short_plan(catalog)).start().run()
    assert run.cues[-1][1] == Cue("session_done", "Well done.", None, scheduled=pytest.approx(1353.0, abs=0.02))


@pytest.mark.parametrize(("name", "words"), [("halfway", "Halfway."), ("30s-left", "30 seconds left.")])
def test_beat_words_before_any_segment_started_have_no_gap(name, words):
    """A planner that has not seen the segment start still says the words, with no gap to respect."""
    planner = CuePlanner(VOICE_AND_TONES, clock=lambda: 50.0)
    assert planner.handle(Beat(3, name, 50.0, stale=False)) == Cue(speech=words, scheduled=50.0)


def test_a_normal_end_says_nothing_more_and_an_early_end_silences_the_voice():
    """'Well done.' is not cut off by the end of the session; Finish stops what is being said."""
    planner = CuePlanner(VOICE_AND_TONES, clock=lambda: 50.0)
    assert planner.handle(Finished(early=False)) is None
    assert planner.handle(Finished(early=True)) == Cue(clear=True)


# --- the queue -------------------------------------------------------------------------------------------


def test_a_clearing_cue_stops_the_words_and_forgets_the_waiting_ones():
    """Pause while words are said and more wait: the voice stops and nothing is said later."""
    q = CueQueue(TONE_SECONDS, estimate=lambda text: 1.0)
    q.submit(Cue(speech="one"), now=0.0)
    q.submit(Cue(speech="two"), now=0.1)
    assert q.submit(Cue(clear=True), now=0.2) == [StopSpeech()]
    assert q.idle
    assert q.speech_finished(now=0.3) == []
    assert q.next_poll() is None


def test_after_a_tone_cut_the_words_off_the_countdown_plays_again():
    """Words stopped by 'go' no longer count as speaking: the next 3-2-1 pip sounds."""
    q = CueQueue(TONE_SECONDS, estimate=lambda text: 3.0)
    q.submit(Cue(speech="Switch sides, right leg on top."), now=0.0)
    assert q.submit(Cue("go", scheduled=7.0), now=0.5) == [StopSpeech(), PlayTone("go", 7.0)]
    assert not q.speaking
    assert q.submit(Cue("count", scheduled=8.0), now=1.0) == [PlayTone("count", 8.0)]


def test_a_tone_of_unknown_length_is_taken_as_a_quarter_second():
    """Words after a tone the queue has no length for wait 0.25 s plus the 0.05 s gap."""
    q = CueQueue({}, estimate=lambda text: 1.0)
    assert q.submit(Cue("go", "Go.", 10.0), now=2.0) == [PlayTone("go")]
    assert q.next_poll() == pytest.approx(2.3)
    assert q.poll(2.29) == []
    assert q.poll(2.3) == [Say("Go.")]


def test_a_long_sentence_is_given_twice_its_length_before_giving_up():
    """A 2.5 s guess: the voice is given up on after 2 x 2.5 + 2 = 7 s, not sooner."""
    q = CueQueue(TONE_SECONDS, estimate=lambda text: 2.5)
    q.submit(Cue(speech="Rest, 45 seconds. Next: Squat."), now=10.0)
    assert q.next_poll() == pytest.approx(17.0)
    assert q.poll(16.9) == []
    assert q.poll(17.0) == [StopSpeech()]


def test_a_session_carried_on_later_cues_from_where_it_was(catalog):
    """Saved in the middle of a set and carried on with a new planner: 'down', then the rest, nothing else."""
    plan = short_plan(catalog)
    run = Run(plan).start().run(16.5)  # holding the second rep of the first set (16-18 s)
    run.session.pause()
    clock = FakeClock(5000.0)
    session = Session.restore(run.session.snapshot(), clock, base=plan)
    planner = CuePlanner(VOICE_AND_TONES, plan=lambda: session.plan, clock=clock)
    cues = []
    session.subscribe(lambda event: cues.append(planner.handle(event)))
    session.resume()
    for _ in range(40):  # 1.5 s of hold and 2 s of lowering left, then the rest
        clock.advance(0.1)
        session.tick()
    assert [(c.tone, c.speech) for c in cues if c is not None] == [
        ("down", None), ("rest", "Rest, 30 seconds. Last set.")]


@pytest.mark.parametrize(("plan_given", "words"), [
    ("callable", "Rest, 45 seconds. Next: Standing hip hinge with rotation, left foot lifted."),
    ("plan", "Rest, 45 seconds. Next: Standing hip hinge with rotation, left foot lifted."),
    (None, "Rest, 45 seconds. Next: Standing hip hinge with rotation."),  # no plan to look ahead in
])
def test_the_side_an_exercise_starts_on_needs_the_plan(catalog, plan_given, words):
    """Given the plan, or a function returning it, the planner names the starting side; without, only the name."""
    plan = short_plan(catalog)
    run = Run(plan)
    run.planner.plan = {"callable": lambda: plan, "plan": plan, None: None}[plan_given]
    run.start().run(61)  # the rest before the hinge starts at 60 s
    assert run.words()[-1] == words


def test_a_segment_without_names_gets_plain_words():
    """With no side or exercise name known (an old saved session), the words still make sense."""
    now = 100.0
    planner = CuePlanner(VOICE_AND_TONES, clock=lambda: now)
    get_ready = Segment("get_ready", 10, "", 0)
    assert planner.handle(SegmentStarted(0, get_ready, now, stale=False)).speech == "Next exercise."
    now = 110.0
    switch = Segment("switch_sides", 8, "", 1)
    assert planner.handle(SegmentStarted(1, switch, now, stale=False)) == Cue(
        "switch", "Switch sides.", 5.0, scheduled=110.0)
    now = 118.0
    rest = Segment("rest", 45, "", 2)
    assert planner.handle(SegmentStarted(2, rest, now, stale=False)).speech == \
        "Rest, 45 seconds. Next: Next exercise."


@pytest.mark.parametrize(("start", "gap", "second_heard"), [
    (1000.0, 0.0, False), (1000.0, 0.04, False), (0.0, 0.05, True), (1000.0, 1.0, True),
])
def test_only_one_cue_per_moment(start, gap, second_heard):
    """Two cues less than 50 ms apart are one moment: only the first is heard; 50 ms apart is a new moment."""
    clock = {"now": start}
    planner = CuePlanner(VOICE_AND_TONES, clock=lambda: clock["now"])
    assert planner.handle(Beat(0, "3", start, stale=False)) == Cue("count", scheduled=start)
    clock["now"] += gap
    second = planner.handle(Beat(0, "2", clock["now"], stale=False))
    assert (second is not None) == second_heard
