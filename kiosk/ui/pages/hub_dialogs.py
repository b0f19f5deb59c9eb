"""The hub from the window: the organiser connects it once (address, login, password — tested, made a
hub when the database is empty), adds a door (its own hub login, shown as a QR code and a code to
type), and a new laptop joins an evening by reading that code with a handheld scanner or a paste.
Everything that talks to PostgreSQL runs on a worker; errors are one plain line in the dialog."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kiosk.service.jobs import add_door_in_thread, join_in_thread
from kiosk.service.pairing import HubAccess, hub_url_with_password, read, remember_hub, try_hub
from kiosk.ui.background import TaskRunner
from kiosk.ui.wedge_filter import READS_SCANS

if TYPE_CHECKING:
    from kiosk.domain.pairing import Pairing
    from kiosk.service import Kiosk

ERROR_STYLE = "color: #b3261e;"


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _first_line(error: object) -> str:
    text = str(error)
    return text.splitlines()[0][:300] if text else type(error).__name__


class ConnectHubDialog(QDialog):
    """Kiosk → Connect the hub…: on success ``connected`` carries the URL to sync with (no password)."""

    connected = Signal(str)

    def __init__(self, kiosk: Kiosk, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kiosk, self._runner = kiosk, runner
        self._url: str | None = None
        self._needs_init = False
        self.setWindowTitle(self.tr("Connect the hub"))
        self.setMinimumWidth(560)
        self.host, self.database, self.user = QLineEdit(), QLineEdit("kiosk"), QLineEdit("kiosk")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Hub address"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("Administrator login"), self.user)
        form.addRow(self.tr("Password"), self.password)
        self.status = _plain(self.tr("The hub's address and its administrator login, as set up on the hub "
                                     "(kiosk keeps the password in a private file of this laptop)."))
        self.go = QPushButton(self.tr("Connect"))
        self.go.setDefault(True)
        self.go.clicked.connect(self.attempt)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.go, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def attempt(self) -> None:
        """Try the hub (or make it one, after the organiser said so) on the runner."""
        try:
            url = hub_url_with_password(self._kiosk, self.host.text().strip(), self.port.value(),
                                        self.database.text().strip(), self.user.text().strip(), self.password.text())
        except Exception as exc:
            self._said(_first_line(exc), error=True)
            return
        init = self._needs_init
        self.go.setEnabled(False)
        self._said(self.tr("Preparing the hub…") if init else self.tr("Connecting…"))
        self._runner.start(lambda _progress: try_hub(url, init=init), "connect hub", on_done=self._tried,
                           on_failed=lambda error: self._said(_first_line(error), error=True),
                           on_finished=lambda: self.go.setEnabled(True))

    def _tried(self, access: object) -> None:
        if not isinstance(access, HubAccess):
            return
        if access.schema == 0 or access.schema < access.latest:
            self._needs_init = True
            self.go.setText(self.tr("Prepare this hub"))
            self._said(self.tr("This database is not a kiosk hub yet (or an older one). Prepare it? Nothing "
                               "already in it is lost.") if access.schema else
                       self.tr("This database is empty. Make it this evening's hub?"))
            return
        if access.schema > access.latest:
            self._said(self.tr("This hub is newer than this kiosk: update kiosk on this laptop."), error=True)
            return
        remember_hub(self._kiosk, access.url)
        self._url = access.url
        self.connected.emit(access.url)
        self.accept()

    def _said(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")


class AddDoorDialog(QDialog):
    """Kiosk → Add a door…: a hub login for one door laptop, shown as a QR code and as text."""

    def __init__(self, kiosk: Kiosk, admin_url: str, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kiosk, self._url, self._runner = kiosk, admin_url, runner
        self.pairing: Pairing | None = None
        self.setWindowTitle(self.tr("Add a door"))
        self.setMinimumWidth(760)
        self.name = QLineEdit(self.tr("Door 2"))
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("as the doors reach the hub (leave empty: the same as here)"))
        form = QFormLayout()
        form.addRow(self.tr("Door name"), self.name)
        form.addRow(self.tr("Hub address for the doors"), self.host)
        self.status = _plain(self.tr("The door gets a hub login of its own, which can be revoked if the "
                                     "laptop is lost."))
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code = QPlainTextEdit()
        self.code.setReadOnly(True)
        self.code.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)  # one long token: wrap it anywhere
        self.code.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.code.setFixedHeight(150)
        self.code.hide()
        self.copy = QPushButton(self.tr("Copy the code"))
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.code.toPlainText()))
        self.copy.hide()
        self.make_button = QPushButton(self.tr("Create the door's login"))
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        beside = QVBoxLayout()  # the instructions and the code beside the QR code: fits 1280x720
        beside.addWidget(self.status)
        beside.addWidget(self.code)
        beside.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(beside, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)

    def make(self) -> None:
        kiosk_dir, device, url = self._kiosk.data_dir, self._kiosk.device_name, self._url
        name, host = self.name.text(), self.host.text().strip() or None
        if kiosk_dir is None:
            return
        self.make_button.setEnabled(False)
        self.status.setText(self.tr("Creating the door's login…"))
        self.status.setStyleSheet("")
        self._runner.start(lambda _progress: add_door_in_thread(kiosk_dir, device, url, name, host), "add door",
                           on_done=self._made, on_failed=self._failed)

    def _failed(self, error: object) -> None:
        self.status.setText(_first_line(error))
        self.status.setStyleSheet(ERROR_STYLE)
        self.make_button.setEnabled(True)

    def _made(self, pairing: object) -> None:
        from kiosk.domain.pairing import Pairing

        if not isinstance(pairing, Pairing):
            return
        self.pairing = pairing
        text = pairing.text()
        image = qr_pixmap(text, box=4)
        self.qr.setPixmap(image)
        self.qr.setMinimumSize(image.size())  # never squeezed: a cut quiet zone makes it unreadable
        self.code.setPlainText(text)
        self.code.show()
        self.copy.show()
        self.make_button.hide()
        self.name.setReadOnly(True)
        self.status.setText(self.tr("On the door's laptop: Kiosk → Join an evening, then read this QR code "
                                    "with the handheld scanner, or paste the code. Show it to that door only: "
                                    "it holds the door's password."))
        self.adjustSize()  # room for the QR code and the instructions


def qr_pixmap(text: str, box: int = 6) -> QPixmap:
    """The text as a QR code image (qrcode draws it; Qt only shows the PNG)."""
    import qrcode

    image = qrcode.make(text, box_size=box, border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    out = io.BytesIO()
    image.save(out)
    pixmap = QPixmap()
    pixmap.loadFromData(out.getvalue(), "PNG")
    return pixmap


class JoinEveningDialog(QDialog):
    """Kiosk → Join an evening…: the pairing code read by the handheld scanner (it types into the field
    and presses Enter) or pasted; the join runs on a worker and says how many guests came."""

    joined = Signal(object)  # the service's Joined

    def __init__(self, data_dir: Path, device: str, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir, self._device, self._runner = data_dir, device, runner
        self.setWindowTitle(self.tr("Join an evening"))
        self.setMinimumWidth(560)
        self.setProperty(READS_SCANS, True)  # the scanner types the pairing code into this dialog's field
        self.code = QLineEdit()
        self.code.setPlaceholderText("kiosk-pair:1:…")
        self.code.returnPressed.connect(self.attempt)
        self.status = _plain(self.tr("Hold the QR code the organiser shows up to the camera, or read it with the "
                                     "handheld scanner, or paste the code and press Enter."))
        self._offered = ""
        self.go = QPushButton(self.tr("Join"))
        self.go.setDefault(True)
        self.go.clicked.connect(self.attempt)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.go, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.code)
        layout.addWidget(buttons)
        self.code.setFocus()

    def offer(self, text: str) -> None:
        """A code the door's camera decoded while this dialog is open: tried once, as if typed."""
        if not self.go.isVisible() or not self.go.isEnabled() or text == self._offered:
            return
        self._offered = text
        self.code.setText(text)
        self.attempt()

    def attempt(self) -> None:
        try:
            pairing = read(self.code.text())
        except Exception as exc:
            self._said(self.tr("This is not a pairing code: %1").replace("%1", _first_line(exc)), error=True)
            return
        data_dir, device = self._data_dir, self._device
        self.go.setEnabled(False)
        self._said(self.tr("Joining the evening: receiving the guests…"))
        self._runner.start(lambda _progress: join_in_thread(data_dir, device, pairing), "join", on_done=self._done,
                           on_failed=lambda error: self._said(_first_line(error), error=True),
                           on_finished=lambda: self.go.setEnabled(True))

    def _done(self, joined: object) -> None:
        name, guests = getattr(joined, "event_name", ""), getattr(joined, "guests", 0)
        self._said(self.tr("Joined %1: %2 guests.").replace("%1", str(name)).replace("%2", str(guests)))
        self.go.hide()
        self.joined.emit(joined)

    def _said(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")
