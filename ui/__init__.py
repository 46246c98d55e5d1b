"""PySide6 user interface of the DNR Workstation."""
