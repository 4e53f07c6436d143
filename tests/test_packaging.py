"""The built wheel carries its data: an install anywhere finds exercises, routines and figures without this
folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installed_elsewhere_loads_the_catalogue(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "wheel"),
                            str(ROOT)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "wheel").glob("hipfit_desktop-*.whl"))
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import hipfit_desktop, sys; from hipfit_desktop.exercises.catalog import load_catalog; c = load_catalog();"
            "from hipfit_desktop.figure.book import load_figures; f = load_figures(c.exercises);"
            "print(hipfit_desktop.__file__); print(len(c.exercises), len(c.routines), len(f.figures))")
    env = {**os.environ, "PYTHONPATH": str(site)}
    run = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    where, counts = run.stdout.splitlines()
    assert where.startswith(str(site)) and counts == "12 6 32"
