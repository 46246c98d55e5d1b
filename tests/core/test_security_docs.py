"""docs/security.md carries the role x action table exactly as the code has it."""

from __future__ import annotations

from pathlib import Path

from workstation.security.roles import permission_table_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"


def test_the_documented_permission_table_is_the_code_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("<!-- permission-table")
    start = text.index("\n", start) + 1
    end = text.index("<!-- /permission-table -->")
    assert text[start:end] == permission_table_markdown()
