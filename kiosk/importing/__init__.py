"""Parsing of organisers' registration exports (CSV/TSV/xlsx) into clean records.

Pure parsing: no database, no Qt.  Entry point: :func:`parse_registration_file`. Errors, skipped rows and
warnings are keyed sentences (:mod:`kiosk.importing.messages`) that the CLI and the window word.
"""

from kiosk.importing.columns import FIELDS, parse_map_option
from kiosk.importing.messages import Sentence, identity_words, import_message, worded
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
    "Sentence",
    "SkippedRow",
    "identity_words",
    "import_message",
    "parse_map_option",
    "parse_registration_file",
    "split_full_name",
    "worded",
]
