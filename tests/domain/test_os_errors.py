"""The system's words for an OSError, in the kiosk's language: French by errno, English as the C library
says it; carried through pickling and into the import's and the storage errors' sentences."""

from __future__ import annotations

import errno
import os
import pickle
from pathlib import Path

import pytest

from kiosk.domain.os_errors import _FRENCH, OsReason, os_reason, os_words
from kiosk.importing import ImportFileError, parse_registration_file
from kiosk.service.errors import StorageError, StorageKind


@pytest.mark.parametrize("code", sorted(_FRENCH))
def test_each_known_errno_has_french_words_and_english_keeps_the_systems(code: int) -> None:
    english = os.strerror(code)
    assert os_words(code, english, "en") == english
    french = os_words(code, english, "fr")
    assert french and french != english and french == french.strip() and french[0].islower()


def test_an_unknown_errno_keeps_the_systems_words_in_any_language() -> None:
    assert os_words(errno.EOVERFLOW, "Value too large", "fr") == "Value too large"
    assert os_words(None, "odd failure", "fr") == "odd failure"


def test_a_reason_is_the_english_text_and_survives_pickling() -> None:
    exc = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/media/usb/badges.pdf")
    reason = os_reason(exc, with_file=True)
    assert reason == f"/media/usb/badges.pdf: {os.strerror(errno.ENOSPC)}"  # logs and --json: English
    assert reason.message("fr") == "/media/usb/badges.pdf: plus de place sur le disque"
    again = pickle.loads(pickle.dumps(reason))
    assert isinstance(again, OsReason) and again.message("fr") == reason.message("fr") and again == reason
    assert os_reason(exc) == os.strerror(errno.ENOSPC)  # without the file: the sentence names it


def test_a_storage_error_from_the_disk_says_it_in_french() -> None:
    exc = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/data/kiosk.db-wal")
    error = StorageError.from_exception(exc, Path("/data/kiosk.db"))
    assert error is not None and error.kind is StorageKind.FULL
    assert error.reason("fr") == ("disque plein : libérez de la place (/data/kiosk.db — /data/kiosk.db-wal: "
                                  "plus de place sur le disque)")
    assert os.strerror(errno.ENOSPC) in error.reason("en") and os.strerror(errno.ENOSPC) in str(error)


def test_an_import_file_error_carries_the_errno_through_pickling(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "export.csv"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(ImportFileError) as caught:
            parse_registration_file(path)
    error = pickle.loads(pickle.dumps(caught.value))
    assert error.message("fr") == f"impossible de lire {path} : périphérique absent"
    assert str(error) == f"cannot read {path}: {os.strerror(errno.ENXIO)}"
