"""Importing a fingerprint from an image file: content checks and the quality estimate."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from workstation.biometrics.file_import import (
    MAX_FILE_BYTES,
    PrintImportRejected,
    estimate_quality,
    import_print_bytes,
    import_print_file,
)
from workstation.biometrics.sbi import FingerPosition
from workstation.biometrics.simulator import FingerprintArt

ART = FingerprintArt()
RING = FingerPosition.LEFT_RING


def encoded(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def test_png_file_is_imported_as_an_imported_print(tmp_path: Path) -> None:
    path = tmp_path / "ring.png"
    path.write_bytes(ART.png(RING, degraded=False))
    when = datetime(2026, 2, 1, 9, 30, tzinfo=UTC)
    imported = import_print_file(path, RING, now=when)
    assert imported.imported is True
    assert imported.position is RING
    assert imported.captured_at == when
    assert imported.quality >= 40
    with Image.open(io.BytesIO(imported.image_png)) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "L", (300, 400))


def test_jpeg_is_converted_to_grayscale_png() -> None:
    colour = ART.image(RING, False).convert("RGB")
    imported = import_print_bytes(encoded(colour, "JPEG"), RING)
    assert imported.image_png.startswith(b"\x89PNG")
    assert imported.quality >= 40


def test_quality_estimate_ranks_clear_ridges_above_poor_images() -> None:
    clear = estimate_quality(ART.image(RING, False))
    smudged = estimate_quality(ART.image(RING, True))
    blank = estimate_quality(Image.new("L", (300, 400), 255))
    noise = estimate_quality(Image.effect_noise((300, 400), 60))
    assert clear >= 80
    assert smudged < 40
    assert blank == 0
    assert noise < 40
    assert all(0 <= q <= 100 for q in (clear, smudged, blank, noise))


def test_content_is_checked_not_the_name(tmp_path: Path) -> None:
    path = tmp_path / "print.png"
    path.write_bytes(b"%PDF-1.7 not an image")
    with pytest.raises(PrintImportRejected, match="not a PNG or JPEG"):
        import_print_file(path, RING)


def test_damaged_png_is_rejected() -> None:
    damaged = ART.png(RING, degraded=False)[:200]
    with pytest.raises(PrintImportRejected, match="damaged"):
        import_print_bytes(damaged, RING)


def test_too_large_file_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(PrintImportRejected, match="MB"):
        import_print_file(path, RING)


@pytest.mark.parametrize("size", [(100, 400), (300, 3000)])
def test_implausible_dimensions_are_rejected(size: tuple[int, int]) -> None:
    with pytest.raises(PrintImportRejected, match="pixels"):
        import_print_bytes(encoded(Image.new("L", size, 128), "PNG"), RING)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PrintImportRejected, match="Cannot open"):
        import_print_file(tmp_path / "absent.png", RING)
