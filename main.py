"""Entry point: `python main.py [--demo] [--data-dir DIR]` opens the desk; see README.md."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
