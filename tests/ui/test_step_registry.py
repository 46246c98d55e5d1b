"""The step forms are found through the step declarations."""

from __future__ import annotations

from workstation.domain.checklist import SPECS, Step, title_of


def test_every_spec_names_a_form_function_in_ui() -> None:
    from ui.steps.registry import resolve

    for spec in SPECS:
        assert callable(resolve(spec.form)), spec.form


def test_every_step_has_an_opener_and_its_label_is_its_declared_title(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui import labels
    from ui.steps.registry import openers

    assert set(openers()) == set(Step)
    assert [labels.step_label(step) for step in Step] == [title_of(step) for step in Step]
