"""The Companion: safety first, then the dialogue engine, then the store, in one transaction.

Rules:
1. Every piece of text a person sends is assessed by `safety` before anything else,
   whatever state they are in. A crisis message gets the crisis reply first, with the
   lines for their country; a concern message gets a warm reply with ways to cope and,
   when its words could hide thoughts of suicide, the question asked straight out ("are
   you thinking about suicide?"; a "yes" gets the crisis reply, a "no" never hides the
   lines). Neither is passed on to the flow, so a risky message is never kept as an answer.
   A typed answer to the core's own open question (that one, or "are you safe right
   now?" after the lines) is read as one before anything else but a crisis.
2. The flow a person was in survives a crisis reply: "Go back" resumes it.
3. If the store fails, a crisis message still gets the crisis reply (default country), and
   so does asking for the lines: /sos, "More ways to get help" on a crisis reply, or "Yes"
   to "are you thinking about suicide?".
   "Keep talking with me" on a crisis reply gets words of support, not an apology.
4. A burst of messages gets one "slow down" (bot/flood.py) — never a risky one, nor /sos.
5. One message per person at a time, in arrival order: a per-person lock in this process
   (bot/locks.py), the row lock in the store across processes.
6. A hung database must not hang the bot (it handles only a few updates at once, so a
   handful stuck waiting would stop it): a message `urgent()` (crisis lines) waits at most
   CRISIS_PATIENCE seconds for the lock and the store, any other STORE_PATIENCE, then is
   answered as if the store had failed (rule 3). The Telegram adapter does not hold an
   urgent message behind the person's earlier ones either.
7. An update handled before (it came again after a crash: its number is among the
   person's last KEEP_DELIVERIES) changes nothing; whether its reply got out is unknown,
   so crisis lines (a crisis message, /sos) are shown again, and nothing else is.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping

import dialogues
import safety
from bot import texts
from bot.actions import (
    ASKED_YES,
    DELETE_ASKED,
    KEEP_TALKING,
    MORE_HELP,
    MORE_HELP_OPTION,
    SAFE_ASKED,
    SAID_YES,
    Actions,
    Turn,
)
from bot.flood import FloodGate, Verdict
from bot.locks import KeyedLocks
from bot.messages import Incoming, Option, Reply, ReplyKind
from bot.store import PersonRecord, Store, StoreError

log = logging.getLogger(__name__)

Command = Callable[[Turn], Awaitable[list[Reply]]]
CRISIS_PATIENCE = 5.0  # seconds a crisis message may wait for the store before answering anyway
STORE_PATIENCE = 20.0  # the same for any other message
# Update numbers kept per person to know one that comes again (rule 7). More than can be in
# hand for one person at once (bot/telegram_adapter: 8), with room to spare.
KEEP_DELIVERIES = 16


class Companion:
    """Turns what a person did into the replies to show them."""

    def __init__(
        self,
        *,
        store: Store,
        library: dialogues.Library,
        actions: Actions,
        default_country: str | None,
        flood: FloodGate | None = None,
    ) -> None:
        self._store = store
        self._flood = flood or FloodGate()
        self._locks = KeyedLocks()
        self._abandoned: set[asyncio.Future[list[Reply]]] = set()  # rolling back after a timeout
        self._library = library
        self._actions = actions
        self._default_country = default_country
        self._commands: Mapping[str, Command] = {
            "start": self._start,
            "topics": self._topics,
            "help": self._help,
            "sos": actions.sos,
            "toolbox": self._toolbox,
            "wins": self._wins,
            "plan": self._plan,
            "country": actions.ask_country,
            "checkin": actions.checkin_settings,
            "progress": actions.progress,
            "mydata": actions.my_data,
            "delete": actions.ask_delete,
            "stop": actions.stop,
        }

    async def handle(self, incoming: Incoming) -> list[Reply]:
        risk = _assess(incoming)
        lines = _wants_lines(incoming, risk)
        if risk.tier is safety.Tier.NONE and not lines:
            verdict = self._flood.check(incoming.person, incoming.now)
            if verdict is not Verdict.ANSWER:
                return [Reply(texts.SLOW_DOWN)] if verdict is Verdict.SLOW_DOWN else []
        patience = CRISIS_PATIENCE if lines else STORE_PATIENCE
        work = asyncio.ensure_future(self._in_store(incoming, risk))
        try:
            done, _ = await asyncio.wait({work}, timeout=patience)
        except asyncio.CancelledError:
            work.cancel()
            raise
        if not done:
            # Rule 6: answer now; the abandoned transaction rolls back in the background
            # (unless its COMMIT was already on its way: then what it did is kept).
            work.cancel()
            self._abandoned.add(work)
            work.add_done_callback(self._abandoned.discard)
            log.warning("store too slow; answering without it", extra={"tier": risk.tier.name})
            return self._without_store(incoming, risk)
        try:
            return work.result()
        except StoreError:
            log.warning("store unavailable; answering without it")
            return self._without_store(incoming, risk)

    async def _in_store(self, incoming: Incoming, risk: safety.Assessment) -> list[Reply]:
        # Rule 5: the lock keeps two updates from one person (concurrent updates, a
        # retried webhook) from reading the same state and overwriting each other.
        async with (
            self._locks.hold(incoming.person),
            self._store.person(incoming.person, now=incoming.now) as person,
        ):
            if incoming.delivery is not None:
                if incoming.delivery in person.recent_deliveries:
                    # Rule 7: lines may not have reached the person; nothing else is sent.
                    return self._lines_again(incoming, risk, person)
                kept = (*person.recent_deliveries, incoming.delivery)[-KEEP_DELIVERIES:]
                person.recent_deliveries = kept
            turn = Turn(person, incoming, go=self.go, resume=self.resume)
            return await self._respond(turn, risk)

    async def go(self, turn: Turn, target: str) -> list[Reply]:
        """Start the flow at `target` (a flow id, `flow:node` or topics)."""
        if self._library.resolve("", target) in (None, ("", "end")):
            target = dialogues.TOPICS
        facts = await self._actions.facts(turn)
        return await self._run(turn, dialogues.start(self._library, target, facts=facts))

    async def resume(self, turn: Turn) -> list[Reply]:
        """Show the person where they were, or the topics if they were nowhere."""
        state = turn.person.flow_state
        if state is None:
            return await self.go(turn, dialogues.TOPICS)
        facts = await self._actions.facts(turn)
        return await self._run(turn, dialogues.resume(self._library, state, facts=facts))

    async def _respond(self, turn: Turn, risk: safety.Assessment) -> list[Reply]:
        incoming = turn.incoming
        if risk.tier is safety.Tier.CRISIS:
            return await self._actions.crisis(turn, risk)
        if incoming.text is not None:  # worried words can be an answer too: "yes, so alone"
            answered = await self._actions.answer(turn, incoming.text)
            if answered is not None:
                return answered
        if risk.tier is safety.Tier.CONCERN:
            return await self._actions.concern(turn, risk)
        if incoming.text is None and incoming.command is None and incoming.choice is None:
            # A sticker, a voice note: no answer to anything, and it closes no question.
            return self._actions.unsupported(turn)
        awaiting, turn.person.awaiting = turn.person.awaiting, None
        if awaiting and awaiting != DELETE_ASKED and incoming.text is not None:
            answered = await self._actions.typed(turn, awaiting, incoming.text)
            if answered is not None:
                return answered
        if incoming.command is not None:
            command = self._commands.get(incoming.command.lower())
            return await command(turn) if command else [Reply(texts.UNKNOWN_COMMAND)]
        if incoming.choice is not None:
            return await self._choose(turn, incoming.choice, awaiting=awaiting)
        return await self._answer(turn, dialogues.Typed(incoming.text or ""))

    async def _choose(self, turn: Turn, choice: str, *, awaiting: str | None) -> list[Reply]:
        if choice.startswith("!"):
            return await self._actions.core_choice(turn, choice, awaiting=awaiting)
        if turn.person.flow_state is None:
            return [Reply(texts.STALE_BUTTON), *await self.go(turn, dialogues.TOPICS)]
        return await self._answer(turn, dialogues.Tap(choice))

    async def _answer(self, turn: Turn, answer: dialogues.Answer) -> list[Reply]:
        state = turn.person.flow_state
        if state is None:
            return [Reply(texts.NO_CONVERSATION), *await self.go(turn, dialogues.TOPICS)]
        facts = await self._actions.facts(turn)
        return await self._run(turn, dialogues.step(self._library, state, answer, facts=facts))

    async def _run(self, turn: Turn, result: dialogues.Step) -> list[Reply]:
        """Carry out the engine's output in order, then keep its new state."""
        replies: list[Reply] = []
        for item in result.out:
            if isinstance(item, dialogues.Message):
                options = tuple(Option(button.id, button.label) for button in item.buttons)
                replies.append(Reply(item.text, options=options))
            else:
                replies.extend(await self._actions.carry_out(turn, item))
        if not turn.person.deleted:
            turn.person.flow_state = result.state
        return replies

    async def _start(self, turn: Turn) -> list[Reply]:
        return await self.go(turn, dialogues.TOPICS if turn.person.consented else "welcome")

    async def _topics(self, turn: Turn) -> list[Reply]:
        return await self.go(turn, dialogues.TOPICS)

    async def _toolbox(self, turn: Turn) -> list[Reply]:
        return await self.go(turn, "toolbox:show")

    async def _wins(self, turn: Turn) -> list[Reply]:
        return await self._actions.show(turn, "wins")

    async def _plan(self, turn: Turn) -> list[Reply]:
        return await self.go(turn, "safety_plan:show")

    async def _help(self, turn: Turn) -> list[Reply]:
        return [Reply(texts.HELP, options=(Option("!go:topics", "Show topics"),))]

    def _lines(
        self, incoming: Incoming, risk: safety.Assessment, country: str | None
    ) -> list[Reply]:
        """The crisis lines `incoming` asks for (`_wants_lines`), for `country`; else none.
        For when the flow and the person's state cannot be used (rules 3 and 7)."""
        now = incoming.now
        if risk.tier is safety.Tier.CRISIS:
            return [self._actions.crisis_reply(country, risk, resumable=False, now=now)]
        if incoming.choice == MORE_HELP:
            return [self._actions.more_help(country, now=now)]
        if incoming.choice == ASKED_YES:
            return [self._actions.crisis_reply(country, SAID_YES, resumable=False, now=now)]
        if _is_sos(incoming):
            return [self._actions.crisis_reply(country, None, resumable=False, now=now)]
        return []

    def _lines_again(
        self, incoming: Incoming, risk: safety.Assessment, person: PersonRecord
    ) -> list[Reply]:
        """Rule 7: the crisis lines again if handling `incoming` showed them: it asks for
        them, or it was the person's last update and left "are you safe right now?" open
        (only the lines and the words after them do): a typed "yes" to "are you thinking
        about suicide?", a "no" to "are you safe right now?"."""
        country = self._actions.country(person)
        lines = self._lines(incoming, risk, country)
        last = person.recent_deliveries[-1:] == (incoming.delivery,)
        if not lines and last and person.awaiting == SAFE_ASKED:
            lines = [self._actions.crisis_reply(country, None, resumable=False, now=incoming.now)]
        return lines

    def _without_store(self, incoming: Incoming, risk: safety.Assessment) -> list[Reply]:
        # Rule 3: the default country's lines, since the person's own country is in the store.
        lines = self._lines(incoming, risk, self._default_country)
        if lines:
            return lines
        if risk.tier is safety.Tier.CONCERN:
            text = safety.concern_reply(self._default_country, now=incoming.now)
            return [Reply(text, kind=ReplyKind.CONCERN)]
        if incoming.choice == KEEP_TALKING:  # after crisis lines: not an apology
            return [Reply(texts.STAY_WITH_YOU, options=(MORE_HELP_OPTION,))]
        return [Reply(texts.SORRY)]


def urgent(incoming: Incoming) -> bool:
    """Whether the answer is crisis lines: a crisis message, /sos, or "More ways to get
    help". It waits for nothing long: not the store (rules 3 and 6), and not the replies to
    the person's earlier messages (bot/telegram_adapter)."""
    return _wants_lines(incoming, _assess(incoming))


def _wants_lines(incoming: Incoming, risk: safety.Assessment) -> bool:
    return (
        risk.tier is safety.Tier.CRISIS
        or incoming.choice in (MORE_HELP, ASKED_YES)
        or _is_sos(incoming)
    )


def _is_sos(incoming: Incoming) -> bool:
    return (incoming.command or "").lower() == "sos"


def _assess(incoming: Incoming) -> safety.Assessment:
    """Assess every piece of text in what the person sent (a command's arguments too)."""
    return safety.assess(" ".join(part for part in (incoming.text, incoming.args) if part))
