"""The routine preview and the short phrases for lengths and counts, as the user reads them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QLabel

from hipfit_desktop.qt.preview_cards import PreviewPane, count_html
from hipfit_desktop.qt.type_scale import scale_for_height
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.describe import clock_text, counts_text, duration_text, routine_summary
from hipfit_desktop.workout.plan import compile_plan
from hipfit_desktop.workout.preview import CountLine, routine_preview

PHYSIO = "ask a physical therapist whether they are safe for you before you start."
GENERAL_WARM_UP = "spend a few minutes warming up in general: brisk walking, marching on the spot or easy cycling"
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


def card_of(catalog, plan, item):
    """The preview card `item` gets when it is the only exercise of `plan`."""
    return routine_preview(replace(plan, exercises=(item,)), catalog, "").cards[0]


def card_for(catalog, routine: str, exercise_id: str, level: str = "beginner"):
    plan = plan_for(catalog, routine, level)
    return card_of(catalog, plan, planned(plan, exercise_id))


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


def test_preview_opens_with_name_description_and_a_summary_with_the_level(catalog):
    """The routine's name, its description as given, and one line: length, count, equipment, level."""
    preview = routine_preview(plan_for(catalog, "band-day", "intermediate"), catalog,
                              "The four exercises built around a resistance band.")
    assert (preview.name, preview.description) == ("Band day", "The four exercises built around a resistance band.")
    assert preview.summary.startswith("about ")
    assert preview.summary.endswith(" · 4 exercises · band · intermediate level")


@pytest.mark.parametrize(("routine", "advice"), [
    ("band-day", [PHYSIO, GENERAL_WARM_UP, NO_RESISTANCE]),
    ("quick-no-equipment", [PHYSIO, GENERAL_WARM_UP, NO_RESISTANCE]),
    ("couch-stretch-mobility", [PHYSIO, GENERAL_WARM_UP, NO_RESISTANCE, WARM_UP]),
    ("full-hip-session", [PHYSIO, GENERAL_WARM_UP, NO_RESISTANCE, WARM_UP]),
])
def test_safety_advice_comes_first_and_the_warm_up_only_with_the_couch_stretch(catalog, routine, advice):
    """'Before you start': physio, general warm-up, no resistance, the couch note last and only with the couch
    stretch; how to fit it into a week is kept apart from the safety advice."""
    preview = routine_preview(plan_for(catalog, routine), catalog, "")
    before = [line.text for line in preview.before]
    assert len(before) == len(advice)
    assert all(words in text for words, text in zip(advice, before, strict=True))
    assert [line.text[:38] for line in preview.weeks] == [
        "Aim for three or four workouts each we", "Give it three to six weeks of steady t",
        "Training just one muscle group gives w", "Change the number of repetitions to ma"]


def test_advice_missing_from_the_catalogue_is_left_out(catalog):
    """A catalogue without the physio advice still previews, with the rest of the advice."""
    advice = {k: v for k, v in catalog.advice.items() if k != "injury-ask-physio"}
    preview = routine_preview(plan_for(catalog, "couch-stretch-mobility"), replace(catalog, advice=advice), "")
    before = " ".join(line.text for line in preview.before)
    assert PHYSIO not in before
    assert NO_RESISTANCE in before and WARM_UP in before


def test_preview_lists_every_exercise_in_order_with_its_counts(catalog):
    """Numbered cards in the routine's order, each with this session's counts."""
    cards = routine_preview(plan_for(catalog, "band-day"), catalog, "").cards
    assert [(c.number, c.name) for c in cards] == [
        (1, "Banded side step"), (2, "Banded knee drive"), (3, "Clamshell"), (4, "Glute bridge")]
    assert [c.counts for c in cards] == [
        "3 sets × 15 reps each side, at your own pace", "3 sets × 8 reps each side, at your own pace",
        "3 sets × 10 reps each side, hold 2 s (pause 1–2 s)", "3 sets × 15 reps, hold 2 s"]
    assert cards[0].works == "Works: gluteal muscles, hip stabilisers."  # the banded side step works two


def test_an_exercise_shows_summary_muscles_version_steps_tips_counts_and_the_cue_note(catalog):
    """The clamshell at the beginner level: summary, version, six steps, two tips, counts with sources, cue note."""
    card = card_for(catalog, "band-day", "clamshell")
    assert card.summary == "Targets the gluteus medius to add strength and balance to your hips."
    assert card.works == "Works: gluteus medius."
    assert (card.version, card.version_note, card.needs) == ("No band", "beginner · from the article",
                                                             "no equipment")
    assert len(card.steps) == 6 and card.steps[-1] == "Close the knee, stopping just before it touches the other one."
    assert card.key_points + card.more_tips == ("Move only the leg. Keep your back out of it.",
                                                "Keep your feet touching as the knee opens.")
    assert [(line.text, line.source) for line in card.count_lines] == [
        ("3 × 10 reps", "the article"), ("each side", "the article"), ("pause 1–2 s at the top", "the article"),
        ("timed as 2 s, the top of the range", "app default"), ("guided tempo: up 1 s, down 2 s", "app default"),
        ("rest 30 s between sets", "app default"), ("switch sides 8 s", "app default")]
    assert card.corrections == (
        "Changed from the article: The article says to bend the knees to 45°. The usual set-up, used here, bends "
        "the hips about 45° and the knees about 90°, which is what puts your feet behind you.",)
    assert card.notes == ("The starting form, with no band.",)


def test_the_version_for_the_level_brings_its_own_steps_and_equipment(catalog):
    """Advanced: the single-leg bridge's own steps replace the bridge's; the banded clamshell needs a band."""
    bridge = card_for(catalog, "band-day", "glute-bridge", "advanced")
    assert (bridge.version, bridge.version_note) == ("Single-leg bridge", "advanced · from the article")
    assert bridge.notes[-1].startswith("Changes from Bridge with a band: No band. Lift one foot")
    assert bridge.steps[0].startswith("Lie on your back with your knees bent and feet flat")
    assert "Lie on your back on a flat surface." not in bridge.steps
    assert bridge.needs == "no equipment"
    clamshell = card_for(catalog, "band-day", "clamshell", "intermediate")
    assert (clamshell.version, clamshell.needs) == ("With a light band", "band")
    assert clamshell.notes[-1] == "Changes from No band: Add a light resistance band, looped just above your knees."
    assert clamshell.steps[0] == "Loop a light resistance band around both legs just above your knees."
    assert "Use a light band. If your top hip rolls back, the band is too strong." in clamshell.key_points


def test_equipment_of_the_exercise_and_of_its_version_are_both_named(catalog):
    """Side leg lift with ankle weights needs ankle weights; the couch stretch needs a wall; both listed."""
    assert card_for(catalog, "full-hip-session", "side-leg-lift", "advanced").needs == "ankle weights"
    assert card_for(catalog, "full-hip-session", "couch-stretch").needs == "wall"
    plan = plan_for(catalog, "full-hip-session", "advanced")
    item = planned(plan, "side-leg-lift")
    boxed = replace(item, exercise=replace(item.exercise, equipment=("box",)))
    assert card_of(catalog, plan, boxed).needs == "box, ankle weights"


def test_a_corrected_name_is_explained_and_a_reworded_cue_is_not_called_a_correction(catalog):
    """The side leg lift explains the article's wrong muscle name; the squat's reworded cue says it changed."""
    lift = card_for(catalog, "quick-no-equipment", "side-leg-lift")
    assert lift.corrections[0] == (
        'About the name: The article calls this movement "adducting" and says it trains the "hip adductors". '
        "Moving the leg away from the middle of the body is abduction, so the muscles doing the work are the hip "
        "abductors (gluteus medius and gluteus minimus).")
    squat = card_for(catalog, "quick-no-equipment", "squat")
    assert not any(note.startswith("About the name") for note in squat.corrections)
    assert squat.corrections[0].startswith(
        "Changed from the article: Two cues are put more plainly than in the article.")
    bridge = card_for(catalog, "quick-no-equipment", "glute-bridge")
    assert not bridge.corrections


def test_an_exercise_without_tips_shows_its_first_steps_as_key_points(catalog):
    """No tips for the version: the folded card still has something to watch, and no empty tip list."""
    plan = plan_for(catalog, "band-day")
    card = card_of(catalog, plan, with_version(planned(plan, "clamshell"), tips=()))
    assert card.key_points == card.steps[:2] == ("Lie on your side. Stack your hips, knees and ankles.",
                                                 "Bend your hips to about 45° and your knees to about 90°, so your "
                                                 "feet sit behind you.")
    assert card.more_tips == ()


# --- as the window shows them -----------------------------------------------------------------------------


def shown(label: QLabel) -> str:
    """What the user reads on `label`: rich text rendered, plain text as written."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText().replace("\xa0", " ")


def pane_showing(qtbot, preview) -> PreviewPane:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show_preview(preview, scale_for_height(768))
    return pane


def test_names_descriptions_and_catalogue_text_are_shown_as_written(qtbot, catalog):
    """Text from a file with < and & is shown as written, never read as markup."""
    plan = replace(plan_for(catalog, "band-day"), routine_name="Hips & <glutes>")
    item = planned(plan, "clamshell")
    exercise = replace(item.exercise, name="Clam & <shell>", summary="A < B", works=("glutes & core",))
    odd = with_version(item, exercise, name="No <band>", changes="As is & simple", steps=("Knees < 45°",),
                       tips=("Slow & steady",))
    preview = routine_preview(replace(plan, exercises=(odd,)), catalog, "Bands <b>only</b> & nothing else")
    pane = pane_showing(qtbot, preview)
    texts = "\n".join(shown(label) for label in pane.widget().findChildren(QLabel))
    for written in ("Hips & <glutes>", "Bands <b>only</b> & nothing else", "Clam & <shell>",
                    "A < B Works: glutes & core.", "No <band> · beginner", "As is & simple", "1. Knees < 45°",
                    "• Slow & steady"):
        assert written in texts


def test_a_source_with_markup_in_it_is_escaped_on_the_card():
    """The only rich text on a card, the numbers' sources, escapes what it shows."""
    assert QTextDocumentFragment.fromHtml(count_html(CountLine("3 < 4 reps", "the <b>app</b>"))).toPlainText() == \
        "3 < 4 reps (the <b>app</b>)"


def test_no_empty_line_without_a_description_tips_or_notes(qtbot, catalog):
    """No description, no tips, nothing to note: the pane and the card have no blank label standing in for them."""
    plan = plan_for(catalog, "band-day")
    bare = with_version(planned(plan, "clamshell"), tips=(), changes="")
    bare = replace(bare, exercise=replace(bare.exercise, cue_change=None))
    pane = pane_showing(qtbot, routine_preview(replace(plan, exercises=(bare,)), catalog, ""))
    assert all(label.text().strip() for label in pane.widget().findChildren(QLabel))
