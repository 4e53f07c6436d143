"""Routines that fit the article's advice: two alternating days that together cover the whole menu."""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.plan import compile_plan


@pytest.fixture(scope="module")
def shipped():
    return load_catalog()


def ids(routine):
    return [item.exercise for item in routine.items]


def test_day_a_and_day_b_together_cover_all_twelve_once(shipped):
    day_a, day_b = ids(shipped.routine("day-a")), ids(shipped.routine("day-b"))
    assert sorted(day_a + day_b) == sorted(shipped.exercises)
    assert not set(day_a) & set(day_b)


@pytest.mark.parametrize("routine_id", ["day-a", "day-b"])
def test_each_day_takes_about_half_an_hour_at_beginner_level(shipped, routine_id):
    plan = compile_plan(shipped.routine(routine_id), shipped, Settings(level="beginner"))
    assert 30 * 60 <= plan.estimated_seconds <= 36 * 60


def test_the_couch_stretch_ends_its_day_after_the_strength_work(shipped):
    for routine_id in ("day-a", "day-b"):
        order = ids(shipped.routine(routine_id))
        if "couch-stretch" in order:
            assert order[-1] == "couch-stretch"


def test_the_full_session_says_it_is_the_whole_menu_in_one_go(shipped):
    description = shipped.routine("full-hip-session").description
    assert "whole menu in one go" in description and "Day A" in description


def test_band_day_does_not_promise_beginners_a_band(shipped):
    description = shipped.routine("band-day").description.lower()
    assert "beginners do all four without a band" in description
