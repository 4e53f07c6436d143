"""How the session page looks from the floor: phase colours anyone can tell apart and read, nothing clipped on a
1024×600 screen, the hero number the biggest thing on the page."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QPushButton

from hipfit_desktop.qt.hold_bar import HoldBar
from hipfit_desktop.qt.main_window import MainWindow
from hipfit_desktop.qt.theme import DARK_PHASE_COLOURS, PHASE_COLOURS, SIDE_COLOURS, contrast_ratio, phase_colours
from hipfit_desktop.workout.plan import PHASE_WORDS
from tests.window_driving import reach

TABLES = {"light": PHASE_COLOURS, "dark": DARK_PHASE_COLOURS}
# Viénot, Brettel & Mollon (1999): how linear RGB looks with no working L (protan) or M (deutan) cones.
SEEN_BY = {
    "typical": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protan": ((0.11238, 0.88762, 0), (0.11238, 0.88762, 0), (0.00401, -0.00401, 1)),
    "deutan": ((0.29275, 0.70725, 0), (0.29275, 0.70725, 0), (-0.02234, 0.02234, 1)),
}
APART = 30  # sRGB distance (0-255 a channel) every two bands keep, whoever looks


def as_seen(colour: str, matrix) -> tuple[float, ...]:  # type: ignore[no-untyped-def]
    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    def encoded(v: float) -> float:
        v = min(1.0, max(0.0, v))
        return 255 * (12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055)

    c = QColor(colour)
    rgb = (linear(c.redF()), linear(c.greenF()), linear(c.blueF()))
    return tuple(encoded(sum(m * v for m, v in zip(row, rgb, strict=True))) for row in matrix)


@pytest.mark.parametrize("palette", sorted(TABLES))
@pytest.mark.parametrize("phase", sorted(PHASE_COLOURS))
def test_every_phase_word_reads_on_its_band_at_wcag_aa(palette, phase):
    background, text = phase_colours(phase, dark=palette == "dark")
    assert contrast_ratio(background, text) >= 4.5


def test_every_phase_the_session_can_show_has_its_own_colour():
    assert set(PHASE_WORDS.values()) | {"GO", "STRETCH", "PAUSED"} == set(PHASE_COLOURS) == set(DARK_PHASE_COLOURS)


@pytest.mark.parametrize("palette", sorted(TABLES))
@pytest.mark.parametrize("vision", sorted(SEEN_BY))
def test_no_two_phases_look_alike_with_typical_or_red_green_colour_blind_vision(palette, vision):
    """UP and YOUR PACE, HOLD and STRETCH, REST and DONE used to share a colour; now every pair differs."""
    table = TABLES[palette]
    for a, b in itertools.combinations(table, 2):
        seen_a, seen_b = (as_seen(table[p][0], SEEN_BY[vision]) for p in (a, b))
        distance = sum((x - y) ** 2 for x, y in zip(seen_a, seen_b, strict=True)) ** 0.5
        assert distance >= APART, (a, b)


@pytest.mark.parametrize("palette", sorted(TABLES))
def test_go_is_green_never_red(palette):
    hue = QColor(TABLES[palette]["GO"][0]).hslHue()
    assert 90 <= hue <= 180


def test_the_side_badges_are_black_and_white():
    for background, text in SIDE_COLOURS.values():
        assert contrast_ratio(QColor(background), QColor(text)) == pytest.approx(21)


def test_the_rest_bar_has_no_unlabelled_zone_and_its_captions_take_the_bands_text_colour(qtbot):
    """A mark's caption over the yellow get-ready fill is black, over the blue DOWN fill white."""
    bar = HoldBar()
    qtbot.addWidget(bar)
    background, text = phase_colours("GET READY")
    bar.set_progress(0.6, (0.5,), background, ("halfway",), text)
    assert bar._text_colour == QColor("#000000") and not hasattr(bar, "_final_from")
    bar.resize(400, 30)
    image = bar.grab().toImage()
    greys = {image.pixelColor(x, 15).name() for x in range(0, 400, 4)}
    assert QColor(bar.palette().color(QPalette.ColorRole.Mid)).name() not in greys


def test_a_caption_near_the_bar_s_end_is_drawn_before_its_mark_not_cut_off(qtbot):
    bar = HoldBar()
    qtbot.addWidget(bar)
    background, text = phase_colours("STRETCH")
    bar.set_progress(0.0, (0.95,), background, ("30 s left",), text)
    bar.resize(400, 30)
    image = bar.grab().toImage()
    ink = bar.palette().color(QPalette.ColorRole.WindowText).name()
    inked = [x for x in range(0, 372) for y in range(5, 25) if image.pixelColor(x, y).name() == ink]
    assert inked and min(inked) > 250  # the words sit just before the mark at x = 380


def test_captions_of_close_marks_never_overlap_and_stay_inside_the_bar(qtbot):
    """A shortened couch stretch puts "halfway" and "30 s left" close together: the words must not overprint."""
    bar = HoldBar()
    qtbot.addWidget(bar)
    bar.set_progress(0.0, (0.55, 0.83), captions=("halfway", "30 s left"))
    area = QRectF(0, 0, 750, 60)
    font = QFont()
    font.setPixelSize(33)
    places = bar.caption_places(area, QFontMetrics(font))
    shown = [rect for _x, _caption, rect in places if rect is not None]
    assert len(shown) == 2
    assert all(area.contains(rect) for rect in shown)
    assert not shown[0].intersects(shown[1])


# --- the page at its smallest and largest -----------------------------------------------------------------

@pytest.fixture
def window(qtbot, catalog, clock):
    w = MainWindow(catalog, clock=clock, ask=lambda *_: True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


MOMENTS = {
    "guided rep": ("day-a", lambda s: s.segment.kind == "hold"),
    "rest with the steps": ("day-a", lambda s: s.segment.kind == "rest" and s.segment.set == 2),
    "own pace, left": ("band-day", lambda s: s.segment.kind.startswith("self_paced")),
    "switch sides": ("band-day", lambda s: s.segment.kind == "switch_sides"),
}


@pytest.mark.parametrize("moment", sorted(MOMENTS))
def test_at_1000_by_560_nothing_on_the_session_page_is_clipped(qtbot, window, clock, moment):
    routine, done = MOMENTS[moment]
    window.start_routine(routine)
    reach(window, clock, done)
    page = window.session_page
    window.resize(1000, 560)
    qtbot.waitUntil(lambda: window.width() == 1000)
    assert window.minimumSizeHint().width() <= 1000 and window.minimumSizeHint().height() <= 560
    for widget in page.findChildren(QLabel) + page.findChildren(QPushButton):
        if not widget.isVisibleTo(page) or not widget.text():
            continue
        hint = widget.minimumSizeHint()
        needed = widget.heightForWidth(widget.width()) if widget.hasHeightForWidth() else hint.height()
        assert widget.height() >= needed and widget.width() >= hint.width(), (moment, widget.accessibleName())
        assert page.rect().contains(widget.geometry().translated(widget.parentWidget().mapTo(page, widget.pos())
                                                                 - widget.pos())), widget.accessibleName()
    hero = page.hero.text_font().pixelSize()
    others = [w.font().pixelSize() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]
    assert hero > max(others), "the hero number is the biggest text on the page"


def test_the_moving_figure_has_a_large_area_beside_the_hero(qtbot, window, clock):
    window.start_routine("day-a")
    reach(window, clock, lambda s: s.segment.kind == "hold")
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    page = window.session_page
    area, hero = page.figure_area, page.hero
    assert page.figure is not None and page.figure.parent() is area
    assert area.width() >= 0.35 * page.width() and area.height() >= 0.4 * page.height()
    assert area.geometry().right() < hero.mapTo(page, hero.rect().topLeft()).x()  # beside it, on the left


def test_the_side_badges_border_is_the_pages_text_colour_after_either_side(qtbot):
    """RIGHT is white: on a light page only its border makes it a badge, also after LEFT's white text."""
    from PySide6.QtWidgets import QWidget

    from hipfit_desktop.qt.side_badge import SideBadge

    page = QWidget()
    qtbot.addWidget(page)
    badge = SideBadge(page)
    ink = page.palette().color(QPalette.ColorRole.WindowText).name()
    for side in ("LEFT", "RIGHT", "LEFT"):
        badge.show_side(side)
        assert f"border:4px solid {ink}" in badge.styleSheet()
    badge.show_side(None)
    assert badge.isHidden()
