"""Encryption at rest: rotation, and keyed hashes in place of ids."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from bot.store.vault import Vault, VaultError, generate_key, load_or_create_key_file


def test_what_is_encrypted_decrypts_to_the_same_text() -> None:
    vault = Vault([generate_key()])
    token = vault.encrypt("my safe person is Jo")

    # Look for a phrase, not a short word: a two-letter word turns up in random
    # ciphertext in about 3% of tokens.
    assert "safe person" not in token
    assert b"safe person" not in base64.urlsafe_b64decode(token)
    assert vault.decrypt(token) == "my safe person is Jo"


def test_a_new_key_first_still_reads_what_the_old_key_wrote() -> None:
    old, new = generate_key(), generate_key()
    token = Vault([old]).encrypt("walk the dog")

    rotated = Vault.from_setting(f"{new},{old}")

    assert rotated.decrypt(token) == "walk the dog"
    assert Vault([new]).decrypt(rotated.rotate(token)) == "walk the dog"


def test_a_token_from_an_unknown_key_is_an_error_not_garbage() -> None:
    token = Vault([generate_key()]).encrypt("x")

    with pytest.raises(VaultError):
        Vault([generate_key()]).decrypt(token)


def test_a_malformed_key_names_the_setting() -> None:
    with pytest.raises(VaultError, match="WAYPOINT_ENCRYPTION_KEY"):
        Vault(["not-a-key"])


def test_pseudonyms_are_stable_and_do_not_reveal_the_id() -> None:
    vault = Vault([generate_key()])

    assert vault.pseudonym("123456") == vault.pseudonym("123456")
    assert "123456" not in vault.pseudonym("123456")
    assert vault.pseudonym("123456") != vault.pseudonym("123457")


def test_the_local_key_file_is_made_once_and_kept_private(tmp_path: Path) -> None:
    path = tmp_path / "data" / "waypoint.key"

    key, created = load_or_create_key_file(path)
    again, created_again = load_or_create_key_file(path)

    assert created and not created_again
    assert key == again
    assert path.stat().st_mode & 0o077 == 0
    assert path.parent.stat().st_mode & 0o077 == 0  # a folder made for it is the owner's
