"""The `dnr-workstation` command: headless commands go to the core CLI, the rest opens the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from workstation.cli import HEADLESS_COMMANDS

    if args and args[0] in HEADLESS_COMMANDS:
        from workstation.cli import main as cli_main

        return cli_main(args)
    # Qt is imported only when a window is wanted, so headless commands start fast.
    from ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
