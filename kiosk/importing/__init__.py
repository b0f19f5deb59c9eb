"""Parsing of organisers' registration exports (CSV/TSV/xlsx) into clean records.

Pure parsing: no database, no Qt.  Entry point: :func:`parse_registration_file`.
"""

from kiosk.importing.columns import FIELDS, parse_map_option
from kiosk.importing.reader import ImportFileError
from kiosk.importing.records import (
    ImportRecord,
    ParsedFile,
    SkippedRow,
    parse_registration_file,
    split_full_name,
)

__all__ = [
    "FIELDS",
    "ImportFileError",
    "ImportRecord",
    "ParsedFile",
    "SkippedRow",
    "parse_map_option",
    "parse_registration_file",
    "split_full_name",
]
