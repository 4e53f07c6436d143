"""The summary's title says what was done: praise for a whole session only, plain words for the rest."""

from __future__ import annotations

from hipfit_desktop.workout.summary import headline, summarize

from .test_summary import BRIDGE, HINGE, at, go_on, short_session


def test_everything_done_is_praised(catalog, clock):
    assert headline(summarize(go_on(short_session(catalog, clock), clock))) == "Well done: every set done!"


def test_stopped_before_any_set_was_done_says_so_and_does_not_praise(catalog, clock):
    session = go_on(short_session(catalog, clock), clock, until=at("up", BRIDGE, 1, 1))
    clock.advance(0.5)
    session.finish()
    assert headline(summarize(session)) == "Stopped before the first set was done"


def test_stopped_inside_the_first_exercise_counts_sets(catalog, clock):
    session = go_on(short_session(catalog, clock), clock, until=at("up", BRIDGE, 2, 1))
    session.finish()
    assert headline(summarize(session)) == "Stopped after 1 of 6 sets"


def test_stopped_later_counts_whole_exercises(catalog, clock):
    session = go_on(short_session(catalog, clock), clock, until=at("timed", HINGE, 1))
    session.finish()
    assert headline(summarize(session)) == "Stopped after 1 of 3 exercises"


def test_reaching_the_end_with_skipped_sets_is_not_praise_either(catalog, clock):
    session = go_on(short_session(catalog, clock), clock, until=at("up", BRIDGE, 2, 1))
    session.skip()
    summary = summarize(go_on(session, clock))
    assert not summary.finished_early
    assert headline(summary) == "Finished, with 1 of 6 sets skipped"
