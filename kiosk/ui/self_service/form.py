"""The walk-in form: big fields for a touch screen, problems said in plain words beside each field.

A new form is built for every guest (``SelfServicePresenter.reset``), so nothing of the previous one
survives in a widget, an undo buffer or a completer.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.walkin import MAX_FIELD, Field, FormProblem, Problem, WalkInForm
from kiosk.service.self_service import WorkshopChoice
from kiosk.ui.fonts import font
from kiosk.ui.widgets.plain_label import PlainLabel

FIELD_PT = 18
FIELD_HEIGHT = 56



class WalkInFormWidget(QWidget):
    submitted = Signal()

    def __init__(self, categories: Sequence[str], workshops: Sequence[WorkshopChoice], notice: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("walk-in form")
        self.first_name = self._line("first name", self.tr("First name"))
        self.last_name = self._line("last name", self.tr("Last name"))
        self.email = self._line("e-mail", self.tr("E-mail (optional)"))
        self.email.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.organisation = self._line("organisation", self.tr("Organisation (optional)"))
        self.category = self._combo("category", [("", self.tr("— Who are you? (optional) —"), True)]
                                    + [(c, c, True) for c in categories])
        self.workshop = self._combo("workshop", [("", self.tr("— Workshop (optional) —"), True)]
                                    + [(w.name, self._workshop_text(w), not w.full) for w in workshops])
        self.consent = QCheckBox(self.tr("I agree that my data is processed for this event (required)"))
        self.consent.setAccessibleName("consent")
        self.consent.setFont(font(FIELD_PT - 2, bold=True))
        self.notice = PlainLabel(notice or self.tr("Your data is used for this event only."))
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("privacy notice")
        self.notice.setFont(font(FIELD_PT - 5))
        self.contact = QCheckBox(self.tr("I agree to be contacted after the event (optional)"))
        self.contact.setAccessibleName("contact after the event")
        self.contact.setFont(font(FIELD_PT - 3))
        for box in (self.consent, self.contact):
            box.setStyleSheet("QCheckBox::indicator { width: 32px; height: 32px; }")
        self.submit_button = QPushButton(self.tr("Register and print my badge"))
        self.submit_button.setAccessibleName("register")
        self.submit_button.setFont(font(FIELD_PT + 2, bold=True))
        self.submit_button.setMinimumHeight(64)
        self.submit_button.setObjectName("primary")
        self.submit_button.clicked.connect(self.submitted.emit)
        self.errors: dict[Field, PlainLabel] = {}

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(2)
        cells = ((self.first_name, Field.FIRST_NAME, 0, 0), (self.last_name, Field.LAST_NAME, 0, 1),
                 (self.email, Field.EMAIL, 2, 0), (self.organisation, Field.ORGANISATION, 2, 1),
                 (self.category, Field.CATEGORY, 4, 0), (self.workshop, Field.WORKSHOP, 4, 1))
        for widget, field, row, column in cells:
            grid.addWidget(widget, row, column)
            grid.addWidget(self._error_label(field), row + 1, column)
        consent_row = QVBoxLayout()
        consent_row.setSpacing(4)
        consent_row.addWidget(self.consent)
        consent_row.addWidget(self._error_label(Field.CONSENT))
        consent_row.addWidget(self.notice)
        consent_row.addWidget(self.contact)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.submit_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.bottom = bottom  # the window puts the camera strip at its left
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(grid)
        layout.addLayout(consent_row)
        layout.addStretch(1)
        layout.addLayout(bottom)
        for line in (self.first_name, self.last_name, self.email, self.organisation):
            line.returnPressed.connect(self.focusNextChild)

    def _workshop_text(self, w: WorkshopChoice) -> str:
        if w.left is None:
            return w.name
        if w.full:
            return self.tr("%1 — full").replace("%1", w.name)
        return self.tr("%1 — %n place(s) left", "", w.left).replace("%1", w.name)

    def _line(self, accessible: str, placeholder: str) -> QLineEdit:
        line = QLineEdit()
        line.setAccessibleName(accessible)
        line.setPlaceholderText(placeholder)
        line.setFont(font(FIELD_PT))
        line.setMinimumHeight(FIELD_HEIGHT)
        line.setMaxLength(MAX_FIELD + 1)  # one more than allowed: the guest is told, not silently cut
        return line

    def _combo(self, accessible: str, items: list[tuple[str, str, bool]]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        combo.setFont(font(FIELD_PT - 2))
        combo.setMinimumHeight(FIELD_HEIGHT)
        model = QStandardItemModel(combo)
        for value, text, enabled in items:
            item = QStandardItem(text)
            item.setData(value, Qt.ItemDataRole.UserRole)
            item.setEnabled(enabled)  # a full workshop is shown, and cannot be chosen
            model.appendRow(item)
        combo.setModel(model)
        return combo

    def _error_label(self, field: Field) -> PlainLabel:
        label = PlainLabel()
        label.setAccessibleName(f"{field.value} problem")
        label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        label.setFont(font(FIELD_PT - 5))
        label.setWordWrap(True)
        self.errors[field] = label
        return label

    def value(self) -> WalkInForm:
        return WalkInForm(
            first_name=self.first_name.text(), last_name=self.last_name.text(), email=self.email.text(),
            organisation=self.organisation.text(), category=str(self.category.currentData() or ""),
            workshop=str(self.workshop.currentData() or ""), consent=self.consent.isChecked(),
            contact_ok=self.contact.isChecked(),
        )

    def fill(self, form: WalkInForm) -> None:
        """Put a form's values back (after switching the language, which rebuilds the widgets)."""
        self.first_name.setText(form.first_name)
        self.last_name.setText(form.last_name)
        self.email.setText(form.email)
        self.organisation.setText(form.organisation)
        for combo, value in ((self.category, form.category), (self.workshop, form.workshop)):
            index = combo.findData(value)
            combo.setCurrentIndex(max(0, index))
        self.consent.setChecked(form.consent)
        self.contact.setChecked(form.contact_ok)

    def show_problems(self, problems: Sequence[FormProblem]) -> None:
        for label in self.errors.values():
            label.clear()
        for p in problems:
            label = self.errors[p.field]
            if not label.text():
                label.setText(self.problem_text(p))
        if problems:
            widget = {Field.FIRST_NAME: self.first_name, Field.LAST_NAME: self.last_name, Field.EMAIL: self.email,
                      Field.ORGANISATION: self.organisation, Field.CATEGORY: self.category,
                      Field.WORKSHOP: self.workshop, Field.CONSENT: self.consent}[problems[0].field]
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def problem_text(self, p: FormProblem) -> str:
        if p.field is Field.CONSENT:
            return self.tr("Please tick this box: we cannot register you without it.")
        texts = {
            Problem.REQUIRED: self.tr("Please fill this in."),
            Problem.TOO_LONG: self.tr("This is too long (%1 characters at most).").replace("%1", str(MAX_FIELD)),
            Problem.CONTROL_CHARACTERS: self.tr("Please use letters, digits and punctuation only."),
            Problem.NOT_AN_EMAIL: self.tr("This is not an e-mail address (name@example.org)."),
            Problem.NOT_OFFERED: self.tr("Please choose from the list."),
            Problem.WORKSHOP_FULL: self.tr("This workshop just filled up: please choose another one."),
        }
        return texts[p.problem]
