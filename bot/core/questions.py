"""The core's own questions, as one pure state machine: `step(state, event) -> Outcome`.

Besides the flows, the core asks a few questions of its own: "are you thinking about
suicide?" (after worried words that could hide it), "are you safe right now?" (with the
crisis lines), "erase everything?" (/delete), and the check-in screens' "what time?" and
"where are you?". The one open question is a `Question` (a frozen dataclass each); the
`Episode` remembers the risky moment the person is in (the risk kinds seen, when they were
asked about suicide and what they said, how often the concern reply was given), shared
with the flows' own questions (`FlowAsked`, `FlowAnswered`). What to say comes out as
`Say` values the shell (bot/core/talk.py) renders with the person's country and the time.

Rules (like h11's _state.py: everything that moves the questions lives here):
1. No I/O, no clock: time comes in each event (`now`). The table `_TABLE` says which
   handler answers an event in a state; one that is not in it passes the event on
   (`Outcome.passed`: handle the message as if nothing had been asked).
2. A crisis is always answered with the lines, whatever is open ("a crisis always
   interrupts"), and leaves "are you safe right now?" open.
3. A person is asked about suicide at most once per episode, by the core or by a flow,
   unless their words change: a crisis, or a yes, makes it known, and then the question
   is not needed (the lines are given instead).
4. The concern reply is not repeated word for word: the first in an episode is the full
   one (with a line), the next ones short and each different (`ConcernWords.time`).
5. An episode ends after EPISODE_QUIET with nothing worrying said; the next starts fresh.
6. A protest at being shown the lines is heard, never answered with them: said with
   safety ("why do you keep giving me numbers? i'm fine") it answers "are you safe right
   now?" as safe, if open (glad, and ways to go on), and closes it; without safety, that
   question stays open, asked once more in words, with no lines. With nothing open, worried
   words said with it ("i'm not gonna do anything i just have an urge") get the short
   concern reply (never the first, which names a line) with its ways on; with none, the
   caller takes the person back to where they were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Literal

import safety
from bot.core.yes_no import Said

EPISODE_QUIET = timedelta(hours=6)  # this long with nothing worrying: a new episode
SuicideAnswer = Literal["yes", "no", "skip"]

# -- States: the question open -------------------------------------------------------------------


# The core's buttons on the last reply, as (label, button id): typed text is read against
# them (bot/core/talk.py) before the flow's own step.
Offered = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Nothing:
    """No question of the core's is open; `offered`: its buttons on the last reply."""

    offered: Offered = ()


@dataclass(frozen=True)
class AskedSuicide:
    """ "Are you thinking about suicide?" is open; `again`: asked a second time already."""

    again: bool = False


@dataclass(frozen=True)
class AskedSafe:
    """ "Are you safe right now?" is open (it ends every crisis reply); `offered` as above."""

    offered: Offered = ()


@dataclass(frozen=True)
class AskedDelete:
    """ "Erase everything?" is open: only the very next step can say yes."""


@dataclass(frozen=True)
class AskedTime:
    """A check-in screen asked for a time, for the plan `code` (bot/checkins/menus.py)."""

    code: str
    offered: Offered = ()


@dataclass(frozen=True)
class AskedZone:
    """A check-in screen asked where the person is, for the plan `code` at `hhmm`."""

    code: str
    hhmm: str
    offered: Offered = ()


@dataclass(frozen=True)
class AskedCountry:
    """The country picker is shown: a typed "uk" or "deutschland" answers it."""

    offered: Offered = ()


Question = Nothing | AskedSuicide | AskedSafe | AskedDelete | AskedTime | AskedZone | AskedCountry


def with_offered(question: Question, offered: Offered) -> Question:
    """`question` with the core's buttons on the last reply remembered (those that have
    nothing of their own to read keep none)."""
    match question:
        case Nothing() | AskedSafe() | AskedCountry() | AskedTime() | AskedZone():
            return replace(question, offered=offered)
    return question


CHECKIN_QUESTIONS = (AskedTime, AskedZone)


@dataclass(frozen=True)
class Episode:
    """A risky moment, remembered for a few hours (rule 5). Empty: none now."""

    started: datetime | None = None
    last_at: datetime | None = None  # the last worrying message
    kinds: frozenset[str] = frozenset()  # risk kinds seen (safety's: "overdose", "injury", …)
    suicide_asked_at: datetime | None = None  # by the core or a flow
    suicide_said: SuicideAnswer | None = None
    concern_replies: int = 0
    lines_shown: bool = False  # a crisis reply this episode: "are you safe?" asks it now
    lines_for_them: bool = False  # the last crisis reply was for someone else's danger
    flow_asked: frozenset[str] = frozenset()  # what a flow's step just asked ("swallowed")
    # Not the risk: what the last few turns said (keys of their paragraphs, oldest first), so
    # that no paragraph is said twice within them (bot/core/repeats.py). Kept past the quiet.
    said: tuple[tuple[str, ...], ...] = ()

    @property
    def swallowed(self) -> bool:
        return "overdose" in self.kinds or "swallowed" in self.kinds

    @property
    def injured(self) -> bool:
        return "injury" in self.kinds

    @property
    def suicide_known(self) -> bool:
        """Whether asking about suicide would tell us nothing new (rule 3)."""
        return self.suicide_asked_at is not None or self.suicide_said == "yes"


@dataclass(frozen=True)
class State:
    """What is open, and the episode around it: kept with the person's record."""

    question: Question = Nothing()
    episode: Episode = Episode()


# -- Events --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Crisis:
    """A crisis message (`said`: how its text reads as a yes or no, if it does)."""

    now: datetime
    risk: safety.Assessment
    said: Said | None = None


@dataclass(frozen=True)
class Concern:
    """Worried words, short of a crisis."""

    now: datetime
    risk: safety.Assessment
    said: Said | None = None


@dataclass(frozen=True)
class Noticed:
    """Worried words that answer a flow's step, answered there: remembered, not replied to."""

    now: datetime
    risk: safety.Assessment


@dataclass(frozen=True)
class Answered:
    """Typed text with nothing worrying in it that reads as a yes or no (bot/core/yes_no.py)."""

    now: datetime
    said: Said


@dataclass(frozen=True)
class Unread:
    """Typed text with nothing worrying in it that is no yes or no."""

    now: datetime


@dataclass(frozen=True)
class Tapped:
    """A tap on an answer to "are you thinking about suicide?"."""

    now: datetime
    answer: SuicideAnswer


@dataclass(frozen=True)
class Sos:
    """/sos: the crisis lines, now."""

    now: datetime


@dataclass(frozen=True)
class Protested:
    """A protest at being shown crisis lines ("why do you keep giving me numbers? i'm
    fine"); `safe`: the person says they are safe or fine in it."""

    now: datetime
    safe: bool = False
    worried: safety.Assessment | None = None  # worried words said with it ("i just have an urge")


@dataclass(frozen=True)
class KeepTalking:
    """ "Keep talking with me" under the crisis lines."""

    now: datetime


@dataclass(frozen=True)
class Unsupported:
    """A sticker, a voice note: nothing to read."""

    now: datetime


@dataclass(frozen=True)
class Ask:
    """The core or a screen asks `question` (/delete, a check-in time or place)."""

    now: datetime
    question: Question


@dataclass(frozen=True)
class Moved:
    """Any other command or button: what was open is closed (`keep_safe`: a tap that
    leaves "are you safe right now?" open above it, like "More ways to get help")."""

    now: datetime
    keep_safe: bool = False


@dataclass(frozen=True)
class FlowAsked:
    """A flow's step asked about `about` ("suicide", "swallowed")."""

    now: datetime
    about: str


@dataclass(frozen=True)
class FlowAnswered:
    """A flow's step was answered: `said` is "yes", "no", "unsure" or "skip"."""

    now: datetime
    about: str
    said: str


Event = (
    Crisis
    | Concern
    | Noticed
    | Answered
    | Unread
    | Tapped
    | Sos
    | Protested
    | KeepTalking
    | Unsupported
    | Ask
    | Moved
    | FlowAsked
    | FlowAnswered
)

# -- What to say (rendered by bot/core/talk.py) --------------------------------------------------


@dataclass(frozen=True)
class CrisisLines:
    """The crisis reply; `risk` None for /sos; `injury_told`: the injury advice was given
    already this episode (the follow-up advice, not the same alert again)."""

    risk: safety.Assessment | None
    injury_told: bool = False


@dataclass(frozen=True)
class NotSafeLines:
    """For "no, I'm not safe": the emergency number first."""


@dataclass(frozen=True)
class ConcernWords:
    """The concern reply: `time` 0 is the full one, 1 and on a short one, each different;
    `ask`: the suicide question follows (then it has no buttons of its own)."""

    risk: safety.Assessment
    time: int = 0
    ask: bool = False


@dataclass(frozen=True)
class SuicideQuestion:
    again: bool = False


@dataclass(frozen=True)
class AnsweredSuicide:
    """After a no, or rather not say, to "are you thinking about suicide?"; `more`: a typed
    no that went on with worried words ("não, só quero parar de sentir isso"), heard gently,
    not only thanked."""

    answer: SuicideAnswer
    more: bool = False


@dataclass(frozen=True)
class SafeNow:
    """ "Yes, I'm safe": glad, unless something was swallowed or there is an injury;
    then the medical reminder (`swallowed`, `injured`), never "glad you're safe"."""

    swallowed: bool = False
    injured: bool = False


@dataclass(frozen=True)
class LinesHeard:
    """A protest at the lines heard (rule 6): sorry, no more of them unless asked;
    `ask_safe`: "are you safe right now?" is still open, asked once more in words."""

    ask_safe: bool = False


@dataclass(frozen=True)
class Stay:
    """ "I'm here with you. Are you safe right now?" and ways to stay."""


@dataclass(frozen=True)
class StayForThem:
    """ "Keep talking with me" under the lines for someone else: staying with the helper."""


@dataclass(frozen=True)
class TextOnly:
    """Nothing to read in a sticker; `safe`: ask "are you safe?" again as well."""

    safe: bool = False


Say = (
    CrisisLines
    | NotSafeLines
    | ConcernWords
    | SuicideQuestion
    | AnsweredSuicide
    | SafeNow
    | LinesHeard
    | Stay
    | StayForThem
    | TextOnly
)


@dataclass(frozen=True)
class Count:
    """Count this anonymously ("crisis", "concern")."""

    name: str


@dataclass(frozen=True)
class Outcome:
    """What `step` decided: what to say, the new state, what to do; `passed`: the event
    is no answer to anything open, so handle the message as if nothing had been asked
    (`question` is what was open)."""

    say: tuple[Say, ...]
    state: State
    effects: tuple[Count, ...] = ()
    passed: bool = False
    question: Question = field(default=Nothing())


# -- The machine ---------------------------------------------------------------------------------

# A typed answer to "are you thinking about suicide?": an unsure one counts as a yes.
_ABOUT_SUICIDE: dict[Said, SuicideAnswer] = {
    Said.YES: "yes",
    Said.UNSURE: "yes",
    Said.HEDGED: "yes",  # "idk i just feel empty": as unsure
    Said.NO: "no",
    Said.NO_AND_MORE: "no",  # "no!! why do you keep asking" (a worried no is UNSURE)
    Said.FINE: "no",
    Said.RATHER_NOT_SAY: "skip",
}
# ... and to "are you safe right now?": an unsure one counts as not safe, and so does a no
# that goes on ("no, i feel so alone"); a hedge on other words ("ride it out i guess",
# "getting better i guess") is no answer to it, never a more urgent reply.
NOT_SAFE_SAID = frozenset({Said.NO, Said.UNSURE, Said.NO_AND_MORE})
# What a "yes" tells us: thoughts of suicide, with no plan or danger stated.
SAID_YES = safety.Assessment(
    tier=safety.Tier.CRISIS,
    kinds=frozenset({"ideation"}),
    matched=(),
    about_someone_else=False,
    immediate=False,
)
# What a "no" to "are you safe right now?" tells us: danger that may be immediate.
NOT_SAFE = safety.Assessment(
    tier=safety.Tier.CRISIS,
    kinds=frozenset({"danger"}),
    matched=(),
    about_someone_else=False,
    immediate=True,
)


def step(state: State, event: Event) -> Outcome:
    """The one transition function: what `event` does in `state` (rule 1)."""
    episode = _current(state.episode, event.now)
    if not isinstance(event, FlowAsked | FlowAnswered):  # a new message: the flow's step is past
        episode = replace(episode, flow_asked=frozenset())
    state = State(state.question, episode)
    handler = _TABLE.get((type(state.question), type(event))) or _TABLE.get((_Any, type(event)))
    if handler is None:
        return Outcome((), State(Nothing(), episode), passed=True, question=state.question)
    return handler(state, event)


def episode_at(episode: Episode, now: datetime) -> Episode:
    """The episode as it stands at `now` (an empty one after EPISODE_QUIET: rule 5)."""
    return _current(episode, now)


def context_of(state: State) -> tuple[frozenset[str], frozenset[str]]:
    """What was just asked ("suicide", "safe", "swallowed") and the risk kinds seen lately:
    what `safety.assess(text, context=safety.Context(...))` will be given (bot/core/triage.py,
    `in_context`)."""
    asked = set(state.episode.flow_asked)
    match state.question:
        case AskedSuicide():
            asked.add("suicide")
        case AskedSafe():
            asked.add("safe")
    return frozenset(asked), state.episode.kinds


# -- Handlers ------------------------------------------------------------------------------------


class _Any:
    """In `_TABLE`: any question."""


def _crisis(state: State, event: Crisis) -> Outcome:
    """Rule 2. For someone else's danger, the lines for them, and the writer's question closes."""
    risk, episode = event.risk, state.episode
    if risk.about_someone_else:
        episode = replace(episode, lines_for_them=True)
        return Outcome((CrisisLines(risk),), State(Nothing(), episode), (Count("crisis"),))
    injury_told = episode.injured and episode.lines_shown
    episode = replace(_worried(episode, risk, event.now), lines_shown=True, lines_for_them=False)
    if "ideation" in risk.kinds or "intent" in risk.kinds or "plan" in risk.kinds:
        episode = replace(episode, suicide_said="yes")
    asked = isinstance(state.question, AskedSuicide | AskedSafe)
    not_safe = asked and "danger" in risk.kinds
    not_safe = not_safe or (isinstance(state.question, AskedSafe) and event.said in NOT_SAFE_SAID)
    say: Say = NotSafeLines() if not_safe else CrisisLines(risk, injury_told=injury_told)
    return Outcome((say,), State(AskedSafe(), episode), (Count("crisis"),))


def _concern(state: State, event: Concern) -> Outcome:
    """Worried words: an answer to the open question, if they are one (a no that goes on
    with them to "are you thinking about suicide?" is heard gently: `AnsweredSuicide.more`);
    else the concern reply, with the suicide question when the words could hide it and it is
    not known."""
    if event.said is not None:
        answered = _answer(state, Answered(event.now, event.said))
        if event.said is Said.NO_AND_MORE and isinstance(state.question, AskedSuicide):
            # "não. só quero parar de sentir isso": a no, and the worry in it heard gently
            return replace(answered, say=(AnsweredSuicide("no", more=True),))
        if not answered.passed:
            return answered
    risk = event.risk
    episode = _worried(state.episode, risk, event.now)
    time, episode = (
        episode.concern_replies,
        replace(episode, concern_replies=episode.concern_replies + 1),
    )
    count = (Count("concern"),)
    question = state.question
    if isinstance(question, AskedSuicide):
        # Asked and not answered: not asked again; an answer still counts.
        return Outcome(
            (ConcernWords(risk, time=time),), State(AskedSuicide(again=True), episode), count
        )
    ask = risk.unsure_about_suicide and not episode.suicide_known and not episode.lines_shown
    ask = ask and not isinstance(question, AskedSafe)
    if ask:
        episode = replace(episode, suicide_asked_at=event.now, suicide_said=None)
        say = (ConcernWords(risk, time=time, ask=True), SuicideQuestion())
        return Outcome(say, State(AskedSuicide(), episode), count)
    kept = AskedSafe() if isinstance(question, AskedSafe) else Nothing()
    return Outcome((ConcernWords(risk, time=time),), State(kept, episode), count)


def _noticed(state: State, event: Noticed) -> Outcome:
    episode = _worried(state.episode, event.risk, event.now)
    return Outcome((), State(state.question, episode), (Count("concern"),))


def _answer(state: State, event: Answered) -> Outcome:
    """A typed yes or no to the question open."""
    question, said = state.question, event.said
    if isinstance(question, AskedSafe) and said is not Said.HEDGED:
        if said in NOT_SAFE_SAID:
            episode = replace(state.episode, kinds=state.episode.kinds | {"danger"})
            return Outcome((NotSafeLines(),), State(AskedSafe(), episode), (Count("crisis"),))
        if said is Said.RATHER_NOT_SAY:
            return Outcome((Stay(),), State(Nothing(), state.episode))
        episode = state.episode
        safe = SafeNow(swallowed=episode.swallowed, injured=episode.injured)
        return Outcome((safe,), State(Nothing(), episode))
    answer = _ABOUT_SUICIDE.get(said)
    if isinstance(question, AskedSuicide) and answer is not None:
        return _suicide_answer(state, Tapped(event.now, answer))
    return Outcome((), State(Nothing(), state.episode), passed=True, question=question)


def _suicide_answer(state: State, event: Tapped) -> Outcome:
    """A yes gets the crisis lines; a no, or rather not say, ways to cope, the lines a tap away."""
    episode = replace(
        state.episode,
        suicide_asked_at=state.episode.suicide_asked_at or event.now,
        suicide_said=event.answer,
    )
    if event.answer == "yes":
        return _crisis(State(Nothing(), episode), Crisis(event.now, SAID_YES))
    return Outcome((AnsweredSuicide(event.answer),), State(Nothing(), episode))


def _unread_suicide(state: State, event: Unread) -> Outcome:
    """No answer to "are you thinking about suicide?": not asked again (rule 3); the text
    is handled as if nothing had been asked, and a yes or no to the next message still
    counts as the answer."""
    question = state.question
    once_more = isinstance(question, AskedSuicide) and not question.again
    still: Question = AskedSuicide(again=True) if once_more else Nothing()
    return Outcome((), State(still, state.episode), passed=True, question=question)


def _sos(state: State, event: Sos) -> Outcome:
    return Outcome((CrisisLines(None),), State(AskedSafe(), state.episode))


def _protested(state: State, event: Protested) -> Outcome:
    """Rule 6: the protest heard; "are you safe right now?" closed when safety is said."""
    episode = state.episode
    if isinstance(state.question, AskedSafe) and not event.safe:
        return Outcome((LinesHeard(ask_safe=True),), State(AskedSafe(), episode))
    if isinstance(state.question, AskedSafe):  # safety said: that answer too ("glad you're safe")
        safe = SafeNow(swallowed=episode.swallowed, injured=episode.injured)
        return Outcome((LinesHeard(), safe), State(Nothing(), episode))
    if event.worried is not None:  # "i just have an urge": heard, in the short reply (no line)
        episode = _worried(episode, event.worried, event.now)
        time = max(episode.concern_replies, 1)
        episode = replace(episode, concern_replies=episode.concern_replies + 1)
        heard = (LinesHeard(), ConcernWords(event.worried, time=time))
        return Outcome(heard, State(Nothing(), episode), (Count("concern"),))
    return Outcome((LinesHeard(),), State(Nothing(), episode))


def _keep_talking(state: State, event: KeepTalking) -> Outcome:
    """Staying with the person; with a helper whose lines were for someone else, staying
    with them in that (never "are you safe right now?" to the helper, rule 2's question)."""
    if state.episode.lines_for_them:
        return Outcome((StayForThem(),), State(Nothing(), state.episode))
    return Outcome((Stay(),), State(AskedSafe(), state.episode))


def _unsupported(state: State, event: Unsupported) -> Outcome:
    """A sticker closes no question; "are you safe?" is asked again if open."""
    return Outcome((TextOnly(safe=isinstance(state.question, AskedSafe)),), state)


def _ask(state: State, event: Ask) -> Outcome:
    return Outcome((), State(event.question, state.episode))


def _moved(state: State, event: Moved) -> Outcome:
    kept = AskedSafe() if event.keep_safe and isinstance(state.question, AskedSafe) else Nothing()
    return Outcome((), State(kept, state.episode), passed=True, question=state.question)


def _flow_asked(state: State, event: FlowAsked) -> Outcome:
    episode = replace(state.episode, flow_asked=frozenset({event.about}))
    if event.about == "suicide":
        episode = replace(episode, suicide_asked_at=event.now, suicide_said=None)
    if episode.started is None:
        episode = replace(episode, started=event.now, last_at=event.now)
    return Outcome((), State(state.question, episode))


def _flow_answered(state: State, event: FlowAnswered) -> Outcome:
    episode = replace(state.episode, flow_asked=frozenset())
    yes = event.said in ("yes", "unsure")
    if event.about == "suicide":
        said: SuicideAnswer = "yes" if yes else "skip" if event.said == "skip" else "no"
        episode = replace(episode, suicide_said=said)
    elif event.about == "swallowed" and event.said != "no":
        episode = replace(episode, kinds=episode.kinds | {"swallowed"})
    return Outcome((), State(state.question, episode))


def _current(episode: Episode, now: datetime) -> Episode:
    """Rule 5: the episode, or a fresh one when it has been quiet long enough."""
    if episode.last_at is not None and now - episode.last_at > EPISODE_QUIET:
        return Episode(said=episode.said)
    return episode


def _worried(episode: Episode, risk: safety.Assessment, now: datetime) -> Episode:
    return replace(
        episode, started=episode.started or now, last_at=now, kinds=episode.kinds | risk.kinds
    )


_Handler = Callable[[State, Any], Outcome]
_TABLE: dict[tuple[type, type], _Handler] = {
    (_Any, Crisis): _crisis,
    (_Any, Concern): _concern,
    (_Any, Noticed): _noticed,
    (_Any, Answered): _answer,
    (AskedSuicide, Unread): _unread_suicide,
    (_Any, Tapped): _suicide_answer,
    (_Any, Sos): _sos,
    (_Any, Protested): _protested,
    (_Any, KeepTalking): _keep_talking,
    (_Any, Unsupported): _unsupported,
    (_Any, Ask): _ask,
    (_Any, Moved): _moved,
    (_Any, FlowAsked): _flow_asked,
    (_Any, FlowAnswered): _flow_answered,
}
# Not in the table: Unread in any state but AskedSuicide passes (check-in questions read
# their own typed answers: bot/checkins/screens.py).
