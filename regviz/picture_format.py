"""Which picture format a file name asks for. ``--screenshot x.jpg`` and File →
Save screenshot write the format the suffix names (JPEG bytes under .jpg, not PNG
bytes under any name), and refuse a suffix they cannot write before any work is
done. Pure Python: the command line checks this without importing Qt."""

from __future__ import annotations

import os
from pathlib import Path

# Suffix → the name Qt's image writers know the format by (PNG is built in; JPEG
# and BMP writers ship with every PySide6 wheel).
PICTURE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".bmp": "BMP"}
DEFAULT_FORMAT = "PNG"  # a name without a suffix


def picture_format(path: str | os.PathLike) -> str:
    """The format ``path``'s suffix names; ValueError names the suffix and the
    allowed ones."""
    suffix = Path(path).suffix.lower()
    if not suffix:
        return DEFAULT_FORMAT
    if suffix not in PICTURE_FORMATS:
        raise ValueError(f"cannot write {Path(path).name}: {suffix} is not a picture format "
                         f"regviz writes (allowed: {', '.join(PICTURE_FORMATS)})")
    return PICTURE_FORMATS[suffix]
