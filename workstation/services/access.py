"""The role check every service runs first: the session's actor against the permission table."""

from __future__ import annotations

from workstation.domain.actions import Action
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.journal.envelope import Actor
from workstation.security.roles import NotPermitted, Role, require

__all__ = ["NoStaffRole", "NotPermitted", "actor_role", "require_actor"]


class NoStaffRole(PermissionError):
    """The actor carries no role of the permission table (not logged in with an EDS key)."""

    def __init__(self, actor: Actor, action: Action) -> None:
        self.action = action
        if actor.name:
            message = QT_TRANSLATE_NOOP(
                "access",
                "{name} has no staff role on this desk and may not {action}. "
                "Log in with your EDS key.",
            ).format(name=actor.name, action=action.label)
        else:
            message = QT_TRANSLATE_NOOP(
                "access",
                "This user has no staff role on this desk and may not {action}. "
                "Log in with your EDS key.",
            ).format(action=action.label)
        super().__init__(message)


def actor_role(actor: Actor) -> Role | None:
    """The actor's role, or None when the text is not one of the table's roles."""
    try:
        return Role(actor.role)
    except ValueError:
        return None


def require_actor(actor: Actor, action: Action) -> None:
    """Raise NotPermitted (or NoStaffRole) unless the actor's role may do `action`."""
    role = actor_role(actor)
    if role is None:
        raise NoStaffRole(actor, action)
    require(role, action)
