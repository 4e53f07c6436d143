"""`hipfit coach [--json]`: the suggestions from the log in $HIPFIT_HOME, in words and as JSON."""

from __future__ import annotations

import json

from hipfit_desktop.cli import main
from hipfit_desktop.records.database import HistoryLog
from tests.test_coach_log import add_session


def test_coach_says_it_needs_sessions_then_suggests(capsys):
    assert main(["coach"]) == 0
    assert "nothing to suggest yet" in capsys.readouterr().out
    log = HistoryLog()
    add_session(log, "a", 1000.0)
    add_session(log, "b", 90000.0)
    log.close()
    assert main(["coach"]) == 0
    out = capsys.readouterr().out
    assert "Clamshell: 2 sessions of 3 × 10 felt fine → try " in out and "physiotherapist" in out
    assert main(["coach", "--json"]) == 0
    [offer] = json.loads(capsys.readouterr().out)["suggestions"]
    assert offer["key"] == "clamshell:version:banded" and offer["kind"] == "version"
