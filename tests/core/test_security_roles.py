"""Every cell of the role x action permission table, against a matrix written out by hand."""

from __future__ import annotations

import pytest

from workstation.domain.actions import Action
from workstation.security.roles import (
    NotPermitted,
    Role,
    is_permitted,
    permission_table_markdown,
    require,
    roles_allowed,
)

# Written independently of roles.py: Y = allowed, . = refused.
EXPECTED_TABLE = """
action                clerk  officer  supervisor  administrator
view_cases            Y      Y        Y           .
record_arrival        Y      .        .           .
record_step           Y      .        .           .
capture_fingerprints  Y      .        .           .
view_fingerprints     Y      .        .           .
print_application     Y      Y        .           .
submit_application    Y      .        .           .
review_application    .      Y        .           .
decide_application    .      Y        .           .
view_reports          .      .        Y           .
view_audit            .      .        Y           .
manage_setup          .      .        .           Y
manage_staff          .      .        .           Y
sync                  Y      Y        Y           Y
"""

_COLUMNS = {
    "clerk": Role.CLERK,
    "officer": Role.MIGRATION_OFFICER,
    "supervisor": Role.SUPERVISOR,
    "administrator": Role.ADMINISTRATOR,
}


def _expected() -> dict[tuple[Role, Action], bool]:
    lines = [line.split() for line in EXPECTED_TABLE.strip().splitlines()]
    header, rows = lines[0][1:], lines[1:]
    cells = {}
    for action_name, *marks in rows:
        for column, mark in zip(header, marks, strict=True):
            cells[(_COLUMNS[column], Action(action_name))] = mark == "Y"
    return cells


EXPECTED = _expected()
CELLS = sorted(EXPECTED.items(), key=lambda item: (item[0][0].value, item[0][1].value))


def test_the_expected_matrix_covers_every_role_and_action() -> None:
    assert set(EXPECTED) == {(role, action) for role in Role for action in Action}


@pytest.mark.parametrize(
    ("role", "action", "allowed"),
    [(role, action, allowed) for (role, action), allowed in CELLS],
    ids=[f"{role.value}-{action.value}" for (role, action), _ in CELLS],
)
def test_permission_cell(role: Role, action: Action, allowed: bool) -> None:
    assert is_permitted(role, action) is allowed
    if allowed:
        require(role, action)
    else:
        with pytest.raises(NotPermitted) as refused:
            require(role, action)
        message = str(refused.value)
        assert role.label in message
        assert action.label in message
        assert refused.value.role is role
        assert refused.value.action is action


def test_refusal_is_a_permission_error_and_says_who_can() -> None:
    with pytest.raises(PermissionError) as refused:
        require(Role.CLERK, Action.DECIDE_APPLICATION)
    assert str(refused.value) == (
        "As a clerk you may not decide on an application. Ask a migration officer to do it."
    )


def test_administrator_never_touches_biometrics_or_case_data() -> None:
    for action in (
        Action.VIEW_FINGERPRINTS,
        Action.CAPTURE_FINGERPRINTS,
        Action.VIEW_CASES,
        Action.RECORD_ARRIVAL,
        Action.RECORD_STEP,
    ):
        assert not is_permitted(Role.ADMINISTRATOR, action)


def test_supervisor_cannot_change_case_data() -> None:
    changing = {
        Action.RECORD_ARRIVAL,
        Action.RECORD_STEP,
        Action.CAPTURE_FINGERPRINTS,
        Action.SUBMIT_APPLICATION,
        Action.DECIDE_APPLICATION,
    }
    assert not any(is_permitted(Role.SUPERVISOR, action) for action in changing)


def test_roles_allowed_lists_roles_in_enum_order() -> None:
    assert roles_allowed(Action.VIEW_CASES) == (
        Role.CLERK,
        Role.MIGRATION_OFFICER,
        Role.SUPERVISOR,
    )


def test_markdown_table_has_one_row_per_action_matching_the_matrix() -> None:
    lines = permission_table_markdown().strip().splitlines()
    assert lines[0] == "| Action | Clerk | Migration officer | Supervisor | Administrator |"
    rows = lines[2:]
    assert len(rows) == len(Action)
    for action, row in zip(Action, rows, strict=True):
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert cells[0] == action.label.capitalize()
        assert cells[1:] == ["yes" if EXPECTED[(role, action)] else "no" for role in Role]
