"""One type scale for every page: sizes follow the page's height, keep their order, never drop below the
desktop's own font, and the pages use them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontInfo

from hipfit_desktop.qt.history_page import HistoryPage
from hipfit_desktop.qt.picker_page import PickerPage
from hipfit_desktop.qt.summary_page import SummaryPage
from hipfit_desktop.qt.type_scale import RATIOS, scale_for_height
from hipfit_desktop.settings.model import Settings


def test_text_grows_with_the_page_from_a_netbook_to_4k():
    small, laptop, big = (scale_for_height(h, floor_px=10) for h in (560, 768, 2160))
    assert small.px("body") < laptop.px("body") < big.px("body")
    assert 12 <= small.px("body") <= 16  # readable at a desk on a 1024x600 screen
    assert big.px("body") >= 40  # 4K fullscreen: still readable from the mat


@pytest.mark.parametrize("height", [200, 560, 768, 1080, 2160])
def test_the_named_sizes_keep_their_order_and_the_hero_is_biggest(height):
    scale = scale_for_height(height, floor_px=10)
    sizes = [scale.px(role) for role in sorted(RATIOS, key=RATIOS.get)] + [scale.px("hero")]
    assert sizes == sorted(sizes)
    assert len(set(sizes)) == len(sizes)  # every step is a visible step
    gaps = [scale.gap(g) for g in ("tight", "gap", "section")]
    assert gaps == sorted(gaps) and gaps[0] < gaps[-1]


def test_a_tiny_window_never_goes_below_the_desktop_font():
    assert scale_for_height(100, floor_px=15).px("body") == 15


def _pixel_size(widget):
    return QFontInfo(widget.font()).pixelSize()


@pytest.mark.parametrize("make", ["picker", "summary", "history"])
def test_each_page_takes_its_sizes_from_the_scale_and_follows_its_height(qtbot, catalog, make):
    page = {"picker": lambda: PickerPage(catalog, Settings()), "summary": SummaryPage,
            "history": lambda: HistoryPage(catalog)}[make]()
    qtbot.addWidget(page)
    page.resize(1000, 560)
    page.show()
    small = scale_for_height(560)
    assert _pixel_size(page) == small.px("body")
    page.resize(1920, 2000)
    big = scale_for_height(2000)
    assert _pixel_size(page) == big.px("body") > small.px("body")
