"""The import's sentences, French first, English second: file errors, skipped rows, encoding warnings
and the importer's own refusals. The parser and the importer hand out keys and values; the edges (CLI,
window) word them in their language. English is also what ``str()``, the logs and ``--json`` get.

Pure: no Qt, no I/O (like kiosk/domain/messages.py), so the parser, the service and both edges share it.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from typing import Any

from kiosk.domain.os_errors import OsReason

__all__ = [
    "IMPORT_MESSAGES",
    "MAX_LISTED",
    "SAMPLE_VALUES",
    "Sentence",
    "changes_lines",
    "correction_line",
    "identity_words",
    "import_message",
    "worded",
]

_SAVE_AS = {"fr": "enregistrez-le en .xlsx ou en CSV", "en": "save it as .xlsx or CSV"}
_EXPORT = {"fr": "exportez les inscriptions en CSV ou en .xlsx", "en": "export the registrations as CSV or .xlsx"}

IMPORT_MESSAGES: dict[str, dict[str, str]] = {
    "fr": {
        # --- the file itself (kiosk/importing/reader.py)
        "empty_file": "fichier vide",
        "file_not_found": "fichier introuvable : {path}",
        "is_a_folder": "{path} est un dossier, pas un fichier",
        "not_a_regular_file": "{path} n'est pas un fichier ordinaire (un tube ou un périphérique ?) ; "
                              "exportez d'abord vers un fichier",
        "file_too_large": "fichier trop volumineux ({size_mb:.0f} Mo, la limite est de {limit_mb} Mo)",
        "file_too_large_limit": "fichier trop volumineux (la limite est de {limit_mb} Mo)",
        "cannot_read": "impossible de lire {path} : {reason}",
        "pdf_file": f"les fichiers PDF ne s'importent pas ; {_EXPORT['fr']}",
        "image_file": f"les images ne s'importent pas ; {_EXPORT['fr']}",
        "binary_file": f"fichier binaire non pris en charge ; {_EXPORT['fr']}",
        "compressed_file": "fichier compressé ({kind}) ; extrayez-le d'abord",
        "database_file": f"les fichiers de base de données ne s'importent pas ; {_EXPORT['fr']}",
        "encrypted_excel": "les fichiers Excel protégés par mot de passe ne sont pas pris en charge ; "
                           f"retirez le mot de passe ou {_SAVE_AS['fr']}",
        "html_page": "c'est une page HTML, pas un tableur ; ouvrez-la dans Excel et enregistrez-la en .xlsx "
                     "ou en CSV",
        "excel_2003_xml": f"les classeurs XML d'Excel 2003 ne sont pas pris en charge ; {_SAVE_AS['fr']}",
        "xml_file": f"les fichiers XML ne sont pas pris en charge ; {_SAVE_AS['fr']}",
        "rtf_file": f"les documents RTF ne s'importent pas ; {_SAVE_AS['fr']}",
        "bad_zip": f"fichier zip endommagé ou non pris en charge ; {_EXPORT['fr']}",
        "zip_bomb": "le classeur ferait {inflated_mb:,.0f} Mo une fois décompressé (la limite est de "
                    f"{{limit_mb}} Mo) : fichier endommagé ou malveillant ; {_SAVE_AS['fr']}",
        "xlsb": f"les classeurs binaires Excel (.xlsb) ne sont pas pris en charge ; {_SAVE_AS['fr']}",
        "word_document": f"les documents de traitement de texte ne s'importent pas ; {_SAVE_AS['fr']}",
        "zip_archive": "les archives zip ne s'importent pas ; extrayez d'abord le fichier CSV ou .xlsx",
        "bad_encoding": "le fichier se dit en {encoding} mais ne peut pas être décodé",
        "unknown_encoding": "fichier binaire non pris en charge ou encodage de texte inconnu ; "
                            "exportez en CSV (UTF-8) ou en .xlsx",
        "too_many_rows": "ligne {line} : trop de lignes (la limite est de {limit:,})",
        "too_many_columns": "ligne {line} : trop de colonnes ({count}, la limite est de {limit})",
        "value_too_long_csv": "ligne {line} : une valeur dépasse {limit:,} caractères "
                              "(un guillemet \" non refermé dans le fichier ?)",
        "needs_calamine": "lire les tableurs demande le paquet python-calamine",
        "cannot_read_workbook": "impossible de lire le fichier {kind} : {detail}",
        "no_sheet": "le classeur n'a aucune feuille",
        # --- header, sheets and rows (kiosk/importing/records.py)
        "no_name_column": "aucune colonne de prénom, de nom ou de nom complet ; les en-têtes sont : "
                          "{headers:columns}",
        "mapped_column_missing": "la colonne « {column} » de la correspondance des colonnes n'est pas dans "
                                 "le fichier ; les en-têtes sont : {headers:columns}",
        "no_registrations": "le fichier a une ligne d'en-tête mais aucune inscription : rien à importer",
        "no_registrations_in_sheet": "le fichier a une ligne d'en-tête mais aucune inscription (feuille "
                                     "« {sheet} ») : rien à importer",
        "sheet_option_for_csv": "--sheet ne sert que pour les classeurs (xlsx, xls, ods) ; ce fichier est "
                                "un CSV",
        "no_such_sheet": "pas de feuille « {sheet} » dans le classeur ; les feuilles sont : {sheets}",
        "no_sheet_with_names": "aucune feuille n'a de colonne de prénom, de nom ou de nom complet ; "
                               "les feuilles sont : {sheets}",
        "several_sheets": "plusieurs feuilles contiennent des noms ({sheets}) : choisissez-en une avec "
                          "--sheet NOM",
        "duplicate_ticket_code": "code de billet « {code} » en double, lignes {first} et {line}",
        "repeated_ticket_codes": "la colonne « {column} » donne les codes de billet, mais des codes y "
                                 "reviennent pour plusieurs personnes : {repeats:repeats} ; chaque invité·e doit "
                                 "avoir le sien (si c'est une référence de commande, ignorez la colonne : "
                                 "--map \"{column}=ignore\")",
        "value_too_long": "ligne {line} : la valeur de la colonne « {column} » dépasse {limit:,} caractères",
        # --- the column mapping, --map (kiosk/importing/columns.py)
        "invalid_field": "champ « {field} » invalide pour la colonne « {column} » ; les champs valides "
                         "sont : {fields}",
        "invalid_column_name": "nom de colonne « {column} » invalide dans la correspondance des colonnes",
        "column_mapped_twice": "la colonne « {column} » est associée deux fois",
        "field_mapped_twice": "le champ « {field} » est associé à deux colonnes",
        "invalid_map_item": "élément --map « {item} » invalide : attendu EN-TÊTE=CHAMP, CHAMP parmi {fields}",
        "map_item_no_column": "élément --map « {item} » invalide : le nom de colonne est vide",
        "map_column_twice": "la colonne « {column} » est donnée deux fois dans --map",
        # --- rows left out, for the summary (SkippedRow.reason)
        "no_name": "pas de nom",
        "repeated_header": "ligne d'en-tête répétée",
        "same_person": "même personne qu'à la ligne {line} (nom et e-mail) : la réponse la plus récente "
                       "est gardée",
        # --- encoding repairs, for the summary (ParsedFile.warnings)
        "undecodable_bytes": "octets ni UTF-8 ni Windows-1252, remplacés par « \ufffd » ; vérifiez la ligne",
        "cp1252_in_utf8": "texte Windows-1252 dans un fichier UTF-8, lu comme du Windows-1252",
        "utf8_in_cp1252": "texte UTF-8 dans un fichier Windows-1252, lu comme de l'UTF-8",
        "mojibake_repaired": "morceaux d'UTF-8 dans une ligne Windows-1252 (« Ã© »), réparés",
        "mojibake_left": "semble brouillé (« Ã© ») mais ne peut pas être réparé sans risque ; "
                         "vérifiez la ligne",
        # --- the importer (kiosk/service/importer.py)
        "in_file": "{file} : {sentence}",
        "prune_too_many": "--prune annulerait {missing:,} des {valid:,} invité·e·s valides de l'événement "
                          "(plus de la moitié) ; vérifiez le fichier, ou ajoutez --force",
        "disk_full": "le disque est plein ; rien n'a été importé (libérez de la place et importez de nouveau)",
        "database_busy": "la base de données est restée occupée (un autre import en cours ?) ; "
                         "rien n'a été importé",
        "cannot_write": "impossible d'écrire dans la base de données ({detail}) ; rien n'a été importé",
        # --- the summary of what an import changed, and the doors' corrections it met
        "changed_heading": "champs modifiés :",
        "changed_guest": "{name} : {fields:fields}",
        "correction_kept": "correction du poste gardée : {name} — {field:fields} {current:value} "
                           "(fichier : {file:value})",
        "correction_replaced": "correction du poste remplacée par le fichier : {name} — {field:fields} "
                               "{current:value} → {file:value}",
        "more_entries": "… et {count:,} de plus",
    },
    "en": {
        "empty_file": "empty file",
        "file_not_found": "file not found: {path}",
        "is_a_folder": "{path} is a folder, not a file",
        "not_a_regular_file": "{path} is not a regular file (a pipe or a device?); export to a file first",
        "file_too_large": "file is too large ({size_mb:.0f} MB, the limit is {limit_mb} MB)",
        "file_too_large_limit": "file is too large (the limit is {limit_mb} MB)",
        "cannot_read": "cannot read {path}: {reason}",
        "pdf_file": f"PDF files cannot be imported; {_EXPORT['en']}",
        "image_file": f"images cannot be imported; {_EXPORT['en']}",
        "binary_file": f"unsupported binary file; {_EXPORT['en']}",
        "compressed_file": "compressed ({kind}) file; extract it first",
        "database_file": f"database files cannot be imported; {_EXPORT['en']}",
        "encrypted_excel": "password-protected Excel files are not supported; remove the password or "
                           f"{_SAVE_AS['en']}",
        "html_page": f"this is an HTML page, not a spreadsheet; open it in Excel and {_SAVE_AS['en']}",
        "excel_2003_xml": f"Excel 2003 XML spreadsheets are not supported; {_SAVE_AS['en']}",
        "xml_file": f"XML files are not supported; {_SAVE_AS['en']}",
        "rtf_file": f"RTF documents cannot be imported; {_SAVE_AS['en']}",
        "bad_zip": f"damaged or unsupported zip file; {_EXPORT['en']}",
        "zip_bomb": "the workbook would inflate to {inflated_mb:,.0f} MB (the limit is {limit_mb} MB): "
                    f"damaged or malicious file; {_SAVE_AS['en']}",
        "xlsb": f"Excel binary workbooks (.xlsb) are not supported; {_SAVE_AS['en']}",
        "word_document": f"word-processor documents cannot be imported; {_SAVE_AS['en']}",
        "zip_archive": "zip archives cannot be imported; extract the CSV or .xlsx file first",
        "bad_encoding": "the file claims to be {encoding} but cannot be decoded",
        "unknown_encoding": "unsupported binary file or unknown text encoding; export as CSV (UTF-8) or .xlsx",
        "too_many_rows": "line {line}: too many rows (the limit is {limit:,})",
        "too_many_columns": "line {line}: too many columns ({count}, the limit is {limit})",
        "value_too_long_csv": "line {line}: a value is longer than {limit:,} characters "
                              "(unbalanced quote \" in the file?)",
        "needs_calamine": "reading spreadsheets needs the python-calamine package",
        "cannot_read_workbook": "cannot read the {kind} file: {detail}",
        "no_sheet": "the workbook has no sheet",
        "no_name_column": "no first/last/full name column found; headers are: {headers:columns}",
        "mapped_column_missing": "column {column!r} given in the column mapping is not in the file; "
                                 "headers are: {headers:columns}",
        "no_registrations": "the file has a header row but no registrations: nothing to import",
        "no_registrations_in_sheet": "the file has a header row but no registrations (sheet {sheet!r}): "
                                     "nothing to import",
        "sheet_option_for_csv": "--sheet is only for workbooks (xlsx, xls, ods); this file is CSV",
        "no_such_sheet": "no sheet {sheet!r} in the workbook; sheets are: {sheets}",
        "no_sheet_with_names": "no sheet has a first/last/full name column; sheets are: {sheets}",
        "several_sheets": "several sheets hold names ({sheets}): choose one with --sheet NAME",
        "duplicate_ticket_code": "duplicate ticket code {code!r} on lines {first} and {line}",
        "repeated_ticket_codes": "column {column!r} gives the ticket codes, but codes in it repeat "
                                 "across people: {repeats:repeats}; every guest needs a code of their own "
                                 "(if it is an order reference, ignore the column: --map \"{column}=ignore\")",
        "value_too_long": "line {line}: the value in column {column!r} is longer than {limit:,} characters",
        "invalid_field": "invalid field {field!r} for column {column!r}; valid fields are: {fields}",
        "invalid_column_name": "invalid column name {column!r} in column mapping",
        "column_mapped_twice": "column {column!r} is mapped twice",
        "field_mapped_twice": "field {field!r} is mapped to two columns",
        "invalid_map_item": "invalid --map item {item!r}: expected HEADER=FIELD with FIELD one of {fields}",
        "map_item_no_column": "invalid --map item {item!r}: the column name is empty",
        "map_column_twice": "column {column!r} is given twice in --map",
        "no_name": "no name",
        "repeated_header": "repeated header row",
        "same_person": "same person as line {line} (name and e-mail): the later answer is kept",
        "undecodable_bytes": "bytes that are neither UTF-8 nor Windows-1252, replaced by \"\ufffd\"; check it",
        "cp1252_in_utf8": "Windows-1252 text in a UTF-8 file, read as Windows-1252",
        "utf8_in_cp1252": "UTF-8 text in a Windows-1252 file, read as UTF-8",
        "mojibake_repaired": "UTF-8 pieces in a Windows-1252 line (\"Ã©\"), repaired",
        "mojibake_left": "looks garbled (\"Ã©\") but cannot be repaired safely; check it",
        "in_file": "{file}: {sentence}",
        "prune_too_many": "--prune would cancel {missing:,} of the event's {valid:,} valid guests "
                          "(more than half); check the file, or add --force",
        "disk_full": "the disk is full; nothing was imported (free some space and import again)",
        "database_busy": "the database stayed busy (another import running?); nothing was imported",
        "cannot_write": "cannot write the database ({detail}); nothing was imported",
        "changed_heading": "fields changed:",
        "changed_guest": "{name}: {fields:fields}",
        "correction_kept": "door correction kept: {name} — {field:fields} {current:value} (file: {file:value})",
        "correction_replaced": "door correction replaced by the file: {name} — {field:fields} {current:value} "
                               "→ {file:value}",
        "more_entries": "… and {count:,} more",
    },
}

# Values each sentence is formatted with, of the types the callers pass: the table's test formats every
# sentence in every language with these, so a typo in a placeholder fails a test, not an import.
SAMPLE_VALUES: dict[str, dict[str, object]] = {
    "file_not_found": {"path": "/tmp/inscrits.csv"},
    "is_a_folder": {"path": "/tmp/exports"},
    "not_a_regular_file": {"path": "/tmp/export.csv"},
    "file_too_large": {"size_mb": 312.4, "limit_mb": 200},
    "file_too_large_limit": {"limit_mb": 200},
    "cannot_read": {"path": "/tmp/inscrits.csv", "reason": "Permission denied"},
    "compressed_file": {"kind": "gzip"},
    "zip_bomb": {"inflated_mb": 1536.0, "limit_mb": 400},
    "bad_encoding": {"encoding": "UTF-16"},
    "too_many_rows": {"line": 1_000_001, "limit": 1_000_000},
    "too_many_columns": {"line": 3, "count": 240, "limit": 200},
    "value_too_long_csv": {"line": 12, "limit": 131_072},
    "cannot_read_workbook": {"kind": "Excel", "detail": "invalid zip"},
    "no_name_column": {"headers": ("Couleur", "Taille", "Prix")},
    "mapped_column_missing": {"column": "Mon prénom", "headers": ("Prénom", "Nom")},
    "no_registrations_in_sheet": {"sheet": "Participants"},
    "no_such_sheet": {"sheet": "Orders", "sheets": ("Commandes", "Participants")},
    "no_sheet_with_names": {"sheets": ("Frais", "Totaux")},
    "several_sheets": {"sheets": ("Inscrits", "Bénévoles")},
    "duplicate_ticket_code": {"code": "T-1", "first": 2, "line": 4},
    "value_too_long": {"line": 3, "column": "Prénom", "limit": 1_000},
    "invalid_field": {"field": "colour", "column": "Couleur", "fields": "first_name, last_name"},
    "invalid_column_name": {"column": " "},
    "column_mapped_twice": {"column": "Nom"},
    "field_mapped_twice": {"field": "last_name"},
    "invalid_map_item": {"item": "nonsense", "fields": "first_name, last_name"},
    "map_item_no_column": {"item": "=first_name"},
    "map_column_twice": {"column": "Nom"},
    "same_person": {"line": 7},
    "in_file": {"file": "inscrits.csv", "sentence": "empty file"},
    "prune_too_many": {"missing": 600, "valid": 1_000},
    "cannot_write": {"detail": "disk I/O error"},
    "repeated_ticket_codes": {"column": "Barcode", "count": 2,
                              "repeats": (("ORD-7", (2, 3, 4)), ("ORD-9", (5, 6)))},
    "changed_guest": {"name": "Camille Moreau", "fields": ("organisation", "workshop")},
    "correction_kept": {"name": "Camille Moreau", "field": "organisation", "current": "La Ruche",
                        "file": "Ruche Marseille"},
    "correction_replaced": {"name": "Camille Moreau", "field": "email", "current": "c.moreau@example.org",
                            "file": None},
    "more_entries": {"count": 1_200},
}

_MAX_LISTED = 25  # headers named in a sentence; more are counted
_NONE = {"fr": "(aucun)", "en": "(none)"}
_MORE_COLUMNS = {"fr": "… ({count} colonnes)", "en": "... ({count} columns)"}
_EMPTY = {"fr": "(vide)", "en": "(empty)"}
_MAX_REPEATS, _MAX_LINES = 10, 5  # repeated codes named in a sentence, lines named for each
# A guest's fields as staff call them (kiosk.store.attendees.EDITABLE), for "Camille Moreau : organisation".
FIELD_WORDS = {
    "fr": {"ticket_code": "code de billet", "first_name": "prénom", "last_name": "nom", "email": "e-mail",
           "organisation": "organisation", "category": "catégorie", "workshop": "atelier", "status": "statut"},
    "en": {"ticket_code": "ticket code", "first_name": "first name", "last_name": "last name", "email": "e-mail",
           "organisation": "organisation", "category": "category", "workshop": "workshop", "status": "status"},
}
STATUS_WORDS = {"fr": {"valid": "valide", "cancelled": "annulé"}, "en": {"valid": "valid", "cancelled": "cancelled"}}


class _Wording(string.Formatter):
    """str.format in one language: French numbers ("1 000", "3,5"), names quoted « » in French and
    'repr' in English; a tuple of names is listed (``{headers:columns}``: at most 25, long ones cut)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, OsReason):  # "Permission denied" -> "permission refusée"
            return value.message(self.lang)
        if format_spec == "fields":  # field names (one, or a tuple) in staff's words
            names = (value,) if isinstance(value, str) else value
            return ", ".join(FIELD_WORDS[self.lang].get(str(n), str(n)) for n in names)
        if format_spec == "value":  # a guest's value, quoted; None is said empty
            return _EMPTY[self.lang] if value is None or value == "" else self._quoted(str(value))
        if format_spec == "repeats":  # ((code, (line, ...)), ...): the first ones, each with its first lines
            return self._repeats(value)
        if isinstance(value, tuple | list):
            return self._names(value, columns=format_spec == "columns")
        text: str = format(value, format_spec)
        if self.lang == "fr" and isinstance(value, int | float) and not isinstance(value, bool):
            text = text.replace(",", "\u00a0").replace(".", ",")
        return text

    def _quoted(self, text: str) -> str:
        return f"« {text} »" if self.lang == "fr" else repr(text)

    def _repeats(self, repeats: Sequence[tuple[str, Sequence[int]]]) -> str:
        lines_word = "lignes" if self.lang == "fr" else "lines"
        shown = []
        for code, lines in repeats[:_MAX_REPEATS]:
            listed = ", ".join(str(n) for n in lines[:_MAX_LINES]) + (", …" if len(lines) > _MAX_LINES else "")
            shown.append(f"{self._quoted(code)} ({lines_word} {listed})")
        if len(repeats) > _MAX_REPEATS:
            shown.append(self.format_field(len(repeats) - _MAX_REPEATS, ",").join(
                ("… ", " de plus") if self.lang == "fr" else ("… ", " more")))
        return ", ".join(shown)

    def _names(self, names: Sequence[object], *, columns: bool) -> str:
        cleaned = [str(n).strip() for n in names]
        cleaned = [n for n in cleaned if n] if columns else cleaned
        shown = cleaned[:_MAX_LISTED] if columns else cleaned
        if columns:
            shown = [n if len(n) <= 60 else n[:57] + "..." for n in shown]
        listed = ", ".join(f"« {n} »" if self.lang == "fr" else repr(n) for n in shown)
        if columns and len(cleaned) > _MAX_LISTED:
            listed += ", " + _MORE_COLUMNS[self.lang].format(count=len(cleaned))
        return listed or _NONE[self.lang]


_WORDING = {lang: _Wording(lang) for lang in IMPORT_MESSAGES}


def import_message(key: str, lang: str = "en", **values: object) -> str:
    """The sentence ``key`` in ``lang`` (English when the language is unknown), formatted with ``values``."""
    if lang not in IMPORT_MESSAGES:
        lang = "en"
    return _WORDING[lang].format(IMPORT_MESSAGES[lang][key], **values)


class Sentence(str):
    """An import sentence as data: ``key`` and ``values``. It *is* its English wording (a ``str``), so
    ``SkippedRow.reason`` and the warnings' messages stay plain strings for the logs, ``--json`` and
    the code that compares them; an edge calls ``message(lang)`` (or :func:`worded`) for its language."""

    key: str
    values: Mapping[str, object]

    def __new__(cls, key: str, **values: object) -> Sentence:
        self = super().__new__(cls, import_message(key, "en", **values))
        self.key, self.values = key, values
        return self

    def message(self, lang: str) -> str:
        return import_message(self.key, lang, **self.values)

    def __reduce__(self) -> tuple[Any, ...]:  # str's own pickling would pass the English text as the key
        return _sentence, (self.key, dict(self.values))


def _sentence(key: str, values: dict[str, object]) -> Sentence:
    return Sentence(key, **values)


# The parser's and the importer's names for how rows are told apart ("ticket code, then name + e-mail",
# ImportReport.matched_by and .matches): the headers they quote stay as they are.
_IDENTITY_WORDS = {
    "fr": {"ticket code": "code de billet", "platform id": "id de la plateforme",
           "response time": "heure de réponse", "name + e-mail": "nom + e-mail",
           "e-mail (not shared)": "e-mail (non partagé)", ", then ": ", puis "},
}


def identity_words(label: str, lang: str) -> str:
    """``label`` (an identity label or a match kind, in English) in ``lang``."""
    words = _IDENTITY_WORDS.get(lang)
    if not words:
        return label
    parts = label.split(", then ")
    for i, part in enumerate(parts):
        for english, local in words.items():
            if part == english or part.startswith(english + " ("):
                parts[i] = local + part[len(english):]
                break
    return words[", then "].join(parts)


MAX_LISTED = 15  # guests named in each list of an import's summary (CLI and window); the rest are counted

Named = tuple[str, tuple[str, ...]]  # (guest's name, fields)
Met = tuple[str, str, str | None, str | None]  # (guest's name, field, correction, file's value)


def correction_line(kept: bool, name: str, field: str, current: str | None, file: str | None, lang: str) -> str:
    """ "correction du poste gardée : Camille Moreau — organisation « X » (fichier : « Y »)", or replaced."""
    if field == "status":
        words = STATUS_WORDS.get(lang, STATUS_WORDS["en"])
        current, file = words.get(current or "", current), words.get(file or "", file)
    return import_message("correction_kept" if kept else "correction_replaced", lang, name=name, field=field,
                          current=current, file=file)


def changes_lines(changed: Sequence[Named], kept: Sequence[Met], replaced: Sequence[Met], lang: str) -> list[str]:
    """An import's summary of what it changed, field by field, and of the corrections it met: the updated
    guests under a heading ("Camille Moreau : organisation, atelier"), then each correction kept and each
    replaced, every list cut at MAX_LISTED with how many more. Empty when there is nothing to say."""
    lines: list[str] = []
    if changed:
        lines.append(import_message("changed_heading", lang))
        lines += ["  " + import_message("changed_guest", lang, name=name, fields=fields)
                  for name, fields in changed[:MAX_LISTED]]
        lines += _more(len(changed), "  ", lang)
    for is_kept, met in ((True, kept), (False, replaced)):
        lines += [correction_line(is_kept, *entry, lang) for entry in met[:MAX_LISTED]]
        lines += _more(len(met), "", lang)
    return lines


def _more(total: int, indent: str, lang: str) -> list[str]:
    extra = total - MAX_LISTED
    return [indent + import_message("more_entries", lang, count=extra)] if extra > 0 else []


def worded(text: str, lang: str) -> str:
    """``text`` in ``lang`` when it is a :class:`Sentence`; any other string as it is."""
    return text.message(lang) if isinstance(text, Sentence) else text
