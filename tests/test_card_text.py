"""The exercise card word for word, as `hipfit exercise` prints it and the session page shows its set-up.

Each expected card was read line by line against data/exercises.yaml and the article: the counts, where
each number comes from, the version ladder and the advice. A change to any of them is a change the user sees.
"""

from __future__ import annotations

import dataclasses

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.card import build_card, card_setup_html, card_text
from hipfit_desktop.workout.plan import compile_plan


def card_for(catalog, exercise_id, settings=None, routine="full-hip-session"):
    plan = compile_plan(catalog.routine(routine), catalog, settings or Settings())
    return build_card(next(p for p in plan.exercises if p.exercise.id == exercise_id), catalog)


KNEE_DRIVE_INTERMEDIATE = """\
Banded knee drive (banded-knee-drive)
A fast, powerful knee drive that trains your arms and legs to work together.
Works: glutes, hamstrings, hip flexors
Needs: band
Version: With a band and a pause (intermediate; from the article)
  Changes from With a band: At the top of each drive, balance on the standing foot for two to three seconds \
before you lower. The app times the pause.
Versions: knee-drive-no-band (beginner), knee-drive (intermediate), knee-drive-pause (intermediate)
Steps:
  1. Loop a resistance band around the middle of both feet. Stand tall, feet hip width apart, arms bent like \
a runner.
  2. Drive one knee up against the band and swing the opposite arm up at the same moment.
  3. Stay at the top, balanced on the standing foot, for two to three seconds.
  4. Lower the leg and arm under control, then go again.
Tips:
  - Stand near a wall so you can touch it if the pause tips you over.
  - Keep the band from sliding off the standing foot.
This session: 3 sets x 8 reps each side, hold 3 s (pause 2–3 s)
Where each number comes from:
  3 × 8 reps: the article
  each leg: the app's reading
  pause 2–3 s at the top: the article
  timed as 3 s, the top of the range: app default
  guided tempo: up 1 s, down 2 s: app default
  rest 30 s between sets: app default
  switch sides 8 s: app default
Advice:
  - If you are new to these exercises, leave out bands and weights at first. Add them once the movement feels \
easy and controlled."""


def test_the_knee_drive_card_at_intermediate_level(catalog):
    card = card_for(catalog, "banded-knee-drive", Settings(level="intermediate"))
    assert card_text(card) == KNEE_DRIVE_INTERMEDIATE


def test_counts_the_user_set_are_marked_as_theirs(catalog):
    """Squats changed to 12 reps, guided tempo and 40 s rests: those lines say 'your setting'."""
    settings = Settings().with_exercise("squat", reps=12, rest_seconds=40, pace="guided")
    lines = card_text(card_for(catalog, "squat", settings)).split("Where each number comes from:\n")[1]
    assert lines.splitlines()[:4] == [
        "  3 sets: the article",
        "  12 reps: your setting",
        "  guided tempo: up 1 s, down 2 s: your setting",
        "  rest 40 s between sets: your setting",
    ]
    assert card_text(card_for(catalog, "squat", settings)).endswith(
        'Changed from the article: Two cues are put more plainly than in the article. Depth: go down until your '
        'thighs are parallel to the floor. Knees: the article says they should stay "behind the toes"; here they '
        'track over your toes and do not shoot far past them.')


def test_the_couch_stretch_says_up_to_and_who_chose_the_length(catalog):
    default = card_text(card_for(catalog, "couch-stretch"))
    assert "This session: 1 set x 3:00 each side\n" in default
    assert ("  1 set: app default\n  hold up to 3 min: the article\n"
            "  the app times the full 3 min: shorten it in Settings if that is too long: app default\n"
            "  each leg: the article\n  switch sides 15 s: app default\n") in default
    mine = card_text(card_for(catalog, "couch-stretch", Settings().with_exercise("couch-stretch", seconds=90, sets=2)))
    assert "This session: 2 sets x 1:30 each side\n" in mine
    assert "  2 × hold up to 1 min 30 s: your setting\n" in mine and "  rest 30 s between sets: app default\n" in mine
    assert mine.endswith("(the app's advice, not the article's)")


def test_the_first_version_says_it_is_the_starting_form_and_a_naming_correction_is_about_the_name(catalog):
    text = card_text(card_for(catalog, "hip-abduction-step"))
    assert "Version: Hands on hips or free (beginner; from the article)\n  The starting form." in text
    assert "About the name: The article titles this \"Hip Adduction\"" in text


def test_the_apps_own_version_says_so(catalog):
    text = card_text(card_for(catalog, "banded-side-step"))
    assert "(beginner; the app's step, not the article's)" in text and "Needs: no equipment" in text


def test_the_setup_on_the_session_page(catalog):
    assert card_setup_html(card_for(catalog, "glute-bridge")) == (
        "<p><b>Bridge</b> &middot; needs no equipment</p><p>1. Lie on your back on a flat surface.<br>"
        "2. Bend your knees and set your feet flat, about 25 cm (10 in) from your bottom.<br>"
        "3. Rest your arms on the floor, hands a little out to the sides.<br>"
        "4. Push through both feet and lift your hips until your body and thighs form a straight line. At the top, "
        "just your feet and shoulder blades touch the floor.<br>"
        "5. Hold for two seconds, then bring your hips back down.</p>")
    couch = card_setup_html(card_for(catalog, "couch-stretch"))
    assert couch.startswith("<p><b>Position 1, hands down</b> &middot; needs wall</p>")
    assert couch.endswith("<p>&#9888; Kneeling presses on the kneecap: put a folded towel or a cushion under any "
                          "knee that rests on the floor.</p>")  # the app's safety note, not the article's


def test_text_from_a_file_cannot_inject_markup(catalog):
    card = dataclasses.replace(card_for(catalog, "glute-bridge"), name="<b>Bridge</b>", version_name="<i>x</i>",
                               steps=("Lie <down> & breathe",))
    html = card_setup_html(card)
    assert "<b>Bridge</b>" not in html and "<i>x</i>" not in html
    assert "Lie &lt;down&gt; &amp; breathe" in html


def volume(card):
    return [str(line) for line in card.volume]


def test_an_own_pace_exercise_says_how_a_rep_is_counted(catalog):
    card = card_for(catalog, "banded-side-step")
    assert card.counts == "3 sets x 15 reps each side, at your own pace"
    assert volume(card) == [
        "3 × 15 reps: the article", "each direction: the app's reading",
        "at your own pace: one press when the whole set is done: app default",
        "rest 30 s between sets: app default", "switch sides 8 s: app default"]
    counted = card_for(catalog, "banded-side-step", Settings(count_each_rep=True))
    assert "at your own pace: a press after each rep: app default" in volume(counted)


def test_a_hold_the_user_changed_names_the_articles_own(catalog):
    """The user's 5 s hold and own pace are theirs; the card still says what the article gives."""
    card = card_for(catalog, "glute-bridge", Settings().with_exercise("glute-bridge", pace="own", hold_seconds=5))
    assert card.counts == "3 sets x 15 reps, hold 5 s, at your own pace"
    assert volume(card) == [
        "3 × 15 reps: the article", "hold 5 s at the top (the article: hold 2 s): your setting",
        "at your own pace: one press when the whole set is done: your setting",
        "rest 30 s between sets: app default"]
    counted = card_for(catalog, "glute-bridge", Settings(count_each_rep=True).with_exercise(
        "glute-bridge", pace="own", hold_seconds=5))
    assert "at your own pace: a press at the top of each rep, then hold: your setting" in volume(counted)
    clamshell = card_for(catalog, "clamshell", Settings().with_exercise("clamshell", hold_seconds=4))
    assert "hold 4 s at the top (the article: pause 1–2 s): your setting" in volume(clamshell)
    assert clamshell.counts == "3 sets x 10 reps each side, hold 4 s"  # outside the article's range: no range


def test_a_timed_movement_is_seconds_of_movement_not_a_hold(catalog):
    card = card_for(catalog, "hip-hinge-rotation")
    assert card.counts == "3 sets x 0:30 each side"
    assert volume(card) == ["3 × 30 s of movement: the article", "each side: the article",
                            "rest 30 s between sets: app default", "switch sides 8 s: app default"]


@pytest.mark.parametrize(("seconds", "words"), [(45, "45 s"), (60, "1 min"), (90, "1 min 30 s"), (120, "2 min")])
def test_durations_in_words(seconds, words):
    from hipfit_desktop.workout.card import duration_words

    assert duration_words(seconds) == words
