"""The coach's rules on synthetic histories: step up, stay, step back, volume first, side lag, next level,
no data yet, Not yet, and Accept's effect on the settings. Each boundary is checked on both sides."""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.strictyaml import DataError
from hipfit_desktop.records.coach import Outcome, Suggestion, accept, next_level, suggest_for, suggestions, waiting
from hipfit_desktop.records.coach_rules import CoachRules, load_rules, parse_rules
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.plan import plan_exercise

RULES = CoachRules()
FINE = Outcome("no-band", True, "about right", "none")


def item(catalog, exercise_id="clamshell", **changes):
    settings = Settings().with_exercise(exercise_id, **changes) if changes else Settings()
    return plan_exercise(catalog.exercises[exercise_id], catalog, settings)


@pytest.mark.parametrize(("history", "kind", "value"), [
    ([], None, None),                                                          # no data yet
    ([FINE], None, None),                                                      # one good session is not two
    ([FINE, FINE], "version", "banded"),                                       # 2-for-2 at 3 × 10: next version
    ([FINE, Outcome("no-band", False, "easy", "none")], None, None),           # a set short
    ([FINE, Outcome("no-band", True, "hard", "none")], "stay", None),          # hard: stay
    ([FINE, Outcome("no-band", True, "easy", "a little")], "stay", None),      # pain rising: stay
    ([Outcome("no-band", True, "easy", "a little")] * 2, "version", "banded"),  # a little, steady: still up
    ([FINE, Outcome("no-band", True, "easy", "too much")], "reps", 8),         # too much, bottom rung: fewer reps
    ([FINE, Outcome("no-band", True, None, None, morning_after="painful")], "reps", 8),
    ([FINE, Outcome("no-band", True, None, None, morning_after="sore")], "version", "banded"),
    ([Outcome("no-band", True), Outcome("no-band", True)], "version", "banded"),  # unrated counts as fine
])
def test_the_rules_on_the_bottom_rung_at_the_articles_volume(catalog, history, kind, value):
    found = suggest_for(item(catalog), history, RULES)
    assert (found.kind if found else None, found.value if found else None) == (kind, value)


def test_too_much_pain_steps_back_one_version_when_there_is_one(catalog):
    banded = item(catalog, progression="banded")
    found = suggest_for(banded, [Outcome("banded", True, "easy", "too much")], RULES)
    assert (found.kind, found.value) == ("version", "no-band")
    below = catalog.exercises["clamshell"].progression("no-band").name
    assert "hurt too much" in found.reason and found.change == f"go back to {below}"


def test_below_the_articles_volume_reps_come_before_the_version(catalog):
    """At 3 × 6 (the article says 10) two good sessions add reps, capped at the article's count."""
    found = suggest_for(item(catalog, reps=6), [FINE, FINE], RULES)
    assert (found.kind, found.value) == ("reps", 8)
    assert "3 × 6" in found.reason and "app's choice" in found.change
    assert suggest_for(item(catalog, reps=9), [FINE, FINE], RULES).value == 10
    assert suggest_for(item(catalog, sets=2), [FINE, FINE], RULES).kind == "sets"


def test_a_timed_hold_grows_in_seconds_first(catalog):
    history = [Outcome("position-1", True)] * 2
    found = suggest_for(item(catalog, "couch-stretch", seconds=60), history, RULES)
    assert (found.kind, found.value) == ("seconds", 70)


def test_sessions_at_an_older_version_do_not_count(catalog):
    history = [Outcome("no-band", True), Outcome("banded", True)]
    assert suggest_for(item(catalog, progression="banded"), history, RULES) is None


def test_the_top_rung_at_full_volume_has_nothing_to_suggest(catalog):
    assert suggest_for(item(catalog, progression="banded"), [Outcome("banded", True)] * 2, RULES) is None


def test_a_side_behind_two_sessions_running_offers_to_start_there(catalog):
    behind = Outcome("no-band", False, reps_left=30, reps_right=26)
    harder = Outcome("no-band", True, harder_side="right", reps_left=30, reps_right=30)
    found = suggestions([item(catalog)], {"clamshell": [behind, harder]}, Settings(), RULES)
    assert [(s.kind, s.value) for s in found] == [("first_side", "right")]
    once = suggestions([item(catalog)], {"clamshell": [FINE, harder]}, Settings(), RULES)
    assert all(s.kind != "first_side" for s in once)
    mixed = Outcome("no-band", True, harder_side="left")
    assert all(s.kind != "first_side" for s in suggestions([item(catalog)], {"clamshell": [mixed, harder]},
                                                           Settings(), RULES))


def test_the_next_level_when_most_exercises_moved_up(catalog):
    ids = ["clamshell", "glute-bridge", "squat", "side-leg-lift", "heel-drop"]
    up = {"clamshell": "banded", "glute-bridge": "banded-bridge", "side-leg-lift": "lying"}
    items = [item(catalog, i, progression=up[i]) if i in up else item(catalog, i) for i in ids]
    found = next_level(items, Settings(), RULES)  # 3 of 5 = 60 %
    assert (found.kind, found.value) == ("level", "intermediate") and "app's choice" in found.reason
    two = [item(catalog, i, progression=up[i]) if i in ("clamshell", "glute-bridge") else item(catalog, i)
           for i in ids]
    assert next_level(two, Settings(), RULES) is None  # 2 of 5 = 40 %
    assert next_level(items, Settings(level="advanced"), RULES) is None


def test_not_yet_waits_two_more_sessions():
    offer = Suggestion("clamshell", "Clamshell", "version", "banded", "try Banded", "fine twice")
    assert waiting([offer], {offer.key: 10}, 11, RULES) == []
    assert waiting([offer], {offer.key: 10}, 12, RULES) == [offer]
    other = Suggestion("clamshell", "Clamshell", "reps", 12, "try 12", "fine")
    assert waiting([other], {offer.key: 10}, 10, RULES) == [other]


def test_accept_changes_the_settings_the_dialog_changes():
    settings = Settings()
    version = Suggestion("clamshell", "Clamshell", "version", "banded", "", "")
    assert accept(settings, version).for_exercise("clamshell").progression == "banded"
    assert accept(settings, Suggestion("clamshell", "Clamshell", "reps", 12, "", "")).for_exercise(
        "clamshell").reps == 12
    assert accept(settings, Suggestion(None, "Your level", "level", "intermediate", "", "")).level == "intermediate"
    assert accept(settings, Suggestion(None, "Clamshell", "first_side", "right", "", "")).first_side == "right"
    with pytest.raises(ValueError):
        accept(settings, Suggestion("clamshell", "Clamshell", "stay", None, "", ""))


def test_the_shipped_rules_load_and_mark_the_apps_numbers():
    rules = load_rules()
    assert rules.sessions_to_step_up == 2 and rules.not_yet_sessions == 2
    assert rules.is_app_choice("reps_first", "reps_step") and not rules.is_app_choice("step_up", "sessions_in_a_row")


@pytest.mark.parametrize(("change", "message"), [
    (("sessions_in_a_row: 2", "sessions_in_a_row: 0"), ":8: step_up.sessions_in_a_row: 0 is out of range"),
    (("source: two-for-two", "source: a-blog"), ":7: step_up.source: expected one of"),
    (("app_chose: [reps_step, seconds_step]", "app_chose: [reps]"), ":17: reps_first.app_chose[0]: 'reps'"),
    (("  wait_sessions: 2", "  wait_sessions: 2\n  colour: red"), ":38: not_yet.colour: unknown key"),
])
def test_a_bad_rules_file_names_file_line_and_field(change, message):
    from importlib import resources

    text = resources.files("hipfit_desktop.data").joinpath("coaching.yaml").read_text(encoding="utf-8")
    assert change[0] in text
    with pytest.raises(DataError) as caught:
        parse_rules(text.replace(change[0], change[1], 1))
    assert f"data/coaching.yaml{message}" in str(caught.value)


@pytest.mark.parametrize(("section", "key", "attribute", "low", "high"), [
    ("step_up", "sessions_in_a_row", "sessions_to_step_up", 1, 10),
    ("reps_first", "reps_step", "reps_step", 1, 20),
    ("reps_first", "seconds_step", "seconds_step", 1, 120),
    ("side_lag", "sessions_in_a_row", "side_lag_sessions", 1, 10),
    ("next_level", "percent_moved_up", "percent_moved_up", 1, 100),
    ("not_yet", "wait_sessions", "not_yet_sessions", 1, 20),
])
def test_each_number_is_read_into_its_rule_within_its_bounds(section, key, attribute, low, high):
    """The file's number reaches the rule; one past either end is refused, naming the field."""
    from importlib import resources

    text = resources.files("hipfit_desktop.data").joinpath("coaching.yaml").read_text(encoding="utf-8")
    start = text.index(f"\n{section}:")
    at = text.index(f"  {key}: ", start)
    end = text.index("\n", at)

    def with_value(value):
        return text[:at] + f"  {key}: {value}" + text[end:]
    for value in (low, high):
        assert getattr(parse_rules(with_value(value)), attribute) == value
    for value in (low - 1, high + 1):
        with pytest.raises(DataError, match=rf"{section}\.{key}: {value} is out of range \({low} to {high}\)"):
            parse_rules(with_value(value))


def test_every_section_is_required_and_app_choices_are_named_per_rule():
    from importlib import resources

    text = resources.files("hipfit_desktop.data").joinpath("coaching.yaml").read_text(encoding="utf-8")
    rules = parse_rules(text)
    assert rules.app_chose == {"reps_first.reps_step", "reps_first.seconds_step", "side_lag.sessions_in_a_row",
                               "next_level.percent_moved_up"}
    cut = text[:text.index("\nnot_yet:")]
    with pytest.raises(DataError, match="not_yet: missing"):
        parse_rules(cut)
    with pytest.raises(DataError, match="schema: 2 is out of range"):
        parse_rules(text.replace("schema: 1", "schema: 2"))
    with pytest.raises(DataError, match=r"step_back.app_chose\[0\]: 'x' is not a number of this rule \(known: "
                                        r"none here\)"):
        parse_rules(text.replace("pain-monitoring\n  app_chose: []", "pain-monitoring\n  app_chose: [x]"))
