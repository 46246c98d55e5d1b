"""Supervisor report over a desk store with a million journal events: query, PDF and CSV.

    .venv/bin/python bench/bench_reports.py                 # 1,000,000 events, made on first run
    .venv/bin/python bench/bench_reports.py --events 200000 --runs 3

The store is generated once into bench/out/ (bulk inserts, about a minute for a million
events) and reused. Every case walks the lifecycle as far as its dates allow: approval,
border entry (or none, or too late), the desk's steps, print, submission, review and
decision, with explicit annulments for some windows that closed. Target (issue 9): a
report over 1,000,000 events renders in under 2 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select, text  # noqa: E402

from workstation.domain import lifecycle  # noqa: E402
from workstation.domain.calendar import default_calendar  # noqa: E402
from workstation.domain.clock import KAZAKHSTAN_TIME  # noqa: E402
from workstation.domain.programme import DEFAULT_RULES  # noqa: E402
from workstation.journal.envelope import canonical_json, format_instant  # noqa: E402
from workstation.journal.projector import case_row  # noqa: E402
from workstation.store.local import LocalStore, put_setting  # noqa: E402
from workstation.store.models import cases, journal, staff  # noqa: E402
from workstation.sync.demo_seed import (  # noqa: E402
    MIGRATION_SERVICE_DESK,
    MIGRATION_SERVICE_IIN,
    make_approvals,
)

OUT = ROOT / "bench" / "out"
BATCH = 50_000
EVENTS_PER_CASE = 13  # on average, over cases at every stage

# Staff of the two pilot cities; some are unknown to the desk (other branches' records).
CLERKS = {
    "Astana": [("900101300011", "ABENOVA DANA"), ("870512400025", "SEITKALI ERLAN"),
               ("920304400034", "ORAZBEKOVA ALIYA"), ("851120300048", "ZHUMABEKOV NURLAN")],
    "Almaty": [("880707400056", "TOKTAROVA AIGERIM"), ("910219300062", "BEKOV ARMAN"),
               ("930811400077", "KASYMOVA ZHANAR")],
}  # fmt: skip
OFFICERS = {
    "Astana": [("800315300081", "SULEIMENOV TIMUR"), ("830622400093", "ISKAKOVA GULNARA")],
    "Almaty": [("790101300104", "AKHMETOV DAUREN")],
}
DESKS = {"Astana": ["WS-AST-01", "WS-AST-02"], "Almaty": ["WS-ALA-01"]}
OFFICER_DESKS = {"Astana": "UMS-AST-01", "Almaty": "UMS-ALA-01"}
UNKNOWN_TO_DESK = {"930811400077", "790101300104"}  # staff of the other city's records

_DOCUMENT_KINDS = ("passport_copy", "police_clearance", "photo", "medical_certificate",
                   "proof_of_residence", "duty_receipt")  # fmt: skip
_STEP_KINDS = (
    ("PassportChecked", '{"number":"%s","issuing_state":"RUS","nationality":"RUS",'
     '"surname":"APPLICANT","given_names":"GIVEN","birth_date":"1990-01-15","sex":"F",'
     '"expires_on":"2031-04-30","mrz_line1":"P<RUSAPPLICANT<<GIVEN<<<<<<<<<<<<<<<<<<<<<<<<<"}'),
    ("MedicalExamRecorded", '{"certificate_number":"028-%s","issued_on":"2026-01-10",'
     '"clinic":"City polyclinic No. 1","doctor":"A. DOCTOR","result":"fit","notes":""}'),
    ("FingerprintsCaptured", '{"capture_id":"%s","device_id":"1","device_serial":"SIM0001",'
     '"positions":["left_thumb","right_thumb","left_slap","right_slap"],"qualities":[81,77,69,'
     '72],"exceptions":{},"digests":["a1","b2","c3","d4"]}'),
    ("HousingRecorded", '{"kind":"lease","city":"Astana","street":"Kabanbay Batyr Ave",'
     '"building":"11","apartment":"42","postcode":"010000","number":"L-%s","signed_on":'
     '"2026-01-10","valid_from":"2026-01-10","valid_until":"2027-01-10","landlord_type":'
     '"individual","landlord_id":"750402300017","landlord_name":"SERIKOV ARMAN",'
     '"owner_consent_shown":true}'),
    ("DutyPaid", '{"kind":"residence_permit","receipt_number":"R-%s","paid_on":"2026-01-10",'
     '"amount_kzt":"17300.00"}'),
    ("DutyPaid", '{"kind":"permit_card","receipt_number":"C-%s","paid_on":"2026-01-10",'
     '"amount_kzt":"865.00"}'),
    *(("DocumentAttached", '{"attachment_id":"%s-' + kind + '","kind":"' + kind
       + '","filename":"' + kind + '.pdf","media_type":"application/pdf","size":182345,'
       '"sha256":"' + "ab" * 32 + '"}') for kind in _DOCUMENT_KINDS),
)  # fmt: skip
NO_ENTRY = "The arrival window closed without an entry"


def _json(value: dict[str, Any]) -> str:
    return canonical_json(value).decode("utf-8")


def _instant(day: date, rng: random.Random) -> str:
    local = datetime.combine(day, dtime(9, 0), KAZAKHSTAN_TIME) + timedelta(
        seconds=rng.randrange(9 * 3600)
    )
    return format_instant(local.astimezone(UTC))


class _CaseWalk:
    """One case carried as far as its dates allow; its journal rows and its case row."""

    def __init__(self, rng: random.Random, today: date, n: int, approval: Any) -> None:
        self.rng, self.today, self.n = rng, today, n
        self.case_id, self.city = approval.case_id, approval.city
        self.rows: list[dict[str, Any]] = []
        payload = approval.to_payload()
        self.status = lifecycle.approve(approval.approval_date, DEFAULT_RULES)
        self.last = _instant(approval.approval_date, rng)
        self.add("ArrivalApproved", _json(payload), MIGRATION_SERVICE_IIN, MIGRATION_SERVICE_DESK)
        self.case = case_row(approval, self.status, self.last, payload)
        self.case.update(entry_date=None, border_point=None, decision=None, annul_reason=None,
                         submitted_on=None, due_date=None, decided_on=None)  # fmt: skip
        self.clerk = rng.choice(CLERKS[self.city])[0]
        self.desk = rng.choice(DESKS[self.city])

    def add(self, kind: str, payload: str, actor: str, desk: str, day: date | None = None) -> None:
        if day is not None:
            self.last = _instant(day, self.rng)
        self.rows.append(
            {"event_id": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
             "case_id": self.case_id, "type": kind, "payload": payload, "actor_iin": actor,
             "actor_fingerprint": "", "workstation_id": desk, "recorded_at": self.last,
             "signature": None, "origin": "central", "central_seq": None, "pushed": True,
             "outcome": "applied", "refusal": None}
        )  # fmt: skip

    def walk(self) -> None:
        rng, status = self.rng, self.status
        draw = rng.random()
        if draw < 0.04:  # entered after the window: the approval is annulled
            entry = status.window_end + timedelta(days=rng.randint(1, 10))
        elif draw < 0.82:
            entry = status.approval_date + timedelta(days=rng.randint(1, 28))
        else:
            self.no_entry()
            return
        if entry > self.today:
            return
        day = min(self.today, entry + timedelta(days=rng.randint(0, 4)))
        self.add("ArrivalRecorded", _json({"entry_date": entry.isoformat(), "border_point": "NQZ"}),
                 self.clerk, self.desk, day)  # fmt: skip
        self.case.update(entry_date=entry, border_point="NQZ", state="arrived")
        if entry > status.window_end:
            self.case.update(state="annulled", annul_reason="Entered after the window closed")
            return
        self.desk_steps(day)

    def no_entry(self) -> None:
        window_end = self.status.window_end
        if window_end < self.today and self.rng.random() < 0.5:
            day = min(self.today, window_end + timedelta(days=self.rng.randint(1, 3)))
            self.add("Annulled", _json({"reason": NO_ENTRY}), MIGRATION_SERVICE_IIN,
                     MIGRATION_SERVICE_DESK, day)  # fmt: skip
            self.case.update(state="annulled", annul_reason=NO_ENTRY)

    def desk_steps(self, day: date) -> None:
        rng, calendar = self.rng, default_calendar()
        complete = rng.random() < 0.9
        for kind, body in _STEP_KINDS if complete else _STEP_KINDS[:5]:
            day = min(self.today, day + timedelta(days=rng.choice((0, 0, 0, 1))))
            self.add(kind, body % self.case_id, self.clerk, self.desk, day)
        if not complete:
            return
        self.case["state"] = "steps_recorded"
        day += timedelta(days=rng.randint(0, 2))
        if day > self.today:
            return
        printed = {"copies": 1, "channel": "printer", "digest": "cd" * 32}
        self.add("ApplicationPrinted", _json(printed), self.clerk, self.desk, day)
        self.case["state"] = "printed"
        day += timedelta(days=rng.randint(0, 1))
        if day > self.today:
            return
        due = calendar.add_working_days(day, 3)
        dates = {"submitted_on": day.isoformat(), "due_date": due.isoformat()}
        self.add("ApplicationSubmitted", _json(dates), self.clerk, self.desk, day)
        self.case.update(state="submitted", submitted_on=day, due_date=due)
        self.review(day)

    def review(self, submitted: date) -> None:
        rng, calendar = self.rng, default_calendar()
        officer, desk = rng.choice(OFFICERS[self.city])[0], OFFICER_DESKS[self.city]
        started = calendar.add_working_days(submitted, 1)
        if started > self.today:
            return
        self.add("ReviewStarted", "{}", officer, desk, started)
        self.case["state"] = "under_review"
        decided = calendar.add_working_days(submitted, rng.choice((1, 2, 3, 3, 4)))
        if decided > self.today:
            return
        if rng.random() < 0.85:
            outcome, body = "issued", {"decision": "issued", "permit_number": f"P{self.n:09d}"}
        else:
            outcome, body = "refused", {"decision": "refused", "reason_code": "documents"}
        self.add("DecisionRecorded", _json(body), officer, desk, decided)
        self.case.update(state=outcome, decision=outcome, decided_on=decided)


def build_report_store(data_dir: Path, events: int, today: date, *, seed: int = 9) -> int:
    """Fill `data_dir` with about `events` journal rows (and the matching projections) of
    cases approved over the year before `today`; returns the number of journal rows."""
    rng = random.Random(seed)
    data_dir.mkdir(parents=True, exist_ok=True)
    store = LocalStore.open(data_dir, create=True)
    count = max(1, events // EVENTS_PER_CASE)
    journal_rows: list[dict[str, Any]] = []
    case_rows: list[dict[str, Any]] = []
    written = 0
    with store.transaction() as conn:
        conn.execute(text("PRAGMA synchronous=OFF"))
        put_setting(conn, "workstation_id", "WS-AST-01")
        put_setting(conn, "city", "Astana")
        stamp = format_instant(datetime.now(UTC))
        for city in CLERKS:
            for iin, name in CLERKS[city] + OFFICERS[city]:
                if iin in UNKNOWN_TO_DESK:
                    continue
                role = "clerk" if (iin, name) in CLERKS[city] else "migration_officer"
                conn.execute(
                    insert(staff).values(iin=iin, display_name=name, role=role,
                                         branch_id=f"TSON-{city[:3].upper()}-1", city=city,
                                         active=True, updated_at=stamp)
                )  # fmt: skip
        for n, template in enumerate(make_approvals(count, seed=seed, today=today), start=1):
            approval_date = today - timedelta(days=rng.randrange(365))
            approval = replace(
                template,
                approval_date=approval_date,
                case_id=f"DNR-{template.city[:3].upper()}-{approval_date:%y}-{n:07d}",
            )
            case = _CaseWalk(rng, today, n, approval)
            case.walk()
            case.case["updated_at"] = case.last
            case.case["event_count"] = len(case.rows)
            journal_rows.extend(case.rows)
            case_rows.append(case.case)
            if len(journal_rows) >= BATCH:
                conn.execute(insert(journal), journal_rows)
                conn.execute(insert(cases), case_rows)
                written += len(journal_rows)
                journal_rows.clear()
                case_rows.clear()
        if journal_rows:
            conn.execute(insert(journal), journal_rows)
            conn.execute(insert(cases), case_rows)
            written += len(journal_rows)
    with store.transaction() as conn:
        conn.execute(text("ANALYZE"))
    store.close()
    return written


def store_for(events: int, today: date) -> Path:
    path = OUT / f"reports-{events}-{today.isoformat()}"
    if not (path / "desk.sqlite3").exists():
        print(f"generating about {events:,} events into {path} ...", flush=True)
        started = time.perf_counter()
        written = build_report_store(path, events, today)
        print(f"  {written:,} events in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 21))
    args = parser.parse_args()

    from workstation.reports import ReportPeriod, render_csv, render_pdf
    from workstation.reports.query import build_report

    path = store_for(args.events, args.today)
    store = LocalStore.open(path)
    with store.reading() as conn:
        rows = conn.execute(select(func.count()).select_from(journal)).scalar_one()
        n_cases = conn.execute(select(func.count()).select_from(cases)).scalar_one()
    print(f"store: {rows:,} journal rows, {n_cases:,} cases")
    month = ReportPeriod.month_of(args.today)
    year = ReportPeriod(args.today - timedelta(days=364), args.today)
    calendar = default_calendar()
    for label, period, center in (
        ("month, Astana", month, "Astana"),
        ("month, all centers", month, None),
        ("year, all centers", year, None),
    ):
        query_s: list[float] = []
        pdf_s: list[float] = []
        csv_s: list[float] = []
        for _ in range(args.runs):
            started = time.perf_counter()
            with store.reading() as conn:
                data = build_report(
                    conn, period, center, today=args.today, calendar=calendar,
                    generated_at=datetime.now(UTC), prepared_by="BENCH SUPERVISOR",
                )  # fmt: skip
            query_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            pdf = render_pdf(data, "ru")
            pdf_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            render_csv(data, "ru")
            csv_s.append(time.perf_counter() - started)
        total = [q + p for q, p in zip(query_s, pdf_s, strict=True)]
        print(
            f"{label:20} query median {statistics.median(query_s) * 1000:6.0f} ms  "
            f"PDF {statistics.median(pdf_s) * 1000:5.0f} ms ({len(pdf) // 1024} KiB)  "
            f"CSV {statistics.median(csv_s) * 1000:4.0f} ms  "
            f"query+PDF max {max(total) * 1000:6.0f} ms  "
            f"[{data.funnel.approved} approved, {data.funnel.submitted} submitted, "
            f"{len(data.staff)} staff rows]"
        )
    store.close()


if __name__ == "__main__":
    main()
