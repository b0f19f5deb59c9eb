"""An operating-system error in the kiosk's language. The C library's message ("Permission denied",
"No space left on device") is English whatever the kiosk speaks; the errors a person at a door can
meet (a file they may not read, a USB stick pulled out, a full disk) are worded here in French, by
errno. English keeps the system's own words.

Pure: no Qt, no I/O, like kiosk/domain/messages.py.
"""

from __future__ import annotations

import errno
from typing import Any

__all__ = ["OsReason", "os_reason", "os_words"]

# errno -> French. Only errors a user can act on; any other keeps the system's (English) words.
_FRENCH: dict[int, str] = {
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.EACCES: "permission refusée",
    errno.EPERM: "opération non permise",
    errno.EISDIR: "c'est un dossier",
    errno.ENOTDIR: "une partie du chemin n'est pas un dossier",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EDQUOT: "quota de disque dépassé",
    errno.EROFS: "support en lecture seule",
    errno.EIO: "erreur d'entrée-sortie (disque ou clé USB retiré ?)",
    errno.ENXIO: "périphérique absent",
    errno.ENODEV: "périphérique absent",
    errno.ENAMETOOLONG: "nom de fichier trop long",
    errno.EEXIST: "existe déjà",
    errno.EMFILE: "trop de fichiers ouverts",
    errno.ENFILE: "trop de fichiers ouverts",
    errno.EBUSY: "ressource occupée",
    errno.ETXTBSY: "fichier occupé",
    errno.ELOOP: "trop de liens symboliques",
    errno.EFBIG: "fichier trop gros",
    errno.ENOTEMPTY: "dossier non vide",
    errno.EXDEV: "déplacement impossible d'un disque à un autre",
}


class OsReason(str):
    """The system's words for an OSError (a ``str``: logs and ``--json`` keep them), with its errno, so
    an edge words it in its language with ``message(lang)``; ``where`` (a file name and ": ") leads."""

    errno: int | None
    words: str
    where: str

    def __new__(cls, words: str, code: int | None, where: str = "") -> OsReason:
        self = super().__new__(cls, where + words)
        self.errno, self.words, self.where = code, words, where
        return self

    def message(self, lang: str) -> str:
        return self.where + os_words(self.errno, self.words, lang)

    def __reduce__(self) -> tuple[Any, ...]:  # str's own pickling would drop the errno
        return OsReason, (self.words, self.errno, self.where)


def os_reason(exc: OSError, *, with_file: bool = False) -> OsReason:
    """What went wrong; the file name leads only ``with_file`` (most sentences name the file already)."""
    where = f"{exc.filename}: " if with_file and exc.filename else ""
    return OsReason(exc.strerror or str(exc) or type(exc).__name__, exc.errno, where)


def os_words(code: int | None, english: str, lang: str) -> str:
    """``english`` (the system's words for errno ``code``) in ``lang``; as it is when not known."""
    if lang == "fr" and code is not None:
        return _FRENCH.get(code, english)
    return english
