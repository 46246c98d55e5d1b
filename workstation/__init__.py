"""DNR Workstation core: domain rules, journal, store, sync and services (never imports Qt)."""

__version__ = "0.1.0"
