"""A credential store in a dict, standing in for the OS one (keyring's backend API).

Loaded for every test by `pytest_plugins` in tests/conftest.py."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """Secrets by (service, account), gone with the test."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A fresh MemoryKeyring as the process's credential store; the old one comes back."""
    original = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(original)


@pytest.fixture(autouse=True)
def restore_keyring() -> Iterator[None]:
    """Whatever a test sets as the credential store is undone afterwards."""
    original = keyring.get_keyring()
    yield
    keyring.set_keyring(original)
