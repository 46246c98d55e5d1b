"""Printed documents: the residence-permit application form and the acknowledgement slip.

Its modules load on first use (PEP 562): the renderers need reportlab, which a desk's window
does not need to show; `workstation.documents.model` alone stays cheap.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workstation.documents.application import (
        STANDARD_ENCLOSURES,
        render_application,
        standard_enclosures,
    )
    from workstation.documents.model import (
        Address,
        ApplicantName,
        ApplicationData,
        DocumentReference,
        DutyKind,
        DutyReceipt,
        EnclosedDocument,
        HousingAgreement,
        HousingKind,
        MedicalCertificate,
        MedicalResult,
        Passport,
        ReceiptData,
        ServiceCenter,
        Sex,
    )
    from workstation.documents.receipt import (
        InvalidReceipt,
        receipt_for,
        receipt_qr_payload,
        render_receipt,
        submission_digest,
    )

_MODULE_OF = {
    "STANDARD_ENCLOSURES": "application",
    "render_application": "application",
    "standard_enclosures": "application",
    "InvalidReceipt": "receipt",
    "receipt_for": "receipt",
    "receipt_qr_payload": "receipt",
    "render_receipt": "receipt",
    "submission_digest": "receipt",
}

__all__ = [
    "STANDARD_ENCLOSURES",
    "Address",
    "ApplicantName",
    "ApplicationData",
    "DocumentReference",
    "DutyKind",
    "DutyReceipt",
    "EnclosedDocument",
    "HousingAgreement",
    "HousingKind",
    "InvalidReceipt",
    "MedicalCertificate",
    "MedicalResult",
    "Passport",
    "ReceiptData",
    "ServiceCenter",
    "Sex",
    "receipt_for",
    "receipt_qr_payload",
    "render_application",
    "render_receipt",
    "standard_enclosures",
    "submission_digest",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_MODULE_OF.get(name, 'model')}")
    value = getattr(module, name)
    globals()[name] = value
    return value
