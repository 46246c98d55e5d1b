"""Import a fingerprint from an image file when no scanner can be used (PNG or JPEG).

The file's content is checked by its magic bytes (not its name), its size and its pixel
dimensions; the print is stored as an 8-bit grayscale PNG and marked ``imported=True``.

WSQ is not read: the only PyPI package for it, ``wsq`` (0.9), is a Pillow plugin around NBIS
that must be compiled and has no recent releases, so it is not a dependency we can maintain.

The quality of an imported print is an ESTIMATE, not NFIQ: ``estimate_quality`` measures how
much of the image shows strong, consistently oriented ridges. Per 16x16 block it takes the
Sobel gradients (after a light blur that removes pixel noise) and computes the orientation
coherence sqrt((Gxx-Gyy)^2 + 4 Gxy^2) / (Gxx+Gyy) (Bazen and Gerez, 2002) times the gradient
strength, capped at 1. The score is the mean over the best 60% of the blocks (a print is
expected to fill most of the image), scaled to 0-100. Ridges score high; blank, flat, blurred
or noisy images score low because they have either no gradient or no common orientation.
"""

from __future__ import annotations

import io
import math
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, ImageFilter, ImageMath, UnidentifiedImageError

from workstation.biometrics.sbi import CapturedPrint, FingerPosition
from workstation.i18n import QT_TRANSLATE_NOOP

MAX_FILE_BYTES = 10 * 1024 * 1024
MIN_SIDE_PX = 150
MAX_SIDE_PX = 2500
IMPORT_DEVICE_ID = "file-import"

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
}
_BLOCK_PX = 16
# Gradient strength (root of the mean squared Sobel response, in grey levels / 8) at which a
# block counts as fully contrasted; clear ridges reach 10-30, flat skin or paper stays below 2.
_FULL_STRENGTH = 6.0
_FOREGROUND_SHARE = 0.6


class PrintImportRejected(ValueError):
    """The file cannot be used as a fingerprint; the message says why."""


# What the messages below call a file that has no name (bytes from a scanner's folder).
THE_FILE = QT_TRANSLATE_NOOP("fingerprints", "The file")


def import_print_file(
    path: Path, position: FingerPosition, *, now: datetime | None = None
) -> CapturedPrint:
    """Read ``path`` and return it as an imported print of ``position``."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PrintImportRejected(
            QT_TRANSLATE_NOOP("fingerprints", "Cannot open {file}: {reason}.").format(
                file=path.name, reason=exc.strerror
            )
        ) from exc
    if size > MAX_FILE_BYTES:
        raise PrintImportRejected(
            QT_TRANSLATE_NOOP(
                "fingerprints",
                "{file} is {size} MB; fingerprint images up to {limit} MB are accepted.",
            ).format(
                file=path.name, size=f"{size / 1_048_576:.1f}", limit=MAX_FILE_BYTES // 1_048_576
            )
        )
    return import_print_bytes(path.read_bytes(), position, source=path.name, now=now)


def import_print_bytes(
    data: bytes,
    position: FingerPosition,
    *,
    source: str = THE_FILE,
    now: datetime | None = None,
) -> CapturedPrint:
    """Validate image bytes and return them as an imported print of ``position``."""
    if len(data) > MAX_FILE_BYTES:
        raise PrintImportRejected(
            QT_TRANSLATE_NOOP(
                "fingerprints",
                "{file} is too large; fingerprint images up to {limit} MB are accepted.",
            ).format(file=source, limit=MAX_FILE_BYTES // 1_048_576)
        )
    kind = next((name for magic, name in _MAGIC.items() if data.startswith(magic)), None)
    if kind is None:
        raise PrintImportRejected(
            QT_TRANSLATE_NOOP(
                "fingerprints",
                "{file} is not a PNG or JPEG image. Export the fingerprint as PNG and try again.",
            ).format(file=source)
        )
    try:
        with Image.open(io.BytesIO(data), formats=[kind]) as opened:
            width, height = opened.size
            if not (min(width, height) >= MIN_SIDE_PX and max(width, height) <= MAX_SIDE_PX):
                raise PrintImportRejected(
                    QT_TRANSLATE_NOOP(
                        "fingerprints",
                        "{file} is {width}x{height} pixels; a fingerprint image must be between "
                        "{min} and {max} pixels on each side.",
                    ).format(
                        file=source, width=width, height=height, min=MIN_SIDE_PX, max=MAX_SIDE_PX
                    )
                )
            gray = opened.convert("L")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        if isinstance(exc, PrintImportRejected):
            raise
        raise PrintImportRejected(
            QT_TRANSLATE_NOOP(
                "fingerprints", "{file} is damaged and cannot be read as {kind}."
            ).format(file=source, kind=kind)
        ) from exc
    out = io.BytesIO()
    gray.save(out, format="PNG")
    return CapturedPrint(
        position=position,
        image_png=out.getvalue(),
        quality=estimate_quality(gray),
        device_id=IMPORT_DEVICE_ID,
        device_serial="",
        captured_at=now or datetime.now(UTC),
        imported=True,
    )


def _product(a: Image.Image, b: Image.Image) -> Image.Image:
    result = ImageMath.lambda_eval(lambda v: v["a"] * v["b"], a=a, b=b)
    assert isinstance(result, Image.Image)
    return result


def estimate_quality(image: Image.Image) -> int:
    """Ridge-clarity estimate 0-100 of a grayscale print (see the module docstring)."""
    gray = image.convert("L")
    if gray.width > 600:
        # Scanner images are ~500 ppi; larger ones are reduced so blocks cover similar detail.
        gray = gray.resize((600, round(gray.height * 600 / gray.width)))
    smooth = gray.filter(ImageFilter.GaussianBlur(1.0))
    sobel_x = ImageFilter.Kernel((3, 3), [-1, 0, 1, -2, 0, 2, -1, 0, 1], scale=8, offset=128)
    sobel_y = ImageFilter.Kernel((3, 3), [-1, -2, -1, 0, 0, 0, 1, 2, 1], scale=8, offset=128)
    # Pillow leaves the outermost pixels of a kernel filter unfiltered; drop them.
    inner = (2, 2, smooth.width - 2, smooth.height - 2)
    gx = smooth.filter(sobel_x).crop(inner).convert("F").point(lambda v: v - 128)
    gy = smooth.filter(sobel_y).crop(inner).convert("F").point(lambda v: v - 128)
    blocks = (max(1, gx.width // _BLOCK_PX), max(1, gx.height // _BLOCK_PX))
    means = [
        im.resize(blocks, Image.Resampling.BOX).get_flattened_data()
        for im in (_product(gx, gx), _product(gy, gy), _product(gx, gy))
    ]
    strengths = []
    for xx, yy, xy in zip(*means, strict=True):
        energy = float(xx) + float(yy)
        if energy <= 1e-6:
            strengths.append(0.0)
            continue
        coherence = math.sqrt((float(xx) - float(yy)) ** 2 + 4 * float(xy) ** 2) / energy
        strengths.append(coherence * min(1.0, math.sqrt(energy) / _FULL_STRENGTH))
    strengths.sort(reverse=True)
    best = strengths[: max(1, round(len(strengths) * _FOREGROUND_SHARE))]
    return max(0, min(100, round(100 * sum(best) / len(best))))
