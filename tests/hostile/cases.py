"""The hostile corpus: hand-made cases for every way a file fell in issue 16, and Hypothesis-made mutations
of the shipped routines and of a settings file. Each case is loaded as a user routine file and/or as
`settings.yaml` by `child.py`.
"""

from __future__ import annotations

import base64
from importlib import resources
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

Case = dict  # {"name", "target": "routine" | "settings", "kind": "bytes" | "fifo" | ..., "data": base64}

ROUTINE_HEAD = "schema: 1\nroutines:\n"
SETTINGS_HEAD = "version: 1\n"


def routine(body: str, name: str = "Mine", exercises: str = "[squat]", routine_id: str = "mine") -> str:
    return f"{ROUTINE_HEAD}  - id: {routine_id}\n    name: {name}\n    exercises: {exercises}\n{body}"


def billion_laughs() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def huge_routines(count: int) -> str:
    item = "      - {exercise: clamshell, sets: 20, reps: 100}\n"
    return ROUTINE_HEAD + "".join(f"  - id: r{i}\n    name: R{i}\n    exercises:\n{item}" for i in range(count))


# (name, text) loaded both as a routine file and as settings.yaml
BOTH: list[tuple[str, str | bytes]] = [
    ("billion-laughs", billion_laughs()),
    ("billion-laughs-under-routines",
     ROUTINE_HEAD + billion_laughs().replace("\n", "\n    ").replace("a0:", "  - a0:", 1)),
    ("alias-loop", "x: &r [*r]\n"),
    ("alias-loop-mapping", "x: &r {a: *r}\n"),
    ("alias-undefined", "schema: 1\nroutines: *nothing\n"),
    ("alias-as-key", "a: &k key\n*k : 1\n"),
    ("anchor-on-key", "&k a: 1\nb: *k\n"),
    ("deep-flow-lists", "x: " + "[" * 600 + "]" * 600 + "\n"),
    ("deep-flow-maps", "x: " + "{a: " * 600 + "1" + "}" * 600 + "\n"),
    ("deep-block-maps", "".join("  " * i + "a:\n" for i in range(400)) + "  " * 400 + "b: 1\n"),
    ("deep-block-lists", "x:\n" + "".join("  " * i + "-\n" for i in range(1, 400)) + "  " * 400 + "- 1\n"),
    ("deep-just-under", "x: " + "[" * 31 + "]" * 31 + "\n"),
    ("int-5000-digits-unknown", "version: 1\nschema: 1\nunknown: " + "9" * 5000 + "\n"),
    ("int-5000-digits-sets", routine("", exercises="[{exercise: squat, sets: " + "9" * 5000 + "}]")),
    ("int-negative-5000", "version: -" + "9" * 5000 + "\nschema: -" + "9" * 5000 + "\n"),
    ("int-4300-in-list", "version: 1\nx: [" + "1" * 4301 + "]\n"),
    ("octal-5000", "version: 0" + "7" * 5000 + "\nschema: 0" + "7" * 5000 + "\n"),
    ("base60-5000", "version: 1:" + "5" * 5000 + "\nschema: 1:" + "5" * 5000 + "\n"),
    ("float-huge", "version: 1e999999\nschema: 1e999999\n"),
    ("float-nan", "version: .nan\nschema: .inf\n"),
    ("merge-key-top", "base: &b {version: 1, schema: 1}\n<<: *b\n"),
    ("merge-key-nested", "version: 1\nschema: 1\nroutines:\n  - &r {id: a, name: A, exercises: [squat]}\n"
                         "  - <<: *r\n    id: b\n"),
    ("tag-python-object", "version: !!python/object:os.system ls\nschema: 1\n"),
    ("tag-binary", "version: 1\nschema: 1\nblob: !!binary aGVsbG8=\n"),
    ("tag-custom", "version: 1\nschema: 1\nmine: !mine {a: 1}\n"),
    ("tag-int-on-text", "version: !!int '1'\nschema: !!int '1'\n"),
    ("two-documents", "version: 1\n---\nversion: 2\n"),
    ("document-end", "version: 1\n...\n"),
    ("directive", "%YAML 1.1\n---\nversion: 1\nschema: 1\n"),
    ("empty", ""),
    ("only-comments", "# nothing\n# here\n"),
    ("only-dashes", "---\n"),
    ("top-list", "- version: 1\n"),
    ("top-scalar", "hello\n"),
    ("top-null", "~\n"),
    ("not-utf8", b"version: 1\nname: caf\xe9\n"),
    ("utf16-bom", "version: 1\n".encode("utf-16")),
    ("utf8-bom", "\ufeffversion: 1\nschema: 1\n"),
    ("nul", "version: 1\x00\n"),
    ("raw-escape", "version: 1\nlast_routine: a\x1b[2Jb\n"),
    ("bell-in-key", "vers\x07ion: 1\n"),
    ("del", "version: 1\x7f\n"),
    ("c1-control", "version: 1\nx: \x9b31m\n"),
    ("nel-breaks", "version: 1\x85schema: 1\x85last_routine: a\x85"),
    ("ls-ps-breaks", "version: 1\u2028schema: 1\u2029"),
    ("cr-only", "version: 1\rschema: 1\rlevel: advanced\r"),
    ("crlf", "version: 1\r\nschema: 1\r\nlevel: advanced\r\n"),
    ("tabs-as-indent", "version: 1\ntimings:\n\tget_ready_seconds: 5\n"),
    ("escaped-control", 'version: 1\nlast_routine: "\\e[31mred\\x07"\nx: "\\0"\n'),
    ("surrogate-escape", 'version: 1\nlast_routine: "\\ud800"\n'),
    ("long-line", "version: 1\nx: " + "a" * 900_000 + "\n"),
    ("long-key", "version: 1\n" + "k" * 200_000 + ": 1\n"),
    ("many-values", "version: 1\nschema: 1\nx: [" + ", ".join(["1"] * 120_000) + "]\n"),
    ("many-keys", "version: 1\n" + "".join(f"k{i}: {i}\n" for i in range(60_000))),
    ("duplicate-keys", "version: 1\nversion: 1\n"),
    ("unclosed-quote", 'version: "1\n'),
    ("unclosed-flow", "version: [1\n"),
    ("bad-indent", "version: 1\n  level: x\n"),
    ("question-key", "? [a]\n: 1\n"),
    ("null-key", "~: 1\nversion: 1\n"),
    ("bool-key", "true: 1\nversion: 1\n"),
    ("percent-start", "%\n"),
    ("at-start", "@version: 1\n"),
    ("backtick", "version: `1`\n"),
]

ROUTINE_ONLY: list[tuple[str, str]] = [
    ("valid", routine("")),
    ("five-thousand-huge-routines", huge_routines(5000)),
    ("a-hundred-and-one-routines", ROUTINE_HEAD + "".join(
        f"  - id: r{i}\n    name: R{i}\n    exercises: [squat]\n" for i in range(101))),
    ("work-over-the-limit", ROUTINE_HEAD + "  - id: big\n    name: Big\n    exercises:\n"
     + "      - {exercise: clamshell, sets: 20, reps: 100}\n" * 2),
    ("forty-one-exercises", routine("", exercises="[" + ", ".join(["squat"] * 41) + "]")),
    ("cyrillic-id", routine("", routine_id="b\u0430nd-day")),
    ("fullwidth-id", routine("", routine_id="\uff42and-day")),
    ("built-in-id", routine("", routine_id="band-day")),
    ("uppercase-id", routine("", routine_id="Mine")),
    ("id-with-escape", routine("", routine_id='"mi\\ene"')),
    ("name-with-escape", routine("", name='"\\e[2J\\e[31mred"')),
    ("name-with-nel", routine("", name='"a\\Nb"')),
    ("description-with-bell", routine("    description: \"ring \\a\"\n")),
    ("long-name", routine("", name="n" * 5000)),
    ("routines-null", ROUTINE_HEAD),
    ("routines-scalar", "schema: 1\nroutines: lots\n"),
    ("routines-list-of-lists", "schema: 1\nroutines: [[a], [b]]\n"),
    ("exercise-int", routine("", exercises="[5]")),
    ("exercise-unknown", routine("", exercises="[moonwalk]")),
    ("exercise-mapping-junk", routine("", exercises="[{exercise: squat, sets: '3', colour: red}]")),
    ("exercise-reps-on-timed", routine("", exercises="[{exercise: couch-stretch, reps: 5}]")),
    ("sets-zero", routine("", exercises="[{exercise: squat, sets: 0}]")),
    ("schema-2", "schema: 2\nroutines: []\n"),
    ("schema-text", "schema: one\nroutines: []\n"),
    ("equipment-allowed-junk", routine("    equipment_allowed: [rocket]\n")),
]

SETTINGS_ONLY: list[tuple[str, str]] = [
    ("valid", "version: 1\nlevel: advanced\nexercises:\n  squat:\n    reps: 12\n"),
    ("version-huge", "version: 99999999999\nlevel: advanced\n"),
    ("version-negative", "version: -1\n"),
    ("version-text", "version: '1'\n"),
    ("version-zero", "version: 0\nlevel: advanced\nreps: {squat: 5}\n"),
    ("level-list", "version: 1\nlevel: [a, b]\n"),
    ("level-alias", "version: 1\nx: &l advanced\nlevel: *l\n"),
    ("exercise-alias", "version: 1\nexercises:\n  squat: &s {reps: 12}\n  clamshell: *s\n"),
    ("sound-tagged", "version: 1\nsound: !!bool yes\n"),
    ("timings-out-of-range", "version: 1\ntimings:\n  get_ready_seconds: 100000\n"),
    ("unknown-exercise", "version: 1\nexercises:\n  moonwalk: {reps: 1}\n"),
    ("unknown-deep-alias-kept", "version: 1\nmine: &m {a: [1, 2, {b: 3}]}\nagain: *m\nmore: [*m, *m]\n"),
    ("last-routine-long", "version: 1\nlast_routine: " + "r" * 5000 + "\n"),
    ("weekly-target-tag", "version: 1\nweekly_target: !!int 3\n"),
]

SPECIAL: list[Case] = [
    {"name": f"{target}-{kind}", "target": target, "kind": kind, **extra}
    for target in ("routine", "settings")
    for kind, extra in (("fifo", {}), ("devzero", {}), ("folder", {}), ("sparse", {"size": 3_000_000_000}),
                        ("sparse", {"size": 1_000_001}))
]
for number, case in enumerate(SPECIAL):
    case["name"] += f"-{number}"


def _encoded(text: str | bytes) -> str:
    return base64.b64encode(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")).decode()


def hand_made() -> list[Case]:
    cases: list[Case] = [dict(case) for case in SPECIAL]
    for name, text in BOTH:
        for target in ("routine", "settings"):
            cases.append({"name": f"{target}-{name}", "target": target, "kind": "bytes", "data": _encoded(text)})
    cases += [{"name": f"routine-{n}", "target": "routine", "kind": "bytes", "data": _encoded(t)}
              for n, t in ROUTINE_ONLY]
    cases += [{"name": f"settings-{n}", "target": "settings", "kind": "bytes", "data": _encoded(t)}
              for n, t in SETTINGS_ONLY]
    cases.append({"name": "routine-escape-in-file-name", "target": "routine", "kind": "bytes",
                  "file_name": "\x1b[2J.yaml", "data": _encoded("schema: 2\n")})
    return cases


# --- mutations of the shipped YAML -------------------------------------------------------------------------

TOKENS = ["&a", "*a", "&a [1]", "!!binary AAAA", "!tag", "<<: *a", "? ", "- ", ": ", "{", "}", "[", "]", "'", '"',
          "|", ">-", "#", "%", "@", "`", "\t", "\x00", "\x1b[2J", "\x85", "\u2028", "\ufeff", "\r", "---\n", "...\n",
          "9" * 5000, "0" + "7" * 30, "1:30", "010", "yes", "~", "-1", "1e9", ".nan", "[" * 100, "{a: " * 50,
          "\u0430", "\udcff", "\U0001f600", "\\e", "\\u0000", "  ", "\n  ", "id: band-day", "exercises: *a"]


def settings_sample() -> str:
    return ("# HipFit settings\nversion: 1\nlevel: intermediate\nlevel_chosen: true\nfirst_side: right\n"
            "last_routine: day-a\nweekly_target: 4\ntimings:\n  get_ready_seconds: 15\n"
            "  rest_between_sets_seconds: 40\n"
            "sound:\n  enabled: true\n  volume: 70\n  voice: false\nexercises:\n  clamshell:\n    progression: banded\n"
            "    reps: 12\n  squat:\n    sets: 2\n    pace: own\n  couch-stretch:\n    seconds: 120\n")


def shipped_routines() -> str:
    return resources.files("hipfit_desktop.data").joinpath("routines.yaml").read_text(encoding="utf-8")


@st.composite
def mutation(draw, source: str) -> str:
    text = source
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "insert", "token", "duplicate-line", "truncate", "indent"]))
        at = draw(st.integers(0, len(text)))
        if op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 200)):]
        elif op == "insert":
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
        elif op == "token":
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        elif op == "duplicate-line":
            lines = text.split("\n")
            line = draw(st.integers(0, len(lines) - 1))
            lines.insert(draw(st.integers(0, len(lines))), lines[line])
            text = "\n".join(lines)
        elif op == "truncate":
            text = text[:at]
        else:
            start = text.rfind("\n", 0, at) + 1
            text = text[:start] + " " * draw(st.integers(1, 6)) + text[start:]
    return text


def mutations(count: int) -> list[Case]:
    """`count` mutated files, half of the routines and half of a settings file; the same ones every run."""
    made: list[Case] = []
    for target, source in (("routine", shipped_routines()), ("settings", settings_sample())):
        made += [{"name": f"{target}-mutation-{i}", "target": target, "kind": "bytes", "data": _encoded(text)}
                 for i, text in enumerate(_drawn(mutation(source), count // 2))]
    return made


def _drawn(strategy: st.SearchStrategy[str], count: int) -> list[str]:
    """`count` examples of `strategy`, derandomized: a failure found once is found on every run."""
    found: list[str] = []

    @settings(max_examples=count, derandomize=True, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), deadline=None)
    @given(strategy)
    def collect(text: str) -> None:
        found.append(text)

    collect()
    return found


def write_corpus(folder: Path, count: int) -> None:
    """The corpus as files, for a person to look at (`python -m tests.hostile.cases FOLDER`)."""
    folder.mkdir(parents=True, exist_ok=True)
    for case in hand_made() + mutations(count):
        if case["kind"] == "bytes":
            (folder / f"{case['name']}.yaml").write_bytes(base64.b64decode(case["data"]))


if __name__ == "__main__":
    import sys

    write_corpus(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 200)
