"""Fingerprint quality policy: thresholds, tries, exceptions, and when the ten-print set is done.

The rules follow MOSIP's registration client where it has one, with one deliberate difference:

- Threshold per slap, 0-100 (MOSIP ``mosip.registration.leftslap/rightslap/thumbs_
  fingerprint_threshold``, default 40 each); a finger passes when its best try reaches it.
- At most 3 tries per finger (MOSIP ``mosip.registration.num_of_fingerprint_retries``).
- Missing fingers are marked as exceptions, each with a reason. MOSIP lets the operator mark
  them before capture (they go to the device in the RCAPTURE ``exception`` list); so do we for
  fingers that cannot be placed at all: AMPUTATED and BANDAGED may be recorded at any time.
  INJURED and OTHER (OTHER needs a note) describe a finger that is there but reads badly, so
  they are accepted only after all tries stayed below the threshold.
- The difference: MOSIP lets the operator go on with a below-threshold best capture once the
  retries are used up. Here such a finger is complete only with an exception recorded
  (DOMAIN.md asks for a reason for every finger not captured to standard); its best try is
  kept and travels with the exception, so nothing captured is thrown away.

Every type here is an immutable value; a "change" returns a new value (a pure state machine the
UI and the services can replay and test without a device).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from types import MappingProxyType

from workstation.biometrics.sbi import CapturedPrint, FingerPosition, Slap
from workstation.i18n import QT_TRANSLATE_NOOP

DEFAULT_THRESHOLD = 40
DEFAULT_MAX_TRIES = 3
MINIMUM_AGE_YEARS = 16


class ExceptionReason(enum.Enum):
    """Why a finger has no print of the required quality."""

    AMPUTATED = "amputated"
    INJURED = "injured"
    BANDAGED = "bandaged"
    OTHER = "other"

    @property
    def needs_tries_first(self) -> bool:
        """A finger that is there must be tried before it may be excused."""
        return self in (ExceptionReason.INJURED, ExceptionReason.OTHER)


# The reasons as the messages above quote them (the UI has its own labels for the list).
_REASON_WORDS = {
    "amputated": QT_TRANSLATE_NOOP("fingerprints", "amputated"),
    "injured": QT_TRANSLATE_NOOP("fingerprints", "injured"),
    "bandaged": QT_TRANSLATE_NOOP("fingerprints", "bandaged"),
    "other": QT_TRANSLATE_NOOP("fingerprints", "other"),
}


class FingerState(enum.Enum):
    NOT_CAPTURED = "not captured"
    RETRY = "below threshold, try again"
    ACCEPTED = "accepted"
    NEEDS_EXCEPTION = "below threshold after all tries: record an exception"
    EXCEPTION = "exception recorded"


class CaptureRuleBroken(ValueError):
    """A capture step the policy does not allow; the message says what to do instead."""


class NoTriesLeft(CaptureRuleBroken):
    def __init__(self, position: FingerPosition, max_tries: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "fingerprints",
                "{finger}: all {tries} tries are used. Keep the best print and record "
                "an exception reason.",
            ).format(finger=position.label, tries=max_tries)
        )


class ExceptionNotAllowed(CaptureRuleBroken):
    pass


class ExceptionNoteRequired(CaptureRuleBroken):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "fingerprints", 'Describe the reason in the note when choosing "Other".'
            )
        )


def _default_thresholds() -> Mapping[Slap, int]:
    return MappingProxyType({slap: DEFAULT_THRESHOLD for slap in Slap})


@dataclass(frozen=True)
class QualityPolicy:
    """Configurable thresholds (per slap, 0-100) and the number of tries per finger."""

    thresholds: Mapping[Slap, int] = field(default_factory=_default_thresholds)
    max_tries: int = DEFAULT_MAX_TRIES

    def __post_init__(self) -> None:
        missing = [s.name for s in Slap if s not in self.thresholds]
        if missing:
            raise ValueError(f"No quality threshold for {', '.join(missing)}")
        if any(not 0 <= t <= 100 for t in self.thresholds.values()):
            raise ValueError("Quality thresholds must be between 0 and 100")
        if self.max_tries < 1:
            raise ValueError("At least one try per finger is needed")
        object.__setattr__(self, "thresholds", MappingProxyType(dict(self.thresholds)))

    def threshold_for(self, position: FingerPosition) -> int:
        return self.thresholds[position.slap]

    def new_session(self, position: FingerPosition) -> FingerCaptureSession:
        return FingerCaptureSession(position, self.threshold_for(position), self.max_tries)

    def new_ten_print(self) -> TenPrintSet:
        return TenPrintSet(tuple(self.new_session(p) for p in FingerPosition))


def _age_in_years(birth_date: date, on_date: date) -> int:
    years = on_date.year - birth_date.year
    if (on_date.month, on_date.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def capture_required(
    birth_date: date, on_date: date, minimum_age: int = MINIMUM_AGE_YEARS
) -> tuple[bool, str]:
    """Whether fingerprints are mandatory for someone born on ``birth_date``, and why.

    Mandatory from the 16th birthday (Kazakhstan, since 1 Jan 2024). Someone born on 29
    February turns a year older on 1 March in non-leap years, as the comparison of (month, day)
    pairs gives.
    """
    if birth_date > on_date:
        raise ValueError("The birth date is after the capture date; check the birth date.")
    age = _age_in_years(birth_date, on_date)
    if age < minimum_age:
        return False, QT_TRANSLATE_NOOP(
            "fingerprints",
            "Fingerprinting is not required: the applicant is {age}, under {minimum}.",
        ).format(age=age, minimum=minimum_age)
    return True, QT_TRANSLATE_NOOP(
        "fingerprints", "Fingerprinting is required: the applicant is {age} ({minimum} or over)."
    ).format(age=age, minimum=minimum_age)


@dataclass(frozen=True)
class FingerException:
    reason: ExceptionReason
    note: str = ""


@dataclass(frozen=True)
class FingerCaptureSession:
    """Tries, best print and exception of one finger; every method returns a new session."""

    position: FingerPosition
    threshold: int
    max_tries: int
    tries: int = 0
    best: CapturedPrint | None = None
    exception: FingerException | None = None

    @property
    def best_quality(self) -> int | None:
        return None if self.best is None else self.best.quality

    @property
    def passed(self) -> bool:
        return self.best is not None and self.best.quality >= self.threshold

    @property
    def tries_left(self) -> int:
        return max(0, self.max_tries - self.tries)

    @property
    def state(self) -> FingerState:
        if self.exception is not None:
            return FingerState.EXCEPTION
        if self.passed:
            return FingerState.ACCEPTED
        if self.tries == 0:
            return FingerState.NOT_CAPTURED
        if self.tries_left == 0:
            return FingerState.NEEDS_EXCEPTION
        return FingerState.RETRY

    @property
    def is_complete(self) -> bool:
        return self.state in (FingerState.ACCEPTED, FingerState.EXCEPTION)

    @property
    def may_try_again(self) -> bool:
        return self.exception is None and self.tries_left > 0

    def record_try(self, captured: CapturedPrint) -> FingerCaptureSession:
        """Count one try; the print is kept only if it beats the best so far."""
        if captured.position is not self.position:
            raise ValueError(
                f"A print of {captured.position.value} cannot count for {self.position.value}."
            )
        if self.exception is not None:
            raise CaptureRuleBroken(
                QT_TRANSLATE_NOOP(
                    "fingerprints",
                    "{finger} has an exception recorded; remove it before capturing.",
                ).format(finger=self.position.label)
            )
        if self.tries_left == 0:
            raise NoTriesLeft(self.position, self.max_tries)
        best = self.best
        if best is None or captured.quality > best.quality:
            best = captured
        return replace(self, tries=self.tries + 1, best=best)

    def exception_allowed(self, reason: ExceptionReason) -> tuple[bool, str]:
        """Whether ``reason`` may be recorded now; if not, the text says what to do first."""
        if self.passed:
            return False, QT_TRANSLATE_NOOP(
                "fingerprints",
                "{finger} already has a print of quality {quality}; no exception is needed.",
            ).format(finger=self.position.label, quality=self.best_quality)
        if reason.needs_tries_first and self.tries_left > 0:
            return False, QT_TRANSLATE_NOOP(
                "fingerprints",
                'Try {finger} {max} times before recording "{reason}" ({tries} of {max} done).',
            ).format(
                finger=self.position.label,
                max=self.max_tries,
                reason=_REASON_WORDS.get(reason.value, reason.value),
                tries=self.tries,
            )
        return True, ""

    def record_exception(self, reason: ExceptionReason, note: str = "") -> FingerCaptureSession:
        allowed, why_not = self.exception_allowed(reason)
        if not allowed:
            raise ExceptionNotAllowed(why_not)
        note = note.strip()
        if reason is ExceptionReason.OTHER and not note:
            raise ExceptionNoteRequired()
        return replace(self, exception=FingerException(reason, note))

    def clear_exception(self) -> FingerCaptureSession:
        return replace(self, exception=None)


@dataclass(frozen=True)
class TenPrintSet:
    """The ten finger sessions of one applicant."""

    sessions: tuple[FingerCaptureSession, ...]

    def __post_init__(self) -> None:
        positions = [s.position for s in self.sessions]
        if sorted(p.value for p in positions) != sorted(p.value for p in FingerPosition):
            raise ValueError("A ten-print set needs exactly one session per finger")

    def finger(self, position: FingerPosition) -> FingerCaptureSession:
        return next(s for s in self.sessions if s.position is position)

    def with_finger(self, session: FingerCaptureSession) -> TenPrintSet:
        return TenPrintSet(
            tuple(session if s.position is session.position else s for s in self.sessions)
        )

    def record_prints(self, prints: Iterable[CapturedPrint]) -> TenPrintSet:
        """Count one try for each finger a capture returned."""
        updated = self
        for captured in prints:
            updated = updated.with_finger(updated.finger(captured.position).record_try(captured))
        return updated

    def exceptions_for(self, slap: Slap) -> tuple[FingerPosition, ...]:
        """Fingers of ``slap`` to send in the RCAPTURE exception list (not to be scanned)."""
        return tuple(f for f in slap.fingers if self.finger(f).exception is not None)

    def still_to_capture(self, slap: Slap) -> tuple[FingerPosition, ...]:
        """Fingers of ``slap`` to request next: not yet passed, not excused, tries left."""
        return tuple(
            f for f in slap.fingers if self.finger(f).may_try_again and not self.finger(f).passed
        )

    @property
    def incomplete(self) -> tuple[FingerPosition, ...]:
        return tuple(s.position for s in self.sessions if not s.is_complete)

    @property
    def is_complete(self) -> bool:
        return not self.incomplete
