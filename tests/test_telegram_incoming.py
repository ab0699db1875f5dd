"""An update read from Telegram's JSON (as the poller assesses a backlog) is read exactly as
the library's Update of it is: the same Incoming, or nothing for what the bot never answers."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any

import pytest
from telegram import Bot, Update

from bot.adapters.telegram.incoming import incoming_from, incoming_from_json
from bot.messages import Incoming, Person, Platform

CHAT = 4242
SENT = 1796613672


def message(**fields: Any) -> dict[str, Any]:
    return {
        "message_id": 7,
        "date": SENT,
        "chat": {"id": CHAT, "type": "private", "first_name": "Sam"},
        "from": {"id": CHAT, "is_bot": False, "first_name": "Sam"},
        **fields,
    }


def tap(data: str) -> dict[str, Any]:
    query = {"id": "q", "from": message()["from"], "chat_instance": "c", "message": message()}
    return {"update_id": 9, "callback_query": {**query, "data": data}}


PERSON = Person(Platform.TELEGRAM, str(CHAT))
AT = datetime.fromtimestamp(SENT, UTC)
CASES: list[tuple[dict[str, Any], Incoming | None]] = [
    ({"update_id": 1, "message": message(text="hello")}, Incoming(PERSON, AT, text="hello")),
    (
        {"update_id": 2, "message": message(text="/Start@waypoint_bot  now ")},
        Incoming(PERSON, AT, command="start", args="now"),
    ),
    (
        {"update_id": 3, "edited_message": message(text="/sos", edit_date=SENT + 60)},
        Incoming(PERSON, datetime.fromtimestamp(SENT + 60, UTC), text="/sos"),
    ),
    (
        {"update_id": 4, "message": message(caption="it hurts", photo=[])},
        Incoming(PERSON, AT, text="it hurts"),
    ),
    (
        {"update_id": 5, "message": message(location={"latitude": 51.5, "longitude": 0.1})},
        Incoming(PERSON, AT, unsupported=True),
    ),
    (tap("Kmore-help"), Incoming(PERSON, AT, choice="more-help")),
    (tap("Tflow.node.1"), Incoming(PERSON, AT, choice="flow.node.1")),
    (tap("bare"), Incoming(PERSON, AT, choice="bare")),
    (
        {"update_id": 6, "message": message(text="hi", chat={"id": -5, "type": "group"})},
        None,
    ),
]


@pytest.mark.parametrize(("raw", "expected"), CASES)
def test_an_update_reads_the_same_from_json_as_from_the_library(
    raw: dict[str, Any], expected: Incoming | None
) -> None:
    read = incoming_from_json(raw)
    if expected is None:
        assert read is None
        return
    assert read is not None
    if read.choice is not None:  # a tap is timed when it arrives
        read = dataclasses.replace(read, now=AT)
    assert read == dataclasses.replace(expected, delivery=raw["update_id"])
    library = incoming_from(Update.de_json(raw, Bot("1:a")))
    assert dataclasses.replace(library, now=read.now) == read


@pytest.mark.parametrize(
    "forged",
    [
        None,
        [1],
        {"update_id": "1", "message": message(text="hi")},
        {"update_id": True, "message": message(text="hi")},
        {"update_id": 1, "message": message(text={"a": 1})},
        {"update_id": 1, "message": message(text="hi", chat={"id": [CHAT], "type": "private"})},
        {"update_id": 1, "message": message(text="hi", date="today")},
        {"update_id": 1, "message": "hi"},
        {"update_id": 1, "callback_query": {"data": 5, "message": message()}},
        {"update_id": 1, "my_chat_member": {}},
    ],
)
def test_what_has_the_wrong_shape_or_types_is_not_read(forged: Any) -> None:
    assert incoming_from_json(forged) is None
