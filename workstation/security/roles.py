"""Staff roles, the actions (workstation.domain.actions) they may take, and the one permission
table services check."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

from workstation.domain.actions import Action
from workstation.i18n import QT_TRANSLATE_NOOP, Template


class Role(Enum):
    """A staff member's role at the desk (DOMAIN.md, "Users")."""

    CLERK = "clerk"
    MIGRATION_OFFICER = "migration_officer"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


# The role's name (English: "clerk"); a Template, so the desk shows it in its language and
# a stored English reason that names a role reads back translated (ui.i18n.stored_text).
_ROLE_LABELS: Mapping[Role, str] = MappingProxyType(
    {
        Role.CLERK: QT_TRANSLATE_NOOP("roles", "clerk"),
        Role.MIGRATION_OFFICER: QT_TRANSLATE_NOOP("roles", "migration officer"),
        Role.SUPERVISOR: QT_TRANSLATE_NOOP("roles", "supervisor"),
        Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("roles", "administrator"),
    }
)

# The single source of truth. Supervisors only read; administrators never touch case data or
# biometric data (Personal Data Law No. 94-V: fingerprints are biometric data).
PERMISSIONS: Mapping[Role, frozenset[Action]] = MappingProxyType(
    {
        Role.CLERK: frozenset(
            {
                Action.VIEW_CASES,
                Action.RECORD_ARRIVAL,
                Action.RECORD_STEP,
                Action.CAPTURE_FINGERPRINTS,
                Action.VIEW_FINGERPRINTS,
                Action.PRINT_APPLICATION,
                Action.SUBMIT_APPLICATION,
                Action.SYNC,
            }
        ),
        Role.MIGRATION_OFFICER: frozenset(
            {
                Action.VIEW_CASES,
                Action.PRINT_APPLICATION,
                Action.REVIEW_APPLICATION,
                Action.DECIDE_APPLICATION,
                Action.SYNC,
            }
        ),
        Role.SUPERVISOR: frozenset(
            {
                Action.VIEW_CASES,
                Action.VIEW_REPORTS,
                Action.VIEW_AUDIT,
                Action.SYNC,
            }
        ),
        Role.ADMINISTRATOR: frozenset(
            {
                Action.MANAGE_SETUP,
                Action.MANAGE_STAFF,
                Action.SYNC,
            }
        ),
    }
)


class NotPermitted(PermissionError):
    """A role tried an action the permission table does not give it."""

    def __init__(self, role: Role, action: Action) -> None:
        self.role = role
        self.action = action
        allowed = roles_allowed(action)
        if allowed:
            who: str = _ROLE_WITH_ARTICLE[allowed[0]]
            for other in allowed[1:]:
                who = QT_TRANSLATE_NOOP("access", "{first} or {second}").format(
                    first=who, second=_ROLE_WITH_ARTICLE[other]
                )
            message = QT_TRANSLATE_NOOP(
                "access", "As {role} you may not {action}. Ask {who} to do it."
            ).format(role=_ROLE_WITH_ARTICLE[role], action=action.label, who=who)
        else:
            message = QT_TRANSLATE_NOOP(
                "access", "As {role} you may not {action}. No role may do this."
            ).format(role=_ROLE_WITH_ARTICLE[role], action=action.label)
        super().__init__(message)


def is_permitted(role: Role, action: Action) -> bool:
    """Whether the permission table lets `role` do `action`."""
    return action in PERMISSIONS[role]


def require(role: Role, action: Action) -> None:
    """Raise NotPermitted unless `role` may do `action`; every service calls this first."""
    if not is_permitted(role, action):
        raise NotPermitted(role, action)


def roles_allowed(action: Action) -> tuple[Role, ...]:
    """The roles that may do `action`, in the order of the Role enum."""
    return tuple(role for role in Role if action in PERMISSIONS[role])


def permission_table_markdown() -> str:
    """The role x action table as Markdown, for the admin guide."""
    header = "| Action | " + " | ".join(role.label.capitalize() for role in Role) + " |"
    rule = "|---|" + "|".join(":-:" for _ in Role) + "|"
    rows = [
        f"| {action.label.capitalize()} | "
        + " | ".join("yes" if is_permitted(role, action) else "no" for role in Role)
        + " |"
        for action in Action
    ]
    return "\n".join([header, rule, *rows]) + "\n"


# A role as a sentence names one of them (English: "a clerk", "an administrator").
_ROLE_WITH_ARTICLE: Mapping[Role, Template] = MappingProxyType(
    {
        Role.CLERK: QT_TRANSLATE_NOOP("access", "a clerk"),
        Role.MIGRATION_OFFICER: QT_TRANSLATE_NOOP("access", "a migration officer"),
        Role.SUPERVISOR: QT_TRANSLATE_NOOP("access", "a supervisor"),
        Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("access", "an administrator"),
    }
)
