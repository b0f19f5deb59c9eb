"""Printer backends behind one interface (:class:`Printer`): CUPS, Qt QPrinter, PDF folder.

``make_printer`` picks one from the settings; nothing here imports Qt until the Qt backend
is actually used.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.adapters.printing.base import JobState, Media, Printer, PrinterError, PrinterInfo, PrinterState
from kiosk.settings import PRINTER_BACKENDS

BACKENDS = PRINTER_BACKENDS  # declared with the setting


def make_printer(backend: str, name: str = "", *, data_dir: Path | None = None) -> Printer:
    """The configured printer. ``pdf`` (the default) writes into ``paths.print_dir(data_dir)``."""
    if backend == "cups":
        from kiosk.adapters.printing.cups import CupsPrinter

        return CupsPrinter(name)
    if backend == "qt":
        from kiosk.adapters.printing.qt import QtPrinter

        return QtPrinter(name)
    if backend == "pdf":
        from kiosk import paths
        from kiosk.adapters.printing.pdf_folder import PdfFolderPrinter

        if name:
            return PdfFolderPrinter(Path(name))
        if data_dir is None:
            raise PrinterError("the PDF folder printer needs a data dir or a folder name")
        return PdfFolderPrinter(paths.print_dir(data_dir))
    raise PrinterError(f"unknown printer backend {backend!r}; choose one of: {', '.join(BACKENDS)}")


def list_printers() -> list[PrinterInfo]:
    """System printers (CUPS queues; on systems without lpstat, Qt's list)."""
    import shutil

    if shutil.which("lpstat"):
        from kiosk.adapters.printing.cups import list_printers as cups_list

        return cups_list()
    try:
        from kiosk.adapters.printing.qt import QtPrinter

        return QtPrinter().list_printers()
    except ImportError:
        return []


__all__ = ["BACKENDS", "JobState", "Media", "Printer", "PrinterError", "PrinterInfo", "PrinterState",
           "list_printers", "make_printer"]
