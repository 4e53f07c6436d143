"""All the advice is shown where a user meets it, the app's own marked as not the article's."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.qt.preview_cards import PreviewPane
from hipfit_desktop.qt.type_scale import scale_for_height
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.plan import compile_plan
from hipfit_desktop.workout.preview import routine_preview

ARTICLE_ADVICE = ("start-without-resistance", "warm-up-before-couch-stretch", "injury-ask-physio",
                  "workouts-per-week", "weeks-to-build-strength", "whole-body", "adjust-reps")
APP_ADVICE = ("general-warm-up", "support-within-reach", "cushion-under-knee")


@pytest.fixture(scope="module")
def shipped():
    return load_catalog()


def test_the_catalogue_has_the_seven_article_items_and_three_marked_as_the_apps(shipped):
    assert set(shipped.advice) == set(ARTICLE_ADVICE) | set(APP_ADVICE)
    assert {a for a, item in shipped.advice.items() if not item.from_article} == set(APP_ADVICE)


def preview_of(shipped, routine, level="beginner"):
    return routine_preview(compile_plan(shipped.routine(routine), shipped, Settings(level=level)), shipped, "")


def every_line(preview):
    return preview.before + preview.weeks + tuple(line for card in preview.cards for line in card.advice)


@pytest.mark.parametrize("level", ["beginner", "intermediate", "advanced"])
def test_every_advice_item_appears_in_the_full_session_preview(shipped, level):
    shown = {line.text for line in every_line(preview_of(shipped, "full-hip-session", level))}
    for advice in shipped.advice.values():
        assert advice.text in shown, advice.id


def test_safety_advice_is_read_before_the_exercises(shipped):
    """Day A has the couch stretch: its warm-up note joins the physio and general warm-up before the cards."""
    preview = preview_of(shipped, "day-a")
    before = [line.text for line in preview.before]
    for advice_id in ("injury-ask-physio", "general-warm-up", "warm-up-before-couch-stretch"):
        assert shipped.advice[advice_id].text in before, advice_id
    assert before[0] == shipped.advice["injury-ask-physio"].text
    weeks = [line.text for line in preview.weeks]
    for advice_id in ("workouts-per-week", "weeks-to-build-strength"):
        assert shipped.advice[advice_id].text in weeks, advice_id


def test_the_apps_own_advice_is_marked_as_such(shipped):
    """Every advice line the preview shows knows whether it is the article's, the app's three marked."""
    lines = every_line(preview_of(shipped, "full-hip-session"))
    assert {line.text for line in lines if not line.from_article} == {shipped.advice[a].text for a in APP_ADVICE}
    assert all(line.from_article for line in lines if line.text in {shipped.advice[a].text for a in ARTICLE_ADVICE})


def test_in_the_window_safety_comes_above_the_first_card_each_line_marked(qtbot, shipped):
    """The 'Before you start' block sits above the first card; on a card, each note is its own warning line,
    the app's own followed by its mark."""
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(1366, 740)
    pane.show_preview(preview_of(shipped, "couch-stretch-mobility"), scale_for_height(768))
    pane.show()
    qtbot.waitExposed(pane)
    content = pane.widget()
    before = next(label for label in content.findChildren(QLabel)
                  if label.accessibleName() == "Before you start" and label.text().startswith("⚠"))
    first_card = pane.cards[0]
    assert before.geometry().bottom() < first_card.geometry().top()
    assert before.text().split("\n")[0] == f"⚠ {shipped.advice['injury-ask-physio'].text}"
    couch = next(card for card in pane.cards if card.card.exercise_id == "couch-stretch")
    safety = next(label for label in couch.findChildren(QLabel) if label.accessibleName() == "Safety")
    assert f"⚠ {shipped.advice['cushion-under-knee'].text} ◆ the app's advice, not the article's" in \
        safety.text().split("\n")
    assert f"⚠ {shipped.advice['warm-up-before-couch-stretch'].text}" in safety.text().split("\n")


@pytest.mark.parametrize("exercise_id, advice_id", [
    ("hip-abduction-step", "support-within-reach"), ("heel-drop", "support-within-reach"),
    ("couch-stretch", "cushion-under-knee"), ("couch-stretch", "warm-up-before-couch-stretch"),
    ("donkey-kick", "cushion-under-knee"), ("quadruped-hip-extension", "cushion-under-knee"),
])
def test_exercise_advice_is_on_that_exercises_card(shipped, exercise_id, advice_id):
    from hipfit_desktop.workout.card import build_card
    from hipfit_desktop.workout.plan import plan_exercise

    item = plan_exercise(shipped.exercises[exercise_id], shipped, Settings())
    assert shipped.advice[advice_id].text in [a.text for a in build_card(item, shipped).advice]


def test_the_one_legged_squat_card_asks_for_support_within_reach(shipped):
    from hipfit_desktop.workout.card import build_card
    from hipfit_desktop.workout.plan import plan_exercise

    squat = shipped.exercises["squat"]
    one_legged = build_card(plan_exercise(squat, shipped, Settings(level="advanced")), shipped)
    two_legged = build_card(plan_exercise(squat, shipped, Settings()), shipped)
    text = shipped.advice["support-within-reach"].text
    assert text in [a.text for a in one_legged.advice] and text not in [a.text for a in two_legged.advice]
