"""`hipfit`: the window by default; `list`, `plan ROUTINE`, `exercise ID`, `figure ID`, `settings`, `history`,
`export`, `import FILE`, `coach`, `report`, `install-desktop` and `uninstall-desktop` on the command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

from . import __version__
from .exercises.catalog import load_catalog
from .exercises.model import LEVELS, Catalog
from .exercises.strictyaml import DataError
from .records.coach_log import advice as coach_advice
from .records.coach_rules import load_rules
from .records.database import HistoryLog
from .records.exchange import BackupError, ImportResult, export_backup, export_csv, import_backup, read_backup
from .records.queries import as_json, recent_sessions, week_summary
from .records.report import DEFAULT_WEEKLY_TARGET, format_history
from .settings.model import Settings
from .settings.store import SettingsStore, write_atomic
from .system.desktop import install_desktop, uninstall_desktop
from .system.paths import user_paths
from .system.qt_options import split_qt_options
from .workout.card import build_card, card_text
from .workout.plan import compile_plan, plan_exercise
from .workout.terminal_text import format_exercises, format_list, format_plan, format_settings


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, not argparse's usage block: the user should see the problem, not a wall of text.
        self.exit(2, f"{self.prog}: {message} (try --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="hipfit", description="Hip-strengthening workouts, paced set by set. "
                     "Qt's own options (-style, -platform, ...) go to the window.")
    parser.add_argument("--version", action="version", version=f"hipfit {__version__}")
    parser.add_argument("--verbose", action="store_true", help="let Qt's and the sound system's messages through")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    commands.add_parser("gui", help="open the window (the default)")
    commands.add_parser("install-desktop", help="add HipFit to your desktop's menu (your XDG data folder)")
    commands.add_parser("uninstall-desktop", help="take HipFit out of your desktop's menu")
    commands.add_parser("list", help="the routines and exercises")
    plan = commands.add_parser("plan", help="the compiled plan of a routine")
    plan.add_argument("routine", help="a routine id, as `hipfit list` shows")
    plan.add_argument("--level", choices=LEVELS, help="beginner, intermediate or advanced")
    plan.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    exercise = commands.add_parser("exercise", help="an exercise's card: version, steps, tips, your counts")
    exercise.add_argument("exercise", nargs="?", help="an exercise id, as `hipfit exercise --list` shows")
    exercise.add_argument("--version", help="a version (progression) id; default: yours, or your level's")
    exercise.add_argument("--level", choices=LEVELS, help="beginner, intermediate or advanced")
    exercise.add_argument("--list", action="store_true", help="the exercise ids, names and versions")
    figure = commands.add_parser("figure", help="draw an exercise's figure into a PNG or SVG file")
    figure.add_argument("exercise", help="an exercise id, as `hipfit exercise --list` shows")
    figure.add_argument("--version", help="a version (progression) id; default: yours, or your level's")
    figure.add_argument("--side", choices=("left", "right"), help="the side it is done on (default: left)")
    figure.add_argument("--progress", type=_progress, default=0.0,
                        help="how far through the movement: 0 the start pose (default), 1 the end pose")
    figure.add_argument("--out", type=Path, required=True, help="the file to write: FILE.png or FILE.svg")
    commands.add_parser("settings", help="where your settings are kept, and what they are")
    history = commands.add_parser("history", help="your training log: this week and the sessions before")
    history.add_argument("--weeks", type=_weeks, default=4, help="how many weeks back, this one included (4)")
    history.add_argument("--json", action="store_true", help="one JSON object instead of text")
    export = commands.add_parser("export", help="the training log as CSV (one row per set) or a JSON backup")
    export.add_argument("--format", choices=("csv", "json"), required=True,
                        help="csv: one row per set; json: a backup of history, settings and your routines")
    export.add_argument("--out", type=Path, help="write to this file (default: the standard output)")
    coach = commands.add_parser("coach", help="the coach's suggestions from your log, and why (advice only)")
    coach.add_argument("--json", action="store_true", help="one JSON object instead of text")
    report = commands.add_parser("report", help="a PDF for your physiotherapist (and a CSV of its numbers)")
    report.add_argument("--weeks", type=_weeks, default=6, help="how many weeks back, this one included (6)")
    report.add_argument("--out", type=Path, required=True, help="FILE.pdf; FILE.csv is written beside it")
    restore = commands.add_parser("import", help="merge a JSON backup; sessions already in the log are skipped")
    restore.add_argument("file", type=Path, help="a file made by `hipfit export --format json`")
    restore.add_argument("--dry-run", action="store_true", help="say what would be imported; change nothing")
    return parser


def _weeks(text: str) -> int:
    try:
        weeks = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of weeks, got {text!r}") from None
    if not 1 <= weeks <= 1000:
        raise argparse.ArgumentTypeError(f"weeks: {weeks} is out of range (1 to 1000)")
    return weeks


def _progress(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"progress: {text} is out of range (0 to 1)")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    ours, qt_options = split_qt_options(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(ours)
    if args.command in (None, "gui"):
        from .qt.app import run_app  # Qt loads only for the window

        return run_app([sys.argv[0], *qt_options], verbose=args.verbose)
    if args.command in ("install-desktop", "uninstall-desktop"):
        return _desktop_command(args.command)
    try:
        catalog = load_catalog(user_paths().routines)
    except DataError as problem:  # a broken install: the shipped data does not load
        _warn(f"hipfit: {problem}")
        return 1
    for problem in catalog.problems:
        _warn(f"hipfit: skipped a routine file: {problem}")
    store = SettingsStore(user_paths().settings_file)
    loaded = store.load(catalog)
    for message in loaded.messages():  # one line each: the notice, then `settings.yaml:LINE: ...` warnings
        _warn(f"hipfit: {message}")
    settings = loaded.settings
    if args.command == "coach":
        return coach_command(args, catalog, settings)
    if args.command == "report":
        return report_command(args, catalog, settings)
    if args.command in ("history", "export", "import"):
        return records_command(args, catalog, settings)
    if args.command == "settings":
        return _print(format_settings(store.path, settings, catalog))
    if args.command == "list":
        return _print(format_list(catalog, settings))
    if args.command == "figure":
        return _figure_command(args, catalog, settings)
    if args.level:
        settings = replace(settings, level=args.level)
    if args.command == "exercise":
        return _exercise_command(args, catalog, settings)
    if args.routine not in catalog.routines:
        _warn(f"hipfit: unknown routine {args.routine!r} (known: {', '.join(catalog.routines)})")
        return 2
    plan = compile_plan(catalog.routine(args.routine), catalog, settings)
    return _print(json.dumps(plan.to_json(), indent=1) if args.json else format_plan(plan))


def _desktop_command(command: str) -> int:
    try:
        if command == "install-desktop":
            written = install_desktop()
            print(f"hipfit: added HipFit to the menu ({len(written)} files under {written[0].parents[1]})")
            return 0
        removed = uninstall_desktop()
    except OSError as problem:
        print(f"hipfit: {problem}", file=sys.stderr)
        return 1
    print(f"hipfit: removed {len(removed)} files" if removed else "hipfit: HipFit was not in the menu")
    return 0


def records_command(args: argparse.Namespace, catalog: Catalog, settings: Settings) -> int:
    """`history`, `export` and `import`: the training log from the command line (docs: README, Training log)."""
    log = HistoryLog()
    try:
        if log.notice:
            _warn(f"hipfit: {log.notice}")
        if args.command == "history":
            today = date.today()
            target = getattr(settings, "weekly_target", DEFAULT_WEEKLY_TARGET)
            week = week_summary(log, today, target)
            sessions = recent_sessions(log, args.weeks, today, with_sets=True)
            if args.json:
                return _print(json.dumps({"week": {"start": week.start.isoformat(), "workouts": week.workouts,
                                                   "target": week.target},
                                          "sessions": [as_json(s) for s in sessions]}, indent=1))
            names = {e.id: e.name for e in catalog.exercises.values()}
            return _print(format_history(sessions, week, args.weeks, names))
        if args.command == "export":
            text = export_csv(log) if args.format == "csv" else json.dumps(export_backup(log, user_paths()), indent=1)
            if args.out is None:
                return _print(text.rstrip("\n"))
            try:
                write_atomic(args.out, text.encode("utf-8"))
            except OSError as exc:
                _warn(f"hipfit: cannot write {args.out}: {exc.strerror or exc}")
                return 1
            _warn(f"hipfit: wrote {args.out}")
            return 0
        try:
            backup = read_backup(args.file)
            result = import_backup(log, user_paths(), backup, dry_run=args.dry_run)
        except BackupError as problem:
            _warn(f"hipfit: {problem}; nothing was imported")
            return 2
        return _print(format_import(result, args.dry_run))
    finally:
        log.close()


def coach_command(args: argparse.Namespace, catalog: Catalog, settings: Settings) -> int:
    """`hipfit coach`: what the coach suggests now (docs/COACHING.md); Accept and Not yet are in the window."""
    log = HistoryLog()
    try:
        found = coach_advice(log, catalog, settings, load_rules())
    finally:
        log.close()
    if args.json:
        return _print(json.dumps({"suggestions": [{**asdict(s), "key": s.key} for s in found]}, indent=1))
    if not found:
        return _print("The coach has nothing to suggest yet: it needs two sessions of an exercise to go on.")
    return _print("\n".join(s.text() for s in found) + "\n\nAdvice, not a prescription: if you are recovering "
                  "from an injury, ask your physiotherapist.")


def report_command(args: argparse.Namespace, catalog: Catalog, settings: Settings) -> int:
    """`hipfit report`: the PDF and CSV of the last weeks (docs/COACHING.md); Qt loads only to draw the PDF."""
    from .qt.report_pdf import write_report_files

    log = HistoryLog()
    try:
        pdf, table = write_report_files(log, catalog, settings, args.out, args.weeks)
    except OSError as exc:
        print(f"hipfit: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        log.close()
    print(f"hipfit: wrote {pdf} and {table}", file=sys.stderr)
    return 0


def format_import(result: ImportResult, dry_run: bool) -> str:
    verb = "Would add" if dry_run else "Added"
    lines = [f"{verb} {result.sessions_added} sessions ({result.sets_added} sets); "
             f"{result.sessions_present} already in your log.",
             f"Settings: {result.settings}."]
    if result.routines_added:
        lines.append(f"Routines {'to add' if dry_run else 'added'}: {', '.join(result.routines_added)}.")
    if result.routines_kept:
        lines.append(f"Routines you already have, kept: {', '.join(result.routines_kept)}.")
    return "\n".join(lines)


def _exercise_command(args: argparse.Namespace, catalog: Catalog, settings: Settings) -> int:
    if args.list:
        return _print(format_exercises(catalog))
    if args.exercise is None:
        print("hipfit exercise: give an exercise id, or --list (known: " + ", ".join(catalog.exercises) + ")",
              file=sys.stderr)
        return 2
    exercise = catalog.exercises.get(args.exercise)
    if exercise is None:
        _warn(f"hipfit: unknown exercise {args.exercise!r} (known: {', '.join(catalog.exercises)})")
        return 2
    known = [p.id for p in exercise.progressions]
    if args.version is not None and args.version not in known:
        _warn(f"hipfit: {exercise.id} has no version {args.version!r} (known: {', '.join(known)})")
        return 2
    item = plan_exercise(exercise, catalog, settings, progression_id=args.version)
    return _print(card_text(build_card(item, catalog)))


def _figure_command(args: argparse.Namespace, catalog: Catalog, settings: Settings) -> int:
    """`hipfit figure`: one frame of an exercise's figure, painted without a window."""
    from .figure.book import load_figures
    from .figure.motion import extent, pose_at

    exercise = catalog.exercises.get(args.exercise)
    if exercise is None:
        print(f"hipfit: unknown exercise {args.exercise!r} (known: {', '.join(catalog.exercises)})", file=sys.stderr)
        return 2
    known = [p.id for p in exercise.progressions]
    if args.version is not None and args.version not in known:
        print(f"hipfit: {exercise.id} has no version {args.version!r} (known: {', '.join(known)})", file=sys.stderr)
        return 2
    item = plan_exercise(exercise, catalog, settings, progression_id=args.version)
    side = args.side or ("left" if item.one_sided else None)
    try:
        figure, props = load_figures(catalog.exercises).get(exercise.id, item.progression.id)
    except DataError as problem:  # a broken install: the shipped figures do not load
        print(f"hipfit: {problem}", file=sys.stderr)
        return 1
    from .qt.figure_render import write_figure  # Qt loads only to paint

    try:
        write_figure(pose_at(figure, props, args.progress, side), extent(figure, props, side), args.out)
    except ValueError as problem:
        print(f"hipfit: {problem}", file=sys.stderr)
        return 2
    except OSError as problem:
        print(f"hipfit: {problem}", file=sys.stderr)
        return 1
    print(f"hipfit: wrote {args.out} ({exercise.name}, {item.progression.name}"
          f"{f', {side} side' if side else ''}, progress {args.progress:g})", file=sys.stderr)
    return 0


def terminal_text(text: str) -> str:
    """`text` with every character a terminal would act on (escape codes, other controls) shown escaped.

    Routine names and file names come from the user's files: `\x1b[2J` must print as that, not clear the screen.
    """
    return "".join(c if c.isprintable() or c in "\n\t" else repr(c)[1:-1] for c in text)


def _warn(text: str) -> None:
    print(terminal_text(text), file=sys.stderr)


def _print(text: str) -> int:
    if sys.stdout is None:  # started with its output closed (`hipfit list >&-`)
        print("hipfit: cannot write the output: the standard output is closed", file=sys.stderr)
        return 1
    try:
        print(terminal_text(text))
        sys.stdout.flush()
    except BrokenPipeError:  # `hipfit plan ... | head`: the reader has all it wanted
        sys.stderr.close()
    except OSError as problem:  # `> /dev/full`, a closed or unwritable output
        print(f"hipfit: cannot write the output: {problem.strerror or problem}", file=sys.stderr)
        _drop_stdout()
        return 1
    return 0


def _drop_stdout() -> None:
    """Point the output at /dev/null so the interpreter's last flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
