"""Shared fixtures: offscreen Qt, user folders in tmp_path, a clock the test moves by hand."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
