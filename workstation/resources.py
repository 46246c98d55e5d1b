"""The one place that knows where the shipped resources (fonts, icons, translations) live."""

from __future__ import annotations

import sys
from pathlib import Path

# In a source checkout this file is <repo>/workstation/resources.py, so the resources
# directory is a sibling of the package.
_REPOSITORY_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resources_root() -> Path:
    """Return the resources/ directory: the repository's in development, the bundle's when frozen.

    PyInstaller unpacks (one-file) or places (one-dir) bundled data under ``sys._MEIPASS``;
    the spec must add the repository's resources/ directory as ``resources``.
    """
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if bundle_dir is not None:
        return Path(bundle_dir) / "resources"
    return _REPOSITORY_RESOURCES


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``.

    The path is not checked for existence: callers that need the file say what is missing.
    """
    return resources_root().joinpath(*parts)
