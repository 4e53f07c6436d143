"""Loads hostile cases one after another under a memory cap, as the app would at start-up; one JSON line each.

Run by tests/test_hostile_corpus.py: `python -m tests.hostile.child` with a JSON list of cases on stdin (see
`cases.Case`). For each case it writes `{"name", "problems": [...]}` where a problem is something a user
must never meet: a traceback, a message not in the `file:line: field: problem` form, missing built-ins, or
their original bytes gone. Before each case it writes `{"start": name}`, so a hang names its case.
"""

from __future__ import annotations

import base64
import json
import os
import re
import resource
import sys
import tempfile
import traceback
from pathlib import Path

MEMORY_CAP = 512 * 1024 * 1024
BUILT_IN = {"full-hip-session", "day-a", "day-b", "quick-no-equipment", "band-day", "couch-stretch-mobility"}


def main() -> int:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    cases = json.load(sys.stdin)
    for case in cases:
        print(json.dumps({"start": case["name"]}), flush=True)
        with tempfile.TemporaryDirectory(prefix="hostile-") as home:
            os.environ["HIPFIT_HOME"] = home
            try:
                problems = run(case, Path(home))
            except BaseException:  # noqa: BLE001 - the whole point: nothing may escape
                problems = ["escaped: " + traceback.format_exc()]
        print(json.dumps({"name": case["name"], "problems": problems}), flush=True)
    return 0


def place(case: dict, path: Path) -> bytes | None:
    """Put the case at `path`; its bytes when it is a plain file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    kind = case["kind"]
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "devzero":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "sparse":  # a huge file that takes no disk: the size check must refuse it unread
        with open(path, "wb") as stream:
            stream.truncate(int(case["size"]))
    else:
        data = base64.b64decode(case["data"])
        path.write_bytes(data)
        return data
    return None


def message_shape(text: str, file: str) -> bool:
    """`file:line: ...` (field and problem, or a problem in the YAML itself) or `file: cannot be read (why)`."""
    escaped = re.escape(file)
    return bool(re.fullmatch(rf"{escaped}:[1-9][0-9]*: \S.*", text, re.S)
                or re.fullmatch(rf"{escaped}: cannot be read \(.+\)", text, re.S))


def run(case: dict, home: Path) -> list[str]:
    from hipfit_desktop.cli import format_list, terminal_text
    from hipfit_desktop.exercises.catalog import load_catalog
    from hipfit_desktop.settings.store import SettingsStore
    from hipfit_desktop.system.paths import user_paths

    paths = user_paths()
    problems: list[str] = []
    if case["target"] == "routine":
        path = paths.routines / case.get("file_name", "mine.yaml")
        data = place(case, path)
        catalog = load_catalog(paths.routines)
        if not set(catalog.routines) >= BUILT_IN:
            problems.append("built-in routines missing")
        for problem in catalog.problems:
            if not message_shape(str(problem), str(path)):
                problems.append(f"message shape: {str(problem)[:300]!r}")
        if data is not None and path.read_bytes() != data:
            problems.append("the file was changed by reading it")
        listing = terminal_text(format_list(catalog, SettingsStore(paths.settings_file).load(catalog).settings))
        if any(not (c.isprintable() or c in "\n\t") for c in listing):
            problems.append("unprintable text in `hipfit list`")
        return problems
    path = paths.settings_file
    data = place(case, path)
    catalog = load_catalog()
    store = SettingsStore(path)
    loaded = store.load(catalog)
    for warning in loaded.warnings:
        if not message_shape(warning, path.name) and not re.fullmatch(r"settings\.yaml\.v0-backup:[1-9][0-9]*: \S.*",
                                                                       warning, re.S):
            problems.append(f"warning shape: {warning[:300]!r}")
    if data is not None:
        kept = [p for p in path.parent.iterdir() if p.name.startswith("settings.yaml") and p.is_file()]
        if not any(p.read_bytes() == data for p in kept):
            problems.append("the original bytes are neither in place nor kept aside")
        if loaded.notice and "could not be used" in loaded.notice and path.exists() and not path.is_symlink():
            problems.append("moved aside, yet a settings file is still there")
    small = path.is_file() and not path.is_symlink() and path.stat().st_size < 2_000_000
    before = path.read_bytes() if small else None
    result = store.save(loaded.settings)
    if store.read_only and before is not None and path.read_bytes() != before:
        problems.append("a read-only store wrote the file")
    if result.ok:
        again = SettingsStore(path).load(catalog)
        if again.settings != loaded.settings:
            problems.append("what was saved does not read back the same")
    return problems


if __name__ == "__main__":
    raise SystemExit(main())
