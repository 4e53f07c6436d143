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
GENERAL_WARM_UP = ("spend a few minutes warming up in general: brisk walking, marching on the spot or easy cycling, "
                   "until you feel a little warm. <i>(the app's advice, not the article's)</i>")
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


def with_version(item, exercise=None, **changes):
    """`item` with its version changed, in the exercise's list of versions too (the card looks for it there)."""
    exercise = exercise or item.exercise
    version = replace(item.progression, **changes)
    versions = tuple(version if v == item.progression else v for v in exercise.progressions)
    return replace(item, exercise=replace(exercise, progressions=versions), progression=version)


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
    ("band-day", "beginner", {}, "clamshell", "3 sets x 10 reps each side, hold 2 s (pause 1–2 s)"),
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
    assert line.endswith(" min · 12 exercises · band, box, wall, ankle weights")


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
    ("band-day", [PHYSIO, GENERAL_WARM_UP, NO_RESISTANCE]),
    ("quick-no-equipment", [PHYSIO, GENERAL_WARM_UP, NO_RESISTANCE]),
    ("couch-stretch-mobility", [PHYSIO, GENERAL_WARM_UP, NO_RESISTANCE, WARM_UP]),
    ("full-hip-session", [PHYSIO, GENERAL_WARM_UP, NO_RESISTANCE, WARM_UP]),
])
def test_safety_advice_comes_first_and_the_warm_up_only_with_the_couch_stretch(catalog, routine, advice):
    """'Before you start' comes before the weekly advice: physio, general warm-up, no resistance, couch note last."""
    html = preview_html(plan_for(catalog, routine), catalog, "")
    before = html.index("<h3>Before you start</h3>\n<ul><li>")
    weeks = html.index("<h3>Over the weeks</h3>\n<ul><li>Aim for three or four workouts each week")
    first_exercise = html.index("<h3>1. ")
    assert before < weeks < first_exercise
    positions = [html.find(text) for text in advice]
    assert all(before < p < weeks for p in positions)
    assert positions == sorted(positions)
    assert html.count("<li>", before, weeks) == len(advice)
    assert (WARM_UP in html) == (WARM_UP in advice)
    assert "</p>\n<h3>Before you start</h3>\n<ul><li>These exercises are meant for healthy athletes." in html
    assert "Aim for three or four workouts" not in html[before:weeks]  # general advice is not safety advice


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
    sections = [html[start:end] for start, end in zip(positions, positions[1:] + [len(html)], strict=True)]
    counts = ["3 sets x 15 reps each side, at your own pace", "3 sets x 8 reps each side, at your own pace",
              "3 sets x 10 reps each side, hold 2 s (pause 1–2 s)", "3 sets x 15 reps, hold 2 s"]
    for section, count in zip(sections, counts, strict=True):
        assert section.count("<b>This session:</b> ") == 1
        assert f"<b>This session:</b> {count}. <b>Where the numbers come from:</b> " in section
    assert "<i>Works: gluteal muscles, hip stabilisers.</i>" in sections[0]  # the banded side step works two


def test_an_exercise_shows_summary_muscles_version_steps_and_tips(catalog):
    """The clamshell at the beginner level: summary, version, six steps, two tips, counts with sources, cue note."""
    item = planned(plan_for(catalog, "band-day"), "clamshell")
    html = exercise_html(3, item, catalog)
    assert html.split("\n") == [
        "<h3>3. Clamshell</h3>",
        "<p>Targets the gluteus medius to add strength and balance to your hips. <i>Works: gluteus medius.</i></p>",
        "<p><b>Version:</b> No band (beginner; from the article). The starting form, with no band. "
        "<b>Needs:</b> no equipment.</p>",
        "<ol><li>Lie on your side. Stack your hips, knees and ankles.</li>"
        "<li>Bend your hips to about 45° and your knees to about 90°, so your feet sit behind you.</li>"
        "<li>Rest your head on your bottom arm. Put your top hand on your hip or by your side.</li>"
        "<li>Keep your feet together and open your top knee.</li>"
        "<li>Pause for a second or two at the top.</li>"
        "<li>Close the knee, stopping just before it touches the other one.</li></ol>",
        "<ul><li>Move only the leg. Keep your back out of it.</li>"
        "<li>Keep your feet touching as the knee opens.</li></ul>",
        "<p><b>This session:</b> 3 sets x 10 reps each side, hold 2 s (pause 1–2 s). "
        "<b>Where the numbers come from:</b> 3 × 10 reps <i>(the article)</i>; each side <i>(the article)</i>; "
        "pause 1–2 s at the top <i>(the article)</i>; timed as 2 s, the top of the range <i>(app default)</i>; "
        "guided tempo: up 1 s, down 2 s <i>(app default)</i>; rest 30 s between sets <i>(app default)</i>; "
        "switch sides 8 s <i>(app default)</i>.</p>",
        "<p><i>Changed from the article: The article says to bend the knees to 45°. The usual set-up, used here, "
        "bends the hips about 45° and the knees about 90°, which is what puts your feet behind you.</i></p>",
    ]


def test_the_version_for_the_level_brings_its_own_steps_and_equipment(catalog):
    """Advanced: the single-leg bridge's own steps replace the bridge's; the banded clamshell needs a band."""
    bridge = exercise_html(4, planned(plan_for(catalog, "band-day", "advanced"), "glute-bridge"), catalog)
    assert "<b>Version:</b> Single-leg bridge (advanced; from the article). Changes from Bridge with a band: " \
           "No band. Lift one foot" in bridge
    assert "<ol><li>Lie on your back with your knees bent and feet flat" in bridge
    assert "Lie on your back on a flat surface." not in bridge
    assert "<b>Needs:</b> no equipment.</p>" in bridge
    clamshell = exercise_html(3, planned(plan_for(catalog, "band-day", "intermediate"), "clamshell"), catalog)
    assert "<b>Version:</b> With a light band (intermediate; from the article). Changes from No band: " \
           "Add a light resistance band, looped just above your knees. <b>Needs:</b> band.</p>" in clamshell
    assert "<ol><li>Loop a light resistance band around both legs just above your knees.</li>" in clamshell
    assert "<li>Use a light band. If your top hip rolls back, the band is too strong.</li>" in clamshell


def test_equipment_of_the_exercise_and_of_its_version_are_both_named(catalog):
    """Side leg lift with ankle weights needs ankle weights; the couch stretch needs a wall; both listed."""
    lift = exercise_html(1, planned(plan_for(catalog, "full-hip-session", "advanced"), "side-leg-lift"), catalog)
    assert "<b>Needs:</b> ankle weights.</p>" in lift
    couch = exercise_html(12, planned(plan_for(catalog, "full-hip-session"), "couch-stretch"), catalog)
    assert "<b>Needs:</b> wall.</p>" in couch
    item = planned(plan_for(catalog, "full-hip-session", "advanced"), "side-leg-lift")
    boxed = replace(item, exercise=replace(item.exercise, equipment=("box",)))
    assert "<b>Needs:</b> box, ankle weights.</p>" in exercise_html(1, boxed, catalog)


def test_a_corrected_name_is_explained_and_escaped(catalog):
    """The side leg lift's note on the article's wrong muscle name is shown last, its quotation marks escaped."""
    lift = exercise_html(2, planned(plan_for(catalog, "quick-no-equipment"), "side-leg-lift"), catalog)
    assert lift.endswith("switch sides 8 s <i>(app default)</i>.</p>\n<p><i>About the name: The article calls "
                         "this movement &quot;adducting&quot; and says it trains the &quot;hip adductors&quot;. "
                         "Moving the leg away from the middle of the body is abduction, so the muscles doing the "
                         "work are the hip abductors (gluteus medius and gluteus minimus).</i></p>")
    squat = exercise_html(5, planned(plan_for(catalog, "quick-no-equipment"), "squat"), catalog)
    assert "About the name" not in squat  # the squat's note is a reworded cue, not a naming correction
    assert squat.endswith("<p><i>Changed from the article: Two cues are put more plainly than in the article. "
                          "Depth: go down until your thighs are parallel to the floor. Knees: the article says "
                          "they should stay &quot;behind the toes&quot;; here they track over your toes and do not "
                          "shoot far past them.</i></p>")
    bridge = exercise_html(1, planned(plan_for(catalog, "quick-no-equipment"), "glute-bridge"), catalog)
    assert "About the name" not in bridge and "Changed from the article" not in bridge


def test_an_exercise_without_tips_has_no_empty_list(catalog):
    """No tips for the version: the steps are followed straight by the counts."""
    item = planned(plan_for(catalog, "band-day"), "clamshell")
    html = exercise_html(1, with_version(item, tips=()), catalog)
    assert "<li>Close the knee, stopping just before it touches the other one.</li></ol>\n" \
           "<p><b>This session:</b> 3 sets x 10 reps each side" in html
    assert "<ul>" not in html


def test_steps_tips_and_version_text_are_escaped(catalog):
    """Catalogue text with < and & is shown as written."""
    item = planned(plan_for(catalog, "band-day"), "clamshell")
    exercise = replace(item.exercise, name="Clam & shell", summary="A < B", works=("glutes & core",))
    html = exercise_html(2, with_version(item, exercise, name="No <band>", changes="As is & simple",
                                         steps=("Knees < 45°",), tips=("Slow & steady",)), catalog)
    for shown in ("<h3>2. Clam &amp; shell</h3>", "<p>A &lt; B <i>Works: glutes &amp; core.</i></p>",
                  "<b>Version:</b> No &lt;band&gt; (beginner; from the article). As is &amp; simple "
                  "<b>Needs:</b> no equipment.</p>",
                  "<ol><li>Knees &lt; 45°</li></ol>", "<ul><li>Slow &amp; steady</li></ul>"):
        assert shown in html
