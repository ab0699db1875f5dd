"""After an injury told (c5-11, 16, in New Zealand): an answer about it ("it took longer than
10 min to stop but it has stopped now") gets advice that fits, get it checked today, never
words for thoughts of suicide; and the bleeding alert is not said again word for word
(safety/followup.py rules 4 and 5; safety/replies.py `injury_told`)."""

from __future__ import annotations

from tests.fakes import FakeChat

FIRST_ALERT = "press firmly on the wound with a clean cloth and keep pressing"


async def test_an_answer_about_the_injury_gets_advice_for_it_not_the_same_alert(
    chat: FakeChat,
) -> None:
    await chat.send("i did it again tonight and its kinda still bleeding? its been like 20 min")
    assert chat.is_crisis() and FIRST_ALERT in chat.first.text

    await chat.send("idk?? it took longer than 10 min to stop but it has stopped now")

    assert chat.is_crisis()
    assert "checked today" in chat.first.text
    assert FIRST_ALERT not in chat.first.text
    assert "If you might act on these thoughts" not in chat.first.text


async def test_saying_it_stopped_bleeding_is_not_news_that_it_goes_on(chat: FakeChat) -> None:
    await chat.send("i did it again tonight and its kinda still bleeding? its been like 20 min")

    await chat.send("its stopped bleeding now")

    assert FIRST_ALERT not in chat.text()


async def test_bleeding_that_goes_on_after_the_alert_is_still_an_emergency(chat: FakeChat) -> None:
    await chat.send("i did it again tonight and its kinda still bleeding? its been like 20 min")

    await chat.send("it hasnt stopped bleeding")

    assert chat.is_crisis()
    assert "doesn't stop after 10 minutes" in chat.first.text
