"""Staff roles, the actions they may take, and the one permission table services check."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

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


class Action(Enum):
    """Something a service does on a user's behalf; each service checks one of these."""

    VIEW_CASES = "view_cases"
    RECORD_ARRIVAL = "record_arrival"
    # One action for the checklist steps (medical exam, housing, state duty, documents):
    # the same people record all of them and none is more sensitive than the others.
    RECORD_STEP = "record_step"
    CAPTURE_FINGERPRINTS = "capture_fingerprints"
    VIEW_FINGERPRINTS = "view_fingerprints"
    PRINT_APPLICATION = "print_application"
    SUBMIT_APPLICATION = "submit_application"
    REVIEW_APPLICATION = "review_application"
    DECIDE_APPLICATION = "decide_application"
    VIEW_REPORTS = "view_reports"
    VIEW_AUDIT = "view_audit"
    # Trust store, central connection and other workstation set-up.
    MANAGE_SETUP = "manage_setup"
    MANAGE_STAFF = "manage_staff"
    # Exchanging events with central now (F5, or the desk's timer for whoever is logged in):
    # every role works on a desk that must stay current. Changing where and how often it
    # syncs is MANAGE_SETUP.
    SYNC = "sync"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


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

_ACTION_LABELS: Mapping[Action, str] = MappingProxyType(
    {
        Action.VIEW_CASES: QT_TRANSLATE_NOOP("access", "view cases"),
        Action.RECORD_ARRIVAL: QT_TRANSLATE_NOOP("access", "record an arrival"),
        Action.RECORD_STEP: QT_TRANSLATE_NOOP(
            "access", "record a step (medical exam, housing, state duty, documents)"
        ),
        Action.CAPTURE_FINGERPRINTS: QT_TRANSLATE_NOOP("access", "capture fingerprints"),
        Action.VIEW_FINGERPRINTS: QT_TRANSLATE_NOOP("access", "view fingerprints"),
        Action.PRINT_APPLICATION: QT_TRANSLATE_NOOP("access", "print an application"),
        Action.SUBMIT_APPLICATION: QT_TRANSLATE_NOOP("access", "submit an application"),
        Action.REVIEW_APPLICATION: QT_TRANSLATE_NOOP("access", "review an application"),
        Action.DECIDE_APPLICATION: QT_TRANSLATE_NOOP("access", "decide on an application"),
        Action.VIEW_REPORTS: QT_TRANSLATE_NOOP("access", "view and print reports"),
        Action.VIEW_AUDIT: QT_TRANSLATE_NOOP("access", "view the audit log"),
        Action.MANAGE_SETUP: QT_TRANSLATE_NOOP(
            "access", "change the workstation set-up (trust store, central connection)"
        ),
        Action.MANAGE_STAFF: QT_TRANSLATE_NOOP("access", "manage staff records"),
        Action.SYNC: QT_TRANSLATE_NOOP("access", "synchronise the desk with central"),
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
