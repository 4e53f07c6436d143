"""The picker's preview as a card per exercise: the version, the counts with who chose each number (the
app's marked), the key points with the steps one click away, a spot for the figure, lines short enough to read."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel

from hipfit_desktop.qt.picker_page import PickerPage
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.describe import first_start_routine
from hipfit_desktop.workout.plan import APP, ARTICLE, ROUTINE, compile_plan
from hipfit_desktop.workout.preview import CountLine, routine_preview


def preview_of(catalog, routine, settings=None, last_times=None):
    plan = compile_plan(catalog.routine(routine), catalog, settings or Settings())
    return routine_preview(plan, catalog, catalog.routine(routine).description, last_times)


def test_a_card_has_the_version_the_counts_and_each_numbers_source(catalog):
    bridge = preview_of(catalog, "quick-no-equipment").cards[0]
    assert (bridge.number, bridge.name, bridge.version) == (1, "Glute bridge", "Bridge")
    assert bridge.version_note == "beginner · from the article"
    assert bridge.counts == "2 sets × 15 reps, hold 2 s"
    assert CountLine("2 sets", ROUTINE) in bridge.count_lines  # the routine halves the article's three sets
    assert CountLine("15 reps", ARTICLE) in bridge.count_lines
    rest = next(line for line in bridge.count_lines if line.text.startswith("rest"))
    assert rest == CountLine("rest 30 s between sets", APP) and rest.app_chosen
    assert not any(line.app_chosen for line in bridge.count_lines if line.source in (ARTICLE, ROUTINE))


def test_the_version_follows_the_level(catalog):
    band_day = preview_of(catalog, "band-day", Settings(level="intermediate"))
    bridge = next(card for card in band_day.cards if card.exercise_id == "glute-bridge")
    assert bridge.version == "Bridge with a band" and bridge.version_note.startswith("intermediate")
    assert "band" in bridge.needs


def test_folded_a_card_keeps_two_key_points_and_every_step_stays_available(catalog):
    for card in preview_of(catalog, "full-hip-session").cards:
        assert 1 <= len(card.key_points) <= 2
        assert len(card.steps) >= 3
        assert not set(card.key_points) & set(card.more_tips)


def test_the_training_log_line_sits_on_its_card(catalog):
    preview = preview_of(catalog, "band-day", last_times={"clamshell": "last time: 2 × 10, today"})
    assert [c.last_time for c in preview.cards if c.last_time] == ["Last time: 2 × 10, today"]


def test_safety_comes_before_the_cards_and_the_couch_stretch_note_only_with_it(catalog):
    assert any("physical therapist" in a.text for a in preview_of(catalog, "quick-no-equipment").before)
    assert not any("couch stretch" in a.text for a in preview_of(catalog, "quick-no-equipment").before)
    assert any("couch stretch" in a.text for a in preview_of(catalog, "couch-stretch-mobility").before)


def test_a_first_start_prefers_the_shortest_routine_that_needs_nothing(catalog):
    plans = {r: compile_plan(catalog.routine(r), catalog, Settings()) for r in catalog.routines}
    assert first_start_routine(plans.values()) == "quick-no-equipment"
    needing_gear = [p for p in plans.values() if p.equipment]  # then simply the shortest
    assert first_start_routine(needing_gear) == min(needing_gear, key=lambda p: p.estimated_seconds).routine_id
    assert first_start_routine([]) is None


# --- in the window --------------------------------------------------------------------------------------


@pytest.fixture
def picker(qtbot, catalog):
    page = PickerPage(catalog, Settings())
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    qtbot.waitExposed(page)
    return page


def plain(label: QLabel) -> str:
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText().replace("\xa0", " ")


def test_the_picker_shows_one_card_per_exercise_with_a_spot_for_its_figure(picker):
    cards = picker.preview.cards
    assert [c.card.name for c in cards] == ["Glute bridge", "Side leg lift", "Clamshell", "Donkey kick", "Squat"]
    first = cards[0]
    assert first.figure_slot.isVisible() and first.figure_slot.accessibleName() == "Figure of Glute bridge"
    assert first.title.text() == "Glute bridge"
    assert first.version.text().startswith("Bridge · beginner · from the article")
    assert first.counts.text() == "2 sets × 15 reps, hold 2 s"


def test_numbers_the_app_chose_are_marked_on_the_card(picker):
    sources = plain(picker.preview.cards[0].sources)
    assert "rest 30 s between sets ◆ app default" in sources
    assert "15 reps (the article)" in sources and "15 reps ◆" not in sources
    assert "◆ a number the app chose" in picker.preview.toPlainText()


def test_the_steps_unfold_on_request(picker, qtbot):
    card = picker.preview.cards[0]
    assert card.key_points.isVisible() and "Stop lifting" in card.key_points.text()
    assert not card.details.isVisible()
    assert card.fold.text() == "All 5 steps ▸"
    card.fold.click()
    unfolded = [label.text() for label in card.details.findChildren(QLabel)]
    assert card.details.isVisible() and unfolded[0].endswith("Works: glutes, hamstrings, posterior chain.")
    assert unfolded[1].startswith("1. Lie on your back")


def test_where_the_app_corrects_the_article_the_card_says_so_without_unfolding(picker):
    lift = next(card for card in picker.preview.cards if card.card.exercise_id == "side-leg-lift")
    assert not lift.details.isVisible()
    shown = [label.text() for label in lift.findChildren(QLabel) if label.isVisible()]
    assert any(text.startswith("About the name: The article calls this movement \"adducting\"") for text in shown)


def test_no_line_on_a_card_is_a_wall_of_text(picker):
    """About 75 characters a line at most, however wide the window (it was 200)."""
    for card in picker.preview.cards:
        for label in card.findChildren(QLabel):
            if label.isVisible() and label.wordWrap():
                assert label.width() / label.fontMetrics().averageCharWidth() <= 90, label.text()[:40]


@pytest.mark.parametrize("level", ["beginner", "intermediate", "advanced"])
def test_every_advice_item_is_on_the_full_session_cards_the_apps_marked(qtbot, catalog, level):
    page = PickerPage(catalog, Settings(level=level, last_routine="full-hip-session"))
    qtbot.addWidget(page)
    assert page.preview.cards == []  # built when first shown, not before
    page.show()
    text = page.preview.toPlainText()
    for advice in catalog.advice.values():
        assert advice.text in text, advice.id
        marked = f"{advice.text} ◆ the app's advice, not the article's" in text
        assert marked == (not advice.from_article), advice.id
