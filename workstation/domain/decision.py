"""The migration officer's decision: refusal reasons, permit numbers, the re-application lock
date, the submission due date and the applicant's notification in Kazakh, Russian and English.

Pure rules with no store in them: the services put what these return into the signed
`ApplicationSubmitted` and `DecisionRecorded` payloads, and every desk and central read the
payloads back, so nothing here is recomputed differently on another machine.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from workstation.domain.approval import ApprovedArrival
from workstation.domain.calendar import WorkingCalendar
from workstation.i18n import QT_TRANSLATE_NOOP

ISSUED = "issued"
REFUSED = "refused"
NOTE_MAX = 1000  # characters of the officer's free text
LANGUAGES = ("kk", "ru", "en")


class DecisionInvalid(ValueError):
    """The decision cannot be recorded as given; `field` names the form field to blame."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class RefusalReason(StrEnum):
    """Grounds an officer picks from. DOMAIN.md names no statutory list (the list of
    diseases, for one, was not confirmed), so these follow what the desk checks and the
    usual grounds for refusing a residence permit; OTHER needs the officer's explanation."""

    INVALID_DOCUMENTS = "invalid_documents"
    FALSE_INFORMATION = "false_information"
    MEDICAL_EXAM = "medical_exam"
    SECURITY_CHECK = "security_check"
    HOUSING_NOT_CONFIRMED = "housing_not_confirmed"
    PROGRAMME_REQUIREMENTS = "programme_requirements"
    OTHER = "other"

    def text(self, language: str) -> str:
        """The reason as the applicant reads it ("kk", "ru" or "en")."""
        return _REASON_TEXT[self][_language(language)]


_REASON_TEXT: Mapping[RefusalReason, Mapping[str, str]] = MappingProxyType(
    {
        RefusalReason.INVALID_DOCUMENTS: {
            "kk": "ұсынылған құжаттар жарамсыз немесе толық емес",
            "ru": "представленные документы недействительны или неполны",
            "en": "the documents submitted are invalid or incomplete",
        },
        RefusalReason.FALSE_INFORMATION: {
            "kk": "жалған немесе анық емес мәліметтер ұсынылды",
            "ru": "представлены ложные или недостоверные сведения",
            "en": "false or inaccurate information was given",
        },
        RefusalReason.MEDICAL_EXAM: {
            "kk": "медициналық куәландыру нәтижесі",
            "ru": "результат медицинского освидетельствования",
            "en": "the result of the medical examination",
        },
        RefusalReason.SECURITY_CHECK: {
            "kk": "қауіпсіздік тексерісінің нәтижесі",
            "ru": "результат проверки безопасности",
            "en": "the result of the security check",
        },
        RefusalReason.HOUSING_NOT_CONFIRMED: {
            "kk": "бағдарлама қаласында тұрғын үй расталмады",
            "ru": "не подтверждено жильё в городе программы",
            "en": "housing in the programme city was not confirmed",
        },
        RefusalReason.PROGRAMME_REQUIREMENTS: {
            "kk": "бағдарлама талаптары орындалмады",
            "ru": "не выполнены требования программы",
            "en": "the requirements of the programme are not met",
        },
        RefusalReason.OTHER: {
            "kk": "өзге негіздер (түсініктемені қараңыз)",
            "ru": "иные основания (см. пояснение)",
            "en": "other grounds (see the explanation)",
        },
    }
)

# What the officer reads in the decision dialog (the UI translates these English labels).
REASON_LABELS: Mapping[RefusalReason, str] = MappingProxyType(
    {
        RefusalReason.INVALID_DOCUMENTS: "Documents invalid or incomplete",
        RefusalReason.FALSE_INFORMATION: "False or inaccurate information",
        RefusalReason.MEDICAL_EXAM: "Medical examination",
        RefusalReason.SECURITY_CHECK: "Security check",
        RefusalReason.HOUSING_NOT_CONFIRMED: "Housing not confirmed",
        RefusalReason.PROGRAMME_REQUIREMENTS: "Programme requirements not met",
        RefusalReason.OTHER: "Other grounds",
    }
)


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}: expected one of {', '.join(LANGUAGES)}")
    return language


# --- submission ---------------------------------------------------------------------------


def decision_due(submitted_on: date, working_days: int, calendar: WorkingCalendar) -> date:
    """The day the migration service must decide by: `working_days` working days after the
    submission day (that day never counts; weekends, holidays and transfers skipped)."""
    return calendar.add_working_days(submitted_on, working_days)


def working_days_left(today: date, due: date, calendar: WorkingCalendar) -> int:
    """Working days from today to the due date: 0 on the due date itself, negative once it
    has passed (an overdue case counts at least -1, even on the weekend after a Friday due
    date, when no working day has passed yet)."""
    if today <= due:
        return calendar.working_days_between(today, due)
    return -max(1, calendar.working_days_between(due, today))


# --- permit numbers -----------------------------------------------------------------------


def permit_number(case_id: str, decided_on: date) -> str:
    """The residence-permit number of an issued case: `RP-<year>-<case>-<check>`.

    Derived from the case id (unique: central makes one approval per case id) and the year
    of the decision, so every desk and central compute the same number and no sequence
    has to be shared between officers working offline. The two check digits are ISO 7064
    MOD 97-10 (as in an IBAN): a mistyped digit or two swapped characters are caught.
    The `DNR-` prefix of case ids is left out: `DNR-AST-26-0000001` decided in 2026 is
    `RP-2026-AST-26-0000001-<cc>`.
    """
    body = case_id.upper().removeprefix("DNR-")
    if not body or not all(c.isalnum() or c == "-" for c in body):
        raise ValueError(f"A permit number needs a case id of letters, digits and '-': {case_id!r}")
    stem = f"RP-{decided_on.year}-{body}"
    check = 98 - _mod97(_digits(stem) + "00")
    return f"{stem}-{check:02d}"


def permit_number_is_valid(number: str) -> bool:
    """Whether the check digits of `number` (as permit_number writes it) agree."""
    stem, _, check = number.strip().upper().rpartition("-")
    if not stem.startswith("RP-") or len(check) != 2 or not check.isdigit():
        return False
    return _mod97(_digits(stem) + check) == 1


def _digits(text: str) -> str:
    # Letters count as 10..35 (A..Z), as in IBAN check digits; hyphens are layout only.
    return "".join(str(int(c, 36)) for c in text if c != "-")


def _mod97(digits: str) -> int:
    return int(digits) % 97


# --- re-application -----------------------------------------------------------------------


def reapply_not_before(decided_on: date, years: int = 1) -> date:
    """The first day a refused applicant may apply again: the same day `years` later.

    A refusal on 29 February gives 28 February (the civil-law rule for periods counted in
    years: in a month without that day the period ends on the month's last day), so the
    lock never runs longer than the law's year.
    """
    if years < 0:
        raise ValueError(f"years must be 0 or more, not {years}")
    year = decided_on.year + years
    day = min(decided_on.day, _calendar.monthrange(year, decided_on.month)[1])
    return decided_on.replace(year=year, day=day)


def reapply_lock_text(refused_case: str, decided_on: date, not_before: date, match: str) -> str:
    """The flag of an approval that may not be processed yet (cases.flagged, refusals)."""
    # Stored in English (cases.reapply_lock, cases.flagged); the template is marked so the
    # desk can show it translated (context "review").
    return REAPPLY_LOCKED.format(
        case=refused_case,
        refused=f"{decided_on:%d.%m.%Y}",
        match=_MATCHES.get(match, match),
        again=f"{not_before:%d.%m.%Y}",
    )


REAPPLY_LOCKED = QT_TRANSLATE_NOOP(
    "review",
    "Re-application locked: the application in case {case} was refused on {refused} "
    "(same {match}). A new application may be filed from {again}; this approval cannot be "
    "processed.",
)
# Which identifier matched the refused person (journal.review_projection._match).
_MATCHES = {
    "IIN": QT_TRANSLATE_NOOP("review", "IIN"),
    "passport number": QT_TRANSLATE_NOOP("review", "passport number"),
}


# --- the decision -------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """What the officer decided: issue, or refuse with a reason from the list and a note."""

    issue: bool
    reason: RefusalReason | None = None
    note: str = ""

    @classmethod
    def issued(cls) -> Decision:
        return cls(issue=True)

    @classmethod
    def refused(cls, reason: RefusalReason | str, note: str) -> Decision:
        try:
            code = RefusalReason(reason)
        except ValueError:
            raise DecisionInvalid(
                QT_TRANSLATE_NOOP(
                    "review", "Unknown refusal reason {reason}: choose one from the list."
                ).format(reason=repr(reason)),
                field="reason",
            ) from None
        return cls(issue=False, reason=code, note=note)

    def check(self) -> None:
        """DecisionInvalid unless a refusal has a reason and an explanation."""
        note = " ".join(self.note.split())
        if self.issue:
            if self.reason is not None:
                raise DecisionInvalid(
                    QT_TRANSLATE_NOOP("review", "An issued permit has no refusal reason."),
                    field="reason",
                )
            return
        if self.reason is None:
            raise DecisionInvalid(
                QT_TRANSLATE_NOOP("review", "Choose the reason for the refusal."), field="reason"
            )
        if not note:
            raise DecisionInvalid(
                QT_TRANSLATE_NOOP(
                    "review", "Explain the refusal in a sentence or two: the applicant reads it."
                ),
                field="note",
            )
        if len(note) > NOTE_MAX:
            raise DecisionInvalid(
                QT_TRANSLATE_NOOP(
                    "review", "The explanation is too long ({length} characters, at most {max})."
                ).format(length=len(note), max=NOTE_MAX),
                field="note",
            )


def decision_payload(
    decision: Decision,
    approval: ApprovedArrival,
    decided_on: date,
    *,
    reapply_lock_years: int = 1,
) -> dict[str, Any]:
    """The `DecisionRecorded` payload: the decision, its consequences, and the notification
    (the applicant's contact and the message in three languages) that central delivers."""
    decision.check()
    payload: dict[str, Any] = {
        "decision": ISSUED if decision.issue else REFUSED,
        "decided_on": decided_on.isoformat(),
    }
    if decision.issue:
        payload["permit_number"] = permit_number(approval.case_id, decided_on)
    else:
        assert decision.reason is not None
        payload["reason_code"] = str(decision.reason)
        payload["reason_text"] = " ".join(decision.note.split())
        payload["reapply_not_before"] = reapply_not_before(
            decided_on, reapply_lock_years
        ).isoformat()
        # Who is locked out, as the approval named them (the projection matches on these).
        payload["iin"] = approval.iin
        payload["passport_number"] = approval.passport_number.upper()
    payload["notification"] = notification(payload, approval)
    return payload


# --- the applicant's notification ---------------------------------------------------------

_CITY = {"Astana": "Астана", "Almaty": "Алматы", "Shymkent": "Шымкент"}


def notification(payload: Mapping[str, Any], approval: ApprovedArrival) -> dict[str, Any]:
    """The e-government notification of a decision payload: contact and texts kk/ru/en."""
    contact = {k: v for k, v in (("email", approval.email), ("phone", approval.phone)) if v}
    return {
        "contact": contact,
        "messages": {lang: message(lang, payload, approval) for lang in LANGUAGES},
    }


def message(language: str, payload: Mapping[str, Any], approval: ApprovedArrival) -> str:
    """The applicant's message about the decision in `payload`, in `language`."""
    language = _language(language)
    case = approval.case_id
    latin = approval.full_name
    cyrillic = f"{approval.surname_cyr} {approval.given_names_cyr}".strip() or latin
    city_cyr = _CITY.get(approval.city, approval.city)
    if payload["decision"] == ISSUED:
        permit = payload["permit_number"]
        return {
            "kk": (
                f"Құрметті {cyrillic}! Қазақстан Республикасында тұруға ықтиярхат алу туралы "
                f"өтінішіңіз (іс {case}) қанағаттандырылды. Рұқсат нөмірі: {permit}. "
                f"Ықтиярхатты {city_cyr} қаласындағы халыққа қызмет көрсету орталығынан "
                "алыңыз."
            ),
            "ru": (
                f"{_dear_ru(approval.sex)} {cyrillic}! Ваше заявление о выдаче вида на "
                f"жительство в Республике Казахстан (дело {case}) удовлетворено. Номер "
                f"разрешения: {permit}. Вид на жительство можно получить в центре "
                f"обслуживания населения г. {city_cyr}."
            ),
            "en": (
                f"Dear {latin}, your application for a residence permit in the Republic of "
                f"Kazakhstan (case {case}) has been approved. Permit number: {permit}. "
                f"Collect your residence permit at the public service center in "
                f"{approval.city}."
            ),
        }[language]
    reason = RefusalReason(payload["reason_code"])
    note = str(payload.get("reason_text") or "")
    again = date.fromisoformat(payload["reapply_not_before"])
    return {
        "kk": (
            f"Құрметті {cyrillic}! Қазақстан Республикасында тұруға ықтиярхат алу туралы "
            f"өтінішіңізді (іс {case}) қанағаттандырудан бас тартылды. Себебі: "
            f"{reason.text('kk')}. Түсініктеме: {note}. Жаңа өтінішті {_kk_from(again)} "
            "бастап беруге болады."
        ),
        "ru": (
            f"{_dear_ru(approval.sex)} {cyrillic}! По вашему заявлению о выдаче вида на "
            f"жительство в Республике Казахстан (дело {case}) принято решение об отказе. "
            f"Причина: {reason.text('ru')}. Пояснение: {note}. Повторно подать заявление "
            f"можно не ранее {again:%d.%m.%Y}."
        ),
        "en": (
            f"Dear {latin}, your application for a residence permit in the Republic of "
            f"Kazakhstan (case {case}) has been refused. Reason: {reason.text('en')}. "
            f"Explanation: {note}. You may apply again from {again:%d.%m.%Y}."
        ),
    }[language]


# Month names in the ablative ("from ..."), as a Kazakh date is written in words.
_KK_MONTHS_FROM = (
    "қаңтардан", "ақпаннан", "наурыздан", "сәуірден", "мамырдан", "маусымнан",
    "шілдеден", "тамыздан", "қыркүйектен", "қазаннан", "қарашадан", "желтоқсаннан",
)  # fmt: skip


def _kk_from(day: date) -> str:
    """'2027 жылғы 10 наурыздан': the date a period runs from, in Kazakh."""
    return f"{day.year} жылғы {day.day} {_KK_MONTHS_FROM[day.month - 1]}"


def _dear_ru(sex: str) -> str:
    return {"M": "Уважаемый", "F": "Уважаемая"}.get(sex, "Уважаемый(ая)")
