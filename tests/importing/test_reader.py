"""File decoding, delimiter sniffing, line numbers, xlsx and file-level rejections."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kiosk.importing import ImportFileError, parse_registration_file
from kiosk.importing import reader as reader_mod

ROWS = [
    ["Prénom", "Nom", "Email", "Billet"],
    ["Hélène", "Dupont", "helene@example.fr", "A1"],
    ["Zoë", "Lefèvre", "zoe@example.fr", "A2"],
    ["François", "Noël", "", "A3"],
]
EXPECTED = [("Hélène", "Dupont", "A1"), ("Zoë", "Lefèvre", "A2"), ("François", "Noël", "A3")]


def _text(rows: list[list[str]], delimiter: str, newline: str = "\r\n") -> str:
    return "".join(delimiter.join(r) + newline for r in rows)


def _write(tmp_path: Path, data: bytes, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _names(path: Path) -> list[tuple[str, str, str | None]]:
    return [(r.first_name, r.last_name, r.ticket_code) for r in parse_registration_file(path).records]


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoding", "prefix", "expected_name"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("cp1252", b"", "cp1252"),
        ("utf-16-le", b"\xff\xfe", "utf-16"),
        ("utf-16-be", b"\xfe\xff", "utf-16"),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, prefix: bytes, expected_name: str) -> None:
    delimiter = "\t" if encoding.startswith("utf-16") else ";"
    data = prefix + _text(ROWS, delimiter).encode(encoding)
    path = _write(tmp_path, data)
    parsed = parse_registration_file(path)
    assert parsed.encoding == expected_name
    assert parsed.delimiter == delimiter
    assert [(r.first_name, r.last_name, r.ticket_code) for r in parsed.records] == EXPECTED
    assert parsed.mapping["first_name"] == "Prénom"  # BOM not glued to the first header


def test_cp1252_specific_bytes(tmp_path: Path) -> None:
    # 0xE9 = é, 0x9C = œ, 0x80 = € in Windows-1252; none is valid UTF-8 on its own.
    data = b"Pr\xe9nom;Nom;Cat\xe9gorie\r\nC\x9cur;B\xe9n\xe9dicte;Tarif 5 \x80\r\n"
    parsed = parse_registration_file(_write(tmp_path, data))
    assert parsed.encoding == "cp1252"
    rec = parsed.records[0]
    assert (rec.first_name, rec.last_name, rec.category) == ("Cœur", "Bénédicte", "Tarif 5 €")


def test_bomless_utf16_is_recognised(tmp_path: Path) -> None:
    data = _text(ROWS, "\t").encode("utf-16-le")
    parsed = parse_registration_file(_write(tmp_path, data))
    assert parsed.encoding == "utf-16-le"
    assert _names(_write(tmp_path, data)) == EXPECTED


# --------------------------------------------------------------------------- delimiters & line endings


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_delimiters_and_line_endings(tmp_path: Path, delimiter: str, newline: str) -> None:
    path = _write(tmp_path, _text(ROWS, delimiter, newline).encode("utf-8"))
    parsed = parse_registration_file(path)
    assert parsed.delimiter == delimiter
    assert [(r.first_name, r.last_name, r.ticket_code) for r in parsed.records] == EXPECTED
    assert [r.line for r in parsed.records] == [2, 3, 4]


def test_semicolon_file_with_decimal_commas_is_not_sniffed_as_comma(tmp_path: Path) -> None:
    rows = [["Prénom", "Nom", "Montant", "Code"]] + [[f"P{i}", f"N{i}", f"{i},50", f"C{i}"] for i in range(8)]
    parsed = parse_registration_file(_write(tmp_path, _text(rows, ";").encode()))
    assert parsed.delimiter == ";"
    assert parsed.records[3].ticket_code == "C3"
    assert parsed.records[3].first_name == "P3"


def test_comma_file_with_quoted_commas_and_semicolons(tmp_path: Path) -> None:
    text = (
        "Full name,Company,Ticket\n"
        '"Dupont, Hélène","Dupont; Fils & Co",T1\n'
        '"Martin, Paul","A, B; C",T2\n'
        "Zoé Blanc,Solo,T3\n"
    )
    parsed = parse_registration_file(_write(tmp_path, text.encode()))
    assert parsed.delimiter == ","
    assert [(r.first_name, r.last_name, r.organisation) for r in parsed.records] == [
        ("Hélène", "Dupont", "Dupont; Fils & Co"),
        ("Paul", "Martin", "A, B; C"),
        ("Zoé", "Blanc", "Solo"),
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_quoted_newlines_keep_following_line_numbers(tmp_path: Path, newline: str) -> None:
    nl = newline
    text = (
        f"Prénom;Nom;Remarque;Code{nl}"
        f'Ana;Silva;"ligne 1{nl}ligne 2{nl}ligne 3";C1{nl}'
        f"{nl}"  # blank line 5
        f'"Jean{nl}Pierre";Durand;"a;b";C2{nl}'
        f"Léa;Roux;;C3{nl}"
    )
    parsed = parse_registration_file(_write(tmp_path, text.encode()))
    assert [(r.line, r.ticket_code) for r in parsed.records] == [(2, "C1"), (6, "C2"), (8, "C3")]
    assert parsed.records[1].first_name == f"Jean{nl}Pierre"  # verbatim, inner newline kept


def test_blank_and_empty_delimiter_rows_are_ignored_silently(tmp_path: Path) -> None:
    text = "Prénom;Nom;Code\n\nAna;Silva;1\n;;\n   ;  ;\nLéa;Roux;2\n\n"
    parsed = parse_registration_file(_write(tmp_path, text.encode()))
    assert [(r.line, r.first_name) for r in parsed.records] == [(3, "Ana"), (6, "Léa")]
    assert parsed.skipped == []


# --------------------------------------------------------------------------- xlsx


def _xlsx(path: Path, rows: list[list[object]], *, extra_sheet_first: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Participants"
    for row in rows:
        ws.append(row)
    if extra_sheet_first:
        other = wb.create_sheet("Notes", 1)
        other.append(["Nom", "Prénom"])
        other.append(["Faux", "Second sheet"])
    wb.save(path)
    return path


def test_xlsx_values_numbers_dates_and_rows(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "inscriptions.xlsx",
        [
            ["Inscriptions au colloque"],
            [],
            ["Prénom", "Nom", "Numéro de billet", "Date d'inscription", "Tarif", "Structure"],
            ["Hélène", "Dupont", 123456.0, dt.datetime(2025, 3, 1), 12.5, None],
            [],
            ["Paul", "Martin", 987654321012, dt.datetime(2025, 3, 2, 14, 30, 5), "Réduit", "=SUM(A1:A2)"],
            [None, None, None],
            ["Zoë", "N'Diaye", "ABC-1", dt.date(2025, 3, 3), True, " Mairie "],
        ],
        extra_sheet_first=True,
    )
    parsed = parse_registration_file(path)
    assert parsed.encoding == "xlsx"
    assert parsed.delimiter is None
    assert [(r.line, r.first_name, r.ticket_code) for r in parsed.records] == [
        (4, "Hélène", "123456"),
        (6, "Paul", "987654321012"),
        (8, "Zoë", "ABC-1"),
    ]
    assert parsed.records[0].category == "12.5"
    assert parsed.records[2].category == "TRUE"
    assert parsed.records[2].organisation == "Mairie"
    # openpyxl writes formulas as formulas; data_only reading without cached values gives an empty cell
    assert parsed.records[1].organisation is None


def test_xlsx_dates_rendered_iso(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "d.xlsx",
        [["Nom", "Prénom", "Catégorie", "Atelier"],
         ["Dupont", "Ana", dt.datetime(2025, 3, 1), dt.datetime(2025, 3, 2, 9, 15)]],
    )
    rec = parse_registration_file(path).records[0]
    assert rec.category == "2025-03-01"
    assert rec.workshop == "2025-03-02T09:15:00"


def test_xlsx_detected_by_content_not_extension(tmp_path: Path) -> None:
    xlsx = _xlsx(tmp_path / "real.xlsx", [["Prénom", "Nom"], ["Ana", "Silva"]])
    disguised = tmp_path / "export.csv"
    disguised.write_bytes(xlsx.read_bytes())
    parsed = parse_registration_file(disguised)
    assert parsed.encoding == "xlsx"
    assert parsed.records[0].last_name == "Silva"


def test_text_file_named_xls_is_read_as_csv(tmp_path: Path) -> None:
    path = _write(tmp_path, _text(ROWS, "\t").encode("utf-16"), name="export.xls")
    assert _names(path) == EXPECTED


def test_xlsx_too_many_columns(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "wide.xlsx", [["Nom", "Prénom"], ["a"] * 201])
    with pytest.raises(ImportFileError, match=r"line 2: too many columns"):
        parse_registration_file(path)


# --------------------------------------------------------------------------- rejected files


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, r"cannot read the Excel \(\.xls\) file"),
        ("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        ("img.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "images"),
        ("img.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "images"),
        ("data.csv", b"Nom;Pr\x00nom\n\x00\x01\x02\x03binary", "binary"),
        ("page.xls", b"<html><body><table><tr><td>Nom</td></tr></table></body></html>", "HTML"),
        ("arch.csv.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    ],
)
def test_unsupported_formats(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message) as info:
        parse_registration_file(_write(tmp_path, data, name))
    assert "\n" not in str(info.value)


def test_damaged_ods_rejected(tmp_path: Path) -> None:
    path = _zip(
        tmp_path / "export.ods",
        {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"},
    )
    with pytest.raises(ImportFileError, match=r"cannot read the OpenDocument \(\.ods\) file"):
        parse_registration_file(path)


def test_random_zip_rejected(tmp_path: Path) -> None:
    path = _zip(tmp_path / "export.xlsx", {"readme.txt": b"hello"})
    with pytest.raises(ImportFileError, match="zip archives"):
        parse_registration_file(path)


def test_damaged_xlsx_rejected(tmp_path: Path) -> None:
    path = _zip(tmp_path / "broken.xlsx", {"xl/workbook.xml": b"<not really"})
    with pytest.raises(ImportFileError, match="cannot read the Excel file"):
        parse_registration_file(path)


def test_binary_without_nul_but_control_chars_rejected(tmp_path: Path) -> None:
    data = bytes(range(1, 9)) * 200 + b"Nom;Prenom\n"
    with pytest.raises(ImportFileError, match="binary"):
        parse_registration_file(_write(tmp_path, data))


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ImportFileError, match=r"^empty file$"):
        parse_registration_file(_write(tmp_path, data))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="file not found"):
        parse_registration_file(tmp_path / "nope.csv")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="is a folder"):
        parse_registration_file(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, b"Nom\nDupont\n")

    def boom(*args: object) -> int:  # tests run as root, for whom chmod 000 does not stop a read
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("kiosk.importing.reader.os.open", boom)
    with pytest.raises(ImportFileError, match=r"cannot read .*Permission denied"):
        parse_registration_file(path)


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_mod, "MAX_FILE_BYTES", 100)
    path = _write(tmp_path, b"Nom;Prenom\n" + b"Dupont;Ana\n" * 20)
    with pytest.raises(ImportFileError, match="too large"):
        parse_registration_file(path)


def test_too_many_rows_names_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_mod, "MAX_ROWS", 5)
    path = _write(tmp_path, ("Nom;Prenom\n" + "".join(f"N{i};P{i}\n" for i in range(10))).encode())
    with pytest.raises(ImportFileError, match=r"^line 6: too many rows"):
        parse_registration_file(path)


def test_too_many_columns_names_the_line(tmp_path: Path) -> None:
    text = "Nom;Prénom\nDupont;Ana\n" + ";".join(["x"] * 201) + "\n"
    with pytest.raises(ImportFileError, match=r"^line 3: too many columns \(201"):
        parse_registration_file(_write(tmp_path, text.encode()))


def test_trailing_empty_columns_do_not_count(tmp_path: Path) -> None:
    text = "Nom;Prénom\nDupont;Ana" + ";" * 300 + "\n"
    assert [r.last_name for r in parse_registration_file(_write(tmp_path, text.encode())).records] == ["Dupont"]


def test_unbalanced_quote_swallowing_the_file(tmp_path: Path) -> None:
    text = 'Nom;Prénom\n"Dupont;Ana\n' + "Martin;Paul\n" * 20_000
    with pytest.raises(ImportFileError, match=r"^line 2: .*longer than .*unbalanced quote"):
        parse_registration_file(_write(tmp_path, text.encode()))


def test_utf8_file_with_a_cp1252_line_is_repaired_and_reported(tmp_path: Path) -> None:
    from kiosk.importing import parse_registration_file

    rows = "".join(f"Hélène{i};Müller-Œuvre{i};C{i}\n" for i in range(20))
    data = ("Prénom;Nom;Billet\n" + rows).encode("utf-8") + b"Jos\xe9;Garc\xeda;C99\nZo\xe9;L\x81;C100\n"
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    parsed = parse_registration_file(path)
    assert parsed.encoding.startswith("utf-8")
    assert parsed.records[0].first_name == "Hélène0" and parsed.records[0].last_name == "Müller-Œuvre0"
    # The Windows-1252 line is read as Windows-1252 (unambiguous); the line with a byte neither
    # encoding defines keeps a visible "�" and is reported for a human to check.
    assert (parsed.records[-2].ticket_code, parsed.records[-2].first_name) == ("C99", "José")
    assert parsed.records[-1].first_name == "Zo\ufffd"
    assert [line for line, _ in parsed.warnings] == [22, 23]
    assert "Windows-1252" in parsed.warnings[0][1] and "check it" in parsed.warnings[1][1]


def test_cp1252_file_with_utf8_pieces_is_repaired(tmp_path: Path) -> None:
    from kiosk.importing import parse_registration_file

    head = "Prénom;Nom;Billet\n".encode("cp1252")
    cp_rows = "".join(f"Hélène{i};Dupré{i};A{i}\n" for i in range(10)).encode("cp1252")
    # One line pasted from a UTF-8 file, one line mixing both encodings.
    utf8_row = "Lætitia;Lemaître;B1\n".encode()
    mixed_row = "Hélène;".encode() + "Mérou;B2\n".encode("cp1252")
    path = tmp_path / "pasted.csv"
    path.write_bytes(head + cp_rows + utf8_row + mixed_row)
    parsed = parse_registration_file(path)
    assert parsed.encoding.startswith("cp1252")
    assert [(r.first_name, r.last_name) for r in parsed.records[-2:]] == [("Lætitia", "Lemaître"),
                                                                        ("Hélène", "Mérou")]
    assert [line for line, _ in parsed.warnings] == [12, 13]


def test_cp1252_file_is_not_mistaken_for_utf8(tmp_path: Path) -> None:
    from kiosk.importing import parse_registration_file

    path = tmp_path / "excel.csv"
    path.write_bytes("Prénom;Nom;Billet\nHélène;Dupré;A1\nJosé;Gárcia;A2\n".encode("cp1252"))
    parsed = parse_registration_file(path)
    assert parsed.encoding == "cp1252"
    assert [r.first_name for r in parsed.records] == ["Hélène", "José"]
