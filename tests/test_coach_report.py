"""The report for a physiotherapist from a synthetic six-week history: the numbers (and their CSV), and the
PDF's pages read back with poppler's pdftotext (page count, exercise names, the handout)."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date, datetime, timedelta

import pytest

from hipfit_desktop.cli import main
from hipfit_desktop.records.coach_log import rate
from hipfit_desktop.records.coach_report import report_csv, report_data
from hipfit_desktop.records.database import HistoryLog
from tests.test_coach_log import add_session

TODAY = date.today()


def six_weeks(log):
    """Two sessions a week for six weeks: clamshell at no band, then banded from week 4; ratings on each;
    the right side two reps short in week 6."""
    monday = TODAY - timedelta(days=TODAY.weekday())
    for week in range(6):
        for day in (0, 2):
            when = monday - timedelta(weeks=5 - week) + timedelta(days=day)
            if when > TODAY:
                when = TODAY
            at = datetime(when.year, when.month, when.day, 7).timestamp() + day
            uid = f"w{week}d{day}"
            add_session(log, uid, at, reps=(10, 8) if week == 5 else (10, 10),
                        version="banded" if week >= 3 else "no-band")
            rate(log, uid, 0, "clamshell", effort="hard" if week == 3 else "about right",
                 pain="a little" if week == 3 else "none", harder_side="right" if week == 5 else None)
    log.flush()


def test_the_numbers_per_week_exercise_and_side(tmp_path, catalog):
    log = HistoryLog(tmp_path / "history.sqlite3")
    six_weeks(log)
    data = report_data(log, catalog, 3, TODAY, weeks=6)
    assert [w.sessions for w in data.weeks] == [2] * 6 and {w.target for w in data.weeks} == {3}
    assert data.weeks[3].effort == {"easy": 0, "about right": 0, "hard": 2}
    assert data.weeks[3].pain["a little"] == 2 and data.weeks[0].pain["none"] == 2
    names = {p.id: p.name for p in catalog.exercises["clamshell"].progressions}
    versions = [row.version for row in data.exercises]
    assert versions == [names["no-band"]] * 3 + [names["banded"]] * 3
    assert data.exercises[0].sets == 12 and data.exercises[0].volume == 120  # 2 sessions × 3 sets × 2 sides
    [side] = data.sides
    assert (side.reps_left - side.reps_right, side.harder_right, side.harder_left) == (12, 2, 0)
    rows = list(csv.DictReader(io.StringIO(report_csv(data))))
    assert {"table": "sides", "week": "", "exercise": "clamshell", "measure": "harder_right", "value": "2"} in rows
    assert sum(r["measure"] == "sessions" for r in rows) == 6
    log.close()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed")
def test_hipfit_report_writes_a_pdf_with_the_numbers_and_the_handout(tmp_path, capsys, catalog):
    log = HistoryLog()
    six_weeks(log)
    log.close()
    out = tmp_path / "report.pdf"
    assert main(["report", "--weeks", "6", "--out", str(out)]) == 0
    assert "wrote" in capsys.readouterr().err and out.with_suffix(".csv").is_file()
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert pages >= 3 and "Sessions per week" in text and "Left and right" in text and "Your programme" in text
    first_routine = next(iter(catalog.routines.values()))
    for item in first_routine.items:  # the handout: every exercise of the programme
        assert catalog.exercises[item.exercise].name in text
    assert "Clamshell" in text and catalog.exercises["clamshell"].progression("banded").name in text
