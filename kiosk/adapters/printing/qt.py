"""Qt QPrinter backend: the cross-platform path (Windows, macOS) to the system's printers.

Qt cannot print a PDF file as such, so each page is rasterised (300 dpi) and painted on the
QPrinter. Rasteriser, in order: QtPdf (``PySide6-Addons``; PySide6-Essentials lacks it), then
poppler's ``pdftoppm`` when on PATH. Qt is imported lazily: nothing here loads Qt until used.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import Any

from kiosk.adapters.printing.base import JobState, Media, PrinterError, PrinterInfo, PrinterState

DPI = 300


def _pages_qtpdf(pdf_path: str, media: Media) -> list[Any] | None:
    try:
        from PySide6.QtCore import QSize
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    doc = QPdfDocument()
    doc.load(pdf_path)
    size = QSize(round(media.width_mm / 25.4 * DPI), round(media.height_mm / 25.4 * DPI))
    return [doc.render(i, size) for i in range(doc.pageCount())]


def _pages_pdftoppm(pdf_path: str) -> list[Any] | None:
    tool = shutil.which("pdftoppm")
    if tool is None:
        return None
    from PySide6.QtGui import QImage

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([tool, "-png", "-r", str(DPI), pdf_path, str(Path(tmp) / "page")], check=True,
                       capture_output=True, timeout=60)
        return [QImage(str(p)) for p in sorted(Path(tmp).glob("page*.png"))]


class QtPrinter:
    backend = "qt"

    def __init__(self, name: str = "") -> None:
        self._name = name
        self._app: Any = None

    @property
    def name(self) -> str:
        return self._name or self._default_name()

    @staticmethod
    def _default_name() -> str:
        from PySide6.QtPrintSupport import QPrinterInfo

        return str(QPrinterInfo.defaultPrinter().printerName())

    def _info(self) -> Any:
        from PySide6.QtPrintSupport import QPrinterInfo

        info = QPrinterInfo.printerInfo(self._name) if self._name else QPrinterInfo.defaultPrinter()
        return None if info.isNull() else info

    def submit(self, pdf_path: str, media: Media, title: str = "") -> str:
        from PySide6.QtCore import QRectF, QSizeF
        from PySide6.QtGui import QGuiApplication, QPageSize, QPainter
        from PySide6.QtPrintSupport import QPrinter

        if QGuiApplication.instance() is None:  # the CLI: Qt printing needs an application object
            self._app = QGuiApplication([])
        info = self._info()
        if info is None:
            raise PrinterError(f"printer {self._name or '(default)'} not found")
        pages = _pages_qtpdf(pdf_path, media) or _pages_pdftoppm(pdf_path)
        if not pages:
            raise PrinterError("cannot rasterise the PDF: install PySide6-Addons (QtPdf) or poppler")
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title or Path(pdf_path).stem)
        size = QPageSize(QSizeF(media.width_mm, media.height_mm), QPageSize.Unit.Millimeter, media.name or "")
        printer.setPageSize(size)
        printer.setFullPage(True)  # paint from the paper's corner: the PDF already has its margins
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterError(f"printer {self.name} refused the job")
        try:
            for i, image in enumerate(pages):
                if i:
                    printer.newPage()
                target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
                painter.drawImage(target, image)
        finally:
            painter.end()
        return f"qt-{uuid.uuid4()}"

    def status(self) -> PrinterState:
        try:
            info = self._info()
        except ImportError as exc:
            return PrinterState(False, False, False, f"Qt printing unavailable: {exc}")
        if info is None:
            return PrinterState(False, False, False, f"printer {self._name or '(default)'} not found")
        from PySide6.QtPrintSupport import QPrinter

        if info.state() == QPrinter.PrinterState.Error:
            return PrinterState(False, True, False, f"printer {info.printerName()} reports an error")
        return PrinterState(True, True, False, "")

    def job_state(self, job_id: str) -> JobState:  # noqa: ARG002 (the Printer interface)
        return JobState.COMPLETED  # QPrinter hands the job to the spooler synchronously

    def find_job(self, title: str) -> tuple[str, JobState] | None:  # noqa: ARG002 (the Printer interface)
        return None  # Qt exposes no job list: a job interrupted mid-submit is printed again

    def list_printers(self) -> list[PrinterInfo]:
        from PySide6.QtPrintSupport import QPrinterInfo

        default = QPrinterInfo.defaultPrinterName()
        return [PrinterInfo(str(p.printerName()), p.printerName() == default, str(p.state().name))
                for p in QPrinterInfo.availablePrinters()]
