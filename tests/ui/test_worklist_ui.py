"""The worklist as a clerk uses it: type to search, filter, open a case with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import wait_idle
from ui.main_window import MainWindow
from ui.worklist_model import CASE_ID_ROLE
from workstation.services.worklist import DeadlineFilter, StatusFilter


def _wait_loaded(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(1)
    wait_idle(qtbot, window)


def _rows(window: MainWindow) -> list[tuple[str, ...]]:
    model = window.model
    return [
        tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_focus_starts_in_search(main_window: MainWindow) -> None:
    assert QApplication.focusWidget() is main_window.worklist.search


def test_typing_an_iin_prefix_finds_that_person(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    first = main_window.model.row_at(0)
    qtbot.keyClicks(main_window.worklist.search, first.iin[:8])
    _wait_loaded(qtbot, main_window)
    iins = [main_window.model.row_at(r).iin for r in range(main_window.model.rowCount())]
    assert first.iin in iins
    # Eight digits also match passports with those digits? No: passports start with letters.
    assert all(i.startswith(first.iin[:8]) for i in iins)


def test_surname_search_is_case_insensitive_prefix(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    main_window.worklist.status_filter.setCurrentIndex(
        main_window.worklist.status_filter.findData(StatusFilter.ALL)
    )
    _wait_loaded(qtbot, main_window)
    target = main_window.model.row_at(3)
    prefix = target.surname[:4].lower()
    qtbot.keyClicks(main_window.worklist.search, prefix)
    _wait_loaded(qtbot, main_window)
    model = main_window.model
    surnames = [model.row_at(r).surname for r in range(model.rowCount())]
    given = [model.row_at(r).given_names for r in range(model.rowCount())]
    assert target.surname in surnames
    assert all(
        s.upper().startswith(prefix.upper()) or g.upper().startswith(prefix.upper())
        for s, g in zip(surnames, given, strict=True)
    )
    assert main_window.worklist.count_label.text().startswith(str(model.rowCount()))


def test_cyrillic_surname_finds_the_latin_passport_name(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    main_window.worklist.status_filter.setCurrentIndex(
        main_window.worklist.status_filter.findData(StatusFilter.ALL)
    )
    _wait_loaded(qtbot, main_window)
    rows = [main_window.model.row_at(r) for r in range(main_window.model.rowCount())]
    with_cyrillic = next(r for r in rows if r.surname_cyr)
    # QTest cannot type non-Latin-1 keys (it aborts); insert() is what an input method does.
    main_window.worklist.search.insert(with_cyrillic.surname_cyr[:3].lower())
    _wait_loaded(qtbot, main_window)
    found = [main_window.model.row_at(r).case_id for r in range(main_window.model.rowCount())]
    assert with_cyrillic.case_id in found


def test_no_match_says_so_and_the_list_is_empty(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(main_window.worklist.search, "zzqx")
    _wait_loaded(qtbot, main_window)
    assert main_window.model.rowCount() == 0
    assert main_window.worklist.count_label.text().startswith("0")
    assert main_window.worklist.empty_hint.isVisible()


def test_default_order_is_urgency_and_days_left_are_coloured(main_window: MainWindow) -> None:
    rows = [main_window.model.row_at(r) for r in range(main_window.model.rowCount())]
    assert [r.window_end for r in rows] == sorted(r.window_end for r in rows)
    assert all(r.days_left >= 0 for r in rows if r.state == "approved")
    urgent = next(i for i, r in enumerate(rows) if 0 <= r.days_left <= 3)
    relaxed = next(i for i, r in enumerate(rows) if r.days_left > 7)
    colour = main_window.model.data(
        main_window.model.index(urgent, 0), Qt.ItemDataRole.ForegroundRole
    )
    other = main_window.model.data(
        main_window.model.index(relaxed, 0), Qt.ItemDataRole.ForegroundRole
    )
    assert colour != other


def test_deadline_filter_keeps_only_windows_ending_soon(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = main_window.worklist
    panel.deadline_filter.setCurrentIndex(
        panel.deadline_filter.findData(DeadlineFilter.WITHIN_3_DAYS)
    )
    _wait_loaded(qtbot, main_window)
    rows = [main_window.model.row_at(r) for r in range(main_window.model.rowCount())]
    assert rows
    assert all(0 <= r.days_left <= 3 for r in rows)


def test_window_closed_filter_shows_expired_approvals(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = main_window.worklist
    panel.status_filter.setCurrentIndex(panel.status_filter.findData(StatusFilter.ANNULLED))
    _wait_loaded(qtbot, main_window)
    rows = [main_window.model.row_at(r) for r in range(main_window.model.rowCount())]
    assert rows
    assert all(r.days_left < 0 for r in rows)
    assert "closed" in main_window.model.data(main_window.model.index(0, 0))


def test_enter_in_search_opens_the_first_case(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    target = main_window.model.row_at(2)
    qtbot.keyClicks(main_window.worklist.search, target.passport_number)
    _wait_loaded(qtbot, main_window)
    with qtbot.waitSignal(main_window.case_shown) as shown:
        qtbot.keyClick(main_window.worklist.search, Qt.Key.Key_Return)
    assert shown.args == [target.case_id]
    assert main_window.case_view.name.text() == f"{target.surname} {target.given_names}"


def test_arrow_down_walks_into_the_list_and_selection_shows_the_case(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(main_window.worklist.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is main_window.worklist.table
    with qtbot.waitSignal(main_window.case_shown) as shown:
        qtbot.keyClick(main_window.worklist.table, Qt.Key.Key_Down)
    assert shown.args == [main_window.model.data(main_window.model.index(1, 0), CASE_ID_ROLE)]


def test_scrolling_fetches_further_pages_each_row_once(qtbot, desk_session) -> None:  # type: ignore[no-untyped-def]
    from ui.runner import Runner
    from ui.worklist_model import WorklistModel
    from workstation.services.worklist import WorklistQuery

    runner = Runner()
    model = WorklistModel(desk_session.desk(), runner, page_size=10)
    with qtbot.waitSignal(model.loaded):
        model.set_query(WorklistQuery(status=StatusFilter.ALL))
    assert model.rowCount() == 10 and model.total == 40
    while model.canFetchMore():
        model.fetchMore()
        wait_idle(qtbot, runner)
    ids = [model.row_at(r).case_id for r in range(model.rowCount())]
    assert len(ids) == 40 == len(set(ids))
    runner.shutdown()
