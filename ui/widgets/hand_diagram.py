"""Two hands with ten fingers coloured by capture state; click or arrow keys choose a finger."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from workstation.biometrics.quality import ExceptionReason, FingerCaptureSession, FingerState
from workstation.biometrics.sbi import FingerPosition, Slap

ACCEPTED_COLOUR = "#15803d"
BELOW_COLOUR = "#b91c1c"

STATE_FILL = {
    FingerState.NOT_CAPTURED: QColor("#e5e7eb"),
    FingerState.RETRY: QColor("#fbbf24"),
    FingerState.ACCEPTED: QColor("#4ade80"),
    FingerState.NEEDS_EXCEPTION: QColor("#f87171"),
    FingerState.EXCEPTION: QColor("#94a3b8"),
}

# ISO/IEC 19794-4 finger position codes, as on ten-print cards: right thumb 1 ... left little 10.
FINGER_CODE = {
    FingerPosition.RIGHT_THUMB: 1,
    FingerPosition.RIGHT_INDEX: 2,
    FingerPosition.RIGHT_MIDDLE: 3,
    FingerPosition.RIGHT_RING: 4,
    FingerPosition.RIGHT_LITTLE: 5,
    FingerPosition.LEFT_THUMB: 6,
    FingerPosition.LEFT_INDEX: 7,
    FingerPosition.LEFT_MIDDLE: 8,
    FingerPosition.LEFT_RING: 9,
    FingerPosition.LEFT_LITTLE: 10,
}

# Hands as the clerk sees them on a slap scanner, palms down: left hand little finger first,
# right hand thumb first. Drawn in a 100x100 box per hand: (finger, base x, base y, length,
# tilt in degrees clockwise); the right hand mirrors the left.
_PALM = QRectF(8, 56, 66, 40)
_FINGER_WIDTH = 13.0
_LEFT_HAND = (
    (FingerPosition.LEFT_LITTLE, 16.0, 62.0, 26.0, -10.0),
    (FingerPosition.LEFT_RING, 32.0, 60.0, 36.0, -4.0),
    (FingerPosition.LEFT_MIDDLE, 48.0, 60.0, 40.0, 0.0),
    (FingerPosition.LEFT_INDEX, 64.0, 60.0, 36.0, 5.0),
    (FingerPosition.LEFT_THUMB, 74.0, 84.0, 28.0, 58.0),
)
_RIGHT_HAND = tuple(
    (
        {
            FingerPosition.LEFT_LITTLE: FingerPosition.RIGHT_LITTLE,
            FingerPosition.LEFT_RING: FingerPosition.RIGHT_RING,
            FingerPosition.LEFT_MIDDLE: FingerPosition.RIGHT_MIDDLE,
            FingerPosition.LEFT_INDEX: FingerPosition.RIGHT_INDEX,
            FingerPosition.LEFT_THUMB: FingerPosition.RIGHT_THUMB,
        }[finger],
        100.0 - x,
        y,
        length,
        -tilt,
    )
    for finger, x, y, length, tilt in reversed(_LEFT_HAND)
)
TEN_ORDER: tuple[FingerPosition, ...] = tuple(f for f, *_ in _LEFT_HAND + _RIGHT_HAND)


# The reason of a finger's exception as its state reads: "Exception: amputated".
REASON_NAMES = cast(
    "dict[ExceptionReason, str]",  # PySide6 types QT_TRANSLATE_NOOP as returning object
    {
        ExceptionReason.AMPUTATED: QT_TRANSLATE_NOOP("hand_diagram", "amputated"),
        ExceptionReason.INJURED: QT_TRANSLATE_NOOP("hand_diagram", "injured"),
        ExceptionReason.BANDAGED: QT_TRANSLATE_NOOP("hand_diagram", "bandaged"),
        ExceptionReason.OTHER: QT_TRANSLATE_NOOP("hand_diagram", "other"),
    },
)


def finger_name(position: FingerPosition) -> str:
    return {
        FingerPosition.LEFT_INDEX: QCoreApplication.translate("hand_diagram", "Left index"),
        FingerPosition.LEFT_MIDDLE: QCoreApplication.translate("hand_diagram", "Left middle"),
        FingerPosition.LEFT_RING: QCoreApplication.translate("hand_diagram", "Left ring"),
        FingerPosition.LEFT_LITTLE: QCoreApplication.translate("hand_diagram", "Left little"),
        FingerPosition.RIGHT_INDEX: QCoreApplication.translate("hand_diagram", "Right index"),
        FingerPosition.RIGHT_MIDDLE: QCoreApplication.translate("hand_diagram", "Right middle"),
        FingerPosition.RIGHT_RING: QCoreApplication.translate("hand_diagram", "Right ring"),
        FingerPosition.RIGHT_LITTLE: QCoreApplication.translate("hand_diagram", "Right little"),
        FingerPosition.LEFT_THUMB: QCoreApplication.translate("hand_diagram", "Left thumb"),
        FingerPosition.RIGHT_THUMB: QCoreApplication.translate("hand_diagram", "Right thumb"),
    }[position]


def slap_short_name(slap: Slap) -> str:
    """The slap's name without the fingers it takes: "Left slap"."""
    return {
        Slap.LEFT_SLAP: QCoreApplication.translate("hand_diagram", "Left slap"),
        Slap.RIGHT_SLAP: QCoreApplication.translate("hand_diagram", "Right slap"),
        Slap.THUMBS: QCoreApplication.translate("hand_diagram", "Both thumbs"),
    }[slap]


def slap_name(slap: Slap) -> str:
    return {
        Slap.LEFT_SLAP: QCoreApplication.translate(
            "hand_diagram", "Left slap (four fingers of the left hand)"
        ),
        Slap.RIGHT_SLAP: QCoreApplication.translate(
            "hand_diagram", "Right slap (four fingers of the right hand)"
        ),
        Slap.THUMBS: QCoreApplication.translate("hand_diagram", "Both thumbs"),
    }[slap]


def state_text(session: FingerCaptureSession, *, short: bool = False) -> str:
    """The finger's state in words; ``short`` fits one line of a tile (no note)."""
    if session.exception is not None:
        reason = QCoreApplication.translate("hand_diagram", REASON_NAMES[session.exception.reason])
        if session.exception.note and not short:
            return QCoreApplication.translate("hand_diagram", "Exception: {reason}: {note}").format(
                reason=reason, note=session.exception.note
            )
        return QCoreApplication.translate("hand_diagram", "Exception: {reason}").format(
            reason=reason
        )
    if short:
        return {
            FingerState.NOT_CAPTURED: QCoreApplication.translate("hand_diagram", "Not captured"),
            FingerState.RETRY: QCoreApplication.translate("hand_diagram", "Retry (R)"),
            FingerState.ACCEPTED: QCoreApplication.translate("hand_diagram", "Accepted"),
            FingerState.NEEDS_EXCEPTION: QCoreApplication.translate(
                "hand_diagram", "Exception needed (E)"
            ),
            FingerState.EXCEPTION: QCoreApplication.translate("hand_diagram", "Exception"),
        }[session.state]
    return {
        FingerState.NOT_CAPTURED: QCoreApplication.translate("hand_diagram", "Not captured"),
        FingerState.RETRY: QCoreApplication.translate("hand_diagram", "Below threshold: retry (R)"),
        FingerState.ACCEPTED: QCoreApplication.translate("hand_diagram", "Accepted"),
        FingerState.NEEDS_EXCEPTION: QCoreApplication.translate(
            "hand_diagram", "No tries left: record exception (E)"
        ),
        FingerState.EXCEPTION: QCoreApplication.translate("hand_diagram", "Exception"),
    }[session.state]


class HandDiagram(QWidget):
    """Ten fingers to click or walk with the arrow keys; colours show each finger's state."""

    finger_selected = Signal(object)  # FingerPosition

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._states = {p: FingerState.NOT_CAPTURED for p in FingerPosition}
        self._selected = FingerPosition.LEFT_INDEX
        self._next_slap: Slap | None = Slap.LEFT_SLAP
        self._shapes: dict[FingerPosition, QPainterPath] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(360, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setToolTip(
            QCoreApplication.translate("hand_diagram", "Click a finger or use ← → to choose it")
        )
        self.setAccessibleName(QCoreApplication.translate("hand_diagram", "Hand diagram"))

    @property
    def selected(self) -> FingerPosition:
        return self._selected

    def sizeHint(self) -> QSize:
        return QSize(440, 200)

    def set_states(self, states: dict[FingerPosition, FingerState]) -> None:
        self._states = dict(states)
        self.update()

    def set_next_slap(self, slap: Slap | None) -> None:
        self._next_slap = slap
        self.update()

    def select(self, position: FingerPosition) -> None:
        if position is not self._selected:
            self._selected = position
            self.update()
        self.finger_selected.emit(position)

    def state_of(self, position: FingerPosition) -> FingerState:
        return self._states[position]

    # Geometry and painting -------------------------------------------------------------

    def _hand_boxes(self) -> tuple[QTransform, QTransform]:
        """Transforms from each hand's 100x100 box to widget pixels, hands side by side."""
        side = min(self.width() / 2, float(self.height()))
        scale = side / 100.0
        top = (self.height() - side) / 2
        left_x = self.width() / 2 - side
        boxes = []
        for x in (left_x, self.width() / 2):
            transform = QTransform()
            transform.translate(x, top)
            transform.scale(scale, scale)
            boxes.append(transform)
        return boxes[0], boxes[1]

    def _layout(self) -> dict[FingerPosition, QPainterPath]:
        shapes = {}
        for box, fingers in zip(self._hand_boxes(), (_LEFT_HAND, _RIGHT_HAND), strict=True):
            for position, x, y, length, tilt in fingers:
                finger = QPainterPath()
                finger.addRoundedRect(
                    QRectF(-_FINGER_WIDTH / 2, -length, _FINGER_WIDTH, length),
                    _FINGER_WIDTH / 2,
                    _FINGER_WIDTH / 2,
                )
                placed = QTransform()
                placed.translate(x, y)
                placed.rotate(tilt)
                shapes[position] = box.map(placed.map(finger))
        return shapes

    def paintEvent(self, _event: QPaintEvent) -> None:
        self._shapes = self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        palms = (_PALM, QRectF(100 - _PALM.right(), _PALM.top(), _PALM.width(), _PALM.height()))
        for box, palm, text in zip(
            self._hand_boxes(),
            palms,
            (
                QCoreApplication.translate("hand_diagram", "LEFT"),
                QCoreApplication.translate("hand_diagram", "RIGHT"),
            ),
            strict=True,
        ):
            area = box.mapRect(palm)
            painter.setPen(QPen(QColor("#9ca3af"), 1.2))
            painter.setBrush(QColor("#f3f4f6"))
            painter.drawRoundedRect(area, 14, 14)
            painter.setPen(QColor("#6b7280"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, text)
        for position, shape in self._shapes.items():
            state = self._states[position]
            in_next = self._next_slap is not None and position in self._next_slap.fingers
            pen = QPen(QColor("#2563eb") if in_next else QColor("#6b7280"), 2.0 if in_next else 1)
            if position is self._selected:
                pen = QPen(QColor("#111827"), 3.5)
            painter.setPen(pen)
            painter.setBrush(STATE_FILL[state])
            painter.drawPath(shape)
            painter.setPen(QColor("#111827"))
            mark = "×" if state is FingerState.EXCEPTION else str(FINGER_CODE[position])
            painter.drawText(shape.boundingRect(), Qt.AlignmentFlag.AlignCenter, mark)
        painter.end()

    # Input ----------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        for position, shape in (self._shapes or self._layout()).items():
            if shape.contains(point):
                self.select(position)
                return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        index = (TEN_ORDER.index(self._selected) + step) % len(TEN_ORDER)
        self.select(TEN_ORDER[index])
