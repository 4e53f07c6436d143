"""Shared fixtures: offscreen Qt, user folders in tmp_path, a clock the test moves by hand."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI (CI=true, as .ci/run is started) draws the same examples every run, so a red build is reproducible and
# never depends on luck; at a desk each run explores new ones. A bug found either way becomes an @example.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))


@pytest.fixture(autouse=True)
def hipfit_home(tmp_path, monkeypatch):
    """Every test gets its own user folders: none ever touches the real home folder."""
    home = tmp_path / "hipfit-home"
    monkeypatch.setenv("HIPFIT_HOME", str(home))
    return home


class FakeClock:
    """A monotonic clock that only moves when the test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def catalog():
    from hipfit_desktop.exercises.catalog import load_catalog

    return load_catalog()


def pytest_collection_modifyitems(items):
    """A test that needs a QApplication is a `gui` test, marked or not: `-m "not gui"` is the fast core suite
    (what `make mutate` runs)."""
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def small_plan(catalog):
    """Band day cut down: 2 sets x 3 reps, so whole runs stay short. Own-pace reps are counted one press each
    (`count_each_rep`), so the side step's reps are segments of their own; `one_press_plan` is the default."""
    from hipfit_desktop.settings.model import Settings
    from hipfit_desktop.workout.plan import compile_plan

    settings = Settings(count_each_rep=True)
    for exercise in ("banded-side-step", "banded-knee-drive", "clamshell", "glute-bridge"):
        settings = settings.with_exercise(exercise, sets=2, reps=3)
    return compile_plan(catalog.routine("band-day"), catalog, settings)


@pytest.fixture
def one_press_plan(catalog):
    """`small_plan` as the app plans it by default: each own-pace set (the side step) is one step, one press."""
    from hipfit_desktop.settings.model import Settings
    from hipfit_desktop.workout.plan import compile_plan

    settings = Settings()
    for exercise in ("banded-side-step", "banded-knee-drive", "clamshell", "glute-bridge"):
        settings = settings.with_exercise(exercise, sets=2, reps=3)
    return compile_plan(catalog.routine("band-day"), catalog, settings)
