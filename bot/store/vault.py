"""Encryption at rest for everything a person chooses to keep, and keyed hashes for ids.

Rules:
1. Kept text (toolbox entries, wins, safety plan, notes, flow state) is stored only as
   Fernet tokens (AES-128-CBC + HMAC-SHA256), never as plain text.
2. Keys rotate: `WAYPOINT_ENCRYPTION_KEY` is a comma-separated list; the first key
   encrypts, every key decrypts, so old rows stay readable after a new key is added.
3. Where an id is needed only to count or to log, a keyed hash stands in for it.
4. A person's platform id is stored twice, never in clear: as a keyed hash (`lookup`) to
   find their row, and encrypted to send to them. Each key has its own hash key, derived
   from it; rows are found under any key's hash, and written under the first key's.
5. `python -m bot rekey` moves every value and hash to the first key (bot/store/rekey.py),
   after which the old keys can be dropped.
"""

from __future__ import annotations

import hashlib
import hmac
import os
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
        self._first = Fernet(keys[0].strip().encode())
        self._lookup_keys = [
            hashlib.sha256(b"waypoint-lookup:" + key.strip().encode()).digest() for key in keys
        ]
        self.opens_anything = True  # False for keyless(): a key nothing was ever stored under

    @classmethod
    def from_setting(cls, value: str) -> Vault:
        return cls([key for key in value.split(",") if key.strip()])

    @classmethod
    def keyless(cls) -> Vault:
        """For commands that read no kept text (migrate, stats): a key that opens nothing.

        A migration that has to encrypt or decrypt rows refuses to run with it."""
        vault = cls([generate_key()])
        vault.opens_anything = False
        return vault

    def encrypt(self, text: str) -> str:
        return self._fernet.encrypt(text.encode()).decode()

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken:
            raise VaultError("a stored value could not be decrypted with any known key") from None

    def rotate(self, token: str) -> str:
        """Re-encrypt a token under the first (newest) key."""
        try:
            return self._fernet.rotate(token.encode()).decode()
        except InvalidToken:
            raise VaultError("a stored value could not be decrypted with any known key") from None

    def is_current(self, token: str) -> bool:
        """Whether a token is already under the first key (rekey leaves it as it is)."""
        try:
            self._first.decrypt(token.encode())
        except InvalidToken:
            return False
        return True

    def lookup(self, platform: str, external_id: str) -> str:
        """The keyed hash a person's row is found by, under the first key (64 hex digits)."""
        return self._lookup(self._lookup_keys[0], platform, external_id)

    def lookups(self, platform: str, external_id: str) -> list[str]:
        """The person's keyed hash under every key, first key first: a row written before
        the keys rotated (and not yet rekeyed) is found by an older one."""
        return [self._lookup(key, platform, external_id) for key in self._lookup_keys]

    @staticmethod
    def _lookup(key: bytes, platform: str, external_id: str) -> str:
        return hmac.new(key, f"{platform}:{external_id}".encode(), hashlib.sha256).hexdigest()

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
    if not path.parent.exists():  # the key's folder, made for it: the owner's alone
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.chmod(0o700)  # mkdir's mode is narrowed by the umask, never widened
    key = generate_key()
    with os.fdopen(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "w") as file:
        file.write(key + "\n")
    path.chmod(0o600)
    return key, True
