"""How replies look on Telegram: plain bubbles joined, crisis replies alone, no lost words."""

from __future__ import annotations

import logging

from bot.adapters.telegram.render import TEXT_LIMIT, join_bubbles
from bot.messages import Option, Reply, ReplyKind
from bot.ops.logs import WithholdLibraryData

BUTTONS = (Option("f.n.1", "Yes"), Option("f.n.2", "No"))


def test_plain_bubbles_join_the_reply_that_carries_the_buttons() -> None:
    joined = join_bubbles([Reply("One."), Reply("Two."), Reply("Three?", options=BUTTONS)])

    assert joined == [Reply("One.\n\nTwo.\n\nThree?", options=BUTTONS)]


def test_a_crisis_reply_always_stands_alone_and_first() -> None:
    crisis = Reply("Lines", options=(Option("!sos:more", "More"),), kind=ReplyKind.CRISIS)

    joined = join_bubbles([crisis, Reply("Next."), Reply("Then?", options=BUTTONS)])

    assert joined[0] == crisis
    assert joined[1] == Reply("Next.\n\nThen?", options=BUTTONS)


def test_bubbles_before_a_crisis_or_a_picture_are_sent_before_it() -> None:
    picture = Reply("Your month", image=b"png")

    joined = join_bubbles([Reply("Here it is."), picture])

    assert joined == [Reply("Here it is."), picture]


def test_trailing_bubbles_without_buttons_are_still_sent() -> None:
    assert join_bubbles([Reply("A."), Reply("B.")]) == [Reply("A.\n\nB.")]


def test_joining_never_makes_a_message_too_long() -> None:
    long = "x" * 3000

    joined = join_bubbles([Reply(long), Reply(long), Reply("?", options=BUTTONS)])

    assert all(len(reply.text) <= TEXT_LIMIT for reply in joined)
    assert "".join(reply.text for reply in joined).count("x") == 6000


def test_library_log_lines_never_carry_their_data() -> None:
    record = logging.LogRecord(
        "telegram.ext.ExtBot", logging.CRITICAL, __file__, 1,
        "Error while parsing updates! Received data was %r", ([{"text": "i want to die"}],), None,
    )  # fmt: skip

    WithholdLibraryData().filter(record)

    assert "i want to die" not in record.getMessage()


def test_withheld_numeric_library_arguments_still_format() -> None:
    # AIORateLimiter logs "Rate limit hit. Retrying after %f seconds" on every 429.
    for message, args in [
        ("Retrying after %f seconds", (20.1,)),
        ("Rate limit hit after maximum of %d retries", (3,)),
        ("%(what)s at 100%%", ({"what": "secret words"},)),
    ]:
        record = logging.LogRecord("telegram.ext", logging.INFO, "x", 1, message, args, None)
        WithholdLibraryData().filter(record)
        text = record.getMessage()
        assert "(withheld)" in text and "secret" not in text and "20.1" not in text
