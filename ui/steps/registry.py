"""Which form records which checklist step: each step's declaration names its form
(workstation.domain.checklist.SPECS, "module:function"); the case view offers only these."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QDialog

from workstation.domain.checklist import SPECS, Step
from workstation.services.desk import CaseDetail

if TYPE_CHECKING:
    from ui.window import DeskWindow

# An opener shows the step's form for the case in the window (non-blocking) and returns it,
# or None when the step cannot be recorded for this case now.
StepOpener = Callable[["DeskWindow", CaseDetail], QDialog | None]


def resolve(form: str) -> StepOpener:
    """The function a "module:function" form string names (importing its module)."""
    module, _, function = form.partition(":")
    return cast(StepOpener, getattr(importlib.import_module(module), function))


def _on_first_use(form: str) -> StepOpener:
    """Import a form's module when the clerk first opens it, not at start-up (the forms,
    the scanner client and pypdf add a quarter of a second to a cold start)."""

    def open_form(window: DeskWindow, detail: CaseDetail) -> QDialog | None:
        return resolve(form)(window, detail)

    return open_form


def openers() -> dict[Step, StepOpener]:
    return {spec.step: _on_first_use(spec.form) for spec in SPECS}
