"""Background sync with central and its part of the status bar.

`BackgroundSync` runs a sync round on a timer and on demand, one batch per job on the
desk's single database worker (`ui.runner.Runner`), so the clerk's own work is served
between two batches of a long first pull and the screen never waits for the network.
There is never more than one round at a time. `SyncStatusBar` shows online or offline,
the events waiting to be sent, the last successful sync, progress, and why central refused.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStatusBar,
    QToolButton,
    QWidget,
)

from ui import i18n
from ui.changes import ChangeHub
from ui.runner import PROGRESS_DELAY_MS, Runner
from workstation.domain.clock import KAZAKHSTAN_TIME
from workstation.services.context import Changes
from workstation.services.quarantine import QuarantinedApproval
from workstation.services.setup import DeskSession
from workstation.sync.config import SettingsInvalid
from workstation.sync.gaps import Gap
from workstation.sync.gateway import CentralError, CentralUnreachable
from workstation.sync.syncer import Stage, SyncReport, SyncRound

log = logging.getLogger(__name__)

# While a long pull runs, the worklist shows what has arrived at most this often.
WORKLIST_REFRESH_S = 2.0


class SyncState(Enum):
    NOT_CONFIGURED = "not_configured"
    NOT_YET = "not_yet"  # configured, no round finished since the desk opened
    ONLINE = "online"
    OFFLINE = "offline"  # central unreachable: the desk keeps working, the queue waits
    REFUSED = "refused"  # central answered no: credentials, schema, settings
    FAILED = "failed"  # anything else (a bug): logged in full


_COLOURS = {
    SyncState.NOT_CONFIGURED: "#6b7280",
    SyncState.NOT_YET: "#6b7280",
    SyncState.ONLINE: "#15803d",
    SyncState.OFFLINE: "#b45309",
    SyncState.REFUSED: "#b91c1c",
    SyncState.FAILED: "#b91c1c",
}


class SyncStatusBar(QWidget):
    """The status bar's sync part: [progress] ● state · queue · last sync [Sync now]."""

    def __init__(self, sync_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = SyncState.NOT_YET
        self.progress_label = QLabel()
        self.progress_label.setObjectName("syncProgress")
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)  # central does not say how much is left: busy
        self.progress_bar.setMaximumWidth(90)
        self.progress_bar.setMaximumHeight(14)
        self.progress_bar.setTextVisible(False)
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        self.error_label = QLabel()
        self.error_label.setObjectName("syncError")
        self.error_label.setStyleSheet(f"color: {_COLOURS[SyncState.REFUSED]};")
        self.error_label.setMaximumWidth(520)
        self.queue_label = QLabel()
        self.queue_label.setObjectName("syncQueue")
        self.last_label = QLabel()
        self.last_label.setObjectName("syncLast")
        # Pulled approvals refused for their signatures: shown until re-issued.
        self.quarantine_button = QToolButton()
        self.quarantine_button.setObjectName("syncQuarantine")
        self.quarantine_button.setAutoRaise(True)
        self.quarantine_button.setStyleSheet(
            f"color: {_COLOURS[SyncState.REFUSED]}; font-weight: 600;"
        )
        self.quarantine_button.setVisible(False)
        self.quarantined: list[QuarantinedApproval] = []
        self.quarantine_button.clicked.connect(self.show_quarantine_dialog)
        # Holes in a workstation's numbers (sync.gaps): events central has not delivered.
        self.gap_label = QLabel()
        self.gap_label.setObjectName("syncGap")
        self.gap_label.setStyleSheet(f"color: {_COLOURS[SyncState.REFUSED]}; font-weight: 600;")
        self.gap_label.setVisible(False)
        self.sync_button = QToolButton()
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setDefaultAction(sync_action)
        self.sync_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.sync_button.setAutoRaise(True)

        layout = self._row = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for widget in (
            self.progress_label,
            self.progress_bar,
            self.state_label,
            self.error_label,
            self.queue_label,
            self.last_label,
            self.quarantine_button,
            self.gap_label,
            self.sync_button,
        ):
            layout.addWidget(widget)
        self.hide_progress()
        self.error_label.setVisible(False)
        self.last_label.setText(self.tr("Not synced yet"))
        # When the status bar cannot show everything (long translations, a narrow window), the
        # last sync and then the queue give way: their texts go into the state's tooltip, so
        # the state and a refused approval stay whole. Re-fitted on each change of either.
        self.state_message = ""
        self.folded: list[QLabel] = []
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.timeout.connect(self.fit)

    # ---- fitting into the status bar ----------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        bar = self.parentWidget()
        if event.type() == QEvent.Type.ParentChange and isinstance(bar, QStatusBar):
            bar.installEventFilter(self)
        elif event.type() == QEvent.Type.LayoutRequest:  # a text or a part shown changed
            self._refit.start(0)
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._refit.start(0)
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        """Fold (hide) the last sync, then the queue, while the status bar is too narrow for all
        it holds; unfold them once there is room again."""
        bar = self.parentWidget()
        if not isinstance(bar, QStatusBar) or not bar.isVisible():
            return
        spacing = self._row.spacing()
        for label in (self.last_label, self.queue_label):  # the least needed first
            if label not in self.folded and bar.sizeHint().width() > bar.width():
                self.folded.append(label)
                label.setVisible(False)
                self._relayout()
        for label in reversed(list(self.folded)):
            room = bar.width() - bar.sizeHint().width()
            if room < label.sizeHint().width() + spacing:
                break
            self.folded.remove(label)
            label.setVisible(True)
            self._relayout()
        self._show_state_tooltip()

    def _relayout(self) -> None:
        self._row.invalidate()
        self.updateGeometry()  # the status bar asks again how wide this is

    def _show_state_tooltip(self) -> None:
        folded = [
            label.text() for label in (self.queue_label, self.last_label) if label in self.folded
        ]
        self.state_label.setToolTip("\n".join(t for t in (self.state_message, *folded) if t))

    def show_state(self, state: SyncState, message: str = "") -> None:
        self.state = state
        text = {
            SyncState.NOT_CONFIGURED: self.tr("No central database"),
            SyncState.NOT_YET: self.tr("Connecting…"),
            SyncState.ONLINE: self.tr("Online"),
            SyncState.OFFLINE: self.tr("Offline"),
            SyncState.REFUSED: self.tr("Central refused"),
            SyncState.FAILED: self.tr("Sync failed"),
        }[state]
        self.state_label.setText(f"● {text}")
        self.state_label.setStyleSheet(f"color: {_COLOURS[state]}; font-weight: 600;")
        self.state_message = message
        self._show_state_tooltip()
        # Offline is expected (the desk works on); a refusal needs someone to act.
        shown = state in {SyncState.REFUSED, SyncState.FAILED, SyncState.NOT_CONFIGURED}
        self.error_label.setText(
            self.error_label.fontMetrics().elidedText(
                message, Qt.TextElideMode.ElideRight, self.error_label.maximumWidth()
            )
            if shown
            else ""
        )
        self.error_label.setToolTip(message if shown else "")
        self.error_label.setVisible(shown and bool(message))

    def show_queue(self, length: int) -> None:
        self.queue_label.setText(
            self.tr("%n event(s) to send", "", length) if length else self.tr("Nothing to send")
        )
        self.queue_label.setStyleSheet(
            f"color: {_COLOURS[SyncState.OFFLINE]};" if length else "color: palette(text);"
        )
        self._refit.start(0)

    def show_quarantine(self, approvals: list[QuarantinedApproval]) -> None:
        self.quarantined = approvals
        count = len(approvals)
        if all(item.kind == "approval" for item in approvals):
            self.quarantine_button.setText(
                self.tr("⚠ %n approval(s) refused: signature", "", count)
            )
            self.quarantine_button.setToolTip(
                self.tr("Approvals whose signatures do not check out were not applied. Show them.")
            )
        else:
            self.quarantine_button.setText(self.tr("⚠ %n pulled item(s) not applied", "", count))
            self.quarantine_button.setToolTip(
                self.tr(
                    "Events from central whose signatures do not check out, or rows this desk "
                    "cannot read, were not applied. Show them."
                )
            )
        self.quarantine_button.setVisible(count > 0)

    def show_gaps(self, gaps: list[Gap]) -> None:
        """Events missing from other desks' numbering: central lost or withheld them."""
        missing = sum(g.missing for g in gaps)
        self.gap_label.setText(self.tr("⚠ %n event(s) missing from central", "", missing))
        self.gap_label.setToolTip(
            "\n".join(
                self.tr("{count} event(s) this desk sent were never returned by central").format(
                    count=g.missing
                )
                if g.kind == "unreturned"
                else self.tr("{desk}: events {first} to {last} not received").format(
                    desk=g.workstation_id, first=g.first, last=g.last
                )
                for g in gaps[:20]
            )
        )
        self.gap_label.setVisible(missing > 0)
        self._refit.start(0)

    def show_quarantine_dialog(self) -> None:
        from ui.quarantine_dialog import QuarantineDialog

        QuarantineDialog(self.quarantined, self).exec()

    def show_last_sync(self, when: datetime, report: SyncReport) -> None:
        local = when.astimezone(KAZAKHSTAN_TIME)
        self.last_label.setText(self.tr("Last sync {time}").format(time=local.strftime("%H:%M")))
        self._refit.start(0)  # its text is in the state's tooltip while folded
        self.last_label.setToolTip(
            self.tr("{date} {time}: {summary}").format(
                date=i18n.format_date(local.date()),
                time=local.strftime("%H:%M"),
                summary=summary_text(report),
            )
        )

    def show_progress(self, stage: Stage, pushed: int, pulled: int) -> None:
        if stage is Stage.PULL or pulled:
            text = self.tr("Receiving… %n event(s)", "", pulled)
        elif stage is Stage.PUSH and pushed:
            text = self.tr("Sending… %n event(s)", "", pushed)
        else:
            text = self.tr("Syncing…")
        self.progress_label.setText(text)
        self.progress_label.setVisible(True)
        self.progress_bar.setVisible(True)

    def hide_progress(self) -> None:
        self.progress_label.setVisible(False)
        self.progress_bar.setVisible(False)


class BackgroundSync(QObject):
    """Sync rounds on a timer and on demand, off the GUI thread, one at a time."""

    running_changed = Signal(bool)
    finished = Signal(object)  # the SyncReport, or the exception that ended the round

    def __init__(
        self,
        session: DeskSession,
        runner: Runner,
        changes: ChangeHub,
        status: SyncStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.changes = changes
        self.status = status
        self.last_report: SyncReport | None = None
        self.last_success: datetime | None = None
        self._round: SyncRound | None = None
        self._running = False
        self._stopping = False
        self._refreshed_at = 0.0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)  # re-armed after each round: the interval is a pause
        self.timer.setInterval(session.sync_interval() * 1000)
        self.timer.timeout.connect(self.sync_now)
        self._progress_delay = QTimer(self)
        self._progress_delay.setSingleShot(True)
        self._progress_delay.timeout.connect(self._show_progress)
        status.show_state(
            SyncState.NOT_YET if self.configured else SyncState.NOT_CONFIGURED,
            ""
            if self.configured
            else self.tr("An administrator sets up the connection to central."),
        )

    @property
    def configured(self) -> bool:
        return self.session.central_url is not None

    @property
    def running(self) -> bool:
        return self._running

    def start_timer(self) -> None:
        """Sync every interval from now on (only when a central is configured)."""
        if self.configured and not self._stopping:
            self.timer.start()

    def sync_now(self) -> bool:
        """Start a round; False (and nothing started) when one is already running."""
        if self._running or self._stopping:
            return False
        self._running = True
        self.running_changed.emit(True)
        self.timer.stop()
        self._refreshed_at = time.monotonic()
        self._progress_delay.start(PROGRESS_DELAY_MS)
        self.runner.run(self.session.start_sync, self._begin, self._failed)
        return True

    def stop(self) -> None:
        """No new round and no next batch (the window closes); the batch under way ends."""
        self._stopping = True
        self.timer.stop()
        self._progress_delay.stop()

    def refresh_queue(self) -> None:
        session = self.session
        self.runner.run(session.queue_length, self.status.show_queue, self._queue_unknown)

    # One batch per runner job ----------------------------------------------------------

    def _begin(self, round_: SyncRound) -> None:
        self._round = round_
        self._next_step()

    def _next_step(self) -> None:
        round_ = self._round
        assert round_ is not None
        if self._stopping:
            self._close_round()
            self._end()
            return
        self.runner.run(round_.step, self._stepped, self._failed)

    def _stepped(self, more: bool) -> None:
        round_ = self._round
        assert round_ is not None
        if self.status.progress_bar.isVisible():
            self._show_progress()
        now = time.monotonic()
        if round_.pulled and now - self._refreshed_at >= WORKLIST_REFRESH_S:
            self._refreshed_at = now
            self.changes.publish(Changes(worklist=True), self)
        if more:
            self._next_step()
            return
        report = round_.report
        self._close_round()
        self.last_report = report
        self.last_success = self.session.clock.now()
        self.status.show_state(SyncState.ONLINE, summary_text(report))
        self.status.show_last_sync(self.last_success, report)
        if report.pulled or report.pushed or report.replayed:
            self.changes.publish(
                Changes(
                    case_ids=report.case_ids,
                    worklist=bool(report.applied or report.refused or report.replayed),
                ),
                self,
            )
        self._end(report)

    def _failed(self, error: BaseException) -> None:
        self._close_round()
        state, message = describe_failure(error)
        if state is SyncState.FAILED:
            log.error("sync failed", exc_info=error)
        self.status.show_state(state, message)
        self._end(error)

    def _end(self, outcome: object = None) -> None:
        self._progress_delay.stop()
        self.status.hide_progress()
        self._running = False
        self.running_changed.emit(False)
        if not self._stopping:
            self.refresh_queue()
            self.runner.run(
                self.session.quarantined, self.status.show_quarantine, self._queue_unknown
            )
            self.runner.run(self.session.gaps, self.status.show_gaps, self._queue_unknown)
        if outcome is not None:
            self.finished.emit(outcome)
        self.start_timer()

    def _close_round(self) -> None:
        round_, self._round = self._round, None
        if round_ is not None:  # disposing the engine is database work: the worker does it
            self.runner.run(round_.close, lambda _none: None, self._close_failed)

    def _close_failed(self, error: BaseException) -> None:
        log.warning("closing the connection to central failed: %s", error)

    def _show_progress(self) -> None:
        round_ = self._round
        if round_ is None:
            self.status.show_progress(Stage.CHECK, 0, 0)
        else:
            self.status.show_progress(round_.stage, round_.pushed_total, round_.pulled)

    def _queue_unknown(self, error: BaseException) -> None:
        log.warning("cannot count the events waiting to be sent: %s", error)


def describe_failure(error: BaseException) -> tuple[SyncState, str]:
    """How the status bar names what stopped a round."""
    if isinstance(error, CentralUnreachable):
        return SyncState.OFFLINE, i18n.error_text(error)
    if isinstance(error, SettingsInvalid):
        return SyncState.NOT_CONFIGURED, i18n.error_text(error)
    if isinstance(error, CentralError):  # refused log-in, schema too old or too new
        return SyncState.REFUSED, i18n.error_text(error)
    name = type(error).__name__  # a bug: its class name helps whoever reads the log
    return SyncState.FAILED, f"{name}: {i18n.error_text(error)}" if str(error) else name


def summary_text(report: SyncReport) -> str:
    """What a sync round did, in the desk's language (SyncReport.summary() is the English of
    the command line): one sentence per part, the rare ones only when they happened."""

    parts = [
        QCoreApplication.translate(
            "SyncStatusBar",
            "Sent {pushed}, received {pulled}: {applied} applied, {refused} refused",
        ).format(
            pushed=i18n.format_number(report.pushed),
            pulled=i18n.format_number(report.pulled),
            applied=i18n.format_number(report.applied),
            refused=i18n.format_number(report.refused),
        )
    ]
    if report.pushed_again:
        parts.append(
            QCoreApplication.translate("SyncStatusBar", "already at central: {n}").format(
                n=i18n.format_number(report.pushed_again)
            )
        )
    if report.already_here:
        parts.append(
            QCoreApplication.translate("SyncStatusBar", "already on this desk: {n}").format(
                n=i18n.format_number(report.already_here)
            )
        )
    if report.replayed:
        parts.append(
            QCoreApplication.translate(
                "SyncStatusBar", "cases re-applied in central order: {n}"
            ).format(n=i18n.format_number(report.replayed))
        )
    return "; ".join(parts)
