"""tick(): due check-ins sent once, late ones skipped, failures handled; SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from typing import Any

from sqlalchemy import func, select

from bot.checkins.schedule import DAILY, Plan
from bot.checkins.sender import Sender
from bot.config import load_settings
from bot.core import words
from bot.core.buttons import CheckinBetter, Go, MoreHelp
from bot.core.callback_data import decode, option
from bot.core.questions import AskedSafe, Nothing
from bot.messages import Incoming, Person, Platform, RecipientGone, Reply, ReplyKind, Undeliverable
from bot.store import Store
from bot.store.tables import AnonymousEventRow, ReminderRow
from bot.wiring import build
from tests.fakes import shipped_library

NOW = datetime(2026, 3, 2, 19, 30, 5, tzinfo=UTC)
EVENING = Plan(DAILY, clock(19, 30), "Europe/London")


class Recorder:
    """An outbox that keeps what it was given, and fails for the people told to."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, list[Reply]]] = []
        self.gone: set[str] = set()
        self.failing: dict[str, int] = {}

    async def send(self, person_id: str, replies: Sequence[Reply]) -> None:
        if person_id in self.gone:
            raise RecipientGone("blocked")
        if self.failing.get(person_id, 0) > 0:
            self.failing[person_id] -= 1
            raise Undeliverable("try later")
        self.sent.append((person_id, list(replies)))

    def to(self, person_id: str) -> list[list[Reply]]:
        return [replies for who, replies in self.sent if who == person_id]


def who(number: int) -> Person:
    return Person(Platform.TELEGRAM, str(1000 + number))


async def opted_in(
    store: Store, number: int, *, due: datetime, plan: Plan = EVENING, country: str = "GB"
) -> None:
    async with store.person(who(number), now=due - timedelta(days=1)) as person:
        person.consent_at = due - timedelta(days=1)
        person.country = country
        await person.set_checkin_plan(plan, due_at=due)


def checkins_on(store: Store, outbox: Recorder, **options: float) -> Sender:
    return sender(store, outbox, rate_per_second=1000, **options)


def sender(store: Store, outbox: Recorder, **options: Any) -> Sender:
    library = shipped_library()
    return Sender(store=store, library=library, outbox=outbox, clock=lambda: NOW, **options)


async def reminders(store: Store) -> list[tuple[int, str, datetime, int]]:
    async with store.session() as session:
        rows = await session.execute(
            select(
                ReminderRow.person_id, ReminderRow.kind, ReminderRow.due_at, ReminderRow.attempts
            )
        )
        return sorted((a, b, c, d) for a, b, c, d in rows)


async def event_count(store: Store, name: str) -> int:
    async with store.session() as session:
        found = await session.scalar(
            select(func.count())
            .select_from(AnonymousEventRow)
            .where(AnonymousEventRow.name == name)
        )
        return int(found or 0)


async def test_a_due_check_in_is_sent_once_and_moved_to_tomorrow(store: Store) -> None:
    await opted_in(store, 1, due=datetime(2026, 3, 2, 19, 30, tzinfo=UTC))
    outbox = Recorder()
    checkins = checkins_on(store, outbox)
    assert await checkins.tick(now=NOW) == 1
    assert await checkins.tick(now=NOW + timedelta(minutes=5)) == 0
    assert len(outbox.to("1001")) == 1
    [(_, kind, due, attempts)] = await reminders(store)
    assert (kind, due, attempts) == ("checkin", datetime(2026, 3, 3, 19, 30, tzinfo=UTC), 0)
    assert await event_count(store, "checkin_sent") == 1


async def test_the_first_line_is_discreet_and_taps_continue_the_check_in_flow(store: Store) -> None:
    await opted_in(store, 1, due=NOW - timedelta(seconds=5))
    outbox = Recorder()
    companion = build(load_settings(), store, library=shipped_library())
    await sender(store, outbox).tick(now=NOW)
    [replies] = outbox.to("1001")
    first_line = replies[0].text.splitlines()[0].lower()
    assert first_line.startswith("hi, it's waypoint")
    for word in ("harm", "injur", "urge", "cut", "suicid", "crisis"):
        assert word not in first_line
    assert replies[0].kind is ReplyKind.CHECKIN
    labels = [option.label for option in replies[-1].options]
    assert "Ask me in an hour" in labels and "Check-in settings" in labels
    mood = replies[-1].options[3].id  # "4" on the 1-5 scale
    answer = await companion.handle(Incoming(who(1), NOW + timedelta(minutes=1), choice=mood))
    assert answer[0].text == "I'm glad to hear that."  # the check-in flow carries on
    assert all(option.id.startswith("checkin.") for option in answer[-1].options)


async def test_a_check_in_more_than_two_hours_late_is_skipped_not_sent(store: Store) -> None:
    await opted_in(store, 1, due=NOW - timedelta(hours=2, minutes=1))
    await opted_in(store, 2, due=NOW - timedelta(hours=1, minutes=59))
    outbox = Recorder()
    assert await checkins_on(store, outbox).tick(now=NOW) == 1
    assert [person for person, _ in outbox.sent] == ["1002"]
    due = {(due, attempts) for _, _, due, attempts in await reminders(store)}
    assert due == {(datetime(2026, 3, 3, 19, 30, tzinfo=UTC), 0)}


async def test_a_person_who_blocked_the_bot_has_check_ins_turned_off(store: Store) -> None:
    await opted_in(store, 1, due=NOW)
    outbox = Recorder()
    outbox.gone.add("1001")
    assert await checkins_on(store, outbox).tick(now=NOW) == 0
    assert await reminders(store) == []
    async with store.person(who(1), now=NOW) as person:
        assert await person.checkin_plan() is None


async def test_an_undeliverable_check_in_is_retried_later_and_sent_once(store: Store) -> None:
    await opted_in(store, 1, due=NOW)
    outbox = Recorder()
    outbox.failing["1001"] = 1
    checkins = checkins_on(store, outbox)
    assert await checkins.tick(now=NOW) == 0
    [(_, _, due, attempts)] = await reminders(store)
    assert (due, attempts) == (NOW, 1)
    assert await checkins.tick(now=NOW + timedelta(seconds=30)) == 0  # not yet: backing off
    assert await checkins.tick(now=NOW + timedelta(minutes=2)) == 1
    assert await checkins.tick(now=NOW + timedelta(minutes=4)) == 0
    assert len(outbox.to("1001")) == 1


async def test_an_undeliverable_check_in_is_given_up_after_three_tries(store: Store) -> None:
    await opted_in(store, 1, due=NOW)
    outbox = Recorder()
    outbox.failing["1001"] = 5
    checkins = checkins_on(store, outbox)
    for minutes in (0, 2, 5, 9, 14):
        assert await checkins.tick(now=NOW + timedelta(minutes=minutes)) == 0
    [(_, _, due, attempts)] = await reminders(store)
    assert (due, attempts) == (datetime(2026, 3, 3, 19, 30, tzinfo=UTC), 0)
    assert outbox.failing["1001"] == 2


async def test_a_check_back_is_sent_once_then_forgotten(store: Store) -> None:
    async with store.person(who(1), now=NOW) as person:
        await person.schedule("checkback", due_at=NOW - timedelta(minutes=1))
    outbox = Recorder()
    assert await checkins_on(store, outbox).tick(now=NOW) == 1
    [[reply]] = outbox.to("1001")
    assert reply.text == "Hi, it's Waypoint, checking back in. How are you doing now?"
    assert [decode(o.id) for o in reply.options] == [
        CheckinBetter(),
        Go("urges:now"),
        Go("toolbox:show"),
        MoreHelp(),
    ]
    assert await reminders(store) == []
    assert await event_count(store, "checkback_sent") == 1


async def test_a_check_in_closes_a_question_left_open_so_its_reply_is_read_as_its_own(
    store: Store,
) -> None:
    # "Are you safe right now?" went unanswered yesterday; "not great" is about today.
    await opted_in(store, 1, due=NOW - timedelta(minutes=1))
    async with store.person(who(1), now=NOW) as person:
        person.question = AskedSafe()
    assert await checkins_on(store, Recorder()).tick(now=NOW) == 1

    async with store.person(who(1), now=NOW) as person:
        assert person.question == Nothing()
        assert person.flow_state is not None  # the check-in's own question is open


async def test_a_pass_without_a_time_takes_the_clocks(store: Store) -> None:
    await opted_in(store, 1, due=NOW + timedelta(minutes=1))
    outbox = Recorder()
    library, late = shipped_library(), NOW + timedelta(minutes=2)
    assert await Sender(store=store, library=library, outbox=outbox, clock=lambda: NOW).tick() == 0
    assert await Sender(store=store, library=library, outbox=outbox, clock=lambda: late).tick() == 1


async def test_a_reminder_in_flight_when_its_sender_died_is_not_sent_again(store: Store) -> None:
    await opted_in(store, 1, due=NOW)
    async with store.session() as session, session.begin():
        row = await session.scalar(select(ReminderRow))
        assert row is not None
        row.lease_until, row.claim, row.sending_at = NOW, "dead" * 8, NOW
    outbox = Recorder()
    assert await checkins_on(store, outbox).tick(now=NOW + timedelta(minutes=3)) == 0
    assert outbox.sent == []
    [(_, _, due, _)] = await reminders(store)
    assert due == datetime(2026, 3, 3, 19, 30, tzinfo=UTC)
    assert await event_count(store, "checkin_in_doubt") == 1


class Dies:
    """An outbox whose process dies (as under kill -9) during its `at`-th send: that message
    reaches the person, and nothing after it is sent or returns."""

    def __init__(self, at: int) -> None:
        self.at = at
        self.started: list[str] = []  # the requests made
        self.sent: list[str] = []
        self.dead = asyncio.Event()

    async def send(self, person_id: str, replies: Sequence[Reply]) -> None:
        if self.dead.is_set():
            await asyncio.Event().wait()  # a request made, never answered
        self.started.append(person_id)
        if len(self.started) == self.at:
            self.sent.append(person_id)
            self.dead.set()
            await asyncio.Event().wait()
        self.sent.append(person_id)


async def test_a_crash_between_send_and_record_leaves_at_most_one_wave_of_requests_in_doubt(
    store: Store,
) -> None:
    people, lanes = 80, 8
    for number in range(people):
        await opted_in(store, number, due=NOW)
    dying = Dies(at=45)
    # Paced (after the first burst), so waves wait for their turn at the rate: the old
    # sender marked them before that, two waves at a time, and left up to 2 x lanes in doubt.
    pass_ = asyncio.create_task(
        sender(store, dying, rate_per_second=400, concurrency=lanes).tick(now=NOW)
    )
    await asyncio.wait_for(dying.dead.wait(), 10)
    pass_.cancel()  # the process is gone: nothing more is marked, sent or recorded
    await asyncio.gather(pass_, return_exceptions=True)
    outbox = Recorder()
    after = sender(store, outbox, rate_per_second=1000, concurrency=lanes)
    await after.tick(now=NOW + timedelta(minutes=3))  # the leases have run out
    first, second = set(dying.sent), {person for person, _ in outbox.sent}
    assert not first & second, "somebody got a check-in twice"
    lost = {str(1000 + n) for n in range(people)} - first - second
    in_doubt = await event_count(store, "checkin_in_doubt")
    assert len(lost) <= in_doubt <= lanes
    assert 45 - lanes < len(dying.started) <= 45 + lanes  # the wave it died in had begun
    tomorrow = datetime(2026, 3, 3, 19, 30, tzinfo=UTC)
    assert [due for _, _, due, _ in await reminders(store)] == [tomorrow] * people


async def test_a_lease_that_ran_out_before_sending_is_sent_by_the_next_pass(store: Store) -> None:
    await opted_in(store, 1, due=NOW)
    async with store.session() as session, session.begin():
        row = await session.scalar(select(ReminderRow))
        assert row is not None
        row.lease_until, row.claim = NOW + timedelta(minutes=2), "dead" * 8
    outbox = Recorder()
    checkins = checkins_on(store, outbox)
    assert await checkins.tick(now=NOW + timedelta(minutes=1)) == 0  # still leased
    assert await checkins.tick(now=NOW + timedelta(minutes=3)) == 1
    assert len(outbox.sent) == 1


async def test_sends_keep_to_the_configured_rate(store: Store) -> None:
    for number in range(30):
        await opted_in(store, number, due=NOW)
    outbox = Recorder()
    checkins = sender(store, outbox, rate_per_second=100)
    started = time.perf_counter()
    assert await checkins.tick(now=NOW) == 30
    assert time.perf_counter() - started >= 0.29


async def test_two_passes_at_once_send_each_check_in_once(store: Store) -> None:
    for number in range(40):
        await opted_in(store, number, due=NOW)
    outbox = Recorder()
    first, second = checkins_on(store, outbox), checkins_on(store, outbox)
    counts = await asyncio.gather(first.tick(now=NOW), second.tick(now=NOW))
    assert sum(counts) == 40
    assert sorted(person for person, _ in outbox.sent) == sorted(str(1000 + n) for n in range(40))


async def test_a_snoozed_check_in_comes_once_and_leaves_the_plan_alone(store: Store) -> None:
    await opted_in(store, 1, due=NOW + timedelta(days=1))
    async with store.person(who(1), now=NOW) as person:
        await person.schedule("snooze", due_at=NOW - timedelta(minutes=1))
    outbox = Recorder()
    checkins = checkins_on(store, outbox)
    assert await checkins.tick(now=NOW) == 1
    assert await checkins.tick(now=NOW + timedelta(minutes=1)) == 0
    [replies] = outbox.to("1001")
    assert replies[0].text.startswith("Hi, it's Waypoint")
    assert [(kind, due) for _, kind, due, _ in await reminders(store)] == [
        ("checkin", NOW + timedelta(days=1))
    ]


async def test_a_sender_for_one_platform_leaves_the_others_reminders(store: Store) -> None:
    await opted_in(store, 1, due=NOW)
    async with store.person(Person(Platform.TERMINAL, "local"), now=NOW) as person:
        await person.schedule("checkback", due_at=NOW)
    outbox = Recorder()
    checkins = sender(store, outbox, rate_per_second=1000, platform=Platform.TERMINAL)
    assert await checkins.tick(now=NOW) == 1
    assert [person for person, _ in outbox.sent] == ["local"]
    assert [kind for _, kind, _, _ in await reminders(store)] == ["checkin"]


def tap(replies: list[Reply], label: str) -> str:
    [found] = [o.id for reply in replies for o in reply.options if o.label == label]
    return found


async def mid_flow(store: Store, number: int) -> tuple[Any, list[Reply]]:
    """A person at "How do urges work?" in the urges flow, a check-in due; the companion
    and what that step said."""
    await opted_in(store, number, due=NOW - timedelta(seconds=5))
    companion = build(load_settings(), store, library=shipped_library())
    earlier = NOW - timedelta(minutes=2)
    urges = option(Go("urges"), "urges").id
    intro = await companion.handle(Incoming(who(number), earlier, choice=urges))
    step = await companion.handle(
        Incoming(who(number), earlier, choice=tap(intro, "How do urges work?"))
    )
    assert "Ride the wave with me" in [o.label for o in step[-1].options]
    return companion, step


async def test_a_check_in_mid_flow_keeps_the_place_and_carry_on_returns_to_it(
    store: Store,
) -> None:
    companion, step = await mid_flow(store, 1)
    outbox = Recorder()
    assert await checkins_on(store, outbox).tick(now=NOW) == 1
    [checkin] = outbox.to("1001")
    carry_on = tap(checkin, "Carry on where we were")
    back = await companion.handle(Incoming(who(1), NOW + timedelta(minutes=1), choice=carry_on))
    # the same step: its words, or a shorter line above its buttons when they were just said
    assert back[-1].text in (step[-1].text, *words.MENU_AGAIN)
    assert [o.label for o in back[-1].options] == [o.label for o in step[-1].options]
    # and the flow goes on from there
    wave = tap(back, "Ride the wave with me")
    on = await companion.handle(Incoming(who(1), NOW + timedelta(minutes=2), choice=wave))
    assert on and all(not o.id.startswith("checkin.") for o in on[-1].options)
    async with store.person(who(1), now=NOW) as person:
        assert person.before_checkin is None  # used once


async def test_after_answering_a_check_in_mid_flow_carry_on_returns_to_the_same_step(
    store: Store,
) -> None:
    companion, step = await mid_flow(store, 1)
    outbox = Recorder()
    assert await checkins_on(store, outbox).tick(now=NOW) == 1
    [replies] = outbox.to("1001")
    at = NOW
    for _ in range(10):  # answer the check-in, first choice each time, to its end
        labels = [o.label for o in replies[-1].options]
        if "Carry on where we were" in labels and replies is not outbox.to("1001")[0]:
            break
        first = next(o.id for o in replies[-1].options if not o.id.startswith("!"))
        at += timedelta(seconds=30)
        replies = await companion.handle(Incoming(who(1), at, choice=first))
    else:
        raise AssertionError("no way back offered when the check-in was over")
    back = await companion.handle(
        Incoming(who(1), at, choice=tap(replies, "Carry on where we were"))
    )
    # the same step: its words, or a shorter line above its buttons when they were just said
    assert back[-1].text in (step[-1].text, *words.MENU_AGAIN)
    assert [o.label for o in back[-1].options] == [o.label for o in step[-1].options]


async def test_a_check_in_to_someone_in_no_flow_offers_no_way_back(store: Store) -> None:
    await opted_in(store, 1, due=NOW - timedelta(seconds=5))
    outbox = Recorder()
    assert await checkins_on(store, outbox).tick(now=NOW) == 1
    [checkin] = outbox.to("1001")
    assert "Carry on where we were" not in [o.label for r in checkin for o in r.options]
    async with store.person(who(1), now=NOW) as person:
        assert person.before_checkin is None
