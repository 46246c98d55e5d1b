"""Realistic, varied demo approvals for the embedded central (demo mode, tests, benchmarks)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from workstation.domain.approval import ApprovedArrival
from workstation.domain.clock import KAZAKHSTAN_TIME
from workstation.domain.iin import make_iin
from workstation.domain.lifecycle import EventType
from workstation.domain.names import search_key
from workstation.journal.envelope import Event
from workstation.journal.signing import sign_approval
from workstation.security.eds import StaffKey, load_staff_key
from workstation.sync.gateway import CentralGateway

# The migration service's system is the actor of a preliminary approval.
MIGRATION_SERVICE_IIN = "000000000000"
MIGRATION_SERVICE_DESK = "UMS-DP-APPROVALS"


@dataclass(frozen=True)
class _People:
    surnames: tuple[str, ...]
    given: tuple[tuple[str, str], ...]  # (male, female) pairs, Latin as in the passport
    places: tuple[str, ...]
    cyrillic: dict[str, str] | None = None  # Latin -> Cyrillic, for names people write so


_RU_NAMES = {
    "IVANOV": "ИВАНОВ",
    "SMIRNOV": "СМИРНОВ",
    "KUZNETSOV": "КУЗНЕЦОВ",
    "POPOV": "ПОПОВ",
    "SOKOLOV": "СОКОЛОВ",
    "LEBEDEV": "ЛЕБЕДЕВ",
    "KOZLOV": "КОЗЛОВ",
    "NOVIKOV": "НОВИКОВ",
    "MOROZOV": "МОРОЗОВ",
    "VOLKOV": "ВОЛКОВ",
    "ALEKSEI": "АЛЕКСЕЙ",
    "ANNA": "АННА",
    "DMITRII": "ДМИТРИЙ",
    "ELENA": "ЕЛЕНА",
    "SERGEI": "СЕРГЕЙ",
    "OLGA": "ОЛЬГА",
    "MIKHAIL": "МИХАИЛ",
    "TATIANA": "ТАТЬЯНА",
    "ANDREI": "АНДРЕЙ",
    "IRINA": "ИРИНА",
    "SHEVCHENKO": "ШЕВЧЕНКО",
    "BONDARENKO": "БОНДАРЕНКО",
    "KOVALENKO": "КОВАЛЕНКО",
    "TKACHENKO": "ТКАЧЕНКО",
    "OLEKSANDR": "ОЛЕКСАНДР",
    "OKSANA": "ОКСАНА",
    "TARAS": "ТАРАС",
    "NATALIIA": "НАТАЛІЯ",
    "USMONOV": "УСМОНОВ",
    "KARIMOV": "КАРИМОВ",
    "RAKHIMOV": "РАХИМОВ",
    "YULDASHEV": "ЮЛДАШЕВ",
    "TIMUR": "ТИМУР",
    "DILNOZA": "ДИЛЬНОЗА",
    "JAVLON": "ЖАВЛОН",
    "MADINA": "МАДИНА",
    "ASANOV": "АСАНОВ",
    "ABDYLDAEV": "АБДЫЛДАЕВ",
    "BAKYT": "БАКЫТ",
    "AIGUL": "АЙГУЛЬ",
    "NURLAN": "НУРЛАН",
    "ZHIBEK": "ЖИБЕК",
}

PEOPLE: dict[str, _People] = {
    "IND": _People(
        (
            "SHARMA",
            "PATEL",
            "IYER",
            "REDDY",
            "NAIR",
            "GUPTA",
            "MENON",
            "KRISHNAMURTHY",
            "VENKATARAMAN",
            "BANERJEE",
        ),
        (("ARJUN", "PRIYA"), ("RAHUL", "ANANYA"), ("VIKRAM", "DIVYA"), ("SIDDHARTH", "KAVYA")),
        ("BENGALURU", "PUNE", "HYDERABAD", "CHENNAI", "MUMBAI"),
    ),
    "RUS": _People(
        ("IVANOV", "SMIRNOV", "KUZNETSOV", "POPOV", "SOKOLOV", "LEBEDEV", "KOZLOV", "NOVIKOV"),
        (("ALEKSEI", "ANNA"), ("DMITRII", "ELENA"), ("SERGEI", "OLGA"), ("MIKHAIL", "TATIANA")),
        ("MOSCOW", "SAINT PETERSBURG", "NOVOSIBIRSK", "KAZAN", "YEKATERINBURG"),
        _RU_NAMES,
    ),
    "UKR": _People(
        ("SHEVCHENKO", "BONDARENKO", "KOVALENKO", "TKACHENKO"),
        (("OLEKSANDR", "OKSANA"), ("TARAS", "NATALIIA"), ("ANDREI", "IRINA")),
        ("KYIV", "KHARKIV", "LVIV", "DNIPRO"),
        _RU_NAMES,
    ),
    "UZB": _People(
        ("USMONOV", "KARIMOV", "RAKHIMOV", "YULDASHEV"),
        (("TIMUR", "DILNOZA"), ("JAVLON", "MADINA")),
        ("TASHKENT", "SAMARKAND", "BUKHARA"),
        _RU_NAMES,
    ),
    "KGZ": _People(
        ("ASANOV", "ABDYLDAEV"),
        (("BAKYT", "AIGUL"), ("NURLAN", "ZHIBEK")),
        ("BISHKEK", "OSH"),
        _RU_NAMES,
    ),
    "TUR": _People(
        ("YILMAZ", "KAYA", "DEMIR", "SAHIN", "CELIK", "OZTURK", "AYDIN"),
        (("MEHMET", "ELIF"), ("EMRE", "ZEYNEP"), ("BURAK", "AYSE")),
        ("ISTANBUL", "ANKARA", "IZMIR"),
    ),
    "DEU": _People(
        ("MUELLER", "SCHMIDT", "SCHNEIDER", "FISCHER", "WEBER", "SCHWARZENBERGER-LUEDENSCHEIDT"),
        (("LUKAS", "LEONIE"), ("JONAS", "HANNAH"), ("MAXIMILIAN", "SOPHIE")),
        ("BERLIN", "MUENCHEN", "HAMBURG", "KOELN"),
    ),
    "USA": _People(
        ("SMITH", "JOHNSON", "WILLIAMS", "BROWN", "OBRIEN", "GARCIA", "MILLER"),
        (("JAMES", "EMILY"), ("MICHAEL", "OLIVIA"), ("DANIEL", "SARAH JANE")),
        ("SAN FRANCISCO", "SEATTLE", "AUSTIN", "NEW YORK"),
    ),
    "GBR": _People(
        ("TAYLOR", "DAVIES", "EVANS", "WILSON", "THOMAS"),
        (("OLIVER", "AMELIA"), ("HARRY", "ISLA"), ("GEORGE", "AVA")),
        ("LONDON", "MANCHESTER", "EDINBURGH"),
    ),
    "CHN": _People(
        ("WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG"),
        (("WEI", "FANG"), ("JUN", "XIU YING"), ("HAO", "MEI")),
        ("BEIJING", "SHANGHAI", "SHENZHEN", "HANGZHOU"),
    ),
    "KOR": _People(
        ("KIM", "LEE", "PARK", "CHOI", "JUNG"),
        (("MIN JUN", "SEO YEON"), ("JI HOON", "HA EUN")),
        ("SEOUL", "BUSAN", "INCHEON"),
    ),
    "POL": _People(
        ("NOWAK", "KOWALSKI", "WISNIEWSKI", "WOJCIK"),
        (("JAKUB", "ZUZANNA"), ("KACPER", "JULIA")),
        ("WARSZAWA", "KRAKOW", "WROCLAW"),
    ),
    "BRA": _People(
        ("SILVA", "SANTOS", "OLIVEIRA", "SOUZA", "PEREIRA DOS SANTOS"),
        (("JOAO PEDRO", "ANA CLARA"), ("LUCAS", "MARIANA")),
        ("SAO PAULO", "RIO DE JANEIRO", "CURITIBA"),
    ),
    "VNM": _People(
        ("NGUYEN", "TRAN", "LE", "PHAM"),
        (("MINH", "LINH"), ("DUC ANH", "THU HA")),
        ("HA NOI", "HO CHI MINH CITY", "DA NANG"),
    ),
    "EGY": _People(
        ("HASSAN", "MOHAMED", "IBRAHIM", "ABDELRAHMAN"),
        (("AHMED", "NOUR"), ("OMAR", "MARIAM")),
        ("CAIRO", "ALEXANDRIA", "GIZA"),
    ),
}

OCCUPATIONS = (
    "Software engineer",
    "Data scientist",
    "DevOps engineer",
    "Product manager",
    "QA engineer",
    "Mobile developer",
    "Machine learning engineer",
    "UX designer",
    "Security engineer",
    "Game developer",
    "Backend developer",
    "Frontend developer",
)
CITY_CODES = {"Astana": "AST", "Almaty": "ALA"}


def _cyrillic(text: str, table: dict[str, str] | None) -> str:
    if not table:
        return ""
    spelled = []
    for word in text.split():
        if word in table:
            spelled.append(table[word])
        elif word.endswith("A") and word[:-1] in table:  # IVANOVA: the feminine form
            spelled.append(table[word[:-1]] + "А")
        else:
            return ""
    return " ".join(spelled)


def _valid_iin(rng: random.Random, birth: date, sex: str) -> str:
    while True:
        try:
            return make_iin(birth, sex, rng.randrange(10_000))
        except ValueError:  # that serial's check digit is never issued: draw another
            continue


def make_approvals(
    count: int,
    *,
    seed: int,
    today: date,
    first_number: int = 1,
    cities: tuple[str, ...] = ("Astana", "Almaty"),
) -> Iterator[ApprovedArrival]:
    """`count` approvals dated over the last ~45 days, so some windows are fresh, some end
    within days and some have closed; deterministic for a given seed and date."""
    rng = random.Random(seed)
    nationalities = list(PEOPLE)
    weights = [8, 10, 5, 4, 3, 6, 5, 5, 3, 5, 3, 3, 3, 3, 3]
    for n in range(first_number, first_number + count):
        nat = rng.choices(nationalities, weights)[0]
        people = PEOPLE[nat]
        sex = rng.choice("MF")
        male, female = rng.choice(people.given)
        given = male if sex == "M" else female
        surname = rng.choice(people.surnames)
        if nat in {"RUS", "UKR", "UZB", "KGZ"} and sex == "F" and surname.endswith(("OV", "EV")):
            surname += "A"
        birth = date(rng.randint(1968, 2008), rng.randint(1, 12), rng.randint(1, 28))
        approval_date = today - timedelta(days=rng.choice(range(0, 46)))
        issue = approval_date - timedelta(days=rng.randint(60, 3000))
        expiry = issue + timedelta(days=365 * 10)
        if rng.random() < 0.06:  # a few passports expire soon: the desk flags them
            expiry = today + timedelta(days=rng.randint(20, 170))
        city = cities[n % len(cities)]
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        passport = f"{rng.choice(letters)}{rng.choice(letters)}{rng.randrange(10**7):07d}"
        approval = ApprovedArrival(
            case_id=f"DNR-{CITY_CODES.get(city, 'KAZ')}-{approval_date:%y}-{n:07d}",
            approval_number=f"UMS-{approval_date:%Y}-{n:06d}",
            approval_date=approval_date,
            recommendation_number=f"MDAI-{approval_date:%Y}-{n:06d}",
            recommendation_date=approval_date - timedelta(days=rng.randint(5, 20)),
            city=city,
            iin=_valid_iin(rng, birth, "M" if sex == "M" else "F"),
            surname=surname,
            given_names=given,
            sex=sex,
            birth_date=birth,
            birth_place=rng.choice(people.places),
            nationality=nat,
            passport_number=passport,
            passport_issuing_state=nat,
            passport_issue_date=issue,
            passport_expiry=expiry,
            occupation=rng.choice(OCCUPATIONS),
            email=f"{given.split()[0].lower()}.{search_key(surname).lower()}{n}@example.com",
            phone=f"+7 7{rng.randint(0, 99):02d} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            surname_cyr=_cyrillic(surname, people.cyrillic),
            given_names_cyr=_cyrillic(given, people.cyrillic),
        )
        # The MRZ built from the case must be valid: it is what the desk cross-checks.
        approval.passport_mrz()
        yield approval


_DEMO_NAMESPACE = uuid.UUID("5d1f0c3e-8a57-4d1b-9a53-3c2d0e6f4b10")


@dataclass(frozen=True)
class ApprovalSigners:
    """The ministry's and the migration service's signing keys: every approval carries both
    signatures (journal.signing.sign_approval)."""

    ministry: StaffKey
    migration_service: StaffKey

    @classmethod
    def from_files(cls, ministry_p12: Path, migration_p12: Path, password: str) -> ApprovalSigners:
        return cls(
            load_staff_key(ministry_p12.read_bytes(), password),
            load_staff_key(migration_p12.read_bytes(), password),
        )

    def certificates_der(self) -> list[bytes]:
        return [
            k.certificate.public_bytes(serialization.Encoding.DER)
            for k in (self.ministry, self.migration_service)
        ]


def approval_event(approval: ApprovedArrival, signers: ApprovalSigners | None = None) -> Event:
    """The event central holds for an approval; its id follows from the case id, so seeding
    the same case twice cannot make two approvals. With `signers`, signed by both."""
    event_id = str(uuid.uuid5(_DEMO_NAMESPACE, approval.case_id))
    approved_at = datetime.combine(approval.approval_date, time(10, 0), KAZAKHSTAN_TIME)
    event = Event(
        event_id=event_id,
        case_id=approval.case_id,
        type=EventType.ARRIVAL_APPROVED,
        payload=approval.to_payload(),
        actor_iin=MIGRATION_SERVICE_IIN,
        actor_fingerprint=signers.migration_service.fingerprint_sha256 if signers else "",
        workstation_id=MIGRATION_SERVICE_DESK,
        recorded_at=approved_at.astimezone(UTC),
    )
    if signers is None:
        return event
    signature = sign_approval(event.signed_bytes(), [signers.ministry, signers.migration_service])
    return replace(event, signature=signature)


def seed_central(
    gateway: CentralGateway,
    count: int,
    *,
    seed: int,
    today: date,
    signers: ApprovalSigners | None = None,
) -> int:
    """Add `count` approvals to central after those already there; returns how many.
    With `signers` the approvals are signed and their certificates given to central."""
    if signers is not None:
        gateway.add_certificates(signers.certificates_der())
    first = gateway.case_count() + 1
    batch: list[tuple[Event, str]] = []
    added = 0
    for approval in make_approvals(count, seed=seed + first, today=today, first_number=first):
        batch.append((approval_event(approval, signers), approval.city))
        if len(batch) == 1000:
            added += gateway.push(batch)
            batch.clear()
    added += gateway.push(batch)
    return added
