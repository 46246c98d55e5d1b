"""Log-in refusals beyond the certificate checks of security.eds: the desk's own reasons.

Each is its own LoginRefused subclass with a message for the person at the desk.
"""

from __future__ import annotations

from pathlib import Path

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.security.eds import LoginRefused
from workstation.security.roles import Role


class DeskNotSetUp(LoginRefused):
    """The desk has no usable trust store or CRL folder: the administrator's job, not the user's."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "This desk is not set up for log-in yet: {detail} Ask the administrator to "
                "install the NCA RK certificates and revocation lists.",
            ).format(detail=detail)
        )


class UnknownStaff(LoginRefused):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "The key of {name} is valid, but this desk has no staff record for that IIN. "
                "Ask the administrator to add you to the staff list (or to sync the desk).",
            ).format(name=name)
        )


class StaffInactive(LoginRefused):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "The staff record of {name} is switched off on this desk, so the key cannot be "
                "used here. Ask the administrator or your supervisor.",
            ).format(name=name)
        )


class WrongBranch(LoginRefused):
    def __init__(self, name: str, staff_city: str, desk_city: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "{name} works at the {staff_city} branch; this desk is in {desk_city}. "
                "Log in at a desk of your branch, or ask the administrator to move your record.",
            ).format(name=name, staff_city=staff_city, desk_city=desk_city)
        )


class UnknownRole(LoginRefused):
    def __init__(self, name: str, role: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "The staff record of {name} has the role {role}, which this desk does not know. "
                "Ask the administrator to set one of: {roles}.",
            ).format(name=name, role=repr(role), roles=", ".join(r.label for r in Role))
        )


class KeyNotRegistered(LoginRefused):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "This is not the key registered for {name} on this desk (a newer or older key?). "
                "Use your registered key, or ask the administrator to register this one.",
            ).format(name=name)
        )


class NoSigningKey(LoginRefused):
    """NCA RK issues two keys: AUTH_* to log in and the signing key (RSA256_*, GOST512_*)
    beside it. Every event a person makes is signed with the second, so both are needed."""

    def __init__(self, folder: Path, problems: str = "") -> None:
        """`problems`: why the key files found there were refused, or empty."""
        message: str
        if problems:
            message = QT_TRANSLATE_NOOP(
                "login",
                "No usable signing key was found next to the log-in key in {folder} "
                "({problems}). Keep the signing key NCA RK issued with it (RSA256_....p12, "
                "same password) in the same folder: every record you make is signed with it.",
            ).format(folder=str(folder), problems=problems)
        else:
            message = QT_TRANSLATE_NOOP(
                "login",
                "No usable signing key was found next to the log-in key in {folder}. "
                "Keep the signing key NCA RK issued with it (RSA256_....p12, same password) in "
                "the same folder: every record you make is signed with it.",
            ).format(folder=str(folder))
        super().__init__(message)


class NotTheLockingKey(LoginRefused):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "login",
                "The desk is locked by {name}; only that person's key unlocks it. "
                "To use the desk yourself, log out from the lock screen first.",
            ).format(name=name)
        )
