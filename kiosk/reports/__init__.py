"""Printable A4 documents for organisers: the evacuation list and the after-event report (reportlab).

Imported only by the commands and buttons that write them, so headless commands stay light."""
