"""Encryption at rest for everything a person chooses to keep, and keyed hashes for ids.

Rules:
1. Kept text (toolbox entries, wins, safety plan, notes, flow state) is stored only as
   Fernet tokens (AES-128-CBC + HMAC-SHA256), never as plain text.
2. Keys rotate: `WAYPOINT_ENCRYPTION_KEY` is a comma-separated list; the first key
   encrypts, every key decrypts, so old rows stay readable after a new key is added.
3. Where an id is needed only to count or to log, a keyed hash stands in for it.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class VaultError(Exception):
    """A key is malformed, or a stored token cannot be decrypted with any known key."""


class Vault:
    """Encrypts and decrypts kept text with a rotating list of Fernet keys."""

    def __init__(self, keys: list[str]) -> None:
        if not keys:
            raise VaultError("no encryption key given")
        try:
            self._fernet = MultiFernet([Fernet(key.strip().encode()) for key in keys])
        except ValueError:
            raise VaultError(
                "WAYPOINT_ENCRYPTION_KEY must be one or more comma-separated Fernet keys "
                "(make one with: python -m bot keygen)"
            ) from None
        self._hash_key = hashlib.sha256(b"waypoint-id-hash:" + keys[0].strip().encode()).digest()

    @classmethod
    def from_setting(cls, value: str) -> Vault:
        return cls([key for key in value.split(",") if key.strip()])

    def encrypt(self, text: str) -> str:
        return self._fernet.encrypt(text.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken:
            raise VaultError("a stored value could not be decrypted with any known key") from None

    def rotate(self, token: str) -> str:
        """Re-encrypt a token under the first (newest) key."""
        return self._fernet.rotate(token.encode()).decode()

    def pseudonym(self, value: str) -> str:
        """A keyed hash of an id: stable for counting, useless for finding the person."""
        return hmac.new(self._hash_key, value.encode(), hashlib.sha256).hexdigest()[:16]


def generate_key() -> str:
    return Fernet.generate_key().decode()


def load_or_create_key_file(path: Path) -> tuple[str, bool]:
    """The key kept in a local file (terminal chat), creating it on first use.

    Returns the key and whether it was just created.
    """
    if path.exists():
        return path.read_text().strip(), False
    path.parent.mkdir(parents=True, exist_ok=True)
    key = generate_key()
    path.write_text(key + "\n")
    path.chmod(0o600)
    return key, True
