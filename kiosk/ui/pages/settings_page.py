"""Settings page: the fields of kiosk.settings.Settings, saved to the data dir with settings.save.

The printing fields live in their own section (settings_printing.py)."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk import settings as settings_mod
from kiosk.settings import Settings
from kiosk.ui.pages.settings_printing import PrintingSection
from kiosk.ui.widgets.plain_label import PlainLabel

log = logging.getLogger(__name__)

DECODERS = settings_mod.DECODERS


def camera_choices() -> list[tuple[str, str]]:
    """(source, label) for each camera the adapter finds; an empty list when none or no adapter."""
    try:
        from kiosk.adapters.camera import list_cameras
    except ImportError:
        return []
    try:
        found = list_cameras()
    except Exception:  # probing hardware must not break the settings page
        log.exception("listing cameras failed")
        return []
    choices = []
    for item in found:
        source = str(getattr(item, "source", getattr(item, "index", item)))
        label = str(getattr(item, "name", "") or getattr(item, "label", "") or source)
        choices.append((source, label))
    return choices


class SettingsPage(QWidget):
    saved = Signal(object)  # the new Settings

    def __init__(self, data_dir: Path, current: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("settings page")
        self.data_dir = data_dir
        self.current = current

        self.device = QLineEdit(current.device_name)
        self.device.setAccessibleName("device name")
        self.device.setPlaceholderText(current.device)
        self.camera = QComboBox()
        self.camera.setEditable(True)
        self.camera.setAccessibleName("camera source")
        line = self.camera.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("No camera: handheld scanner and typing only"))
        self.camera.setToolTip(self.tr("A camera number, a video file path or a stream URL"))
        self.refresh_cameras_button = QPushButton(self.tr("Find cameras"))
        self.refresh_cameras_button.setAccessibleName("find cameras")
        self.refresh_cameras_button.clicked.connect(self.refresh_cameras)
        camera_row = QHBoxLayout()
        camera_row.addWidget(self.camera, 1)
        camera_row.addWidget(self.refresh_cameras_button)
        self.decoder = QComboBox()
        self.decoder.setAccessibleName("decoder")
        for name in DECODERS:
            self.decoder.addItem(name, name)
        self.sounds = QCheckBox(self.tr("Play a sound for each verdict"))
        self.sounds.setAccessibleName("sounds")
        self.language = QComboBox()
        self.language.setAccessibleName("language")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.timeout = QDoubleSpinBox()
        self.timeout.setAccessibleName("verdict timeout")
        self.timeout.setRange(1.0, 60.0)
        self.timeout.setSingleStep(0.5)
        self.timeout.setSuffix(" s")
        self.printing = PrintingSection(data_dir)
        self.auto_print = self.printing.auto_print

        general = QGroupBox(self.tr("This kiosk"))
        form = QFormLayout(general)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(PlainLabel(self.tr("Kiosk name")), self.device)
        form.addRow(PlainLabel(self.tr("Camera")), camera_row)
        form.addRow(PlainLabel(self.tr("QR decoder")), self.decoder)
        form.addRow(PlainLabel(self.tr("Sounds")), self.sounds)
        form.addRow(PlainLabel(self.tr("Language")), self.language)
        form.addRow(PlainLabel(self.tr("Back to “ready” after")), self.timeout)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setAccessibleName("save settings")
        self.save_button.clicked.connect(self.save)
        self.status = PlainLabel()
        self.status.setAccessibleName("settings status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        note = PlainLabel(self.tr("The language applies at the next start; the other settings apply when saved."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(general, 1, Qt.AlignmentFlag.AlignTop)
        columns.addWidget(self.printing, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(columns)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.load(current)

    def load(self, current: Settings) -> None:
        self.current = current
        self.device.setText(current.device_name)
        self.camera.clear()
        self.camera.addItem(current.camera, current.camera)
        self.camera.setCurrentIndex(0)
        self.decoder.setCurrentIndex(max(0, self.decoder.findData(current.decoder)))
        self.sounds.setChecked(current.sounds)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language)))
        self.timeout.setValue(current.verdict_timeout_s)
        self.printing.load(current)

    def refresh_cameras(self) -> None:
        text = self.camera.currentText()
        self.camera.clear()
        for source, label in camera_choices():
            self.camera.addItem(f"{label} ({source})" if label != source else source, source)
        if self.camera.findData(text) < 0:
            self.camera.insertItem(0, text, text)
        self.camera.setCurrentIndex(max(0, self.camera.findData(text)))

    def camera_source(self) -> str:
        text = self.camera.currentText().strip()
        data = self.camera.currentData()
        index = self.camera.findText(text)
        return str(data) if data is not None and index == self.camera.currentIndex() else text

    def values(self) -> Settings:
        general = replace(
            self.current, device_name=self.device.text().strip(), camera=self.camera_source(),
            decoder=str(self.decoder.currentData()), sounds=self.sounds.isChecked(),
            language=str(self.language.currentData()), verdict_timeout_s=float(self.timeout.value()),
        )
        return self.printing.values(general)

    def save(self) -> None:
        new = self.values()
        settings_mod.save(self.data_dir, new)
        self.current = new
        self.status.setText(self.tr("Saved."))
        self.saved.emit(new)
