"""Kiosk menu → Import registrations… after a door's correction: the summary names each updated guest's
fields and the corrections kept, and asks whether to keep them or to put the file's values in their place
(real widgets, real threads, real SQLite; the modal answers scripted)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from kiosk.domain.model import Event, Workshop
from kiosk.service import Kiosk
from kiosk.ui import i18n
from kiosk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.ui.conftest import MakeWindow, ScriptedDialogs

HEADER = "Billet;Prénom;Nom;Structure;Atelier\n"
ROWS = ["C-1;Camille;Moreau;Ruche Marseille;Se loger\n", "C-2;Jean;Martin;Inter-Made;Se nourrir\n"]


def real_event(kiosk: Kiosk) -> None:
    kiosk.create_event(Event(id="e-forum", name="Forum", workshops=(Workshop("Se loger"), Workshop("Se nourrir"))))


def import_from_the_menu(window: MainWindow, dialogs: ScriptedDialogs, path: Path, qtbot: QtBot) -> None:
    """Import ``path`` as staff do and wait until the window has said how it went (summary or question)."""
    said = len(dialogs.infos) + len(dialogs.questions)
    dialogs.chosen_file = path
    window.import_action.trigger()
    qtbot.waitUntil(lambda: len(dialogs.infos) + len(dialogs.questions) > said, timeout=20_000)


def test_the_summary_keeps_the_correction_and_asks_and_keep_changes_nothing(
        make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs, tmp_path: Path, qtbot: QtBot) -> None:
    kiosk.lang = "en"
    real_event(kiosk)
    window = make_window()
    export = tmp_path / "inscrits.csv"
    export.write_text(HEADER + "".join(ROWS), encoding="utf-8")
    import_from_the_menu(window, dialogs, export, qtbot)
    kiosk.edit("C-1", organisation="La Ruche")
    export.write_text(HEADER + ROWS[0] + ROWS[1].replace("Se nourrir", "Se loger"), encoding="utf-8")

    dialogs.confirm_answer = False  # "Keep the corrections"
    import_from_the_menu(window, dialogs, export, qtbot)

    text = dialogs.questions[-1]
    assert dialogs.buttons[-1] == ("Use the file's values", "Keep the corrections")
    assert text.splitlines()[:3] == ["Added: 0", "Updated: 1", "Unchanged: 1"]
    assert text.splitlines()[-5:] == [
        "Fields changed:", "  Jean Martin: workshop",
        "Door correction kept: Camille Moreau — organisation 'La Ruche' (file: 'Ruche Marseille')",
        "",
        "The file still gives these guests the values of the previous import: the corrections made since then "
        "were kept. Keep them, or put the file's values in their place?"]
    qtbot.wait(200)
    assert window.bulk_jobs.task is not None and not window.bulk_jobs.task.running  # no second import
    assert kiosk.find("C-1").organisation == "La Ruche" and kiosk.find("C-2").workshop == "Se loger"


def test_use_the_files_values_imports_again_and_says_which_corrections_it_replaced(
        make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs, tmp_path: Path, qtbot: QtBot) -> None:
    kiosk.lang = "en"
    real_event(kiosk)
    window = make_window()
    export = tmp_path / "inscrits.csv"
    export.write_text(HEADER + "".join(ROWS), encoding="utf-8")
    import_from_the_menu(window, dialogs, export, qtbot)
    kiosk.edit("C-1", organisation="La Ruche", workshop="Se nourrir")

    dialogs.confirm_answer = True  # "Use the file's values"
    infos = len(dialogs.infos)
    import_from_the_menu(window, dialogs, export, qtbot)
    qtbot.waitUntil(lambda: len(dialogs.infos) > infos, timeout=20_000)  # the second import's summary

    title, summary = dialogs.infos[-1]
    assert title == "Imported inscrits.csv"
    assert summary.splitlines()[:3] == ["Added: 0", "Updated: 1", "Unchanged: 1"]
    assert summary.splitlines()[-4:] == [
        "Fields changed:", "  Camille Moreau: organisation, workshop",
        "Door correction replaced by the file: Camille Moreau — organisation 'La Ruche' → 'Ruche Marseille'",
        "Door correction replaced by the file: Camille Moreau — workshop 'Se nourrir' → 'Se loger'"]
    guest = kiosk.find("C-1")
    assert (guest.organisation, guest.workshop) == ("Ruche Marseille", "Se loger")


def test_the_french_window_words_the_fields_and_the_corrections_in_french(
        qapp: QApplication, make_window: MakeWindow, kiosk: Kiosk, dialogs: ScriptedDialogs, tmp_path: Path,
        qtbot: QtBot) -> None:
    translators = i18n.install(qapp, "fr")
    try:
        assert kiosk.lang == "fr"
        real_event(kiosk)
        window = make_window()
        rows = [f"L-{i:02d};Prénom{i:02d};Nom;Org A;Se loger\n" for i in range(18)]
        export = tmp_path / "inscrits.csv"
        export.write_text(HEADER + "".join(rows), encoding="utf-8")
        import_from_the_menu(window, dialogs, export, qtbot)
        kiosk.edit("L-00", last_name="Nom-Corrigé")
        export.write_text(HEADER + "".join(r.replace("Se loger", "Se nourrir") for r in rows), encoding="utf-8")

        dialogs.confirm_answer = False
        import_from_the_menu(window, dialogs, export, qtbot)

        assert dialogs.buttons[-1] == ("Prendre les valeurs du fichier", "Garder les corrections")
        lines = dialogs.questions[-1].splitlines()
        assert lines[:3] == ["Ajoutés : 0", "Mis à jour : 18", "Inchangés : 0"]
        start = lines.index("Champs modifiés :")
        assert lines[start + 1:] == [
            *[f"  Prénom{i:02d} {'Nom-Corrigé' if i == 0 else 'Nom'} : atelier" for i in range(15)],
            "  … et 3 de plus",
            "Correction du poste gardée : Prénom00 Nom-Corrigé — nom « Nom-Corrigé » (fichier : « Nom »)",
            "",
            "Le fichier donne encore à ces invité·es les valeurs de l’import précédent : les corrections faites "
            "depuis ont été gardées. Les garder, ou mettre à leur place les valeurs du fichier ?"]
        assert kiosk.find("L-00").last_name == "Nom-Corrigé" and kiosk.find("L-17").workshop == "Se nourrir"
    finally:
        i18n.remove(qapp, translators)
