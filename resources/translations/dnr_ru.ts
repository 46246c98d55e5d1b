<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>{name} {version}: {licence}. The package ships no licence text.</source>
        <translation>{name} {version}: {licence}. Текст лицензии в пакете отсутствует.</translation>
    </message>
    <message>
        <source>About DNR Workstation</source>
        <translation>О программе DNR Workstation</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>&amp;Libraries</source>
        <translation>&amp;Библиотеки</translation>
    </message>
    <message>
        <source>Font file</source>
        <translation>Файл шрифта</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семейство</translation>
    </message>
    <message>
        <source>&amp;Fonts</source>
        <translation>&amp;Шрифты</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>сборка</translation>
    </message>
    <message>
        <source>from source</source>
        <translation>из исходного кода</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Рабочее место</translation>
    </message>
    <message>
        <source>Qt / PySide6</source>
        <translation>Qt / PySide6</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Система</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Данные</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Файл настроек</translation>
    </message>
    <message>
        <source>Key files (fallback)</source>
        <translation>Файлы ключей (резервная папка)</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Файл журнала</translation>
    </message>
    <message>
        <source>&lt;h2&gt;DNR Workstation&lt;/h2&gt;&lt;p&gt;Digital Nomad Residency desk for the public service centres of Kazakhstan.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;DNR Workstation&lt;/h2&gt;&lt;p&gt;Рабочее место Digital Nomad Residency для центров обслуживания населения Казахстана.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The libraries and fonts shipped with the desk and their licences are listed under &lt;i&gt;Libraries&lt;/i&gt; and &lt;i&gt;Fonts&lt;/i&gt;; their licence texts are shown there.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Библиотеки и шрифты, поставляемые с программой, и их лицензии перечислены на вкладках &lt;i&gt;Библиотеки&lt;/i&gt; и &lt;i&gt;Шрифты&lt;/i&gt;; там же приведены тексты лицензий.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <source>Record arrival: {name}</source>
        <translation>Отметка о въезде: {name}</translation>
    </message>
    <message>
        <source>Enter the date of entry stamped in the passport or on the migration card, not today&apos;s date. Approved on {approval}; entry allowed until {end}.</source>
        <translation>Введите дату въезда по штампу в паспорте или в миграционной карточке, а не сегодняшнюю дату. Одобрено {approval}; въезд разрешён до {end}.</translation>
    </message>
    <message>
        <source>Type or choose the crossing point</source>
        <translation>Введите или выберите пункт пропуска</translation>
    </message>
    <message>
        <source>&amp;Date of entry:</source>
        <translation>&amp;Дата въезда:</translation>
    </message>
    <message>
        <source>&amp;Border point:</source>
        <translation>&amp;Пункт пропуска:</translation>
    </message>
    <message>
        <source>Type the entry date as day.month.year, e.g. 05.11.2026.</source>
        <translation>Введите дату въезда в формате ДД.ММ.ГГГГ, например 05.11.2026.</translation>
    </message>
    <message>
        <source>Recording the arrival…</source>
        <translation>Сохранение отметки о въезде…</translation>
    </message>
    <message>
        <source>Annul the approval?</source>
        <translation>Аннулировать одобрение?</translation>
    </message>
    <message>
        <source>{reason}

Record this entry date and annul the case?</source>
        <translation>{reason}

Внести эту дату въезда и аннулировать дело?</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <source>An administrator sets up the connection to central.</source>
        <translation>Подключение к центральной базе настраивает администратор.</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Choose a case in the list (Enter opens it) to see the applicant and steps.</source>
        <translation>Выберите дело в списке (Enter — открыть), чтобы увидеть заявителя и этапы.</translation>
    </message>
    <message>
        <source>Record &amp;arrival…</source>
        <translation>Отметить &amp;въезд…</translation>
    </message>
    <message>
        <source>Record the border entry (Ctrl+Shift+A)</source>
        <translation>Отметить въезд через границу (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>&amp;Print application…</source>
        <translation>Распечатать &amp;заявление…</translation>
    </message>
    <message>
        <source>Preview and print the application (Ctrl+P)</source>
        <translation>Просмотр и печать заявления (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>&amp;Подать…</translation>
    </message>
    <message>
        <source>Submit the printed application to the migration service (Ctrl+Shift+S)</source>
        <translation>Подать распечатанное заявление в миграционную службу (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>&amp;Decide…</source>
        <translation>Принять р&amp;ешение…</translation>
    </message>
    <message>
        <source>Issue the permit or refuse (Ctrl+Shift+E)</source>
        <translation>Выдать вид на жительство или отказать (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Preliminary approval</source>
        <translation>Предварительное одобрение</translation>
    </message>
    <message>
        <source>IIN:</source>
        <translation>ИИН:</translation>
    </message>
    <message>
        <source>Born:</source>
        <translation>Дата и место рождения:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Пол:</translation>
    </message>
    <message>
        <source>Citizenship:</source>
        <translation>Гражданство:</translation>
    </message>
    <message>
        <source>Passport:</source>
        <translation>Паспорт:</translation>
    </message>
    <message>
        <source>Occupation:</source>
        <translation>Род занятий:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Контакты:</translation>
    </message>
    <message>
        <source>Approval:</source>
        <translation>Одобрение:</translation>
    </message>
    <message>
        <source>Ministry recommendation:</source>
        <translation>Рекомендация министерства:</translation>
    </message>
    <message>
        <source>Programme city:</source>
        <translation>Город программы:</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Въезд:</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>Дело:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Внесено</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Контрольный список</translation>
    </message>
    <message>
        <source>Re&amp;print application…</source>
        <translation>Распечатать &amp;заявление повторно…</translation>
    </message>
    <message>
        <source>Correct &amp;arrival…</source>
        <translation>Исправить &amp;въезд…</translation>
    </message>
    <message>
        <source>male</source>
        <translation>мужской</translation>
    </message>
    <message>
        <source>female</source>
        <translation>женский</translation>
    </message>
    <message>
        <source>{number} ({state}), valid until {expiry}</source>
        <translation>{number} ({state}), действителен до {expiry}</translation>
    </message>
    <message>
        <source>{date} at {point}</source>
        <translation>{date}, {point}</translation>
    </message>
    <message>
        <source>not recorded yet</source>
        <translation>ещё не внесено</translation>
    </message>
    <message>
        <source>{date} (corrected {n}×)</source>
        <translation>{date} (исправлено {n}×)</translation>
    </message>
    <message>
        <source>Every step is in order.</source>
        <translation>Все этапы в порядке.</translation>
    </message>
    <message>
        <source>Also recorded at desk {desk} on {date} {time} by IIN {iin} — superseded by a later record in central&apos;s order</source>
        <translation>Также внесено на рабочем месте {desk} {date} в {time} сотрудником с ИИН {iin} — заменено более поздней записью по порядку центральной базы</translation>
    </message>
    <message>
        <source>Also recorded at desk {desk} on {date} {time} — superseded by a later record in central&apos;s order</source>
        <translation>Также внесено на рабочем месте {desk} {date} в {time} — заменено более поздней записью по порядку центральной базы</translation>
    </message>
    <message>
        <source>Also recorded at desk {desk} on {date} {time} by IIN {iin} — not applied: {why}</source>
        <translation>Также внесено на рабочем месте {desk} {date} в {time} сотрудником с ИИН {iin} — не применено: {why}</translation>
    </message>
    <message>
        <source>Also recorded at desk {desk} on {date} {time} — not applied: {why}</source>
        <translation>Также внесено на рабочем месте {desk} {date} в {time} — не применено: {why}</translation>
    </message>
    <message>
        <source>Permit issued on {date}: {number}.</source>
        <translation>Вид на жительство выдан {date}: {number}.</translation>
    </message>
    <message>
        <source>Refused on {date}; a new application is possible from {again}.</source>
        <translation>Отказано {date}; повторное заявление возможно с {again}.</translation>
    </message>
    <message>
        <source>Submitted on {date}; the migration service decides by {due}.</source>
        <translation>Подано {date}; миграционная служба примет решение до {due}.</translation>
    </message>
    <message>
        <source>Enter or double-click to record this step</source>
        <translation>Enter или двойной щелчок — внести данные этапа</translation>
    </message>
    <message>
        <source>Still needed before printing:</source>
        <translation>Для печати ещё нужно:</translation>
    </message>
    <message>
        <source>Every step is in order: the application can be printed.</source>
        <translation>Все этапы в порядке: заявление можно распечатать.</translation>
    </message>
    <message>
        <source>Another desk acted on this case: {steps} also recorded at {desks}. The latest valid record in central&apos;s order stands; the others are kept in the history.</source>
        <translation>С этим делом работало другое рабочее место: {steps} также внесены на рабочих местах {desks}. Действует последняя действительная запись по порядку центральной базы; остальные сохраняются в истории.</translation>
    </message>
    <message>
        <source>Entered on {date}.</source>
        <translation>Дата въезда: {date}.</translation>
    </message>
    <message>
        <source>The 30-day arrival window closed on {end}. If the applicant entered by then, record the entry date: the case continues.</source>
        <translation>30-дневный срок въезда истёк {end}. Если заявитель въехал до этой даты, внесите дату въезда: работа по делу продолжится.</translation>
    </message>
    <message>
        <source>Today is the last day to enter Kazakhstan ({end}).</source>
        <translation>Сегодня последний день для въезда в Казахстан ({end}).</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left to enter Kazakhstan (until {end}).</source>
        <translation>
            <numerusform>Остался %n день для въезда в Казахстан (до {end}).</numerusform>
            <numerusform>Осталось %n дня для въезда в Казахстан (до {end}).</numerusform>
            <numerusform>Осталось %n дней для въезда в Казахстан (до {end}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>All centers</source>
        <translation>Все центры</translation>
    </message>
    <message>
        <source>This &amp;month</source>
        <translation>Этот &amp;месяц</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Экспорт &amp;PDF…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Экспорт &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <source>C&amp;enter:</source>
        <translation>&amp;Центр:</translation>
    </message>
    <message>
        <source>Report &amp;language:</source>
        <translation>&amp;Язык отчёта:</translation>
    </message>
    <message>
        <source>Median days, approval to arrival</source>
        <translation>Медиана дней: от одобрения до въезда</translation>
    </message>
    <message>
        <source>Median days, submission to decision</source>
        <translation>Медиана дней: от подачи до решения</translation>
    </message>
    <message>
        <source>Decided within 3 working days</source>
        <translation>Решено в течение 3 рабочих дней</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Window ends</source>
        <translation>Срок въезда до</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Осталось дней</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Въезды</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Этапы</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Распечатано</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Подано</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Проверки</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Решения</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Всего событий</translation>
    </message>
    <message>
        <source>Work of clerks and migration officers</source>
        <translation>Работа операторов и сотрудников миграционной службы</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <source>Counting the report…</source>
        <translation>Подсчёт показателей отчёта…</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Decided within 3 working days ({n} of {total})</source>
        <translation>Решено в течение 3 рабочих дней ({n} из {total})</translation>
    </message>
    <message>
        <source>all centers</source>
        <translation>все центры</translation>
    </message>
    <message>
        <source>{start} – {end}, {where}; as of {today}</source>
        <translation>{start} – {end}, {where}; на {today}</translation>
    </message>
    <message>
        <source>Arrival windows ending in the next 3 days ({n})</source>
        <translation>Срок въезда истекает в ближайшие 3 дня ({n})</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Сохранить отчёт в PDF</translation>
    </message>
    <message>
        <source>Save the report as CSV (for spreadsheets)</source>
        <translation>Сохранить отчёт в CSV (для электронных таблиц)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Формирование отчёта…</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>дд.мм.гггг</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Documents invalid or incomplete</source>
        <translation>Документы недействительны или неполны</translation>
    </message>
    <message>
        <source>False or inaccurate information</source>
        <translation>Ложные или недостоверные сведения</translation>
    </message>
    <message>
        <source>Medical examination</source>
        <translation>Медицинское освидетельствование</translation>
    </message>
    <message>
        <source>Security check</source>
        <translation>Проверка безопасности</translation>
    </message>
    <message>
        <source>Housing not confirmed</source>
        <translation>Жильё не подтверждено</translation>
    </message>
    <message>
        <source>Programme requirements not met</source>
        <translation>Требования программы не выполнены</translation>
    </message>
    <message>
        <source>Other grounds</source>
        <translation>Иные основания</translation>
    </message>
    <message>
        <source>Decision — {case}</source>
        <translation>Решение — {case}</translation>
    </message>
    <message>
        <source>&amp;Issue the residence permit</source>
        <translation>&amp;Выдать вид на жительство</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Отказать</translation>
    </message>
    <message>
        <source>— choose the reason —</source>
        <translation>— выберите причину —</translation>
    </message>
    <message>
        <source>What the applicant reads: which document, what was found (required).</source>
        <translation>Это прочитает заявитель: какой документ, что выявлено (обязательно).</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Пояснение:</translation>
    </message>
    <message>
        <source>&amp;Continue…</source>
        <translation>&amp;Далее…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>&amp;Sign and record</source>
        <translation>&amp;Подписать и внести</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Назад</translation>
    </message>
    <message>
        <source>Choose: issue the permit, or refuse.</source>
        <translation>Выберите: выдать вид на жительство или отказать.</translation>
    </message>
    <message>
        <source>Choose the reason for the refusal.</source>
        <translation>Выберите причину отказа.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Issue the residence permit&lt;/h3&gt;&lt;p&gt;Permit number &lt;b&gt;{number}&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Выдача вида на жительство&lt;/h3&gt;&lt;p&gt;Номер вида на жительство: &lt;b&gt;{number}&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Refuse the application&lt;/h3&gt;&lt;p&gt;Reason: &lt;b&gt;{reason}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;{note}&lt;/p&gt;&lt;p&gt;The applicant may apply again from &lt;b&gt;{again}&lt;/b&gt;; a new approval before then is blocked at every desk.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Отказ по заявлению&lt;/h3&gt;&lt;p&gt;Причина: &lt;b&gt;{reason}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;{note}&lt;/p&gt;&lt;p&gt;Заявитель может повторно подать заявление с &lt;b&gt;{again}&lt;/b&gt;; новое одобрение до этой даты заблокировано на всех рабочих местах.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The decision is signed with your EDS key and cannot be changed. The applicant is notified in Kazakh, Russian and English.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Решение подписывается вашим ключом ЭЦП, изменить его будет нельзя. Заявитель получит уведомление на казахском, русском и английском языках.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>{kind}: {file}</source>
        <translation>{kind}: {file}</translation>
    </message>
    <message numerus="yes">
        <source>PDF document, %n page(s), {size}.</source>
        <translation>
            <numerusform>Документ PDF, %n страница, {size}.</numerusform>
            <numerusform>Документ PDF, %n страницы, {size}.</numerusform>
            <numerusform>Документ PDF, %n страниц, {size}.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF document, ? page(s), {size}.</source>
        <translation>Документ PDF, страниц: ?, {size}.</translation>
    </message>
    <message>
        <source>PDFs are not shown here; save a copy to open it where you choose.</source>
        <translation>PDF здесь не отображается; сохраните копию, чтобы открыть её в нужной программе.</translation>
    </message>
    <message>
        <source>This image cannot be shown; it may be damaged.</source>
        <translation>Не удаётся показать изображение; возможно, файл повреждён.</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>Сохранить &amp;копию как…</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>Documents: {name}</source>
        <translation>Документы: {name}</translation>
    </message>
    <message>
        <source>Scans are kept inside the desk&apos;s encrypted store (PDF, JPEG or PNG, at most {mb} MB). Choose a row, then attach, view or remove.</source>
        <translation>Сканы хранятся в зашифрованном хранилище рабочего места (PDF, JPEG или PNG, не более {mb} МБ). Выберите строку, затем прикрепите, просмотрите или удалите скан.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Type, size</source>
        <translation>Тип, размер</translation>
    </message>
    <message>
        <source>&amp;Attach a scan…</source>
        <translation>&amp;Прикрепить скан…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Прос&amp;мотр</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>Сохранить &amp;копию как…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>нет файла</translation>
    </message>
    <message>
        <source>{type}, {size}</source>
        <translation>{type}, {size}</translation>
    </message>
    <message>
        <source>Attach a scan</source>
        <translation>Прикрепить скан</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Сканы (*.pdf *.jpg *.jpeg *.png);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Attaching…</source>
        <translation>Прикрепление…</translation>
    </message>
    <message>
        <source>Remove the document?</source>
        <translation>Удалить документ?</translation>
    </message>
    <message>
        <source>Remove {file} ({kind}) from the case? The removal is recorded.</source>
        <translation>Удалить {file} ({kind}) из дела? Удаление сохранится в истории.</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Сохранить копию как</translation>
    </message>
</context>
<context>
    <name>DutyForm</name>
    <message>
        <source>State duty</source>
        <translation>Государственная пошлина</translation>
    </message>
    <message>
        <source>Residence permit (4 MCI)</source>
        <translation>Вид на жительство (4 МРП)</translation>
    </message>
    <message>
        <source>Residence-permit card (0.2 MCI)</source>
        <translation>Карточка вида на жительство (0,2 МРП)</translation>
    </message>
    <message>
        <source>Tenge, as on the receipt</source>
        <translation>В тенге, как в квитанции</translation>
    </message>
    <message>
        <source>&amp;Duty:</source>
        <translation>&amp;Пошлина:</translation>
    </message>
    <message>
        <source>&amp;Receipt number:</source>
        <translation>&amp;Номер квитанции:</translation>
    </message>
    <message>
        <source>&amp;Payment date:</source>
        <translation>&amp;Дата оплаты:</translation>
    </message>
    <message>
        <source>&amp;Amount (KZT):</source>
        <translation>&amp;Сумма (тенге):</translation>
    </message>
    <message>
        <source>No MCI is configured for {year}.</source>
        <translation>МРП на {year} год не задан.</translation>
    </message>
    <message>
        <source>Due for a payment in {year}: {fee} KZT (MCI {mci})</source>
        <translation>К оплате в {year} году: {fee} тенге (МРП {mci})</translation>
    </message>
    <message>
        <source>Receipt {number} of {date}: {amount} KZT</source>
        <translation>Квитанция № {number} от {date}: {amount} тенге</translation>
    </message>
</context>
<context>
    <name>FingerExceptionDialog</name>
    <message>
        <source>Exception for {finger}</source>
        <translation>Исключение: {finger}</translation>
    </message>
    <message>
        <source>Amputated and bandaged fingers may be excused before capture. Injured and other need {n} tries first; the best try is kept with the exception.</source>
        <translation>Для ампутированного пальца или пальца в повязке исключение можно внести до снятия. При травме и других причинах сначала нужно использовать все попытки ({n}); лучшая попытка сохраняется вместе с исключением.</translation>
    </message>
    <message>
        <source>Required for Other</source>
        <translation>Обязательно для причины «Другое»</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Комментарий:</translation>
    </message>
    <message>
        <source>Record exception</source>
        <translation>Внести исключение</translation>
    </message>
    <message>
        <source>Remove exception</source>
        <translation>Удалить исключение</translation>
    </message>
</context>
<context>
    <name>FingerprintScreen</name>
    <message>
        <source>Fingerprints: {name}</source>
        <translation>Отпечатки пальцев: {name}</translation>
    </message>
    <message>
        <source>Search for scanner</source>
        <translation>Найти сканер</translation>
    </message>
    <message>
        <source>&amp;Capture slap (Space)</source>
        <translation>&amp;Снять отпечатки (Space)</translation>
    </message>
    <message>
        <source>&amp;Retry finger (R)</source>
        <translation>&amp;Повторить палец (R)</translation>
    </message>
    <message>
        <source>&amp;Exception… (E)</source>
        <translation>&amp;Исключение… (E)</translation>
    </message>
    <message>
        <source>&amp;Import file… (I)</source>
        <translation>Импорт из &amp;файла… (I)</translation>
    </message>
    <message>
        <source>Cancel capture (Esc)</source>
        <translation>Отменить снятие (Esc)</translation>
    </message>
    <message>
        <source>&amp;Save fingerprints</source>
        <translation>Со&amp;хранить отпечатки</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>No capture needed.</source>
        <translation>Снятие отпечатков не требуется.</translation>
    </message>
    <message>
        <source>Capturing… keep the fingers flat on the glass.</source>
        <translation>Идёт снятие… держите пальцы ровно на стекле.</translation>
    </message>
    <message>
        <source>Next: {slap} again, for {names}</source>
        <translation>Далее: {slap} ещё раз, для пальцев: {names}</translation>
    </message>
    <message>
        <source>Next: {slap}</source>
        <translation>Далее: {slap}</translation>
    </message>
    <message>
        <source>All ten fingers done: save (Ctrl+S).</source>
        <translation>Все десять пальцев готовы: сохраните (Ctrl+S).</translation>
    </message>
    <message>
        <source>Record an exception for each red finger (E).</source>
        <translation>Внесите исключение для каждого красного пальца (E).</translation>
    </message>
    <message>
        <source>{finger}: quality {q} (needs {t}), try {n} of {max}. {state}</source>
        <translation>{finger}: качество {q} (нужно {t}), попытка {n} из {max}. {state}</translation>
    </message>
    <message>
        <source>Searching for a fingerprint scanner…</source>
        <translation>Поиск сканера отпечатков пальцев…</translation>
    </message>
    <message>
        <source>Scanner {make} {model}, serial {serial} (port {port})</source>
        <translation>Сканер {make} {model}, серийный № {serial} (порт {port})</translation>
    </message>
    <message>
        <source>no device CA configured: the scanner is not verified</source>
        <translation>УЦ устройств не настроен: подлинность сканера не проверена</translation>
    </message>
    <message>
        <source>Or import prints from files (I).</source>
        <translation>Или импортируйте отпечатки из файлов (I).</translation>
    </message>
    <message>
        <source>No slap left to capture. Retry (R) or record exceptions (E).</source>
        <translation>Снимать больше нечего. Повторите (R) или внесите исключения (E).</translation>
    </message>
    <message>
        <source>Waiting for the scanner…</source>
        <translation>Ожидание сканера…</translation>
    </message>
    <message>
        <source>Place the left slap (four fingers of the left hand) on the scanner. Esc cancels.</source>
        <translation>Приложите к сканеру четыре пальца левой руки. Esc — отмена.</translation>
    </message>
    <message>
        <source>Place the right slap (four fingers of the right hand) on the scanner. Esc cancels.</source>
        <translation>Приложите к сканеру четыре пальца правой руки. Esc — отмена.</translation>
    </message>
    <message>
        <source>Place both thumbs on the scanner. Esc cancels.</source>
        <translation>Приложите к сканеру оба больших пальца. Esc — отмена.</translation>
    </message>
    <message numerus="yes">
        <source>{slap}: %n print(s) captured.</source>
        <translation>
            <numerusform>{slap} — снят %n отпечаток.</numerusform>
            <numerusform>{slap} — снято %n отпечатка.</numerusform>
            <numerusform>{slap} — снято %n отпечатков.</numerusform>
        </translation>
    </message>
    <message>
        <source>Below threshold: {names}; retry (R).</source>
        <translation>Ниже порога: {names}; повторите (R).</translation>
    </message>
    <message>
        <source>{finger} not read ({reason}).</source>
        <translation>{finger}: не считан ({reason}).</translation>
    </message>
    <message>
        <source>Capture cancelled; no try was counted.</source>
        <translation>Снятие отменено; попытка не засчитана.</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Чтение {file}…</translation>
    </message>
    <message>
        <source>{finger} imported from a file, estimated quality {q}.</source>
        <translation>{finger}: импортирован из файла, оценка качества {q}.</translation>
    </message>
    <message>
        <source>Import the print of {finger}</source>
        <translation>Импорт отпечатка: {finger}</translation>
    </message>
    <message>
        <source>Fingerprint images (*.png *.jpg *.jpeg)</source>
        <translation>Изображения отпечатков (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Saving the fingerprints…</source>
        <translation>Сохранение отпечатков…</translation>
    </message>
    <message>
        <source>Discard the prints?</source>
        <translation>Не сохранять отпечатки?</translation>
    </message>
    <message>
        <source>The prints captured here are not saved. Close and discard them?</source>
        <translation>Снятые здесь отпечатки не сохранены. Закрыть без сохранения?</translation>
    </message>
    <message>
        <source>Cancelling the capture…</source>
        <translation>Отмена снятия…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Enter the central database URL, e.g. postgresql://desk_ast_01@central.example.kz/dnr.</source>
        <translation>Введите URL центральной базы, например postgresql://desk_ast_01@central.example.kz/dnr.</translation>
    </message>
    <message>
        <source>Connected: central answers and its schema matches this version.</source>
        <translation>Подключено: центральная база отвечает, её схема соответствует этой версии.</translation>
    </message>
    <message>
        <source>Set up this desk</source>
        <translation>Настройка рабочего места</translation>
    </message>
    <message>
        <source>&lt;b&gt;This computer has no desk settings yet.&lt;/b&gt;&lt;br&gt;Connect the desk to the central database and name the folders of the staff trust store, or try the application with sample data in demo mode. The settings are saved in {file}.</source>
        <translation>&lt;b&gt;На этом компьютере ещё нет настроек рабочего места.&lt;/b&gt;&lt;br&gt;Подключите рабочее место к центральной базе и укажите папки хранилища доверенных сертификатов сотрудников или попробуйте программу на тестовых данных в демо-режиме. Настройки сохраняются в {file}.</translation>
    </message>
    <message>
        <source>kept in the OS credential store</source>
        <translation>хранится в хранилище учётных данных ОС</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Проверить &amp;соединение</translation>
    </message>
    <message>
        <source>Central database</source>
        <translation>Центральная база</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Workstation id:</source>
        <translation>&amp;Код рабочего места:</translation>
    </message>
    <message>
        <source>&amp;City of the branch:</source>
        <translation>&amp;Город филиала:</translation>
    </message>
    <message>
        <source>Staff log-in (NCA RK certificates)</source>
        <translation>Вход сотрудников (сертификаты НУЦ РК)</translation>
    </message>
    <message>
        <source>T&amp;rust store folder:</source>
        <translation>Папка &amp;хранилища доверенных сертификатов:</translation>
    </message>
    <message>
        <source>C&amp;RL folder:</source>
        <translation>Папка списков &amp;отзыва (CRL):</translation>
    </message>
    <message>
        <source>Use &amp;demo mode</source>
        <translation>Запустить в &amp;демо-режиме</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Save and start</source>
        <translation>Сохранить и &amp;запустить</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Выберите папку</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Could not connect ({kind}): {reason}</source>
        <translation>Не удалось подключиться ({kind}): {reason}</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>Папка {path} не существует.</translation>
    </message>
    <message>
        <source>{path} holds no root certificate: copy the NCA RK root and issuing CA certificates (.pem, .crt or .cer) into it.</source>
        <translation>В папке {path} нет корневого сертификата: скопируйте в неё корневой сертификат НУЦ РК и сертификаты выдающих УЦ (.pem, .crt или .cer).</translation>
    </message>
    <message>
        <source>A certificate in {path} cannot be read ({kind}).</source>
        <translation>Не удаётся прочитать сертификат в {path} ({kind}).</translation>
    </message>
    <message numerus="yes">
        <source>%n CA certificate(s) found.</source>
        <translation>
            <numerusform>Найден %n сертификат УЦ.</numerusform>
            <numerusform>Найдено %n сертификата УЦ.</numerusform>
            <numerusform>Найдено %n сертификатов УЦ.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CRL(s) found.</source>
        <translation>
            <numerusform>Найден %n список отзыва.</numerusform>
            <numerusform>Найдено %n списка отзыва.</numerusform>
            <numerusform>Найдено %n списков отзыва.</numerusform>
        </translation>
    </message>
    <message>
        <source>A CRL in {path} cannot be read ({kind}).</source>
        <translation>Не удаётся прочитать список отзыва в {path} ({kind}).</translation>
    </message>
    <message>
        <source>as registered at central, e.g. WS-AST-01</source>
        <translation>как зарегистрирован в центральной базе, например WS-AST-01</translation>
    </message>
    <message>
        <source>No .crl file yet: log-in is refused until the administrator puts the current CRLs here.</source>
        <translation>Файлов .crl пока нет: вход будет невозможен, пока администратор не поместит сюда актуальные списки отзыва.</translation>
    </message>
    <message>
        <source>Enter the workstation id the administrator registered at central (central add-workstation): central accepts this desk&apos;s work only under it.</source>
        <translation>Введите код рабочего места, который администратор зарегистрировал в центральной базе (central add-workstation): центральная база принимает данные этого рабочего места только под этим кодом.</translation>
    </message>
    <message>
        <source>The settings could not be written: {reason}.</source>
        <translation>Не удалось сохранить настройки: {reason}.</translation>
    </message>
</context>
<context>
    <name>HousingForm</name>
    <message>
        <source>Housing agreement</source>
        <translation>Договор о жилье</translation>
    </message>
    <message>
        <source>The dwelling must be in {city}, the programme city of this case, and the agreement must be in force today.</source>
        <translation>Жильё должно находиться в городе программы по этому делу ({city}), а договор должен действовать на сегодняшний день.</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>Аренда</translation>
    </message>
    <message>
        <source>Own property</source>
        <translation>Собственность</translation>
    </message>
    <message>
        <source>Provided by the employer</source>
        <translation>Предоставлено работодателем</translation>
    </message>
    <message>
        <source>A person (IIN)</source>
        <translation>Физическое лицо (ИИН)</translation>
    </message>
    <message>
        <source>A company (BIN)</source>
        <translation>Юридическое лицо (БИН)</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 цифр</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— выберите —</translation>
    </message>
    <message>
        <source>Yes, the owner&apos;s consent was shown</source>
        <translation>Да, согласие собственника предъявлено</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <source>Landlord &amp;is:</source>
        <translation>&amp;Арендодатель:</translation>
    </message>
    <message>
        <source>Landlord&apos;s II&amp;N / BIN:</source>
        <translation>&amp;ИИН / БИН арендодателя:</translation>
    </message>
    <message>
        <source>Landlord&apos;s na&amp;me:</source>
        <translation>ФИО или &amp;наименование арендодателя:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Город:</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>&amp;Улица:</translation>
    </message>
    <message>
        <source>&amp;Building:</source>
        <translation>&amp;Дом:</translation>
    </message>
    <message>
        <source>A&amp;partment:</source>
        <translation>&amp;Квартира:</translation>
    </message>
    <message>
        <source>P&amp;ostcode:</source>
        <translation>&amp;Почтовый индекс:</translation>
    </message>
    <message>
        <source>Agreement n&amp;umber:</source>
        <translation>Но&amp;мер договора:</translation>
    </message>
    <message>
        <source>Agreement &amp;date:</source>
        <translation>Да&amp;та договора:</translation>
    </message>
    <message>
        <source>In force &amp;from:</source>
        <translation>Действует &amp;с:</translation>
    </message>
    <message>
        <source>In force un&amp;til:</source>
        <translation>Действует д&amp;о:</translation>
    </message>
    <message>
        <source>Owner&apos;s consent &amp;shown:</source>
        <translation>Сог&amp;ласие собственника предъявлено:</translation>
    </message>
    <message>
        <source>{kind} No. {number} of {date}, {city}, {street} {building}</source>
        <translation>{kind}, № {number} от {date}, {city}, {street} {building}</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>&amp;Заблокировать рабочее место</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Language of the desk</source>
        <translation>Язык рабочего места</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>DNR Workstation — desk locked</source>
        <translation>DNR Workstation — рабочее место заблокировано</translation>
    </message>
    <message>
        <source>DNR Workstation — log in</source>
        <translation>DNR Workstation — вход</translation>
    </message>
    <message>
        <source>The desk is locked</source>
        <translation>Рабочее место заблокировано</translation>
    </message>
    <message>
        <source>Log in with your EDS key</source>
        <translation>Войдите с помощью ключа ЭЦП</translation>
    </message>
    <message>
        <source>Locked by {name} after a time without use. Unlock with the same key file and its password, or log out so someone else can log in.</source>
        <translation>Рабочее место сотрудника {name} заблокировано из-за бездействия. Разблокируйте его тем же файлом ключа и паролем или выйдите, чтобы мог войти другой сотрудник.</translation>
    </message>
    <message>
        <source>Choose your log-in key file from NCA RK (AUTH_RSA256_….p12) and type its password. The key is checked against this desk&apos;s trust store, revocation lists and staff records.</source>
        <translation>Выберите свой файл ключа для входа от НУЦ РК (AUTH_RSA256_….p12) и введите пароль к нему. Ключ проверяется по хранилищу доверенных сертификатов, спискам отзыва и сведениям о сотрудниках этого рабочего места.</translation>
    </message>
    <message>
        <source>Path to the key file (.p12)</source>
        <translation>Путь к файлу ключа (.p12)</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Файл ключа:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Разблокировать</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Выйти</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Вы&amp;ход</translation>
    </message>
    <message>
        <source>DEMO · {role} — {name}</source>
        <translation>ДЕМО · {role} — {name}</translation>
    </message>
    <message>
        <source>DEMO · expired key (refused) — {name}</source>
        <translation>ДЕМО · просроченный ключ (отклоняется) — {name}</translation>
    </message>
    <message>
        <source>DEMO · revoked key (refused) — {name}</source>
        <translation>ДЕМО · отозванный ключ (отклоняется) — {name}</translation>
    </message>
    <message>
        <source>DEMO · key from an untrusted CA (refused) — {name}</source>
        <translation>ДЕМО · ключ недоверенного УЦ (отклоняется) — {name}</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <source>Demo keys made on this computer for trying the desk: they are NOT NCA RK keys and open only this demo desk. Password: {password}</source>
        <translation>Демо-ключи, созданные на этом компьютере для знакомства с программой: это НЕ ключи НУЦ РК, они открывают только это демо-рабочее место. Пароль: {password}</translation>
    </message>
    <message>
        <source>Choose your EDS log-in key</source>
        <translation>Выберите ключ ЭЦП для входа</translation>
    </message>
    <message>
        <source>EDS key files (*.p12 *.pfx);;All files (*)</source>
        <translation>Файлы ключей ЭЦП (*.p12 *.pfx);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose your key file first.</source>
        <translation>Сначала выберите файл ключа.</translation>
    </message>
    <message>
        <source>Type the password of the key file.</source>
        <translation>Введите пароль к файлу ключа.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Your role does not see case data.</source>
        <translation>Для вашей роли данные дел недоступны.</translation>
    </message>
    <message>
        <source>DNR Workstation — DEMO (sample data, not for real cases)</source>
        <translation>DNR Workstation — ДЕМО (тестовые данные, не для реальных дел)</translation>
    </message>
    <message>
        <source>DNR Workstation</source>
        <translation>DNR Workstation</translation>
    </message>
    <message>
        <source>&amp;Find a case</source>
        <translation>&amp;Найти дело</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Синхронизировать</translation>
    </message>
    <message>
        <source>Send this desk&apos;s events and receive new ones (F5)</source>
        <translation>Отправить события этого рабочего места и получить новые (F5)</translation>
    </message>
    <message>
        <source>Record &amp;arrival…</source>
        <translation>Отметить &amp;въезд…</translation>
    </message>
    <message>
        <source>Capture &amp;fingerprints…</source>
        <translation>Снять &amp;отпечатки пальцев…</translation>
    </message>
    <message>
        <source>Check the &amp;passport…</source>
        <translation>Проверить &amp;паспорт…</translation>
    </message>
    <message>
        <source>&amp;Medical examination…</source>
        <translation>&amp;Медицинское освидетельствование…</translation>
    </message>
    <message>
        <source>&amp;Housing agreement…</source>
        <translation>Договор о &amp;жилье…</translation>
    </message>
    <message>
        <source>State &amp;duty…</source>
        <translation>Государственная по&amp;шлина…</translation>
    </message>
    <message>
        <source>D&amp;ocuments…</source>
        <translation>&amp;Документы…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Print the application…</source>
        <translation>Распечатать &amp;заявление…</translation>
    </message>
    <message>
        <source>Print the &amp;receipt…</source>
        <translation>Распечатать &amp;расписку…</translation>
    </message>
    <message>
        <source>Back to the &amp;list</source>
        <translation>Назад к &amp;списку</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About DNR Workstation</source>
        <translation>&amp;О программе DNR Workstation</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Рабочее место</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Дело</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>вход не выполнен</translation>
    </message>
    <message>
        <source>Desk {id} · {city} · {who}</source>
        <translation>Рабочее место {id} · {city} · {who}</translation>
    </message>
    <message>
        <source>all cities</source>
        <translation>все города</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Панель по&amp;казателей</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>Д&amp;ела</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Отчёты</translation>
    </message>
    <message>
        <source>Supervisor &amp;dashboard</source>
        <translation>&amp;Панель показателей руководителя</translation>
    </message>
    <message>
        <source>Export the report as &amp;PDF…</source>
        <translation>Экспорт отчёта в &amp;PDF…</translation>
    </message>
    <message>
        <source>Export the report as &amp;CSV…</source>
        <translation>Экспорт отчёта в &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>DNR Workstation will open in {language} the next time it starts.</source>
        <translation>При следующем запуске DNR Workstation откроется на языке: {language}.</translation>
    </message>
    <message>
        <source>Submit the application</source>
        <translation>Подача заявления</translation>
    </message>
    <message>
        <source>Submit the printed application of {name} to the migration service? It decides by {due} (3 working days).</source>
        <translation>Подать распечатанное заявление ({name}) в миграционную службу? Решение будет принято до {due} (3 рабочих дня).</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>Не подано</translation>
    </message>
    <message>
        <source>&amp;Submit to the migration service…</source>
        <translation>Под&amp;ать в миграционную службу…</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Очередь на рассмотрение</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Все дела</translation>
    </message>
    <message>
        <source>&amp;Review queue</source>
        <translation>О&amp;чередь на рассмотрение</translation>
    </message>
    <message>
        <source>&amp;Decide…</source>
        <translation>Принять р&amp;ешение…</translation>
    </message>
    <message>
        <source>View the &amp;printed application…</source>
        <translation>Просмотреть распечатанное &amp;заявление…</translation>
    </message>
    <message>
        <source>Scanner settings</source>
        <translation>Настройки сканера</translation>
    </message>
</context>
<context>
    <name>MedicalForm</name>
    <message>
        <source>Medical examination</source>
        <translation>Медицинское освидетельствование</translation>
    </message>
    <message>
        <source>Copy the certificate (form 028/u). It must be dated after the entry on {entry} and be at most {days} days old when the application is submitted.</source>
        <translation>Перенесите данные справки (форма 028/у). Справка должна быть выдана после въезда {entry}, а на момент подачи заявления — не старше {days} дн.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Годен</translation>
    </message>
    <message>
        <source>Not fit</source>
        <translation>Не годен</translation>
    </message>
    <message>
        <source>Required for “not fit”: what the doctor wrote</source>
        <translation>Обязательно при «не годен»: что написал врач</translation>
    </message>
    <message>
        <source>Certificate &amp;number:</source>
        <translation>&amp;Номер справки:</translation>
    </message>
    <message>
        <source>&amp;Issue date:</source>
        <translation>&amp;Дата выдачи:</translation>
    </message>
    <message>
        <source>Medical &amp;organisation:</source>
        <translation>&amp;Медицинская организация:</translation>
    </message>
    <message>
        <source>&amp;Doctor:</source>
        <translation>&amp;Врач:</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>&amp;Результат:</translation>
    </message>
    <message>
        <source>Re&amp;marks:</source>
        <translation>&amp;Примечания:</translation>
    </message>
    <message>
        <source>A “not fit” result is recorded, but it blocks the submission.</source>
        <translation>Результат «не годен» вносится, но с ним заявление подать нельзя.</translation>
    </message>
    <message>
        <source>fit</source>
        <translation>годен</translation>
    </message>
    <message>
        <source>not fit</source>
        <translation>не годен</translation>
    </message>
    <message>
        <source>No. {number} of {date}, {result}</source>
        <translation>№ {number} от {date}, {result}</translation>
    </message>
</context>
<context>
    <name>PassportForm</name>
    <message>
        <source>Passport check</source>
        <translation>Проверка паспорта</translation>
    </message>
    <message>
        <source>Read the passport in the reader, or type both MRZ lines (44 characters each). The desk compares it with the approved case: {number}, {nationality}, born {birth}, valid until {expiry}.</source>
        <translation>Считайте паспорт считывателем или введите обе строки MRZ (по 44 символа). Рабочее место сверит его с одобренным делом: {number}, {nationality}, дата рождения {birth}, действителен до {expiry}.</translation>
    </message>
    <message>
        <source>&amp;MRZ:</source>
        <translation>&amp;MRZ:</translation>
    </message>
    <message>
        <source>Passport {number}, valid until {expiry}: matches the case</source>
        <translation>Паспорт {number}, действителен до {expiry}: совпадает с делом</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Preparing the document…</source>
        <translation>Подготовка документа…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>Печать (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Сохранить PDF…</translation>
    </message>
    <message>
        <source>Save as a PDF file (Ctrl+S)</source>
        <translation>Сохранить в файл PDF (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Application — {case}</source>
        <translation>Заявление — {case}</translation>
    </message>
    <message>
        <source>Receipt — {case}</source>
        <translation>Расписка — {case}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s). Check the form, then print it.</source>
        <translation>
            <numerusform>%n страница. Проверьте форму и распечатайте её.</numerusform>
            <numerusform>%n страницы. Проверьте форму и распечатайте её.</numerusform>
            <numerusform>%n страниц. Проверьте форму и распечатайте её.</numerusform>
        </translation>
    </message>
    <message>
        <source>This application cannot be printed yet</source>
        <translation>Это заявление пока нельзя распечатать</translation>
    </message>
    <message>
        <source>The receipt cannot be printed yet</source>
        <translation>Расписку пока нельзя распечатать</translation>
    </message>
    <message>
        <source>&amp;Receipt</source>
        <translation>&amp;Расписка</translation>
    </message>
    <message>
        <source>&amp;Application</source>
        <translation>&amp;Заявление</translation>
    </message>
    <message>
        <source>Show the applicant&apos;s receipt (Ctrl+R)</source>
        <translation>Показать расписку для заявителя (Ctrl+R)</translation>
    </message>
    <message>
        <source>Back to the application (Ctrl+R)</source>
        <translation>Назад к заявлению (Ctrl+R)</translation>
    </message>
    <message>
        <source>The printer could not be opened. Check it and retry.</source>
        <translation>Не удалось открыть принтер. Проверьте его и повторите.</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Сохранить PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Не сохранено: {reason}</translation>
    </message>
    <message>
        <source>Receipt printed. Hand it to the applicant.</source>
        <translation>Расписка распечатана. Выдайте её заявителю.</translation>
    </message>
    <message>
        <source>Printed at {time} and recorded on the case. Next: the receipt.</source>
        <translation>Распечатано в {time} и отмечено в деле. Далее: расписка.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Перейти к:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Типы файлов:</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>Not applied, not sent</source>
        <translation>Не применено, не отправлено</translation>
    </message>
    <message>
        <source>What this desk did not take from central: approvals and events whose signatures do not check out, and rows it cannot read. None of them was applied; an approval here opened no case. Report approvals to the migration service with the approval number (a re-issued, correctly signed approval arrives with a normal sync), and the rest to the administrator. Events of this desk that central refused are listed too: they stay recorded here and are not sent again until the administrator has looked at them.</source>
        <translation>Что это рабочее место не приняло из центральной базы: одобрения и события, подписи которых не проходят проверку, и строки, которые оно не может прочитать. Ничего из этого не применено; по одобрению из этого списка дело не открыто. Об одобрениях сообщите в миграционную службу, указав номер одобрения (повторно выданное, правильно подписанное одобрение придёт с обычной синхронизацией), об остальном — администратору. Здесь же показаны события этого рабочего места, которые центральная база отклонила: они остаются записанными здесь и не отправляются снова, пока их не посмотрит администратор.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Одобрение</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Дата одобрения</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Central refused this desk&apos;s event: {reason}</source>
        <translation>Центральная база отклонила событие этого рабочего места: {reason}</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>overdue by %n day(s)</source>
        <translation>просрочено на %n дн.</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>срок сегодня</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Days left</source>
        <translation>Осталось дней</translation>
    </message>
    <message>
        <source>Decide by</source>
        <translation>Решение до</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Заявитель</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Гражданство</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Working days left to decide (working calendar)</source>
        <translation>Рабочих дней до срока решения (по производственному календарю)</translation>
    </message>
    <message>
        <source>{case} · IIN {iin} · {passport}</source>
        <translation>{case} · ИИН {iin} · {passport}</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePanel</name>
    <message numerus="yes">
        <source>%n application(s) waiting for a decision</source>
        <translation>
            <numerusform>%n заявление ожидает решения</numerusform>
            <numerusform>%n заявления ожидают решения</numerusform>
            <numerusform>%n заявлений ожидают решения</numerusform>
        </translation>
    </message>
    <message>
        <source>No applications waiting for a decision.</source>
        <translation>Нет заявлений, ожидающих решения.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Произошла ошибка</translation>
    </message>
</context>
<context>
    <name>StepForm</name>
    <message>
        <source>{title}: {name}</source>
        <translation>{title}: {name}</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Внесено</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кем</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>History of this step</source>
        <translation>История этапа</translation>
    </message>
    <message>
        <source>superseded: {what}</source>
        <translation>заменено: {what}</translation>
    </message>
    <message>
        <source>Type the date as day.month.year, e.g. 05.11.2026.</source>
        <translation>Введите дату в формате ДД.ММ.ГГГГ, например 05.11.2026.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Not synced yet</source>
        <translation>Синхронизации ещё не было</translation>
    </message>
    <message>
        <source>No central database</source>
        <translation>Центральная база не настроена</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>На связи</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <source>Central refused</source>
        <translation>Отказ центральной базы</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Ошибка синхронизации</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) to send</source>
        <translation>
            <numerusform>%n событие к отправке</numerusform>
            <numerusform>%n события к отправке</numerusform>
            <numerusform>%n событий к отправке</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send</source>
        <translation>Всё отправлено</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n approval(s) refused: signature</source>
        <translation>
            <numerusform>⚠ %n одобрение не принято: подпись</numerusform>
            <numerusform>⚠ %n одобрения не приняты: подпись</numerusform>
            <numerusform>⚠ %n одобрений не принято: подпись</numerusform>
        </translation>
    </message>
    <message>
        <source>Approvals whose signatures do not check out were not applied. Show them.</source>
        <translation>Одобрения, подписи которых не прошли проверку, не применены. Нажмите, чтобы посмотреть.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n pulled item(s) not applied</source>
        <translation>
            <numerusform>⚠ %n полученная запись не применена</numerusform>
            <numerusform>⚠ %n полученные записи не применены</numerusform>
            <numerusform>⚠ %n полученных записей не применено</numerusform>
        </translation>
    </message>
    <message>
        <source>Events from central whose signatures do not check out, or rows this desk cannot read, were not applied. Show them.</source>
        <translation>События из центральной базы, подписи которых не прошли проверку, и строки, которые это рабочее место не может прочитать, не применены. Нажмите, чтобы посмотреть.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n event(s) missing from central</source>
        <translation>
            <numerusform>⚠ %n событие отсутствует в центральной базе</numerusform>
            <numerusform>⚠ %n события отсутствуют в центральной базе</numerusform>
            <numerusform>⚠ %n событий отсутствует в центральной базе</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} event(s) this desk sent were never returned by central</source>
        <translation>Центральная база так и не вернула события, отправленные этим рабочим местом: {count}</translation>
    </message>
    <message>
        <source>{desk}: events {first} to {last} not received</source>
        <translation>{desk}: события с {first} по {last} не получены</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>Синхронизировано в {time}</translation>
    </message>
    <message>
        <source>{date} {time}: {summary}</source>
        <translation>{date} {time}: {summary}</translation>
    </message>
    <message numerus="yes">
        <source>Receiving… %n event(s)</source>
        <translation>
            <numerusform>Получение… %n событие</numerusform>
            <numerusform>Получение… %n события</numerusform>
            <numerusform>Получение… %n событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending… %n event(s)</source>
        <translation>
            <numerusform>Отправка… %n событие</numerusform>
            <numerusform>Отправка… %n события</numerusform>
            <numerusform>Отправка… %n событий</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>Sent {pushed}, received {pulled}: {applied} applied, {refused} refused</source>
        <translation>Отправлено: {pushed}, получено: {pulled} (применено: {applied}, отклонено: {refused})</translation>
    </message>
    <message>
        <source>already at central: {n}</source>
        <translation>уже были в центральной базе: {n}</translation>
    </message>
    <message>
        <source>already on this desk: {n}</source>
        <translation>уже были на этом рабочем месте: {n}</translation>
    </message>
    <message>
        <source>cases re-applied in central order: {n}</source>
        <translation>дел пересчитано в порядке центральной базы: {n}</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Days left</source>
        <translation>Осталось дней</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ИИН</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Гражданство</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Approved {approval}; entry allowed until {end}</source>
        <translation>Одобрено {approval}; въезд разрешён до {end}</translation>
    </message>
    <message>
        <source>Entered Kazakhstan on {date}</source>
        <translation>Въезд в Казахстан: {date}</translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message>
        <source>Search: IIN, passport number, surname or given name (Latin or Cyrillic)</source>
        <translation>Поиск: ИИН, номер паспорта, фамилия или имя (латиницей или кириллицей)</translation>
    </message>
    <message>
        <source>No case matches. Check the spelling or the number, choose “All cases” in Status, or sync (F5) to pull new approvals.</source>
        <translation>Дел не найдено. Проверьте написание или номер, выберите «Все дела» в поле «Статус» или выполните синхронизацию (F5), чтобы получить новые одобрения.</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <source>&amp;Days left:</source>
        <translation>&amp;Осталось дней:</translation>
    </message>
    <message>
        <source>more than {n} cases</source>
        <translation>более {n} дел</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln дело</numerusform>
            <numerusform>%Ln дела</numerusform>
            <numerusform>%Ln дел</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>view cases</source>
        <translation>просматривать дела</translation>
    </message>
    <message>
        <source>record an arrival</source>
        <translation>вносить отметку о въезде</translation>
    </message>
    <message>
        <source>record a step (medical exam, housing, state duty, documents)</source>
        <translation>вносить данные этапов (медицинское освидетельствование, жильё, государственная пошлина, документы)</translation>
    </message>
    <message>
        <source>capture fingerprints</source>
        <translation>снимать отпечатки пальцев</translation>
    </message>
    <message>
        <source>view fingerprints</source>
        <translation>просматривать отпечатки пальцев</translation>
    </message>
    <message>
        <source>print an application</source>
        <translation>распечатывать заявления</translation>
    </message>
    <message>
        <source>submit an application</source>
        <translation>подавать заявления</translation>
    </message>
    <message>
        <source>review an application</source>
        <translation>рассматривать заявления</translation>
    </message>
    <message>
        <source>decide on an application</source>
        <translation>принимать решения по заявлениям</translation>
    </message>
    <message>
        <source>view and print reports</source>
        <translation>просматривать и печатать отчёты</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>просматривать журнал аудита</translation>
    </message>
    <message>
        <source>change the workstation set-up (trust store, central connection)</source>
        <translation>изменять настройки рабочего места (хранилище доверенных сертификатов, подключение к центральной базе)</translation>
    </message>
    <message>
        <source>manage staff records</source>
        <translation>управлять сведениями о сотрудниках</translation>
    </message>
    <message>
        <source>synchronise the desk with central</source>
        <translation>синхронизировать рабочее место с центральной базой</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} или {second}</translation>
    </message>
    <message>
        <source>As {role} you may not {action}. Ask {who} to do it.</source>
        <translation>С ролью «{role}» нельзя {action}. Обратитесь к сотруднику с ролью: {who}.</translation>
    </message>
    <message>
        <source>As {role} you may not {action}. No role may do this.</source>
        <translation>С ролью «{role}» нельзя {action}. Это не разрешено ни одной роли.</translation>
    </message>
    <message>
        <source>a clerk</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>a migration officer</source>
        <translation>сотрудник миграционной службы</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>руководитель</translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>{name} has no staff role on this desk and may not {action}. Log in with your EDS key.</source>
        <translation>У сотрудника {name} нет роли на этом рабочем месте, поэтому ему нельзя {action}. Войдите с помощью своего ключа ЭЦП.</translation>
    </message>
    <message>
        <source>This user has no staff role on this desk and may not {action}. Log in with your EDS key.</source>
        <translation>У этого пользователя нет роли на этом рабочем месте, поэтому ему нельзя {action}. Войдите с помощью своего ключа ЭЦП.</translation>
    </message>
</context>
<context>
    <name>checklist</name>
    <message>
        <source>Arrival in Kazakhstan</source>
        <translation>Въезд в Казахстан</translation>
    </message>
    <message>
        <source>Passport check</source>
        <translation>Проверка паспорта</translation>
    </message>
    <message>
        <source>Medical examination (form 028/u)</source>
        <translation>Медицинское освидетельствование (форма 028/у)</translation>
    </message>
    <message>
        <source>Fingerprints</source>
        <translation>Отпечатки пальцев</translation>
    </message>
    <message>
        <source>Housing agreement</source>
        <translation>Договор о жилье</translation>
    </message>
    <message>
        <source>State duty: residence permit</source>
        <translation>Государственная пошлина: вид на жительство</translation>
    </message>
    <message>
        <source>State duty: residence card</source>
        <translation>Государственная пошлина: карточка вида на жительство</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Not fit for residence: this blocks the submission.</source>
        <translation>Не годен: с этим результатом заявление подать нельзя.</translation>
    </message>
    <message>
        <source>Certificate {number}</source>
        <translation>Справка № {number}</translation>
    </message>
    <message>
        <source>Missing: {names}.</source>
        <translation>Не хватает: {names}.</translation>
    </message>
    <message>
        <source>The record is incomplete ({problem}). Record the step again.</source>
        <translation>Запись неполная ({problem}). Внесите данные этапа заново.</translation>
    </message>
    <message>
        <source>Not required: the applicant is under {age}.</source>
        <translation>Не требуется: заявитель младше {age} лет.</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Approved</source>
        <translation>Одобрено</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Въехали</translation>
    </message>
    <message>
        <source>Annulled</source>
        <translation>Аннулировано</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Подано</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Выдано</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Решено</translation>
    </message>
    <message>
        <source>Cases by stage in the period</source>
        <translation>Дела по этапам за период</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>По неделям</translation>
    </message>
    <message>
        <source>IIN {iin}</source>
        <translation>ИИН {iin}</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <source>No case {case} on this desk. Check the id, or sync to pull it.</source>
        <translation>Дела {case} на этом рабочем месте нет. Проверьте номер дела или выполните синхронизацию, чтобы получить его.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>From the search box into the list</source>
        <translation>Из строки поиска в список</translation>
    </message>
    <message>
        <source>Open the highlighted case</source>
        <translation>Открыть выделенное дело</translation>
    </message>
    <message>
        <source>Back to the search box</source>
        <translation>Назад к строке поиска</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>Passport copy</source>
        <translation>Копия паспорта</translation>
    </message>
    <message>
        <source>Police clearance</source>
        <translation>Справка об отсутствии судимости</translation>
    </message>
    <message>
        <source>Proof of residence</source>
        <translation>Документ о праве на жильё</translation>
    </message>
    <message>
        <source>Medical certificate 028/u</source>
        <translation>Медицинская справка формы 028/у</translation>
    </message>
    <message>
        <source>Photo 35×45 mm</source>
        <translation>Фотография 35×45 мм</translation>
    </message>
    <message>
        <source>State duty receipt</source>
        <translation>Квитанция об оплате государственной пошлины</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} МБ</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} КБ</translation>
    </message>
</context>
<context>
    <name>door</name>
    <message>
        <source>This database role is not a workstation of central: ask the administrator.</source>
        <translation>Эта роль базы данных не зарегистрирована в центральной базе как рабочее место: обратитесь к администратору.</translation>
    </message>
    <message>
        <source>Central takes a batch of 1 to {limit} items as a list; this one is not.</source>
        <translation>Центральная база принимает пакет только в виде списка от 1 до {limit} элементов; этот пакет не такой.</translation>
    </message>
    <message>
        <source>Event {event}: {field} is missing or malformed.</source>
        <translation>Событие {event}: поле {field} отсутствует или имеет неверный формат.</translation>
    </message>
    <message>
        <source>Event {event}: type {type} is unknown to central&apos;s schema.</source>
        <translation>Событие {event}: тип {type} неизвестен схеме центральной базы.</translation>
    </message>
    <message>
        <source>Event {event}: a desk cannot send {type}; approvals come from the migration service.</source>
        <translation>Событие {event}: рабочее место не может отправлять события типа {type}; одобрения поступают от миграционной службы.</translation>
    </message>
    <message>
        <source>Event {event}: the payload is not a JSON object.</source>
        <translation>Событие {event}: содержимое (payload) не является объектом JSON.</translation>
    </message>
    <message>
        <source>Event {event}: the payload is larger than {limit} bytes.</source>
        <translation>Событие {event}: содержимое (payload) больше {limit} байт.</translation>
    </message>
    <message>
        <source>Event {event}: {field} is not a canonical UTC instant (YYYY-MM-DDTHH:MM:SS.ffffffZ).</source>
        <translation>Событие {event}: {field} не является моментом времени UTC в каноническом виде (YYYY-MM-DDTHH:MM:SS.ffffffZ).</translation>
    </message>
    <message>
        <source>Event {event}: the signature is not bytes of at most {limit}.</source>
        <translation>Событие {event}: подпись не является последовательностью байтов длиной не более {limit}.</translation>
    </message>
    <message>
        <source>Event {event}: the workstation&apos;s number is not a whole number from 1.</source>
        <translation>Событие {event}: номер события на рабочем месте не является целым числом от 1 и больше.</translation>
    </message>
    <message>
        <source>Event {event}: workstation {workstation} already gave number {number} to another event.</source>
        <translation>Событие {event}: рабочее место {workstation} уже присвоило номер {number} другому событию.</translation>
    </message>
    <message>
        <source>Event {event} names workstation {given}, but this desk is {bound}.</source>
        <translation>В событии {event} указано рабочее место {given}, но это рабочее место — {bound}.</translation>
    </message>
    <message>
        <source>Event {event} is addressed to {given}; this desk&apos;s branch is in {bound}.</source>
        <translation>Событие {event} относится к городу {given}; филиал этого рабочего места находится в городе {bound}.</translation>
    </message>
    <message>
        <source>Event {event}: central holds no approved arrival for case {case}.</source>
        <translation>Событие {event}: в центральной базе нет одобренного въезда по делу {case}.</translation>
    </message>
    <message>
        <source>Event {event}: central holds case {case} under the city {held}, not {given}.</source>
        <translation>Событие {event}: в центральной базе дело {case} числится за городом {held}, а не {given}.</translation>
    </message>
    <message>
        <source>Event {event}: central already holds another event with this id; nothing of the batch was stored.</source>
        <translation>Событие {event}: в центральной базе уже есть другое событие с этим идентификатором; ничего из пакета не сохранено.</translation>
    </message>
    <message>
        <source>This desk&apos;s branch is in {bound}; it cannot read the events of {given}.</source>
        <translation>Филиал этого рабочего места находится в городе {bound}; события города {given} ему недоступны.</translation>
    </message>
    <message>
        <source>Certificate {number} of the batch is not a DER X.509 certificate.</source>
        <translation>Сертификат № {number} в пакете не является сертификатом X.509 в формате DER.</translation>
    </message>
    <message>
        <source>Audit entry {seq}: {field} is missing or malformed.</source>
        <translation>Запись журнала аудита {seq}: поле {field} отсутствует или имеет неверный формат.</translation>
    </message>
    <message>
        <source>Audit entry {seq} names workstation {given}, but this desk is {bound}.</source>
        <translation>В записи журнала аудита {seq} указано рабочее место {given}, но это рабочее место — {bound}.</translation>
    </message>
    <message>
        <source>Audit entry {seq} does not extend the chain central holds for {workstation} (central expects entry {expected} after hash {prev}).</source>
        <translation>Запись журнала аудита {seq} не продолжает цепочку, которая хранится в центральной базе для рабочего места {workstation} (центральная база ожидает запись {expected} после хеша {prev}).</translation>
    </message>
    <message>
        <source>Audit entry {seq} differs from the one central already holds.</source>
        <translation>Запись журнала аудита {seq} отличается от той, что уже есть в центральной базе.</translation>
    </message>
</context>
<context>
    <name>finger_tiles</name>
    <message>
        <source>Quality — / {t}</source>
        <translation>Качество — / {t}</translation>
    </message>
    <message>
        <source>Quality {q} / {t} · imported</source>
        <translation>Качество {q} / {t} · из файла</translation>
    </message>
    <message>
        <source>Quality {q} / {t}</source>
        <translation>Качество {q} / {t}</translation>
    </message>
    <message>
        <source>Tries {n} of {max}</source>
        <translation>Попыток: {n} из {max}</translation>
    </message>
    <message>
        <source>{finger}: {state}</source>
        <translation>{finger}: {state}</translation>
    </message>
    <message>
        <source>Prints (best try of each finger)</source>
        <translation>Отпечатки (лучшая попытка по каждому пальцу)</translation>
    </message>
    <message>
        <source>Live preview appears during capture</source>
        <translation>Изображение со сканера появится во время снятия</translation>
    </message>
</context>
<context>
    <name>fingerprint_device</name>
    <message>
        <source>DNR_SBI_PORTS is &quot;{text}&quot;; write a port range like 4501-4600.</source>
        <translation>DNR_SBI_PORTS имеет значение «{text}»; укажите диапазон портов, например 4501-4600.</translation>
    </message>
    <message>
        <source>DNR_SBI_PORTS &quot;{text}&quot; is not a valid port range.</source>
        <translation>DNR_SBI_PORTS «{text}» — недопустимый диапазон портов.</translation>
    </message>
    <message>
        <source>DNR_SBI_CA: cannot read {path} ({reason}).</source>
        <translation>DNR_SBI_CA: не удаётся прочитать {path} ({reason}).</translation>
    </message>
    <message>
        <source>DNR_SBI_CA: {path} is not a PEM certificate.</source>
        <translation>DNR_SBI_CA: {path} не является сертификатом PEM.</translation>
    </message>
</context>
<context>
    <name>fingerprint_exception</name>
    <message>
        <source>Amputated (finger missing)</source>
        <translation>Ампутация (палец отсутствует)</translation>
    </message>
    <message>
        <source>Injured</source>
        <translation>Травма</translation>
    </message>
    <message>
        <source>Bandaged or in a cast</source>
        <translation>Повязка или гипс</translation>
    </message>
    <message>
        <source>Other (describe in the note)</source>
        <translation>Другое (опишите в комментарии)</translation>
    </message>
</context>
<context>
    <name>fingerprints</name>
    <message>
        <source>amputated</source>
        <translation>ампутация</translation>
    </message>
    <message>
        <source>injured</source>
        <translation>травма</translation>
    </message>
    <message>
        <source>bandaged</source>
        <translation>повязка</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>{finger}: all {tries} tries are used. Keep the best print and record an exception reason.</source>
        <translation>{finger}: все попытки ({tries}) использованы. Сохраните лучший отпечаток и внесите причину исключения.</translation>
    </message>
    <message>
        <source>Describe the reason in the note when choosing &quot;Other&quot;.</source>
        <translation>При выборе причины «Другое» опишите её в комментарии.</translation>
    </message>
    <message>
        <source>Fingerprinting is not required: the applicant is {age}, under {minimum}.</source>
        <translation>Дактилоскопия не требуется: возраст заявителя — {age} (меньше {minimum}).</translation>
    </message>
    <message>
        <source>Fingerprinting is required: the applicant is {age} ({minimum} or over).</source>
        <translation>Дактилоскопия обязательна: возраст заявителя — {age} ({minimum} или больше).</translation>
    </message>
    <message>
        <source>{finger} has an exception recorded; remove it before capturing.</source>
        <translation>{finger}: внесено исключение; удалите его перед снятием.</translation>
    </message>
    <message>
        <source>{finger} already has a print of quality {quality}; no exception is needed.</source>
        <translation>{finger}: уже есть отпечаток качества {quality}; исключение не нужно.</translation>
    </message>
    <message>
        <source>Try {finger} {max} times before recording &quot;{reason}&quot; ({tries} of {max} done).</source>
        <translation>{finger}: прежде чем внести причину «{reason}», используйте все попытки ({max}); сделано {tries} из {max}.</translation>
    </message>
    <message>
        <source>Device not registered</source>
        <translation>Устройство не зарегистрировано</translation>
    </message>
    <message>
        <source>Unable to detect a biometric object</source>
        <translation>Не удалось обнаружить биометрический объект</translation>
    </message>
    <message>
        <source>Technical error during extraction</source>
        <translation>Техническая ошибка при извлечении данных</translation>
    </message>
    <message>
        <source>Device tamper detected</source>
        <translation>Обнаружено вмешательство в устройство</translation>
    </message>
    <message>
        <source>Unable to connect to the management server</source>
        <translation>Не удалось подключиться к серверу управления</translation>
    </message>
    <message>
        <source>Image orientation error</source>
        <translation>Ошибка ориентации изображения</translation>
    </message>
    <message>
        <source>Device not found</source>
        <translation>Устройство не найдено</translation>
    </message>
    <message>
        <source>Device public key expired</source>
        <translation>Истёк срок действия открытого ключа устройства</translation>
    </message>
    <message>
        <source>Domain public key missing</source>
        <translation>Отсутствует открытый ключ домена</translation>
    </message>
    <message>
        <source>Requested number of fingers not supported</source>
        <translation>Запрошенное число пальцев не поддерживается</translation>
    </message>
    <message>
        <source>Device is not ready</source>
        <translation>Устройство не готово</translation>
    </message>
    <message>
        <source>Device is busy</source>
        <translation>Устройство занято</translation>
    </message>
    <message>
        <source>Invalid transaction ID</source>
        <translation>Недействительный идентификатор транзакции</translation>
    </message>
    <message>
        <source>Left IndexFinger</source>
        <translation>Левый указательный палец</translation>
    </message>
    <message>
        <source>Left MiddleFinger</source>
        <translation>Левый средний палец</translation>
    </message>
    <message>
        <source>Left RingFinger</source>
        <translation>Левый безымянный палец</translation>
    </message>
    <message>
        <source>Left LittleFinger</source>
        <translation>Левый мизинец</translation>
    </message>
    <message>
        <source>Right IndexFinger</source>
        <translation>Правый указательный палец</translation>
    </message>
    <message>
        <source>Right MiddleFinger</source>
        <translation>Правый средний палец</translation>
    </message>
    <message>
        <source>Right RingFinger</source>
        <translation>Правый безымянный палец</translation>
    </message>
    <message>
        <source>Right LittleFinger</source>
        <translation>Правый мизинец</translation>
    </message>
    <message>
        <source>Left Thumb</source>
        <translation>Левый большой палец</translation>
    </message>
    <message>
        <source>Right Thumb</source>
        <translation>Правый большой палец</translation>
    </message>
    <message>
        <source>No fingerprint scanner found on ports {first}-{last}. Check the scanner is plugged in and its device service is running, then search again.</source>
        <translation>Сканер отпечатков пальцев не найден на портах {first}-{last}. Проверьте, что сканер подключён и его служба устройства запущена, затем повторите поиск.</translation>
    </message>
    <message>
        <source>No fingerprint scanner found. Check the scanner is plugged in and its device service is running, then search again.</source>
        <translation>Сканер отпечатков пальцев не найден. Проверьте, что сканер подключён и его служба устройства запущена, затем повторите поиск.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is busy with another capture. Wait a moment and try again.</source>
        <translation>Сканер отпечатков пальцев занят другим снятием. Подождите немного и повторите.</translation>
    </message>
    <message>
        <source>The fingerprint scanner did not answer within {seconds} s. Ask the applicant to lift and place the fingers again, then retry; restart the scanner if it repeats.</source>
        <translation>Сканер отпечатков пальцев не ответил за {seconds} с. Попросите заявителя поднять пальцы и снова приложить их, затем повторите; если это повторяется, перезапустите сканер.</translation>
    </message>
    <message>
        <source>Capture cancelled.</source>
        <translation>Снятие отменено.</translation>
    </message>
    <message>
        <source>wrong transaction id</source>
        <translation>неверный идентификатор транзакции</translation>
    </message>
    <message>
        <source>timestamp outside 5 minutes of this computer&apos;s clock</source>
        <translation>метка времени расходится с часами этого компьютера более чем на 5 минут</translation>
    </message>
    <message>
        <source>bad signature</source>
        <translation>неверная подпись</translation>
    </message>
    <message>
        <source>device certificate not issued by the trusted device CA</source>
        <translation>сертификат устройства выдан не доверенным УЦ устройств</translation>
    </message>
    <message>
        <source>hash chain broken</source>
        <translation>нарушена цепочка хешей</translation>
    </message>
    <message>
        <source>malformed response</source>
        <translation>ответ неверного формата</translation>
    </message>
    <message>
        <source>unsupported spec version</source>
        <translation>неподдерживаемая версия спецификации</translation>
    </message>
    <message>
        <source>unsupported image format</source>
        <translation>неподдерживаемый формат изображения</translation>
    </message>
    <message>
        <source>The fingerprint scanner sent an answer that cannot be accepted: {problem} ({detail}). Capture again; if it repeats, call the administrator.</source>
        <translation>Сканер отпечатков пальцев прислал ответ, который нельзя принять: {problem} ({detail}). Повторите снятие; если ошибка повторится, обратитесь к администратору.</translation>
    </message>
    <message>
        <source>The fingerprint scanner sent an answer that cannot be accepted: {problem}. Capture again; if it repeats, call the administrator.</source>
        <translation>Сканер отпечатков пальцев прислал ответ, который нельзя принять: {problem}. Повторите снятие; если ошибка повторится, обратитесь к администратору.</translation>
    </message>
    <message>
        <source>Device error</source>
        <translation>Ошибка устройства</translation>
    </message>
    <message>
        <source>Fingerprint scanner error {code}: {text}.</source>
        <translation>Ошибка сканера отпечатков пальцев {code}: {text}.</translation>
    </message>
    <message>
        <source>{finger} was given twice; keep only the best print.</source>
        <translation>{finger}: отпечаток передан дважды; оставьте только лучший.</translation>
    </message>
    <message>
        <source>{finger} has an empty image.</source>
        <translation>{finger}: пустое изображение.</translation>
    </message>
    <message>
        <source>{finger}: describe the reason in the note when choosing &quot;Other&quot;.</source>
        <translation>{finger}: при выборе причины «Другое» опишите её в комментарии.</translation>
    </message>
    <message>
        <source>{finger} has a print of quality {quality}; remove its exception.</source>
        <translation>{finger}: есть отпечаток качества {quality}; удалите исключение.</translation>
    </message>
    <message>
        <source>{finger} has no print. Capture it, or record why it cannot be taken.</source>
        <translation>{finger}: нет отпечатка. Снимите его или внесите причину, по которой это невозможно.</translation>
    </message>
    <message>
        <source>{finger} has quality {quality}, below {threshold}. Try again or record an exception.</source>
        <translation>{finger}: качество {quality}, ниже порога {threshold}. Повторите снятие или внесите исключение.</translation>
    </message>
    <message>
        <source>{reason} No prints are stored.</source>
        <translation>{reason} Отпечатки не сохраняются.</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Cannot open {file}: {reason}.</source>
        <translation>Не удаётся открыть {file}: {reason}.</translation>
    </message>
    <message>
        <source>{file} is {size} MB; fingerprint images up to {limit} MB are accepted.</source>
        <translation>{file}: размер {size} МБ; принимаются изображения отпечатков не более {limit} МБ.</translation>
    </message>
    <message>
        <source>{file} is too large; fingerprint images up to {limit} MB are accepted.</source>
        <translation>{file}: слишком большой файл; принимаются изображения отпечатков не более {limit} МБ.</translation>
    </message>
    <message>
        <source>{file} is not a PNG or JPEG image. Export the fingerprint as PNG and try again.</source>
        <translation>{file}: это не изображение PNG или JPEG. Экспортируйте отпечаток в PNG и повторите.</translation>
    </message>
    <message>
        <source>{file} is {width}x{height} pixels; a fingerprint image must be between {min} and {max} pixels on each side.</source>
        <translation>{file}: размер {width}x{height} пикселей; каждая сторона изображения отпечатка должна быть от {min} до {max} пикселей.</translation>
    </message>
    <message>
        <source>{file} is damaged and cannot be read as {kind}.</source>
        <translation>{file}: файл повреждён, его нельзя прочитать как {kind}.</translation>
    </message>
</context>
<context>
    <name>hand_diagram</name>
    <message>
        <source>amputated</source>
        <translation>ампутация</translation>
    </message>
    <message>
        <source>injured</source>
        <translation>травма</translation>
    </message>
    <message>
        <source>bandaged</source>
        <translation>повязка</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>Left index</source>
        <translation>Левый указательный</translation>
    </message>
    <message>
        <source>Left middle</source>
        <translation>Левый средний</translation>
    </message>
    <message>
        <source>Left ring</source>
        <translation>Левый безымянный</translation>
    </message>
    <message>
        <source>Left little</source>
        <translation>Левый мизинец</translation>
    </message>
    <message>
        <source>Right index</source>
        <translation>Правый указательный</translation>
    </message>
    <message>
        <source>Right middle</source>
        <translation>Правый средний</translation>
    </message>
    <message>
        <source>Right ring</source>
        <translation>Правый безымянный</translation>
    </message>
    <message>
        <source>Right little</source>
        <translation>Правый мизинец</translation>
    </message>
    <message>
        <source>Left thumb</source>
        <translation>Левый большой палец</translation>
    </message>
    <message>
        <source>Right thumb</source>
        <translation>Правый большой палец</translation>
    </message>
    <message>
        <source>Left slap</source>
        <translation>Левая рука</translation>
    </message>
    <message>
        <source>Right slap</source>
        <translation>Правая рука</translation>
    </message>
    <message>
        <source>Both thumbs</source>
        <translation>Оба больших пальца</translation>
    </message>
    <message>
        <source>Left slap (four fingers of the left hand)</source>
        <translation>Четыре пальца левой руки</translation>
    </message>
    <message>
        <source>Right slap (four fingers of the right hand)</source>
        <translation>Четыре пальца правой руки</translation>
    </message>
    <message>
        <source>Exception: {reason}: {note}</source>
        <translation>Исключение: {reason}: {note}</translation>
    </message>
    <message>
        <source>Exception: {reason}</source>
        <translation>Исключение: {reason}</translation>
    </message>
    <message>
        <source>Not captured</source>
        <translation>Не снят</translation>
    </message>
    <message>
        <source>Retry (R)</source>
        <translation>Повторить (R)</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принят</translation>
    </message>
    <message>
        <source>Exception needed (E)</source>
        <translation>Нужно исключение (E)</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Исключение</translation>
    </message>
    <message>
        <source>Below threshold: retry (R)</source>
        <translation>Ниже порога: повторите (R)</translation>
    </message>
    <message>
        <source>No tries left: record exception (E)</source>
        <translation>Попытки исчерпаны: внесите исключение (E)</translation>
    </message>
    <message>
        <source>Click a finger or use ← → to choose it</source>
        <translation>Щёлкните палец или выберите его клавишами ← →</translation>
    </message>
    <message>
        <source>Hand diagram</source>
        <translation>Схема рук</translation>
    </message>
    <message>
        <source>LEFT</source>
        <translation>ЛЕВАЯ</translation>
    </message>
    <message>
        <source>RIGHT</source>
        <translation>ПРАВАЯ</translation>
    </message>
</context>
<context>
    <name>iin</name>
    <message>
        <source>IIN</source>
        <translation>ИИН</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БИН</translation>
    </message>
    <message>
        <source>{kind} is empty; enter the 12 digits.</source>
        <translation>{kind} не указан: введите 12 цифр.</translation>
    </message>
    <message>
        <source>{kind} may contain only digits 0-9; found {char} at position {position}.</source>
        <translation>{kind} может содержать только цифры 0-9; в позиции {position} найден символ {char}.</translation>
    </message>
    <message>
        <source>{kind} must be 12 digits; {count} was given.</source>
        <translation>{kind} должен состоять из 12 цифр; введено цифр: {count}.</translation>
    </message>
    <message>
        <source>{kind} must be 12 digits; {count} were given.</source>
        <translation>{kind} должен состоять из 12 цифр; введено цифр: {count}.</translation>
    </message>
    <message>
        <source>{kind} {value} fails the check digit: this number is never issued.</source>
        <translation>{kind} {value} не проходит проверку контрольной цифры: такой номер не выдаётся.</translation>
    </message>
    <message>
        <source>{kind} check digit is {given} but should be {expected}; check the number for a typing error.</source>
        <translation>{kind}: контрольная цифра {given}, а должна быть {expected}; проверьте, нет ли в номере опечатки.</translation>
    </message>
    <message>
        <source>IIN digit 7 must be 1-6 (century and sex); found {digit}.</source>
        <translation>7-я цифра ИИН должна быть от 1 до 6 (век рождения и пол); указано: {digit}.</translation>
    </message>
    <message>
        <source>IIN birth date {date} does not exist.</source>
        <translation>Дата рождения в ИИН ({date}) не существует.</translation>
    </message>
    <message>
        <source>BIN digits 3-4 must be the registration month 01-12; found {digits}.</source>
        <translation>3-я и 4-я цифры БИН — месяц регистрации (01-12); указано: {digits}.</translation>
    </message>
    <message>
        <source>BIN digit 5 must be 4, 5 or 6 (entity type); found {digit}.</source>
        <translation>5-я цифра БИН должна быть 4, 5 или 6 (тип юридического лица); указано: {digit}.</translation>
    </message>
    <message>
        <source>BIN digit 6 must be 0-3 (division type); found {digit}.</source>
        <translation>6-я цифра БИН должна быть от 0 до 3 (тип подразделения); указано: {digit}.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Awaiting arrival</source>
        <translation>Ожидает въезда</translation>
    </message>
    <message>
        <source>Arrived: steps in progress</source>
        <translation>Въезд внесён: этапы в работе</translation>
    </message>
    <message>
        <source>Ready to print</source>
        <translation>Готово к печати</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Распечатано</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Подано</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>На рассмотрении</translation>
    </message>
    <message>
        <source>Permit issued</source>
        <translation>Вид на жительство выдан</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <source>Annulled</source>
        <translation>Аннулировано</translation>
    </message>
    <message>
        <source>Window closed: no entry recorded</source>
        <translation>Срок въезда истёк: въезд не внесён</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Не внесено</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Внесено</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>Не требуется</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Недействительно</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Срок истёк</translation>
    </message>
    <message>
        <source>Open at the desk</source>
        <translation>В работе на рабочем месте</translation>
    </message>
    <message>
        <source>With the migration service</source>
        <translation>В миграционной службе</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Решение принято</translation>
    </message>
    <message>
        <source>Annulled or window closed</source>
        <translation>Аннулировано или срок въезда истёк</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Все дела</translation>
    </message>
    <message>
        <source>Any days left</source>
        <translation>Любое</translation>
    </message>
    <message>
        <source>3 days or fewer</source>
        <translation>3 дня или меньше</translation>
    </message>
    <message>
        <source>7 days or fewer</source>
        <translation>7 дней или меньше</translation>
    </message>
    <message>
        <source>14 days or fewer</source>
        <translation>14 дней или меньше</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>истёк</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>последний день</translation>
    </message>
</context>
<context>
    <name>lifecycle</name>
    <message>
        <source>Entered on {date}, after the arrival window closed on {closed}; the approval is annulled.</source>
        <translation>Въезд {date} — после того как срок въезда истёк {closed}; одобрение аннулировано.</translation>
    </message>
    <message>
        <source>Cannot record the arrival: the case {state}.</source>
        <translation>Нельзя внести въезд: дело {state}.</translation>
    </message>
    <message>
        <source>The entry date {date} is in the future. Enter the date stamped in the passport or on the migration card.</source>
        <translation>Дата въезда {date} ещё не наступила. Введите дату по штампу в паспорте или в миграционной карточке.</translation>
    </message>
    <message>
        <source>The entry date {date} is before the preliminary approval of {approved}. Only an entry after the approval counts: check the latest entry stamp.</source>
        <translation>Дата въезда {date} раньше даты предварительного одобрения ({approved}). Учитывается только въезд после одобрения: проверьте последний штамп о въезде.</translation>
    </message>
    <message>
        <source>The entry date is after the arrival window closed on {closed}. Recording it annuls the preliminary approval.</source>
        <translation>Дата въезда позже окончания срока въезда ({closed}). Если внести её, предварительное одобрение будет аннулировано.</translation>
    </message>
    <message>
        <source>Record the applicant&apos;s arrival first: steps can only be recorded for an applicant who has entered Kazakhstan.</source>
        <translation>Сначала отметьте въезд заявителя: данные этапов можно вносить только для заявителя, который въехал в Казахстан.</translation>
    </message>
    <message>
        <source>Cannot change the applicant&apos;s steps: the case {state}.</source>
        <translation>Нельзя изменить данные этапов заявителя: дело {state}.</translation>
    </message>
    <message>
        <source>Cannot print the application: the case {state}.</source>
        <translation>Нельзя распечатать заявление: дело {state}.</translation>
    </message>
    <message>
        <source>The application has already been submitted.</source>
        <translation>Заявление уже подано.</translation>
    </message>
    <message>
        <source>Cannot submit the application: the case {state}.</source>
        <translation>Нельзя подать заявление: дело {state}.</translation>
    </message>
    <message>
        <source>Cannot review the application: the case {state}.</source>
        <translation>Нельзя рассмотреть заявление: дело {state}.</translation>
    </message>
    <message>
        <source>Cannot decide on the application: the case {state}.</source>
        <translation>Нельзя принять решение по заявлению: дело {state}.</translation>
    </message>
    <message>
        <source>Unknown decision {decision}: expected issued or refused</source>
        <translation>Неизвестное решение {decision}: ожидается выдача (issued) или отказ (refused)</translation>
    </message>
    <message>
        <source>Cannot annul the case: the case {state}.</source>
        <translation>Нельзя аннулировать дело: дело {state}.</translation>
    </message>
    <message>
        <source>This case has already been approved and pulled.</source>
        <translation>Это дело уже одобрено и получено из центральной базы.</translation>
    </message>
    <message>
        <source>No approved arrival is known for this case yet.</source>
        <translation>Для этого дела пока нет одобренного въезда.</translation>
    </message>
    <message>
        <source>This desk cannot apply an event of type {type} (made by a newer version of DNR Workstation): it is kept and the case flagged. Update this desk.</source>
        <translation>Это рабочее место не может применить событие типа {type} (создано более новой версией DNR Workstation): оно сохранено, а дело помечено. Обновите программу на этом рабочем месте.</translation>
    </message>
    <message>
        <source>The event&apos;s {name} is not a date (got {raw}).</source>
        <translation>В событии поле {name} не является датой (получено: {raw}).</translation>
    </message>
    <message>
        <source>is waiting for the applicant&apos;s arrival</source>
        <translation>ожидает въезда заявителя</translation>
    </message>
    <message>
        <source>is still collecting the applicant&apos;s steps</source>
        <translation>ещё на этапе сбора данных заявителя</translation>
    </message>
    <message>
        <source>is ready to print</source>
        <translation>готово к печати</translation>
    </message>
    <message>
        <source>has been printed</source>
        <translation>уже распечатано</translation>
    </message>
    <message>
        <source>has been submitted to the migration service</source>
        <translation>передано в миграционную службу</translation>
    </message>
    <message>
        <source>is under review by the migration service</source>
        <translation>на рассмотрении в миграционной службе</translation>
    </message>
    <message>
        <source>is closed: the permit was issued</source>
        <translation>закрыто: вид на жительство выдан</translation>
    </message>
    <message>
        <source>is closed: the application was refused</source>
        <translation>закрыто: в выдаче отказано</translation>
    </message>
    <message>
        <source>is annulled</source>
        <translation>аннулировано</translation>
    </message>
    <message>
        <source>{type} from {desk} not applied: {reason}</source>
        <translation>{type} с рабочего места {desk} не применено: {reason}</translation>
    </message>
    <message>
        <source>Enter the border crossing point from the entry stamp or migration card.</source>
        <translation>Введите пункт пропуска по штампу о въезде или миграционной карточке.</translation>
    </message>
    <message>
        <source>The border point is too long (at most {max} characters).</source>
        <translation>Название пункта пропуска слишком длинное (не более {max} символов).</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <source>This file is not a usable EDS key file (PKCS#12): {detail}. Choose the AUTH_RSA256_....p12 file from your key folder.</source>
        <translation>Этот файл не является рабочим файлом ключа ЭЦП (PKCS#12): {detail}. Выберите файл AUTH_RSA256_....p12 из папки с вашими ключами.</translation>
    </message>
    <message>
        <source>This file is not a usable EDS key file (PKCS#12). Choose the AUTH_RSA256_....p12 file from your key folder.</source>
        <translation>Этот файл не является рабочим файлом ключа ЭЦП (PKCS#12). Выберите файл AUTH_RSA256_....p12 из папки с вашими ключами.</translation>
    </message>
    <message>
        <source>The password for this key file is wrong. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Неверный пароль к файлу ключа. Проверьте раскладку клавиатуры и Caps Lock, затем повторите.</translation>
    </message>
    <message>
        <source>This is a signing key, not a log-in key. Choose the AUTH_RSA256_....p12 file from your key folder.</source>
        <translation>Это ключ для подписи, а не для входа. Выберите файл AUTH_RSA256_....p12 из папки с вашими ключами.</translation>
    </message>
    <message>
        <source>Your EDS certificate expired on {date}. Get a new key from NCA RK (pki.gov.kz) and log in with it.</source>
        <translation>Срок действия вашего сертификата ЭЦП истёк {date}. Получите новый ключ в НУЦ РК (pki.gov.kz) и войдите с ним.</translation>
    </message>
    <message>
        <source>This EDS certificate is valid only from {time} UTC. Check the computer&apos;s date and time; if they are right, use your current key.</source>
        <translation>Этот сертификат ЭЦП действителен только с {time} UTC. Проверьте дату и время на компьютере; если они верны, используйте свой действующий ключ.</translation>
    </message>
    <message>
        <source>Your EDS certificate was revoked on {date}. Use a new key from NCA RK (pki.gov.kz).</source>
        <translation>Ваш сертификат ЭЦП отозван {date}. Используйте новый ключ от НУЦ РК (pki.gov.kz).</translation>
    </message>
    <message>
        <source>The CA certificate {ca} was revoked on {date}. Use a new key from NCA RK (pki.gov.kz).</source>
        <translation>Сертификат УЦ {ca} отозван {date}. Используйте новый ключ от НУЦ РК (pki.gov.kz).</translation>
    </message>
    <message>
        <source>This certificate was not issued by a certification centre this desk trusts (issuer: {issuer}). Use your NCA RK key, or ask the administrator to check the trust store.</source>
        <translation>Этот сертификат выдан удостоверяющим центром, которому это рабочее место не доверяет (издатель: {issuer}). Используйте свой ключ НУЦ РК или попросите администратора проверить хранилище доверенных сертификатов.</translation>
    </message>
    <message>
        <source>This certificate carries no IIN (SERIALNUMBER=IIN...). Use your personal NCA RK key, not an organisation key.</source>
        <translation>В этом сертификате нет ИИН (SERIALNUMBER=IIN...). Используйте свой личный ключ НУЦ РК, а не ключ организации.</translation>
    </message>
    <message>
        <source>The revocation list (CRL) of {issuer} is missing, so the desk cannot tell whether the certificate was revoked. Ask the administrator to update the CRLs.</source>
        <translation>Нет списка отзыва (CRL) для {issuer}, поэтому рабочее место не может проверить, отозван ли сертификат. Попросите администратора обновить списки отзыва.</translation>
    </message>
    <message>
        <source>The revocation list (CRL) of {issuer} is out of date (next update was due {time} UTC), so the desk cannot tell whether the certificate was revoked. Ask the administrator to update the CRLs.</source>
        <translation>Список отзыва (CRL) для {issuer} устарел (следующее обновление ожидалось {time} UTC), поэтому рабочее место не может проверить, отозван ли сертификат. Попросите администратора обновить списки отзыва.</translation>
    </message>
    <message>
        <source>Too many wrong attempts with this key. It is locked until {time} UTC; try again then or ask a supervisor.</source>
        <translation>Слишком много неудачных попыток с этим ключом. Он заблокирован до {time} UTC; повторите после этого времени или обратитесь к руководителю.</translation>
    </message>
    <message>
        <source>No CA certificates found in {where}. Put the NCA RK root and issuing certificates (.pem, .crt or .cer) there.</source>
        <translation>В {where} не найдены сертификаты УЦ. Поместите туда корневой сертификат НУЦ РК и сертификаты выдающих УЦ (.pem, .crt или .cer).</translation>
    </message>
    <message>
        <source>it holds no private key and certificate</source>
        <translation>в нём нет закрытого ключа и сертификата</translation>
    </message>
    <message>
        <source>only RSA and ECDSA keys are supported (GOST needs Kalkan)</source>
        <translation>поддерживаются только ключи RSA и ECDSA (для ГОСТ нужен Kalkan)</translation>
    </message>
    <message>
        <source>the trust store</source>
        <translation>хранилище доверенных сертификатов</translation>
    </message>
    <message>
        <source>This desk is not set up for log-in yet: {detail} Ask the administrator to install the NCA RK certificates and revocation lists.</source>
        <translation>Это рабочее место ещё не настроено для входа: {detail} Попросите администратора установить сертификаты и списки отзыва НУЦ РК.</translation>
    </message>
    <message>
        <source>The key of {name} is valid, but this desk has no staff record for that IIN. Ask the administrator to add you to the staff list (or to sync the desk).</source>
        <translation>Ключ сотрудника {name} действителен, но на этом рабочем месте нет сведений о сотруднике с этим ИИН. Попросите администратора добавить вас в список сотрудников (или синхронизировать рабочее место).</translation>
    </message>
    <message>
        <source>The staff record of {name} is switched off on this desk, so the key cannot be used here. Ask the administrator or your supervisor.</source>
        <translation>Учётная запись сотрудника {name} отключена на этом рабочем месте, поэтому ключ здесь использовать нельзя. Обратитесь к администратору или руководителю.</translation>
    </message>
    <message>
        <source>{name} works at the {staff_city} branch; this desk is in {desk_city}. Log in at a desk of your branch, or ask the administrator to move your record.</source>
        <translation>{name} работает в филиале {staff_city}, а это рабочее место находится в городе {desk_city}. Войдите на рабочем месте своего филиала или попросите администратора перенести вашу учётную запись.</translation>
    </message>
    <message>
        <source>The staff record of {name} has the role {role}, which this desk does not know. Ask the administrator to set one of: {roles}.</source>
        <translation>В учётной записи сотрудника {name} указана роль {role}, неизвестная этому рабочему месту. Попросите администратора назначить одну из ролей: {roles}.</translation>
    </message>
    <message>
        <source>This is not the key registered for {name} on this desk (a newer or older key?). Use your registered key, or ask the administrator to register this one.</source>
        <translation>Это не тот ключ, который зарегистрирован для сотрудника {name} на этом рабочем месте (более новый или старый ключ?). Используйте зарегистрированный ключ или попросите администратора зарегистрировать этот.</translation>
    </message>
    <message>
        <source>No usable signing key was found next to the log-in key in {folder} ({problems}). Keep the signing key NCA RK issued with it (RSA256_....p12, same password) in the same folder: every record you make is signed with it.</source>
        <translation>Рядом с ключом для входа в папке {folder} не найден рабочий ключ для подписи ({problems}). Храните ключ для подписи, выданный НУЦ РК вместе с ним (RSA256_....p12, тот же пароль), в той же папке: им подписывается каждая ваша запись.</translation>
    </message>
    <message>
        <source>No usable signing key was found next to the log-in key in {folder}. Keep the signing key NCA RK issued with it (RSA256_....p12, same password) in the same folder: every record you make is signed with it.</source>
        <translation>Рядом с ключом для входа в папке {folder} не найден рабочий ключ для подписи. Храните ключ для подписи, выданный НУЦ РК вместе с ним (RSA256_....p12, тот же пароль), в той же папке: им подписывается каждая ваша запись.</translation>
    </message>
    <message>
        <source>The desk is locked by {name}; only that person&apos;s key unlocks it. To use the desk yourself, log out from the lock screen first.</source>
        <translation>Рабочее место заблокировано сотрудником {name}; разблокировать его можно только ключом этого сотрудника. Чтобы работать самому, сначала выйдите на экране блокировки.</translation>
    </message>
    <message>
        <source>the file cannot be read ({reason})</source>
        <translation>файл не удаётся прочитать ({reason})</translation>
    </message>
    <message>
        <source>{left} attempt left before this key is locked for {minutes} minutes.</source>
        <translation>Осталась {left} попытка, затем ключ будет заблокирован на {minutes} мин.</translation>
    </message>
    <message>
        <source>{left} attempts left before this key is locked for {minutes} minutes.</source>
        <translation>Осталось попыток: {left}; затем ключ будет заблокирован на {minutes} мин.</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>the trust store folder {folder} does not exist.</source>
        <translation>папка хранилища доверенных сертификатов {folder} не существует.</translation>
    </message>
    <message>
        <source>a file in {folder} is not a certificate ({error}).</source>
        <translation>файл в {folder} не является сертификатом ({error}).</translation>
    </message>
    <message>
        <source>the revocation list folder {folder} does not exist.</source>
        <translation>папка списков отзыва {folder} не существует.</translation>
    </message>
    <message>
        <source>a file in {folder} is not a revocation list ({error}).</source>
        <translation>файл в {folder} не является списком отзыва ({error}).</translation>
    </message>
</context>
<context>
    <name>mrz</name>
    <message>
        <source>the MRZ is empty; read or type both lines of the passport MRZ.</source>
        <translation>MRZ пуста; считайте или введите обе строки MRZ паспорта.</translation>
    </message>
    <message>
        <source>a passport MRZ has 2 lines of {length} characters; got one line of {got} characters.</source>
        <translation>MRZ паспорта состоит из 2 строк по {length} символа; получена одна строка, символов: {got}.</translation>
    </message>
    <message>
        <source>a passport MRZ has 2 lines of {length} characters; got {got} lines.</source>
        <translation>MRZ паспорта состоит из 2 строк по {length} символа; получено строк: {got}.</translation>
    </message>
    <message>
        <source>MRZ line {number} has {got} characters; it must have {length}.</source>
        <translation>В строке MRZ {number} символов: {got}; должно быть {length}.</translation>
    </message>
    <message>
        <source>MRZ line {number} has {char} at position {position}; only A-Z, 0-9 and &apos;&lt;&apos; are allowed.</source>
        <translation>В строке MRZ {number} в позиции {position} стоит {char}; допускаются только A-Z, 0-9 и &apos;&lt;&apos;.</translation>
    </message>
    <message>
        <source>the {label} check digit (line 2, position {position}) must be a digit, not {char}.</source>
        <translation>контрольная цифра ({label}) в строке 2, позиция {position}, должна быть цифрой, а не {char}.</translation>
    </message>
    <message>
        <source>the {label} check digit fails (line 2, position {position}): it is {char} but the data gives {expected}; check for a misread character.</source>
        <translation>контрольная цифра ({label}) не сходится (строка 2, позиция {position}): стоит {char}, а по данным должна быть {expected}; проверьте, не считан ли символ неверно.</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>номер документа</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>дата рождения</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>дата окончания срока действия</translation>
    </message>
    <message>
        <source>optional data (personal number)</source>
        <translation>дополнительные данные (личный номер)</translation>
    </message>
    <message>
        <source>composite</source>
        <translation>общая</translation>
    </message>
    <message>
        <source>issuing state</source>
        <translation>государство выдачи</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>гражданство</translation>
    </message>
    <message>
        <source>the {label} {raw} must be letters followed by &apos;&lt;&apos; fillers only.</source>
        <translation>{label} {raw}: допускаются только буквы, за которыми следуют заполнители &apos;&lt;&apos;.</translation>
    </message>
    <message>
        <source>the name field (line 1, positions 6-44) contains a digit.</source>
        <translation>поле имени (строка 1, позиции 6-44) содержит цифру.</translation>
    </message>
    <message>
        <source>the name field (line 1, positions 6-44) must start with the surname.</source>
        <translation>поле имени (строка 1, позиции 6-44) должно начинаться с фамилии.</translation>
    </message>
    <message>
        <source>the name field has &apos;&lt;&lt;&apos; more than once; only the surname is followed by &apos;&lt;&lt;&apos;.</source>
        <translation>в поле имени &apos;&lt;&lt;&apos; встречается больше одного раза; &apos;&lt;&lt;&apos; ставится только после фамилии.</translation>
    </message>
    <message>
        <source>the {label} {raw} must be 6 digits YYMMDD.</source>
        <translation>{label} {raw}: нужно 6 цифр в формате ГГММДД.</translation>
    </message>
    <message>
        <source>the {label} {raw} (YYMMDD) is not a real date.</source>
        <translation>{label} {raw} (ГГММДД): такой даты не существует.</translation>
    </message>
    <message>
        <source>a passport MRZ starts with &apos;P&apos;; this one starts with {char}.</source>
        <translation>MRZ паспорта начинается с &apos;P&apos;; эта начинается с {char}.</translation>
    </message>
    <message>
        <source>the document type {type} must be &apos;P&apos; then a letter or &apos;&lt;&apos;.</source>
        <translation>тип документа {type}: должно быть &apos;P&apos;, а затем буква или &apos;&lt;&apos;.</translation>
    </message>
    <message>
        <source>the document number {number} must be letters and digits, with &apos;&lt;&apos; fillers only at the end.</source>
        <translation>номер документа {number}: допускаются только буквы и цифры, заполнители &apos;&lt;&apos; — только в конце.</translation>
    </message>
    <message>
        <source>the sex (line 2, position 21) must be M, F or &apos;&lt;&apos;; found {char}.</source>
        <translation>пол (строка 2, позиция 21) должен быть M, F или &apos;&lt;&apos;; найдено: {char}.</translation>
    </message>
    <message>
        <source>the expiry date {expiry} is not after the birth date {birth}.</source>
        <translation>дата окончания срока действия {expiry} не позже даты рождения {birth}.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>The case changed while the preview was open. Open the preview again and print the current form.</source>
        <translation>Дело изменилось, пока был открыт предварительный просмотр. Откройте просмотр заново и распечатайте актуальную форму.</translation>
    </message>
    <message>
        <source>Print the application first: the receipt confirms a printed, signed application, and the case {state}.</source>
        <translation>Сначала распечатайте заявление: расписка подтверждает распечатанное и подписанное заявление, а дело {state}.</translation>
    </message>
    <message>
        <source>No printed application is recorded for this case.</source>
        <translation>Для этого дела не отмечена печать заявления.</translation>
    </message>
    <message>
        <source>The case&apos;s data differs from the application printed on {date}. Print the application again, then the receipt.</source>
        <translation>Данные дела отличаются от заявления, распечатанного {date}. Распечатайте заявление заново, затем расписку.</translation>
    </message>
    <message>
        <source>The application cannot be printed: the case {state}.</source>
        <translation>Заявление нельзя распечатать: дело {state}.</translation>
    </message>
    <message>
        <source>The application cannot be printed until the checklist is complete:</source>
        <translation>Заявление нельзя распечатать, пока не выполнен контрольный список:</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>нет файла</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>внесено</translation>
    </message>
    <message>
        <source>not required</source>
        <translation>не требуется</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>недействительно</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>срок истёк</translation>
    </message>
    <message>
        <source>{step}: {status} ({note}).</source>
        <translation>{step}: {status} ({note}).</translation>
    </message>
    <message>
        <source>{step}: {status}.</source>
        <translation>{step}: {status}.</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>The period ends ({end}) before it starts ({start}): swap the dates.</source>
        <translation>Период заканчивается ({end}) раньше, чем начинается ({start}): поменяйте даты местами.</translation>
    </message>
    <message>
        <source>A report covers at most {days} days; {start}–{end} is longer.</source>
        <translation>Отчёт охватывает не более {days} дн.; период {start}–{end} длиннее.</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>Re-application locked: the application in case {case} was refused on {refused} (same {match}). A new application may be filed from {again}; this approval cannot be processed.</source>
        <translation>Повторное заявление заблокировано: по делу {case} {refused} было отказано (совпадает {match}). Новое заявление можно подать с {again}; это одобрение обработать нельзя.</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ИИН</translation>
    </message>
    <message>
        <source>passport number</source>
        <translation>номер паспорта</translation>
    </message>
    <message>
        <source>Unknown refusal reason {reason}: choose one from the list.</source>
        <translation>Неизвестная причина отказа {reason}: выберите причину из списка.</translation>
    </message>
    <message>
        <source>An issued permit has no refusal reason.</source>
        <translation>При выдаче вида на жительство причина отказа не указывается.</translation>
    </message>
    <message>
        <source>Choose the reason for the refusal.</source>
        <translation>Выберите причину отказа.</translation>
    </message>
    <message>
        <source>Explain the refusal in a sentence or two: the applicant reads it.</source>
        <translation>Объясните отказ одним-двумя предложениями: это прочитает заявитель.</translation>
    </message>
    <message>
        <source>The explanation is too long ({length} characters, at most {max}).</source>
        <translation>Пояснение слишком длинное ({length} символов, допускается не более {max}).</translation>
    </message>
    <message>
        <source>No printed application is recorded for this case on this desk: the case {state}.</source>
        <translation>Для этого дела на этом рабочем месте не отмечена печать заявления: дело {state}.</translation>
    </message>
    <message>
        <source>The case&apos;s data differs from the application printed on {date}: ask the service center.</source>
        <translation>Данные дела отличаются от заявления, распечатанного {date}: обратитесь в ЦОН.</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>clerk</source>
        <translation>оператор ЦОН</translation>
    </message>
    <message>
        <source>migration officer</source>
        <translation>сотрудник миграционной службы</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>руководитель</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <source>the OS credential store ({entry})</source>
        <translation>хранилище учётных данных ОС ({entry})</translation>
    </message>
    <message>
        <source>The file {file} is damaged. Restore it from the backup of this desk.</source>
        <translation>Файл {file} повреждён. Восстановите его из резервной копии этого рабочего места.</translation>
    </message>
    <message>
        <source>The key of the local database in {folder} is neither in the OS credential store ({entry}) nor in {key_folder}. The database was made by another user or on another computer: log in as that user, restore the key, or ask the administrator to set this desk up again.</source>
        <translation>Ключа локальной базы данных в {folder} нет ни в хранилище учётных данных ОС ({entry}), ни в {key_folder}. База создана другим пользователем или на другом компьютере: войдите под этим пользователем, восстановите ключ или попросите администратора заново настроить это рабочее место.</translation>
    </message>
    <message>
        <source>The local database in {folder} is encrypted but {file}, which names its key, is missing. Restore it from the backup of this desk.</source>
        <translation>Локальная база данных в {folder} зашифрована, но файл {file}, в котором указан её ключ, отсутствует. Восстановите его из резервной копии этого рабочего места.</translation>
    </message>
    <message>
        <source>The database key in {where} is damaged. Restore it from the backup or ask the administrator to re-create the local database.</source>
        <translation>Ключ базы данных повреждён ({where}). Восстановите его из резервной копии или попросите администратора заново создать локальную базу данных.</translation>
    </message>
    <message>
        <source>The database key file {path} can be read by other users. Run: chmod 600 &apos;{path}&apos; and start again.</source>
        <translation>Файл ключа базы данных {path} доступен для чтения другим пользователям. Выполните: chmod 600 &apos;{path}&apos; и запустите программу снова.</translation>
    </message>
    <message>
        <source>file {path}</source>
        <translation>файл {path}</translation>
    </message>
    <message>
        <source>The data directory {folder} does not exist. Create it, or leave out --data-dir to use the default one.</source>
        <translation>Папка данных {folder} не существует. Создайте её или не указывайте --data-dir, чтобы использовать папку по умолчанию.</translation>
    </message>
    <message>
        <source>The local database {path} cannot be opened with this desk&apos;s key: the key belongs to another database, or the file is damaged. Restore the key (or the file) from the backup of this desk.</source>
        <translation>Локальную базу данных {path} не удаётся открыть ключом этого рабочего места: ключ относится к другой базе или файл повреждён. Восстановите ключ (или файл) из резервной копии этого рабочего места.</translation>
    </message>
</context>
<context>
    <name>signatures</name>
    <message>
        <source>digest algorithm {algorithm} is not accepted</source>
        <translation>алгоритм хеширования {algorithm} не принимается</translation>
    </message>
    <message>
        <source>The signature is not valid CMS: {error}</source>
        <translation>Подпись не является допустимой CMS: {error}</translation>
    </message>
    <message>
        <source>Expected one signer, found {count}.</source>
        <translation>Ожидался один подписант, найдено: {count}.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate is not in the signature.</source>
        <translation>В подписи нет сертификата подписанта.</translation>
    </message>
    <message>
        <source>The signed content type is not data.</source>
        <translation>Тип подписанного содержимого — не data.</translation>
    </message>
    <message>
        <source>The signature has no message digest.</source>
        <translation>В подписи нет хеша сообщения (message digest).</translation>
    </message>
    <message>
        <source>The data does not match the signature: it was changed after signing.</source>
        <translation>Данные не соответствуют подписи: они были изменены после подписания.</translation>
    </message>
    <message>
        <source>Signature algorithm {scheme} does not fit the signer&apos;s key.</source>
        <translation>Алгоритм подписи {scheme} не соответствует ключу подписанта.</translation>
    </message>
    <message>
        <source>The signature value does not match: the signature or its attributes were changed.</source>
        <translation>Значение подписи не сходится: подпись или её атрибуты были изменены.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate is not for signing (its key usage lacks nonRepudiation: an authentication key never signs).</source>
        <translation>Сертификат подписанта не предназначен для подписи (в поле «использование ключа» (key usage) нет nonRepudiation: ключом для аутентификации не подписывают).</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate was not yet valid at the signing time (valid from {date}).</source>
        <translation>На момент подписания сертификат подписанта ещё не действовал (действует с {date}).</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate had expired at the signing time ({date}).</source>
        <translation>На момент подписания срок действия сертификата подписанта истёк ({date}).</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate does not chain to the trust store (issuer: {issuer}).</source>
        <translation>Сертификат подписанта не связан цепочкой с хранилищем доверенных сертификатов (издатель: {issuer}).</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate was revoked on {date}.</source>
        <translation>Сертификат подписанта отозван {date}.</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate (serial {serial}) is not known to this desk; it comes with the next sync if central has it</source>
        <translation>сертификат подписанта (серийный № {serial}) неизвестен этому рабочему месту; он придёт при следующей синхронизации, если он есть в центральной базе</translation>
    </message>
    <message>
        <source>The signature could not be checked ({error}).</source>
        <translation>Не удалось проверить подпись ({error}).</translation>
    </message>
    <message>
        <source>the event says it was recorded at {recorded}, after its time-stamp ({stamped})</source>
        <translation>в событии указано время внесения {recorded} — позже его метки времени ({stamped})</translation>
    </message>
    <message>
        <source>the event&apos;s time-stamp ({stamped}) is after central received it at {received}</source>
        <translation>метка времени события ({stamped}) позже момента, когда центральная база его получила ({received})</translation>
    </message>
    <message>
        <source>the event says it was recorded at {recorded}, after central received it at {received}</source>
        <translation>в событии указано время внесения {recorded} — позже момента, когда центральная база его получила ({received})</translation>
    </message>
    <message>
        <source>the event says it was recorded at {recorded}, more than {hours} hours before central received it at {received}</source>
        <translation>в событии указано время внесения {recorded} — более чем за {hours} ч до того, как центральная база его получила ({received})</translation>
    </message>
    <message>
        <source>the event is not signed</source>
        <translation>событие не подписано</translation>
    </message>
    <message>
        <source>expected one signer, found {count}</source>
        <translation>ожидался один подписант, найдено: {count}</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate is not the one the event names</source>
        <translation>сертификат подписанта не тот, что указан в событии</translation>
    </message>
    <message>
        <source>the signer&apos;s IIN is not the event&apos;s actor</source>
        <translation>ИИН подписанта не совпадает с исполнителем события</translation>
    </message>
    <message>
        <source>The signature algorithm does not fit the signer&apos;s key.</source>
        <translation>Алгоритм подписи не соответствует ключу подписанта.</translation>
    </message>
    <message>
        <source>the signature is not valid CMS ({error})</source>
        <translation>подпись не является допустимой CMS ({error})</translation>
    </message>
    <message>
        <source>the signature has no signer</source>
        <translation>в подписи нет подписанта</translation>
    </message>
    <message>
        <source>the signer is not named by issuer and serial number</source>
        <translation>подписант указан не через издателя и серийный номер</translation>
    </message>
    <message>
        <source>the approval is not signed by the ministry and the migration service (an untrusted or unknown signer)</source>
        <translation>одобрение не подписано министерством и миграционной службой (подписант недоверенный или неизвестный)</translation>
    </message>
    <message>
        <source>the approval is not signed by the ministry (an untrusted or unknown signer)</source>
        <translation>одобрение не подписано министерством (подписант недоверенный или неизвестный)</translation>
    </message>
    <message>
        <source>the approval is not signed by the migration service (an untrusted or unknown signer)</source>
        <translation>одобрение не подписано миграционной службой (подписант недоверенный или неизвестный)</translation>
    </message>
    <message>
        <source>no role may make a {type} event on this desk (the type has no permission mapping)</source>
        <translation>на этом рабочем месте ни одна роль не может создавать события типа {type} (для этого типа не задано разрешение)</translation>
    </message>
    <message>
        <source>a {role} may not {action} (signer&apos;s role does not permit it)</source>
        <translation>роль подписанта ({role}) не даёт права {action}</translation>
    </message>
    <message>
        <source>only a migration officer may {action}; the signer&apos;s certificate is not the migration service&apos;s</source>
        <translation>только сотрудник миграционной службы может {action}; сертификат подписанта выдан не миграционной службе</translation>
    </message>
    <message>
        <source>a ministry or migration service key may not {action}</source>
        <translation>ключу министерства или миграционной службы нельзя {action}</translation>
    </message>
</context>
<context>
    <name>steps</name>
    <message>
        <source>No MCI is configured for {year} (configured: {known}). Ask the administrator to add the year&apos;s MCI to the programme settings.</source>
        <translation>МРП на {year} год не задан (заданы: {known}). Попросите администратора добавить МРП этого года в настройки программы.</translation>
    </message>
    <message>
        <source>The recorded {name} is not text.</source>
        <translation>Поле {name}: внесённое значение не является текстом.</translation>
    </message>
    <message>
        <source>The recorded {name} is not a date.</source>
        <translation>Поле {name}: внесённое значение не является датой.</translation>
    </message>
    <message>
        <source>Too long: at most {max} characters.</source>
        <translation>Слишком длинно: не более {max} символов.</translation>
    </message>
    <message>
        <source>The recorded passport check has no passport number.</source>
        <translation>В записи о проверке паспорта нет номера паспорта.</translation>
    </message>
    <message>
        <source>Passport number: the passport says {read}, the approved case says {approved}. If the applicant has a new passport, the migration service must update the approval.</source>
        <translation>Номер паспорта: в паспорте — {read}, в одобренном деле — {approved}. Если у заявителя новый паспорт, миграционная служба должна обновить одобрение.</translation>
    </message>
    <message>
        <source>Issuing state: the passport says {read}, the approved case says {approved}.</source>
        <translation>Государство выдачи: в паспорте — {read}, в одобренном деле — {approved}.</translation>
    </message>
    <message>
        <source>Citizenship: the passport says {read}, the approved case says {approved}.</source>
        <translation>Гражданство: в паспорте — {read}, в одобренном деле — {approved}.</translation>
    </message>
    <message>
        <source>Birth date: the passport says {read}, the approved case says {approved}.</source>
        <translation>Дата рождения: в паспорте — {read}, в одобренном деле — {approved}.</translation>
    </message>
    <message>
        <source>Sex: the passport says {read}, the approved case says {approved}.</source>
        <translation>Пол: в паспорте — {read}, в одобренном деле — {approved}.</translation>
    </message>
    <message>
        <source>Surname: the passport says {read}, the approved case says {approved}.</source>
        <translation>Фамилия: в паспорте — {read}, в одобренном деле — {approved}.</translation>
    </message>
    <message>
        <source>Given names: the passport says {read}, the approved case says {approved}.</source>
        <translation>Имя: в паспорте — {read}, в одобренном деле — {approved}.</translation>
    </message>
    <message>
        <source>Given names: the passport says (none), the approved case says {approved}.</source>
        <translation>Имя: в паспорте не указано, в одобренном деле — {approved}.</translation>
    </message>
    <message>
        <source>Expiry date: the passport says {read}, the approved case says {approved}.</source>
        <translation>Срок действия: в паспорте — {read}, в одобренном деле — {approved}.</translation>
    </message>
    <message>
        <source>The passport expired on {date}. The applicant needs a valid passport.</source>
        <translation>Срок действия паспорта истёк {date}. Заявителю нужен действующий паспорт.</translation>
    </message>
    <message>
        <source>The passport expires on {date}, in {days} days; the programme needs at least {minimum} days of validity. The applicant must renew the passport first.</source>
        <translation>Срок действия паспорта истекает {date}, через {days} дн.; по программе паспорт должен действовать ещё не менее {minimum} дн. Заявителю нужно сначала заменить паспорт.</translation>
    </message>
    <message>
        <source>The MRZ cannot be read: {reason}</source>
        <translation>Не удаётся прочитать MRZ: {reason}</translation>
    </message>
    <message>
        <source>The recorded result {result} is not fit/not fit.</source>
        <translation>Внесённый результат {result} — не «годен» и не «не годен».</translation>
    </message>
    <message>
        <source>Enter the certificate number.</source>
        <translation>Введите номер справки.</translation>
    </message>
    <message>
        <source>Enter the medical organisation that issued it.</source>
        <translation>Введите медицинскую организацию, выдавшую справку.</translation>
    </message>
    <message>
        <source>Enter the doctor&apos;s name.</source>
        <translation>Введите ФИО врача.</translation>
    </message>
    <message>
        <source>Write what the certificate says for a &quot;not fit&quot; result.</source>
        <translation>Для результата «не годен» укажите, что написано в справке.</translation>
    </message>
    <message>
        <source>The certificate date {date} is in the future. Enter the date printed on the certificate.</source>
        <translation>Дата справки {date} ещё не наступила. Введите дату, указанную в справке.</translation>
    </message>
    <message>
        <source>The certificate of {date} is dated before the entry on {entry}. The examination must be done after entering Kazakhstan.</source>
        <translation>Справка от {date} выдана раньше въезда {entry}. Освидетельствование нужно пройти после въезда в Казахстан.</translation>
    </message>
    <message>
        <source>The certificate of {date} is {age} days old; at most {limit} days are allowed at submission. A new examination is needed.</source>
        <translation>Справке от {date} уже {age} дн.; на момент подачи допускается не более {limit} дн. Нужно пройти освидетельствование заново.</translation>
    </message>
    <message>
        <source>The recorded housing kind is not lease/own/employer.</source>
        <translation>Внесён неизвестный вид жилья (допустимо: аренда, собственность, от работодателя).</translation>
    </message>
    <message>
        <source>The recorded landlord type is unknown.</source>
        <translation>Внесён неизвестный тип арендодателя.</translation>
    </message>
    <message>
        <source>The dwelling must be in the programme city {city}; the agreement says {given}.</source>
        <translation>Жильё должно находиться в городе программы ({city}); в договоре указано: {given}.</translation>
    </message>
    <message>
        <source>The dwelling must be in the programme city {city}; the agreement says (empty).</source>
        <translation>Жильё должно находиться в городе программы ({city}); в договоре город не указан.</translation>
    </message>
    <message>
        <source>Enter the street.</source>
        <translation>Введите улицу.</translation>
    </message>
    <message>
        <source>Enter the building number.</source>
        <translation>Введите номер дома.</translation>
    </message>
    <message>
        <source>Enter the postcode: 6 digits (010000) or Kazpost&apos;s A00A0A0.</source>
        <translation>Введите почтовый индекс: 6 цифр (010000) или индекс Казпочты A00A0A0.</translation>
    </message>
    <message>
        <source>Enter the agreement or title document number.</source>
        <translation>Введите номер договора или правоустанавливающего документа.</translation>
    </message>
    <message>
        <source>The agreement date {date} is in the future. Enter the date on the agreement.</source>
        <translation>Дата договора {date} ещё не наступила. Введите дату, указанную в договоре.</translation>
    </message>
    <message>
        <source>Say whether the owner&apos;s consent was shown.</source>
        <translation>Укажите, предъявлено ли согласие собственника.</translation>
    </message>
    <message>
        <source>Enter the last day of the agreement.</source>
        <translation>Введите последний день действия договора.</translation>
    </message>
    <message>
        <source>The agreement ends on {until}, before it starts on {start}.</source>
        <translation>Договор заканчивается {until}, раньше даты начала {start}.</translation>
    </message>
    <message>
        <source>The agreement starts on {start}: it must already be in force today.</source>
        <translation>Договор начинает действовать только {start}: он должен действовать уже сегодня.</translation>
    </message>
    <message>
        <source>The agreement ended on {until}. A current agreement is needed.</source>
        <translation>Срок действия договора истёк {until}. Нужен действующий договор.</translation>
    </message>
    <message>
        <source>Enter the landlord&apos;s name.</source>
        <translation>Введите ФИО или наименование арендодателя.</translation>
    </message>
    <message>
        <source>Choose whether the landlord is a person or a company.</source>
        <translation>Укажите, кто арендодатель: физическое или юридическое лицо.</translation>
    </message>
    <message>
        <source>Landlord&apos;s {problem}</source>
        <translation>Арендодатель: {problem}</translation>
    </message>
    <message>
        <source>The recorded duty kind is not permit/card.</source>
        <translation>Внесён неизвестный вид пошлины (допустимо: вид на жительство, карточка).</translation>
    </message>
    <message>
        <source>Enter the amount in tenge as on the receipt, e.g. 17300 or 865.00.</source>
        <translation>Введите сумму в тенге, как в квитанции, например 17300 или 865.00.</translation>
    </message>
    <message>
        <source>Enter the receipt number.</source>
        <translation>Введите номер квитанции.</translation>
    </message>
    <message>
        <source>The payment date {date} is in the future. Enter the date on the receipt.</source>
        <translation>Дата оплаты {date} ещё не наступила. Введите дату, указанную в квитанции.</translation>
    </message>
    <message>
        <source>Underpaid: {paid} KZT paid, {due} KZT due in {year}. The applicant must pay the difference.</source>
        <translation>Недоплата: оплачено {paid} тенге, к оплате в {year} году — {due} тенге. Заявителю нужно доплатить разницу.</translation>
    </message>
    <message>
        <source>Passport copy</source>
        <translation>Копия паспорта</translation>
    </message>
    <message>
        <source>Police clearance</source>
        <translation>Справка об отсутствии судимости</translation>
    </message>
    <message>
        <source>Proof of residence</source>
        <translation>Документ о праве на жильё</translation>
    </message>
    <message>
        <source>Medical certificate 028/u</source>
        <translation>Медицинская справка формы 028/у</translation>
    </message>
    <message>
        <source>Photo 35x45 mm</source>
        <translation>Фотография 35×45 мм</translation>
    </message>
    <message>
        <source>State duty receipt</source>
        <translation>Квитанция об оплате государственной пошлины</translation>
    </message>
    <message>
        <source>Choose which document this scan is.</source>
        <translation>Выберите, какой это документ.</translation>
    </message>
    <message>
        <source>The file needs a name of at most 255 characters.</source>
        <translation>Имя файла должно быть не длиннее 255 символов.</translation>
    </message>
    <message>
        <source>The file is empty. Scan the document again.</source>
        <translation>Файл пуст. Отсканируйте документ заново.</translation>
    </message>
    <message>
        <source>The file is {size} MB; at most {limit} MB is allowed. Scan at a lower resolution.</source>
        <translation>Размер файла {size} МБ; допускается не более {limit} МБ. Отсканируйте с меньшим разрешением.</translation>
    </message>
    <message>
        <source>This file is not a PDF, JPEG or PNG (judged by its content, not its name). Save the scan in one of these formats.</source>
        <translation>Этот файл не в формате PDF, JPEG или PNG (проверяется содержимое, а не имя). Сохраните скан в одном из этих форматов.</translation>
    </message>
    <message>
        <source>The photo must be a JPEG or PNG image, not a PDF.</source>
        <translation>Фотография должна быть изображением JPEG или PNG, а не PDF.</translation>
    </message>
    <message>
        <source>No document {document} is attached on this desk.</source>
        <translation>Документ {document} на этом рабочем месте не прикреплён.</translation>
    </message>
    <message>
        <source>This document has already been removed.</source>
        <translation>Этот документ уже удалён.</translation>
    </message>
</context>
<context>
    <name>submission</name>
    <message>
        <source>No printed application is recorded for this case on this desk: sync, or print the application again.</source>
        <translation>Для этого дела на этом рабочем месте не отмечена печать заявления: выполните синхронизацию или распечатайте заявление заново.</translation>
    </message>
    <message>
        <source>The application cannot be submitted: since it was printed, the checklist no longer passes. Record the step again, then print and submit.</source>
        <translation>Заявление нельзя подать: после печати контрольный список больше не выполняется. Внесите данные этапа заново, затем распечатайте и подайте заявление.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>This desk has no central database configured. An administrator writes {file} or runs `dnr-workstation sync --central URL --save` once.</source>
        <translation>Для этого рабочего места не настроена центральная база. Администратору нужно один раз создать файл {file} или выполнить `dnr-workstation sync --central URL --save`.</translation>
    </message>
    <message>
        <source>The TSA trust folder {folder} cannot be used: {error}</source>
        <translation>Папку доверенных сертификатов TSA {folder} нельзя использовать: {error}</translation>
    </message>
    <message>
        <source>Cannot read the desk settings {file}: {reason}.</source>
        <translation>Не удаётся прочитать настройки рабочего места {file}: {reason}.</translation>
    </message>
    <message>
        <source>The desk settings {file} are not valid TOML: {error}.</source>
        <translation>Настройки рабочего места {file} не являются корректным TOML: {error}.</translation>
    </message>
    <message>
        <source>The desk settings {file} name no central database: add `url = &quot;...&quot;` under [central], e.g. postgresql://central.example.kz/dnr.</source>
        <translation>В настройках рабочего места {file} не указана центральная база: добавьте `url = &quot;...&quot;` в раздел [central], например postgresql://central.example.kz/dnr.</translation>
    </message>
    <message>
        <source>In {file}, [sync] interval_seconds must be a whole number of seconds from {min} to {max}, not {value}.</source>
        <translation>В {file} параметр [sync] interval_seconds должен быть целым числом секунд от {min} до {max}, а не {value}.</translation>
    </message>
    <message>
        <source>The central URL in {file} contains a password. Remove it from the file and keep it in the OS credential store: `dnr-workstation sync --save --password-stdin`.</source>
        <translation>URL центральной базы в {file} содержит пароль. Удалите его из файла и храните в хранилище учётных данных ОС: `dnr-workstation sync --save --password-stdin`.</translation>
    </message>
    <message>
        <source>The password goes to the OS credential store, not the file.</source>
        <translation>Пароль сохраняется в хранилище учётных данных ОС, а не в файле.</translation>
    </message>
    <message>
        <source>A password needs a database user: give the URL a user (postgresql://USER@host/db) or `user = &quot;...&quot;` under [central].</source>
        <translation>Для пароля нужен пользователь базы данных: укажите пользователя в URL (postgresql://USER@host/db) или `user = &quot;...&quot;` в разделе [central].</translation>
    </message>
    <message>
        <source>The OS credential store did not take the central password ({error}). On a headless host install and unlock a Secret Service (e.g. gnome-keyring) or configure a keyring backend; the password is never written to the settings file.</source>
        <translation>Хранилище учётных данных ОС не приняло пароль центральной базы ({error}). На компьютере без графического интерфейса установите и разблокируйте Secret Service (например, gnome-keyring) или настройте бэкенд keyring; в файл настроек пароль никогда не записывается.</translation>
    </message>
    <message>
        <source>The OS credential store ({backend}) did not keep the central password; configure a keyring backend that stores passwords.</source>
        <translation>Хранилище учётных данных ОС ({backend}) не сохранило пароль центральной базы; настройте бэкенд keyring, который хранит пароли.</translation>
    </message>
    <message>
        <source>{url} in {file} is not a database URL. Examples: sqlite:////var/lib/dnr/central.sqlite3, postgresql://central.example.kz/dnr</source>
        <translation>{url} в {file} не является URL базы данных. Примеры: sqlite:////var/lib/dnr/central.sqlite3, postgresql://central.example.kz/dnr</translation>
    </message>
    <message>
        <source>{url} is not a database URL. Examples: sqlite:////var/lib/dnr/central.sqlite3, postgresql://central.example.kz/dnr</source>
        <translation>{url} не является URL базы данных. Примеры: sqlite:////var/lib/dnr/central.sqlite3, postgresql://central.example.kz/dnr</translation>
    </message>
    <message>
        <source>An SQLite central has no users or passwords: leave them out of the URL in {file}.</source>
        <translation>У центральной базы SQLite нет пользователей и паролей: уберите их из URL в {file}.</translation>
    </message>
    <message>
        <source>An SQLite central has no users or passwords: leave them out of the URL.</source>
        <translation>У центральной базы SQLite нет пользователей и паролей: уберите их из URL.</translation>
    </message>
    <message>
        <source>In {file}, [{name}] must be a table (a [{name}] section).</source>
        <translation>В {file} [{name}] должен быть таблицей (разделом [{name}]).</translation>
    </message>
    <message>
        <source>In {file}, {key} must be text in quotes, not {value}.</source>
        <translation>В {file} значение {key} должно быть текстом в кавычках, а не {value}.</translation>
    </message>
    <message>
        <source>In {file}, [tsa] url: {error}</source>
        <translation>В {file} параметр [tsa] url: {error}</translation>
    </message>
    <message>
        <source>In {file}, [tsa] timeout_seconds must be a number of seconds above 0 and at most 300, not {value}.</source>
        <translation>В {file} параметр [tsa] timeout_seconds должен быть числом секунд больше 0 и не больше 300, а не {value}.</translation>
    </message>
    <message>
        <source>In {file}, [tsa] request_certificate must be true or false, not {value}.</source>
        <translation>В {file} параметр [tsa] request_certificate должен быть true или false, а не {value}.</translation>
    </message>
    <message>
        <source>{url} is not a database URL. Examples: sqlite:////var/lib/dnr/central.sqlite3, postgresql+psycopg://desk@central.example.kz/dnr</source>
        <translation>{url} не является URL базы данных. Примеры: sqlite:////var/lib/dnr/central.sqlite3, postgresql+psycopg://desk@central.example.kz/dnr</translation>
    </message>
    <message>
        <source>Central must be PostgreSQL or SQLite, not {backend} (URL {url}).</source>
        <translation>Центральная база должна быть PostgreSQL или SQLite, а не {backend} (URL {url}).</translation>
    </message>
    <message>
        <source>The folder for the central file does not exist: {folder}</source>
        <translation>Папка для файла центральной базы не существует: {folder}</translation>
    </message>
    <message>
        <source>No database driver for {driver}.</source>
        <translation>Нет драйвера базы данных для {driver}.</translation>
    </message>
    <message>
        <source>Central refused the desk&apos;s credentials ({who} at {where}): {reason}. Check the user name and the password kept in the credential store, or ask the administrator to run `dnr-workstation central add-workstation` again.</source>
        <translation>Центральная база отклонила учётные данные рабочего места ({who} на {where}): {reason}. Проверьте имя пользователя и пароль в хранилище учётных данных или попросите администратора снова выполнить `dnr-workstation central add-workstation`.</translation>
    </message>
    <message>
        <source>Cannot reach central at {url}: {reason}</source>
        <translation>Нет связи с центральной базой {url}: {reason}</translation>
    </message>
    <message>
        <source>Central refused {user}: {reason}. A desk&apos;s role may read and write only its own branch&apos;s city: check the desk&apos;s city, or ask the administrator.</source>
        <translation>Центральная база отклонила {user}: {reason}. Роль рабочего места может читать и записывать данные только по городу своего филиала: проверьте город рабочего места или обратитесь к администратору.</translation>
    </message>
    <message>
        <source>Lost the connection to central at {url}: {reason}</source>
        <translation>Потеряно соединение с центральной базой {url}: {reason}</translation>
    </message>
    <message>
        <source>Central has no DNR schema yet. An administrator runs `dnr-workstation central init URL` once.</source>
        <translation>В центральной базе ещё нет схемы DNR. Администратору нужно один раз выполнить `dnr-workstation central init URL`.</translation>
    </message>
    <message>
        <source>Central&apos;s schema ({current}) is older than this desk ({head}): an administrator upgrades it with `dnr-workstation central init URL`.</source>
        <translation>Схема центральной базы ({current}) старше, чем нужна этому рабочему месту ({head}): администратору нужно обновить её командой `dnr-workstation central init URL`.</translation>
    </message>
    <message>
        <source>Central&apos;s schema ({current}) is newer than this desk knows ({head}): update the desk application.</source>
        <translation>Схема центральной базы ({current}) новее, чем известна этому рабочему месту ({head}): обновите программу рабочего места.</translation>
    </message>
</context>
<context>
    <name>timestamps</name>
    <message>
        <source>The time-stamping authority refused the request ({status}: {text}).</source>
        <translation>Служба меток времени отклонила запрос ({status}: {text}).</translation>
    </message>
    <message>
        <source>The time-stamp answers another request (its nonce differs).</source>
        <translation>Метка времени выдана на другой запрос (не совпадает nonce).</translation>
    </message>
    <message>
        <source>The time-stamp&apos;s hash algorithm is not accepted.</source>
        <translation>Алгоритм хеширования метки времени не принимается.</translation>
    </message>
    <message>
        <source>The time-stamp is dated in the future ({time}).</source>
        <translation>Метка времени датирована будущим временем ({time}).</translation>
    </message>
    <message>
        <source>The time-stamping authority&apos;s certificate is neither in the token nor in the TSA trust of this desk.</source>
        <translation>Сертификата службы меток времени нет ни в токене, ни в хранилище доверенных сертификатов TSA этого рабочего места.</translation>
    </message>
    <message>
        <source>The time-stamp&apos;s content was changed after the TSA signed it.</source>
        <translation>Содержимое метки времени изменено после того, как TSA её подписала.</translation>
    </message>
    <message>
        <source>The time-stamp&apos;s signature does not match the TSA&apos;s key.</source>
        <translation>Подпись метки времени не соответствует ключу TSA.</translation>
    </message>
    <message>
        <source>The time-stamp does not name its TSA certificate (ESS signing-certificate), or names another one.</source>
        <translation>В метке времени не указан её сертификат TSA (ESS signing-certificate) или указан другой.</translation>
    </message>
    <message>
        <source>The token&apos;s signer is not a time-stamping authority (its certificate is not for time-stamping only).</source>
        <translation>Подписант токена не является службой меток времени (его сертификат предназначен не только для меток времени).</translation>
    </message>
    <message>
        <source>The time-stamping authority is not trusted: {reason}</source>
        <translation>Служба меток времени не является доверенной: {reason}</translation>
    </message>
    <message>
        <source>The time-stamp token is not valid: {error}</source>
        <translation>Токен метки времени недействителен: {error}</translation>
    </message>
    <message>
        <source>The time-stamp is for other data (its message imprint differs).</source>
        <translation>Метка времени выдана для других данных (не совпадает message imprint).</translation>
    </message>
    <message>
        <source>The TSA address {url} is not an http(s) URL.</source>
        <translation>Адрес TSA {url} не является URL http(s).</translation>
    </message>
    <message>
        <source>The time-stamping authority {url} cannot be reached: {reason}</source>
        <translation>Нет связи со службой меток времени {url}: {reason}</translation>
    </message>
    <message>
        <source>{url} did not answer as a time-stamping authority ({content_type}).</source>
        <translation>{url} ответил не как служба меток времени ({content_type}).</translation>
    </message>
</context>
</TS>
