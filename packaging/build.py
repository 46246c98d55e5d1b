"""Build the DNR Workstation bundle for this platform: `python packaging/build.py [options]`.

Makes dist/dnr-workstation/, a folder that runs without Python:

    dist/dnr-workstation/dnr-workstation[.exe]    the desk (and, on Linux, the headless commands)
    dist/dnr-workstation/dnr-workstation-cli.exe  Windows only: the same with a console
    dist/dnr-workstation/_internal/               Python, Qt, the libraries, resources, migrations

and on Linux also `install.sh` and `share/` (desktop entry, icons) beside the program.

Options:
    --clean       start from an empty PyInstaller work folder (build/pyinstaller)
    --archive     also pack the folder: dist/dnr-workstation-VERSION-PLATFORM.tar.gz (Linux,
                  macOS) or .zip (Windows)
    --installer   Windows: also run Inno Setup's ISCC on packaging/windows/dnr-workstation.iss
                  (ISCC.exe on PATH or in its default folder)
                  -> dist/dnr-workstation-VERSION-setup.exe

    --dist DIR    put the bundle in DIR instead of dist/ (DIR/dnr-workstation)
    --work DIR    PyInstaller's work folder instead of build/pyinstaller

`source_digest()` and `cached_bundle()` are for the bundle test and benchmark, which build
once per change of the sources and reuse the bundle otherwise.

Needs the package extra: `pip install -e ".[package]"` (PyInstaller). Run it with the
Python of the environment the desk runs from (.venv/bin/python packaging/build.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP = "dnr-workstation"
TRANSLATIONS = ROOT / "resources" / "translations"


def say(text: str) -> None:
    print(f"[build] {text}", flush=True)


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    system = "linux" if system.startswith("linux") else system
    return f"{system}-{platform.machine().lower()}"


def build_translations() -> list[Path]:
    """Check the .ts files (an unfinished entry fails the build) and compile them to .qm."""
    sys.path.insert(0, str(PACKAGING))
    try:
        import translations  # packaging/translations.py (not a package, see the bundle test)
    finally:
        sys.path.remove(str(PACKAGING))
    problems = translations.check()
    if problems:
        for line in problems[:40]:
            say(line)
        raise SystemExit(
            f"{len(problems)} translation problem(s): finish them in Qt Linguist "
            "(python packaging/translations.py check lists them)"
        )
    made: list[Path] = translations.release()
    return made


def source_digest() -> str:
    """SHA-256 over everything that goes into the bundle from this checkout, and the Python
    and PyInstaller that build it: the key of a cached bundle."""
    import hashlib
    from importlib import metadata

    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    for name in ("pyinstaller", "pyinstaller-hooks-contrib", "PySide6-Essentials"):
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    files = [ROOT / "main.py", ROOT / "pyproject.toml"]
    for folder in ("packaging", "resources", "ui", "workstation"):
        files += (ROOT / folder).rglob("*")
    derived = {".qm", ".pyc"}  # the build makes the .qm files from the .ts sources
    kept = (f for f in files if f.is_file() and f.suffix not in derived)
    for file in sorted(f for f in kept if "__pycache__" not in f.parts):
        digest.update(file.relative_to(ROOT).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def cached_bundle(cache: Path) -> tuple[Path, float | None]:
    """(the bundle's folder, seconds the build took or None when reused) for these sources,
    built into `cache`/<digest>/ when missing; older builds in `cache` are removed."""
    key = source_digest()
    target = cache / key
    program = target / APP / (f"{APP}.exe" if sys.platform == "win32" else APP)
    if program.exists():
        return target / APP, None
    if cache.exists():
        for old in cache.iterdir():
            if old.name != "work":
                shutil.rmtree(old, ignore_errors=True)
    started = time.monotonic()
    code = main(["--dist", str(target), "--work", str(cache / "work")])
    if code != 0 or not program.exists():
        raise RuntimeError(f"the bundle build failed (exit status {code})")
    return target / APP, time.monotonic() - started


def run_pyinstaller(clean: bool, dist: Path, work: Path) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit(
            "PyInstaller is not installed in this environment. Install the packaging extra:\n"
            f'    {sys.executable} -m pip install -e "{ROOT}[package]"'
        ) from None
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work}",
    ]
    if clean:
        command.append("--clean")
    command.append(str(PACKAGING / f"{APP}.spec"))
    # The build must not pick up a developer's Qt plugin or Python path settings.
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "QT_PLUGIN_PATH"}}
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    return dist / APP


def add_linux_files(bundle: Path) -> None:
    """install.sh and the freedesktop files beside the program."""
    shutil.copy2(PACKAGING / "linux" / "install.sh", bundle / "install.sh")
    (bundle / "install.sh").chmod(0o755)
    applications = bundle / "share" / "applications"
    applications.mkdir(parents=True, exist_ok=True)
    shutil.copy2(PACKAGING / "linux" / f"{APP}.desktop", applications / f"{APP}.desktop")
    icons = bundle / "share" / "icons"
    if icons.exists():
        shutil.rmtree(icons)
    shutil.copytree(ROOT / "resources" / "icons" / "hicolor", icons / "hicolor")
    scalable = icons / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "resources" / "icons" / f"{APP}.svg", scalable / f"{APP}.svg")


def archive(bundle: Path) -> Path:
    base = bundle.parent / f"{APP}-{version()}-{platform_tag()}"
    kind = "zip" if sys.platform == "win32" else "gztar"
    return Path(shutil.make_archive(str(base), kind, root_dir=bundle.parent, base_dir=bundle.name))


def inno_setup(bundle: Path) -> Path:
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    candidate = default / "Inno Setup 6" / "ISCC.exe"
    if iscc is None and candidate.exists():
        iscc = str(candidate)
    if iscc is None:
        raise SystemExit(
            "Inno Setup 6 (ISCC.exe) was not found: install it from https://jrsoftware.org "
            "or put ISCC.exe on PATH."
        )
    script = PACKAGING / "windows" / f"{APP}.iss"
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={version()}",
            f"/DSourceDir={bundle}",
            f"/O{bundle.parent}",
            str(script),
        ],
        check=True,
    )
    return bundle.parent / f"{APP}-{version()}-setup.exe"


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true")
    parser.add_argument("--archive", action="store_true")
    parser.add_argument("--installer", action="store_true")
    parser.add_argument("--dist", type=Path, default=DIST)
    parser.add_argument("--work", type=Path, default=WORK)
    args = parser.parse_args(argv)
    if args.installer and sys.platform != "win32":
        parser.error("--installer makes the Windows installer; run it on Windows")
    started = time.monotonic()
    qm = build_translations()
    if qm:
        say(f"translations: {', '.join(p.name for p in qm)}")
    say(f"building DNR Workstation {version()} for {platform_tag()} (PyInstaller)")
    bundle = run_pyinstaller(args.clean, args.dist.resolve(), args.work.resolve())
    if sys.platform.startswith("linux"):
        add_linux_files(bundle)
    program = bundle / (f"{APP}.exe" if sys.platform == "win32" else APP)
    if not program.exists():
        raise SystemExit(f"the build made no program at {program}")
    size = folder_size(bundle)
    say(f"bundle: {bundle} ({size / 2**20:.0f} MiB) in {time.monotonic() - started:.0f} s")
    if args.archive:
        say(f"archive: {archive(bundle)}")
    if args.installer:
        say(f"installer: {inno_setup(bundle)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
