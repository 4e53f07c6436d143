"""What the terminal shows when the output cannot be written: one message and a failing exit code, never a
traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_output_is_one_error_line():
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "hipfit_desktop", "list"], stdout=full, stderr=subprocess.PIPE,
                             text=True)
    assert run.returncode == 1
    assert run.stderr.strip() == "hipfit: cannot write the output: No space left on device"


def test_a_closed_output_is_one_error_line():
    run = subprocess.run([sys.executable, "-m", "hipfit_desktop", "list"], stdin=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1))
    assert run.returncode == 1
    assert run.stderr.strip() == "hipfit: cannot write the output: the standard output is closed"
