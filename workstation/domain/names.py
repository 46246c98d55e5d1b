"""Search keys for names and document numbers: upper case, no accents, letters and digits only."""

from __future__ import annotations

import unicodedata

# Letters that NFKD does not decompose but people type without the mark.
_FOLD = str.maketrans({"Ё": "Е", "Ø": "O", "Æ": "AE", "Œ": "OE", "ẞ": "SS", "Ł": "L", "Đ": "D"})


def search_key(text: str) -> str:
    """'Müller-Lüdenscheidt' -> 'MULLERLUDENSCHEIDT'; 'Ёлкина' -> 'ЕЛКИНА'.

    Spaces and punctuation are dropped so 'O'BRIEN', 'OBRIEN' and 'O BRIEN' all find the
    same person; Kazakh letters (Ә, Қ, Ү, ...) are kept, only combining marks are removed.
    """
    upper = text.upper().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", upper)
    kept = "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with `prefix` (for range scans)."""
    return prefix + "\U0010ffff"
