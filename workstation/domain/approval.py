"""The preliminary approval as pulled from central: the applicant's identity and the decision."""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from datetime import date
from typing import Any

from workstation.domain.mrz import make_td3


class InvalidApproval(ValueError):
    """A pulled approval lacks a field or has one of the wrong form."""


@dataclass(frozen=True)
class ApprovedArrival:
    case_id: str
    approval_number: str
    approval_date: date
    recommendation_number: str  # the Ministry's letter of recommendation (EDS-signed)
    recommendation_date: date
    city: str
    iin: str
    surname: str  # Latin, as in the passport
    given_names: str
    sex: str  # "M" / "F" / "X" as in the MRZ
    birth_date: date
    birth_place: str
    nationality: str  # ISO 3166-1 alpha-3, as in the MRZ
    passport_number: str
    passport_issuing_state: str
    passport_issue_date: date
    passport_expiry: date
    occupation: str = ""
    email: str = ""
    phone: str = ""
    surname_cyr: str = ""  # Cyrillic spelling, when the applicant gave one
    given_names_cyr: str = ""

    def to_payload(self) -> dict[str, Any]:
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(self).items()}

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> ApprovedArrival:
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in payload:
                if f.default is not MISSING:  # optional field, e.g. a Cyrillic spelling
                    continue
                raise InvalidApproval(f"The approval has no {f.name.replace('_', ' ')}")
            raw = payload[f.name]
            if f.type in ("date", date):
                try:
                    values[f.name] = date.fromisoformat(str(raw))
                except ValueError:
                    raise InvalidApproval(
                        f"The approval's {f.name} is not a date: {raw!r}"
                    ) from None
            else:
                if not isinstance(raw, str):
                    raise InvalidApproval(f"The approval's {f.name} must be text")
                values[f.name] = raw
        return cls(**values)

    @property
    def full_name(self) -> str:
        return f"{self.surname} {self.given_names}".strip()

    def passport_mrz(self) -> str:
        """The two MRZ lines of the approved passport, as a passport reader types them
        (ICAO writes a hyphen in a name as a filler)."""
        return make_td3(
            surname=self.surname.replace("-", " "),
            given_names=self.given_names,
            document_number=self.passport_number,
            nationality=self.nationality,
            birth_date=self.birth_date,
            sex=self.sex,
            expiry_date=self.passport_expiry,
            issuing_state=self.passport_issuing_state,
        )
