"""The routine preview and the short phrases for lengths and counts, as the user reads them."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.describe import (
    clock_text,
    counts_text,
    duration_text,
    exercise_html,
    preview_html,
    routine_summary,
)
from hipfit_desktop.workout.plan import compile_plan

PHYSIO = "ask a physical therapist whether they are safe for you before you start."
NO_RESISTANCE = "leave out bands and weights at first."
WARM_UP = "Save the couch stretch for after a hip or glute workout, when your muscles are already warm."


def plan_for(catalog, routine: str, level: str = "beginner", **exercises):
    """The routine compiled at `level`, with per-exercise changes (glute_bridge= for "glute-bridge")."""
    settings = Settings(level=level)
    for exercise_id, changes in exercises.items():
        settings = settings.with_exercise(exercise_id.replace("_", "-"), **changes)
    return compile_plan(catalog.routine(routine), catalog, settings)


def planned(plan, exercise_id: str):
    return next(p for p in plan.exercises if p.exercise.id == exercise_id)


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0 s"), (45, "45 s"), (59.4, "59 s"), (59.6, "1 min"), (60, "1 min"), (89, "1 min"), (91, "2 min"),
    (600, "10 min"), (3599, "1 h 0 min"), (3600, "1 h 0 min"), (4320, "1 h 12 min"), (7260, "2 h 1 min"),
])
def test_lengths_read_in_seconds_minutes_or_hours(seconds, text):
    """Under a minute in seconds, then whole minutes, then hours and minutes."""
    assert duration_text(seconds) == text


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0:00"), (5, "0:05"), (59.4, "0:59"), (59.6, "1:00"), (75, "1:15"), (600, "10:00"), (3599, "59:59"),
    (3600, "1:00:00"), (3725, "1:02:05"), (36610, "10:10:10"),
])
def test_a_clock_reads_minutes_and_seconds_then_hours(seconds, text):
    """m:ss with the seconds always two digits; h:mm:ss from an hour on."""
    assert clock_text(seconds) == text


@pytest.mark.parametrize(("routine", "level", "changes", "exercise", "text"), [
    ("band-day", "beginner", {}, "banded-side-step", "3 sets x 15 reps each side, at your own pace"),
    ("band-day", "beginner", {}, "clamshell", "3 sets x 10 reps each side, hold 2 s"),
    ("band-day", "beginner", {}, "glute-bridge", "3 sets x 15 reps, hold 2 s"),
    ("band-day", "advanced", {}, "glute-bridge", "3 sets x 15 reps each side, hold 2 s"),  # single-leg bridge
    ("quick-no-equipment", "beginner", {}, "squat", "2 sets x 15 reps, at your own pace"),
    ("quick-no-equipment", "beginner", {}, "donkey-kick", "2 sets x 15 reps each side"),
    ("quick-no-equipment", "beginner", {"squat": {"pace": "guided", "sets": 1, "reps": 12}}, "squat",
     "1 set x 12 reps"),
    ("quick-no-equipment", "beginner", {"glute_bridge": {"hold_seconds": 0}}, "glute-bridge", "2 sets x 15 reps"),
    ("quick-no-equipment", "beginner", {"glute_bridge": {"hold_seconds": 5}}, "glute-bridge",
     "2 sets x 15 reps, hold 5 s"),
    ("couch-stretch-mobility", "beginner", {}, "couch-stretch", "1 set x 3:00 each side"),
    ("couch-stretch-mobility", "beginner", {}, "hip-hinge-rotation", "1 set x 0:30 each side"),
    ("couch-stretch-mobility", "beginner", {"couch_stretch": {"seconds": 90, "sets": 2}}, "couch-stretch",
     "2 sets x 1:30 each side"),
])
def test_counts_say_how_this_session_will_run_each_exercise(catalog, routine, level, changes, exercise, text):
    """Sets, reps or time, each side, hold and pace, after the user's own changes."""
    assert counts_text(planned(plan_for(catalog, routine, level, **changes), exercise)) == text


def test_routine_line_gives_length_count_and_equipment(catalog):
    """'about 6 min · 3 exercises · wall' for a 353-second cut of couch-stretch mobility."""
    plan = plan_for(catalog, "couch-stretch-mobility", glute_bridge={"sets": 2, "reps": 2},
                    couch_stretch={"seconds": 60})
    assert routine_summary(plan) == "about 6 min · 3 exercises · wall"


def test_routine_line_counts_self_paced_reps_at_their_estimate_and_says_no_equipment(catalog):
    """Quick, no equipment, one rep a set: 245 s timed + one squat at 3 s = about 4 min."""
    one = {"sets": 1, "reps": 1}
    plan = plan_for(catalog, "quick-no-equipment", glute_bridge=one, side_leg_lift=one, clamshell=one,
                    donkey_kick=one, squat=one)
    # 10 get ready, bridge 5, rest 45, side leg lift 5 + 8 + 5, rest 45, clamshell 5 + 8 + 5, rest 45,
    # donkey kick 3 + 8 + 3, rest 45, squat at your own pace (counted as 3 s)
    assert routine_summary(plan) == "about 4 min · 5 exercises · no equipment"


def test_routine_line_names_every_piece_of_equipment(catalog):
    """The full session at the advanced level needs a band, a box, a wall and ankle weights."""
    line = routine_summary(plan_for(catalog, "full-hip-session", "advanced"))
    assert line.startswith("about 1 h ")
    assert line.endswith(" min · 12 exercises · band, box, wall, ankle-weights")


def test_preview_opens_with_name_description_summary_and_level(catalog):
    """The routine's name, its description, the one-line summary and the level, in that order."""
    plan = plan_for(catalog, "band-day", "intermediate")
    html = preview_html(plan, catalog, "The four exercises built around a resistance band.")
    assert html.startswith("<h2>Band day</h2>\n<p>The four exercises built around a resistance band.</p>\n")
    assert "<p><b>about " in html and " · 4 exercises · band</b> at the intermediate level</p>" in html


def test_preview_without_a_description_has_no_empty_paragraph(catalog):
    """No description: the summary follows the name directly."""
    html = preview_html(plan_for(catalog, "band-day"), catalog, "")
    assert re.match(r"<h2>Band day</h2>\s*<p><b>about ", html)


def test_preview_escapes_what_it_shows(catalog):
    """Names and descriptions with & and < are shown as written, not read as markup."""
    plan = replace(plan_for(catalog, "band-day"), routine_name="Hips & <glutes>")
    html = preview_html(plan, catalog, "Bands <b>only</b> & nothing else")
    assert "<h2>Hips &amp; &lt;glutes&gt;</h2>" in html
    assert "<p>Bands &lt;b&gt;only&lt;/b&gt; &amp; nothing else</p>" in html


@pytest.mark.parametrize(("routine", "advice"), [
    ("band-day", [PHYSIO, NO_RESISTANCE]),
    ("quick-no-equipment", [PHYSIO, NO_RESISTANCE]),
    ("couch-stretch-mobility", [PHYSIO, NO_RESISTANCE, WARM_UP]),
    ("full-hip-session", [PHYSIO, NO_RESISTANCE, WARM_UP]),
])
def test_safety_advice_comes_first_and_the_warm_up_only_with_the_couch_stretch(catalog, routine, advice):
    """'Before you start' lists the physio advice first, then no resistance; the warm-up only with a couch stretch."""
    html = preview_html(plan_for(catalog, routine), catalog, "")
    before = html.index("<h3>Before you start</h3><ul>")
    first_exercise = html.index("<h3>1. ")
    positions = [html.find(text) for text in advice]
    assert all(before < p < first_exercise for p in positions)
    assert positions == sorted(positions)
    assert (WARM_UP in html) == (WARM_UP in advice)
    assert html.count("<li>", before, first_exercise) == len(advice)
    assert "</p>\n<h3>Before you start</h3><ul>\n<li>" in html
    assert "</li>\n</ul>\n<h3>1. " in html
    assert "Aim for three or four workouts" not in html  # general advice is not safety advice


def test_advice_missing_from_the_catalogue_is_left_out(catalog):
    """A catalogue without the physio advice still previews, with the rest of the advice."""
    advice = {k: v for k, v in catalog.advice.items() if k != "injury-ask-physio"}
    html = preview_html(plan_for(catalog, "couch-stretch-mobility"), replace(catalog, advice=advice), "")
    assert PHYSIO not in html
    assert NO_RESISTANCE in html and WARM_UP in html


def test_preview_lists_every_exercise_in_order_with_its_counts(catalog):
    """Numbered headings in the routine's order, each with 'This session:' and its counts."""
    html = preview_html(plan_for(catalog, "band-day"), catalog, "")
    headings = ["<h3>1. Banded side step</h3>", "<h3>2. Banded knee drive</h3>", "<h3>3. Clamshell</h3>",
                "<h3>4. Glute bridge</h3>"]
    positions = [html.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "<b>This session:</b> 3 sets x 10 reps each side, hold 2 s. <b>Version:</b> No band: " in html
    assert "<i>Works: gluteal muscles, hip stabilisers.</i>" in html  # the banded side step works two


def test_an_exercise_shows_summary_muscles_version_steps_and_tips(catalog):
    """The clamshell at the beginner level: what it does, what it works, the version, six steps, two tips."""
    item = planned(plan_for(catalog, "band-day"), "clamshell")
    html = exercise_html(3, item)
    assert html.split("\n") == [
        "<h3>3. Clamshell</h3>",
        "<p>Targets the gluteus medius to add strength and balance to your hips. <i>Works: gluteus medius.</i></p>",
        "<p><b>This session:</b> 3 sets x 10 reps each side, hold 2 s. "
        "<b>Version:</b> No band: The starting form, with no band.</p>",
        "<ol><li>Lie on your side. Stack your hips, knees and ankles.</li>"
        "<li>Bend your knees to about 45°, with your feet behind you.</li>"
        "<li>Rest your head on your bottom arm. Put your top hand on your hip or by your side.</li>"
        "<li>Keep your feet together and open your top knee.</li>"
        "<li>Pause for a second or two at the top.</li>"
        "<li>Close the knee, stopping just before it touches the other one.</li></ol>",
        "<ul><li>Move only the leg. Keep your back out of it.</li>"
        "<li>Keep your feet touching as the knee opens.</li></ul>",
    ]


def test_the_version_for_the_level_brings_its_own_steps_and_equipment(catalog):
    """Advanced: the single-leg bridge's own steps replace the bridge's; the banded clamshell needs a band."""
    bridge = exercise_html(4, planned(plan_for(catalog, "band-day", "advanced"), "glute-bridge"))
    assert "<b>Version:</b> Single-leg bridge: No band. Lift one leg" in bridge
    assert "<ol><li>Lie on your back with your knees bent and feet flat" in bridge
    assert "Lie on your back on a flat surface." not in bridge
    assert "<b>Needs:</b>" not in bridge
    clamshell = exercise_html(3, planned(plan_for(catalog, "band-day", "intermediate"), "clamshell"))
    assert "<b>Version:</b> With a light band: Loop a light resistance band just above your knees. " \
           "<b>Needs:</b> band.</p>" in clamshell


def test_equipment_of_the_exercise_and_of_its_version_are_both_named(catalog):
    """Side leg lift with ankle weights needs ankle weights; the couch stretch needs a wall; both listed."""
    lift = exercise_html(1, planned(plan_for(catalog, "full-hip-session", "advanced"), "side-leg-lift"))
    assert "<b>Needs:</b> ankle-weights.</p>" in lift
    couch = exercise_html(12, planned(plan_for(catalog, "full-hip-session"), "couch-stretch"))
    assert "<b>Needs:</b> wall.</p>" in couch
    item = planned(plan_for(catalog, "full-hip-session", "advanced"), "side-leg-lift")
    boxed = replace(item, exercise=replace(item.exercise, equipment=("box",)))
    assert "<b>Needs:</b> box, ankle-weights.</p>" in exercise_html(1, boxed)


def test_a_corrected_name_is_explained_and_escaped(catalog):
    """The squat's note on the article's wording is shown, its quotation marks escaped."""
    squat = exercise_html(5, planned(plan_for(catalog, "quick-no-equipment"), "squat"))
    assert squat.endswith("</ul>\n<p><i>About the name: The article says the knees should stay &quot;behind the "
                          "toes&quot;. Put plainly, your knees track over your toes and do not shoot far past "
                          "them.</i></p>")
    bridge = exercise_html(1, planned(plan_for(catalog, "quick-no-equipment"), "glute-bridge"))
    assert "About the name" not in bridge


def test_an_exercise_without_tips_has_no_empty_list(catalog):
    """No tips: the steps end the exercise."""
    item = planned(plan_for(catalog, "band-day"), "clamshell")
    html = exercise_html(1, replace(item, exercise=replace(item.exercise, tips=())))
    assert html.endswith("</li></ol>")
    assert "<ul>" not in html


def test_steps_tips_and_version_text_are_escaped(catalog):
    """Catalogue text with < and & is shown as written."""
    item = planned(plan_for(catalog, "band-day"), "clamshell")
    exercise = replace(item.exercise, name="Clam & shell", summary="A < B", works=("glutes & core",),
                       steps=("Knees < 45°",), tips=("Slow & steady",), equipment=("band & strap",))
    step = replace(item.progression, name="No <band>", changes="As is & simple")
    html = exercise_html(2, replace(item, exercise=exercise, progression=step))
    for shown in ("<h3>2. Clam &amp; shell</h3>", "<p>A &lt; B <i>Works: glutes &amp; core.</i></p>",
                  "<b>Version:</b> No &lt;band&gt;: As is &amp; simple <b>Needs:</b> band &amp; strap.</p>",
                  "<li>Knees &lt; 45°</li>", "<li>Slow &amp; steady</li>"):
        assert shown in html
