"""The session screen followed from the floor: what the hero number, the side badge, the tempo and the cues say
in each phase, and the changes made while it runs (reps, time, a jump), with keys as a presenter sends them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hipfit_desktop.qt.main_window import MainWindow
from hipfit_desktop.settings.model import Settings
from tests.window_driving import reach

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, catalog, clock):
    w = MainWindow(catalog, Settings(), clock=clock, ask=lambda *_: True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    return w


def key(qtbot, window, k):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.focusWidget() or window, k, Qt.KeyboardModifier.NoModifier)


# --- the hero number, phase by phase -------------------------------------------------------------------------

def test_during_a_guided_rep_the_rep_count_is_the_hero_and_the_tempo_bar_follows_the_phase(window, clock):
    window.start_routine("day-a")  # the glute bridge: up 1 s, hold 2 s, down 2 s
    reach(window, clock, lambda s: s.segment.kind == "hold" and s.segment.rep == 8)
    page = window.session_page
    clock.advance(1)
    window.driver.wake()
    assert page.hero.text() == "8 / 15" and page.hero_caption.text() == "REPS"
    assert page.bars.currentWidget() is page.tempo and page.bars.isVisible()
    assert [zone[0] for zone in page.tempo.zones] == ["UP", "HOLD", "DOWN"] and page.tempo.current == 1
    assert page.tempo.marker_at() == pytest.approx((1 + 1) / 5)  # 1 s of up, then half the 2 s hold
    assert page.exercise.text() == "Glute bridge" and "Set 1 of 3" in page.detail.text()


@pytest.mark.parametrize(("routine", "kind", "after", "hero", "caption"), [
    ("day-a", "get_ready", 3.2, "7", "SECONDS LEFT"),
    ("day-a", "rest", 12.3, "18", "SECONDS LEFT"),
    ("band-day", "switch_sides", 2, "6", "SECONDS LEFT"),
    ("day-a", "timed", 4.5, "26", "SECONDS LEFT"),  # the hip hinge's 30 s
])
def test_on_countdowns_the_seconds_left_are_the_hero(window, clock, routine, kind, after, hero, caption):
    window.start_routine(routine)
    reach(window, clock, lambda s: s.segment.kind == kind)
    clock.advance(after)
    window.driver.wake()
    page = window.session_page
    assert page.hero.text() == hero and page.hero_caption.text() == caption
    assert page.bars.currentWidget() is page.hold_bar


def test_the_couch_stretch_counts_down_its_minutes(window, clock):
    window.start_routine("couch-stretch-mobility")
    reach(window, clock, lambda s: s.segment.phase == "STRETCH")
    clock.advance(45)
    window.driver.wake()
    assert window.session_page.hero.text() == "2:15"
    assert window.session_page.hero_caption.text() == "TIME LEFT"  # never just "LEFT", the side's word


def test_an_own_pace_set_shows_its_count_and_one_large_done_button(window, clock):
    window.start_routine("band-day")
    session = reach(window, clock, lambda s: s.segment.kind == "self_paced_set")
    page = window.session_page
    assert page.hero.text() == "15" and page.hero_caption.text() == "REPS, YOUR PACE"
    assert page.done_button.isVisible() and page.done_button.text() == "Done — 15 reps  (Page Down)"
    assert not page.bars.isVisible()  # no clock to race: the user sets the pace
    page.done_button.click()
    assert session.statuses[session.index - 1] == "done" and session.segment.kind == "switch_sides"


def test_a_whole_routine_at_own_pace_takes_one_press_a_set_and_the_log_counts_every_rep(qtbot, catalog, clock,
                                                                                       tmp_path):
    """Side steps and knee drives, 2 sets x 4 reps a side: 8 presses of Page Down, 32 reps in the summary and log."""
    from hipfit_desktop.records.database import HistoryLog

    settings = Settings().with_exercise("banded-side-step", sets=2, reps=4).with_exercise(
        "banded-knee-drive", sets=2, reps=4, pace="own")
    w = MainWindow(catalog, settings, clock=clock, ask=lambda *_: True, log=HistoryLog(tmp_path / "h.sqlite3"),
                   choose=lambda *a: a[-1][0])
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    w.start_routine("band-day")
    session = w.driver.session
    presses = 0
    while session.segment.exercise_index is not None and session.segment.exercise_index < 2:
        if session.segment.kind == "self_paced_set":
            clock.advance(20)
            key(qtbot, w, Qt.Key.Key_PageDown)
            presses += 1
        else:
            clock.advance(session.remaining())
            w.driver.wake()
    assert presses == 8
    w.driver.finish()
    tiles = w.summary_page.tiles
    assert (tiles["sets"].text(), tiles["reps"].text()) == ("8 / 17", "32")  # clamshell and bridge not begun
    w.session_log.log.flush()
    rows = w.session_log.log.read(
        "SELECT exercise, sum(reps_done), count(*) FROM sets WHERE outcome = 'done' GROUP BY exercise")
    assert sorted(rows) == [("banded-knee-drive", 16, 4), ("banded-side-step", 16, 4)]


# --- the side --------------------------------------------------------------------------------------------

def test_the_side_badge_says_left_then_right_and_vanishes_for_two_sided_work(window, clock):
    window.start_routine("band-day")  # side steps lead with the left leg first
    page = window.session_page
    assert page.side.isVisible() and page.side.text() == "◀ LEFT"  # already in the get-ready
    reach(window, clock, lambda s: s.segment.kind.startswith("self_paced"))
    assert page.side.text() == "◀ LEFT"
    reach(window, clock, lambda s: s.segment.kind == "switch_sides")
    assert page.side.text() == "RIGHT ▶"  # the side to switch to
    reach(window, clock, lambda s: s.segment.kind.startswith("self_paced") and s.segment.side == "right")
    assert page.side.text() == "RIGHT ▶"
    window.driver.jump_to_exercise(3)  # the glute bridge: both legs at once
    reach(window, clock, lambda s: s.segment.kind in ("up", "self_paced", "self_paced_set"))
    assert not page.side.isVisible()


# --- form cues and steps ---------------------------------------------------------------------------------

def test_short_cues_in_large_type_during_a_set_and_the_numbered_steps_in_a_rest(window, clock):
    window.start_routine("day-a")
    page = window.session_page
    assert page.steps.isVisible() and "1. Lie on your back" in page.steps.text()  # the get-ready
    reach(window, clock, lambda s: s.segment.kind == "up")
    assert page.cues.isVisible() and not page.steps.isVisible()
    assert "Stop lifting once your shoulders, hips and knees are in line." in page.cues.text()
    assert page.cues.font().pixelSize() > page.instruction.font().pixelSize()
    reach(window, clock, lambda s: s.segment.kind == "rest")
    assert page.steps.isVisible() and "2. Bend your knees" in page.steps.text()


# --- more or less time ------------------------------------------------------------------------------------

def test_up_gives_a_rest_15_seconds_more_and_its_end_moves_with_it(qtbot, window, clock):
    window.start_routine("day-a")
    session = reach(window, clock, lambda s: s.segment.kind == "rest")
    clock.advance(10)
    window.driver.wake()
    assert window.session_page.hero.text() == "20"
    key(qtbot, window, Qt.Key.Key_Up)
    assert window.session_page.hero.text() == "35"
    assert window.session_page.hold_bar._fraction == pytest.approx(10 / 45)  # the bar is now 45 s long
    clock.advance(20)  # where the rest would have ended
    window.driver.wake()
    assert session.segment.kind == "rest" and window.session_page.hero.text() == "15"
    clock.advance(15)
    window.driver.wake()
    assert session.segment.kind != "rest"


def test_down_and_the_minus_button_take_15_seconds_off_a_countdown(qtbot, window, clock):
    window.start_routine("day-a")
    session = reach(window, clock, lambda s: s.segment.kind == "rest")
    key(qtbot, window, Qt.Key.Key_Down)
    assert session.remaining() == pytest.approx(15)
    window.session_page.less_time_button.click()
    assert session.segment.kind == "rest" and session.remaining() == pytest.approx(1)  # never below 1 s


def test_time_cannot_be_changed_in_the_middle_of_a_rep(qtbot, window, clock):
    window.start_routine("day-a")
    session = reach(window, clock, lambda s: s.segment.kind == "hold")
    page = window.session_page
    assert not page.more_time_button.isEnabled() and not page.less_time_button.isEnabled()
    key(qtbot, window, Qt.Key.Key_Up)
    assert session.segment.kind == "hold" and session.remaining() == pytest.approx(2)


# --- pause: one key that means nothing else ----------------------------------------------------------------

@pytest.mark.parametrize("pause_key", [Qt.Key.Key_Space, Qt.Key.Key_B])
def test_space_and_b_pause_and_resume_in_every_kind_of_step(qtbot, window, clock, pause_key):
    window.start_routine("band-day")
    for kind in ("get_ready", "self_paced", "switch_sides"):
        session = reach(window, clock, lambda s, kind=kind: s.segment.kind.startswith(kind))
        index = session.index
        key(qtbot, window, pause_key)
        assert session.state == "paused" and window.session_page.phase.text() == "PAUSED"
        key(qtbot, window, pause_key)
        assert session.state == "running" and session.index == index


# --- the voice ------------------------------------------------------------------------------------------------

def test_the_voice_is_on_by_default_and_tones_alone_carry_on_where_no_speech_engine_answers():
    from hipfit_desktop.workout.cues import CuePlanner

    planner = CuePlanner(Settings())
    assert Settings().voice and planner.voice_on and planner.tones_on
    planner.voice_available = False  # what the player sets when no engine starts
    assert not planner.voice_on and planner.tones_on


def test_counting_each_rep_is_a_choice_in_settings_and_brings_back_a_press_per_rep(qtbot, catalog):
    from hipfit_desktop.qt.settings_dialog import SettingsDialog
    from hipfit_desktop.workout.plan import compile_plan

    dialog = SettingsDialog(catalog, Settings())
    qtbot.addWidget(dialog)
    assert not dialog.count_each_rep.isChecked()
    dialog.count_each_rep.setChecked(True)
    chosen = dialog.settings()
    assert chosen.count_each_rep
    kinds = {s.kind for s in compile_plan(catalog.routine("band-day"), catalog, chosen).segments}
    assert "self_paced" in kinds and "self_paced_set" not in kinds


# --- more or fewer reps in the set under way ---------------------------------------------------------------

def test_plus_in_the_middle_of_a_set_makes_this_set_longer_and_the_summary_counts_it(qtbot, window, clock):
    window.start_routine("day-a")  # glute bridge, 3 x 15
    session = reach(window, clock, lambda s: s.segment.kind == "up" and s.segment.rep == 4)
    page = window.session_page
    assert page.more_button.isEnabled()
    key(qtbot, window, Qt.Key.Key_Plus)
    key(qtbot, window, Qt.Key.Key_Plus)
    assert page.hero.text() == "4 / 17" and page.reps_note.text() == "This exercise: 17 reps a set (+ / −)"
    reach(window, clock, lambda s: s.segment.kind == "rest")
    window.driver.finish()
    assert window.summary_page.tiles["reps"].text() == "17"  # the 17 reps of the only set done
    assert session.state == "finished"


def test_minus_in_an_exercises_last_set_still_works_and_never_drops_below_the_rep_under_way(qtbot, window, clock):
    window.start_routine("day-a")
    session = reach(window, clock, lambda s: s.segment.kind == "up" and s.segment.set == 3 and s.segment.rep == 14)
    page = window.session_page
    assert page.fewer_button.isEnabled()  # greyed out here before: the last set had "nothing to come"
    for _ in range(3):
        key(qtbot, window, Qt.Key.Key_Minus)
    assert page.hero.text() == "14 / 14" and session.segment.reps == 14


# --- the outline -------------------------------------------------------------------------------------------

def test_o_opens_the_outline_and_arrows_and_enter_jump_to_an_exercise(qtbot, window, clock):
    window.start_routine("band-day")
    session = reach(window, clock, lambda s: s.segment.kind == "switch_sides")
    key(qtbot, window, Qt.Key.Key_O)
    outline = window.session_page.outline
    assert outline is not None and outline.isVisible()
    rows = [outline.list.item(i).text() for i in range(outline.list.count())]
    assert len(rows) == 4 and rows[0].startswith("▶  Banded side step") and "0 of 3 sets  ·  now" in rows[0]
    assert rows[2].startswith("○  Clamshell") and rows[2].endswith("to come")
    assert outline.list.currentRow() == 0  # the exercise under way is chosen first
    qtbot.keyClick(outline.list, Qt.Key.Key_Down)
    qtbot.keyClick(outline.list, Qt.Key.Key_Down)
    qtbot.keyClick(outline.list, Qt.Key.Key_Return)
    assert not outline.isVisible()
    assert session.segment.exercise_index == 2 and window.session_page.exercise.text() == "Clamshell"
    assert session.state == "running"


def test_the_outline_marks_what_is_done_and_esc_closes_it_without_moving(qtbot, window, clock):
    window.start_routine("quick-no-equipment")
    session = reach(window, clock, lambda s: s.segment.exercise_index == 1 and s.segment.kind != "rest")
    index = session.index
    window.session_page.outline_button.click()
    outline = window.session_page.outline
    assert outline.list.item(0).text().startswith("✓  Glute bridge") and outline.list.currentRow() == 1
    qtbot.keyClick(outline.list, Qt.Key.Key_Escape)
    assert not outline.isVisible() and session.index == index
