"""The Companion: safety first, then the dialogue engine, then the store, in one transaction.

Rules:
1. Every piece of text a person sends is assessed by `safety` before anything else,
   whatever state they are in. A crisis message gets the crisis reply first, with the
   lines for their country; a concern message gets a warm reply with ways to cope and,
   when its words could hide thoughts of suicide, the question asked straight out ("are
   you thinking about suicide?"; a "yes" gets the crisis reply, a "no" never hides the
   lines). Neither is passed on to the flow, so a risky message is never kept as an answer.
   A typed answer to the core's own open question (that one, or "are you safe right
   now?" after the lines) is read as one before anything else but a crisis. So is a
   check-in time typed where the check-in set-up asks; and worried words that plainly
   name a topic go to it (bot/core/before_the_step.py, rules 4 and 6), never a crisis.
   Words about another person's risk are theirs (bot/core/someone_else.py): the crisis
   reply for them, or the someone-else flow, never the writer's own questions.
2. The flow a person was in survives a crisis reply: "Go back" resumes it. It survives a
   check-in too (the place is kept: `before_checkin`): "Carry on where we were", on the
   check-in and when the check-in is over, returns to it; going somewhere else by a
   button or a command lets it go.
3. If the store fails, a crisis message still gets the crisis reply (default country), and
   so does asking for the lines: /sos, "More ways to get help" on a crisis reply, or "Yes"
   to "are you thinking about suicide?".
   "Keep talking with me" on a crisis reply gets words of support, not an apology.
4. A burst of messages gets one "slow down" (bot/core/flood.py) — never a risky one, nor /sos,
   nor anything in the minutes after crisis lines.
5. One message per person at a time, in arrival order: a per-person lock in this process
   (bot/core/locks.py), the row lock in the store across processes.
6. A hung database must not hang the bot (it handles only a few updates at once, so a
   handful stuck waiting would stop it): an urgent message (its answer is crisis lines:
   bot/core/triage.py) waits at most `crisis_patience` seconds for the lock and the
   store, any other `store_patience` (constructor arguments), then is answered as if
   the store had failed (rule 3) — for an urgent one with the country the person last
   had here, if this process has seen them (kept in memory, MEMO_PEOPLE at most). The
   Telegram adapter does not hold an urgent message
   behind the person's earlier ones either: it asks `triage()` first, and `answer()`
   reads the same Triage (each message is assessed once). If the adapter fails after
   all, `fallback()` says what to send.
7. An update handled before (it came again after a crash: its number is among the
   person's last KEEP_DELIVERIES) changes nothing; whether its reply got out is unknown,
   so crisis lines (a crisis message, /sos) are shown again, and nothing else is.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging

import dialogues
import safety
from bot.core import before_the_step, fit, repeats, someone_else, words
from bot.core.buttons import Country, CountryPage, MoreHelp
from bot.core.choices import Choices
from bot.core.commands import Commands
from bot.core.effects import Effects
from bot.core.flood import FloodGate, Verdict
from bot.core.flows import Flows
from bot.core.listening import Listener
from bot.core.locks import KeyedLocks
from bot.core.own_data import Privacy
from bot.core.ports import CheckinMenus, People, PersonState, StoreError
from bot.core.questions import AskedSafe, Moved, Question, State
from bot.core.talk import Questions
from bot.core.triage import Triage, in_context, triage
from bot.core.turn import Turn
from bot.core.without_store import WithoutStore
from bot.messages import Incoming, Person, Reply

log = logging.getLogger(__name__)

# The Companion's patience by default (rule 6): seconds a crisis message may wait for the
# store before it is answered anyway, and any other message. A crisis reply is due within
# a second whatever the database does (issue 21); a healthy one answers in milliseconds.
CRISIS_PATIENCE = 0.6
STORE_PATIENCE = 20.0
# Update numbers kept per person to know one that comes again (rule 7). More than can be in
# hand for one person at once (bot/adapters/telegram: 8), with room to spare.
KEEP_DELIVERIES = 16
MEMO_PEOPLE = 10_000  # people whose country is remembered for crisis lines (rule 6)


class Companion:
    """Turns what a person did into the replies to show them."""

    def __init__(
        self,
        *,
        store: People,
        library: dialogues.Library,
        checkins: CheckinMenus,
        default_country: str | None,
        flood: FloodGate | None = None,
        crisis_patience: float = CRISIS_PATIENCE,
        store_patience: float = STORE_PATIENCE,
    ) -> None:
        """`crisis_patience` and `store_patience`: seconds an urgent message and any other
        wait for the lock and the store before they are answered without it (rule 6)."""
        self._store = store
        self._crisis_patience, self._store_patience = crisis_patience, store_patience
        self._flood = flood or FloodGate()
        self._locks = KeyedLocks()
        self._abandoned: set[asyncio.Future[list[Reply]]] = set()  # rolling back after a timeout
        self._countries: dict[Person, str] = {}  # rule 6, oldest first
        privacy = Privacy()
        self._questions = Questions(default_country=default_country)
        self._without_store = WithoutStore(
            questions=self._questions, default_country=default_country
        )
        self._effects = Effects(
            fields=library.fields,
            questions=self._questions,
            checkins=checkins,
            listed=dialogues.listed_fields(library),
        )
        self._choices = Choices(questions=self._questions, privacy=privacy, checkins=checkins)
        self._commands = Commands(
            questions=self._questions, effects=self._effects, privacy=privacy, checkins=checkins
        )
        self._library = library
        self._checkins = checkins
        self._flows = Flows(library=library, effects=self._effects)
        self._listener = Listener(
            library=library,
            questions=self._questions,
            choices=self._choices,
            checkins=checkins,
            flows=self._flows,
            privacy=privacy,
        )

    def triage(self, incoming: Incoming) -> Triage:
        """What safety finds in `incoming`, and whether the answer is crisis lines (then it
        waits for nothing: bot/core/triage.py). Assessed here, once; `answer` reads it."""
        return triage(incoming)

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Triage `incoming` and answer it (for adapters with no fast lane of their own)."""
        return await self.answer(triage(incoming))

    def fallback(self, triaged: Triage) -> list[Reply]:
        """For an adapter whose handling of `triaged` failed: the crisis lines it asks for
        (the default country's), then an apology. Only the core decides what those are."""
        return self._without_store.fallback(triaged)

    async def answer(self, triaged: Triage) -> list[Reply]:
        """The replies to a triaged message: rules 1 to 7 above."""
        incoming, risk, lines = triaged.incoming, triaged.risk, triaged.urgent
        if lines:
            self._flood.crisis_shown(incoming.person, incoming.now)
        elif risk.tier is safety.Tier.NONE:
            tap = incoming.choice is not None
            verdict = self._flood.check(incoming.person, incoming.now, tap=tap)
            if verdict is not Verdict.ANSWER:
                return [Reply(words.SLOW_DOWN)] if verdict is Verdict.SLOW_DOWN else []
        patience = self._crisis_patience if lines else self._store_patience
        work = asyncio.ensure_future(self._in_store(triaged))
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
            return self._without_store.answer(triaged, country=self._country(incoming.person))
        try:
            return work.result()
        except StoreError:
            log.warning("store unavailable; answering without it")
            return self._without_store.answer(triaged, country=self._country(incoming.person))

    async def _in_store(self, triaged: Triage) -> list[Reply]:
        incoming = triaged.incoming
        # Rule 5: the lock keeps two updates from one person (concurrent updates, a
        # retried webhook) from reading the same state and overwriting each other.
        async with (
            self._locks.hold(incoming.person),
            self._store.person(incoming.person, now=incoming.now) as person,
        ):
            if incoming.delivery is not None:
                if incoming.delivery in person.recent_deliveries:
                    # Rule 7: lines may not have reached the person; nothing else is sent.
                    return self._lines_again(triaged, person)
                kept = (*person.recent_deliveries, incoming.delivery)[-KEEP_DELIVERIES:]
                person.recent_deliveries = kept
            turn = Turn(person, incoming, go=self.go, resume=self.resume)
            replies = await self._respond(turn, triaged)
            if not person.deleted:
                self._questions.remember_offered(turn, replies)
                replies = self._vary(turn, replies)
            self._remember(incoming.person, None if person.deleted else person.country)
            return replies

    def _remember(self, who: Person, country: str | None) -> None:
        """Rule 6: the person's country, for crisis lines while the store is away."""
        self._countries.pop(who, None)
        if country is not None:
            self._countries[who] = country
            if len(self._countries) > MEMO_PEOPLE:
                del self._countries[next(iter(self._countries))]

    def _vary(self, turn: Turn, replies: list[Reply]) -> list[Reply]:
        """No paragraph said twice within a few turns (bot/core/repeats.py)."""
        episode = turn.person.episode
        by_name = turn.incoming.command is not None  # shown whole, but for its questions
        replies, said = repeats.vary(replies, episode.said, by_name=by_name, now=turn.incoming.now)
        kept = (*episode.said, said)[-repeats.TURNS :]
        turn.person.episode = dataclasses.replace(episode, said=kept)
        return replies

    def _country(self, who: Person) -> str | None:
        return self._countries.get(who)

    async def go(self, turn: Turn, target: str) -> list[Reply]:
        """Start the flow at `target` (a flow id, `flow:node` or topics)."""
        return await self._flows.go(turn, target)

    async def resume(self, turn: Turn) -> list[Reply]:
        """Show the person where they were, or the topics if they were nowhere."""
        return await self._flows.resume(turn)

    async def _respond(self, turn: Turn, triaged: Triage) -> list[Reply]:
        incoming, questions = turn.incoming, self._questions
        risk = in_context(triaged, State(turn.person.question, turn.person.episode))
        state = turn.person.flow_state
        if incoming.text and (risk is not triaged.risk or someone_else.in_their_flow(state)):
            # "its not me its HER": triage read whose risk it is, but without the context
            # (read again if it changed the risk) or the someone-else flow (which has a say)
            risk = someone_else.theirs(risk, incoming.text, state)
        here = before_the_step.country_said(turn, crisis=risk.tier is safety.Tier.CRISIS)
        if here is not None:  # "Who can help? We're in Cape Town.": theirs, for what follows
            turn.person.country = here
        if risk.tier is safety.Tier.CRISIS:
            return await questions.crisis(turn, risk)
        protest = before_the_step.protest(turn)
        if protest is not None:  # "why do you keep giving me numbers? i'm fine": heard
            return await self._protested(turn, risk, safe=protest)
        asked = before_the_step.lines(self._library, turn)
        if asked is not None:
            return await questions.lines_asked(turn, asked)
        if before_the_step.not_mine(turn):  # "no, not me! it's my grandson who cuts"
            questions.not_mine(turn)
            if someone_else.in_their_flow(state):  # "it's not me who is hurt, it's my son"
                return [Reply(words.NOT_YOURS), *await self.resume(turn)]
            return await self.go(turn, someone_else.FLOW)
        button = before_the_step.safe_and_a_button(questions, turn)
        if button is not None:  # "I am safe. Please go back": safe, and that button
            keep_safe = isinstance(button, MoreHelp | Country | CountryPage)
            question = questions.step(turn, Moved(incoming.now, keep_safe=keep_safe)).question
            return await self._choices.choose(turn, button, question=question)
        erase = before_the_step.delete(self._library, turn)
        if erase is not None:
            return await self._commands.delete_typed(turn, erase)
        worried = risk.tier is safety.Tier.CONCERN
        skip = before_the_step.not_kept(self._library, turn)
        if skip is not None and not worried:  # "skip. i dont want anything saved": never kept
            return await self._flows.answer(turn, dialogues.Tap(skip))
        schedule = before_the_step.checkin(
            self._library, turn, is_place=self._checkins.is_place, worried=worried
        )
        if schedule is not None:  # a check-in time, never read as distress at its step
            if worried:
                self._questions.noticed(turn, risk)
            if isinstance(schedule, before_the_step.ZoneAsked):
                return await self._checkins.zone_asked(turn, schedule.text)
            if isinstance(schedule, before_the_step.PlaceTyped):
                return await self._checkins.place(turn, schedule.text)
            said: list[Reply] = []
            offered = before_the_step.checkins_offered(self._library, turn.person.flow_state)
            if offered is not None:  # "every day at 9" to "I can also check in with you": yes
                opened = await self.go(turn, offered)
                said = [r for r in opened if not before_the_step.checkin_screen(r)]
            return [*said, *await self._checkins.wanted(turn, schedule, turn.incoming.text or "")]
        language = before_the_step.other_language(turn)
        if language is not None:  # "hablas español?": English only, kindly
            sorry = words.SORRY_ONLY_ENGLISH.get(language)
            said = [Reply(f"{sorry}\n\n{words.ENGLISH_ONLY}" if sorry else words.ENGLISH_ONLY)]
            if risk.tier is safety.Tier.CONCERN:
                return [*said, *await self._listener.worried(turn, risk)]
            if self._questions.answered(turn):
                # "Non, pas ça. ... Vous parlez français ?": the answer is heard too
                return [*said, *await self._listener.typed(turn, incoming.text or "")]
            return [*said, *await self.resume(turn)]
        slip = fit.slip_asked(self._library, turn, risk)
        if slip is not None:  # "what if I relapse?": a question, never a lapse told
            if risk.tier is safety.Tier.CONCERN:
                no_lapse = dataclasses.replace(risk, kinds=risk.kinds - {"lapse"})
                self._questions.noticed(turn, no_lapse)
            return await self.go(turn, slip)
        topic = before_the_step.topic_named(self._library, turn, risk)
        if topic is not None:  # worried words that name what they want: that topic
            self._questions.noticed(turn, risk)
            return await self.go(turn, topic)
        if risk.tier is safety.Tier.CONCERN:
            return await self._listener.worried(turn, risk)
        if incoming.text is None and incoming.command is None and incoming.choice is None:
            # A sticker, a voice note: no answer to anything, and it closes no question.
            return questions.unsupported(turn)
        if incoming.command is None and incoming.choice is None:
            return await self._listener.typed(turn, incoming.text or "")
        keep_safe = isinstance(triaged.button, MoreHelp | Country | CountryPage)
        question = questions.step(turn, Moved(incoming.now, keep_safe=keep_safe)).question
        if incoming.command is not None:
            return await self._commands.run(turn, incoming.command)
        return await self._choose(turn, triaged, question=question)

    async def _protested(self, turn: Turn, risk: safety.Assessment, *, safe: bool) -> list[Reply]:
        """A protest at the lines shown (bot/core/questions.py, rule 6): heard, never the
        lines; then the core's button it names ("I am fine. Go back"), or the answer to
        "are you safe right now?", or where the person was."""
        questions, asked = self._questions, turn.person.question
        worried = risk if risk.tier is safety.Tier.CONCERN else None
        button = questions.offered(asked, turn.incoming.text or "") if safe else None
        if worried is not None and (button is not None or isinstance(asked, AskedSafe)):
            questions.noticed(turn, risk)  # a way on named, or "are you safe?" answered
            worried = None
        heard = questions.protested(turn, safe=safe, worried=worried)
        if button is not None and not isinstance(button, MoreHelp):
            return [heard[0], *await self._choices.choose(turn, button, question=asked)]
        if len(heard) > 1 or isinstance(turn.person.question, AskedSafe):
            return heard  # glad they're safe, with ways on; or "are you safe?" in words
        return [*heard, *await self.resume(turn)]

    async def _choose(self, turn: Turn, triaged: Triage, *, question: Question) -> list[Reply]:
        if triaged.button is not None:
            return await self._choices.choose(turn, triaged.button, question=question)
        if triaged.refused is not None:
            log.info("refused a button id", extra={"why": "not one of the core's"})
            return await self._choices.refused(turn)
        if turn.person.flow_state is None:
            return [Reply(words.STALE_BUTTON), *await self.go(turn, dialogues.TOPICS)]
        return await self._flows.answer(turn, dialogues.Tap(triaged.incoming.choice or ""))

    def _lines_again(self, triaged: Triage, person: PersonState) -> list[Reply]:
        """Rule 7: the crisis lines again if handling the update showed them: it asks for
        them, or it was the person's last update and left "are you safe right now?" open
        (only the lines and the words after them do): a typed "yes" to "are you thinking
        about suicide?", a "no" to "are you safe right now?"."""
        country = self._questions.country(person)
        lines = self._without_store.lines(triaged, country)
        last = person.recent_deliveries[-1:] == (triaged.incoming.delivery,)
        if not lines and last and isinstance(person.question, AskedSafe):
            now = triaged.incoming.now
            lines = [self._questions.crisis_reply(country, None, resumable=False, now=now)]
        return lines
