"""Fingerprint quality policy: thresholds, tries, exceptions, ten-print completeness, age rule."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from workstation.biometrics.quality import (
    CaptureRuleBroken,
    ExceptionNotAllowed,
    ExceptionNoteRequired,
    ExceptionReason,
    FingerState,
    NoTriesLeft,
    QualityPolicy,
    capture_required,
)
from workstation.biometrics.sbi import CapturedPrint, FingerPosition, Slap

LEFT_INDEX = FingerPosition.LEFT_INDEX


def a_print(position: FingerPosition, quality: int) -> CapturedPrint:
    return CapturedPrint(
        position=position,
        image_png=f"png-{position.name}-{quality}".encode(),
        quality=quality,
        device_id="1",
        device_serial="SIM1",
        captured_at=datetime(2026, 1, 5, 10, 0, tzinfo=UTC),
    )


def test_default_policy_is_40_for_every_slap_and_3_tries() -> None:
    policy = QualityPolicy()
    assert {policy.threshold_for(p) for p in FingerPosition} == {40}
    assert policy.max_tries == 3


def test_thresholds_are_configurable_per_slap() -> None:
    policy = QualityPolicy(thresholds={Slap.LEFT_SLAP: 50, Slap.RIGHT_SLAP: 45, Slap.THUMBS: 30})
    assert policy.threshold_for(FingerPosition.LEFT_RING) == 50
    assert policy.threshold_for(FingerPosition.RIGHT_INDEX) == 45
    assert policy.threshold_for(FingerPosition.RIGHT_THUMB) == 30


@pytest.mark.parametrize(
    "kwargs",
    [
        {"thresholds": {Slap.LEFT_SLAP: 40, Slap.RIGHT_SLAP: 40}},
        {"thresholds": {Slap.LEFT_SLAP: 40, Slap.RIGHT_SLAP: 40, Slap.THUMBS: 101}},
        {"max_tries": 0},
    ],
)
def test_invalid_policy_is_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        QualityPolicy(**kwargs)  # type: ignore[arg-type]


def test_a_try_at_the_threshold_is_accepted() -> None:
    session = QualityPolicy().new_session(LEFT_INDEX)
    assert session.state is FingerState.NOT_CAPTURED
    session = session.record_try(a_print(LEFT_INDEX, 40))
    assert session.state is FingerState.ACCEPTED
    assert session.is_complete
    assert session.tries == 1


def test_best_try_is_kept_not_the_last() -> None:
    session = QualityPolicy().new_session(LEFT_INDEX)
    session = session.record_try(a_print(LEFT_INDEX, 30))
    assert session.state is FingerState.RETRY
    session = session.record_try(a_print(LEFT_INDEX, 20))
    assert session.best_quality == 30
    assert session.best is not None and session.best.image_png == b"png-LEFT_INDEX-30"
    session = session.record_try(a_print(LEFT_INDEX, 55))
    assert session.best_quality == 55
    assert session.state is FingerState.ACCEPTED


def test_sessions_are_values_recording_returns_a_new_one() -> None:
    before = QualityPolicy().new_session(LEFT_INDEX)
    after = before.record_try(a_print(LEFT_INDEX, 90))
    assert before.tries == 0 and before.best is None
    assert after.tries == 1


def test_below_threshold_after_three_tries_needs_an_exception() -> None:
    session = QualityPolicy().new_session(LEFT_INDEX)
    for quality in (10, 25, 39):
        session = session.record_try(a_print(LEFT_INDEX, quality))
    assert session.state is FingerState.NEEDS_EXCEPTION
    assert not session.is_complete
    with pytest.raises(NoTriesLeft):
        session.record_try(a_print(LEFT_INDEX, 90))
    session = session.record_exception(ExceptionReason.INJURED)
    assert session.state is FingerState.EXCEPTION
    assert session.is_complete
    assert session.best_quality == 39  # the best effort travels with the exception


def test_injured_or_other_only_after_all_tries() -> None:
    session = QualityPolicy().new_session(LEFT_INDEX).record_try(a_print(LEFT_INDEX, 10))
    allowed, why = session.exception_allowed(ExceptionReason.INJURED)
    assert not allowed
    assert "1 of 3" in why
    with pytest.raises(ExceptionNotAllowed):
        session.record_exception(ExceptionReason.OTHER, "scar")


@pytest.mark.parametrize("reason", [ExceptionReason.AMPUTATED, ExceptionReason.BANDAGED])
def test_a_finger_that_cannot_be_placed_is_excused_before_any_try(
    reason: ExceptionReason,
) -> None:
    session = QualityPolicy().new_session(LEFT_INDEX).record_exception(reason)
    assert session.state is FingerState.EXCEPTION
    assert session.tries == 0
    with pytest.raises(CaptureRuleBroken):
        session.record_try(a_print(LEFT_INDEX, 80))
    assert session.clear_exception().record_try(a_print(LEFT_INDEX, 80)).passed


def test_other_needs_a_note() -> None:
    session = QualityPolicy(max_tries=1).new_session(LEFT_INDEX)
    session = session.record_try(a_print(LEFT_INDEX, 5))
    with pytest.raises(ExceptionNoteRequired):
        session.record_exception(ExceptionReason.OTHER, "   ")
    excused = session.record_exception(ExceptionReason.OTHER, " worn ridges ")
    assert excused.exception is not None and excused.exception.note == "worn ridges"


def test_no_exception_for_a_finger_that_passed() -> None:
    session = QualityPolicy().new_session(LEFT_INDEX).record_try(a_print(LEFT_INDEX, 70))
    with pytest.raises(ExceptionNotAllowed):
        session.record_exception(ExceptionReason.AMPUTATED)


def test_a_print_of_another_finger_is_refused() -> None:
    with pytest.raises(ValueError):
        QualityPolicy().new_session(LEFT_INDEX).record_try(a_print(FingerPosition.LEFT_RING, 70))


def test_ten_print_set_is_complete_when_every_finger_passed_or_is_excused() -> None:
    ten = QualityPolicy().new_ten_print()
    assert not ten.is_complete
    assert len(ten.incomplete) == 10
    ten = ten.record_prints(a_print(f, 80) for f in FingerPosition if f != LEFT_INDEX)
    assert ten.incomplete == (LEFT_INDEX,)
    assert ten.still_to_capture(Slap.LEFT_SLAP) == (LEFT_INDEX,)
    assert ten.still_to_capture(Slap.THUMBS) == ()
    ten = ten.with_finger(ten.finger(LEFT_INDEX).record_exception(ExceptionReason.AMPUTATED))
    assert ten.exceptions_for(Slap.LEFT_SLAP) == (LEFT_INDEX,)
    assert ten.still_to_capture(Slap.LEFT_SLAP) == ()
    assert ten.is_complete


def test_ten_print_set_with_a_low_finger_is_not_complete() -> None:
    ten = QualityPolicy().new_ten_print()
    ten = ten.record_prints(a_print(f, 15 if f == LEFT_INDEX else 80) for f in FingerPosition)
    assert ten.incomplete == (LEFT_INDEX,)
    assert ten.finger(LEFT_INDEX).state is FingerState.RETRY


@pytest.mark.parametrize(
    ("birth", "on", "required"),
    [
        (date(2010, 3, 15), date(2026, 3, 14), False),  # 15 years 364 days
        (date(2010, 3, 15), date(2026, 3, 15), True),  # 16th birthday
        (date(1990, 1, 1), date(2026, 3, 15), True),
        (date(2020, 6, 1), date(2026, 3, 15), False),
    ],
)
def test_capture_required_from_the_16th_birthday(birth: date, on: date, required: bool) -> None:
    needed, reason = capture_required(birth, on)
    assert needed is required
    assert ("not required" in reason) is (not required)


def test_capture_required_says_the_age() -> None:
    assert capture_required(date(2010, 3, 15), date(2026, 3, 14)) == (
        False,
        "Fingerprinting is not required: the applicant is 15, under 16.",
    )


def test_born_on_29_february() -> None:
    assert capture_required(date(2008, 2, 29), date(2024, 2, 28))[0] is False
    assert capture_required(date(2008, 2, 29), date(2024, 2, 29))[0] is True
    # In a year without 29 February the birthday counts from 1 March.
    assert capture_required(date(2008, 2, 29), date(2025, 2, 28), minimum_age=17)[0] is False
    assert capture_required(date(2008, 2, 29), date(2025, 3, 1), minimum_age=17)[0] is True


def test_birth_after_capture_date_is_an_error() -> None:
    with pytest.raises(ValueError):
        capture_required(date(2027, 1, 1), date(2026, 1, 1))
