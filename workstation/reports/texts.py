"""Every word of the supervisor's report in Kazakh, Russian and English, picked by language."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

LANGUAGES = ("kk", "ru", "en")


class UnknownLanguage(ValueError):
    """A report language other than kk, ru or en."""

    def __init__(self, language: str) -> None:
        super().__init__(
            f"Reports are written in Kazakh (kk), Russian (ru) or English (en), not {language!r}."
        )


@dataclass(frozen=True)
class ReportTexts:
    language: str
    title: str
    period: str
    center: str
    all_centers: str
    prepared: str  # {date}, {name}
    as_of: str  # {date}
    approved: str
    arrived: str
    annulled: str
    submitted: str
    issued: str
    refused: str
    decided: str
    median_to_arrival: str
    median_to_decision: str
    in_time: str
    in_time_detail: str  # {n} of {total}
    days: str
    no_value: str
    funnel_chart: str
    weekly_chart: str
    week_of: str  # {date}
    week: str
    window_title: str  # {date}
    window_none: str
    case: str
    applicant: str
    approval_date: str
    window_end: str
    days_left: str
    city: str
    staff_title: str
    staff_member: str
    role: str
    arrivals: str
    steps: str
    printed: str
    reviews: str
    decisions: str
    total: str
    staff_none: str
    desks_title: str
    desk: str
    events: str
    desks_note: str
    role_clerk: str
    role_officer: str
    role_supervisor: str
    role_administrator: str
    role_unknown: str
    iin: str
    definitions_title: str
    definitions: tuple[str, ...]
    page: str  # {n}, {total}
    summary: str

    def role_name(self, role: str | None) -> str:
        return {
            "clerk": self.role_clerk,
            "migration_officer": self.role_officer,
            "supervisor": self.role_supervisor,
            "administrator": self.role_administrator,
        }.get(role or "", self.role_unknown)

    def number(self, value: float, digits: int = 1) -> str:
        """A decimal as the language writes it: 4.5 in English, 4,5 in Russian and Kazakh."""
        shown = f"{value:.{digits}f}"
        return shown if self.language == "en" else shown.replace(".", ",")

    def day(self, day: date) -> str:
        return day.strftime("%d.%m.%Y")

    def all_labels(self) -> list[str]:
        """Every text of the report (for checks that each language has all of them)."""
        result: list[str] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                result.extend(value)
            elif f.name != "language":
                result.append(value)
        return result


_EN = ReportTexts(
    language="en",
    title="Digital Nomad Residency: service center report",
    period="Period",
    center="Center",
    all_centers="All centers on this desk",
    prepared="Prepared on {date} by {name}",
    as_of="as of {date}",
    approved="Approved",
    arrived="Arrived",
    annulled="Annulled",
    submitted="Submitted",
    issued="Issued",
    refused="Refused",
    decided="Decided",
    median_to_arrival="Median days from approval to arrival",
    median_to_decision="Median days from submission to decision",
    in_time="Decided within 3 working days",
    in_time_detail="{n} of {total}",
    days="days",
    no_value="no data",
    funnel_chart="Cases by stage in the period",
    weekly_chart="By week",
    week_of="week of {date}",
    week="Week (Monday)",
    window_title="Arrival windows ending in the next 3 days ({date})",
    window_none="No approved case has its arrival window ending in the next 3 days.",
    case="Case",
    applicant="Applicant",
    approval_date="Approval date",
    window_end="Window ends",
    days_left="Days left",
    city="City",
    staff_title="Work of clerks and migration officers",
    staff_member="Staff member",
    role="Role",
    arrivals="Arrivals recorded",
    steps="Steps recorded",
    printed="Printed",
    reviews="Reviews started",
    decisions="Decisions",
    total="All events",
    staff_none="Nobody recorded anything on cases of this center in the period.",
    desks_title="Work per desk",
    desk="Desk",
    events="Events",
    desks_note=(
        "A desk sees only its own branch at central, so work is shown per workstation; the "
        "center is the cases' city."
    ),
    role_clerk="clerk",
    role_officer="migration officer",
    role_supervisor="supervisor",
    role_administrator="administrator",
    role_unknown="—",
    iin="IIN",
    definitions_title="How the figures are counted",
    definitions=(
        "Approved: preliminary approvals dated in the period. Arrived: border entries inside "
        "the 30-day window dated in the period.",
        "Annulled: cases annulled in the period, by a recorded annulment or because the "
        "window closed with no entry (the day after it closed), up to the day of the report.",
        "Submitted, issued, refused: applications submitted and decisions recorded in the "
        "period (Kazakhstan time). Only events applied on this desk are counted.",
        "Decided within 3 working days: the decision is no later than the due date "
        "(submission + 3 working days, holidays and transferred days off included).",
        "Staff known to this desk are named; others are shown by IIN with the birth date hidden.",
    ),
    page="Page {n} of {total}",
    summary="Summary",
)

_RU = ReportTexts(
    language="ru",
    title="Digital Nomad Residency: отчёт центра обслуживания населения",
    period="Период",
    center="Центр",
    all_centers="Все центры этого рабочего места",
    prepared="Сформирован {date}, {name}",
    as_of="на {date}",
    approved="Одобрено",
    arrived="Въехали",
    annulled="Аннулировано",
    submitted="Подано заявлений",
    issued="Выдано",
    refused="Отказано",
    decided="Решено",
    median_to_arrival="Медиана дней от одобрения до въезда",
    median_to_decision="Медиана дней от подачи до решения",
    in_time="Решено в течение 3 рабочих дней",
    in_time_detail="{n} из {total}",
    days="дн.",
    no_value="нет данных",
    funnel_chart="Дела по этапам за период",
    weekly_chart="По неделям",
    week_of="неделя с {date}",
    week="Неделя (понедельник)",
    window_title="Срок въезда истекает в ближайшие 3 дня (на {date})",
    window_none="Нет одобренных дел, у которых срок въезда истекает в ближайшие 3 дня.",
    case="Дело",
    applicant="Заявитель",
    approval_date="Дата одобрения",
    window_end="Срок въезда до",
    days_left="Осталось дней",
    city="Город",
    staff_title="Работа операторов и сотрудников миграционной службы",
    staff_member="Сотрудник",
    role="Роль",
    arrivals="Въездов внесено",
    steps="Этапов внесено",
    printed="Распечатано",
    reviews="Начато проверок",
    decisions="Решений",
    total="Всего событий",
    staff_none="За период никто не вносил данных по делам этого центра.",
    desks_title="Работа по рабочим местам",
    desk="Рабочее место",
    events="События",
    desks_note=(
        "Рабочее место видит в центральной базе только свой филиал, поэтому работа показана по "
        "рабочим местам; центр — это город дел."
    ),
    role_clerk="оператор ЦОН",
    role_officer="сотрудник миграционной службы",
    role_supervisor="руководитель",
    role_administrator="администратор",
    role_unknown="—",
    iin="ИИН",
    definitions_title="Как считаются показатели",
    definitions=(
        "Одобрено: предварительные одобрения с датой в периоде. Въехали: въезды в пределах "
        "30-дневного срока с датой въезда в периоде.",
        "Аннулировано: дела, аннулированные в периоде записью об аннулировании или потому, что "
        "срок въезда истёк без въезда (на следующий день после срока), по день отчёта.",
        "Подано, выдано, отказано: заявления, поданные в периоде, и решения, внесённые в "
        "периоде (время Казахстана). Учитываются только события, применённые на этом рабочем "
        "месте.",
        "Решено в течение 3 рабочих дней: решение не позднее контрольного срока (дата подачи "
        "+ 3 рабочих дня с учётом праздников и переносов выходных).",
        "Сотрудники, известные этому рабочему месту, названы по имени; остальные показаны по "
        "ИИН со скрытой датой рождения.",
    ),
    page="Страница {n} из {total}",
    summary="Итоги",
)

_KK = ReportTexts(
    language="kk",
    title="Digital Nomad Residency: халыққа қызмет көрсету орталығының есебі",
    period="Кезең",
    center="Орталық",
    all_centers="Осы жұмыс орнының барлық орталықтары",
    prepared="{date} жасалды, {name}",
    as_of="{date} жағдай бойынша",
    approved="Мақұлданды",
    arrived="Келді",
    annulled="Күші жойылды",
    submitted="Өтініш берілді",
    issued="Берілді",
    refused="Бас тартылды",
    decided="Шешілді",
    median_to_arrival="Мақұлданғаннан келгенге дейінгі күндер медианасы",
    median_to_decision="Өтініш берілгеннен шешімге дейінгі күндер медианасы",
    in_time="3 жұмыс күні ішінде шешілді",
    in_time_detail="{total} ішінен {n}",
    days="күн",
    no_value="деректер жоқ",
    funnel_chart="Кезең ішіндегі істер сатылар бойынша",
    weekly_chart="Апталар бойынша",
    week_of="{date} күні басталған апта",
    week="Апта (дүйсенбі)",
    window_title="Келу мерзімі алдағы 3 күнде аяқталатын істер ({date} жағдай бойынша)",
    window_none="Келу мерзімі алдағы 3 күнде аяқталатын мақұлданған істер жоқ.",
    case="Іс",
    applicant="Өтініш беруші",
    approval_date="Мақұлданған күні",
    window_end="Келу мерзімі",
    days_left="Қалған күндер",
    city="Қала",
    staff_title="ХҚКО операторлары мен көші-қон қызметі қызметкерлерінің жұмысы",
    staff_member="Қызметкер",
    role="Рөлі",
    arrivals="Тіркелген келулер",
    steps="Енгізілген қадамдар",
    printed="Басып шығарылды",
    reviews="Басталған тексерулер",
    decisions="Шешімдер",
    total="Барлық оқиғалар",
    staff_none="Кезең ішінде осы орталықтың істері бойынша ешкім ештеңе енгізбеді.",
    desks_title="Жұмыс орындары бойынша жұмыс",
    desk="Жұмыс орны",
    events="Оқиғалар",
    desks_note=(
        "Жұмыс орны орталық дерекқордан тек өз филиалын көреді, сондықтан жұмыс жұмыс "
        "орындары бойынша көрсетілген; орталық — істердің қаласы."
    ),
    role_clerk="ХҚКО операторы",
    role_officer="көші-қон қызметінің қызметкері",
    role_supervisor="басшы",
    role_administrator="әкімші",
    role_unknown="—",
    iin="ЖСН",
    definitions_title="Көрсеткіштер қалай есептеледі",
    definitions=(
        "Мақұлданды: кезеңде күні көрсетілген алдын ала мақұлдаулар. Келді: 30 күндік мерзім "
        "ішінде кезеңде шекарадан кіргендер.",
        "Күші жойылды: кезеңде жою туралы жазбамен немесе келу мерзімі кірусіз өткендіктен "
        "(мерзім біткен соңғы күннен кейінгі күні) күші жойылған істер, есеп күніне дейін.",
        "Өтініш берілді, берілді, бас тартылды: кезеңде берілген өтініштер мен енгізілген "
        "шешімдер (Қазақстан уақыты). Тек осы жұмыс орнында қолданылған оқиғалар есептеледі.",
        "3 жұмыс күні ішінде шешілді: шешім бақылау мерзімінен кешікпеген (өтініш берілген "
        "күн + 3 жұмыс күні, мерекелер мен демалыс күндерінің ауыстырылуы ескеріледі).",
        "Осы жұмыс орнына белгілі қызметкерлер аты-жөнімен көрсетіледі; басқалары туған күні "
        "жасырылған ЖСН бойынша көрсетіледі.",
    ),
    page="{n}-бет, барлығы {total}",
    summary="Қорытынды",
)

_BY_LANGUAGE = {"en": _EN, "ru": _RU, "kk": _KK}


def texts_for(language: str) -> ReportTexts:
    try:
        return _BY_LANGUAGE[language]
    except KeyError:
        raise UnknownLanguage(language) from None
