"""Make the user guide's pictures of every screen, in each language, under Xvfb.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/make_guide_screenshots.py \
        --language en|kk|ru|pseudo|all

Walks the screens of a demo desk with a fixed clock (tests/ui/tour.py: 21 November 2026) and
grabs each as the real window it is (QScreen.grabWindow) into
docs/images/guide/<language>/<screen>.png. "pseudo" is English pseudo-translated (texts 40%
longer, accented: "[Šàvé ~~]"), to see what would clip in Kazakh or Russian.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tests.ui.tour import Tour, isolate_environment  # noqa: E402

OUT = ROOT / "docs" / "images" / "guide"
LANGUAGES = ("en", "kk", "ru", "pseudo")


def grab(widget: QWidget, path: Path) -> None:
    """The window as it is on screen; with a menu open, the window and the menu."""
    screen = widget.screen()
    popup = QApplication.activePopupWidget()
    if popup is not None and popup.isVisible():
        area = widget.frameGeometry().united(popup.frameGeometry())
        for child in QApplication.topLevelWidgets():  # a submenu beside its menu
            if child.isVisible() and child.windowType() == popup.windowType():
                area = area.united(child.frameGeometry())
        area = area.intersected(screen.geometry())
        pixmap = screen.grabWindow(0, area.x(), area.y(), area.width(), area.height())
    else:
        pixmap = screen.grabWindow(widget.winId())
    pixmap.save(str(path))
    print(f"wrote {path.relative_to(ROOT)} ({pixmap.width()}x{pixmap.height()})", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=[*LANGUAGES, "all"], default="en")
    parser.add_argument("--only", nargs="*", metavar="SCREEN", help="just these screens")
    args = parser.parse_args(argv)
    languages = LANGUAGES if args.language == "all" else (args.language,)

    tmp = Path(tempfile.mkdtemp(prefix="dnr-guide-shots-"))
    isolate_environment(tmp / "env")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("DNR Workstation")
    from ui import i18n

    tour = Tour(app, tmp / "tour")
    try:
        for language in languages:
            pseudo = language == "pseudo"
            i18n.install("en" if pseudo else language, pseudo_mode=pseudo)
            folder = OUT / language
            folder.mkdir(parents=True, exist_ok=True)
            tour.walk(lambda name, widget, f=folder: grab(widget, f / f"{name}.png"), args.only)
            for name, why in tour.skipped.items():
                print(f"{language}: {name} not taken: {why}")
            i18n.uninstall()
    finally:
        tour.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
