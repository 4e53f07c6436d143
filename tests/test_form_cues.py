"""The short form cues shown in large type during a set: what to do with the body, never weekly advice."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.card import build_card
from hipfit_desktop.workout.form_cues import LONGEST, first_sentence, form_cues
from hipfit_desktop.workout.plan import compile_plan


@pytest.fixture(scope="module")
def cards(catalog):
    plan = compile_plan(catalog.routine("full-hip-session"), catalog, Settings())
    return {item.exercise.id: build_card(item, catalog) for item in plan.exercises}


def test_the_side_leg_lift_gets_its_first_three_body_cues_first_sentence_only(cards):
    assert form_cues(cards["side-leg-lift"]) == (
        "Keep your knees soft.", "Keep your hips level.", "Keep your neck, core and lower back lined up straight.")


def test_advice_for_the_week_and_equipment_notes_are_left_out(cards):
    """'The article suggests doing these five times a week' is no cue for the middle of a set."""
    kick = form_cues(cards["donkey-kick"])
    assert kick and not any("article" in cue or "posture" in cue for cue in kick)
    assert not any(cue.startswith("You need") for cue in form_cues(cards["squat"]))


def test_every_exercise_of_the_full_session_has_a_cue_and_none_is_too_long(cards):
    for exercise_id, card in cards.items():
        cues = form_cues(card)
        assert 1 <= len(cues) <= 3, exercise_id
        assert all(len(cue) <= LONGEST for cue in cues), exercise_id


def test_a_long_or_repeated_tip_is_skipped_and_the_limit_holds(cards):
    card = replace(cards["squat"], tips=("Keep your heels down.", "Keep your heels down.", "Keep " + "x" * 90 + ".",
                                         "Stay low.", "Stop at the line.", "Use the wall."))
    assert form_cues(card) == ("Keep your heels down.", "Stay low.", "Stop at the line.")
    assert form_cues(card, limit=1) == ("Keep your heels down.",)


def test_a_card_without_tips_has_no_cues(cards):
    assert form_cues(replace(cards["squat"], tips=())) == ()


@pytest.mark.parametrize(("text", "sentence"), [
    ("Keep your knees soft. Do not lock them.", "Keep your knees soft."),
    ("Keep the knee bent at 90° for the whole kick.", "Keep the knee bent at 90° for the whole kick."),
    ("Hold 2 s! Then lower.", "Hold 2 s!"),
    ("  Stay low  ", "Stay low"),
])
def test_the_first_sentence_ends_at_its_stop(text, sentence):
    assert first_sentence(text) == sentence
