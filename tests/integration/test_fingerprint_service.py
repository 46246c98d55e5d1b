"""Fingerprint use cases on a real desk store, with prints from the SBI simulator process."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.sbi_simulator import running_simulator
from workstation.biometrics.quality import (
    ExceptionReason,
    FingerException,
    QualityPolicy,
)
from workstation.biometrics.sbi import (
    CapturedPrint,
    FingerPosition,
    SbiClient,
    Slap,
    trusted_ca_from_pem,
)
from workstation.biometrics.simulator import FingerprintArt
from workstation.domain.checklist import Step, StepStatus
from workstation.domain.clock import FixedClock
from workstation.domain.lifecycle import EventType, TransitionRefused
from workstation.domain.programme import DEFAULT_RULES
from workstation.journal.envelope import Actor, new_event
from workstation.journal.projector import record
from workstation.services import fingerprints as fingerprints_module
from workstation.services.context import DeskContext
from workstation.services.desk import CaseNotFound, Desk
from workstation.services.fingerprints import (
    FingerprintDesk,
    FingerprintsNotRequired,
    FingerprintsRefused,
    PrintsViewed,
)
from workstation.store.local import LocalStore
from workstation.store.models import fingerprint_prints, journal
from workstation.sync.demo_seed import approval_event

CLERK = Actor(iin="910517400017", name="TEST CLERK", role="clerk", cert_fingerprint="ab" * 32)
ART = FingerprintArt()


@pytest.fixture(scope="module")
def simulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    with running_simulator(tmp_path_factory.mktemp("sbi"), scan_ms=20) as started:
        yield started


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    opened = LocalStore.open(tmp_path / "desk", create=True)
    yield opened
    opened.close()


@pytest.fixture
def seen() -> list[PrintsViewed]:
    return []


@pytest.fixture
def context(store: LocalStore, fixed_clock: FixedClock) -> DeskContext:
    return DeskContext(
        store, actor=CLERK, workstation_id="WS-T", rules=DEFAULT_RULES, clock=fixed_clock
    )


@pytest.fixture
def service(context: DeskContext, seen: list[PrintsViewed]) -> FingerprintDesk:
    return FingerprintDesk(context, viewed_prints=seen.append)


def open_case(store: LocalStore, make_approval, clock: FixedClock, n: int = 1, **kw) -> str:  # type: ignore[no-untyped-def]
    approval = make_approval(n, **kw)
    with store.transaction() as conn:
        record(conn, approval_event(approval), origin="central", rules=DEFAULT_RULES, strict=False)
    return str(approval.case_id)


def arrive(store: LocalStore, case_id: str, clock: FixedClock) -> None:
    payload = {"entry_date": (clock.today() - timedelta(days=1)).isoformat(), "border_point": "X"}
    event = new_event(case_id, EventType.ARRIVAL_RECORDED, payload, CLERK, "WS-T", clock)
    with store.transaction() as conn:
        record(conn, event, origin="local", rules=DEFAULT_RULES, strict=True)


def synthetic(position: FingerPosition, quality: int, clock: FixedClock) -> CapturedPrint:
    return CapturedPrint(
        position=position,
        image_png=ART.png(position, degraded=quality < 40),
        quality=quality,
        device_id="1",
        device_serial="SIM0000000001",
        captured_at=clock.now(),
    )


def ten(clock: FixedClock, quality: int = 80) -> list[CapturedPrint]:
    return [synthetic(p, quality, clock) for p in FingerPosition]


def counts(store: LocalStore) -> tuple[int, int]:
    with store.reading() as conn:
        rows = conn.execute(select(func.count()).select_from(fingerprint_prints)).scalar_one()
        events = conn.execute(
            select(func.count())
            .select_from(journal)
            .where(journal.c.type == str(EventType.FINGERPRINTS_CAPTURED))
        ).scalar_one()
    return int(rows), int(events)


def captured_event(store: LocalStore) -> dict:  # type: ignore[type-arg]
    with store.reading() as conn:
        payload = conn.execute(
            select(journal.c.payload).where(journal.c.type == str(EventType.FINGERPRINTS_CAPTURED))
        ).scalar_one()
    return dict(json.loads(payload))


def test_prints_from_the_simulator_are_stored_with_the_event_in_one_go(  # type: ignore[no-untyped-def]
    simulator,
    store,
    service,
    make_approval,
    fixed_clock,
) -> None:
    port, ca_file = simulator
    client = SbiClient(ports=[port], trusted_ca=trusted_ca_from_pem(ca_file.read_bytes()))
    device = client.find_finger_scanner()
    session = QualityPolicy().new_ten_print()
    chain = None
    for slap in Slap:
        capture = client.capture_slap(device, slap, previous_hash=chain)
        chain = capture.chain_hash
        session = session.record_prints(capture.prints)
    assert session.is_complete
    case_id = open_case(store, make_approval, fixed_clock)
    arrive(store, case_id, fixed_clock)

    changes = service.record_ten_print(case_id, session)

    assert changes.case_ids == {case_id} and len(changes.event_ids) == 1
    assert counts(store) == (10, 1)
    payload = captured_event(store)
    assert "image" not in json.dumps(payload)
    fingers = {f["position"]: f for f in payload["fingers"]}
    assert set(fingers) == {p.value for p in FingerPosition}
    kept = service.prints_of(case_id)
    assert kept is not None and len(kept.prints) == 10
    for stored in kept.prints:
        entry = fingers[stored.position.value]
        assert entry["sha256"] == hashlib.sha256(stored.image_png).hexdigest() == stored.sha256
        assert entry["quality"] == stored.quality == session.finger(stored.position).best_quality
        assert entry["device_id"] == "1" and entry["device_serial"] == "SIM0000000001"
        assert entry["imported"] is False and "exception" not in entry
        assert stored.image_png.startswith(b"\x89PNG")
    items = {i.step: i.status for i in Desk(service.context).case_detail(case_id).checklist}
    assert items[Step.FINGERPRINTS] is StepStatus.RECORDED


def test_exceptions_travel_in_the_event_and_the_best_try_is_kept(  # type: ignore[no-untyped-def]
    store,
    service,
    make_approval,
    fixed_clock,
) -> None:
    case_id = open_case(store, make_approval, fixed_clock)
    arrive(store, case_id, fixed_clock)
    prints = [p for p in ten(fixed_clock) if p.position is not FingerPosition.LEFT_LITTLE]
    prints[0] = replace(synthetic(FingerPosition.LEFT_INDEX, 22, fixed_clock), imported=True)
    exceptions = {
        FingerPosition.LEFT_LITTLE: FingerException(ExceptionReason.AMPUTATED),
        FingerPosition.LEFT_INDEX: FingerException(ExceptionReason.OTHER, "deep scar"),
    }

    service.record_fingerprints(case_id, prints, exceptions)

    assert counts(store) == (9, 1)
    payload = captured_event(store)
    fingers = {f["position"]: f for f in payload["fingers"]}
    little = fingers[FingerPosition.LEFT_LITTLE.value]
    assert little["exception"] == {"reason": "amputated", "note": ""} and "sha256" not in little
    index = fingers[FingerPosition.LEFT_INDEX.value]
    assert index["exception"] == {"reason": "other", "note": "deep scar"}
    assert index["quality"] == 22 and index["imported"] is True
    assert payload["imported"] == 1 and payload["exceptions"] == 2
    kept = service.prints_of(case_id)
    assert kept is not None
    assert kept.exceptions[FingerPosition.LEFT_LITTLE].reason is ExceptionReason.AMPUTATED
    stored_index = kept.print_of(FingerPosition.LEFT_INDEX)
    assert stored_index is not None and stored_index.imported and stored_index.quality == 22


@pytest.mark.parametrize(
    ("drop", "low", "exception", "message"),
    [
        (FingerPosition.RIGHT_THUMB, None, None, "Right Thumb has no print"),
        (None, FingerPosition.RIGHT_RING, None, "below 40"),
        (None, None, (FingerPosition.LEFT_RING, ExceptionReason.INJURED), "remove its exception"),
        (FingerPosition.LEFT_RING, None, (FingerPosition.LEFT_RING, ExceptionReason.OTHER), "note"),
    ],
)
def test_an_incomplete_set_is_refused_and_nothing_is_written(  # type: ignore[no-untyped-def]
    store,
    service,
    make_approval,
    fixed_clock,
    drop,
    low,
    exception,
    message,
) -> None:
    case_id = open_case(store, make_approval, fixed_clock)
    arrive(store, case_id, fixed_clock)
    prints = [
        synthetic(p.position, 25, fixed_clock) if p.position is low else p
        for p in ten(fixed_clock)
        if p.position is not drop
    ]
    exceptions = {exception[0]: FingerException(exception[1])} if exception else {}
    with pytest.raises(FingerprintsRefused, match=message):
        service.record_fingerprints(case_id, prints, exceptions)
    assert counts(store) == (0, 0)


def test_a_finger_given_twice_is_refused(store, service, make_approval, fixed_clock) -> None:  # type: ignore[no-untyped-def]
    case_id = open_case(store, make_approval, fixed_clock)
    arrive(store, case_id, fixed_clock)
    prints = [*ten(fixed_clock), synthetic(FingerPosition.LEFT_THUMB, 90, fixed_clock)]
    with pytest.raises(FingerprintsRefused, match="twice"):
        service.record_fingerprints(case_id, prints, {})
    assert counts(store) == (0, 0)


def test_before_the_arrival_the_lifecycle_refuses_and_no_image_is_kept(  # type: ignore[no-untyped-def]
    store,
    service,
    make_approval,
    fixed_clock,
) -> None:
    case_id = open_case(store, make_approval, fixed_clock)
    with pytest.raises(TransitionRefused, match="arrival first"):
        service.record_fingerprints(case_id, ten(fixed_clock), {})
    assert counts(store) == (0, 0)
    with pytest.raises(CaseNotFound):
        service.record_fingerprints("DNR-NOPE", ten(fixed_clock), {})


def test_under_sixteen_no_prints_are_taken(store, service, make_approval, fixed_clock) -> None:  # type: ignore[no-untyped-def]
    birth = fixed_clock.today().replace(year=fixed_clock.today().year - 15)
    case_id = open_case(store, make_approval, fixed_clock, birth_date=birth)
    arrive(store, case_id, fixed_clock)
    required, reason = service.capture_required(case_id)
    assert not required and "15" in reason
    with pytest.raises(FingerprintsNotRequired, match="under 16"):
        service.record_fingerprints(case_id, ten(fixed_clock), {})
    assert counts(store) == (0, 0)


def test_if_storing_an_image_fails_the_event_is_rolled_back(  # type: ignore[no-untyped-def]
    store,
    service,
    make_approval,
    fixed_clock,
    monkeypatch,
) -> None:
    case_id = open_case(store, make_approval, fixed_clock)
    arrive(store, case_id, fixed_clock)

    def broken(*_args: object) -> dict[str, object]:
        raise OSError("disk full")

    monkeypatch.setattr(fingerprints_module, "_print_row", broken)
    with pytest.raises(OSError, match="disk full"):
        service.record_fingerprints(case_id, ten(fixed_clock), {})
    assert counts(store) == (0, 0)
    assert service.prints_of(case_id) is None


def test_a_new_capture_replaces_the_kept_images(  # type: ignore[no-untyped-def]
    store,
    service,
    make_approval,
    fixed_clock,
) -> None:
    case_id = open_case(store, make_approval, fixed_clock)
    other = open_case(store, make_approval, fixed_clock, n=2)
    for case in (case_id, other):
        arrive(store, case, fixed_clock)
        service.record_fingerprints(case, ten(fixed_clock, 70), {})
    fixed_clock.advance(timedelta(minutes=5))

    changes = service.record_fingerprints(case_id, ten(fixed_clock, 95), {})

    assert counts(store) == (20, 3)
    kept = service.prints_of(case_id)
    assert kept is not None and kept.event_id == changes.event_ids[0]
    assert {p.quality for p in kept.prints} == {95}
    other_kept = service.prints_of(other)
    assert other_kept is not None and {p.quality for p in other_kept.prints} == {70}


def test_viewing_prints_goes_through_the_audit_hook_first(  # type: ignore[no-untyped-def]
    store,
    service,
    make_approval,
    fixed_clock,
    seen,
) -> None:
    case_id = open_case(store, make_approval, fixed_clock)
    arrive(store, case_id, fixed_clock)
    assert service.prints_of(case_id) is None
    assert seen == []
    changes = service.record_fingerprints(case_id, ten(fixed_clock), {})

    kept = service.prints_of(case_id)

    assert kept is not None
    assert len(seen) == 1
    viewed = seen[0]
    assert viewed.case_id == case_id and viewed.event_id == changes.event_ids[0]
    assert viewed.actor_iin == CLERK.iin and viewed.workstation_id == "WS-T"
    assert set(viewed.positions) == set(FingerPosition)
    assert viewed.viewed_at == fixed_clock.now()

    def refuse(_viewed: PrintsViewed) -> None:
        raise PermissionError("audit trail unavailable")

    service.viewed_prints = refuse
    with pytest.raises(PermissionError):
        service.prints_of(case_id)


def test_thresholds_come_from_the_policy(store, context, make_approval, fixed_clock) -> None:  # type: ignore[no-untyped-def]
    strict = QualityPolicy(thresholds={s: 90 for s in Slap})
    service = FingerprintDesk(context, policy=strict)
    case_id = open_case(store, make_approval, fixed_clock)
    arrive(store, case_id, fixed_clock)
    with pytest.raises(FingerprintsRefused, match="below 90"):
        service.record_fingerprints(case_id, ten(fixed_clock, 85), {})
    service.record_fingerprints(case_id, ten(fixed_clock, 92), {})
    assert {f["threshold"] for f in captured_event(store)["fingers"]} == {90}
