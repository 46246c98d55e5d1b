"""The PyInstaller bundle: build time, size, and how fast it starts. Prints figures only.

    .venv/bin/python bench/bench_bundle.py [--runs 3]

Builds the bundle into build/bundle-cache/ unless the sources are unchanged since the last
build (then the build time is not measured: delete the cache to measure it). Start times are
wall-clock times of the bundled program in a clean environment (no Python on PATH):
`--version` (the frozen interpreter alone), and `--smoke` on the demo desk, first on a fresh
data folder (demo PKI, seeding, migrations) then on the same folder again.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.packaging.test_bundle import bundle_cache, clean_env, load_build_script, program  # noqa: E402


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command[1:]} failed: {done.stdout}{done.stderr}")
    return elapsed, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    build = load_build_script()
    bundle, seconds = build.cached_bundle(bundle_cache())
    size = build.folder_size(bundle)
    files = sum(1 for f in bundle.rglob("*") if f.is_file())
    print(f"bundle: {bundle}")
    print("build: " + (f"{seconds:.0f} s" if seconds is not None else "reused (sources unchanged)"))
    print(f"size: {size / 2**20:.0f} MiB in {files} files")
    exe = str(program(bundle))
    with tempfile.TemporaryDirectory(prefix="dnr-bench-bundle-") as tmp:
        home = Path(tmp) / "home"
        env = clean_env(home)
        versions = [timed([exe, "--version"], env)[0] for _ in range(args.runs)]
        print(f"--version: median {1000 * statistics.median(versions):.0f} ms")
        data = str(Path(tmp) / "demo")
        first, line = timed([exe, "--smoke", "--data-dir", data], env)
        print(f"--smoke, fresh demo folder: {first:.1f} s  ({line})")
        again = [timed([exe, "--smoke", "--data-dir", data], env)[0] for _ in range(args.runs)]
        print(f"--smoke, same folder again: median {statistics.median(again):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
