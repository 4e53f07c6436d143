"""All the advice is shown where a user meets it, the app's own marked as not the article's."""

from __future__ import annotations

from html import escape

import pytest

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.describe import preview_html
from hipfit_desktop.workout.plan import compile_plan

ARTICLE_ADVICE = ("start-without-resistance", "warm-up-before-couch-stretch", "injury-ask-physio",
                  "workouts-per-week", "weeks-to-build-strength", "whole-body", "adjust-reps")
APP_ADVICE = ("general-warm-up", "support-within-reach", "cushion-under-knee")


@pytest.fixture(scope="module")
def shipped():
    return load_catalog()


def test_the_catalogue_has_the_seven_article_items_and_three_marked_as_the_apps(shipped):
    assert set(shipped.advice) == set(ARTICLE_ADVICE) | set(APP_ADVICE)
    assert {a for a, item in shipped.advice.items() if not item.from_article} == set(APP_ADVICE)


@pytest.mark.parametrize("level", ["beginner", "intermediate", "advanced"])
def test_every_advice_item_appears_in_the_full_session_preview(shipped, level):
    html = preview_html(compile_plan(shipped.routine("full-hip-session"), shipped, Settings(level=level)),
                        shipped, "")
    for advice in shipped.advice.values():
        assert escape(advice.text) in html, advice.id


def test_safety_advice_comes_before_the_first_exercise(shipped):
    html = preview_html(compile_plan(shipped.routine("day-a"), shipped), shipped, "")
    first_exercise = html.index("<h3>1. ")
    for advice_id in ("injury-ask-physio", "general-warm-up", "warm-up-before-couch-stretch"):
        assert html.index(escape(shipped.advice[advice_id].text)) < first_exercise
    for advice_id in ("workouts-per-week", "weeks-to-build-strength"):
        assert html.index(escape(shipped.advice[advice_id].text)) < first_exercise


def test_the_apps_own_advice_is_marked_as_such(shipped):
    html = preview_html(compile_plan(shipped.routine("full-hip-session"), shipped), shipped, "")
    for advice_id in APP_ADVICE:
        text = escape(shipped.advice[advice_id].text)
        assert f"{text} <i>(the app's advice, not the article's)</i>" in html
    article = escape(shipped.advice["injury-ask-physio"].text)
    assert f"{article} <i>(the app" not in html


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
