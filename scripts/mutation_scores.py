"""Mutation scores per core module from mutmut's results (run `make mutate` first).

A mutant counts as equivalent (it cannot change what the program does) only when docs/TESTING.md names it
in backticks under "## Equivalent mutants", with its reason. Score = killed / (mutants - equivalent).
Exits 1 if any module is under the bar (90 %), so `make mutate` fails when a module slips.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAR = 0.90
# mutmut's exit codes (mutmut/stats.py): a test failed or crashed, the mutant hung or segfaulted
KILLED = {1, 3, 36, 24, -24, 152, 255, -11, -9, 37}
SURVIVED, NO_TESTS = 0, {5, 33}


def equivalent_mutants(testing_md: Path) -> set[str]:
    text = testing_md.read_text(encoding="utf-8") if testing_md.exists() else ""
    section = text.split("## Equivalent mutants", 1)[1] if "## Equivalent mutants" in text else ""
    section = section.split("\n## ", 1)[0]
    return set(re.findall(r"`(hipfit_desktop\.[^`]+__mutmut_\d+)`", section))


def main() -> int:
    equivalent = equivalent_mutants(ROOT / "docs" / "TESTING.md")
    rows = []
    for meta in sorted((ROOT / "mutants" / "hipfit_desktop").rglob("*.py.meta")):
        try:
            codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        except (OSError, ValueError) as problem:  # mutmut may be writing it right now
            print(f"{meta}: cannot be read ({problem}); run this again when mutmut is done")
            return 1
        if not codes:
            continue
        tally: Counter[str] = Counter()
        for name, code in codes.items():
            if name in equivalent:
                tally["equivalent"] += 1
            elif code in KILLED:
                tally["killed"] += 1
            elif code == SURVIVED:
                tally["survived"] += 1
            elif code in NO_TESTS:
                tally["no tests"] += 1
            else:
                tally["not run"] += 1
        counted = len(codes) - tally["equivalent"]
        score = tally["killed"] / counted if counted else 1.0
        module = meta.relative_to(ROOT / "mutants").as_posix().removesuffix(".meta")
        rows.append((module, len(codes), tally, score))
    if not rows:
        print("no mutmut results: run `make mutate` first")
        return 1
    print(f"{'module':40} {'mutants':>7} {'killed':>6} {'surv.':>5} {'no test':>7} {'equiv.':>6} {'score':>6}")
    # a run limited to some modules leaves the others without results
    checked = [row for row in rows if row[2]["killed"] + row[2]["survived"] + row[2]["no tests"] > 0]
    for module, total, tally, score in rows:
        if (module, total, tally, score) not in checked:
            print(f"{module:40} {total:7}   not run")
            continue
        if tally["not run"]:
            score = tally["killed"] / (total - tally["equivalent"] - tally["not run"])  # of those run so far
        print(f"{module:40} {total:7} {tally['killed']:6} {tally['survived']:5} {tally['no tests']:7} "
              f"{tally['equivalent']:6} {score:6.1%}" + ("" if score >= BAR else "  < 90 %")
              + (f"  ({tally['not run']} not run)" if tally["not run"] else ""))
    return 0 if checked and all(score >= BAR for *_, score in checked) else 1


if __name__ == "__main__":
    sys.exit(main())
