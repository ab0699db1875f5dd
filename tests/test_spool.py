"""The polling spool on its own (bot/adapters/telegram/spool.py): encrypted, private, bounded,
handled updates gone from the disk at once, replayed whole after a restart, rekeyed."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.telegram.spool import Spool, SpoolError
from bot.store.vault import Vault, generate_key

TEXT = "a secret only this person wrote"


def update(update_id: int, chat: int = 5, text: str = TEXT) -> tuple[int, dict[str, Any]]:
    return update_id, {"update_id": update_id, "message": {"chat": {"id": chat}, "text": text}}


def on_disk(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.iterdir()))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "spool"


async def test_what_is_spooled_is_encrypted_in_a_private_folder(folder: Path, vault: Vault) -> None:
    spool = Spool.open(folder, vault)
    assert await spool.put([update(1), update(2)]) == [1, 2]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = [path for path in folder.iterdir() if path.suffix == ".spool"]
    assert len(files) == 1
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in folder.iterdir())
    assert TEXT.encode() not in on_disk(folder)
    assert b"update_id" not in on_disk(folder)


async def test_after_a_restart_the_spool_gives_back_every_update_not_handled_in_order(
    folder: Path, vault: Vault
) -> None:
    spool = Spool.open(folder, vault)
    await spool.put([update(10), update(11)])
    await spool.put([update(12), update(13)])
    spool.remove(11)
    spool.remove(12)
    spool.close()  # or killed: every put was fsync'd before it returned
    again = Spool.open(folder, vault)
    assert [update_id for update_id, _ in again.replay()] == [10, 13]
    assert again.replay() == []  # given back once
    assert 10 in again and 11 not in again


async def test_a_handled_update_leaves_the_disk_at_once(folder: Path, vault: Vault) -> None:
    spool = Spool.open(folder, vault)
    await spool.put([update(1, chat=5, text="mine"), update(2, chat=6, text="theirs")])
    spool.remove(1)
    (remaining,) = [p for p in folder.iterdir() if p.suffix == ".spool"]
    texts = [vault.decrypt(token) for token in remaining.read_text().split()]
    assert len(texts) == 1 and '"theirs"' in texts[0]
    spool.remove(2)
    assert [p for p in folder.iterdir() if p.suffix == ".spool"] == []


async def test_a_full_spool_takes_what_fits_and_no_more(folder: Path, vault: Vault) -> None:
    spool = Spool.open(folder, vault, capacity=3)
    assert await spool.put([update(1), update(2)]) == [1, 2]
    assert await spool.put([update(3), update(4), update(5)]) == [3]
    assert spool.free() == 0
    assert await spool.put([update(6)]) == []
    spool.remove(1)
    assert await spool.put([update(6)]) == [6]


async def test_a_disk_that_fails_spools_nothing_and_raises_nothing(
    folder: Path, vault: Vault
) -> None:
    spool = Spool.open(folder, vault)
    # The file it would write cannot be made (as on a full disk; the tests may run as root).
    (folder / f"{1:020d}-{1:020d}.spool.partial").mkdir()
    assert await spool.put([update(1)]) == []
    assert len(spool) == 0 and spool.free() > 0


def test_only_one_process_at_a_time_uses_a_spool(folder: Path, vault: Vault) -> None:
    first = Spool.open(folder, vault)
    with pytest.raises(SpoolError, match="another process"):
        Spool.open(folder, vault)
    first.close()
    Spool.open(folder, vault).close()


async def test_a_batch_cut_short_by_a_crash_was_never_confirmed_and_is_dropped(
    folder: Path, vault: Vault
) -> None:
    spool = Spool.open(folder, vault)
    await spool.put([update(1)])
    spool.close()
    (folder / "00000000000000000002-00000000000000000003.spool.partial").write_text("torn")
    again = Spool.open(folder, vault)
    assert [update_id for update_id, _ in again.replay()] == [1]
    assert not list(folder.glob("*.partial"))


async def test_opening_with_a_new_first_key_moves_the_spool_to_it(
    folder: Path,
) -> None:
    old, new = generate_key(), generate_key()
    spool = Spool.open(folder, Vault([old]))
    await spool.put([update(1), update(2)])
    spool.close()
    Spool.open(folder, Vault([new, old])).close()  # as `python -m bot rekey` or a start does
    again = Spool.open(folder, Vault([new]))  # the old key dropped
    assert [update_id for update_id, _ in again.replay()] == [1, 2]


async def test_an_update_no_key_opens_is_dropped_and_the_rest_kept(folder: Path) -> None:
    lost, kept = generate_key(), generate_key()
    spool = Spool.open(folder, Vault([lost]))
    await spool.put([update(1)])
    spool.close()
    spool = Spool.open(folder, Vault([kept]))
    await spool.put([update(2)])
    spool.close()
    again = Spool.open(folder, Vault([kept]))
    assert [update_id for update_id, _ in again.replay()] == [2]
    assert len([p for p in folder.iterdir() if p.suffix == ".spool"]) == 1
