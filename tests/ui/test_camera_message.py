"""The sentence over a camera preview is whole, even on the walk-in screen's small preview: wrapped
and made smaller until it fits, never cut at both ends ('…méra trouvée : utilisez la')."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets.camera_view import _MESSAGE_FLAGS, CameraView

LONG = "Aucune caméra trouvée : utilisez la douchette"


@pytest.mark.parametrize("size", [(240, 135), (480, 270), (960, 540)])
def test_the_whole_message_fits_the_preview(qtbot: QtBot, size: tuple[int, int]) -> None:
    view = CameraView()
    qtbot.addWidget(view)
    view.setFixedSize(*size)
    view.set_message(LONG)
    font, band = view.message_layout()
    inner = band.toRect().adjusted(6, 0, -6, 0)
    need = QFontMetrics(font).boundingRect(QRect(0, 0, inner.width(), 10_000), _MESSAGE_FLAGS, LONG)
    assert need.width() <= inner.width() and need.height() <= band.height()
    assert band.bottom() <= size[1] and band.top() >= 0
    assert font.pointSize() >= 8
    view.show()
    assert not view.grab().isNull()  # and it paints


def test_a_short_message_keeps_the_large_type(qtbot: QtBot) -> None:
    view = CameraView()
    qtbot.addWidget(view)
    view.setFixedSize(960, 540)
    view.set_message("Caméra perdue")
    font, band = view.message_layout()
    assert font.pointSize() == 16 and band.height() == 56
