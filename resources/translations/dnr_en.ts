<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CaseView</name>
    <message numerus="yes">
        <source>%n day(s) left to enter Kazakhstan (until {end}).</source>
        <translation>
            <numerusform>%n day left to enter Kazakhstan (until {end}).</numerusform>
            <numerusform>%n days left to enter Kazakhstan (until {end}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message numerus="yes">
        <source>PDF document, %n page(s), {size}.</source>
        <translation>
            <numerusform>PDF document, %n page, {size}.</numerusform>
            <numerusform>PDF document, %n pages, {size}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FingerprintScreen</name>
    <message numerus="yes">
        <source>{slap}: %n print(s) captured.</source>
        <translation>
            <numerusform>{slap}: %n print captured.</numerusform>
            <numerusform>{slap}: %n prints captured.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message numerus="yes">
        <source>%n CA certificate(s) found.</source>
        <translation>
            <numerusform>%n CA certificate found.</numerusform>
            <numerusform>%n CA certificates found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CRL(s) found.</source>
        <translation>
            <numerusform>%n CRL found.</numerusform>
            <numerusform>%n CRLs found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message numerus="yes">
        <source>%n page(s). Check the form, then print it.</source>
        <translation>
            <numerusform>%n page. Check the form, then print it.</numerusform>
            <numerusform>%n pages. Check the form, then print it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewQueuePanel</name>
    <message numerus="yes">
        <source>%n application(s) waiting for a decision</source>
        <translation>
            <numerusform>%n application waiting for a decision</numerusform>
            <numerusform>%n applications waiting for a decision</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <source>%n event(s) to send</source>
        <translation>
            <numerusform>%n event to send</numerusform>
            <numerusform>%n events to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n approval(s) refused: signature</source>
        <translation>
            <numerusform>⚠ %n approval refused: signature</numerusform>
            <numerusform>⚠ %n approvals refused: signature</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n pulled item(s) not applied</source>
        <translation>
            <numerusform>⚠ %n pulled item not applied</numerusform>
            <numerusform>⚠ %n pulled items not applied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n event(s) missing from central</source>
        <translation>
            <numerusform>⚠ %n event missing from central</numerusform>
            <numerusform>⚠ %n events missing from central</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Receiving… %n event(s)</source>
        <translation>
            <numerusform>Receiving… %n event</numerusform>
            <numerusform>Receiving… %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending… %n event(s)</source>
        <translation>
            <numerusform>Sending… %n event</numerusform>
            <numerusform>Sending… %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message numerus="yes">
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
</context>
</TS>
