"""Render the application icon: resources/icons/dnr-workstation.svg -> PNG sizes and a .ico.

    .venv/bin/python packaging/make_icons.py

Qt's SVG renderer draws each size (offscreen, no display needed); Pillow packs the Windows
.ico. The results are committed, so a build does not need to run this; run it again after
changing the SVG. `dnr-workstation.png` (256 px) is the window and Linux bundle icon;
`hicolor/<size>x<size>/apps/dnr-workstation.png` is the layout the freedesktop icon theme
wants (packaging/linux/install.sh copies it to /usr/share/icons/hicolor).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "dnr-workstation.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"cannot write {out}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in SIZES:
        render(size, ICONS / "hicolor" / f"{size}x{size}" / "apps" / "dnr-workstation.png")
    render(256, ICONS / "dnr-workstation.png")
    largest = Image.open(ICONS / "hicolor" / "256x256" / "apps" / "dnr-workstation.png")
    largest.save(ICONS / "dnr-workstation.ico", sizes=[(s, s) for s in ICO_SIZES])
    del app
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
