"""Programme rules of the Digital Nomad Residency as configuration, not constants in code."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from workstation.i18n import QT_TRANSLATE_NOOP


class InvalidProgrammeConfig(ValueError):
    """The programme configuration file cannot be used; the message says which entry."""


def _frozen(mapping: Mapping[int, int]) -> Mapping[int, int]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class ProgrammeRules:
    """What the law and the joint order say, kept as data so a new decree is a config change.

    Defaults follow DOMAIN.md: the legal basis ran to 31 Dec 2025 and the programme is
    reported as continuing, so every figure here may be overridden by the administrator.
    """

    arrival_window_days: int = 30
    reapply_lock_years: int = 1
    verification_working_days: int = 3
    cities: tuple[str, ...] = ("Astana", "Almaty")
    permit_fee_mci: Decimal = Decimal("4")
    card_fee_mci: Decimal = Decimal("0.2")
    mci_by_year: Mapping[int, int] = field(
        default_factory=lambda: _frozen({2025: 3932, 2026: 4325})
    )
    medical_certificate_max_age_days: int = 180
    fingerprint_min_age_years: int = 16
    passport_min_validity_days: int = 180
    urgent_days_left: int = 3

    def mci(self, year: int) -> int:
        """The monthly calculation index (KZT) of a year, or a clear error if not configured."""
        try:
            return self.mci_by_year[year]
        except KeyError:
            known = ", ".join(str(y) for y in sorted(self.mci_by_year))
            raise InvalidProgrammeConfig(
                QT_TRANSLATE_NOOP(
                    "steps",
                    "No MCI is configured for {year} (configured: {known}). "
                    "Ask the administrator to add the year's MCI to the programme settings.",
                ).format(year=year, known=known)
            ) from None

    def fee_kzt(self, kind: str, year: int) -> Decimal:
        """State duty in KZT for 'permit' (4 MCI) or 'card' (0.2 MCI) in a payment year."""
        rates = {"permit": self.permit_fee_mci, "card": self.card_fee_mci}
        if kind not in rates:
            raise ValueError(f"Unknown state duty kind {kind!r}: expected 'permit' or 'card'")
        return (rates[kind] * self.mci(year)).quantize(Decimal("0.01"))


DEFAULT_RULES = ProgrammeRules()


def load_rules(path: Path) -> ProgrammeRules:
    """Read overrides from a JSON file; unknown keys and wrong types are refused by name."""
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidProgrammeConfig(f"Cannot read programme settings {path}: {exc}") from exc
    except UnicodeDecodeError:
        raise InvalidProgrammeConfig(f"Programme settings {path} is not UTF-8 text") from None
    except RecursionError:
        raise InvalidProgrammeConfig(f"Programme settings {path} is nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, or a number of more than 4,300 digits
        message = f"Programme settings {path} is not valid JSON: {exc}"
        raise InvalidProgrammeConfig(message) from None
    if not isinstance(raw, dict):
        raise InvalidProgrammeConfig(f"Programme settings {path} must be a JSON object")
    return rules_from_mapping(raw)


def rules_from_mapping(raw: Mapping[str, Any]) -> ProgrammeRules:
    known = {f.name for f in fields(ProgrammeRules)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise InvalidProgrammeConfig(f"Unknown programme setting(s): {', '.join(unknown)}")
    changes: dict[str, Any] = {}
    for name, value in raw.items():
        try:
            changes[name] = _convert(name, value)
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise InvalidProgrammeConfig(f"Programme setting {name!r}: {exc}") from exc
    return replace(DEFAULT_RULES, **changes)


def _convert(name: str, value: Any) -> Any:
    if name == "cities":
        if not isinstance(value, list) or not all(isinstance(c, str) and c for c in value):
            raise ValueError("must be a list of city names")
        return tuple(value)
    if name in {"permit_fee_mci", "card_fee_mci"}:
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise ValueError('must be a number of MCI, e.g. 4 or "0.2"')
        rate = Decimal(str(value))
        if not rate.is_finite() or rate < 0:
            raise ValueError('must be a number of MCI, zero or more, e.g. 4 or "0.2"')
        return rate
    if name == "mci_by_year":
        if not isinstance(value, dict):
            raise ValueError('must be an object like {"2026": 4325}')
        mci: dict[int, int] = {}
        for year, amount in value.items():
            if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
                raise ValueError(f"the MCI of {year} must be a whole number of KZT above zero")
            mci[int(year)] = amount
        return _frozen(mci)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("must be a whole number, zero or more")
    return value
