"""The actions a service does on a user's behalf: pure data, so the domain can name the one a
step needs (security.roles says which role may do which)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

from workstation.i18n import QT_TRANSLATE_NOOP


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
