"""The report for a physiotherapist as a PDF, with Qt's own PDF writer (QTextDocument into QPdfWriter):
the numbers of records/coach_report.py as tables, then a handout of the current programme, one card per
exercise with its start and end figures. No window needed: the offscreen platform is enough."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ..exercises.model import Catalog, equipment_words
from ..exercises.strictyaml import DataError
from ..figure.book import load_figures
from ..figure.motion import extent, pose_at
from ..records.coach_report import ReportData, programme, report_csv, report_data
from ..records.database import HistoryLog
from ..settings.model import Settings
from ..settings.store import write_atomic
from ..workout.card import ExerciseCard, build_card
from ..workout.plan import PlannedExercise
from .figure_render import ensure_gui, render_image

FIGURE_SIZE = (240, 180)  # pixels of each figure in the handout, about 5 cm wide on paper
PAGE_BREAK = "<p style='page-break-before: always'></p>"
NOTE = ("HipFit's coach gives advice, not a prescription. The effort and pain columns count the exercises "
        "rated that week with the optional one-key answers; an unrated exercise is not counted.")


def _table(head: tuple[str, ...], rows: list[tuple[object, ...]]) -> str:
    cells = "".join(f"<th align='left'>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>{cells}</tr>{body}</table>"


def report_html(data: ReportData, title: str) -> str:
    weeks = [(f"{w.start:%d %b %Y}", w.sessions, w.target, "■" * w.sessions + "□" * max(0, w.target - w.sessions),
              " / ".join(str(n) for n in w.effort.values()), " / ".join(str(n) for n in w.pain.values()))
             for w in data.weeks]
    html = [f"<h1>{escape(title)}</h1>",
            f"<p>{data.first:%d %b %Y} to {data.last:%d %b %Y}. {escape(NOTE)}</p>",
            "<h2>Sessions per week</h2>",
            _table(("week of", "sessions", "target", "", "effort: easy / about right / hard",
                    "pain: none / a little / too much"), weeks),
            "<h2>Each exercise: version and volume per week</h2>"]
    by_exercise: dict[str, list[tuple[object, ...]]] = {}
    for row in data.exercises:
        by_exercise.setdefault(row.name, []).append((f"{row.start:%d %b}", row.version, row.sets, f"{row.volume:g}"))
    if not by_exercise:
        html.append("<p>No exercises logged in these weeks.</p>")
    for name, rows in by_exercise.items():
        html += [f"<h3>{escape(name)}</h3>", _table(("week of", "version", "sets", "reps or seconds"), rows)]
    html.append("<h2>Left and right</h2>")
    sides = [(s.name, s.reps_left, s.reps_right, s.harder_left, s.harder_right) for s in data.sides]
    html.append(_table(("exercise", "reps left", "reps right", "left harder (sessions)", "right harder (sessions)"),
                       sides) if sides else "<p>No one-sided exercises logged.</p>")
    return "\n".join(html)


def card_html(card: ExerciseCard, number: int) -> str:
    """A printable card: what it trains, the version and what it needs, the steps, the tips, the counts with
    where each number comes from, and the safety notes (the app's own marked as such)."""
    origin = "from the article" if card.version_from_article else "the app's step, not the article's"
    html = [f"<h3>{number}. {escape(card.name)}</h3>",
            f"<p>{escape(card.summary)} <i>Works: {escape(', '.join(card.works))}.</i></p>",
            f"<p><b>Version:</b> {escape(card.version_name)} ({escape(card.version_level)}; {origin}). "
            f"<b>Needs:</b> {escape(equipment_words(card.equipment))}.</p>",
            "<ol>" + "".join(f"<li>{escape(step)}</li>" for step in card.steps) + "</ol>"]
    if card.tips:
        html.append("<ul>" + "".join(f"<li>{escape(tip)}</li>" for tip in card.tips) + "</ul>")
    html.append(f"<p><b>Counts:</b> {escape(card.counts)} (" + "; ".join(
        f"{escape(line.text)}: <i>{escape(line.source)}</i>" for line in card.volume) + ")</p>")
    html += [f"<p>&#9888; {escape(a.text)}{'' if a.from_article else ' <i>(the app advises this)</i>'}</p>"
             for a in card.advice]
    return "\n".join(html)


def handout_html(items: list[PlannedExercise], catalog: Catalog, document: QTextDocument) -> str:
    """One card per exercise; its start and end figures are added to `document` as images, where they exist."""
    try:
        book = load_figures(catalog.exercises)
    except DataError:  # a damaged figures file: the cards go without pictures
        book = None
    html = [PAGE_BREAK, "<h1>Your programme</h1>"]
    for number, item in enumerate(items, start=1):
        html.append(card_html(build_card(item, catalog), number))
        if book is None:
            continue
        try:
            figure, props = book.get(item.exercise.id, item.progression.id)
        except KeyError:
            continue
        side = "left" if item.one_sided else None
        pictures = []
        for progress, word in ((0.0, "start"), (1.0, "end")):
            image = render_image(pose_at(figure, props, progress, side), extent(figure, props, side), *FIGURE_SIZE)
            url = f"figure:{item.exercise.id}/{word}"
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
            pictures.append(f"<td align='center'><img src='{url}'><br>{word}</td>")
        html.append(f"<table><tr>{''.join(pictures)}</tr></table>")
    return "\n".join(html)


def write_report(data: ReportData, items: list[PlannedExercise], catalog: Catalog, path: Path,
                 title: str = "HipFit progress report") -> None:
    """Write the PDF. Raises OSError when the file cannot be written."""
    ensure_gui()
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("HipFit")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setHtml(report_html(data, title) + handout_html(items, catalog, document))
    document.print_(writer)
    del writer  # the file is finished when the writer goes
    if not path.is_file() or path.stat().st_size == 0:
        raise OSError(f"cannot write {path}")


def write_report_files(log: HistoryLog, catalog: Catalog, settings: Settings, out: Path,
                       weeks: int = 6) -> tuple[Path, Path]:
    """FILE.pdf and FILE.csv (the same numbers) for the last `weeks` weeks; raises OSError if not written."""
    data = report_data(log, catalog, settings.weekly_target, date.today(), weeks)
    pdf, table = out.with_suffix(".pdf"), out.with_suffix(".csv")
    write_report(data, programme(catalog, settings), catalog, pdf)
    write_atomic(table, report_csv(data).encode("utf-8"))
    return pdf, table
