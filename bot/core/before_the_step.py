"""Typed words read before the open question and the flow's step: the crisis lines asked
for ("crisis lines", "show me the UK numbers"), a safe answer to "are you safe right
now?" that names a button of the crisis reply too ("I am safe. Please go back"), /delete
in words ("delete my data", "yes erase it"), a check-in schedule where the set-up asks
("every day around 9pm", "half 8", "is that 9pm india time?"), worried words that name a
topic, and "hablas español?".

Rules:
1. Only typed text (no tap, no command); the lines and /delete never at a check-in's own
   question (its time or place).
2. Lines asked for are the step's when the step reads the words as one of its own answers
   (a menu's "I need help now"); where the step keeps what is typed, only a request put as
   one counts (bot/core/lines_asked.py). A yes, no or doubt to "are you safe right now?"
   or "are you thinking about suicide?" is that answer first ("no. what number do i
   call?" to "are you safe?" gets the emergency number first).
3. Just after crisis lines (bot/core/repeats.py, rule 8), a question or request naming a
   country ("is there like a uk one") asks for that country's lines; asking why ("why are
   you showing me UK numbers??") asks for a reason, not for them.
4. Worried words that plainly name a topic of the menus, with nothing in them but distress
   (never an urge, a lapse, an injury, hopelessness; never about someone else), go to
   that topic: "i dont want to stop self harming yet" is the ambivalence topic; and so do
   those that only suggest one by a word of it ("old scars ... how to tell him") where
   only the model, no word of the lexicon, found the worry. A crisis never reaches here.
5. Asking whether the bot speaks another language ("hablas español?") gets an honest
   answer: English only, and where people speak theirs (the crisis lines).
6. The check-in set-up asks while its screen is the last thing shown (its buttons), while
   it asks for a time or a place, while the flow's step is the one that opened it or
   offers it ("I can also check in with you"), and where check-ins are asked for in
   words. There, words that name how often or when (bot/checkins/wanted.py) are that
   answer, worried-sounding or not ("every day around 9 at night after dinner", with a
   clock time): a crisis still comes first. A menu's number ("4", "option 4", "the 4th
   one") is that option, never a time; outside the step that asks for a time, a bare
   number is never a time either: a time there looks like one ("4pm", "at 4", "16:00").
   A question about the time zone is answered once check-ins are set. Where the last
   reply offers to put a moved time back, "put it back" (or "undo") is that button.
7. An answer to "are you thinking about suicide?" or "are you safe right now?" that says
   the one at risk is someone else, with nothing of the writer's own ("no, not me, it's my
   grandson who cuts"), answers no for the writer and goes to the someone-else flow: the
   writer is never asked about suicide, nor shown ways to cope, for another's risk.
8. Where the writer says they are ("we're in Cape Town", "im in toronto"), in a message
   that asks something else or in a crisis, is their country from then on, before
   anything answers it: the lines and anything said of services are for where they are.
9. At a step that keeps the person's words, being told not to keep them ("skip. i dont
   want anything saved", "don't save that") is the step's own skip: nothing is kept; so
   too while "are you thinking about suicide?" waits unanswered (the words do not answer
   it, and are read as if nothing were asked).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import dialogues
import safety
from bot.checkins import wanted as schedule
from bot.checkins.schedule import parse_time
from bot.core import countries, delete_typed, lines_asked, repeats, someone_else, yes_no
from bot.core.buttons import (
    Button,
    CheckinChangeZone,
    CheckinConsent,
    CheckinFrequency,
    CheckinHowOften,
    CheckinPeriod,
    CheckinSettings,
    CheckinTime,
    CheckinWeekday,
    CheckinZone,
)
from bot.core.callback_data import ButtonError, decode, is_core
from bot.core.delete_typed import Reading
from bot.core.questions import (
    AskedDelete,
    AskedSafe,
    AskedSuicide,
    AskedTime,
    AskedZone,
    Nothing,
    Question,
)
from bot.core.talk import Questions
from bot.core.turn import Turn
from bot.core.yes_no import Said
from bot.messages import Reply
from dialogues import normalise
from dialogues.schema import Node


def lines(library: dialogues.Library, turn: Turn) -> tuple[str, ...] | None:
    """Whose crisis lines the typed text asks for (empty: the person's own), or None."""
    text, state, question = _typed(turn), turn.person.flow_state, turn.person.question
    if text is None or isinstance(question, AskedTime | AskedZone):
        return None
    said = yes_no.read(text) if isinstance(question, AskedSafe | AskedSuicide) else None
    if said not in (None, Said.FINE, Said.HEDGED):
        return None  # "no. what number do i call?": the answer first (not safe: 999 first)
    theirs = lines_asked.names_parents(text) and not someone_else.in_their_flow(state)
    if said is None and state is not None and dialogues.reads(library, state, text) and not theirs:
        return None  # the step's own (a "fine" goes to the question, not to the step); never
        # a parent's lines where the step's are the person's own ("I need help now")
    keeps_words = state is not None and dialogues.asks(library, state)
    asked = lines_asked.read(text, keeps_words=keeps_words)
    if asked is None and repeats.lines_lately(turn.person.episode.said, turn.incoming.now):
        return _other_country(text)
    return asked


def _other_country(text: str) -> tuple[str, ...] | None:
    """Just after crisis lines: a question or a request naming a country ("is there like
    a uk one", "can u give me like canada ones im in toronto") asks for its lines."""
    if _WHY.match(text.strip()):
        return None  # "why are you showing me UK numbers??": a reason asked, not the lines
    named = countries.mentioned(text)
    asks = "?" in text or _ONES.search(text.lower()) is not None
    return named if named and asks else None


_ONES = re.compile(r"\b(?:ones?|lines?|numbers?|helplines?|give me|show me|for)\b")
_WHY = re.compile(r"^(?:but |and |so |um+ |)why\b", re.IGNORECASE)


def country_said(turn: Turn, *, crisis: bool) -> str | None:
    """The country a typed message says the writer is in, kept without a word of its own
    (rule 8): in a message that asks something else ("Who can help? We're in Cape Town."),
    asks for lines ("give me the number, im in toronto") or is a crisis ("im in toronto
    and i cant do this"), so the lines that follow are for it. None for anything else, and
    at a check-in's own question (its place is a zone)."""
    text, question = _typed(turn), turn.person.question
    if text is None or isinstance(question, AskedTime | AskedZone):
        return None
    asks_lines = lines_asked.read(text) is not None or (
        repeats.lines_lately(turn.person.episode.said, turn.incoming.now)
        and _other_country(text) is not None
    )
    if "?" not in text and not crisis and not asks_lines:
        return None  # "i live in cape town": said back ("Thanks. I'll show …"), at the step
    code = countries.said_to_be_in(text)
    return code if code != turn.person.country else None


def not_mine(turn: Turn) -> bool:
    """Whether a typed answer to the core's question about the writer ("are you thinking
    about suicide?", "are you safe right now?") says the one at risk is someone else (rule
    7): "No, non io! È mio nipote che si fa del male", "its not me, my daughter cuts"."""
    text, question = _typed(turn), turn.person.question
    if text is None or not isinstance(question, AskedSuicide | AskedSafe):
        return False
    return someone_else.not_mine(text) and not someone_else.in_their_flow(turn.person.flow_state)


def safe_and_a_button(questions: Questions, turn: Turn) -> Button | None:
    """The crisis reply's button a safe answer to "are you safe right now?" names too."""
    text, question = _typed(turn), turn.person.question
    if text is None or not isinstance(question, AskedSafe) or yes_no.read(text) is not Said.FINE:
        return None
    return questions.offered(question, text)


def delete(library: dialogues.Library, turn: Turn) -> Reading | None:
    """/delete in words (bot/core/delete_typed.py): while "Erase it all?" is open, every
    typed reply is read as its answer; otherwise only asking to erase the person's data,
    where the step does not read the words as its own ("delete" to take out an entry)."""
    text, state = _typed(turn), turn.person.flow_state
    if text is None:
        return None
    asked = isinstance(turn.person.question, AskedDelete)
    if not asked and state is not None and dialogues.reads(library, state, text):
        return None
    return delete_typed.read(text, asked=asked)


def not_kept(library: dialogues.Library, turn: Turn) -> str | None:
    """Where a step that keeps the person's words is told not to keep them (rule 9): "skip.
    i dont want anything saved", "no, don't save that", "no lo guardes": the id of the
    step's own skip, so nothing typed is kept; None for anything else."""
    text, state, question = _typed(turn), turn.person.flow_state, turn.person.question
    if text is None or state is None:
        return None
    unread = isinstance(question, AskedSuicide) and yes_no.read(text, about_suicide=True) is None
    if not isinstance(question, Nothing) and not unread:
        return None  # the core's question open, and these words answer it
    node = _node(library, state)
    if node is None or node.ask is None or not _not_to_keep(text):
        return None
    return f"{state.get('flow')}.{state.get('node')}.skip"


def _not_to_keep(text: str) -> bool:
    """Rule 9: a skip said first ("skip. i dont want anything saved"), or being told not
    to keep the words (dialogues/everyday.py, `unsaving`)."""
    return normalise(text).split()[:1] == ["skip"] or dialogues.unsaving(text)


@dataclass(frozen=True)
class PlaceTyped:
    """A place typed where the set-up asks for the time zone ("Europe, Paris")."""

    text: str


@dataclass(frozen=True)
class ZoneAsked:
    """ "Is that 9pm india time?": which time zone the check-ins are in, asked."""

    text: str


def checkin(
    library: dialogues.Library,
    turn: Turn,
    *,
    is_place: Callable[[str], bool],
    worried: bool = False,
) -> schedule.Wanted | ZoneAsked | PlaceTyped | None:
    """A schedule typed where the check-in set-up asks (rule 6), or a question about its
    time zone once one is set, or a place where it asks for one; None for anything else.
    Only a part of the day ("tonight") is not enough where the set-up is done, and
    `worried` words ("every day is hell") need a clock time in them. `is_place`: whether
    words name a place with a time zone (the check-in screens know the zones)."""
    text, question, state = _typed(turn), turn.person.question, turn.person.flow_state
    if text is None or isinstance(question, AskedSafe | AskedSuicide | AskedDelete):
        return None  # the core asks its own question
    if isinstance(question, AskedZone):
        if is_place(text):  # "Europe, Paris": the city, before the region's button
            return PlaceTyped(text)
        wanted = schedule.read(text)  # a time again ("21:00"): that time, the place still asked
        if wanted is None or wanted.at is None:
            return None
        return schedule.Wanted(wanted.code or question.code, wanted.at)
    put_back = _put_back(question)
    if put_back is not None and _PUT_BACK.search(text.lower()):  # "no! put it back to 7pm"
        return schedule.Wanted(put_back.code, parse_time(put_back.hhmm))
    shown = _checkin_buttons(question)
    opened = _opens_checkins(library, state) or checkins_offered(library, state) is not None
    asking = isinstance(question, AskedTime) or any(isinstance(b, _ASKING) for b in shown)
    named = _CHECKINS.search(text.lower()) is not None and not (
        state is not None
        and (dialogues.reads(library, state, text) or dialogues.asks(library, state))
    )  # the step's own answer, or words it keeps ("my mum checks in on me every day")
    if not (asking or shown or opened or named):
        return None
    if (opened or CheckinSettings() in shown) and schedule.asks_zone(text):
        return ZoneAsked(text)
    number = dialogues.numbered(text)
    if number is not None and (
        not text.strip().isdigit() or not asking or number <= _on_screen(library, question, state)
    ):
        return None  # a menu's number ("2": "Weekdays only"; "option 4"), never a time
    wanted = schedule.read(text)
    if wanted is None or (wanted.period and not wanted.code and not asking):
        return None
    if worried and wanted.at is None and not wanted.hours:
        return None  # "every day is hell": worried words with no clock time are not a plan
    if named and not (asking or shown or opened) and not (wanted.code or wanted.at):
        return None  # check-ins asked for anywhere: how often or when, not a part of the day
    wanted = _as_on_screen(wanted, text, shown)
    if isinstance(question, AskedTime) and wanted.code is None:
        return schedule.Wanted(question.code, wanted.at, wanted.hours, wanted.period)
    return wanted


def _on_screen(
    library: dialogues.Library, question: Question, state: dict[str, object] | None
) -> int:
    """How many options the last menu shown has: the core's buttons, else the step's."""
    offered = getattr(question, "offered", ())
    if offered:
        return len(offered)
    node = _node(library, state)
    return len(node.choices or ()) if node is not None else 0


def _as_on_screen(wanted: schedule.Wanted, text: str, shown: list[Button]) -> schedule.Wanted:
    """A time typed with no am or pm ("9:30", "half 8") where the screen shows the times
    of a part of the day: the one of those it is ("9:30" at the evening's is 9:30pm)."""
    times = {button.hhmm for button in shown if isinstance(button, CheckinTime)}
    if not times or _HALF_OF_DAY.search(text.lower()):
        return wanted
    could_be = list(wanted.hours) or ([wanted.at] if wanted.at is not None else [])
    could_be += [at.replace(hour=(at.hour + 12) % 24) for at in could_be if at.hour != 12]
    on_screen = sorted({at for at in could_be if f"{at:%H%M}" in times})
    if len(on_screen) != 1:
        return wanted
    return schedule.Wanted(wanted.code, on_screen[0], (), None)


_HALF_OF_DAY = re.compile(r"\d\s*[ap]\.?\s*m\b|\b(?:morning|evening|night|afternoon|tonight)\b")


# Check-ins named in words, anywhere ("can this bot check on me every day?").
_CHECKINS = re.compile(
    r"\b(?:check[\s-]?ins?|check on me|check up on me|remind(?:er)?s?\b|remind me)"
)
# The set-up's buttons while it still asks how often or when (not once it is done).
_ASKING = (
    CheckinConsent,
    CheckinHowOften,
    CheckinWeekday,
    CheckinFrequency,
    CheckinPeriod,
    CheckinTime,
)
# Its buttons anywhere: the settings and the saved plan's "Change it" too.
_SET_UP = (*_ASKING, CheckinSettings, CheckinChangeZone)


def _put_back(question: Question) -> CheckinZone | None:
    """The button that puts a check-in time moved by words back as it was, when the last
    reply offered one (bot/checkins/menus.put_back); the zone's own question aside."""
    if isinstance(question, AskedZone):
        return None
    buttons = (_button(button_id) for _, button_id in getattr(question, "offered", ()))
    return next(
        (b for b in buttons if isinstance(b, CheckinZone) and parse_time(b.hhmm) is not None), None
    )


_PUT_BACK = re.compile(r"\b(?:put|change|set|move|switch|turn) it back\b|\bundo\b")


def _checkin_buttons(question: Question) -> list[Button]:
    """The check-in buttons on the last reply (what the core remembers it offered)."""
    buttons = (_button(button_id) for _, button_id in getattr(question, "offered", ()))
    return [button for button in buttons if isinstance(button, _SET_UP)]


def checkins_offered(library: dialogues.Library, state: dict[str, object] | None) -> str | None:
    """Where the flow's step goes to open the check-in screens, when one of its choices
    does ("I can also check in with you once a day": "Set up check-ins"); None if none."""
    node = _node(library, state)
    if node is None or state is None:
        return None
    flow = str(state.get("flow"))
    for choice in node.choices or ():
        target = library.resolve(flow, choice.to)
        if target is not None and _opens_checkins(library, {"flow": target[0], "node": target[1]}):
            return f"{target[0]}:{target[1]}"
    return None


def checkin_screen(reply: Reply) -> bool:
    """Whether `reply` is one of the check-in set-up's screens (its buttons are)."""
    return any(isinstance(_button(option.id), _SET_UP) for option in reply.options)


def _button(button_id: str) -> Button | None:
    try:
        return decode(button_id) if is_core(button_id) else None
    except ButtonError:
        return None


def _opens_checkins(library: dialogues.Library, state: dict[str, object] | None) -> bool:
    """Whether the flow's step the person is at is the one that opened the check-in screens."""
    node = _node(library, state)
    return node is not None and any(action.open == "checkins" for action in node.do)


def _node(library: dialogues.Library, state: dict[str, object] | None) -> Node | None:
    if state is None:
        return None
    flow = library.flows.get(str(state.get("flow")))
    return flow.nodes.get(str(state.get("node"))) if flow is not None else None


def topic_named(library: dialogues.Library, turn: Turn, risk: safety.Assessment) -> str | None:
    """Where worried words that name a topic go (rule 4): the topic's target, or None."""
    text, state = _typed(turn), turn.person.flow_state
    if text is None or risk.tier is not safety.Tier.CONCERN or risk.about_someone_else:
        return None
    if not risk.kinds <= _ONLY or someone_else.mentioned(text) or someone_else.in_their_flow(state):
        return None
    if not isinstance(turn.person.question, Nothing) or turn.person.question.offered:
        return None  # the core's own question or buttons are open: those read it first
    if state is not None and (
        dialogues.picks(library, state, text)
        or dialogues.asks(library, state)
        or dialogues.worry(library, state, text) is not None
    ):
        return None  # the step's own answer (bot/core/listening.py, `worried`)
    here = str(state.get("flow", "")) if state is not None else ""
    named = dialogues.named_topic(library, text, here=here)
    if named is None:
        named = dialogues.named_topic(library, f"{text}?", here=here)  # a word of one
        only_the_model = all(m.startswith("model.") for m in risk.matched)
        if named is None or not only_the_model:
            return None
    return named[1]


# The only risk kind a topic stands in for: distress. An urge, a lapse, an injury or
# hopelessness gets the concern reply (its ways to cope, its question) first.
_ONLY = frozenset({"distress"})


def other_language(turn: Turn) -> str | None:
    """The language the typed text asks if the bot speaks (rule 5): its code where we
    know it ("es" for "español"), "" for another, None when none is asked about. "In
    spanish please" counts only said short, never inside a longer message ("talking in
    spanish with my mum")."""
    text = _typed(turn)
    if text is None:
        return None
    typed = text.casefold()
    found = _OTHER_LANGUAGE.search(typed)
    if found is None and len(typed.split()) <= 4:
        found = _IN_LANGUAGE.search(typed)
    if found is None:
        return None
    named = found.group("language")
    return next((code for code, names in _LANGUAGE_CODES.items() if named in names), "")


_LANGUAGE_CODES = {
    "es": ("español", "espanol", "spanish", "castellano"),
    "pt": ("português", "portugues", "portuguese"),
    "fr": ("français", "francais", "french"),
    "de": ("deutsch", "german"),
    "it": ("italiano", "italian"),
}
_LANGUAGES = (
    r"espa[ñn]ol|spanish|castellano|portugu[eê]s|portuguese|fran[çc]ais|french|deutsch|german|"
    r"italiano|italian|tagalog|filipino|hindi|arabic|polski|polish|nederlands|dutch|"
    r"русском|russian|türkçe|turkish|urdu|bengali|chinese|中文|japanese|korean"
)
_OTHER_LANGUAGE = re.compile(
    r"\b(?:(?:habl[aoe]s?|fal[ao]s?|parles?|parlez|parle|sprichst|spreche|sprechen|parl[aio])"
    r"(?:[\s-]+(?:usted|vous|tu|du|sie|voce|você|lei))?|"
    r"(?:do|can|could) (?:you|u) (?:speak|talk|write|understand|answer)|i (?:only )?speak)"
    r"\s+(?:(?:in|en)\s+)?(?P<language>" + _LANGUAGES + r")\b"
)
_IN_LANGUAGE = re.compile(r"^(?:(?:in|en)\s+)(?P<language>" + _LANGUAGES + r")\b")


def _typed(turn: Turn) -> str | None:
    incoming = turn.incoming
    return incoming.text if incoming.choice is None and incoming.command is None else None
