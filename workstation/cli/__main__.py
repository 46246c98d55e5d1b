"""`python -m workstation.cli`: the headless commands without the launcher (tests, support)."""

import sys

from workstation.cli import main

sys.exit(main())
