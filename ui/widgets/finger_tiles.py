"""Prints on screen: a tile per finger (print, quality against threshold, tries, state) and
the large preview that shows live frames during capture and the chosen finger's print after."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ui.widgets.hand_diagram import (
    ACCEPTED_COLOUR,
    BELOW_COLOUR,
    FINGER_CODE,
    finger_name,
    slap_short_name,
    state_text,
)
from workstation.biometrics.quality import FingerCaptureSession, TenPrintSet
from workstation.biometrics.sbi import CapturedPrint, FingerPosition, Slap

# One row per slap, fingers in the order they lie on the scanner (as in the hand diagram).
TILE_ROWS = (
    (Slap.LEFT_SLAP, tuple(reversed(Slap.LEFT_SLAP.fingers))),
    (Slap.RIGHT_SLAP, Slap.RIGHT_SLAP.fingers),
    (Slap.THUMBS, Slap.THUMBS.fingers),
)


class FingerTile(QFrame):
    """One finger: its best print, the quality against the threshold, tries and state."""

    clicked = Signal(object)  # FingerPosition

    THUMB = QSize(78, 104)

    def __init__(self, position: FingerPosition, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.position = position
        self.setObjectName(f"tile_{position.name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = QLabel(f"{FINGER_CODE[position]}. {finger_name(position)}")
        self.title.setStyleSheet("font-weight: 600;")
        self.image = QLabel()
        self.image.setFixedSize(self.THUMB)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setStyleSheet("background: #f9fafb; border: 1px solid #d1d5db;")
        self.quality = QLabel()
        self.quality.setObjectName("quality")
        self.tries = QLabel()
        self.tries.setObjectName("tries")
        self.state = QLabel()
        self.state.setObjectName("state")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        for widget in (self.title, self.image, self.quality, self.tries, self.state):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        self._image_digest: int | None = None
        self.set_selected(False)

    def set_selected(self, selected: bool) -> None:
        border = "2px solid #111827" if selected else "1px solid #d1d5db"
        self.setStyleSheet(f"FingerTile {{ border: {border}; border-radius: 6px; }}")

    def show_session(self, session: FingerCaptureSession) -> None:
        best = session.best
        if best is None:
            self.image.setPixmap(QPixmap())
            self.image.setText("—")
            self._image_digest = None
            self.quality.setText(
                QCoreApplication.translate("finger_tiles", "Quality — / {t}").format(
                    t=session.threshold
                )
            )
            self.quality.setStyleSheet("color: #6b7280;")
        else:
            digest = hash(best.image_png)
            if digest != self._image_digest:
                pixmap = QPixmap()
                pixmap.loadFromData(best.image_png, "PNG")
                self.image.setPixmap(
                    pixmap.scaled(
                        self.THUMB,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
                self._image_digest = digest
            colour = ACCEPTED_COLOUR if session.passed else BELOW_COLOUR
            if best.imported:
                text = QCoreApplication.translate(
                    "finger_tiles", "Quality {q} / {t} · imported"
                ).format(q=best.quality, t=session.threshold)
            else:
                text = QCoreApplication.translate("finger_tiles", "Quality {q} / {t}").format(
                    q=best.quality, t=session.threshold
                )
            self.quality.setText(text)
            self.quality.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.tries.setText(
            QCoreApplication.translate("finger_tiles", "Tries {n} of {max}").format(
                n=session.tries, max=session.max_tries
            )
        )
        self.state.setText(state_text(session, short=True))
        self.setToolTip(
            QCoreApplication.translate("finger_tiles", "{finger}: {state}").format(
                finger=finger_name(self.position), state=state_text(session)
            )
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.position)
        super().mousePressEvent(event)


class FingerTiles(QGroupBox):
    """The ten tiles, one row per slap; clicking a tile chooses its finger."""

    finger_clicked = Signal(object)  # FingerPosition

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("finger_tiles", "Prints (best try of each finger)"), parent
        )
        self.tiles: dict[FingerPosition, FingerTile] = {}
        grid = QGridLayout(self)
        for row, (slap, fingers) in enumerate(TILE_ROWS):
            title = QLabel(slap_short_name(slap))
            title.setStyleSheet("color: #4b5563; font-weight: 600;")
            grid.addWidget(title, row * 2, 0, 1, 4)
            for column, position in enumerate(fingers):
                tile = FingerTile(position)
                tile.clicked.connect(self.finger_clicked)
                self.tiles[position] = tile
                grid.addWidget(tile, row * 2 + 1, column)

    def show_set(self, ten_print: TenPrintSet, selected: FingerPosition) -> None:
        for session in ten_print.sessions:
            tile = self.tiles[session.position]
            tile.show_session(session)
            tile.set_selected(session.position is selected)


class PrintPreview(QLabel):
    """Live frames while the scanner captures; the chosen finger's best print otherwise."""

    SIZE = QSize(340, 200)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setFixedSize(self.SIZE)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: #111827; color: #e5e7eb;")

    def show_frame(self, frame: bytes) -> bool:
        """Show one preview frame (JPEG or PNG); False if it could not be decoded."""
        pixmap = QPixmap()
        if not pixmap.loadFromData(frame):
            return False
        self.setPixmap(pixmap.scaled(self.SIZE, Qt.AspectRatioMode.KeepAspectRatio))
        return True

    def show_print(self, captured: CapturedPrint | None) -> None:
        if captured is None:
            self.setPixmap(QPixmap())
            self.setText(
                QCoreApplication.translate("finger_tiles", "Live preview appears during capture")
            )
            return
        pixmap = QPixmap()
        pixmap.loadFromData(captured.image_png, "PNG")
        self.setPixmap(
            pixmap.scaled(
                self.SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
