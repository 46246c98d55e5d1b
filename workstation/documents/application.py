"""The residence-permit application form, bilingual Kazakh/Russian: the whole layout lives here.

The official field list (Annex 2 to MVD Order No. 992 of 4 Dec 2015) was not available, so
the form is designed from the documents the application carries (DOMAIN.md). Keep every
label, section and their order in this one module so that the form can be brought in line
with the official annex in one place.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from workstation.documents.fonts import FONTS, register_fonts
from workstation.documents.model import (
    ApplicationData,
    DocumentReference,
    DutyKind,
    EnclosedDocument,
    HousingAgreement,
    HousingKind,
    MedicalResult,
    Sex,
)
from workstation.documents.printing import (
    CONTENT_WIDTH,
    EMPTY_VALUE,
    LABEL_GREY,
    RULE_GREY,
    SECTION_FILL,
    STYLES,
    bilingual,
    build_pdf,
    fits_on_lines,
    fixed_text,
    format_amount,
    format_date,
    para,
    table_style,
    text,
)

ANNEX_REFERENCE = bilingual(
    "Қазақстан Республикасы Ішкі істер министрінің 2015 жылғы 4 желтоқсандағы "
    "№ 992 бұйрығына 2-қосымша",
    "Приложение 2 к приказу Министра внутренних дел Республики Казахстан "
    "от 4 декабря 2015 года № 992",
)
TITLE_KK = "ТҰРАҚТЫ ТҰРУҒА РҰҚСАТ АЛУҒА ӨТІНІШ"
TITLE_RU = "ЗАЯВЛЕНИЕ НА ПОЛУЧЕНИЕ РАЗРЕШЕНИЯ НА ПОСТОЯННОЕ ПРОЖИВАНИЕ"
PROGRAMME_LINE = (
    "Digital Nomad Residency бағдарламасы бойынша / по программе Digital Nomad Residency"
)

# Section headings in print order; tests read them back from the PDF.
SECTION_HEADINGS: tuple[tuple[str, str], ...] = (
    ("ӨТІНІШ БЕРУШІ ТУРАЛЫ МӘЛІМЕТТЕР", "СВЕДЕНИЯ О ЗАЯВИТЕЛЕ"),
    ("ЖЕКЕ БАСТЫ КУӘЛАНДЫРАТЫН ҚҰЖАТ", "ДОКУМЕНТ, УДОСТОВЕРЯЮЩИЙ ЛИЧНОСТЬ"),
    ("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНДАҒЫ МЕКЕНЖАЙЫ", "АДРЕС ПРОЖИВАНИЯ В РЕСПУБЛИКЕ КАЗАХСТАН"),
    ("ТҰРҒЫН ҮЙГЕ ҚҰҚЫҚ БЕРЕТІН ҚҰЖАТ", "ДОКУМЕНТ О ПРАВЕ НА ЖИЛЬЁ"),
    ("МЕДИЦИНАЛЫҚ КУӘЛАНДЫРУ", "МЕДИЦИНСКОЕ ОСВИДЕТЕЛЬСТВОВАНИЕ"),
    ("МЕМЛЕКЕТТІК БАЖ", "ГОСУДАРСТВЕННАЯ ПОШЛИНА"),
    ("ӨТІНІШ БЕРУ НЕГІЗДЕРІ", "ОСНОВАНИЯ ДЛЯ ПОДАЧИ ЗАЯВЛЕНИЯ"),
    ("ДАКТИЛОСКОПИЯЛЫҚ ТІРКЕУ", "ДАКТИЛОСКОПИЧЕСКАЯ РЕГИСТРАЦИЯ"),
    ("ҚОСА БЕРІЛЕТІН ҚҰЖАТТАР", "ПРИЛАГАЕМЫЕ ДОКУМЕНТЫ"),
)

PHOTO_LABEL = bilingual("Фотосурет орны", "Место для фотографии")
SEX_LABELS = {
    Sex.MALE: "ер / мужской",
    Sex.FEMALE: "әйел / женский",
    Sex.UNSPECIFIED: "көрсетілмеген (X) / не указан (X)",
}
HOUSING_KIND_LABELS = {
    HousingKind.LEASE: "Тұрғын үйді жалдау шарты / Договор найма жилища",
    HousingKind.OWNERSHIP: "Меншік құқығы / Право собственности",
    HousingKind.EMPLOYER: "Жұмыс беруші берген тұрғын үй / Жильё, предоставленное работодателем",
}
OWNER_LABELS = {
    HousingKind.LEASE: ("Жалға беруші", "Наймодатель"),
    HousingKind.OWNERSHIP: ("Меншік иесі", "Собственник"),
    HousingKind.EMPLOYER: ("Жұмыс беруші", "Работодатель"),
}
MEDICAL_RESULT_LABELS = {
    MedicalResult.FIT: "жарамды / годен",
    MedicalResult.NOT_FIT: "жарамсыз / не годен",
}
DUTY_KIND_LABELS = {
    DutyKind.RESIDENCE_PERMIT: (
        "Тұрақты тұруға рұқсат беру үшін",
        "За выдачу разрешения на постоянное проживание",
    ),
    DutyKind.PERMIT_CARD: (
        "Ықтиярхат (тұруға рұқсат картасы) беру үшін",
        "За выдачу вида на жительство (карточки)",
    ),
}
CONSENT_LABELS = {
    True: "көрсетілді / предъявлено",
    False: "көрсетілмеді / не предъявлено",
    None: "талап етілмейді / не требуется",
}
PRESENT_MARK = "☒ бар / есть"
ABSENT_MARK = "☐ жоқ / нет"
NO_FINGERPRINTS = "мәлімет жоқ / сведений нет"

# The documents DOMAIN.md says the application carries (the form itself aside), keyed so
# that the caller can say which of them are enclosed without spelling out the wording.
STANDARD_ENCLOSURES: dict[str, str] = {
    "passport_copy": "Паспорт көшірмесі (түпнұсқасы көрсетілді) / "
    "Копия паспорта (оригинал предъявлен)",
    "police_clearance": "Соттылығы жоқ екені туралы анықтама / Справка об отсутствии судимости",
    "proof_of_residence": "Тұрғын үйге құқық беретін құжат / Документ о праве на жильё",
    "medical_certificate": "028/у нысанды медициналық анықтама / Медицинская справка формы 028/у",
    "photo": "Фотосурет 35×45 мм / Фотография 35×45 мм",
    "duty_receipt": "Мемлекеттік бажды төлегені туралы түбіртек / "
    "Квитанция об оплате государственной пошлины",
    "ministry_recommendation": "Министрліктің ұсыным хаты (ЭЦҚ) / "
    "Рекомендательное письмо Министерства (ЭЦП)",
    "preliminary_approval": "Көші-қон қызметінің алдын ала мақұлдауы (ЭЦҚ) / "
    "Предварительное одобрение миграционной службы (ЭЦП)",
}

DECLARATION = bilingual(
    "Көрсетілген мәліметтердің дұрыстығын растаймын. Дербес деректерімді жинауға және "
    "өңдеуге келісім беремін (Қазақстан Республикасының № 94-V Заңы).",
    "Подтверждаю достоверность указанных сведений. Даю согласие на сбор и обработку моих "
    "персональных данных (Закон Республики Казахстан № 94-V).",
)

NUMBER_WIDTH = 9 * mm
LABEL_WIDTH = 66 * mm
VALUE_WIDTH = CONTENT_WIDTH - NUMBER_WIDTH - LABEL_WIDTH
MARK_WIDTH = 30 * mm
CELL_PADDING = 3
LABEL_SIZE = 7
LABEL_LEADING = 8.2
SECTION_SIZE = 8
SECTION_LEADING = 10
VALUE_SIZE = 8.5
VALUE_LEADING = 10.2
PHOTO_WIDTH = 35 * mm
PHOTO_HEIGHT = 45 * mm
ADDRESS_BLOCK_WIDTH = 78 * mm


@dataclass(frozen=True)
class _Field:
    """One numbered line of the form: bilingual label and the plain-text value."""

    number: str
    kazakh: str
    russian: str
    value: str  # plain text, "\n" starts a new line
    bold: bool = False


def standard_enclosures(present: Collection[str]) -> tuple[EnclosedDocument, ...]:
    """The standard enclosure list, marking those whose keys are in ``present``.

    Raises KeyError for a key that is not in STANDARD_ENCLOSURES, so a typo cannot silently
    print a document as missing.
    """
    unknown = set(present) - STANDARD_ENCLOSURES.keys()
    if unknown:
        raise KeyError(
            f"Unknown enclosure keys {sorted(unknown)}; use {sorted(STANDARD_ENCLOSURES)}."
        )
    return tuple(
        EnclosedDocument(name=name, present=key in present)
        for key, name in STANDARD_ENCLOSURES.items()
    )


def render_application(data: ApplicationData) -> bytes:
    """Return the application form for ``data`` as PDF bytes (A4, fonts embedded)."""
    register_fonts()  # before any Paragraph: paragraphs resolve bold/regular at creation
    story: list[Any] = [*_heading(data), Spacer(0, 3 * mm)]
    sections = _field_sections(data)
    for number, ((kazakh, russian), fields) in enumerate(
        zip(SECTION_HEADINGS, sections, strict=False), 1
    ):
        story.append(_section_table(number, kazakh, russian, fields))
    enclosure_number = len(sections) + 1
    kazakh, russian = SECTION_HEADINGS[enclosure_number - 1]
    story.append(_enclosure_table(enclosure_number, kazakh, russian, data.enclosed))
    story.append(_declaration_and_signatures(data))
    return build_pdf(
        story,
        title=f"Residence permit application {data.case_id}",
        footer_left=f"Іс № / Дело № {data.case_id}",
    )


def _no_padding(*extra: tuple[Any, ...]) -> TableStyle:
    return table_style(
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *extra,
        ]
    )


def _heading(data: ApplicationData) -> list[Any]:
    annex = Table(
        [[para(ANNEX_REFERENCE, STYLES.annex)], [para("Нысан / Форма", STYLES.annex)]],
        colWidths=[ADDRESS_BLOCK_WIDTH],
        style=_no_padding(("BOTTOMPADDING", (0, 0), (-1, -1), 1)),
    )
    city = text(data.service_center.city)
    addressee = Table(
        [
            [
                para(bilingual("Кімге:", "Кому:"), STYLES.label),
                para(
                    f"{city} қаласы Полиция департаментінің Көші-қон қызметі басқармасына<br/>"
                    f"В Управление миграционной службы Департамента полиции г. {city}",
                    STYLES.body,
                ),
            ],
            [
                para(bilingual("Кімнен:", "От кого:"), STYLES.label),
                para(
                    f"<b>{text(data.applicant.surname)} {text(data.applicant.given_names)}</b>",
                    STYLES.body,
                ),
            ],
        ],
        colWidths=[16 * mm, ADDRESS_BLOCK_WIDTH - 16 * mm],
        style=_no_padding(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ),
    )
    photo_box = Table(
        [[para(f"{PHOTO_LABEL}<br/>35×45 мм", STYLES.small_centre)]],
        colWidths=[PHOTO_WIDTH],
        rowHeights=[PHOTO_HEIGHT],
        style=table_style(
            [("BOX", (0, 0), (-1, -1), 0.5, RULE_GREY), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        ),
        hAlign="LEFT",
    )
    top = Table(
        [[photo_box, [annex, Spacer(0, 3 * mm), addressee]]],
        colWidths=[CONTENT_WIDTH - ADDRESS_BLOCK_WIDTH, ADDRESS_BLOCK_WIDTH],
        style=_no_padding(("VALIGN", (0, 0), (-1, -1), "TOP")),
    )
    case_line = Table(
        [
            [
                para(f"Іс № / Дело № <b>{text(data.case_id)}</b>", STYLES.body),
                para(
                    f"Өтініш берілген күн / Дата подачи: <b>{format_date(data.applied_on)}</b>",
                    STYLES.body_right,
                ),
            ]
        ],
        colWidths=[CONTENT_WIDTH / 2, CONTENT_WIDTH / 2],
        style=_no_padding(("VALIGN", (0, 0), (-1, -1), "BOTTOM")),
    )
    return [
        top,
        Spacer(0, 5 * mm),
        para(TITLE_KK, STYLES.title),
        para(TITLE_RU, STYLES.title),
        para(PROGRAMME_LINE, STYLES.subtitle),
        Spacer(0, 4 * mm),
        case_line,
    ]


def _reference(reference: DocumentReference) -> str:
    return f"№ {reference.number}, {format_date(reference.issued_on)}"


def _housing_period(housing: HousingAgreement) -> str:
    start = format_date(housing.valid_from)
    if housing.valid_until is not None:
        return f"{start} – {format_date(housing.valid_until)}"
    return f"{start} бастап, мерзімсіз / с {start}, бессрочно"


def _field_sections(data: ApplicationData) -> list[list[_Field]]:
    """The numbered fields of sections 1-8, in print order (section 9 is the enclosure list)."""
    name = data.applicant
    cyrillic = " ".join(part for part in (name.surname_cyrillic, name.given_names_cyrillic) if part)
    passport = data.passport
    address = data.address
    housing = data.housing
    owner_kk, owner_ru = OWNER_LABELS[housing.kind]
    medical = data.medical
    conclusion = MEDICAL_RESULT_LABELS[medical.result]
    if medical.remarks:
        conclusion += f"\n{medical.remarks}"
    duties = [
        _Field(
            f"6.{index}",
            *DUTY_KIND_LABELS[receipt.kind],
            f"Түбіртек / Квитанция № {receipt.receipt_number}, {format_date(receipt.paid_on)}, "
            f"{format_amount(receipt.amount_kzt)}",
        )
        for index, receipt in enumerate(data.duty_receipts, 1)
    ] or [_Field("6.1", "Төлем", "Оплата", EMPTY_VALUE)]
    return [
        [
            _Field("1.1", "Тегі (паспорт бойынша, латын әрпімен)",
                   "Фамилия (по паспорту, латиницей)", name.surname, bold=True),
            _Field("1.2", "Аты (паспорт бойынша, латын әрпімен)",
                   "Имя (по паспорту, латиницей)", name.given_names, bold=True),
            _Field("1.3", "Тегі мен аты (кирилл әрпімен)", "Фамилия и имя (кириллицей)",
                   cyrillic or EMPTY_VALUE),
            _Field("1.4", "Туған күні", "Дата рождения", format_date(data.birth_date)),
            _Field("1.5", "Туған жері", "Место рождения", data.birth_place),
            _Field("1.6", "Жынысы", "Пол", SEX_LABELS[data.sex]),
            _Field("1.7", "Азаматтығы", "Гражданство", data.citizenship),
            _Field("1.8", "Жеке сәйкестендіру нөмірі (ЖСН)",
                   "Индивидуальный идентификационный номер (ИИН)", data.iin or EMPTY_VALUE),
        ],
        [
            _Field("2.1", "Паспорттың нөмірі", "Номер паспорта", passport.number, bold=True),
            _Field("2.2", "Берген мемлекет", "Государство выдачи", passport.issuing_state),
            _Field("2.3", "Берілген күні", "Дата выдачи", format_date(passport.issued_on)),
            _Field("2.4", "Қолданылу мерзімі (дейін)", "Срок действия (до)",
                   format_date(passport.expires_on)),
        ],
        [
            _Field("3.1", "Елді мекен", "Населённый пункт", address.city),
            _Field("3.2", "Көше, даңғыл, шағын аудан", "Улица, проспект, микрорайон",
                   address.street),
            _Field("3.3", "Үй", "Дом", address.building),
            _Field("3.4", "Пәтер", "Квартира", address.apartment or EMPTY_VALUE),
            _Field("3.5", "Пошта индексі", "Почтовый индекс", address.postcode),
        ],
        [
            _Field("4.1", "Құжаттың түрі", "Вид документа", HOUSING_KIND_LABELS[housing.kind]),
            _Field("4.2", owner_kk, owner_ru, housing.landlord_name),
            _Field("4.3", f"{owner_kk} ЖСН/БСН", f"ИИН/БИН ({owner_ru.lower()})",
                   housing.landlord_id),
            _Field("4.4", "Шарттың (құжаттың) нөмірі мен күні",
                   "Номер и дата договора (документа)",
                   f"№ {housing.number}, {format_date(housing.signed_on)}"),
            _Field("4.5", "Қолданылу кезеңі", "Срок действия", _housing_period(housing)),
            _Field("4.6", "Меншік иесінің нотариат куәландырған келісімі",
                   "Нотариально заверенное согласие собственника",
                   CONSENT_LABELS[housing.owner_consent_shown]),
        ],
        [
            _Field("5.1", "028/у нысанды анықтаманың нөмірі мен күні",
                   "Номер и дата справки формы 028/у",
                   f"№ {medical.number}, {format_date(medical.issued_on)}"),
            _Field("5.2", "Анықтаманы берген медициналық ұйым",
                   "Медицинская организация, выдавшая справку", medical.organisation),
            _Field("5.3", "Қорытынды", "Заключение", conclusion),
        ],
        duties,
        [
            _Field("7.1", "Көші-қон қызметінің алдын ала мақұлдауы",
                   "Предварительное одобрение миграционной службы",
                   _reference(data.preliminary_approval)),
            _Field("7.2", "Жасанды интеллект және цифрлық даму министрлігінің ұсынымы",
                   "Рекомендация Министерства искусственного интеллекта и цифрового развития",
                   _reference(data.ministry_recommendation)),
        ],
        [
            _Field("8.1", "Саусақ іздерін алу", "Снятие отпечатков пальцев",
                   data.fingerprints_statement or NO_FINGERPRINTS),
        ],
    ]  # fmt: skip


def _grid_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return table_style(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("VALIGN", (0, 1), (0, -1), "TOP"),
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), SECTION_FILL),
            ("FONT", (0, 0), (-1, 0), FONTS.bold, SECTION_SIZE, SECTION_LEADING),
            ("FONT", (0, 1), (1, -1), FONTS.condensed, LABEL_SIZE, LABEL_LEADING),
            ("TEXTCOLOR", (0, 1), (1, -1), LABEL_GREY),
            ("FONT", (2, 1), (2, -1), FONTS.regular, VALUE_SIZE, VALUE_LEADING),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            *extra,
        ]
    )


# Headings, numbers and labels are the form's own wording, so they go into the grid as plain
# pre-broken strings; data values do too when every line fits the cell, and become wrapping
# Paragraphs only when they do not. A Paragraph per cell would double the layout time.
def _section_header(number: int, kazakh: str, russian: str) -> str:
    return fixed_text(
        f"{number}. {kazakh} / {russian}",
        FONTS.bold,
        SECTION_SIZE,
        CONTENT_WIDTH - 2 * CELL_PADDING,
    )


def _label(kazakh: str, russian: str, width: float = LABEL_WIDTH) -> str:
    inner = width - 2 * CELL_PADDING
    return (
        f"{fixed_text(kazakh, FONTS.condensed, LABEL_SIZE, inner)}\n"
        f"{fixed_text(russian, FONTS.condensed, LABEL_SIZE, inner)}"
    )


def _value(value: str, bold: bool, width: float) -> str | Paragraph:
    font = FONTS.bold if bold else FONTS.regular
    if fits_on_lines(value, font, VALUE_SIZE, width - 2 * CELL_PADDING):
        return value
    markup = "<br/>".join(text(line) for line in value.split("\n"))
    return para(markup, STYLES.value_bold if bold else STYLES.value)


def _section_table(number: int, kazakh: str, russian: str, fields: Sequence[_Field]) -> Table:
    # repeatRows=1 carries the section heading onto the next page if a section is split,
    # and stops a heading from being left alone at the foot of a page.
    cells: list[list[Any]] = [[_section_header(number, kazakh, russian), "", ""]]
    bold_rows: list[tuple[Any, ...]] = []
    for row, field in enumerate(fields, 1):
        cells.append(
            [
                field.number,
                _label(field.kazakh, field.russian),
                _value(field.value, field.bold, VALUE_WIDTH),
            ]
        )
        if field.bold:
            bold_rows.append(("FONT", (2, row), (2, row), FONTS.bold, VALUE_SIZE, VALUE_LEADING))
    return Table(
        cells,
        colWidths=[NUMBER_WIDTH, LABEL_WIDTH, VALUE_WIDTH],
        repeatRows=1,
        style=_grid_style(bold_rows),
    )


def _enclosure_table(
    number: int, kazakh: str, russian: str, enclosed: Sequence[EnclosedDocument]
) -> Table:
    name_width = CONTENT_WIDTH - NUMBER_WIDTH - MARK_WIDTH
    cells: list[list[Any]] = [[_section_header(number, kazakh, russian), "", ""]]
    cells.extend(
        [
            f"{number}.{index}",
            _value(document.name, False, name_width),
            PRESENT_MARK if document.present else ABSENT_MARK,
        ]
        for index, document in enumerate(enclosed, 1)
    )
    if not enclosed:
        cells.append([f"{number}.1", EMPTY_VALUE, ""])
    return Table(
        cells,
        colWidths=[NUMBER_WIDTH, name_width, MARK_WIDTH],
        repeatRows=1,
        style=_grid_style(
            [
                ("FONT", (1, 1), (-1, -1), FONTS.regular, VALUE_SIZE, VALUE_LEADING),
                ("TEXTCOLOR", (1, 1), (-1, -1), colors.black),
            ]
        ),
    )


def _declaration_and_signatures(data: ApplicationData) -> KeepTogether:
    signature_line = "_" * 34
    centre = data.service_center
    date_label = _label("Күні", "Дата", 20 * mm)
    applied_on = format_date(data.applied_on)
    rows: list[list[Any]] = [
        [_label("Өтініш берушінің қолы", "Подпись заявителя", 52 * mm), signature_line,
         date_label, applied_on],
        ["", para(f"{text(data.applicant.surname)} {text(data.applicant.given_names)}",
                  STYLES.small), "", ""],
        [_label("Өтінішті қабылдаған қызметкер", "Заявление принял", 52 * mm), signature_line,
         date_label, applied_on],
        ["", para(text(data.clerk_name), STYLES.small), "", ""],
        [_label("Халыққа қызмет көрсету орталығы", "Центр обслуживания населения", 52 * mm),
         _value(f"{centre.name}, {centre.city}", False, 74 * mm), _label("М.О.", "М.П.", 20 * mm),
         ""],
    ]  # fmt: skip
    signatures = Table(
        rows,
        colWidths=[52 * mm, 74 * mm, 20 * mm, CONTENT_WIDTH - 146 * mm],
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("FONT", (0, 0), (0, -1), FONTS.condensed, LABEL_SIZE, LABEL_LEADING),
                ("FONT", (2, 0), (2, -1), FONTS.condensed, LABEL_SIZE, LABEL_LEADING),
                ("TEXTCOLOR", (0, 0), (0, -1), LABEL_GREY),
                ("TEXTCOLOR", (2, 0), (2, -1), LABEL_GREY),
                ("FONT", (1, 0), (1, -1), FONTS.regular, VALUE_SIZE, VALUE_LEADING),
                ("FONT", (3, 0), (3, -1), FONTS.regular, VALUE_SIZE, VALUE_LEADING),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 2), (-1, 2), 7),
                ("TOPPADDING", (0, 4), (-1, 4), 7),
            ]
        ),
    )
    # The declaration and the signatures belong on one sheet: a signature alone on an
    # otherwise empty last page would not show what was signed.
    return KeepTogether(
        [Spacer(0, 3 * mm), para(DECLARATION, STYLES.body), Spacer(0, 4 * mm), signatures]
    )
