"""Flood control: a burst gets one gentle "slow down", never at the cost of safety."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.core.flood import AFTER_CRISIS, FloodGate, Verdict
from bot.messages import Person, Platform
from bot.store import Store
from tests.fakes import FakeChat

ALEX = Person(Platform.TELEGRAM, "1")
SAM = Person(Platform.TELEGRAM, "2")
NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def burst(gate: FloodGate, person: Person, count: int) -> list[Verdict]:
    return [gate.check(person, NOW + timedelta(milliseconds=10 * n)) for n in range(count)]


def test_a_burst_gets_one_slow_down_then_quiet() -> None:
    verdicts = burst(FloodGate(limit=3), ALEX, 6)

    assert verdicts == [Verdict.ANSWER] * 3 + [Verdict.SLOW_DOWN] + [Verdict.QUIET] * 2


def test_after_the_window_messages_are_answered_again() -> None:
    gate = FloodGate(limit=2, window=timedelta(seconds=10))
    burst(gate, ALEX, 5)

    assert gate.check(ALEX, NOW + timedelta(seconds=11)) is Verdict.ANSWER


def test_one_person_flooding_does_not_slow_anyone_else() -> None:
    gate = FloodGate(limit=2)
    burst(gate, ALEX, 10)

    assert gate.check(SAM, NOW) is Verdict.ANSWER


async def test_a_crisis_message_in_a_flood_still_gets_the_crisis_reply(
    sqlite_store: Store,
) -> None:
    chat = FakeChat.on(sqlite_store, flood=FloodGate(limit=2), pace=timedelta(milliseconds=100))
    for _ in range(5):
        await chat.send("hello")
    assert chat.last == []

    await chat.send("i want to kill myself")

    assert chat.is_crisis()


def test_people_who_have_gone_quiet_are_forgotten() -> None:
    gate = FloodGate(limit=5, window=timedelta(seconds=10))
    for number in range(600):
        gate.check(Person(Platform.TELEGRAM, str(number)), NOW)

    later = NOW + timedelta(minutes=1)
    for _ in range(500):
        gate.check(ALEX, later)

    assert len(gate._recent) == 1


def test_nothing_is_held_back_in_the_minutes_after_crisis_lines() -> None:
    gate = FloodGate(limit=3)
    burst(gate, ALEX, 5)
    gate.crisis_shown(ALEX, NOW + timedelta(seconds=1))
    after = [gate.check(ALEX, NOW + timedelta(seconds=1, milliseconds=n)) for n in range(20)]
    assert after == [Verdict.ANSWER] * 20
    assert gate.check(ALEX, NOW + AFTER_CRISIS + timedelta(minutes=1)) is Verdict.ANSWER
    assert burst(gate, SAM, 5)[-1] is Verdict.QUIET  # only the person shown the lines


def test_tapping_through_a_flow_at_a_tap_a_second_is_not_a_flood() -> None:
    gate = FloodGate()
    taps = [gate.check(ALEX, NOW + timedelta(seconds=n), tap=True) for n in range(60)]
    assert taps == [Verdict.ANSWER] * 60
