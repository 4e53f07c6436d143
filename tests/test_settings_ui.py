"""Settings in the window: first-run level, the settings dialog, session counts, remembering rep changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hipfit_desktop.qt.counts_dialog import CountsDialog
from hipfit_desktop.qt.level_dialog import LevelDialog
from hipfit_desktop.qt.main_window import MainWindow
from hipfit_desktop.qt.settings_dialog import SettingsDialog
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.settings.store import SettingsStore

pytestmark = pytest.mark.gui


@pytest.fixture
def store(hipfit_home):
    return SettingsStore()


def make_window(qtbot, catalog, clock, store, settings=None):
    window = MainWindow(catalog, settings or store.load(catalog).settings, clock=clock, ask=lambda *_: True,
                        store=store)
    qtbot.addWidget(window)
    window.show()
    return window


def reloaded(store, catalog):
    return SettingsStore(store.path).load(catalog).settings


def test_first_run_asks_for_the_level_once_and_remembers_it(qtbot, catalog, clock, store):
    window = make_window(qtbot, catalog, clock, store)
    qtbot.waitUntil(lambda: isinstance(window.dialog, LevelDialog))
    dialog = window.dialog
    assert "no band or weights yet" in dialog.group.button(0).text()
    dialog.group.button(2).setChecked(True)
    dialog.accept()
    saved = reloaded(store, catalog)
    assert saved.level == "advanced" and saved.level_chosen
    assert window.picker.level.currentText() == "Advanced"
    second = make_window(qtbot, catalog, clock, store)
    qtbot.wait(50)
    assert second.dialog is None


def test_level_picked_in_the_picker_is_saved(qtbot, catalog, clock, store):
    window = make_window(qtbot, catalog, clock, store, Settings(level_chosen=True))
    window.picker.level.setCurrentIndex(1)
    assert reloaded(store, catalog).level == "intermediate"
    assert "intermediate level" in window.picker.preview.toPlainText()


def test_settings_dialog_changes_reps_and_rest_and_they_are_saved(qtbot, catalog, clock, store):
    """Ctrl+, opens the dialog; a changed rep count and rest time reach the file and the next plan."""
    window = make_window(qtbot, catalog, clock, store, Settings(level_chosen=True))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.timings["rest_between_sets_seconds"].set_number(45)
    names = [dialog.exercise_list.item(i).text() for i in range(dialog.exercise_list.count())]
    dialog.exercise_list.setCurrentRow(names.index("Clamshell"))
    assert dialog.counts["reps"].specialValueText() == "default (10 reps)" or \
        dialog.counts["reps"].specialValueText() == "default (10)"
    dialog.counts["reps"].set_number(12)
    band = dialog.progression.findData("banded")
    dialog.progression.setCurrentIndex(band)
    dialog.progression.activated.emit(band)
    assert "light resistance band" in dialog.progression_note.text()
    dialog.accept()
    saved = reloaded(store, catalog)
    assert saved.rest_between_sets_seconds == 45
    assert saved.for_exercise("clamshell").reps == 12 and saved.for_exercise("clamshell").progression == "banded"
    text = store.path.read_text()
    assert "clamshell" in text and "reps: 12" in text and "donkey-kick" not in text


def test_numbers_outside_the_bounds_cannot_be_entered(qtbot, catalog):
    dialog = SettingsDialog(catalog, Settings())
    qtbot.addWidget(dialog)
    dialog.counts["reps"].setValue(500)
    assert dialog.counts["reps"].number() == 100
    dialog.timings["switch_sides_seconds"].setValue(-5)
    assert dialog.timings["switch_sides_seconds"].number() is None


def test_a_press_for_each_rep_at_own_pace_is_a_choice_in_settings(qtbot, catalog):
    dialog = SettingsDialog(catalog, Settings())
    qtbot.addWidget(dialog)
    assert not dialog.count_each_rep.isChecked() and not dialog.settings().count_each_rep
    dialog.count_each_rep.setChecked(True)
    assert dialog.settings().count_each_rep
    dialog.reset_all_button.click()
    assert not dialog.settings().count_each_rep
    shown = SettingsDialog(catalog, Settings(count_each_rep=True))
    qtbot.addWidget(shown)
    assert shown.count_each_rep.isChecked()


def test_reset_this_exercise_and_reset_all(qtbot, catalog):
    settings = Settings(rest_between_exercises_seconds=20).with_exercise("glute-bridge", reps=5, sets=2)
    dialog = SettingsDialog(catalog, settings)
    qtbot.addWidget(dialog)
    dialog.exercise_list.setCurrentRow(1)  # glute bridge
    assert dialog.counts["reps"].number() == 5
    dialog.reset_exercise_button.click()
    assert dialog.counts["reps"].number() is None and dialog.settings().for_exercise("glute-bridge").is_default()
    assert dialog.settings().rest_between_exercises_seconds == 20
    dialog.reset_all_button.click()
    assert dialog.settings().rest_between_exercises_seconds is None


def test_counts_for_this_session_only_are_not_saved(qtbot, catalog, clock, store):
    window = make_window(qtbot, catalog, clock, store, Settings(level_chosen=True,
                                                                last_routine="couch-stretch-mobility"))
    window.change_counts("couch-stretch-mobility")
    dialog = window.dialog
    assert isinstance(dialog, CountsDialog)
    dialog.rows["couch-stretch"]["seconds"].set_number(90)
    dialog.accept()
    assert "1 set × 1:30 each side" in window.picker.preview.toPlainText()
    assert reloaded(store, catalog).for_exercise("couch-stretch").seconds is None
    window.start_routine("couch-stretch-mobility")
    stretch = [s for s in window.driver.session.plan.segments if s.kind == "timed" and s.exercise == "couch-stretch"]
    assert {s.seconds for s in stretch} == {90}
    window.driver.finish()
    window.show_picker()
    assert "1 set × 3:00 each side" in window.picker.preview.toPlainText()


def test_counts_remembered_for_next_time_are_saved(qtbot, catalog, clock, store):
    window = make_window(qtbot, catalog, clock, store, Settings(level_chosen=True))
    window.change_counts("band-day")
    dialog = window.dialog
    dialog.rows["clamshell"]["sets"].set_number(2)
    dialog.remember.setChecked(True)
    dialog.accept()
    assert reloaded(store, catalog).for_exercise("clamshell").sets == 2


def test_reps_changed_during_a_session_can_be_remembered_after_it(qtbot, catalog, clock, store):
    window = make_window(qtbot, catalog, clock, store, Settings(level_chosen=True))
    window.start_routine("band-day")
    window.session_page.more()
    window.session_page.more()
    window.driver.finish()
    button = window.summary_page.remember_button
    assert button.isVisible() and "Banded side step: 17 reps" in button.text()
    assert reloaded(store, catalog).for_exercise("banded-side-step").reps is None
    button.click()
    assert reloaded(store, catalog).for_exercise("banded-side-step").reps == 17
    assert not button.isEnabled()


def test_last_routine_is_selected_next_time(qtbot, catalog, clock, store):
    window = make_window(qtbot, catalog, clock, store, Settings(level_chosen=True))
    window.start_routine("band-day")
    window.driver.finish()
    again = make_window(qtbot, catalog, clock, store)
    assert again.picker.selected_routine() == "band-day"


def test_a_corrupt_settings_file_is_reported_in_the_window(qtbot, catalog, clock, hipfit_home):
    from hipfit_desktop.qt.app import create_main_window

    settings_file = hipfit_home / "config" / "settings.yaml"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("version: 1\nlevel: [unclosed\n")
    window = create_main_window()
    qtbot.addWidget(window)
    assert window.picker.notice.isVisibleTo(window)
    assert "corrupt-" in window.picker.notice.text()
    assert list(settings_file.parent.glob("settings.yaml.corrupt-*"))


def test_saving_problems_are_said_once_and_the_app_carries_on(qtbot, catalog, clock, store, monkeypatch):
    from hipfit_desktop.settings.store import SaveResult

    window = make_window(qtbot, catalog, clock, store, Settings(level_chosen=True))
    calls = []
    monkeypatch.setattr(store, "save", lambda s: calls.append(s) or SaveResult(False, "cannot save: read-only"))
    window.picker.level.setCurrentIndex(2)
    assert window.picker.notice.text() == "cannot save: read-only"
    assert window.settings.level == "advanced" and len(calls) == 1


def test_counts_dialog_starts_with_every_box_at_this_sessions_default(qtbot, catalog):
    """Opening the counts dialog and pressing OK changes nothing, not even a hold."""
    from hipfit_desktop.workout.plan import compile_plan

    plan = compile_plan(catalog.routine("band-day"), catalog)
    dialog = CountsDialog(plan)
    qtbot.addWidget(dialog)
    assert dialog.rows["clamshell"]["hold_seconds"].specialValueText() == "default (2 s)"
    assert dialog.apply_to(Settings()) == Settings()


def test_dialogs_are_gone_once_answered(qtbot, catalog, clock, store):
    """Opening settings, counts and help again and again does not pile up hidden dialogs."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QDialog

    window = make_window(qtbot, catalog, clock, store, Settings(level_chosen=True))
    for _ in range(3):
        window.open_settings()
        window.dialog.reject()
        window.change_counts("band-day")
        window.dialog.accept()
        window.show_help()
        window.findChildren(QDialog)[-1].reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(QDialog) == [] and window.dialog is None


def test_settings_accepted_keep_this_sessions_counts(qtbot, catalog, clock, store):
    window = make_window(qtbot, catalog, clock, store, Settings(level_chosen=True))
    window.change_counts("band-day")
    window.dialog.rows["clamshell"]["reps"].set_number(5)
    window.dialog.accept()
    window.open_settings()
    window.dialog.timings["switch_sides_seconds"].set_number(4)
    window.dialog.accept()
    assert window.settings.for_exercise("clamshell").reps == 5 and window.settings.switch_sides_seconds == 4
    assert reloaded(store, catalog).for_exercise("clamshell").reps is None


def test_plus_then_minus_offers_nothing_to_remember(qtbot, catalog, clock, store):
    window = make_window(qtbot, catalog, clock, store, Settings(level_chosen=True))
    window.start_routine("band-day")
    window.session_page.more()
    window.session_page.fewer()
    window.driver.finish()
    assert not window.summary_page.remember_button.isVisible()


def test_default_hold_shown_follows_the_chosen_version(qtbot, catalog):
    """The knee drive's pause version holds 3 s; the dialog's "default" says so."""
    dialog = SettingsDialog(catalog, Settings().with_exercise("banded-knee-drive", progression="knee-drive-pause"))
    qtbot.addWidget(dialog)
    names = [dialog.exercise_list.item(i).text() for i in range(dialog.exercise_list.count())]
    dialog.exercise_list.setCurrentRow(names.index("Banded knee drive"))
    assert dialog.counts["hold_seconds"].specialValueText() == "default (3 s)"
