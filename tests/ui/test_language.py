"""The desk's language: chosen, remembered, applied to Qt's own texts, dates and numbers."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

import ui.app as app_module
from tests.ui.test_login import Desk, desk, pki  # noqa: F401 (fixtures)
from ui import i18n
from ui.language import language_menu
from ui.login_dialog import LANGUAGE_CHANGED, LoginDialog
from ui.ui_settings import settings
from workstation.i18n import QT_TRANSLATE_NOOP


@pytest.fixture(autouse=True)
def english_afterwards(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Each test starts and ends with no catalogue installed and the system locale."""
    before = QLocale()
    i18n.uninstall()
    yield
    i18n.uninstall()
    QLocale.setDefault(before)


def test_a_chosen_language_is_saved_beside_the_desk_settings_and_read_back(tmp_path: Path) -> None:
    i18n.save_language("kk")
    ini = Path(settings().fileName())
    assert ini.name == "ui.ini" and ini.exists()
    assert QSettings(str(ini), QSettings.Format.IniFormat).value("language") == "kk"
    assert i18n.saved_language() == "kk"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.save_language("de")


def test_the_override_comes_first_then_environment_saved_system_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    monkeypatch.setattr(i18n, "system_language", lambda: None)
    assert i18n.chosen_language() == "en"
    monkeypatch.setattr(i18n, "system_language", lambda: "ru")
    assert i18n.chosen_language() == "ru"
    i18n.save_language("kk")
    assert i18n.chosen_language() == "kk"
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "en")
    assert i18n.chosen_language() == "en"
    assert i18n.chosen_language("ru") == "ru"
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "xx")  # not a language of the desk: ignored
    assert i18n.chosen_language() == "kk"


def test_pseudo_lengthens_by_forty_percent_and_keeps_placeholders_and_accelerators() -> None:
    source = "&Save {count} cases for %n days && <b>print</b>"
    fake = i18n.pseudo(source)
    assert len(fake) >= 1.4 * len(source)
    for kept in ("{count}", "%n", "&&", "<b>", "</b>"):
        assert kept in fake
    assert fake.count("&") == source.count("&")
    assert "Save" not in fake and "&Š" in fake
    assert i18n.pseudo("") == "" and i18n.pseudo("  ") == "  "


def test_qts_own_buttons_follow_the_language(qapp) -> None:  # type: ignore[no-untyped-def]
    def cancel_text() -> str:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        button = box.button(QDialogButtonBox.StandardButton.Cancel)
        return button.text().replace("&", "")

    assert cancel_text() == "Cancel"
    i18n.install("ru")
    assert cancel_text() == "Отмена"
    i18n.install("kk")
    assert cancel_text() == "Бас тарту"  # Qt's own Kazakh catalogue
    i18n.install("en")
    assert cancel_text() == "Cancel"


@pytest.mark.parametrize(
    ("language", "number", "long_date"),
    [
        ("en", "1,234,567", "10 March 2026"),
        ("ru", "1 234 567", "10 марта 2026 г."),
        ("kk", "1 234 567", "2026 ж. 10 наурыз"),
    ],
)
def test_numbers_and_dates_are_written_the_local_way(
    qapp,
    language: str,
    number: str,
    long_date: str,  # type: ignore[no-untyped-def]
) -> None:
    i18n.install(language)
    assert i18n.format_number(1234567).replace("\xa0", " ") == number
    assert i18n.format_number(865.5, 2).replace("\xa0", " ") in ("865.50", "865,50")
    # Kazakhstan writes dates day first with dots, four-digit year, in all three languages.
    assert i18n.format_date(date(2026, 3, 10)) == "10.03.2026"
    assert i18n.format_long_date(date(2026, 3, 10)).replace("\u202f", " ") == long_date


class OneText(QTranslator):
    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        table = {
            ("lifecycle", "The entry date {date} is in the future."): (
                "Дата въезда {date} ещё не наступила."
            ),
            ("login", "{n} attempts left."): "Осталось попыток: {n}.",
        }
        return table.get((context, source), "")


def test_core_messages_are_shown_translated_with_their_values(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = OneText()
    QCoreApplication.installTranslator(translator)
    try:
        message = QT_TRANSLATE_NOOP("lifecycle", "The entry date {date} is in the future.")
        error = ValueError(message.format(date=date(2026, 3, 10)))
        error.add_note(QT_TRANSLATE_NOOP("login", "{n} attempts left.").format(n=2))
        assert i18n.error_text(error) == (
            "Дата въезда 10.03.2026 ещё не наступила. Осталось попыток: 2."
        )
    finally:
        QCoreApplication.removeTranslator(translator)
    # Without a translation a message is shown in English, a plain error as it is.
    plain = QT_TRANSLATE_NOOP("lifecycle", "Not translated {x}.").format(x=1)
    assert i18n.text_of(plain) == "Not translated 1."
    assert i18n.error_text(RuntimeError("disk full")) == "disk full"


def test_the_login_screen_offers_the_languages_and_a_choice_is_saved(qtbot, desk: Desk) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    dialog = LoginDialog(desk.service())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.language is not None
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["Қазақша", "Русский", "English"]
    dialog.language.activated.emit(1)
    assert dialog.result() == LANGUAGE_CHANGED
    assert dialog.chosen_language == "ru"
    assert i18n.saved_language() == "ru"


def test_the_unlock_screen_has_no_language_choice(qtbot, desk: Desk, pki) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    from workstation.security.roles import Role

    service = desk.service()
    staff = service.log_in(pki.staff_for(Role.CLERK).auth_p12, pki.password)
    dialog = LoginDialog(service, locked=staff)
    qtbot.addWidget(dialog)
    assert dialog.language is None


def test_log_in_shows_the_screen_again_in_the_chosen_language(
    qtbot,
    desk: Desk,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    made: list[str] = []

    class Scripted(LoginDialog):
        def exec(self) -> int:  # type: ignore[override]
            made.append(i18n.current_language())
            if len(made) == 1:
                assert self.language is not None
                self.language.activated.emit(0)  # Қазақша
                return self.result()
            self.reject()  # closes it: a modal dialog left open would block later tests
            return self.result()

    monkeypatch.setattr(app_module, "LoginDialog", Scripted)
    args = argparse.Namespace(password_stdin=False, key=None, pseudo=False)
    assert app_module.log_in(desk.service(), None, args, io.StringIO()) is None
    assert made == ["en", "kk"]
    assert i18n.saved_language() == "kk"


def test_the_language_menu_saves_the_choice_for_the_next_start(
    qtbot,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from PySide6.QtWidgets import QWidget

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = language_menu(parent)
    assert menu.objectName() == "languageMenu"
    actions = {a.objectName(): a for a in menu.actions()}
    assert set(actions) == {"language_kk", "language_ru", "language_en"}
    assert actions["language_en"].isChecked()
    actions["language_ru"].trigger()
    assert i18n.saved_language() == "ru"
    assert told == ["DNR Workstation will open in Русский the next time it starts."]
    assert actions["language_ru"].isChecked() and not actions["language_en"].isChecked()


class Stop(Exception):
    pass


def test_demo_mode_chosen_on_the_first_run_is_remembered(
    qapp,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    """Bug: "Use demo mode" on the first-run screen was asked again at every start."""
    asked: list[bool] = []
    opened: list[bool] = []

    class DemoChosen:
        def __init__(self, _data_dir: Path) -> None:
            self.choice = "demo"
            asked.append(True)

        def exec(self) -> int:
            return QDialog.DialogCode.Accepted.value

    def open_session(args: argparse.Namespace) -> None:
        opened.append(args.demo)
        raise Stop

    monkeypatch.setattr("ui.first_run.FirstRunDialog", DemoChosen)  # imported on first run
    monkeypatch.setattr(app_module, "open_session", open_session)
    monkeypatch.setattr(app_module, "default_data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr("ui.ui_settings.config_path", lambda: tmp_path / "none.toml")
    for _ in range(2):
        with pytest.raises(Stop):
            app_module.run([])
    assert asked == [True]  # asked once
    assert opened == [True, True]  # the demo desk both times


def test_stored_reasons_are_shown_in_the_desks_language(qapp) -> None:  # type: ignore[no-untyped-def]
    """Annulment and refusal reasons are stored in English; the catalogue's templates read
    them back so the clerk sees them translated."""
    assert i18n.register_catalogue_sources() > 800
    stored = (
        "Entered on 12.04.2026, after the arrival window closed on 10.04.2026; "
        "the approval is annulled."
    )

    class Late(QTranslator):
        def translate(  # type: ignore[override]
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            if source.startswith("Entered on {date}"):
                return "Въезд {date}, после окончания срока {closed}: одобрение аннулировано."
            return source

    translator = Late()
    QCoreApplication.installTranslator(translator)
    try:
        assert i18n.stored_text(stored, *i18n.STORED_CONTEXTS) == (
            "Въезд 12.04.2026, после окончания срока 10.04.2026: одобрение аннулировано."
        )
        assert i18n.stored_text("typed by hand", *i18n.STORED_CONTEXTS) == "typed by hand"
    finally:
        QCoreApplication.removeTranslator(translator)
