"""Printed documents: the residence-permit application form and the acknowledgement slip."""

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
