<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>{name} {version}: {licence}. The package ships no licence text.</source>
        <translation>{name} {version}: {licence}. Бумамен бірге лицензия мәтіні берілмейді.</translation>
    </message>
    <message>
        <source>About DNR Workstation</source>
        <translation>DNR Workstation туралы</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Бағдарлама туралы</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Кітапхана</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Нұсқа</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>&amp;Libraries</source>
        <translation>&amp;Кітапханалар</translation>
    </message>
    <message>
        <source>Font file</source>
        <translation>Қаріп файлы</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Қаріп тобы</translation>
    </message>
    <message>
        <source>&amp;Fonts</source>
        <translation>&amp;Қаріптер</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>дайын жинақ</translation>
    </message>
    <message>
        <source>from source</source>
        <translation>бастапқы кодтан</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Жұмыс орны</translation>
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
        <translation>Жүйе</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Деректер</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Баптаулар файлы</translation>
    </message>
    <message>
        <source>Key files (fallback)</source>
        <translation>Кілт файлдары (қосалқы)</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Журнал файлы</translation>
    </message>
    <message>
        <source>&lt;h2&gt;DNR Workstation&lt;/h2&gt;&lt;p&gt;Digital Nomad Residency desk for the public service centres of Kazakhstan.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;DNR Workstation&lt;/h2&gt;&lt;p&gt;Қазақстанның халыққа қызмет көрсету орталықтарына арналған Digital Nomad Residency жұмыс орны.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The libraries and fonts shipped with the desk and their licences are listed under &lt;i&gt;Libraries&lt;/i&gt; and &lt;i&gt;Fonts&lt;/i&gt;; their licence texts are shown there.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Жұмыс орнымен бірге берілетін кітапханалар мен қаріптер және олардың лицензиялары &lt;i&gt;Кітапханалар&lt;/i&gt; және &lt;i&gt;Қаріптер&lt;/i&gt; қойындыларында келтірілген; лицензия мәтіндері де сонда көрсетілген.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <source>Record arrival: {name}</source>
        <translation>Келуді тіркеу: {name}</translation>
    </message>
    <message>
        <source>Enter the date of entry stamped in the passport or on the migration card, not today&apos;s date. Approved on {approval}; entry allowed until {end}.</source>
        <translation>Бүгінгі күнді емес, паспорттағы немесе көші-қон карточкасындағы мөрде көрсетілген кіру күнін енгізіңіз. Мақұлданған күні: {approval}; кіруге рұқсат етілген соңғы күн: {end}.</translation>
    </message>
    <message>
        <source>Type or choose the crossing point</source>
        <translation>Өткізу пунктін енгізіңіз немесе таңдаңыз</translation>
    </message>
    <message>
        <source>&amp;Date of entry:</source>
        <translation>&amp;Кіру күні:</translation>
    </message>
    <message>
        <source>&amp;Border point:</source>
        <translation>&amp;Өткізу пункті:</translation>
    </message>
    <message>
        <source>Type the entry date as day.month.year, e.g. 05.11.2026.</source>
        <translation>Кіру күнін күн.ай.жыл түрінде енгізіңіз, мысалы: 05.11.2026.</translation>
    </message>
    <message>
        <source>Recording the arrival…</source>
        <translation>Келу тіркелуде…</translation>
    </message>
    <message>
        <source>Annul the approval?</source>
        <translation>Мақұлдаудың күшін жою керек пе?</translation>
    </message>
    <message>
        <source>{reason}

Record this entry date and annul the case?</source>
        <translation>{reason}

Осы кіру күнін тіркеп, істің күшін жою керек пе?</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <source>An administrator sets up the connection to central.</source>
        <translation>Орталық дерекқорға қосылымды әкімші баптайды.</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Choose a case in the list (Enter opens it) to see the applicant and steps.</source>
        <translation>Өтініш беруші мен қадамдарды көру үшін тізімнен істі таңдаңыз (Enter оны ашады).</translation>
    </message>
    <message>
        <source>Record &amp;arrival…</source>
        <translation>&amp;Келуді тіркеу…</translation>
    </message>
    <message>
        <source>Record the border entry (Ctrl+Shift+A)</source>
        <translation>Шекарадан кіруді тіркеу (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>&amp;Print application…</source>
        <translation>Өтінішті &amp;басып шығару…</translation>
    </message>
    <message>
        <source>Preview and print the application (Ctrl+P)</source>
        <translation>Өтінішті алдын ала қарау және басып шығару (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>&amp;Жіберу…</translation>
    </message>
    <message>
        <source>Submit the printed application to the migration service (Ctrl+Shift+S)</source>
        <translation>Басылған өтінішті көші-қон қызметіне жіберу (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>&amp;Decide…</source>
        <translation>&amp;Шешім қабылдау…</translation>
    </message>
    <message>
        <source>Issue the permit or refuse (Ctrl+Shift+E)</source>
        <translation>Ықтиярхат беру немесе бас тарту (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Өтініш беруші</translation>
    </message>
    <message>
        <source>Preliminary approval</source>
        <translation>Алдын ала мақұлдау</translation>
    </message>
    <message>
        <source>IIN:</source>
        <translation>ЖСН:</translation>
    </message>
    <message>
        <source>Born:</source>
        <translation>Туған күні мен жері:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Жынысы:</translation>
    </message>
    <message>
        <source>Citizenship:</source>
        <translation>Азаматтығы:</translation>
    </message>
    <message>
        <source>Passport:</source>
        <translation>Паспорт:</translation>
    </message>
    <message>
        <source>Occupation:</source>
        <translation>Кәсібі:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Байланыс:</translation>
    </message>
    <message>
        <source>Approval:</source>
        <translation>Мақұлдау:</translation>
    </message>
    <message>
        <source>Ministry recommendation:</source>
        <translation>Министрлік ұсынымы:</translation>
    </message>
    <message>
        <source>Programme city:</source>
        <translation>Бағдарлама қаласы:</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Кіру:</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>Іс:</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Қадам</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Тіркелді</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Тексеру тізімі</translation>
    </message>
    <message>
        <source>Re&amp;print application…</source>
        <translation>Өтінішті &amp;қайта басып шығару…</translation>
    </message>
    <message>
        <source>Correct &amp;arrival…</source>
        <translation>&amp;Келуді түзету…</translation>
    </message>
    <message>
        <source>male</source>
        <translation>ер</translation>
    </message>
    <message>
        <source>female</source>
        <translation>әйел</translation>
    </message>
    <message>
        <source>{number} ({state}), valid until {expiry}</source>
        <translation>{number} ({state}), жарамдылық мерзімі: {expiry}</translation>
    </message>
    <message>
        <source>{date} at {point}</source>
        <translation>{date}, {point}</translation>
    </message>
    <message>
        <source>not recorded yet</source>
        <translation>әлі тіркелмеген</translation>
    </message>
    <message>
        <source>{date} (corrected {n}×)</source>
        <translation>{date} ({n} рет түзетілді)</translation>
    </message>
    <message>
        <source>Every step is in order.</source>
        <translation>Барлық қадам дұрыс тіркелген.</translation>
    </message>
    <message>
        <source>Also recorded at desk {desk} on {date} {time} by IIN {iin} — superseded by a later record in central&apos;s order</source>
        <translation>Сондай-ақ {desk} жұмыс орнында тіркелген: {date} {time} (тіркеген: ЖСН {iin}) — орталық дерекқордағы рет бойынша кейінгі жазбамен ауыстырылды</translation>
    </message>
    <message>
        <source>Also recorded at desk {desk} on {date} {time} — superseded by a later record in central&apos;s order</source>
        <translation>Сондай-ақ {desk} жұмыс орнында тіркелген: {date} {time} — орталық дерекқордағы рет бойынша кейінгі жазбамен ауыстырылды</translation>
    </message>
    <message>
        <source>Also recorded at desk {desk} on {date} {time} by IIN {iin} — not applied: {why}</source>
        <translation>Сондай-ақ {desk} жұмыс орнында тіркелген: {date} {time} (тіркеген: ЖСН {iin}) — қолданылмады: {why}</translation>
    </message>
    <message>
        <source>Also recorded at desk {desk} on {date} {time} — not applied: {why}</source>
        <translation>Сондай-ақ {desk} жұмыс орнында тіркелген: {date} {time} — қолданылмады: {why}</translation>
    </message>
    <message>
        <source>Permit issued on {date}: {number}.</source>
        <translation>Ықтиярхат берілді. Күні: {date}, нөмірі: {number}.</translation>
    </message>
    <message>
        <source>Refused on {date}; a new application is possible from {again}.</source>
        <translation>Бас тартылды. Күні: {date}. Жаңа өтінішті беруге болатын күн: {again}.</translation>
    </message>
    <message>
        <source>Submitted on {date}; the migration service decides by {due}.</source>
        <translation>Өтініш берілді. Күні: {date}. Көші-қон қызметінің шешім қабылдау мерзімі: {due}.</translation>
    </message>
    <message>
        <source>Enter or double-click to record this step</source>
        <translation>Осы қадамды тіркеу үшін Enter пернесін басыңыз немесе екі рет шертіңіз</translation>
    </message>
    <message>
        <source>Still needed before printing:</source>
        <translation>Басып шығарар алдында әлі қажет:</translation>
    </message>
    <message>
        <source>Every step is in order: the application can be printed.</source>
        <translation>Барлық қадам дұрыс тіркелген: өтінішті басып шығаруға болады.</translation>
    </message>
    <message>
        <source>Another desk acted on this case: {steps} also recorded at {desks}. The latest valid record in central&apos;s order stands; the others are kept in the history.</source>
        <translation>Бұл іс бойынша басқа жұмыс орны да әрекет етті: {steps} сондай-ақ мына жұмыс орындарында тіркелген: {desks}. Орталық дерекқордағы рет бойынша соңғы жарамды жазба күшінде қалады; қалғандары тарихта сақталады.</translation>
    </message>
    <message>
        <source>Entered on {date}.</source>
        <translation>Кірген күні: {date}.</translation>
    </message>
    <message>
        <source>The 30-day arrival window closed on {end}. If the applicant entered by then, record the entry date: the case continues.</source>
        <translation>30 күндік кіру мерзімі аяқталды ({end}). Егер өтініш беруші осы күнге дейін кірген болса, кіру күнін тіркеңіз: іс жалғасады.</translation>
    </message>
    <message>
        <source>Today is the last day to enter Kazakhstan ({end}).</source>
        <translation>Бүгін Қазақстанға кірудің соңғы күні ({end}).</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left to enter Kazakhstan (until {end}).</source>
        <translation>
            <numerusform>Қазақстанға кіруге %n күн қалды (соңғы күн: {end}).</numerusform>
            <numerusform>Қазақстанға кіруге %n күн қалды (соңғы күн: {end}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>All centers</source>
        <translation>Барлық орталықтар</translation>
    </message>
    <message>
        <source>This &amp;month</source>
        <translation>&amp;Осы ай</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>&amp;PDF-ке экспорттау…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV-ге экспорттау…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>Кезең &amp;басы:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Кезең &amp;соңы:</translation>
    </message>
    <message>
        <source>C&amp;enter:</source>
        <translation>Орта&amp;лық:</translation>
    </message>
    <message>
        <source>Report &amp;language:</source>
        <translation>Есеп &amp;тілі:</translation>
    </message>
    <message>
        <source>Median days, approval to arrival</source>
        <translation>Мақұлданғаннан келгенге дейінгі күндер медианасы</translation>
    </message>
    <message>
        <source>Median days, submission to decision</source>
        <translation>Өтініш берілгеннен шешімге дейінгі күндер медианасы</translation>
    </message>
    <message>
        <source>Decided within 3 working days</source>
        <translation>3 жұмыс күні ішінде шешілді</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Өтініш беруші</translation>
    </message>
    <message>
        <source>Window ends</source>
        <translation>Келу мерзімі</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Қалған күндер</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Қызметкер</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Тіркелген келулер</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Енгізілген қадамдар</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Басып шығарылды</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Өтініш берілді</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Басталған тексерулер</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Шешімдер</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Барлық оқиғалар</translation>
    </message>
    <message>
        <source>Work of clerks and migration officers</source>
        <translation>ХҚКО операторлары мен көші-қон қызметі қызметкерлерінің жұмысы</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Есептелуде…</translation>
    </message>
    <message>
        <source>Counting the report…</source>
        <translation>Есеп дайындалуда…</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Decided within 3 working days ({n} of {total})</source>
        <translation>3 жұмыс күні ішінде шешілді ({total} ішінен {n})</translation>
    </message>
    <message>
        <source>all centers</source>
        <translation>барлық орталықтар</translation>
    </message>
    <message>
        <source>{start} – {end}, {where}; as of {today}</source>
        <translation>{start} – {end}, {where}; {today} жағдай бойынша</translation>
    </message>
    <message>
        <source>Arrival windows ending in the next 3 days ({n})</source>
        <translation>Келу мерзімі алдағы 3 күнде аяқталатын істер ({n})</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Есепті PDF ретінде сақтау</translation>
    </message>
    <message>
        <source>Save the report as CSV (for spreadsheets)</source>
        <translation>Есепті CSV ретінде сақтау (электрондық кестелер үшін)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлдары (*.csv)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Есеп жазылуда…</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>кк.аа.жжжж</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Documents invalid or incomplete</source>
        <translation>Құжаттар жарамсыз немесе толық емес</translation>
    </message>
    <message>
        <source>False or inaccurate information</source>
        <translation>Жалған немесе анық емес мәліметтер</translation>
    </message>
    <message>
        <source>Medical examination</source>
        <translation>Медициналық куәландыру</translation>
    </message>
    <message>
        <source>Security check</source>
        <translation>Қауіпсіздік тексерісі</translation>
    </message>
    <message>
        <source>Housing not confirmed</source>
        <translation>Тұрғын үй расталмады</translation>
    </message>
    <message>
        <source>Programme requirements not met</source>
        <translation>Бағдарлама талаптары орындалмады</translation>
    </message>
    <message>
        <source>Other grounds</source>
        <translation>Өзге негіздер</translation>
    </message>
    <message>
        <source>Decision — {case}</source>
        <translation>Шешім — {case}</translation>
    </message>
    <message>
        <source>&amp;Issue the residence permit</source>
        <translation>Тұруға ықтиярхат &amp;беру</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>Бас &amp;тарту</translation>
    </message>
    <message>
        <source>— choose the reason —</source>
        <translation>— себебін таңдаңыз —</translation>
    </message>
    <message>
        <source>What the applicant reads: which document, what was found (required).</source>
        <translation>Өтініш беруші оқитын мәтін: қай құжат, не анықталды (міндетті).</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Себебі:</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>Түсініктеме:</translation>
    </message>
    <message>
        <source>&amp;Continue…</source>
        <translation>&amp;Жалғастыру…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>&amp;Sign and record</source>
        <translation>&amp;Қол қойып, тіркеу</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Артқа</translation>
    </message>
    <message>
        <source>Choose: issue the permit, or refuse.</source>
        <translation>Таңдаңыз: ықтиярхат беру немесе бас тарту.</translation>
    </message>
    <message>
        <source>Choose the reason for the refusal.</source>
        <translation>Бас тарту себебін таңдаңыз.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Issue the residence permit&lt;/h3&gt;&lt;p&gt;Permit number &lt;b&gt;{number}&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Тұруға ықтиярхат беру&lt;/h3&gt;&lt;p&gt;Ықтиярхат нөмірі: &lt;b&gt;{number}&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Refuse the application&lt;/h3&gt;&lt;p&gt;Reason: &lt;b&gt;{reason}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;{note}&lt;/p&gt;&lt;p&gt;The applicant may apply again from &lt;b&gt;{again}&lt;/b&gt;; a new approval before then is blocked at every desk.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Өтінішті қанағаттандырудан бас тарту&lt;/h3&gt;&lt;p&gt;Себебі: &lt;b&gt;{reason}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;{note}&lt;/p&gt;&lt;p&gt;Өтініш беруші қайта өтініш бере алатын күн: &lt;b&gt;{again}&lt;/b&gt;; осы күнге дейін жаңа мақұлдау барлық жұмыс орнында бұғатталады.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The decision is signed with your EDS key and cannot be changed. The applicant is notified in Kazakh, Russian and English.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Шешімге сіздің ЭЦҚ кілтіңізбен қол қойылады және оны өзгертуге болмайды. Өтініш берушіге қазақ, орыс және ағылшын тілдерінде хабарлама жіберіледі.&lt;/p&gt;</translation>
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
            <numerusform>PDF құжаты, бет саны: %n, көлемі: {size}.</numerusform>
            <numerusform>PDF құжаты, бет саны: %n, көлемі: {size}.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF document, ? page(s), {size}.</source>
        <translation>PDF құжаты, бет саны: ?, көлемі: {size}.</translation>
    </message>
    <message>
        <source>PDFs are not shown here; save a copy to open it where you choose.</source>
        <translation>PDF құжаттары мұнда көрсетілмейді; өзіңіз таңдаған бағдарламада ашу үшін көшірмесін сақтаңыз.</translation>
    </message>
    <message>
        <source>This image cannot be shown; it may be damaged.</source>
        <translation>Бұл суретті көрсету мүмкін емес; ол бүлінген болуы мүмкін.</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>&amp;Көшірмесін сақтау…</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>Documents: {name}</source>
        <translation>Құжаттар: {name}</translation>
    </message>
    <message>
        <source>Scans are kept inside the desk&apos;s encrypted store (PDF, JPEG or PNG, at most {mb} MB). Choose a row, then attach, view or remove.</source>
        <translation>Сканерленген құжаттар жұмыс орнының шифрланған қоймасында сақталады (PDF, JPEG немесе PNG, ең көбі {mb} МБ). Жолды таңдап, құжатты қосыңыз, қараңыз немесе жойыңыз.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Құжат</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Type, size</source>
        <translation>Түрі, көлемі</translation>
    </message>
    <message>
        <source>&amp;Attach a scan…</source>
        <translation>&amp;Сканерленген құжатты қосу…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Қарау</translation>
    </message>
    <message>
        <source>Save a &amp;copy as…</source>
        <translation>&amp;Көшірмесін сақтау…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Жою</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>{type}, {size}</source>
        <translation>{type}, {size}</translation>
    </message>
    <message>
        <source>Attach a scan</source>
        <translation>Сканерленген құжатты қосу</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Сканерленген құжаттар (*.pdf *.jpg *.jpeg *.png);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Attaching…</source>
        <translation>Қосылуда…</translation>
    </message>
    <message>
        <source>Remove the document?</source>
        <translation>Құжатты жою керек пе?</translation>
    </message>
    <message>
        <source>Remove {file} ({kind}) from the case? The removal is recorded.</source>
        <translation>{file} ({kind}) файлын істен жою керек пе? Жою әрекеті тіркеледі.</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Көшірмесін сақтау</translation>
    </message>
</context>
<context>
    <name>DutyForm</name>
    <message>
        <source>State duty</source>
        <translation>Мемлекеттік баж</translation>
    </message>
    <message>
        <source>Residence permit (4 MCI)</source>
        <translation>Тұруға ықтиярхат (4 АЕК)</translation>
    </message>
    <message>
        <source>Residence-permit card (0.2 MCI)</source>
        <translation>Ықтиярхат картасы (0,2 АЕК)</translation>
    </message>
    <message>
        <source>Tenge, as on the receipt</source>
        <translation>Теңгемен, түбіртектегідей</translation>
    </message>
    <message>
        <source>&amp;Duty:</source>
        <translation>&amp;Баж:</translation>
    </message>
    <message>
        <source>&amp;Receipt number:</source>
        <translation>&amp;Түбіртек нөмірі:</translation>
    </message>
    <message>
        <source>&amp;Payment date:</source>
        <translation>Төлем &amp;күні:</translation>
    </message>
    <message>
        <source>&amp;Amount (KZT):</source>
        <translation>&amp;Сомасы (теңге):</translation>
    </message>
    <message>
        <source>No MCI is configured for {year}.</source>
        <translation>{year} жылға АЕК белгіленбеген.</translation>
    </message>
    <message>
        <source>Due for a payment in {year}: {fee} KZT (MCI {mci})</source>
        <translation>{year} жылы төленетін сома: {fee} теңге (АЕК {mci})</translation>
    </message>
    <message>
        <source>Receipt {number} of {date}: {amount} KZT</source>
        <translation>Түбіртек № {number}, {date}: {amount} теңге</translation>
    </message>
</context>
<context>
    <name>FingerExceptionDialog</name>
    <message>
        <source>Exception for {finger}</source>
        <translation>Ерекше жағдай: {finger}</translation>
    </message>
    <message>
        <source>Amputated and bandaged fingers may be excused before capture. Injured and other need {n} tries first; the best try is kept with the exception.</source>
        <translation>Ампутацияланған және таңылған саусақтарды алу алдында ерекше жағдай ретінде тіркеуге болады. Жарақаттанған және басқа жағдайларда алдымен {n} әрекет қажет; ең жақсы әрекет ерекше жағдаймен бірге сақталады.</translation>
    </message>
    <message>
        <source>Required for Other</source>
        <translation>«Басқа» себебі үшін міндетті</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Себебі:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Түсініктеме:</translation>
    </message>
    <message>
        <source>Record exception</source>
        <translation>Ерекше жағдайды тіркеу</translation>
    </message>
    <message>
        <source>Remove exception</source>
        <translation>Ерекше жағдайды жою</translation>
    </message>
</context>
<context>
    <name>FingerprintScreen</name>
    <message>
        <source>Fingerprints: {name}</source>
        <translation>Саусақ іздері: {name}</translation>
    </message>
    <message>
        <source>Search for scanner</source>
        <translation>Сканерді іздеу</translation>
    </message>
    <message>
        <source>&amp;Capture slap (Space)</source>
        <translation>Саусақтарды &amp;алу (Space)</translation>
    </message>
    <message>
        <source>&amp;Retry finger (R)</source>
        <translation>Саусақты &amp;қайталау (R)</translation>
    </message>
    <message>
        <source>&amp;Exception… (E)</source>
        <translation>&amp;Ерекше жағдай… (E)</translation>
    </message>
    <message>
        <source>&amp;Import file… (I)</source>
        <translation>&amp;Файлдан импорттау… (I)</translation>
    </message>
    <message>
        <source>Cancel capture (Esc)</source>
        <translation>Алуды болдырмау (Esc)</translation>
    </message>
    <message>
        <source>&amp;Save fingerprints</source>
        <translation>Саусақ іздерін &amp;сақтау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>No capture needed.</source>
        <translation>Алу қажет емес.</translation>
    </message>
    <message>
        <source>Capturing… keep the fingers flat on the glass.</source>
        <translation>Алынуда… саусақтарды әйнекке тегіс басып тұрыңыз.</translation>
    </message>
    <message>
        <source>Next: {slap} again, for {names}</source>
        <translation>Келесі: {slap} қайтадан ({names} үшін)</translation>
    </message>
    <message>
        <source>Next: {slap}</source>
        <translation>Келесі: {slap}</translation>
    </message>
    <message>
        <source>All ten fingers done: save (Ctrl+S).</source>
        <translation>Он саусақтың бәрі дайын: сақтаңыз (Ctrl+S).</translation>
    </message>
    <message>
        <source>Record an exception for each red finger (E).</source>
        <translation>Әр қызыл саусақ үшін ерекше жағдайды тіркеңіз (E).</translation>
    </message>
    <message>
        <source>{finger}: quality {q} (needs {t}), try {n} of {max}. {state}</source>
        <translation>{finger}: сапасы {q} (қажет: {t}), әрекет {n}/{max}. {state}</translation>
    </message>
    <message>
        <source>Searching for a fingerprint scanner…</source>
        <translation>Саусақ ізі сканері ізделуде…</translation>
    </message>
    <message>
        <source>Scanner {make} {model}, serial {serial} (port {port})</source>
        <translation>Сканер {make} {model}, сериялық нөмірі {serial} (порт {port})</translation>
    </message>
    <message>
        <source>no device CA configured: the scanner is not verified</source>
        <translation>құрылғылардың CA сертификаты бапталмаған: сканер тексерілмеген</translation>
    </message>
    <message>
        <source>Or import prints from files (I).</source>
        <translation>Немесе іздерді файлдардан импорттаңыз (I).</translation>
    </message>
    <message>
        <source>No slap left to capture. Retry (R) or record exceptions (E).</source>
        <translation>Алынатын саусақтар қалмады. Қайталаңыз (R) немесе ерекше жағдайларды тіркеңіз (E).</translation>
    </message>
    <message>
        <source>Waiting for the scanner…</source>
        <translation>Сканер күтілуде…</translation>
    </message>
    <message>
        <source>Place the left slap (four fingers of the left hand) on the scanner. Esc cancels.</source>
        <translation>Сол қолдың төрт саусағын сканерге қойыңыз. Болдырмау: Esc.</translation>
    </message>
    <message>
        <source>Place the right slap (four fingers of the right hand) on the scanner. Esc cancels.</source>
        <translation>Оң қолдың төрт саусағын сканерге қойыңыз. Болдырмау: Esc.</translation>
    </message>
    <message>
        <source>Place both thumbs on the scanner. Esc cancels.</source>
        <translation>Екі бас бармақты сканерге қойыңыз. Болдырмау: Esc.</translation>
    </message>
    <message numerus="yes">
        <source>{slap}: %n print(s) captured.</source>
        <translation>
            <numerusform>{slap}: %n із алынды.</numerusform>
            <numerusform>{slap}: %n із алынды.</numerusform>
        </translation>
    </message>
    <message>
        <source>Below threshold: {names}; retry (R).</source>
        <translation>Шектен төмен: {names}; қайталаңыз (R).</translation>
    </message>
    <message>
        <source>{finger} not read ({reason}).</source>
        <translation>{finger}: оқылмады ({reason}).</translation>
    </message>
    <message>
        <source>Capture cancelled; no try was counted.</source>
        <translation>Алу болдырылмады; әрекет есептелмеді.</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Оқылуда: {file}…</translation>
    </message>
    <message>
        <source>{finger} imported from a file, estimated quality {q}.</source>
        <translation>{finger}: файлдан импортталды, болжамды сапасы {q}.</translation>
    </message>
    <message>
        <source>Import the print of {finger}</source>
        <translation>Саусақ ізін импорттау: {finger}</translation>
    </message>
    <message>
        <source>Fingerprint images (*.png *.jpg *.jpeg)</source>
        <translation>Саусақ ізі суреттері (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Saving the fingerprints…</source>
        <translation>Саусақ іздері сақталуда…</translation>
    </message>
    <message>
        <source>Discard the prints?</source>
        <translation>Іздерді жою керек пе?</translation>
    </message>
    <message>
        <source>The prints captured here are not saved. Close and discard them?</source>
        <translation>Мұнда алынған іздер сақталмаған. Терезені жауып, оларды жою керек пе?</translation>
    </message>
    <message>
        <source>Cancelling the capture…</source>
        <translation>Алу тоқтатылуда…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Enter the central database URL, e.g. postgresql://desk_ast_01@central.example.kz/dnr.</source>
        <translation>Орталық дерекқордың URL мекенжайын енгізіңіз, мысалы: postgresql://desk_ast_01@central.example.kz/dnr.</translation>
    </message>
    <message>
        <source>Connected: central answers and its schema matches this version.</source>
        <translation>Қосылды: орталық дерекқор жауап береді және оның сұлбасы осы нұсқаға сәйкес келеді.</translation>
    </message>
    <message>
        <source>Set up this desk</source>
        <translation>Осы жұмыс орнын баптау</translation>
    </message>
    <message>
        <source>&lt;b&gt;This computer has no desk settings yet.&lt;/b&gt;&lt;br&gt;Connect the desk to the central database and name the folders of the staff trust store, or try the application with sample data in demo mode. The settings are saved in {file}.</source>
        <translation>&lt;b&gt;Бұл компьютерде жұмыс орнының баптаулары әлі жоқ.&lt;/b&gt;&lt;br&gt;Жұмыс орнын орталық дерекқорға қосып, қызметкерлердің сенімді сертификаттар қоймасының қалталарын көрсетіңіз немесе бағдарламаны демо режимінде үлгі деректермен байқап көріңіз. Баптаулар мына файлда сақталады: {file}.</translation>
    </message>
    <message>
        <source>kept in the OS credential store</source>
        <translation>ОЖ тіркелгі деректері қоймасында сақталады</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Қосылымды &amp;тексеру</translation>
    </message>
    <message>
        <source>Central database</source>
        <translation>Орталық дерекқор</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Құпиясөз:</translation>
    </message>
    <message>
        <source>&amp;Workstation id:</source>
        <translation>Жұмыс орнының &amp;идентификаторы:</translation>
    </message>
    <message>
        <source>&amp;City of the branch:</source>
        <translation>&amp;Филиал қаласы:</translation>
    </message>
    <message>
        <source>Staff log-in (NCA RK certificates)</source>
        <translation>Қызметкерлердің жүйеге кіруі (ҚР ҰКО сертификаттары)</translation>
    </message>
    <message>
        <source>T&amp;rust store folder:</source>
        <translation>&amp;Сенімді сертификаттар қоймасының қалтасы:</translation>
    </message>
    <message>
        <source>C&amp;RL folder:</source>
        <translation>C&amp;RL қалтасы:</translation>
    </message>
    <message>
        <source>Use &amp;demo mode</source>
        <translation>&amp;Демо режимін қолдану</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;Save and start</source>
        <translation>Сақтау және &amp;бастау</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Шолу…</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Қалтаны таңдаңыз</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Қосылуда…</translation>
    </message>
    <message>
        <source>Could not connect ({kind}): {reason}</source>
        <translation>Қосылу мүмкін болмады ({kind}): {reason}</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>Қалта жоқ: {path}.</translation>
    </message>
    <message>
        <source>{path} holds no root certificate: copy the NCA RK root and issuing CA certificates (.pem, .crt or .cer) into it.</source>
        <translation>Қалтада түбірлік сертификат жоқ: {path}. Оған ҚР ҰКО түбірлік сертификатын және сертификат беретін CA сертификаттарын (.pem, .crt немесе .cer) көшіріңіз.</translation>
    </message>
    <message>
        <source>A certificate in {path} cannot be read ({kind}).</source>
        <translation>Сертификат оқылмады ({kind}): {path}.</translation>
    </message>
    <message numerus="yes">
        <source>%n CA certificate(s) found.</source>
        <translation>
            <numerusform>Табылған CA сертификаттары: %n.</numerusform>
            <numerusform>Табылған CA сертификаттары: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CRL(s) found.</source>
        <translation>
            <numerusform>Табылған CRL: %n.</numerusform>
            <numerusform>Табылған CRL: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>A CRL in {path} cannot be read ({kind}).</source>
        <translation>CRL оқылмады ({kind}): {path}.</translation>
    </message>
    <message>
        <source>as registered at central, e.g. WS-AST-01</source>
        <translation>орталық дерекқорда тіркелгендей, мысалы, WS-AST-01</translation>
    </message>
    <message>
        <source>No .crl file yet: log-in is refused until the administrator puts the current CRLs here.</source>
        <translation>Әзірге .crl файлы жоқ: әкімші мұнда ағымдағы CRL тізімдерін салғанша жүйеге кіруге рұқсат берілмейді.</translation>
    </message>
    <message>
        <source>Enter the workstation id the administrator registered at central (central add-workstation): central accepts this desk&apos;s work only under it.</source>
        <translation>Әкімші орталық дерекқорда тіркеген жұмыс орнының идентификаторын енгізіңіз (central add-workstation): орталық дерекқор осы жұмыс орнының жұмысын тек осы идентификатор бойынша қабылдайды.</translation>
    </message>
    <message>
        <source>The settings could not be written: {reason}.</source>
        <translation>Баптауларды жазу мүмкін болмады: {reason}.</translation>
    </message>
</context>
<context>
    <name>HousingForm</name>
    <message>
        <source>Housing agreement</source>
        <translation>Тұрғын үй шарты</translation>
    </message>
    <message>
        <source>The dwelling must be in {city}, the programme city of this case, and the agreement must be in force today.</source>
        <translation>Тұрғын үй осы істің бағдарлама қаласында ({city}) орналасуы және шарт бүгін күшінде болуы тиіс.</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>Жалдау</translation>
    </message>
    <message>
        <source>Own property</source>
        <translation>Меншік</translation>
    </message>
    <message>
        <source>Provided by the employer</source>
        <translation>Жұмыс беруші берген</translation>
    </message>
    <message>
        <source>A person (IIN)</source>
        <translation>Жеке тұлға (ЖСН)</translation>
    </message>
    <message>
        <source>A company (BIN)</source>
        <translation>Заңды тұлға (БСН)</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 цифр</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— таңдаңыз —</translation>
    </message>
    <message>
        <source>Yes, the owner&apos;s consent was shown</source>
        <translation>Иә, меншік иесінің келісімі көрсетілді</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Жоқ</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Түрі:</translation>
    </message>
    <message>
        <source>Landlord &amp;is:</source>
        <translation>&amp;Жалға беруші:</translation>
    </message>
    <message>
        <source>Landlord&apos;s II&amp;N / BIN:</source>
        <translation>Жалға берушінің ЖСН / Б&amp;СН:</translation>
    </message>
    <message>
        <source>Landlord&apos;s na&amp;me:</source>
        <translation>Жалға берушінің &amp;аты:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Қала:</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>Кө&amp;ше:</translation>
    </message>
    <message>
        <source>&amp;Building:</source>
        <translation>&amp;Үй:</translation>
    </message>
    <message>
        <source>A&amp;partment:</source>
        <translation>&amp;Пәтер:</translation>
    </message>
    <message>
        <source>P&amp;ostcode:</source>
        <translation>Пошта &amp;индексі:</translation>
    </message>
    <message>
        <source>Agreement n&amp;umber:</source>
        <translation>Шарт &amp;нөмірі:</translation>
    </message>
    <message>
        <source>Agreement &amp;date:</source>
        <translation>Шарт &amp;күні:</translation>
    </message>
    <message>
        <source>In force &amp;from:</source>
        <translation>Қолданылу мерзімі (&amp;бастап):</translation>
    </message>
    <message>
        <source>In force un&amp;til:</source>
        <translation>Қолданылу мерзімі (&amp;дейін):</translation>
    </message>
    <message>
        <source>Owner&apos;s consent &amp;shown:</source>
        <translation>&amp;Меншік иесінің келісімі көрсетілді:</translation>
    </message>
    <message>
        <source>{kind} No. {number} of {date}, {city}, {street} {building}</source>
        <translation>{kind} № {number}, {date}, {city}, {street} {building}</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>Жұмыс орнын &amp;құлыптау</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Language of the desk</source>
        <translation>Жұмыс орнының тілі</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>DNR Workstation — desk locked</source>
        <translation>DNR Workstation — жұмыс орны құлыпталған</translation>
    </message>
    <message>
        <source>DNR Workstation — log in</source>
        <translation>DNR Workstation — жүйеге кіру</translation>
    </message>
    <message>
        <source>The desk is locked</source>
        <translation>Жұмыс орны құлыпталған</translation>
    </message>
    <message>
        <source>Log in with your EDS key</source>
        <translation>ЭЦҚ кілтіңізбен жүйеге кіріңіз</translation>
    </message>
    <message>
        <source>Locked by {name} after a time without use. Unlock with the same key file and its password, or log out so someone else can log in.</source>
        <translation>Ұзақ уақыт пайдаланылмағандықтан құлыпталды. Пайдаланушы: {name}. Сол кілт файлымен және оның құпиясөзімен құлпын ашыңыз немесе басқа адам кіре алуы үшін жүйеден шығыңыз.</translation>
    </message>
    <message>
        <source>Choose your log-in key file from NCA RK (AUTH_RSA256_….p12) and type its password. The key is checked against this desk&apos;s trust store, revocation lists and staff records.</source>
        <translation>ҚР ҰКО берген жүйеге кіру кілтінің файлын (AUTH_RSA256_….p12) таңдап, оның құпиясөзін енгізіңіз. Кілт осы жұмыс орнының сенімді сертификаттар қоймасы, кері қайтарылған сертификаттар тізімдері және қызметкерлер тізілімі бойынша тексеріледі.</translation>
    </message>
    <message>
        <source>Path to the key file (.p12)</source>
        <translation>Кілт файлының жолы (.p12)</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Таңдау…</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>Кілт &amp;файлы:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Құпиясөз:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Құлпын &amp;ашу</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>Жүйеге &amp;кіру</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Жүйеден &amp;шығу</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>DEMO · {role} — {name}</source>
        <translation>ДЕМО · {role} — {name}</translation>
    </message>
    <message>
        <source>DEMO · expired key (refused) — {name}</source>
        <translation>ДЕМО · мерзімі өткен кілт (қабылданбайды) — {name}</translation>
    </message>
    <message>
        <source>DEMO · revoked key (refused) — {name}</source>
        <translation>ДЕМО · кері қайтарылған кілт (қабылданбайды) — {name}</translation>
    </message>
    <message>
        <source>DEMO · key from an untrusted CA (refused) — {name}</source>
        <translation>ДЕМО · сенімсіз КО кілті (қабылданбайды) — {name}</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <source>Demo keys made on this computer for trying the desk: they are NOT NCA RK keys and open only this demo desk. Password: {password}</source>
        <translation>Жұмыс орнын байқап көру үшін осы компьютерде жасалған демо кілттер: олар ҚР ҰКО кілттері ЕМЕС және тек осы демо жұмыс орнын ашады. Құпиясөз: {password}</translation>
    </message>
    <message>
        <source>Choose your EDS log-in key</source>
        <translation>Жүйеге кіруге арналған ЭЦҚ кілтін таңдаңыз</translation>
    </message>
    <message>
        <source>EDS key files (*.p12 *.pfx);;All files (*)</source>
        <translation>ЭЦҚ кілт файлдары (*.p12 *.pfx);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Choose your key file first.</source>
        <translation>Алдымен кілт файлын таңдаңыз.</translation>
    </message>
    <message>
        <source>Type the password of the key file.</source>
        <translation>Кілт файлының құпиясөзін енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Your role does not see case data.</source>
        <translation>Сіздің рөліңізге іс деректері көрсетілмейді.</translation>
    </message>
    <message>
        <source>DNR Workstation — DEMO (sample data, not for real cases)</source>
        <translation>DNR Workstation — ДЕМО (үлгі деректер, нақты істерге арналмаған)</translation>
    </message>
    <message>
        <source>DNR Workstation</source>
        <translation>DNR Workstation</translation>
    </message>
    <message>
        <source>&amp;Find a case</source>
        <translation>&amp;Істі іздеу</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Қазір &amp;синхрондау</translation>
    </message>
    <message>
        <source>Send this desk&apos;s events and receive new ones (F5)</source>
        <translation>Осы жұмыс орнының оқиғаларын жіберу және жаңаларын алу (F5)</translation>
    </message>
    <message>
        <source>Record &amp;arrival…</source>
        <translation>&amp;Келуді тіркеу…</translation>
    </message>
    <message>
        <source>Capture &amp;fingerprints…</source>
        <translation>&amp;Саусақ іздерін алу…</translation>
    </message>
    <message>
        <source>Check the &amp;passport…</source>
        <translation>&amp;Паспортты тексеру…</translation>
    </message>
    <message>
        <source>&amp;Medical examination…</source>
        <translation>&amp;Медициналық куәландыру…</translation>
    </message>
    <message>
        <source>&amp;Housing agreement…</source>
        <translation>&amp;Тұрғын үй шарты…</translation>
    </message>
    <message>
        <source>State &amp;duty…</source>
        <translation>Мемлекеттік &amp;баж…</translation>
    </message>
    <message>
        <source>D&amp;ocuments…</source>
        <translation>&amp;Құжаттар…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Шығу</translation>
    </message>
    <message>
        <source>&amp;Print the application…</source>
        <translation>&amp;Өтінішті басып шығару…</translation>
    </message>
    <message>
        <source>Print the &amp;receipt…</source>
        <translation>Түбі&amp;ртекті басып шығару…</translation>
    </message>
    <message>
        <source>Back to the &amp;list</source>
        <translation>Тізімге &amp;оралу</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Пернелер тіркесімдері</translation>
    </message>
    <message>
        <source>&amp;About DNR Workstation</source>
        <translation>DNR Workstation &amp;туралы</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Жұмыс орны</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Іс</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>жүйеге кірмеген</translation>
    </message>
    <message>
        <source>Desk {id} · {city} · {who}</source>
        <translation>Жұмыс орны {id} · {city} · {who}</translation>
    </message>
    <message>
        <source>all cities</source>
        <translation>барлық қалалар</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Көрсеткіштер тақтасы</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>&amp;Істер</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Есептер</translation>
    </message>
    <message>
        <source>Supervisor &amp;dashboard</source>
        <translation>Басшының &amp;көрсеткіштер тақтасы</translation>
    </message>
    <message>
        <source>Export the report as &amp;PDF…</source>
        <translation>Есепті &amp;PDF-ке экспорттау…</translation>
    </message>
    <message>
        <source>Export the report as &amp;CSV…</source>
        <translation>Есепті &amp;CSV-ге экспорттау…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>DNR Workstation will open in {language} the next time it starts.</source>
        <translation>DNR Workstation келесі рет іске қосылғанда мына тілде ашылады: {language}.</translation>
    </message>
    <message>
        <source>Submit the application</source>
        <translation>Өтінішті жіберу</translation>
    </message>
    <message>
        <source>Submit the printed application of {name} to the migration service? It decides by {due} (3 working days).</source>
        <translation>Басылған өтінішті көші-қон қызметіне жіберу керек пе? Өтініш беруші: {name}. Шешім мерзімі: {due} (3 жұмыс күні).</translation>
    </message>
    <message>
        <source>Not submitted</source>
        <translation>Жіберілмеді</translation>
    </message>
    <message>
        <source>&amp;Submit to the migration service…</source>
        <translation>Көші-қон қызметіне &amp;жіберу…</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Қарау кезегі</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Барлық істер</translation>
    </message>
    <message>
        <source>&amp;Review queue</source>
        <translation>Қарау к&amp;езегі</translation>
    </message>
    <message>
        <source>&amp;Decide…</source>
        <translation>&amp;Шешім қабылдау…</translation>
    </message>
    <message>
        <source>View the &amp;printed application…</source>
        <translation>Басылған &amp;өтінішті қарау…</translation>
    </message>
    <message>
        <source>Scanner settings</source>
        <translation>Сканер баптаулары</translation>
    </message>
</context>
<context>
    <name>MedicalForm</name>
    <message>
        <source>Medical examination</source>
        <translation>Медициналық куәландыру</translation>
    </message>
    <message>
        <source>Copy the certificate (form 028/u). It must be dated after the entry on {entry} and be at most {days} days old when the application is submitted.</source>
        <translation>Анықтама деректерін көшіріп енгізіңіз (028/е нысаны). Анықтама кіру күнінен ({entry}) кейін берілген болуы және өтініш берілген кезде {days} күннен аспауы тиіс.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Жарамды</translation>
    </message>
    <message>
        <source>Not fit</source>
        <translation>Жарамсыз</translation>
    </message>
    <message>
        <source>Required for “not fit”: what the doctor wrote</source>
        <translation>«Жарамсыз» болса, міндетті: дәрігердің жазғаны</translation>
    </message>
    <message>
        <source>Certificate &amp;number:</source>
        <translation>Анықтама &amp;нөмірі:</translation>
    </message>
    <message>
        <source>&amp;Issue date:</source>
        <translation>&amp;Берілген күні:</translation>
    </message>
    <message>
        <source>Medical &amp;organisation:</source>
        <translation>Медициналық &amp;ұйым:</translation>
    </message>
    <message>
        <source>&amp;Doctor:</source>
        <translation>&amp;Дәрігер:</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>Нә&amp;тиже:</translation>
    </message>
    <message>
        <source>Re&amp;marks:</source>
        <translation>&amp;Ескертпелер:</translation>
    </message>
    <message>
        <source>A “not fit” result is recorded, but it blocks the submission.</source>
        <translation>«Жарамсыз» нәтижесі тіркеледі, бірақ ол өтінішті беруге кедергі болады.</translation>
    </message>
    <message>
        <source>fit</source>
        <translation>жарамды</translation>
    </message>
    <message>
        <source>not fit</source>
        <translation>жарамсыз</translation>
    </message>
    <message>
        <source>No. {number} of {date}, {result}</source>
        <translation>№ {number}, {date}, {result}</translation>
    </message>
</context>
<context>
    <name>PassportForm</name>
    <message>
        <source>Passport check</source>
        <translation>Паспортты тексеру</translation>
    </message>
    <message>
        <source>Read the passport in the reader, or type both MRZ lines (44 characters each). The desk compares it with the approved case: {number}, {nationality}, born {birth}, valid until {expiry}.</source>
        <translation>Паспортты оқу құрылғысында оқыңыз немесе машинамен оқылатын аймақтың (MRZ) екі жолын да енгізіңіз (әрқайсысы 44 таңба). Жұмыс орны оны мақұлданған іспен салыстырады: {number}, {nationality}, туған күні {birth}, жарамдылық мерзімі {expiry}.</translation>
    </message>
    <message>
        <source>&amp;MRZ:</source>
        <translation>&amp;MRZ:</translation>
    </message>
    <message>
        <source>Passport {number}, valid until {expiry}: matches the case</source>
        <translation>Паспорт {number}, жарамдылық мерзімі {expiry}: іспен сәйкес келеді</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Preparing the document…</source>
        <translation>Құжат дайындалуда…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Басып шығару…</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>Басып шығару (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>PDF &amp;сақтау…</translation>
    </message>
    <message>
        <source>Save as a PDF file (Ctrl+S)</source>
        <translation>PDF файлы ретінде сақтау (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Application — {case}</source>
        <translation>Өтініш — {case}</translation>
    </message>
    <message>
        <source>Receipt — {case}</source>
        <translation>Түбіртек — {case}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s). Check the form, then print it.</source>
        <translation>
            <numerusform>Бет саны: %n. Нысанды тексеріп, басып шығарыңыз.</numerusform>
            <numerusform>Бет саны: %n. Нысанды тексеріп, басып шығарыңыз.</numerusform>
        </translation>
    </message>
    <message>
        <source>This application cannot be printed yet</source>
        <translation>Бұл өтінішті әзірге басып шығаруға болмайды</translation>
    </message>
    <message>
        <source>The receipt cannot be printed yet</source>
        <translation>Түбіртекті әзірге басып шығаруға болмайды</translation>
    </message>
    <message>
        <source>&amp;Receipt</source>
        <translation>&amp;Түбіртек</translation>
    </message>
    <message>
        <source>&amp;Application</source>
        <translation>&amp;Өтініш</translation>
    </message>
    <message>
        <source>Show the applicant&apos;s receipt (Ctrl+R)</source>
        <translation>Өтініш берушінің түбіртегін көрсету (Ctrl+R)</translation>
    </message>
    <message>
        <source>Back to the application (Ctrl+R)</source>
        <translation>Өтінішке оралу (Ctrl+R)</translation>
    </message>
    <message>
        <source>The printer could not be opened. Check it and retry.</source>
        <translation>Принтерді ашу мүмкін болмады. Оны тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>PDF сақтау</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF құжаттары (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Сақталмады: {reason}</translation>
    </message>
    <message>
        <source>Receipt printed. Hand it to the applicant.</source>
        <translation>Түбіртек басылды. Оны өтініш берушіге беріңіз.</translation>
    </message>
    <message>
        <source>Printed at {time} and recorded on the case. Next: the receipt.</source>
        <translation>Басылды (уақыты: {time}) және іске тіркелді. Келесі: түбіртек.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>Қайда қ&amp;арау:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Файлдар &amp;түрі:</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>Not applied, not sent</source>
        <translation>Қолданылмады, жіберілмеді</translation>
    </message>
    <message>
        <source>What this desk did not take from central: approvals and events whose signatures do not check out, and rows it cannot read. None of them was applied; an approval here opened no case. Report approvals to the migration service with the approval number (a re-issued, correctly signed approval arrives with a normal sync), and the rest to the administrator. Events of this desk that central refused are listed too: they stay recorded here and are not sent again until the administrator has looked at them.</source>
        <translation>Осы жұмыс орны орталық дерекқордан қабылдамағандар: қолтаңбалары расталмаған мақұлдаулар мен оқиғалар және ол оқи алмайтын жолдар. Олардың ешқайсысы қолданылған жоқ; осы тізімдегі мақұлдау бойынша іс ашылмады. Мақұлдаулар туралы мақұлдау нөмірін көрсетіп көші-қон қызметіне хабарлаңыз (қайта берілген, дұрыс қол қойылған мақұлдау кәдімгі синхрондау кезінде келеді), ал қалғаны туралы әкімшіге хабарлаңыз. Орталық дерекқор қабылдамаған осы жұмыс орнының оқиғалары да осында көрсетіледі: олар осында жазылған күйінде қалады және әкімші қарағанша қайта жіберілмейді.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Мақұлдау</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Мақұлданған күні</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <source>Central refused this desk&apos;s event: {reason}</source>
        <translation>Орталық дерекқор осы жұмыс орнының оқиғасын қабылдамады: {reason}</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>overdue by %n day(s)</source>
        <translation>%n күнге кешікті</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>мерзімі бүгін</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Days left</source>
        <translation>Қалған күндер</translation>
    </message>
    <message>
        <source>Decide by</source>
        <translation>Шешім мерзімі</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Өтініш беруші</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Азаматтығы</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Working days left to decide (working calendar)</source>
        <translation>Шешім қабылдауға қалған жұмыс күндері (өндірістік күнтізбе бойынша)</translation>
    </message>
    <message>
        <source>{case} · IIN {iin} · {passport}</source>
        <translation>{case} · ЖСН {iin} · {passport}</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePanel</name>
    <message numerus="yes">
        <source>%n application(s) waiting for a decision</source>
        <translation>
            <numerusform>Шешім күтіп тұрған өтініштер: %n</numerusform>
            <numerusform>Шешім күтіп тұрған өтініштер: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No applications waiting for a decision.</source>
        <translation>Шешім күтіп тұрған өтініштер жоқ.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Қате орын алды</translation>
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
        <translation>Тіркелген уақыты</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кім тіркеді</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Мазмұны</translation>
    </message>
    <message>
        <source>History of this step</source>
        <translation>Осы қадамның тарихы</translation>
    </message>
    <message>
        <source>superseded: {what}</source>
        <translation>ауыстырылды: {what}</translation>
    </message>
    <message>
        <source>Type the date as day.month.year, e.g. 05.11.2026.</source>
        <translation>Күнді күн.ай.жыл түрінде енгізіңіз, мысалы: 05.11.2026.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Сақталуда…</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Not synced yet</source>
        <translation>Әлі синхрондалмаған</translation>
    </message>
    <message>
        <source>No central database</source>
        <translation>Орталық дерекқор жоқ</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Қосылуда…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Байланыс бар</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Байланыс жоқ</translation>
    </message>
    <message>
        <source>Central refused</source>
        <translation>Орталық қабылдамады</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Синхрондау сәтсіз</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) to send</source>
        <translation>
            <numerusform>Жіберілетін оқиғалар: %n</numerusform>
            <numerusform>Жіберілетін оқиғалар: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send</source>
        <translation>Жіберетін ештеңе жоқ</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n approval(s) refused: signature</source>
        <translation>
            <numerusform>⚠ %n мақұлдау қабылданбады: қолтаңба</numerusform>
            <numerusform>⚠ %n мақұлдау қабылданбады: қолтаңба</numerusform>
        </translation>
    </message>
    <message>
        <source>Approvals whose signatures do not check out were not applied. Show them.</source>
        <translation>Қолтаңбасы расталмаған мақұлдаулар қолданылмады. Оларды көрсету.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n pulled item(s) not applied</source>
        <translation>
            <numerusform>⚠ Алынған %n жазба қолданылмады</numerusform>
            <numerusform>⚠ Алынған %n жазба қолданылмады</numerusform>
        </translation>
    </message>
    <message>
        <source>Events from central whose signatures do not check out, or rows this desk cannot read, were not applied. Show them.</source>
        <translation>Орталық дерекқордан келген, қолтаңбасы расталмаған оқиғалар немесе осы жұмыс орны оқи алмайтын жолдар қолданылмады. Оларды көрсету.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n event(s) missing from central</source>
        <translation>
            <numerusform>⚠ Орталық дерекқорда %n оқиға жоқ</numerusform>
            <numerusform>⚠ Орталық дерекқорда %n оқиға жоқ</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} event(s) this desk sent were never returned by central</source>
        <translation>Осы жұмыс орны жіберген, бірақ орталық дерекқор қайтармаған оқиғалар: {count}</translation>
    </message>
    <message>
        <source>{desk}: events {first} to {last} not received</source>
        <translation>{desk}: {first}–{last} аралығындағы оқиғалар алынбады</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>Соңғы синхрондау: {time}</translation>
    </message>
    <message>
        <source>{date} {time}: {summary}</source>
        <translation>{date} {time}: {summary}</translation>
    </message>
    <message numerus="yes">
        <source>Receiving… %n event(s)</source>
        <translation>
            <numerusform>Қабылдануда… %n оқиға</numerusform>
            <numerusform>Қабылдануда… %n оқиға</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending… %n event(s)</source>
        <translation>
            <numerusform>Жіберілуде… %n оқиға</numerusform>
            <numerusform>Жіберілуде… %n оқиға</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхрондалуда…</translation>
    </message>
    <message>
        <source>Sent {pushed}, received {pulled}: {applied} applied, {refused} refused</source>
        <translation>Жіберілді: {pushed}, алынды: {pulled} (қолданылды: {applied}, қабылданбады: {refused})</translation>
    </message>
    <message>
        <source>already at central: {n}</source>
        <translation>орталық дерекқорда бұрыннан бар: {n}</translation>
    </message>
    <message>
        <source>already on this desk: {n}</source>
        <translation>осы жұмыс орнында бұрыннан бар: {n}</translation>
    </message>
    <message>
        <source>cases re-applied in central order: {n}</source>
        <translation>орталық дерекқор ретімен қайта қолданылған істер: {n}</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Days left</source>
        <translation>Қалған күндер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Citizenship</source>
        <translation>Азаматтығы</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Approved {approval}; entry allowed until {end}</source>
        <translation>Мақұлданды: {approval}; кіруге рұқсат етілген соңғы күн: {end}</translation>
    </message>
    <message>
        <source>Entered Kazakhstan on {date}</source>
        <translation>Қазақстанға кірген күні: {date}</translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message>
        <source>Search: IIN, passport number, surname or given name (Latin or Cyrillic)</source>
        <translation>Іздеу: ЖСН, паспорт нөмірі, тегі немесе аты (латын не кирилл әрпімен)</translation>
    </message>
    <message>
        <source>No case matches. Check the spelling or the number, choose “All cases” in Status, or sync (F5) to pull new approvals.</source>
        <translation>Сәйкес іс табылмады. Жазылуын немесе нөмірді тексеріңіз, «Күйі» өрісінде «Барлық істер» тармағын таңдаңыз немесе жаңа мақұлдауларды алу үшін синхрондаңыз (F5).</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Күйі:</translation>
    </message>
    <message>
        <source>&amp;Days left:</source>
        <translation>&amp;Қалған күндер:</translation>
    </message>
    <message>
        <source>more than {n} cases</source>
        <translation>{n} іс және одан да көп</translation>
    </message>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln іс</numerusform>
            <numerusform>%Ln іс</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>view cases</source>
        <translation>істерді қарау</translation>
    </message>
    <message>
        <source>record an arrival</source>
        <translation>келуді тіркеу</translation>
    </message>
    <message>
        <source>record a step (medical exam, housing, state duty, documents)</source>
        <translation>қадамды тіркеу (медициналық куәландыру, тұрғын үй, мемлекеттік баж, құжаттар)</translation>
    </message>
    <message>
        <source>capture fingerprints</source>
        <translation>саусақ іздерін алу</translation>
    </message>
    <message>
        <source>view fingerprints</source>
        <translation>саусақ іздерін қарау</translation>
    </message>
    <message>
        <source>print an application</source>
        <translation>өтінішті басып шығару</translation>
    </message>
    <message>
        <source>submit an application</source>
        <translation>өтінішті жіберу</translation>
    </message>
    <message>
        <source>review an application</source>
        <translation>өтінішті қарау</translation>
    </message>
    <message>
        <source>decide on an application</source>
        <translation>өтініш бойынша шешім қабылдау</translation>
    </message>
    <message>
        <source>view and print reports</source>
        <translation>есептерді қарау және басып шығару</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>аудит журналын қарау</translation>
    </message>
    <message>
        <source>change the workstation set-up (trust store, central connection)</source>
        <translation>жұмыс орнының баптауларын өзгерту (сенімді сертификаттар қоймасы, орталық дерекқорға қосылым)</translation>
    </message>
    <message>
        <source>manage staff records</source>
        <translation>қызметкерлер тізілімін басқару</translation>
    </message>
    <message>
        <source>synchronise the desk with central</source>
        <translation>жұмыс орнын орталық дерекқормен синхрондау</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} немесе {second}</translation>
    </message>
    <message>
        <source>As {role} you may not {action}. Ask {who} to do it.</source>
        <translation>Сіздің рөліңіз: {role}. Бұл рөлге мына әрекетке рұқсат жоқ: {action}. Бұл әрекетті орындай алатын рөл: {who}.</translation>
    </message>
    <message>
        <source>As {role} you may not {action}. No role may do this.</source>
        <translation>Сіздің рөліңіз: {role}. Бұл рөлге мына әрекетке рұқсат жоқ: {action}. Бұл әрекетке ешбір рөлдің рұқсаты жоқ.</translation>
    </message>
    <message>
        <source>a clerk</source>
        <translation>ХҚКО операторы</translation>
    </message>
    <message>
        <source>a migration officer</source>
        <translation>көші-қон қызметінің қызметкері</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>басшы</translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation>әкімші</translation>
    </message>
    <message>
        <source>{name} has no staff role on this desk and may not {action}. Log in with your EDS key.</source>
        <translation>Пайдаланушы: {name}. Оның осы жұмыс орнында қызметкер рөлі жоқ, сондықтан мына әрекетке рұқсат жоқ: {action}. ЭЦҚ кілтіңізбен жүйеге кіріңіз.</translation>
    </message>
    <message>
        <source>This user has no staff role on this desk and may not {action}. Log in with your EDS key.</source>
        <translation>Бұл пайдаланушының осы жұмыс орнында қызметкер рөлі жоқ, сондықтан мына әрекетке рұқсат жоқ: {action}. ЭЦҚ кілтіңізбен жүйеге кіріңіз.</translation>
    </message>
</context>
<context>
    <name>checklist</name>
    <message>
        <source>Arrival in Kazakhstan</source>
        <translation>Қазақстанға келу</translation>
    </message>
    <message>
        <source>Passport check</source>
        <translation>Паспортты тексеру</translation>
    </message>
    <message>
        <source>Medical examination (form 028/u)</source>
        <translation>Медициналық куәландыру (028/е нысаны)</translation>
    </message>
    <message>
        <source>Fingerprints</source>
        <translation>Саусақ іздері</translation>
    </message>
    <message>
        <source>Housing agreement</source>
        <translation>Тұрғын үй шарты</translation>
    </message>
    <message>
        <source>State duty: residence permit</source>
        <translation>Мемлекеттік баж: ықтиярхат</translation>
    </message>
    <message>
        <source>State duty: residence card</source>
        <translation>Мемлекеттік баж: ықтиярхат картасы</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Құжаттар</translation>
    </message>
    <message>
        <source>Not fit for residence: this blocks the submission.</source>
        <translation>Нәтижесі «жарамсыз»: бұл өтінішті беруге кедергі болады.</translation>
    </message>
    <message>
        <source>Certificate {number}</source>
        <translation>Анықтама № {number}</translation>
    </message>
    <message>
        <source>Missing: {names}.</source>
        <translation>Жоқ: {names}.</translation>
    </message>
    <message>
        <source>The record is incomplete ({problem}). Record the step again.</source>
        <translation>Жазба толық емес ({problem}). Қадамды қайта тіркеңіз.</translation>
    </message>
    <message>
        <source>Not required: the applicant is under {age}.</source>
        <translation>Қажет емес: өтініш беруші {age} жасқа толмаған.</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>Approved</source>
        <translation>Мақұлданды</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Келді</translation>
    </message>
    <message>
        <source>Annulled</source>
        <translation>Күші жойылды</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Өтініш берілді</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ықтиярхат берілді</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Бас тартылды</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Шешім қабылданды</translation>
    </message>
    <message>
        <source>Cases by stage in the period</source>
        <translation>Кезеңдегі істер (сатылар бойынша)</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Апталар бойынша</translation>
    </message>
    <message>
        <source>IIN {iin}</source>
        <translation>ЖСН {iin}</translation>
    </message>
</context>
<context>
    <name>desk</name>
    <message>
        <source>No case {case} on this desk. Check the id, or sync to pull it.</source>
        <translation>Осы жұмыс орнында мұндай іс жоқ: {case}. Идентификаторды тексеріңіз немесе істі алу үшін синхрондаңыз.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>From the search box into the list</source>
        <translation>Іздеу өрісінен тізімге өту</translation>
    </message>
    <message>
        <source>Open the highlighted case</source>
        <translation>Белгіленген істі ашу</translation>
    </message>
    <message>
        <source>Back to the search box</source>
        <translation>Іздеу өрісіне оралу</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Пернелер тіркесімдері</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>Passport copy</source>
        <translation>Паспорт көшірмесі</translation>
    </message>
    <message>
        <source>Police clearance</source>
        <translation>Соттылығы жоқ екені туралы анықтама</translation>
    </message>
    <message>
        <source>Proof of residence</source>
        <translation>Тұрғын үйге құқық беретін құжат</translation>
    </message>
    <message>
        <source>Medical certificate 028/u</source>
        <translation>028/е нысанды медициналық анықтама</translation>
    </message>
    <message>
        <source>Photo 35×45 mm</source>
        <translation>Фотосурет 35×45 мм</translation>
    </message>
    <message>
        <source>State duty receipt</source>
        <translation>Мемлекеттік баж түбіртегі</translation>
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
        <translation>Бұл дерекқор рөлі орталық дерекқорда жұмыс орны ретінде тіркелмеген: әкімшіге жүгініңіз.</translation>
    </message>
    <message>
        <source>Central takes a batch of 1 to {limit} items as a list; this one is not.</source>
        <translation>Орталық дерекқор топтаманы тізім түрінде қабылдайды, элементтер саны 1 мен {limit} аралығында болуы тиіс; бұл топтама бұл талапқа сай емес.</translation>
    </message>
    <message>
        <source>Event {event}: {field} is missing or malformed.</source>
        <translation>{event} оқиғасы: {field} өрісі жоқ немесе пішімі қате.</translation>
    </message>
    <message>
        <source>Event {event}: type {type} is unknown to central&apos;s schema.</source>
        <translation>{event} оқиғасы: {type} түрі орталық дерекқордың сұлбасына белгісіз.</translation>
    </message>
    <message>
        <source>Event {event}: a desk cannot send {type}; approvals come from the migration service.</source>
        <translation>{event} оқиғасы: жұмыс орны {type} түріндегі оқиғаны жібере алмайды; мақұлдаулар көші-қон қызметінен келеді.</translation>
    </message>
    <message>
        <source>Event {event}: the payload is not a JSON object.</source>
        <translation>{event} оқиғасы: мазмұны (payload) JSON объектісі емес.</translation>
    </message>
    <message>
        <source>Event {event}: the payload is larger than {limit} bytes.</source>
        <translation>{event} оқиғасы: мазмұны (payload) {limit} байттан үлкен.</translation>
    </message>
    <message>
        <source>Event {event}: {field} is not a canonical UTC instant (YYYY-MM-DDTHH:MM:SS.ffffffZ).</source>
        <translation>{event} оқиғасы: {field} мәні канондық түрдегі UTC уақыт сәті емес (YYYY-MM-DDTHH:MM:SS.ffffffZ).</translation>
    </message>
    <message>
        <source>Event {event}: the signature is not bytes of at most {limit}.</source>
        <translation>{event} оқиғасы: қолтаңба ұзындығы {limit} байттан аспайтын байттар тізбегі емес.</translation>
    </message>
    <message>
        <source>Event {event}: the workstation&apos;s number is not a whole number from 1.</source>
        <translation>{event} оқиғасы: жұмыс орны берген реттік нөмір 1 немесе одан үлкен бүтін сан емес.</translation>
    </message>
    <message>
        <source>Event {event}: workstation {workstation} already gave number {number} to another event.</source>
        <translation>{event} оқиғасы: {workstation} жұмыс орны {number} нөмірін басқа оқиғаға бұрын берген.</translation>
    </message>
    <message>
        <source>Event {event} names workstation {given}, but this desk is {bound}.</source>
        <translation>{event} оқиғасында {given} жұмыс орны көрсетілген, бірақ бұл жұмыс орны — {bound}.</translation>
    </message>
    <message>
        <source>Event {event} is addressed to {given}; this desk&apos;s branch is in {bound}.</source>
        <translation>{event} оқиғасы {given} қаласына тиесілі; бұл жұмыс орнының филиалы {bound} қаласында орналасқан.</translation>
    </message>
    <message>
        <source>Event {event}: central holds no approved arrival for case {case}.</source>
        <translation>{event} оқиғасы: орталық дерекқорда {case} ісі бойынша мақұлданған келу жоқ.</translation>
    </message>
    <message>
        <source>Event {event}: central holds case {case} under the city {held}, not {given}.</source>
        <translation>{event} оқиғасы: орталық дерекқорда {case} ісі {given} емес, {held} қаласына тиесілі.</translation>
    </message>
    <message>
        <source>Event {event}: central already holds another event with this id; nothing of the batch was stored.</source>
        <translation>{event} оқиғасы: орталық дерекқорда осындай идентификаторы бар басқа оқиға бұрыннан бар; топтамадан ештеңе сақталмады.</translation>
    </message>
    <message>
        <source>This desk&apos;s branch is in {bound}; it cannot read the events of {given}.</source>
        <translation>Бұл жұмыс орнының филиалы {bound} қаласында орналасқан; ол {given} қаласының оқиғаларын оқи алмайды.</translation>
    </message>
    <message>
        <source>Certificate {number} of the batch is not a DER X.509 certificate.</source>
        <translation>Топтамадағы № {number} сертификат DER пішіміндегі X.509 сертификаты емес.</translation>
    </message>
    <message>
        <source>Audit entry {seq}: {field} is missing or malformed.</source>
        <translation>Аудит журналының {seq} жазбасы: {field} өрісі жоқ немесе пішімі қате.</translation>
    </message>
    <message>
        <source>Audit entry {seq} names workstation {given}, but this desk is {bound}.</source>
        <translation>Аудит журналының {seq} жазбасында {given} жұмыс орны көрсетілген, бірақ бұл жұмыс орны — {bound}.</translation>
    </message>
    <message>
        <source>Audit entry {seq} does not extend the chain central holds for {workstation} (central expects entry {expected} after hash {prev}).</source>
        <translation>Аудит журналының {seq} жазбасы орталық дерекқордағы {workstation} жұмыс орнының тізбегін жалғастырмайды (орталық дерекқор {prev} хэшінен кейін {expected} жазбасын күтеді).</translation>
    </message>
    <message>
        <source>Audit entry {seq} differs from the one central already holds.</source>
        <translation>Аудит журналының {seq} жазбасы орталық дерекқорда бұрыннан бар жазбадан өзгеше.</translation>
    </message>
</context>
<context>
    <name>finger_tiles</name>
    <message>
        <source>Quality — / {t}</source>
        <translation>Сапасы — / {t}</translation>
    </message>
    <message>
        <source>Quality {q} / {t} · imported</source>
        <translation>Сапасы {q} / {t} · файлдан</translation>
    </message>
    <message>
        <source>Quality {q} / {t}</source>
        <translation>Сапасы {q} / {t}</translation>
    </message>
    <message>
        <source>Tries {n} of {max}</source>
        <translation>Әрекет: {n}/{max}</translation>
    </message>
    <message>
        <source>{finger}: {state}</source>
        <translation>{finger}: {state}</translation>
    </message>
    <message>
        <source>Prints (best try of each finger)</source>
        <translation>Саусақ іздері (әр саусақтың ең жақсы әрекеті)</translation>
    </message>
    <message>
        <source>Live preview appears during capture</source>
        <translation>Алу кезінде мұнда тікелей көрініс шығады</translation>
    </message>
</context>
<context>
    <name>fingerprint_device</name>
    <message>
        <source>DNR_SBI_PORTS is &quot;{text}&quot;; write a port range like 4501-4600.</source>
        <translation>DNR_SBI_PORTS мәні: «{text}»; порттар ауқымын 4501-4600 түрінде жазыңыз.</translation>
    </message>
    <message>
        <source>DNR_SBI_PORTS &quot;{text}&quot; is not a valid port range.</source>
        <translation>DNR_SBI_PORTS мәні («{text}») жарамды порттар ауқымы емес.</translation>
    </message>
    <message>
        <source>DNR_SBI_CA: cannot read {path} ({reason}).</source>
        <translation>DNR_SBI_CA: {path} файлын оқу мүмкін болмады ({reason}).</translation>
    </message>
    <message>
        <source>DNR_SBI_CA: {path} is not a PEM certificate.</source>
        <translation>DNR_SBI_CA: {path} файлы PEM сертификаты емес.</translation>
    </message>
</context>
<context>
    <name>fingerprint_exception</name>
    <message>
        <source>Amputated (finger missing)</source>
        <translation>Ампутацияланған (саусақ жоқ)</translation>
    </message>
    <message>
        <source>Injured</source>
        <translation>Жарақаттанған</translation>
    </message>
    <message>
        <source>Bandaged or in a cast</source>
        <translation>Таңылған немесе гипсте</translation>
    </message>
    <message>
        <source>Other (describe in the note)</source>
        <translation>Басқа (түсініктемеде сипаттаңыз)</translation>
    </message>
</context>
<context>
    <name>fingerprints</name>
    <message>
        <source>amputated</source>
        <translation>ампутацияланған</translation>
    </message>
    <message>
        <source>injured</source>
        <translation>жарақаттанған</translation>
    </message>
    <message>
        <source>bandaged</source>
        <translation>таңылған</translation>
    </message>
    <message>
        <source>other</source>
        <translation>басқа</translation>
    </message>
    <message>
        <source>{finger}: all {tries} tries are used. Keep the best print and record an exception reason.</source>
        <translation>{finger}: барлық {tries} әрекет пайдаланылды. Ең жақсы ізді сақтап, ерекше жағдай себебін тіркеңіз.</translation>
    </message>
    <message>
        <source>Describe the reason in the note when choosing &quot;Other&quot;.</source>
        <translation>«Басқа» таңдалса, себебін түсініктемеде сипаттаңыз.</translation>
    </message>
    <message>
        <source>Fingerprinting is not required: the applicant is {age}, under {minimum}.</source>
        <translation>Дактилоскопия қажет емес: өтініш берушінің жасы — {age}, яғни {minimum} жасқа толмаған.</translation>
    </message>
    <message>
        <source>Fingerprinting is required: the applicant is {age} ({minimum} or over).</source>
        <translation>Дактилоскопия қажет: өтініш берушінің жасы — {age} ({minimum} немесе одан жоғары).</translation>
    </message>
    <message>
        <source>{finger} has an exception recorded; remove it before capturing.</source>
        <translation>{finger}: ерекше жағдай тіркелген; алу алдында оны жойыңыз.</translation>
    </message>
    <message>
        <source>{finger} already has a print of quality {quality}; no exception is needed.</source>
        <translation>{finger}: сапасы {quality} із бұрыннан бар; ерекше жағдай қажет емес.</translation>
    </message>
    <message>
        <source>Try {finger} {max} times before recording &quot;{reason}&quot; ({tries} of {max} done).</source>
        <translation>{finger}: «{reason}» себебін тіркемес бұрын саусақты {max} рет алып көріңіз (орындалғаны: {tries}/{max}).</translation>
    </message>
    <message>
        <source>Device not registered</source>
        <translation>Құрылғы тіркелмеген</translation>
    </message>
    <message>
        <source>Unable to detect a biometric object</source>
        <translation>Биометриялық объектіні анықтау мүмкін емес</translation>
    </message>
    <message>
        <source>Technical error during extraction</source>
        <translation>Деректерді алу кезіндегі техникалық қате</translation>
    </message>
    <message>
        <source>Device tamper detected</source>
        <translation>Құрылғыға рұқсатсыз араласу анықталды</translation>
    </message>
    <message>
        <source>Unable to connect to the management server</source>
        <translation>Басқару серверіне қосылу мүмкін емес</translation>
    </message>
    <message>
        <source>Image orientation error</source>
        <translation>Сурет бағдарының қатесі</translation>
    </message>
    <message>
        <source>Device not found</source>
        <translation>Құрылғы табылмады</translation>
    </message>
    <message>
        <source>Device public key expired</source>
        <translation>Құрылғының ашық кілтінің мерзімі өтті</translation>
    </message>
    <message>
        <source>Domain public key missing</source>
        <translation>Доменнің ашық кілті жоқ</translation>
    </message>
    <message>
        <source>Requested number of fingers not supported</source>
        <translation>Сұралған саусақтар санына қолдау көрсетілмейді</translation>
    </message>
    <message>
        <source>Device is not ready</source>
        <translation>Құрылғы дайын емес</translation>
    </message>
    <message>
        <source>Device is busy</source>
        <translation>Құрылғы бос емес</translation>
    </message>
    <message>
        <source>Invalid transaction ID</source>
        <translation>Транзакция идентификаторы жарамсыз</translation>
    </message>
    <message>
        <source>Left IndexFinger</source>
        <translation>Сол сұқ саусақ</translation>
    </message>
    <message>
        <source>Left MiddleFinger</source>
        <translation>Сол ортан саусақ</translation>
    </message>
    <message>
        <source>Left RingFinger</source>
        <translation>Сол аты жоқ саусақ</translation>
    </message>
    <message>
        <source>Left LittleFinger</source>
        <translation>Сол шынашақ</translation>
    </message>
    <message>
        <source>Right IndexFinger</source>
        <translation>Оң сұқ саусақ</translation>
    </message>
    <message>
        <source>Right MiddleFinger</source>
        <translation>Оң ортан саусақ</translation>
    </message>
    <message>
        <source>Right RingFinger</source>
        <translation>Оң аты жоқ саусақ</translation>
    </message>
    <message>
        <source>Right LittleFinger</source>
        <translation>Оң шынашақ</translation>
    </message>
    <message>
        <source>Left Thumb</source>
        <translation>Сол бас бармақ</translation>
    </message>
    <message>
        <source>Right Thumb</source>
        <translation>Оң бас бармақ</translation>
    </message>
    <message>
        <source>No fingerprint scanner found on ports {first}-{last}. Check the scanner is plugged in and its device service is running, then search again.</source>
        <translation>{first}-{last} порттарында саусақ ізі сканері табылмады. Сканердің жалғанғанын және оның құрылғы қызметі жұмыс істеп тұрғанын тексеріп, қайта іздеңіз.</translation>
    </message>
    <message>
        <source>No fingerprint scanner found. Check the scanner is plugged in and its device service is running, then search again.</source>
        <translation>Саусақ ізі сканері табылмады. Сканердің жалғанғанын және оның құрылғы қызметі жұмыс істеп тұрғанын тексеріп, қайта іздеңіз.</translation>
    </message>
    <message>
        <source>The fingerprint scanner is busy with another capture. Wait a moment and try again.</source>
        <translation>Саусақ ізі сканері қазір басқа алу әрекетін орындап жатыр. Біраз күтіп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The fingerprint scanner did not answer within {seconds} s. Ask the applicant to lift and place the fingers again, then retry; restart the scanner if it repeats.</source>
        <translation>Саусақ ізі сканері {seconds} с ішінде жауап бермеді. Өтініш берушіден саусақтарын көтеріп, қайта қоюын сұраңыз, содан кейін қайталаңыз; бұл қайталанса, сканерді қайта іске қосыңыз.</translation>
    </message>
    <message>
        <source>Capture cancelled.</source>
        <translation>Алу болдырылмады.</translation>
    </message>
    <message>
        <source>wrong transaction id</source>
        <translation>транзакция идентификаторы қате</translation>
    </message>
    <message>
        <source>timestamp outside 5 minutes of this computer&apos;s clock</source>
        <translation>уақыт белгісі осы компьютердің сағатынан 5 минуттан артық ауытқиды</translation>
    </message>
    <message>
        <source>bad signature</source>
        <translation>қолтаңба жарамсыз</translation>
    </message>
    <message>
        <source>device certificate not issued by the trusted device CA</source>
        <translation>құрылғы сертификатын құрылғылардың сенімді CA орталығы бермеген</translation>
    </message>
    <message>
        <source>hash chain broken</source>
        <translation>хэш тізбегі бұзылған</translation>
    </message>
    <message>
        <source>malformed response</source>
        <translation>жауаптың пішімі қате</translation>
    </message>
    <message>
        <source>unsupported spec version</source>
        <translation>спецификация нұсқасына қолдау көрсетілмейді</translation>
    </message>
    <message>
        <source>unsupported image format</source>
        <translation>сурет пішіміне қолдау көрсетілмейді</translation>
    </message>
    <message>
        <source>The fingerprint scanner sent an answer that cannot be accepted: {problem} ({detail}). Capture again; if it repeats, call the administrator.</source>
        <translation>Саусақ ізі сканері қабылдауға болмайтын жауап жіберді: {problem} ({detail}). Қайта алыңыз; бұл қайталанса, әкімшіге хабарласыңыз.</translation>
    </message>
    <message>
        <source>The fingerprint scanner sent an answer that cannot be accepted: {problem}. Capture again; if it repeats, call the administrator.</source>
        <translation>Саусақ ізі сканері қабылдауға болмайтын жауап жіберді: {problem}. Қайта алыңыз; бұл қайталанса, әкімшіге хабарласыңыз.</translation>
    </message>
    <message>
        <source>Device error</source>
        <translation>Құрылғы қатесі</translation>
    </message>
    <message>
        <source>Fingerprint scanner error {code}: {text}.</source>
        <translation>Саусақ ізі сканерінің қатесі {code}: {text}.</translation>
    </message>
    <message>
        <source>{finger} was given twice; keep only the best print.</source>
        <translation>{finger}: із екі рет берілген; тек ең жақсы ізді қалдырыңыз.</translation>
    </message>
    <message>
        <source>{finger} has an empty image.</source>
        <translation>{finger}: сурет бос.</translation>
    </message>
    <message>
        <source>{finger}: describe the reason in the note when choosing &quot;Other&quot;.</source>
        <translation>{finger}: «Басқа» таңдалса, себебін түсініктемеде сипаттаңыз.</translation>
    </message>
    <message>
        <source>{finger} has a print of quality {quality}; remove its exception.</source>
        <translation>{finger}: сапасы {quality} із бар; ерекше жағдайды жойыңыз.</translation>
    </message>
    <message>
        <source>{finger} has no print. Capture it, or record why it cannot be taken.</source>
        <translation>{finger}: із жоқ. Ізді алыңыз немесе оны алу неге мүмкін емес екенін тіркеңіз.</translation>
    </message>
    <message>
        <source>{finger} has quality {quality}, below {threshold}. Try again or record an exception.</source>
        <translation>{finger}: сапасы {quality}, бұл шектен ({threshold}) төмен. Қайталап көріңіз немесе ерекше жағдайды тіркеңіз.</translation>
    </message>
    <message>
        <source>{reason} No prints are stored.</source>
        <translation>{reason} Саусақ іздері сақталмайды.</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Cannot open {file}: {reason}.</source>
        <translation>Файлды ашу мүмкін емес: {file} ({reason}).</translation>
    </message>
    <message>
        <source>{file} is {size} MB; fingerprint images up to {limit} MB are accepted.</source>
        <translation>{file}: көлемі {size} МБ; саусақ ізі суретінің көлемі {limit} МБ-тан аспауы тиіс.</translation>
    </message>
    <message>
        <source>{file} is too large; fingerprint images up to {limit} MB are accepted.</source>
        <translation>{file}: көлемі тым үлкен; саусақ ізі суретінің көлемі {limit} МБ-тан аспауы тиіс.</translation>
    </message>
    <message>
        <source>{file} is not a PNG or JPEG image. Export the fingerprint as PNG and try again.</source>
        <translation>{file}: PNG немесе JPEG суреті емес. Саусақ ізін PNG ретінде экспорттап, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>{file} is {width}x{height} pixels; a fingerprint image must be between {min} and {max} pixels on each side.</source>
        <translation>{file}: өлшемі {width}×{height} пиксель; саусақ ізі суретінің әр жағы {min}–{max} пиксель болуы тиіс.</translation>
    </message>
    <message>
        <source>{file} is damaged and cannot be read as {kind}.</source>
        <translation>{file}: файл бүлінген, оны {kind} ретінде оқу мүмкін емес.</translation>
    </message>
</context>
<context>
    <name>hand_diagram</name>
    <message>
        <source>amputated</source>
        <translation>ампутацияланған</translation>
    </message>
    <message>
        <source>injured</source>
        <translation>жарақаттанған</translation>
    </message>
    <message>
        <source>bandaged</source>
        <translation>таңылған</translation>
    </message>
    <message>
        <source>other</source>
        <translation>басқа</translation>
    </message>
    <message>
        <source>Left index</source>
        <translation>Сол сұқ саусақ</translation>
    </message>
    <message>
        <source>Left middle</source>
        <translation>Сол ортан саусақ</translation>
    </message>
    <message>
        <source>Left ring</source>
        <translation>Сол аты жоқ саусақ</translation>
    </message>
    <message>
        <source>Left little</source>
        <translation>Сол шынашақ</translation>
    </message>
    <message>
        <source>Right index</source>
        <translation>Оң сұқ саусақ</translation>
    </message>
    <message>
        <source>Right middle</source>
        <translation>Оң ортан саусақ</translation>
    </message>
    <message>
        <source>Right ring</source>
        <translation>Оң аты жоқ саусақ</translation>
    </message>
    <message>
        <source>Right little</source>
        <translation>Оң шынашақ</translation>
    </message>
    <message>
        <source>Left thumb</source>
        <translation>Сол бас бармақ</translation>
    </message>
    <message>
        <source>Right thumb</source>
        <translation>Оң бас бармақ</translation>
    </message>
    <message>
        <source>Left slap</source>
        <translation>Сол қол</translation>
    </message>
    <message>
        <source>Right slap</source>
        <translation>Оң қол</translation>
    </message>
    <message>
        <source>Both thumbs</source>
        <translation>Екі бас бармақ</translation>
    </message>
    <message>
        <source>Left slap (four fingers of the left hand)</source>
        <translation>Сол қол (сол қолдың төрт саусағы)</translation>
    </message>
    <message>
        <source>Right slap (four fingers of the right hand)</source>
        <translation>Оң қол (оң қолдың төрт саусағы)</translation>
    </message>
    <message>
        <source>Exception: {reason}: {note}</source>
        <translation>Ерекше жағдай: {reason}: {note}</translation>
    </message>
    <message>
        <source>Exception: {reason}</source>
        <translation>Ерекше жағдай: {reason}</translation>
    </message>
    <message>
        <source>Not captured</source>
        <translation>Алынбаған</translation>
    </message>
    <message>
        <source>Retry (R)</source>
        <translation>Қайталау (R)</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Қабылданды</translation>
    </message>
    <message>
        <source>Exception needed (E)</source>
        <translation>Ерекше жағдай қажет (E)</translation>
    </message>
    <message>
        <source>Exception</source>
        <translation>Ерекше жағдай</translation>
    </message>
    <message>
        <source>Below threshold: retry (R)</source>
        <translation>Шектен төмен: қайталаңыз (R)</translation>
    </message>
    <message>
        <source>No tries left: record exception (E)</source>
        <translation>Әрекет қалмады: ерекше жағдайды тіркеңіз (E)</translation>
    </message>
    <message>
        <source>Click a finger or use ← → to choose it</source>
        <translation>Саусақты таңдау үшін оны басыңыз немесе ← → пернелерін пайдаланыңыз</translation>
    </message>
    <message>
        <source>Hand diagram</source>
        <translation>Қол сызбасы</translation>
    </message>
    <message>
        <source>LEFT</source>
        <translation>СОЛ</translation>
    </message>
    <message>
        <source>RIGHT</source>
        <translation>ОҢ</translation>
    </message>
</context>
<context>
    <name>iin</name>
    <message>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БСН</translation>
    </message>
    <message>
        <source>{kind} is empty; enter the 12 digits.</source>
        <translation>{kind} енгізілмеген; 12 цифрды енгізіңіз.</translation>
    </message>
    <message>
        <source>{kind} may contain only digits 0-9; found {char} at position {position}.</source>
        <translation>{kind} тек 0-9 цифрларынан тұруы тиіс; {position}-позицияда {char} таңбасы бар.</translation>
    </message>
    <message>
        <source>{kind} must be 12 digits; {count} was given.</source>
        <translation>{kind} 12 цифрдан тұруы тиіс; енгізілгені: {count}.</translation>
    </message>
    <message>
        <source>{kind} must be 12 digits; {count} were given.</source>
        <translation>{kind} 12 цифрдан тұруы тиіс; енгізілгені: {count}.</translation>
    </message>
    <message>
        <source>{kind} {value} fails the check digit: this number is never issued.</source>
        <translation>{kind} {value} бақылау цифры бойынша тексеруден өтпеді: мұндай нөмір ешқашан берілмейді.</translation>
    </message>
    <message>
        <source>{kind} check digit is {given} but should be {expected}; check the number for a typing error.</source>
        <translation>{kind}: бақылау цифры {given}, бірақ {expected} болуы тиіс; нөмірде қате терілген таңба жоқ па, тексеріңіз.</translation>
    </message>
    <message>
        <source>IIN digit 7 must be 1-6 (century and sex); found {digit}.</source>
        <translation>ЖСН-нің 7-цифры 1-6 болуы тиіс (ғасыры мен жынысы); енгізілгені: {digit}.</translation>
    </message>
    <message>
        <source>IIN birth date {date} does not exist.</source>
        <translation>ЖСН-дегі туған күн ({date}) күнтізбеде жоқ.</translation>
    </message>
    <message>
        <source>BIN digits 3-4 must be the registration month 01-12; found {digits}.</source>
        <translation>БСН-нің 3-4-цифрлары тіркелген ай болуы тиіс (01-12); енгізілгені: {digits}.</translation>
    </message>
    <message>
        <source>BIN digit 5 must be 4, 5 or 6 (entity type); found {digit}.</source>
        <translation>БСН-нің 5-цифры 4, 5 немесе 6 болуы тиіс (заңды тұлға түрі); енгізілгені: {digit}.</translation>
    </message>
    <message>
        <source>BIN digit 6 must be 0-3 (division type); found {digit}.</source>
        <translation>БСН-нің 6-цифры 0-3 болуы тиіс (бөлімше түрі); енгізілгені: {digit}.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Awaiting arrival</source>
        <translation>Келуді күтуде</translation>
    </message>
    <message>
        <source>Arrived: steps in progress</source>
        <translation>Келді: қадамдар орындалуда</translation>
    </message>
    <message>
        <source>Ready to print</source>
        <translation>Басып шығаруға дайын</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Басып шығарылды</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Өтініш берілді</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>Қаралуда</translation>
    </message>
    <message>
        <source>Permit issued</source>
        <translation>Ықтиярхат берілді</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Бас тартылды</translation>
    </message>
    <message>
        <source>Annulled</source>
        <translation>Күші жойылды</translation>
    </message>
    <message>
        <source>Window closed: no entry recorded</source>
        <translation>Кіру мерзімі аяқталды: кіру тіркелмеген</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Жоқ</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Тіркелді</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>Қажет емес</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Жарамсыз</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Мерзімі өткен</translation>
    </message>
    <message>
        <source>Open at the desk</source>
        <translation>Жұмыс орнында ашық</translation>
    </message>
    <message>
        <source>With the migration service</source>
        <translation>Көші-қон қызметінде</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Шешім қабылданды</translation>
    </message>
    <message>
        <source>Annulled or window closed</source>
        <translation>Күші жойылды немесе мерзімі аяқталды</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Барлық істер</translation>
    </message>
    <message>
        <source>Any days left</source>
        <translation>Кез келген мерзім</translation>
    </message>
    <message>
        <source>3 days or fewer</source>
        <translation>3 күн немесе одан аз</translation>
    </message>
    <message>
        <source>7 days or fewer</source>
        <translation>7 күн немесе одан аз</translation>
    </message>
    <message>
        <source>14 days or fewer</source>
        <translation>14 күн немесе одан аз</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>аяқталды</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>соңғы күн</translation>
    </message>
</context>
<context>
    <name>lifecycle</name>
    <message>
        <source>Entered on {date}, after the arrival window closed on {closed}; the approval is annulled.</source>
        <translation>Кіру күні — {date}, ал кіру мерзімі {closed} аяқталған; мақұлдаудың күші жойылды.</translation>
    </message>
    <message>
        <source>Cannot record the arrival: the case {state}.</source>
        <translation>Келуді тіркеу мүмкін емес: іс {state}.</translation>
    </message>
    <message>
        <source>The entry date {date} is in the future. Enter the date stamped in the passport or on the migration card.</source>
        <translation>Кіру күні ({date}) әлі келмеген. Паспорттағы немесе көші-қон карточкасындағы мөрде көрсетілген күнді енгізіңіз.</translation>
    </message>
    <message>
        <source>The entry date {date} is before the preliminary approval of {approved}. Only an entry after the approval counts: check the latest entry stamp.</source>
        <translation>Кіру күні ({date}) алдын ала мақұлдау күнінен ({approved}) бұрын. Тек мақұлдаудан кейінгі кіру ғана есептеледі: соңғы кіру мөрін тексеріңіз.</translation>
    </message>
    <message>
        <source>The entry date is after the arrival window closed on {closed}. Recording it annuls the preliminary approval.</source>
        <translation>Кіру күні кіру мерзімі аяқталғаннан ({closed}) кейін. Оны тіркеу алдын ала мақұлдаудың күшін жояды.</translation>
    </message>
    <message>
        <source>Record the applicant&apos;s arrival first: steps can only be recorded for an applicant who has entered Kazakhstan.</source>
        <translation>Алдымен өтініш берушінің келуін тіркеңіз: қадамдарды тек Қазақстанға кірген өтініш беруші үшін тіркеуге болады.</translation>
    </message>
    <message>
        <source>Cannot change the applicant&apos;s steps: the case {state}.</source>
        <translation>Өтініш берушінің қадамдарын өзгерту мүмкін емес: іс {state}.</translation>
    </message>
    <message>
        <source>Cannot print the application: the case {state}.</source>
        <translation>Өтінішті басып шығару мүмкін емес: іс {state}.</translation>
    </message>
    <message>
        <source>The application has already been submitted.</source>
        <translation>Өтініш бұрын жіберілген.</translation>
    </message>
    <message>
        <source>Cannot submit the application: the case {state}.</source>
        <translation>Өтінішті жіберу мүмкін емес: іс {state}.</translation>
    </message>
    <message>
        <source>Cannot review the application: the case {state}.</source>
        <translation>Өтінішті қарау мүмкін емес: іс {state}.</translation>
    </message>
    <message>
        <source>Cannot decide on the application: the case {state}.</source>
        <translation>Өтініш бойынша шешім қабылдау мүмкін емес: іс {state}.</translation>
    </message>
    <message>
        <source>Unknown decision {decision}: expected issued or refused</source>
        <translation>Белгісіз шешім: {decision}; «ықтиярхат берілді» немесе «бас тартылды» болуы тиіс</translation>
    </message>
    <message>
        <source>Cannot annul the case: the case {state}.</source>
        <translation>Істің күшін жою мүмкін емес: іс {state}.</translation>
    </message>
    <message>
        <source>This case has already been approved and pulled.</source>
        <translation>Бұл іс бұрын мақұлданып, орталық дерекқордан алынған.</translation>
    </message>
    <message>
        <source>No approved arrival is known for this case yet.</source>
        <translation>Бұл іс бойынша мақұлданған келу туралы мәлімет әлі жоқ.</translation>
    </message>
    <message>
        <source>This desk cannot apply an event of type {type} (made by a newer version of DNR Workstation): it is kept and the case flagged. Update this desk.</source>
        <translation>Бұл жұмыс орны мына түрдегі оқиғаны қолдана алмайды: {type} (оны DNR Workstation бағдарламасының жаңарақ нұсқасы жасаған). Оқиға сақталды, іс белгіленді. Осы жұмыс орнын жаңартыңыз.</translation>
    </message>
    <message>
        <source>The event&apos;s {name} is not a date (got {raw}).</source>
        <translation>Оқиғадағы «{name}» өрісі күн емес (алынғаны: {raw}).</translation>
    </message>
    <message>
        <source>is waiting for the applicant&apos;s arrival</source>
        <translation>өтініш берушінің келуін күтуде</translation>
    </message>
    <message>
        <source>is still collecting the applicant&apos;s steps</source>
        <translation>әлі өтініш берушінің қадамдарын жинау кезеңінде</translation>
    </message>
    <message>
        <source>is ready to print</source>
        <translation>басып шығаруға дайын</translation>
    </message>
    <message>
        <source>has been printed</source>
        <translation>басып шығарылған</translation>
    </message>
    <message>
        <source>has been submitted to the migration service</source>
        <translation>көші-қон қызметіне жіберілген</translation>
    </message>
    <message>
        <source>is under review by the migration service</source>
        <translation>көші-қон қызметінде қаралуда</translation>
    </message>
    <message>
        <source>is closed: the permit was issued</source>
        <translation>жабылған: ықтиярхат берілген</translation>
    </message>
    <message>
        <source>is closed: the application was refused</source>
        <translation>жабылған: өтініш бойынша бас тартылған</translation>
    </message>
    <message>
        <source>is annulled</source>
        <translation>күші жойылған</translation>
    </message>
    <message>
        <source>{type} from {desk} not applied: {reason}</source>
        <translation>{type} ({desk} жұмыс орнынан) қолданылмады: {reason}</translation>
    </message>
    <message>
        <source>Enter the border crossing point from the entry stamp or migration card.</source>
        <translation>Кіру мөрінен немесе көші-қон карточкасынан өткізу пунктін енгізіңіз.</translation>
    </message>
    <message>
        <source>The border point is too long (at most {max} characters).</source>
        <translation>Өткізу пунктінің атауы тым ұзын (ең көбі {max} таңба).</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <source>This file is not a usable EDS key file (PKCS#12): {detail}. Choose the AUTH_RSA256_....p12 file from your key folder.</source>
        <translation>Бұл файл жарамды ЭЦҚ кілт файлы (PKCS#12) емес: {detail}. Кілттер қалтаңыздан AUTH_RSA256_....p12 файлын таңдаңыз.</translation>
    </message>
    <message>
        <source>This file is not a usable EDS key file (PKCS#12). Choose the AUTH_RSA256_....p12 file from your key folder.</source>
        <translation>Бұл файл жарамды ЭЦҚ кілт файлы (PKCS#12) емес. Кілттер қалтаңыздан AUTH_RSA256_....p12 файлын таңдаңыз.</translation>
    </message>
    <message>
        <source>The password for this key file is wrong. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>Бұл кілт файлының құпиясөзі қате. Пернетақта тілін және Caps Lock пернесін тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>This is a signing key, not a log-in key. Choose the AUTH_RSA256_....p12 file from your key folder.</source>
        <translation>Бұл — жүйеге кіру кілті емес, қол қою кілті. Кілттер қалтаңыздан AUTH_RSA256_....p12 файлын таңдаңыз.</translation>
    </message>
    <message>
        <source>Your EDS certificate expired on {date}. Get a new key from NCA RK (pki.gov.kz) and log in with it.</source>
        <translation>ЭЦҚ сертификатыңыздың мерзімі өтті: {date}. ҚР ҰКО-дан (pki.gov.kz) жаңа кілт алып, сонымен жүйеге кіріңіз.</translation>
    </message>
    <message>
        <source>This EDS certificate is valid only from {time} UTC. Check the computer&apos;s date and time; if they are right, use your current key.</source>
        <translation>Бұл ЭЦҚ сертификаты тек {time} UTC уақытынан бастап жарамды. Компьютердің күні мен уақытын тексеріңіз; олар дұрыс болса, ағымдағы кілтіңізді пайдаланыңыз.</translation>
    </message>
    <message>
        <source>Your EDS certificate was revoked on {date}. Use a new key from NCA RK (pki.gov.kz).</source>
        <translation>ЭЦҚ сертификатыңыз кері қайтарылды: {date}. ҚР ҰКО берген жаңа кілтті (pki.gov.kz) пайдаланыңыз.</translation>
    </message>
    <message>
        <source>The CA certificate {ca} was revoked on {date}. Use a new key from NCA RK (pki.gov.kz).</source>
        <translation>CA сертификаты кері қайтарылды: {ca}, күні: {date}. ҚР ҰКО берген жаңа кілтті (pki.gov.kz) пайдаланыңыз.</translation>
    </message>
    <message>
        <source>This certificate was not issued by a certification centre this desk trusts (issuer: {issuer}). Use your NCA RK key, or ask the administrator to check the trust store.</source>
        <translation>Бұл сертификатты осы жұмыс орны сенетін куәландырушы орталық бермеген (беруші: {issuer}). ҚР ҰКО кілтіңізді пайдаланыңыз немесе әкімшіден сенімді сертификаттар қоймасын тексеруді сұраңыз.</translation>
    </message>
    <message>
        <source>This certificate carries no IIN (SERIALNUMBER=IIN...). Use your personal NCA RK key, not an organisation key.</source>
        <translation>Бұл сертификатта ЖСН жоқ (SERIALNUMBER=IIN...). Ұйымның кілтін емес, ҚР ҰКО берген жеке кілтіңізді пайдаланыңыз.</translation>
    </message>
    <message>
        <source>The revocation list (CRL) of {issuer} is missing, so the desk cannot tell whether the certificate was revoked. Ask the administrator to update the CRLs.</source>
        <translation>Кері қайтарылған сертификаттар тізімі (CRL) жоқ (беруші: {issuer}), сондықтан жұмыс орны сертификаттың кері қайтарылғанын анықтай алмайды. Әкімшіден CRL тізімдерін жаңартуды сұраңыз.</translation>
    </message>
    <message>
        <source>The revocation list (CRL) of {issuer} is out of date (next update was due {time} UTC), so the desk cannot tell whether the certificate was revoked. Ask the administrator to update the CRLs.</source>
        <translation>Кері қайтарылған сертификаттар тізімі (CRL) ескірген (беруші: {issuer}; келесі жаңарту мерзімі: {time} UTC), сондықтан жұмыс орны сертификаттың кері қайтарылғанын анықтай алмайды. Әкімшіден CRL тізімдерін жаңартуды сұраңыз.</translation>
    </message>
    <message>
        <source>Too many wrong attempts with this key. It is locked until {time} UTC; try again then or ask a supervisor.</source>
        <translation>Бұл кілтпен тым көп қате әрекет жасалды. Кілт {time} UTC дейін құлыпталды; сол уақыттан кейін қайталаңыз немесе басшыға жүгініңіз.</translation>
    </message>
    <message>
        <source>No CA certificates found in {where}. Put the NCA RK root and issuing certificates (.pem, .crt or .cer) there.</source>
        <translation>CA сертификаттары табылмады: {where}. Оған ҚР ҰКО түбірлік сертификатын және сертификат беретін CA сертификаттарын (.pem, .crt немесе .cer) салыңыз.</translation>
    </message>
    <message>
        <source>it holds no private key and certificate</source>
        <translation>онда жабық кілт пен сертификат жоқ</translation>
    </message>
    <message>
        <source>only RSA and ECDSA keys are supported (GOST needs Kalkan)</source>
        <translation>тек RSA және ECDSA кілттеріне қолдау көрсетіледі (ГОСТ үшін Kalkan қажет)</translation>
    </message>
    <message>
        <source>the trust store</source>
        <translation>сенімді сертификаттар қоймасы</translation>
    </message>
    <message>
        <source>This desk is not set up for log-in yet: {detail} Ask the administrator to install the NCA RK certificates and revocation lists.</source>
        <translation>Бұл жұмыс орны жүйеге кіру үшін әлі бапталмаған: {detail} Әкімшіден ҚР ҰКО сертификаттарын және кері қайтарылған сертификаттар тізімдерін орнатуды сұраңыз.</translation>
    </message>
    <message>
        <source>The key of {name} is valid, but this desk has no staff record for that IIN. Ask the administrator to add you to the staff list (or to sync the desk).</source>
        <translation>Кілт жарамды (иесі: {name}), бірақ осы жұмыс орнында бұл ЖСН бойынша қызметкер жазбасы жоқ. Әкімшіден сізді қызметкерлер тізіміне қосуды (немесе жұмыс орнын синхрондауды) сұраңыз.</translation>
    </message>
    <message>
        <source>The staff record of {name} is switched off on this desk, so the key cannot be used here. Ask the administrator or your supervisor.</source>
        <translation>Қызметкер жазбасы осы жұмыс орнында өшірілген (қызметкер: {name}), сондықтан кілтті мұнда пайдалану мүмкін емес. Әкімшіге немесе басшыңызға жүгініңіз.</translation>
    </message>
    <message>
        <source>{name} works at the {staff_city} branch; this desk is in {desk_city}. Log in at a desk of your branch, or ask the administrator to move your record.</source>
        <translation>{name}: филиалыңыз — {staff_city}, ал бұл жұмыс орны орналасқан қала — {desk_city}. Өз филиалыңыздың жұмыс орнында жүйеге кіріңіз немесе әкімшіден жазбаңызды ауыстыруды сұраңыз.</translation>
    </message>
    <message>
        <source>The staff record of {name} has the role {role}, which this desk does not know. Ask the administrator to set one of: {roles}.</source>
        <translation>{name}: қызметкер жазбасында көрсетілген рөл — {role}, бұл жұмыс орны мұндай рөлді білмейді. Әкімшіден мына рөлдердің бірін белгілеуді сұраңыз: {roles}.</translation>
    </message>
    <message>
        <source>This is not the key registered for {name} on this desk (a newer or older key?). Use your registered key, or ask the administrator to register this one.</source>
        <translation>Бұл осы жұмыс орнында тіркелген кілт емес (қызметкер: {name}; кілт жаңарақ немесе ескірек емес пе?). Тіркелген кілтіңізді пайдаланыңыз немесе әкімшіден осы кілтті тіркеуді сұраңыз.</translation>
    </message>
    <message>
        <source>No usable signing key was found next to the log-in key in {folder} ({problems}). Keep the signing key NCA RK issued with it (RSA256_....p12, same password) in the same folder: every record you make is signed with it.</source>
        <translation>Жүйеге кіру кілтінің қасынан жарамды қол қою кілті табылмады: {folder} ({problems}). ҚР ҰКО онымен бірге берген қол қою кілтін (RSA256_....p12, құпиясөзі сол) сол қалтада сақтаңыз: сіз енгізетін әр жазбаға осы кілтпен қол қойылады.</translation>
    </message>
    <message>
        <source>No usable signing key was found next to the log-in key in {folder}. Keep the signing key NCA RK issued with it (RSA256_....p12, same password) in the same folder: every record you make is signed with it.</source>
        <translation>Жүйеге кіру кілтінің қасынан жарамды қол қою кілті табылмады: {folder}. ҚР ҰКО онымен бірге берген қол қою кілтін (RSA256_....p12, құпиясөзі сол) сол қалтада сақтаңыз: сіз енгізетін әр жазбаға осы кілтпен қол қойылады.</translation>
    </message>
    <message>
        <source>The desk is locked by {name}; only that person&apos;s key unlocks it. To use the desk yourself, log out from the lock screen first.</source>
        <translation>Жұмыс орнын құлыптаған: {name}; құлпын тек сол адамның кілті ашады. Жұмыс орнын өзіңіз пайдалану үшін алдымен құлып экранынан жүйеден шығыңыз.</translation>
    </message>
    <message>
        <source>the file cannot be read ({reason})</source>
        <translation>файлды оқу мүмкін емес ({reason})</translation>
    </message>
    <message>
        <source>{left} attempt left before this key is locked for {minutes} minutes.</source>
        <translation>Кілт {minutes} минутқа құлыпталғанға дейін қалған әрекет саны: {left}.</translation>
    </message>
    <message>
        <source>{left} attempts left before this key is locked for {minutes} minutes.</source>
        <translation>Кілт {minutes} минутқа құлыпталғанға дейін қалған әрекет саны: {left}.</translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <source>the trust store folder {folder} does not exist.</source>
        <translation>сенімді сертификаттар қоймасының қалтасы жоқ: {folder}.</translation>
    </message>
    <message>
        <source>a file in {folder} is not a certificate ({error}).</source>
        <translation>қалтадағы файл сертификат емес ({error}): {folder}.</translation>
    </message>
    <message>
        <source>the revocation list folder {folder} does not exist.</source>
        <translation>кері қайтарылған сертификаттар тізімдерінің қалтасы жоқ: {folder}.</translation>
    </message>
    <message>
        <source>a file in {folder} is not a revocation list ({error}).</source>
        <translation>қалтадағы файл кері қайтарылған сертификаттар тізімі емес ({error}): {folder}.</translation>
    </message>
</context>
<context>
    <name>mrz</name>
    <message>
        <source>the MRZ is empty; read or type both lines of the passport MRZ.</source>
        <translation>MRZ бос; паспорттың MRZ аймағының екі жолын да оқыңыз немесе енгізіңіз.</translation>
    </message>
    <message>
        <source>a passport MRZ has 2 lines of {length} characters; got one line of {got} characters.</source>
        <translation>паспорттың MRZ аймағы әрқайсысы {length} таңбадан тұратын 2 жолдан тұрады; енгізілгені — {got} таңбадан тұратын бір жол.</translation>
    </message>
    <message>
        <source>a passport MRZ has 2 lines of {length} characters; got {got} lines.</source>
        <translation>паспорттың MRZ аймағы әрқайсысы {length} таңбадан тұратын 2 жолдан тұрады; енгізілген жолдар саны: {got}.</translation>
    </message>
    <message>
        <source>MRZ line {number} has {got} characters; it must have {length}.</source>
        <translation>MRZ аймағының {number}-жолында {got} таңба бар; {length} таңба болуы тиіс.</translation>
    </message>
    <message>
        <source>MRZ line {number} has {char} at position {position}; only A-Z, 0-9 and &apos;&lt;&apos; are allowed.</source>
        <translation>MRZ аймағының {number}-жолының {position}-позициясында {char} таңбасы бар; тек A-Z, 0-9 және &apos;&lt;&apos; таңбаларына рұқсат етіледі.</translation>
    </message>
    <message>
        <source>the {label} check digit (line 2, position {position}) must be a digit, not {char}.</source>
        <translation>бақылау цифры ({label}; 2-жол, {position}-позиция) {char} емес, цифр болуы тиіс.</translation>
    </message>
    <message>
        <source>the {label} check digit fails (line 2, position {position}): it is {char} but the data gives {expected}; check for a misread character.</source>
        <translation>бақылау цифры сәйкес келмейді ({label}; 2-жол, {position}-позиция): жазылғаны {char}, ал деректер бойынша {expected} болуы тиіс; қате оқылған таңба жоқ па, тексеріңіз.</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>құжат нөмірі</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>туған күні</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>жарамдылық мерзімі</translation>
    </message>
    <message>
        <source>optional data (personal number)</source>
        <translation>қосымша деректер (жеке нөмір)</translation>
    </message>
    <message>
        <source>composite</source>
        <translation>жиынтық</translation>
    </message>
    <message>
        <source>issuing state</source>
        <translation>берген мемлекет</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>азаматтығы</translation>
    </message>
    <message>
        <source>the {label} {raw} must be letters followed by &apos;&lt;&apos; fillers only.</source>
        <translation>{label} ({raw}) тек әріптерден және олардан кейінгі &apos;&lt;&apos; толтырғыштарынан тұруы тиіс.</translation>
    </message>
    <message>
        <source>the name field (line 1, positions 6-44) contains a digit.</source>
        <translation>аты-жөні өрісінде (1-жол, 6-44-позициялар) цифр бар.</translation>
    </message>
    <message>
        <source>the name field (line 1, positions 6-44) must start with the surname.</source>
        <translation>аты-жөні өрісі (1-жол, 6-44-позициялар) тегінен басталуы тиіс.</translation>
    </message>
    <message>
        <source>the name field has &apos;&lt;&lt;&apos; more than once; only the surname is followed by &apos;&lt;&lt;&apos;.</source>
        <translation>аты-жөні өрісінде &apos;&lt;&lt;&apos; бірнеше рет кездеседі; &apos;&lt;&lt;&apos; тек тегінен кейін қойылады.</translation>
    </message>
    <message>
        <source>the {label} {raw} must be 6 digits YYMMDD.</source>
        <translation>{label} ({raw}) ЖЖААКК пішіміндегі 6 цифрдан тұруы тиіс.</translation>
    </message>
    <message>
        <source>the {label} {raw} (YYMMDD) is not a real date.</source>
        <translation>{label} ({raw}, ЖЖААКК) — күнтізбеде жоқ күн.</translation>
    </message>
    <message>
        <source>a passport MRZ starts with &apos;P&apos;; this one starts with {char}.</source>
        <translation>паспорттың MRZ аймағы &apos;P&apos; әрпінен басталады; бұл аймақ {char} таңбасынан басталған.</translation>
    </message>
    <message>
        <source>the document type {type} must be &apos;P&apos; then a letter or &apos;&lt;&apos;.</source>
        <translation>құжат түрі ({type}) &apos;P&apos; әрпінен және одан кейінгі әріптен немесе &apos;&lt;&apos; таңбасынан тұруы тиіс.</translation>
    </message>
    <message>
        <source>the document number {number} must be letters and digits, with &apos;&lt;&apos; fillers only at the end.</source>
        <translation>құжат нөмірі ({number}) әріптер мен цифрлардан тұруы тиіс, &apos;&lt;&apos; толтырғыштары тек соңында болады.</translation>
    </message>
    <message>
        <source>the sex (line 2, position 21) must be M, F or &apos;&lt;&apos;; found {char}.</source>
        <translation>жынысы (2-жол, 21-позиция) M, F немесе &apos;&lt;&apos; болуы тиіс; енгізілгені: {char}.</translation>
    </message>
    <message>
        <source>the expiry date {expiry} is not after the birth date {birth}.</source>
        <translation>жарамдылық мерзімі ({expiry}) туған күннен ({birth}) кейін емес.</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>The case changed while the preview was open. Open the preview again and print the current form.</source>
        <translation>Алдын ала қарау терезесі ашық тұрғанда іс өзгерді. Алдын ала қарауды қайта ашып, нысанның ағымдағы нұсқасын басып шығарыңыз.</translation>
    </message>
    <message>
        <source>Print the application first: the receipt confirms a printed, signed application, and the case {state}.</source>
        <translation>Алдымен өтінішті басып шығарыңыз: түбіртек басылған әрі қол қойылған өтінішті растайды, ал іс {state}.</translation>
    </message>
    <message>
        <source>No printed application is recorded for this case.</source>
        <translation>Бұл іс бойынша басылған өтініш тіркелмеген.</translation>
    </message>
    <message>
        <source>The case&apos;s data differs from the application printed on {date}. Print the application again, then the receipt.</source>
        <translation>Іс деректері {date} күні басылған өтініштен өзгеше. Өтінішті қайта басып шығарыңыз, содан кейін түбіртекті басыңыз.</translation>
    </message>
    <message>
        <source>The application cannot be printed: the case {state}.</source>
        <translation>Өтінішті басып шығару мүмкін емес: іс {state}.</translation>
    </message>
    <message>
        <source>The application cannot be printed until the checklist is complete:</source>
        <translation>Тексеру тізімі толық орындалмайынша өтінішті басып шығару мүмкін емес:</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>тіркелді</translation>
    </message>
    <message>
        <source>not required</source>
        <translation>қажет емес</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>жарамсыз</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>мерзімі өткен</translation>
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
        <translation>Кезеңнің соңы ({end}) басынан ({start}) бұрын: күндердің орнын ауыстырыңыз.</translation>
    </message>
    <message>
        <source>A report covers at most {days} days; {start}–{end} is longer.</source>
        <translation>Есеп ең көбі {days} күнді қамтиды; {start}–{end} кезеңі одан ұзағырақ.</translation>
    </message>
</context>
<context>
    <name>review</name>
    <message>
        <source>Re-application locked: the application in case {case} was refused on {refused} (same {match}). A new application may be filed from {again}; this approval cannot be processed.</source>
        <translation>Қайта өтініш беру бұғатталған: {case} ісі бойынша өтініш қабылданбаған (бас тартылған күні: {refused}; сәйкес келгені: {match}). Жаңа өтініш беруге болатын күн: {again}; бұл мақұлдауды өңдеу мүмкін емес.</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <source>passport number</source>
        <translation>паспорт нөмірі</translation>
    </message>
    <message>
        <source>Unknown refusal reason {reason}: choose one from the list.</source>
        <translation>Белгісіз бас тарту себебі: {reason}. Тізімнен біреуін таңдаңыз.</translation>
    </message>
    <message>
        <source>An issued permit has no refusal reason.</source>
        <translation>Ықтиярхат берілгенде бас тарту себебі көрсетілмейді.</translation>
    </message>
    <message>
        <source>Choose the reason for the refusal.</source>
        <translation>Бас тарту себебін таңдаңыз.</translation>
    </message>
    <message>
        <source>Explain the refusal in a sentence or two: the applicant reads it.</source>
        <translation>Бас тарту себебін бір-екі сөйлеммен түсіндіріңіз: оны өтініш беруші оқиды.</translation>
    </message>
    <message>
        <source>The explanation is too long ({length} characters, at most {max}).</source>
        <translation>Түсініктеме тым ұзын ({length} таңба, ең көбі {max}).</translation>
    </message>
    <message>
        <source>No printed application is recorded for this case on this desk: the case {state}.</source>
        <translation>Осы жұмыс орнында бұл іс бойынша басылған өтініш тіркелмеген: іс {state}.</translation>
    </message>
    <message>
        <source>The case&apos;s data differs from the application printed on {date}: ask the service center.</source>
        <translation>Іс деректері {date} күні басылған өтініштен өзгеше: ХҚКО-ға хабарласыңыз.</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>clerk</source>
        <translation>ХҚКО операторы</translation>
    </message>
    <message>
        <source>migration officer</source>
        <translation>көші-қон қызметінің қызметкері</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>басшы</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>әкімші</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <source>the OS credential store ({entry})</source>
        <translation>ОЖ тіркелгі деректері қоймасы ({entry})</translation>
    </message>
    <message>
        <source>The file {file} is damaged. Restore it from the backup of this desk.</source>
        <translation>Файл бүлінген: {file}. Оны осы жұмыс орнының сақтық көшірмесінен қалпына келтіріңіз.</translation>
    </message>
    <message>
        <source>The key of the local database in {folder} is neither in the OS credential store ({entry}) nor in {key_folder}. The database was made by another user or on another computer: log in as that user, restore the key, or ask the administrator to set this desk up again.</source>
        <translation>Жергілікті дерекқордың ({folder}) кілті ОЖ тіркелгі деректері қоймасында да ({entry}), мына қалтада да жоқ: {key_folder}. Дерекқорды басқа пайдаланушы немесе басқа компьютерде жасаған: сол пайдаланушы ретінде кіріңіз, кілтті қалпына келтіріңіз немесе әкімшіден осы жұмыс орнын қайта баптауды сұраңыз.</translation>
    </message>
    <message>
        <source>The local database in {folder} is encrypted but {file}, which names its key, is missing. Restore it from the backup of this desk.</source>
        <translation>Жергілікті дерекқор ({folder}) шифрланған, бірақ оның кілтін көрсететін файл жоқ: {file}. Оны осы жұмыс орнының сақтық көшірмесінен қалпына келтіріңіз.</translation>
    </message>
    <message>
        <source>The database key in {where} is damaged. Restore it from the backup or ask the administrator to re-create the local database.</source>
        <translation>Дерекқор кілті бүлінген: {where}. Оны сақтық көшірмеден қалпына келтіріңіз немесе әкімшіден жергілікті дерекқорды қайта жасауды сұраңыз.</translation>
    </message>
    <message>
        <source>The database key file {path} can be read by other users. Run: chmod 600 &apos;{path}&apos; and start again.</source>
        <translation>Дерекқор кілтінің файлын басқа пайдаланушылар оқи алады: {path}. Мына команданы орындап, бағдарламаны қайта іске қосыңыз: chmod 600 &apos;{path}&apos;.</translation>
    </message>
    <message>
        <source>file {path}</source>
        <translation>{path} файлы</translation>
    </message>
    <message>
        <source>The data directory {folder} does not exist. Create it, or leave out --data-dir to use the default one.</source>
        <translation>Деректер қалтасы жоқ: {folder}. Оны жасаңыз немесе әдепкі қалтаны пайдалану үшін --data-dir параметрін көрсетпеңіз.</translation>
    </message>
    <message>
        <source>The local database {path} cannot be opened with this desk&apos;s key: the key belongs to another database, or the file is damaged. Restore the key (or the file) from the backup of this desk.</source>
        <translation>Жергілікті дерекқорды ({path}) осы жұмыс орнының кілтімен ашу мүмкін емес: кілт басқа дерекқорға тиесілі немесе файл бүлінген. Кілтті (немесе файлды) осы жұмыс орнының сақтық көшірмесінен қалпына келтіріңіз.</translation>
    </message>
</context>
<context>
    <name>signatures</name>
    <message>
        <source>digest algorithm {algorithm} is not accepted</source>
        <translation>хэш алгоритміне рұқсат жоқ: {algorithm}</translation>
    </message>
    <message>
        <source>The signature is not valid CMS: {error}</source>
        <translation>Қолтаңба жарамды CMS емес: {error}</translation>
    </message>
    <message>
        <source>Expected one signer, found {count}.</source>
        <translation>Бір қол қоюшы күтілген, табылғаны: {count}.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate is not in the signature.</source>
        <translation>Қол қоюшының сертификаты қолтаңбада жоқ.</translation>
    </message>
    <message>
        <source>The signed content type is not data.</source>
        <translation>Қол қойылған мазмұнның түрі «деректер» емес.</translation>
    </message>
    <message>
        <source>The signature has no message digest.</source>
        <translation>Қолтаңбада хабарлама хэші жоқ.</translation>
    </message>
    <message>
        <source>The data does not match the signature: it was changed after signing.</source>
        <translation>Деректер қолтаңбаға сәйкес келмейді: олар қол қойылғаннан кейін өзгертілген.</translation>
    </message>
    <message>
        <source>Signature algorithm {scheme} does not fit the signer&apos;s key.</source>
        <translation>Қолтаңба алгоритмі қол қоюшының кілтіне сәйкес келмейді: {scheme}.</translation>
    </message>
    <message>
        <source>The signature value does not match: the signature or its attributes were changed.</source>
        <translation>Қолтаңба мәні сәйкес келмейді: қолтаңба немесе оның атрибуттары өзгертілген.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate is not for signing (its key usage lacks nonRepudiation: an authentication key never signs).</source>
        <translation>Қол қоюшының сертификаты қол қоюға арналмаған (кілтті пайдалану (key usage) өрісінде nonRepudiation жоқ: аутентификация кілтімен ешқашан қол қойылмайды).</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate was not yet valid at the signing time (valid from {date}).</source>
        <translation>Қол қойылған кезде қол қоюшының сертификаты әлі жарамды болмаған (жарамдылығы басталатын күн: {date}).</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate had expired at the signing time ({date}).</source>
        <translation>Қол қойылған кезде қол қоюшы сертификатының мерзімі өтіп кеткен ({date}).</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate does not chain to the trust store (issuer: {issuer}).</source>
        <translation>Қол қоюшының сертификаты сенімді сертификаттар қоймасына тізбек арқылы байланыспайды (беруші: {issuer}).</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate was revoked on {date}.</source>
        <translation>Қол қоюшының сертификаты кері қайтарылған: {date}.</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate (serial {serial}) is not known to this desk; it comes with the next sync if central has it</source>
        <translation>қол қоюшының сертификаты (сериялық нөмірі {serial}) осы жұмыс орнына белгісіз; ол орталық дерекқорда болса, келесі синхрондау кезінде келеді</translation>
    </message>
    <message>
        <source>The signature could not be checked ({error}).</source>
        <translation>Қолтаңбаны тексеру мүмкін болмады ({error}).</translation>
    </message>
    <message>
        <source>the event says it was recorded at {recorded}, after its time-stamp ({stamped})</source>
        <translation>оқиғада ол {recorded} уақытында тіркелгені көрсетілген, бұл оның уақыт белгісінен ({stamped}) кейін</translation>
    </message>
    <message>
        <source>the event&apos;s time-stamp ({stamped}) is after central received it at {received}</source>
        <translation>оқиғаның уақыт белгісі ({stamped}) орталық дерекқор оны қабылдаған уақыттан ({received}) кейін</translation>
    </message>
    <message>
        <source>the event says it was recorded at {recorded}, after central received it at {received}</source>
        <translation>оқиғада ол {recorded} уақытында тіркелгені көрсетілген, бұл орталық дерекқор оны қабылдаған уақыттан ({received}) кейін</translation>
    </message>
    <message>
        <source>the event says it was recorded at {recorded}, more than {hours} hours before central received it at {received}</source>
        <translation>оқиғада ол {recorded} уақытында тіркелгені көрсетілген, бұл орталық дерекқор оны қабылдаған уақыттан ({received}) {hours} сағаттан астам бұрын</translation>
    </message>
    <message>
        <source>the event is not signed</source>
        <translation>оқиғаға қол қойылмаған</translation>
    </message>
    <message>
        <source>expected one signer, found {count}</source>
        <translation>бір қол қоюшы күтілген, табылғаны: {count}</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate is not the one the event names</source>
        <translation>қол қоюшының сертификаты оқиғада көрсетілген сертификат емес</translation>
    </message>
    <message>
        <source>the signer&apos;s IIN is not the event&apos;s actor</source>
        <translation>қол қоюшының ЖСН-і оқиғаны орындаушының ЖСН-іне сәйкес келмейді</translation>
    </message>
    <message>
        <source>The signature algorithm does not fit the signer&apos;s key.</source>
        <translation>Қолтаңба алгоритмі қол қоюшының кілтіне сәйкес келмейді.</translation>
    </message>
    <message>
        <source>the signature is not valid CMS ({error})</source>
        <translation>қолтаңба жарамды CMS емес ({error})</translation>
    </message>
    <message>
        <source>the signature has no signer</source>
        <translation>қолтаңбада қол қоюшы жоқ</translation>
    </message>
    <message>
        <source>the signer is not named by issuer and serial number</source>
        <translation>қол қоюшы беруші мен сериялық нөмір арқылы көрсетілмеген</translation>
    </message>
    <message>
        <source>the approval is not signed by the ministry and the migration service (an untrusted or unknown signer)</source>
        <translation>мақұлдауға министрлік те, көші-қон қызметі де қол қоймаған (қол қоюшы сенімсіз немесе белгісіз)</translation>
    </message>
    <message>
        <source>the approval is not signed by the ministry (an untrusted or unknown signer)</source>
        <translation>мақұлдауға министрлік қол қоймаған (қол қоюшы сенімсіз немесе белгісіз)</translation>
    </message>
    <message>
        <source>the approval is not signed by the migration service (an untrusted or unknown signer)</source>
        <translation>мақұлдауға көші-қон қызметі қол қоймаған (қол қоюшы сенімсіз немесе белгісіз)</translation>
    </message>
    <message>
        <source>no role may make a {type} event on this desk (the type has no permission mapping)</source>
        <translation>осы жұмыс орнында ешбір рөл {type} түріндегі оқиғаны жасай алмайды (бұл түрге рұқсат белгіленбеген)</translation>
    </message>
    <message>
        <source>a {role} may not {action} (signer&apos;s role does not permit it)</source>
        <translation>қол қоюшының рөлі ({role}) мына әрекетке рұқсат бермейді: {action}</translation>
    </message>
    <message>
        <source>only a migration officer may {action}; the signer&apos;s certificate is not the migration service&apos;s</source>
        <translation>мына әрекетті тек көші-қон қызметінің қызметкері орындай алады: {action}; қол қоюшының сертификаты көші-қон қызметіне тиесілі емес</translation>
    </message>
    <message>
        <source>a ministry or migration service key may not {action}</source>
        <translation>министрліктің немесе көші-қон қызметінің кілтімен мына әрекетті орындауға болмайды: {action}</translation>
    </message>
</context>
<context>
    <name>steps</name>
    <message>
        <source>No MCI is configured for {year} (configured: {known}). Ask the administrator to add the year&apos;s MCI to the programme settings.</source>
        <translation>{year} жылға АЕК белгіленбеген (белгіленген жылдар: {known}). Әкімшіден осы жылдың АЕК мөлшерін бағдарлама баптауларына қосуды сұраңыз.</translation>
    </message>
    <message>
        <source>The recorded {name} is not text.</source>
        <translation>Тіркелген «{name}» өрісі мәтін емес.</translation>
    </message>
    <message>
        <source>The recorded {name} is not a date.</source>
        <translation>Тіркелген «{name}» өрісі күн емес.</translation>
    </message>
    <message>
        <source>Too long: at most {max} characters.</source>
        <translation>Тым ұзын: ең көбі {max} таңба.</translation>
    </message>
    <message>
        <source>The recorded passport check has no passport number.</source>
        <translation>Тіркелген паспорт тексерісінде паспорт нөмірі жоқ.</translation>
    </message>
    <message>
        <source>Passport number: the passport says {read}, the approved case says {approved}. If the applicant has a new passport, the migration service must update the approval.</source>
        <translation>Паспорт нөмірі: паспортта — {read}, мақұлданған істе — {approved}. Өтініш берушінің жаңа паспорты болса, көші-қон қызметі мақұлдауды жаңартуы тиіс.</translation>
    </message>
    <message>
        <source>Issuing state: the passport says {read}, the approved case says {approved}.</source>
        <translation>Берген мемлекет: паспортта — {read}, мақұлданған істе — {approved}.</translation>
    </message>
    <message>
        <source>Citizenship: the passport says {read}, the approved case says {approved}.</source>
        <translation>Азаматтығы: паспортта — {read}, мақұлданған істе — {approved}.</translation>
    </message>
    <message>
        <source>Birth date: the passport says {read}, the approved case says {approved}.</source>
        <translation>Туған күні: паспортта — {read}, мақұлданған істе — {approved}.</translation>
    </message>
    <message>
        <source>Sex: the passport says {read}, the approved case says {approved}.</source>
        <translation>Жынысы: паспортта — {read}, мақұлданған істе — {approved}.</translation>
    </message>
    <message>
        <source>Surname: the passport says {read}, the approved case says {approved}.</source>
        <translation>Тегі: паспортта — {read}, мақұлданған істе — {approved}.</translation>
    </message>
    <message>
        <source>Given names: the passport says {read}, the approved case says {approved}.</source>
        <translation>Аты: паспортта — {read}, мақұлданған істе — {approved}.</translation>
    </message>
    <message>
        <source>Given names: the passport says (none), the approved case says {approved}.</source>
        <translation>Аты: паспортта — (жоқ), мақұлданған істе — {approved}.</translation>
    </message>
    <message>
        <source>Expiry date: the passport says {read}, the approved case says {approved}.</source>
        <translation>Жарамдылық мерзімі: паспортта — {read}, мақұлданған істе — {approved}.</translation>
    </message>
    <message>
        <source>The passport expired on {date}. The applicant needs a valid passport.</source>
        <translation>Паспорттың мерзімі өтті: {date}. Өтініш берушіге жарамды паспорт қажет.</translation>
    </message>
    <message>
        <source>The passport expires on {date}, in {days} days; the programme needs at least {minimum} days of validity. The applicant must renew the passport first.</source>
        <translation>Паспорттың мерзімі {date} аяқталады, яғни {days} күннен кейін; бағдарлама бойынша паспорт кемінде {minimum} күн жарамды болуы тиіс. Өтініш беруші алдымен паспортын жаңартуы тиіс.</translation>
    </message>
    <message>
        <source>The MRZ cannot be read: {reason}</source>
        <translation>MRZ оқылмады: {reason}</translation>
    </message>
    <message>
        <source>The recorded result {result} is not fit/not fit.</source>
        <translation>Тіркелген нәтиже ({result}) «жарамды» да, «жарамсыз» да емес.</translation>
    </message>
    <message>
        <source>Enter the certificate number.</source>
        <translation>Анықтама нөмірін енгізіңіз.</translation>
    </message>
    <message>
        <source>Enter the medical organisation that issued it.</source>
        <translation>Анықтаманы берген медициналық ұйымды енгізіңіз.</translation>
    </message>
    <message>
        <source>Enter the doctor&apos;s name.</source>
        <translation>Дәрігердің аты-жөнін енгізіңіз.</translation>
    </message>
    <message>
        <source>Write what the certificate says for a &quot;not fit&quot; result.</source>
        <translation>«Жарамсыз» нәтижесі үшін анықтамада не жазылғанын енгізіңіз.</translation>
    </message>
    <message>
        <source>The certificate date {date} is in the future. Enter the date printed on the certificate.</source>
        <translation>Анықтама күні ({date}) әлі келмеген. Анықтамада басылған күнді енгізіңіз.</translation>
    </message>
    <message>
        <source>The certificate of {date} is dated before the entry on {entry}. The examination must be done after entering Kazakhstan.</source>
        <translation>Анықтама ({date}) кіру күнінен ({entry}) бұрын берілген. Куәландыру Қазақстанға кіргеннен кейін жүргізілуі тиіс.</translation>
    </message>
    <message>
        <source>The certificate of {date} is {age} days old; at most {limit} days are allowed at submission. A new examination is needed.</source>
        <translation>Анықтама ({date}) {age} күн бұрын берілген; өтініш берілген кезде ең көбі {limit} күн рұқсат етіледі. Жаңа куәландыру қажет.</translation>
    </message>
    <message>
        <source>The recorded housing kind is not lease/own/employer.</source>
        <translation>Тіркелген тұрғын үй түрі жалдау, меншік немесе жұмыс беруші берген тұрғын үй емес.</translation>
    </message>
    <message>
        <source>The recorded landlord type is unknown.</source>
        <translation>Тіркелген жалға беруші түрі белгісіз.</translation>
    </message>
    <message>
        <source>The dwelling must be in the programme city {city}; the agreement says {given}.</source>
        <translation>Тұрғын үй бағдарлама қаласында ({city}) орналасуы тиіс; шартта көрсетілгені: {given}.</translation>
    </message>
    <message>
        <source>The dwelling must be in the programme city {city}; the agreement says (empty).</source>
        <translation>Тұрғын үй бағдарлама қаласында ({city}) орналасуы тиіс; шартта көрсетілгені: (бос).</translation>
    </message>
    <message>
        <source>Enter the street.</source>
        <translation>Көшені енгізіңіз.</translation>
    </message>
    <message>
        <source>Enter the building number.</source>
        <translation>Үй нөмірін енгізіңіз.</translation>
    </message>
    <message>
        <source>Enter the postcode: 6 digits (010000) or Kazpost&apos;s A00A0A0.</source>
        <translation>Пошта индексін енгізіңіз: 6 цифр (010000) немесе «Қазпошта» пішімі A00A0A0.</translation>
    </message>
    <message>
        <source>Enter the agreement or title document number.</source>
        <translation>Шарттың немесе құқық белгілейтін құжаттың нөмірін енгізіңіз.</translation>
    </message>
    <message>
        <source>The agreement date {date} is in the future. Enter the date on the agreement.</source>
        <translation>Шарт күні ({date}) әлі келмеген. Шартта көрсетілген күнді енгізіңіз.</translation>
    </message>
    <message>
        <source>Say whether the owner&apos;s consent was shown.</source>
        <translation>Меншік иесінің келісімі көрсетілді ме, белгілеңіз.</translation>
    </message>
    <message>
        <source>Enter the last day of the agreement.</source>
        <translation>Шарттың соңғы күнін енгізіңіз.</translation>
    </message>
    <message>
        <source>The agreement ends on {until}, before it starts on {start}.</source>
        <translation>Шарттың аяқталу күні ({until}) басталу күнінен ({start}) бұрын.</translation>
    </message>
    <message>
        <source>The agreement starts on {start}: it must already be in force today.</source>
        <translation>Шарттың басталу күні — {start}: шарт бүгін күшінде болуы тиіс.</translation>
    </message>
    <message>
        <source>The agreement ended on {until}. A current agreement is needed.</source>
        <translation>Шарттың мерзімі аяқталды: {until}. Қолданыстағы шарт қажет.</translation>
    </message>
    <message>
        <source>Enter the landlord&apos;s name.</source>
        <translation>Жалға берушінің атын енгізіңіз.</translation>
    </message>
    <message>
        <source>Choose whether the landlord is a person or a company.</source>
        <translation>Жалға берушінің жеке тұлға немесе заңды тұлға екенін таңдаңыз.</translation>
    </message>
    <message>
        <source>Landlord&apos;s {problem}</source>
        <translation>Жалға беруші: {problem}</translation>
    </message>
    <message>
        <source>The recorded duty kind is not permit/card.</source>
        <translation>Тіркелген баж түрі ықтиярхат та, ықтиярхат картасы да емес.</translation>
    </message>
    <message>
        <source>Enter the amount in tenge as on the receipt, e.g. 17300 or 865.00.</source>
        <translation>Соманы түбіртектегідей теңгемен енгізіңіз, мысалы: 17300 немесе 865.00.</translation>
    </message>
    <message>
        <source>Enter the receipt number.</source>
        <translation>Түбіртек нөмірін енгізіңіз.</translation>
    </message>
    <message>
        <source>The payment date {date} is in the future. Enter the date on the receipt.</source>
        <translation>Төлем күні ({date}) әлі келмеген. Түбіртектегі күнді енгізіңіз.</translation>
    </message>
    <message>
        <source>Underpaid: {paid} KZT paid, {due} KZT due in {year}. The applicant must pay the difference.</source>
        <translation>Толық төленбеген: төленгені {paid} теңге, ал {year} жылы төленуге тиіс сома {due} теңге. Өтініш беруші айырманы төлеуі тиіс.</translation>
    </message>
    <message>
        <source>Passport copy</source>
        <translation>Паспорт көшірмесі</translation>
    </message>
    <message>
        <source>Police clearance</source>
        <translation>Соттылығы жоқ екені туралы анықтама</translation>
    </message>
    <message>
        <source>Proof of residence</source>
        <translation>Тұрғын үйге құқық беретін құжат</translation>
    </message>
    <message>
        <source>Medical certificate 028/u</source>
        <translation>028/е нысанды медициналық анықтама</translation>
    </message>
    <message>
        <source>Photo 35x45 mm</source>
        <translation>Фотосурет 35×45 мм</translation>
    </message>
    <message>
        <source>State duty receipt</source>
        <translation>Мемлекеттік баж түбіртегі</translation>
    </message>
    <message>
        <source>Choose which document this scan is.</source>
        <translation>Сканерленген құжаттың түрін таңдаңыз.</translation>
    </message>
    <message>
        <source>The file needs a name of at most 255 characters.</source>
        <translation>Файлдың атауы болуы және ол 255 таңбадан аспауы тиіс.</translation>
    </message>
    <message>
        <source>The file is empty. Scan the document again.</source>
        <translation>Файл бос. Құжатты қайта сканерлеңіз.</translation>
    </message>
    <message>
        <source>The file is {size} MB; at most {limit} MB is allowed. Scan at a lower resolution.</source>
        <translation>Файл көлемі {size} МБ; ең көбі {limit} МБ рұқсат етіледі. Төменірек ажыратымдылықпен сканерлеңіз.</translation>
    </message>
    <message>
        <source>This file is not a PDF, JPEG or PNG (judged by its content, not its name). Save the scan in one of these formats.</source>
        <translation>Бұл файл PDF, JPEG немесе PNG емес (атауы бойынша емес, мазмұны бойынша анықталды). Сканерленген құжатты осы пішімдердің бірінде сақтаңыз.</translation>
    </message>
    <message>
        <source>The photo must be a JPEG or PNG image, not a PDF.</source>
        <translation>Фотосурет PDF емес, JPEG немесе PNG суреті болуы тиіс.</translation>
    </message>
    <message>
        <source>No document {document} is attached on this desk.</source>
        <translation>Осы жұмыс орнында мұндай құжат қосылмаған: {document}.</translation>
    </message>
    <message>
        <source>This document has already been removed.</source>
        <translation>Бұл құжат бұрын жойылған.</translation>
    </message>
</context>
<context>
    <name>submission</name>
    <message>
        <source>No printed application is recorded for this case on this desk: sync, or print the application again.</source>
        <translation>Осы жұмыс орнында бұл іс бойынша басылған өтініш тіркелмеген: синхрондаңыз немесе өтінішті қайта басып шығарыңыз.</translation>
    </message>
    <message>
        <source>The application cannot be submitted: since it was printed, the checklist no longer passes. Record the step again, then print and submit.</source>
        <translation>Өтінішті жіберу мүмкін емес: ол басылғаннан кейін тексеру тізімінің талаптары енді орындалмайды. Қадамды қайта тіркеп, өтінішті басып шығарыңыз да, жіберіңіз.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>This desk has no central database configured. An administrator writes {file} or runs `dnr-workstation sync --central URL --save` once.</source>
        <translation>Бұл жұмыс орнында орталық дерекқор бапталмаған. Әкімші {file} файлын жазады немесе `dnr-workstation sync --central URL --save` командасын бір рет орындайды.</translation>
    </message>
    <message>
        <source>The TSA trust folder {folder} cannot be used: {error}</source>
        <translation>TSA сенімді сертификаттарының қалтасын ({folder}) пайдалану мүмкін емес: {error}</translation>
    </message>
    <message>
        <source>Cannot read the desk settings {file}: {reason}.</source>
        <translation>Жұмыс орнының баптаулар файлын оқу мүмкін емес ({file}): {reason}.</translation>
    </message>
    <message>
        <source>The desk settings {file} are not valid TOML: {error}.</source>
        <translation>Жұмыс орнының баптаулар файлы ({file}) жарамды TOML емес: {error}.</translation>
    </message>
    <message>
        <source>The desk settings {file} name no central database: add `url = &quot;...&quot;` under [central], e.g. postgresql://central.example.kz/dnr.</source>
        <translation>Жұмыс орнының баптаулар файлында ({file}) орталық дерекқор көрсетілмеген: [central] бөліміне `url = &quot;...&quot;` жолын қосыңыз, мысалы: postgresql://central.example.kz/dnr.</translation>
    </message>
    <message>
        <source>In {file}, [sync] interval_seconds must be a whole number of seconds from {min} to {max}, not {value}.</source>
        <translation>{file} файлында [sync] бөліміндегі interval_seconds мәні {min}–{max} аралығындағы бүтін секунд саны болуы тиіс, {value} емес.</translation>
    </message>
    <message>
        <source>The central URL in {file} contains a password. Remove it from the file and keep it in the OS credential store: `dnr-workstation sync --save --password-stdin`.</source>
        <translation>{file} файлындағы орталық дерекқордың URL мекенжайында құпиясөз бар. Оны файлдан алып тастап, ОЖ тіркелгі деректері қоймасында сақтаңыз: `dnr-workstation sync --save --password-stdin`.</translation>
    </message>
    <message>
        <source>The password goes to the OS credential store, not the file.</source>
        <translation>Құпиясөз файлда емес, ОЖ тіркелгі деректері қоймасында сақталады.</translation>
    </message>
    <message>
        <source>A password needs a database user: give the URL a user (postgresql://USER@host/db) or `user = &quot;...&quot;` under [central].</source>
        <translation>Құпиясөз үшін дерекқор пайдаланушысы қажет: URL мекенжайында пайдаланушыны көрсетіңіз (postgresql://USER@host/db) немесе [central] бөліміне `user = &quot;...&quot;` жолын қосыңыз.</translation>
    </message>
    <message>
        <source>The OS credential store did not take the central password ({error}). On a headless host install and unlock a Secret Service (e.g. gnome-keyring) or configure a keyring backend; the password is never written to the settings file.</source>
        <translation>ОЖ тіркелгі деректері қоймасы орталық дерекқордың құпиясөзін қабылдамады ({error}). Графикалық интерфейсі жоқ компьютерде Secret Service қызметін (мысалы, gnome-keyring) орнатып, құлпын ашыңыз немесе keyring серверін баптаңыз; құпиясөз баптаулар файлына ешқашан жазылмайды.</translation>
    </message>
    <message>
        <source>The OS credential store ({backend}) did not keep the central password; configure a keyring backend that stores passwords.</source>
        <translation>ОЖ тіркелгі деректері қоймасы ({backend}) орталық дерекқордың құпиясөзін сақтамады; құпиясөздерді сақтайтын keyring серверін баптаңыз.</translation>
    </message>
    <message>
        <source>{url} in {file} is not a database URL. Examples: sqlite:////var/lib/dnr/central.sqlite3, postgresql://central.example.kz/dnr</source>
        <translation>{file} файлындағы {url} мәні дерекқордың URL мекенжайы емес. Мысалдар: sqlite:////var/lib/dnr/central.sqlite3, postgresql://central.example.kz/dnr</translation>
    </message>
    <message>
        <source>{url} is not a database URL. Examples: sqlite:////var/lib/dnr/central.sqlite3, postgresql://central.example.kz/dnr</source>
        <translation>{url} мәні дерекқордың URL мекенжайы емес. Мысалдар: sqlite:////var/lib/dnr/central.sqlite3, postgresql://central.example.kz/dnr</translation>
    </message>
    <message>
        <source>An SQLite central has no users or passwords: leave them out of the URL in {file}.</source>
        <translation>SQLite орталық дерекқорында пайдаланушылар мен құпиясөздер болмайды: оларды {file} файлындағы URL мекенжайынан алып тастаңыз.</translation>
    </message>
    <message>
        <source>An SQLite central has no users or passwords: leave them out of the URL.</source>
        <translation>SQLite орталық дерекқорында пайдаланушылар мен құпиясөздер болмайды: оларды URL мекенжайынан алып тастаңыз.</translation>
    </message>
    <message>
        <source>In {file}, [{name}] must be a table (a [{name}] section).</source>
        <translation>{file} файлында [{name}] кесте (яғни [{name}] бөлімі) болуы тиіс.</translation>
    </message>
    <message>
        <source>In {file}, {key} must be text in quotes, not {value}.</source>
        <translation>{file} файлында {key} мәні тырнақшадағы мәтін болуы тиіс, {value} емес.</translation>
    </message>
    <message>
        <source>In {file}, [tsa] url: {error}</source>
        <translation>{file} файлында [tsa] бөліміндегі url: {error}</translation>
    </message>
    <message>
        <source>In {file}, [tsa] timeout_seconds must be a number of seconds above 0 and at most 300, not {value}.</source>
        <translation>{file} файлында [tsa] бөліміндегі timeout_seconds мәні 0-ден үлкен және 300-ден аспайтын секунд саны болуы тиіс, {value} емес.</translation>
    </message>
    <message>
        <source>In {file}, [tsa] request_certificate must be true or false, not {value}.</source>
        <translation>{file} файлында [tsa] бөліміндегі request_certificate мәні true немесе false болуы тиіс, {value} емес.</translation>
    </message>
    <message>
        <source>{url} is not a database URL. Examples: sqlite:////var/lib/dnr/central.sqlite3, postgresql+psycopg://desk@central.example.kz/dnr</source>
        <translation>{url} мәні дерекқордың URL мекенжайы емес. Мысалдар: sqlite:////var/lib/dnr/central.sqlite3, postgresql+psycopg://desk@central.example.kz/dnr</translation>
    </message>
    <message>
        <source>Central must be PostgreSQL or SQLite, not {backend} (URL {url}).</source>
        <translation>Орталық дерекқор {backend} емес, PostgreSQL немесе SQLite болуы тиіс (URL {url}).</translation>
    </message>
    <message>
        <source>The folder for the central file does not exist: {folder}</source>
        <translation>Орталық дерекқор файлына арналған қалта жоқ: {folder}</translation>
    </message>
    <message>
        <source>No database driver for {driver}.</source>
        <translation>Дерекқор драйвері жоқ: {driver}.</translation>
    </message>
    <message>
        <source>Central refused the desk&apos;s credentials ({who} at {where}): {reason}. Check the user name and the password kept in the credential store, or ask the administrator to run `dnr-workstation central add-workstation` again.</source>
        <translation>Орталық дерекқор жұмыс орнының тіркелгі деректерін қабылдамады ({who}, {where}): {reason}. Пайдаланушы атын және тіркелгі деректері қоймасында сақталған құпиясөзді тексеріңіз немесе әкімшіден `dnr-workstation central add-workstation` командасын қайта орындауды сұраңыз.</translation>
    </message>
    <message>
        <source>Cannot reach central at {url}: {reason}</source>
        <translation>Орталық дерекқорға қосылу мүмкін емес ({url}): {reason}</translation>
    </message>
    <message>
        <source>Central refused {user}: {reason}. A desk&apos;s role may read and write only its own branch&apos;s city: check the desk&apos;s city, or ask the administrator.</source>
        <translation>Орталық дерекқор пайдаланушыны қабылдамады ({user}): {reason}. Жұмыс орнының рөлі тек өз филиалы қаласының деректерін оқып, жаза алады: жұмыс орнының қаласын тексеріңіз немесе әкімшіге жүгініңіз.</translation>
    </message>
    <message>
        <source>Lost the connection to central at {url}: {reason}</source>
        <translation>Орталық дерекқормен байланыс үзілді ({url}): {reason}</translation>
    </message>
    <message>
        <source>Central has no DNR schema yet. An administrator runs `dnr-workstation central init URL` once.</source>
        <translation>Орталық дерекқорда әлі DNR сұлбасы жоқ. Әкімші `dnr-workstation central init URL` командасын бір рет орындайды.</translation>
    </message>
    <message>
        <source>Central&apos;s schema ({current}) is older than this desk ({head}): an administrator upgrades it with `dnr-workstation central init URL`.</source>
        <translation>Орталық дерекқордың сұлбасы ({current}) осы жұмыс орнының нұсқасынан ({head}) ескі: әкімші оны `dnr-workstation central init URL` командасымен жаңартады.</translation>
    </message>
    <message>
        <source>Central&apos;s schema ({current}) is newer than this desk knows ({head}): update the desk application.</source>
        <translation>Орталық дерекқордың сұлбасы ({current}) осы жұмыс орны білетін нұсқадан ({head}) жаңа: жұмыс орнының бағдарламасын жаңартыңыз.</translation>
    </message>
</context>
<context>
    <name>timestamps</name>
    <message>
        <source>The time-stamping authority refused the request ({status}: {text}).</source>
        <translation>Уақыт белгілері қызметі сұрауды қабылдамады ({status}: {text}).</translation>
    </message>
    <message>
        <source>The time-stamp answers another request (its nonce differs).</source>
        <translation>Уақыт белгісі басқа сұрауға берілген (nonce мәні сәйкес келмейді).</translation>
    </message>
    <message>
        <source>The time-stamp&apos;s hash algorithm is not accepted.</source>
        <translation>Уақыт белгісінің хэш алгоритміне рұқсат жоқ.</translation>
    </message>
    <message>
        <source>The time-stamp is dated in the future ({time}).</source>
        <translation>Уақыт белгісі болашақ уақытпен белгіленген ({time}).</translation>
    </message>
    <message>
        <source>The time-stamping authority&apos;s certificate is neither in the token nor in the TSA trust of this desk.</source>
        <translation>Уақыт белгілері қызметінің сертификаты токенде де, осы жұмыс орнының TSA сенімді сертификаттар қоймасында да жоқ.</translation>
    </message>
    <message>
        <source>The time-stamp&apos;s content was changed after the TSA signed it.</source>
        <translation>Уақыт белгісінің мазмұны TSA оған қол қойғаннан кейін өзгертілген.</translation>
    </message>
    <message>
        <source>The time-stamp&apos;s signature does not match the TSA&apos;s key.</source>
        <translation>Уақыт белгісінің қолтаңбасы TSA кілтіне сәйкес келмейді.</translation>
    </message>
    <message>
        <source>The time-stamp does not name its TSA certificate (ESS signing-certificate), or names another one.</source>
        <translation>Уақыт белгісінде оның TSA сертификаты көрсетілмеген (ESS signing-certificate) немесе басқа сертификат көрсетілген.</translation>
    </message>
    <message>
        <source>The token&apos;s signer is not a time-stamping authority (its certificate is not for time-stamping only).</source>
        <translation>Токенге қол қоюшы уақыт белгілері қызметі емес (оның сертификаты тек уақыт белгілеріне арналмаған).</translation>
    </message>
    <message>
        <source>The time-stamping authority is not trusted: {reason}</source>
        <translation>Уақыт белгілері қызметі сенімді емес: {reason}</translation>
    </message>
    <message>
        <source>The time-stamp token is not valid: {error}</source>
        <translation>Уақыт белгісінің токені жарамсыз: {error}</translation>
    </message>
    <message>
        <source>The time-stamp is for other data (its message imprint differs).</source>
        <translation>Уақыт белгісі басқа деректерге берілген (message imprint мәні сәйкес келмейді).</translation>
    </message>
    <message>
        <source>The TSA address {url} is not an http(s) URL.</source>
        <translation>TSA мекенжайы ({url}) http(s) URL мекенжайы емес.</translation>
    </message>
    <message>
        <source>The time-stamping authority {url} cannot be reached: {reason}</source>
        <translation>Уақыт белгілері қызметіне қосылу мүмкін емес ({url}): {reason}</translation>
    </message>
    <message>
        <source>{url} did not answer as a time-stamping authority ({content_type}).</source>
        <translation>{url} уақыт белгілері қызметі ретінде жауап бермеді ({content_type}).</translation>
    </message>
</context>
</TS>
