"""Issue 16's hostile corpus: every case loaded in a child process capped at 512 MB and timed out, as the app
loads user files at start-up. Nothing may escape as a traceback, hang, or leave a message in another form
than `file:line: field: problem` / `file: cannot be read (why)`; the built-ins always load and the user's
bytes are never lost. `HIPFIT_HOSTILE_MUTATIONS=2000 pytest -m slow -k hostile` runs a larger sweep.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.cases import hand_made, mutations

ROOT = Path(__file__).resolve().parent.parent
BATCH_TIMEOUT = 60  # seconds for a batch; one case takes milliseconds


def run_batch(cases: list[dict]) -> dict[str, list[str]]:
    """Each case's problems; a batch that hangs or dies names the case it was on."""
    try:
        done = subprocess.run([sys.executable, "-m", "tests.hostile.child"], input=json.dumps(cases), cwd=ROOT,
                              capture_output=True, text=True, timeout=BATCH_TIMEOUT)
        out, err, code = done.stdout, done.stderr, done.returncode
    except subprocess.TimeoutExpired as timeout:
        out, err, code = (timeout.stdout or b"").decode(), "timed out", None
    results: dict[str, list[str]] = {}
    started = None
    for line in out.splitlines():
        record = json.loads(line)
        if "start" in record:
            started = record["start"]
        else:
            results[record["name"]] = record["problems"]
            started = None
    if started is not None or code != 0 or err.strip():
        results[started or "(batch)"] = [f"child ended with {code}: {err[-2000:]}"]
    return results


def check(cases: list[dict], batches: int) -> None:
    names = [case["name"] for case in cases]
    assert len(set(names)) == len(names)
    results: dict[str, list[str]] = {}
    for i in range(batches):
        results.update(run_batch(cases[i::batches]))
    failed = {name: problems for name, problems in results.items() if problems}
    assert failed == {}
    assert set(results) == set(names)


def test_hand_made_and_mutated_files_never_break_start_up():
    cases = hand_made() + mutations(200)
    assert len(cases) >= 300
    check(cases, batches=4)


@pytest.mark.slow
def test_a_larger_sweep_of_mutations():
    check(mutations(int(os.environ.get("HIPFIT_HOSTILE_MUTATIONS", "2000"))), batches=8)
