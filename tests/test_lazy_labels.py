"""The routine list shows at once however many user routines there are; their lengths follow in batches."""

from __future__ import annotations

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.qt.lazy_labels import BATCH
from hipfit_desktop.qt.picker_page import PickerPage
from hipfit_desktop.settings.model import Settings


def test_many_user_routines_are_listed_at_once_and_labelled_in_batches(qtbot, tmp_path):
    folder = tmp_path / "routines"
    folder.mkdir()
    body = "".join(f"  - id: r{i}\n    name: Routine {i}\n    exercises: [squat]\n" for i in range(60))
    (folder / "many.yaml").write_text("schema: 1\nroutines:\n" + body, encoding="utf-8")
    catalog = load_catalog(folder)
    page = PickerPage(catalog, Settings())
    qtbot.addWidget(page)
    texts = [page.routines.item(row).text() for row in range(page.routines.count())]
    assert len(texts) == len(catalog.routines) == 66
    assert all("\n" in text for text in texts[:BATCH])  # the built-ins and the first user routines: with length
    assert texts[-1] == "Routine 59"  # the last: its name only, for now
    assert page._labels.pending == 66 - BATCH
    qtbot.waitUntil(lambda: page._labels.pending == 0)
    last = page.routines.item(65).text()
    assert last.startswith("Routine 59\n") and "min" in last
