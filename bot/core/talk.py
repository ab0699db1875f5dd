"""The core's own questions, spoken: steps the pure machine (bot/core/questions.py) on a
person's record and renders what it decided with their country and the time."""

from __future__ import annotations

import re
from datetime import datetime

import safety
from bot.core import countries, lines_asked, someone_else, words
from bot.core import questions as q
from bot.core.buttons import (
    Asked,
    Button,
    Country,
    CountryPage,
    Go,
    KeepTalking,
    MoreHelp,
    Resume,
)
from bot.core.callback_data import ButtonError, decode, encode, is_core, option
from bot.core.ports import PersonState
from bot.core.someone_else import THEIR_DANGER
from bot.core.turn import Turn
from bot.core.yes_no import Said, after_the_no, read
from bot.messages import Option, Reply, ReplyKind
from dialogues import everyday
from dialogues.glosses import english
from dialogues.matching import match_choice

# Where the someone-else flow shows a parent the lines for parents (lines_asked.py, rule 6).
PARENT_LINES = "someone_else:parent_help"
_FOR_PARENTS = ("parents", "crisis")
# The button that shows more crisis lines and ways to get help (after a crisis reply).
MORE_HELP = encode(MoreHelp())
# "Keep talking with me" on a crisis reply.
KEEP_TALKING = encode(KeepTalking())
MORE_HELP_OPTION = option(MoreHelp(), words.MORE_WAYS_TO_GET_HELP)
# "Yes" to "are you thinking about suicide?": answered with the crisis lines at once, like /sos.
ASKED_YES = encode(Asked("yes"))
# "Somewhere else" on the country picker: on every page of it, so it marks the picker shown.
SOMEWHERE_ELSE = encode(Country(None))
# Typed words for the core's buttons (each label counts as typed too).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    words.KEEP_TALKING: ("keep talking", "talk", "talk to me", "stay", "stay with me", "chat"),
    words.MORE_WAYS_TO_GET_HELP: ("more help", "more ways", "more lines", "other lines", "more"),
    words.HOW_TO_HELP_THEM: ("help them", "how to help", "how do i help", "what do i do"),
    words.MY_SAFETY_PLAN: ("safety plan", "my plan", "plan"),
    words.CHOOSE_MY_COUNTRY: ("country", "my country", "change country", "wrong country"),
    words.GO_BACK: ("go back", "back", "carry on", "continue", "where we were"),
    words.CARRY_ON_WHERE_WE_WERE: ("carry on", "continue", "go back", "back", "where we were"),
    words.CRISIS_LINES: ("lines", "crisis lines", "numbers", "helpline", "helplines", "hotline"),
    words.URGE_RIGHT_NOW: ("urge", "the urge", "urge one", "the urge one", "an urge"),
    words.RIDE_OUT_AN_URGE: ("urge", "ride it out", "the urge", "ride out", "the urge one"),
    words.DID_IT_AGAIN: (
        "did it again",
        "i did it",
        "i did",
        "relapsed",
        "slipped",
        "i hurt myself",
    ),
    words.MY_TOOLBOX: ("toolbox", "tool box", "coping", "my coping things", "ideas"),
    words.MORE_COUNTRIES: ("more", "next", "next page", "other countries", "more please"),
    words.BACK_TO_FIRST_COUNTRIES: ("first page", "start of the list", "back to the start"),
    # the check-in set-up's "Is that okay?" (keeping its settings): a plain yes agrees
    words.CHECKIN_CONSENT_YES: (
        *("yes", "yes please", "ok", "okay", "sure", "fine", "that s fine", "thats fine"),
        *("that s ok", "thats ok", "yep", "yeah", "go ahead", "sounds good"),
    ),
}


class Questions:
    """Crisis, concern and not-safe replies, and the answers to the core's own questions."""

    def __init__(self, *, default_country: str | None) -> None:
        self._default_country = default_country

    def country(self, person: PersonState) -> str | None:
        return person.country or self._default_country

    def step(self, turn: Turn, event: q.Event) -> q.Outcome:
        """Step the person's questions with `event`; the new state is theirs, counted."""
        person = turn.person
        outcome = q.step(q.State(person.question, person.episode), event)
        person.question, person.episode = outcome.state.question, outcome.state.episode
        for effect in outcome.effects:
            person.count_anonymously(effect.name, now=turn.incoming.now)
        return outcome

    def say(self, turn: Turn, outcome: q.Outcome) -> list[Reply]:
        """What the machine decided, in words; the core's buttons on the last of them are
        remembered, so that typing one ("keep talking", "the urge one") taps it."""
        return [self._render(turn, said) for said in outcome.say]

    def remember_offered(self, turn: Turn, replies: list[Reply]) -> None:
        """The core's buttons on the last reply with buttons, so that typing one ("keep
        talking", "the urge one", "every day") taps it; a flow's buttons are the flow's."""
        offered = next((reply.options for reply in reversed(replies) if reply.options), ())
        pairs = tuple((o.label, o.id) for o in offered if o.url is None and is_core(o.id))
        if pairs and len(pairs) == len(offered):
            turn.person.question = q.with_offered(turn.person.question, pairs)
        elif offered:  # a flow's buttons shown since: the core's earlier ones read nothing
            turn.person.question = q.with_offered(turn.person.question, ())

    def offered(self, question: q.Question, text: str) -> Button | None:
        """The core's button on the last reply that `text` means, if it clearly means one."""
        offered: q.Offered = getattr(question, "offered", ())
        if not offered:
            return None
        labels = [(label, *_SYNONYMS.get(label, ())) for label, _ in offered]
        index = match_choice(text, labels)
        if index is None:  # "passt", "jeden tag": short answers in other languages
            index = match_choice(english(text), labels)
        if index is None and not isinstance(question, q.AskedSafe):
            index = _carry_on(offered, text)
        if index is None:
            return None
        try:
            return decode(offered[index][1])
        except ButtonError:
            return None

    def answered(self, turn: Turn) -> bool:
        """Whether typed words answer the core's yes-or-no question open ("are you thinking
        about suicide?", "are you safe right now?"), whatever else they say."""
        question = turn.person.question
        asked = isinstance(question, q.AskedSuicide | q.AskedSafe)
        return asked and _read(turn, turn.incoming.text) is not None

    def declines_menu(self, question: q.Question, text: str) -> bool:
        """Whether `text` is a plain "no" ("nope", "nah", "no thanks", "no i'm ok") to the
        core's "would one of these help?" (its ways to cope under the concern reply, the
        answer about suicide or "I'm glad you're safe"): none of them, thank you. Never
        under an open yes-or-no question of the core's, where a no is its answer."""
        if not isinstance(question, q.Nothing):
            return False
        buttons = [_decoded(button_id) for _, button_id in question.offered]
        if not any(button in _COPING for button in buttons):
            return False
        said = read(text)
        if said is Said.NO_AND_MORE:  # "no i'm ok", "nah im good thanks"
            rest = after_the_no(text)
            said = Said.NO if read(rest) in (Said.FINE, Said.NO) or _GOOD.match(rest) else None
        return said is Said.NO

    async def crisis(self, turn: Turn, risk: safety.Assessment) -> list[Reply]:
        """The crisis reply; or, to a person who has just said they are not safe, the
        emergency number first (bot/core/questions.py, rule 2)."""
        said = _read(turn, turn.incoming.text)
        return self.say(turn, self.step(turn, q.Crisis(turn.incoming.now, risk, said)))

    async def concern(self, turn: Turn, risk: safety.Assessment) -> list[Reply]:
        said = _read(turn, turn.incoming.text)
        return self.say(turn, self.step(turn, q.Concern(turn.incoming.now, risk, said)))

    def noticed(self, turn: Turn, risk: safety.Assessment) -> None:
        """Worried words answered inside a flow: the episode remembers them."""
        self.step(turn, q.Noticed(turn.incoming.now, risk))

    def unsupported(self, turn: Turn) -> list[Reply]:
        return self.say(turn, self.step(turn, q.Unsupported(turn.incoming.now)))

    async def answer_about_suicide(self, turn: Turn, answer: q.SuicideAnswer) -> list[Reply]:
        return self.say(turn, self.step(turn, q.Tapped(turn.incoming.now, answer)))

    async def sos(self, turn: Turn) -> list[Reply]:
        return self.say(turn, self.step(turn, q.Sos(turn.incoming.now)))

    async def lines_asked(self, turn: Turn, codes: tuple[str, ...]) -> list[Reply]:
        """Lines asked for in words (bot/core/lines_asked.py): as /sos, for the countries
        named if any (the first with the crisis reply, each other's lines after it). The
        first named becomes the country of someone with none yet ("who can i talk to in
        canada"; where they say they are, "im in toronto", is theirs already:
        bot/core/before_the_step.py, `country_said`); lines
        asked for someone else ("its not me its HER. should i call 911?") are the lines for
        them, and a parent's ("any helpline for parents") the someone-else flow's lines for
        parents (lines_asked.py, rule 6)."""
        text = turn.incoming.text or ""
        if codes and turn.person.country is None and countries.name(codes[0]) is not None:
            turn.person.country = codes[0]  # "who can i talk to in canada": theirs, if none yet
        if lines_asked.for_a_parent(text, turn.person.flow_state):
            # a parent's: the lines for parents, as the flow for them shows them
            replies = await turn.go(turn, PARENT_LINES)
            other = [c for c in codes[:1] if c != turn.person.country]
            now = turn.incoming.now
            return [*(Reply(safety.lines_reply(c, _FOR_PARENTS, now=now)) for c in other), *replies]
        for_them = someone_else.not_the_writer(text)
        if for_them:
            replies = self.say(turn, self.step(turn, q.Crisis(turn.incoming.now, THEIR_DANGER)))
        else:
            replies = await self.sos(turn)
        if not codes:
            return replies
        now, resumable = turn.incoming.now, turn.person.flow_state is not None
        risk = THEIR_DANGER if for_them else None
        first = self.crisis_reply(codes[0], risk, resumable=resumable, now=now)
        return [first, *(self.more_help(code, now=now) for code in codes[1:3])]

    def protested(
        self, turn: Turn, *, safe: bool, worried: safety.Assessment | None = None
    ) -> list[Reply]:
        """A protest at the lines shown (bot/core/questions.py, rule 6): heard, no lines."""
        said = q.Protested(turn.incoming.now, safe=safe, worried=worried)
        return self.say(turn, self.step(turn, said))

    def not_mine(self, turn: Turn) -> None:
        """ "Not me, it's my grandson" to the core's question about the writer: a no to
        "are you thinking about suicide?", and "are you safe right now?" closed."""
        now = turn.incoming.now
        if isinstance(turn.person.question, q.AskedSuicide):
            self.step(turn, q.Tapped(now, "no"))
        else:
            self.step(turn, q.Moved(now))

    async def keep_talking(self, turn: Turn) -> list[Reply]:
        return self.say(turn, self.step(turn, q.KeepTalking(turn.incoming.now)))

    def ask(self, turn: Turn, question: q.Question) -> None:
        """The core or a screen asks `question` (/delete; a check-in's time or place)."""
        self.step(turn, q.Ask(turn.incoming.now, question))

    def suicide_known(self, turn: Turn) -> bool:
        """Whether asking about suicide now would be asking again this episode (rule 3)."""
        return q.episode_at(turn.person.episode, turn.incoming.now).suicide_known

    def ask_country(self, turn: Turn) -> None:
        """The country picker is shown: a typed country answers it ("are you safe right
        now?", if open above it, stays open instead)."""
        if not isinstance(turn.person.question, q.AskedSafe):
            self.ask(turn, q.AskedCountry())

    def asks_country(self, question: q.Question) -> bool:
        """Whether the last screen asked where the person lives: the country picker, also
        when "are you safe right now?" stays open above it."""
        offered: q.Offered = getattr(question, "offered", ())
        picker = any(choice_id == SOMEWHERE_ELSE for _, choice_id in offered)
        return isinstance(question, q.AskedCountry) or picker

    def typed(self, turn: Turn, text: str) -> q.Outcome:
        """Typed text with nothing worrying in it, read against the question open."""
        said = _read(turn, text)
        now = turn.incoming.now
        return self.step(turn, q.Answered(now, said) if said is not None else q.Unread(now))

    def crisis_reply(
        self,
        country: str | None,
        risk: safety.Assessment | None,
        *,
        resumable: bool,
        now: datetime | None = None,
        injury_told: bool = False,
    ) -> Reply:
        """The crisis lines for a country, open ones first at `now`, with ways to keep talking
        (`injury_told`: the injury advice was given already this episode)."""
        someone_else = risk.about_someone_else if risk else False
        text = safety.crisis_reply(
            country,
            about_someone_else=someone_else,
            immediate=risk.immediate if risk else True,
            abuse=bool(risk and "abuse" in risk.kinds),
            swallowed=bool(risk and risk.swallowed),
            injured=bool(risk and risk.injured),
            injury_told=injury_told,
            now=now,
        )
        options = _lines_options(someone_else=someone_else, resumable=resumable)
        return Reply(text, options=options, kind=ReplyKind.CRISIS)

    def not_safe_reply(
        self, country: str | None, *, resumable: bool, now: datetime | None = None
    ) -> Reply:
        """For "no, I'm not safe": the emergency number first, then a line and support."""
        options = _lines_options(someone_else=False, resumable=resumable)
        text = safety.not_safe_reply(country, now=now)
        return Reply(text, options=options, kind=ReplyKind.CRISIS)

    def more_help(self, country: str | None, *, now: datetime | None = None) -> Reply:
        """Every line and service for a country ("More ways to get help"), open ones first."""
        return Reply(safety.more_options(country, now=now), kind=ReplyKind.CRISIS)

    def _render(self, turn: Turn, said: q.Say) -> Reply:
        person, now = turn.person, turn.incoming.now
        country, resumable = self.country(person), person.flow_state is not None
        match said:
            case q.CrisisLines(risk=risk, injury_told=injury_told):
                return self.crisis_reply(
                    country, risk, resumable=resumable, now=now, injury_told=injury_told
                )
            case q.NotSafeLines():
                return self.not_safe_reply(country, resumable=resumable, now=now)
            case q.ConcernWords(time=time, ask=ask):
                if time == 0:
                    text = safety.concern_reply(country, now=now)
                else:
                    text = words.CONCERN_AGAIN[(time - 1) % len(words.CONCERN_AGAIN)]
                options = () if ask else _coping_options(person)
                return Reply(text, options=options, kind=ReplyKind.CONCERN)
            case q.SuicideQuestion(again=again):
                return _suicide_question(again=again)
            case q.AnsweredSuicide(answer=answer, more=more):
                text = words.ASKED_NO if answer == "no" else words.ASKED_NOT_SAYING
                text = words.ASKED_NO_AND_MORE if answer == "no" and more else text
                return Reply(text, options=_coping_options(person))
            case q.SafeNow(swallowed=swallowed, injured=injured):
                if swallowed or injured:
                    text = safety.medical_reminder(country, swallowed=swallowed)
                    return Reply(text, options=_stay_options(person))
                return Reply(words.SAFE_NOW, options=_stay_options(person))
            case q.LinesHeard(ask_safe=ask_safe):
                if ask_safe:
                    return Reply(words.LINES_HEARD_ASK_SAFE, options=_stay_options(person))
                return Reply(words.LINES_HEARD)
            case q.Stay():
                return Reply(words.STAY, options=_stay_options(person))
            case q.StayForThem():
                return Reply(words.STAY_FOR_THEM, options=_them_options(person))
            case q.TextOnly(safe=safe):
                return Reply(words.UNSUPPORTED_SAFE if safe else words.UNSUPPORTED)


def _read(turn: Turn, text: str | None) -> Said | None:
    """`text` read as an answer to the question open: to "are you thinking about suicide?"
    a yes said with safety is still a yes (bot/core/yes_no.py, rule 7)."""
    about_suicide = isinstance(turn.person.question, q.AskedSuicide)
    return read(text, about_suicide=about_suicide) if text else None


# The first buttons of the core's "would one of these help?" menus (_coping_options,
# _stay_options): a "no" there declines them (`declines_menu`).
_COPING = (Go("urges:now"),)
_GOOD = re.compile(r"^(?:i m|im|i am) (?:good|all good|alright)(?: thanks| thank you)?$")


def _carry_on(offered: q.Offered, text: str) -> int | None:
    """A plain "ok" ("ok thanks", "passt, danke", "vale") to the core's buttons: the one
    that carries on where the person was, if one of them does."""
    if everyday.said(english(text)) != "ok":
        return None
    found = [at for at, (_, button_id) in enumerate(offered) if _decoded(button_id) == Resume()]
    return found[0] if len(found) == 1 else None


def _decoded(button_id: str) -> Button | None:
    try:
        return decode(button_id) if is_core(button_id) else None
    except ButtonError:
        return None


def _lines_options(*, someone_else: bool, resumable: bool) -> tuple[Option, ...]:
    """The buttons under crisis lines: ways to keep talking and to more help."""
    options = [option(KeepTalking(), words.KEEP_TALKING), MORE_HELP_OPTION]
    if someone_else:
        options.insert(0, option(Go("someone_else"), words.HOW_TO_HELP_THEM))
    else:
        options.append(option(Go("safety_plan:show"), words.MY_SAFETY_PLAN))
    options.append(option(CountryPage(0), words.CHOOSE_MY_COUNTRY))
    if resumable:
        options.append(option(Resume(), words.GO_BACK))
    return tuple(options)


def _suicide_question(*, again: bool = False) -> Reply:
    options = [
        option(Asked("yes"), words.YES),
        option(Asked("no"), words.NO),
        option(Asked("skip"), words.RATHER_NOT_SAY),
    ]
    if again:  # they may want help more than a question
        options.append(option(MoreHelp(), words.CRISIS_LINES))
    text = words.ASK_AGAIN if again else words.ASK_ABOUT_SUICIDE
    return Reply(text, options=tuple(options), kind=ReplyKind.CONCERN)


def _coping_options(person: PersonState) -> tuple[Option, ...]:
    options = [
        option(Go("urges:now"), words.URGE_RIGHT_NOW),
        option(Go("realistic_expectations:lapse"), words.DID_IT_AGAIN),
        option(Go("toolbox:show"), words.MY_TOOLBOX),
        option(MoreHelp(), words.CRISIS_LINES),
    ]
    if person.flow_state is not None:
        options.append(option(Resume(), words.CARRY_ON_WHERE_WE_WERE))
    return tuple(options)


def _them_options(person: PersonState) -> tuple[Option, ...]:
    options = [option(Go("someone_else"), words.HOW_TO_HELP_THEM), MORE_HELP_OPTION]
    if person.flow_state is not None:
        options.append(option(Resume(), words.GO_BACK))
    return tuple(options)


def _stay_options(person: PersonState) -> tuple[Option, ...]:
    options = [
        option(Go("urges:now"), words.RIDE_OUT_AN_URGE),
        option(Go("safety_plan:show"), words.MY_SAFETY_PLAN),
        option(Go("toolbox:show"), words.MY_TOOLBOX),
        MORE_HELP_OPTION,
    ]
    if person.flow_state is not None:
        options.append(option(Resume(), words.GO_BACK))
    return tuple(options)
