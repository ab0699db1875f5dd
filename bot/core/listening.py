"""Typed text, read in context: the core's open question first, then a country, someone
else, or the flow's step (`Listener.typed`); worried words that answer the step's own
question are answered there (`Listener.worried`), a crisis never reaches here.

Rules for worried words at a flow's step (issue 19: "a crisis always interrupts; worried
words that answer the step's own question are answered inside the flow"):
1. Words that pick one of the step's buttons by its words, or that a step asking for the
   person's own words keeps (but hopelessness), are its answer, whatever the worry (but
   an urge: rule 4).
2. Distress alone (`answers_the_step`) is read as the flow reads calm words: a button by
   what the words mean ("i need to feel something? like when i go numb" at "what do you
   need most?"), or a worry one of the flow's choices answers ("what if she tells my
   parents? papa will be very angry" in telling: "What if it goes badly?").
3. Anything else worried gets the concern reply (bot/core/questions.py): the full one once
   an episode, short ones after; an urge, a lapse, an injury or hopelessness always.
4. An urge to self-injure, told outside the urge flow, is never a step's answer ("i really
   want to cut right now" at "What do I want from them?", or kept as words a step asks
   for), but for a choice that leads to the urge flow ("I have an urge right now"), or
   a lapse told to the lapse's ("I did it again"): it gets the concern reply, which
   offers the urge flow first.
5. The country picker's button typed with the country ("Choose my country. I live in the
   United Kingdom") chooses the country.
6. Loneliness told at a menu whose buttons it does not name ("also I am lonely here, my
   family is in Poland" at "Something else is going on too") is the button it fits
   (bot/core/fit.py, rule 3), worried or not, never the concern reply.
7. Words of the person's own typed at a menu that reads them as none of its buttons, where
   one button asks for the person's own words ("yeah, animals / caring for them" at "Add
   another" / "In my own words"; "drawing in my sketchbook" at "Type my own"), are that
   button's answer, given at once: never a question, a yes or no, a command, "idk", or
   words of a button (bot/core/flows.py, `own_words`); and only calm words (worried ones:
   `worried`, rules 1-3). Words not plainly English ("stubborn af", "medyo nakatulong
   po") only open that step, where the person can put them: nothing is kept unread.
8. Worried words are kept by a step asking for words only where it asks about hard things
   (bot/core/fit.py, rule 4: warning signs, what self-injury does, a mood note); "i hate
   myself" typed at "kind words for yourself" or "what matters to you?" gets the concern
   reply, the flow kept to go back to (rule 1 is for such steps).
9. Words that say not to keep what was typed ("wait no thats not what i meant, dont save
   that") are never kept themselves, wherever a step would take them as its answer: the
   step is shown again, nothing kept.
10. A menu's number said first, with words after it ("4, je viens de te l'expliquer"), is
   that button (bot/core/fit.py, rule 5), never words of one's own (rule 7).
"""

from __future__ import annotations

import dialogues
import safety
from bot.core import asides, countries, fit, own_data, someone_else, words, yes_no
from bot.core.buttons import Button as AnyButton
from bot.core.buttons import CountryPage, Erase
from bot.core.choices import Choices
from bot.core.country_picker import country_picker
from bot.core.flows import Flows
from bot.core.own_data import Privacy
from bot.core.ports import CheckinMenus
from bot.core.questions import (
    AskedDelete,
    AskedSafe,
    AskedTime,
    AskedZone,
    Nothing,
    Question,
)
from bot.core.talk import Questions
from bot.core.turn import Turn
from bot.core.yes_no import Said
from bot.messages import Reply


def answers_the_step(risk: safety.Assessment) -> bool:
    """Whether worried words may answer a step by what they mean, not only by its buttons'
    words: distress alone (never an urge, a lapse, an injury, hopelessness, nor anything
    about someone else), which the concern reply would only interrupt. A crisis never
    reaches here; the rest get the concern reply."""
    return bool(risk.kinds) and risk.kinds <= _DISTRESS and not risk.about_someone_else


_DISTRESS = frozenset({"distress"})
_URGES = "urges"


def _urge_elsewhere(risk: safety.Assessment, state: dict[str, object]) -> bool:
    """Rule 4: an urge to self-injure told outside the urge flow."""
    return "urge" in risk.kinds and not risk.about_someone_else and state.get("flow") != _URGES


def _answers_an_urge(risk: safety.Assessment) -> frozenset[str]:
    """Rule 4: the flows a choice read from an urge may lead to: the urge flow, and for a
    lapse told too (the model reads "volví a hacerme daño anoche" as both), the lapse's."""
    return frozenset({_URGES, *(("realistic_expectations",) if "lapse" in risk.kinds else ())})


class Listener:
    """What typed text means where the person is."""

    def __init__(
        self,
        *,
        library: dialogues.Library,
        questions: Questions,
        choices: Choices,
        checkins: CheckinMenus,
        flows: Flows,
        privacy: Privacy,
    ) -> None:
        self._library = library
        self._privacy = privacy
        self._questions = questions
        self._choices = choices
        self._checkins = checkins
        self._flows = flows

    async def worried(self, turn: Turn, risk: safety.Assessment) -> list[Reply]:
        """Worried words (rule 1): an answer to the core's open question first; then, about
        someone else's self-injury, how to help them; inside a flow, an answer to the
        step's own question (a choice, or words it asks for) is answered there, and
        worried words in the someone-else flow are the helper's worry for the other person;
        else the concern reply."""
        text = turn.incoming.text
        person = turn.person
        button = self._questions.offered(person.question, text) if text is not None else None
        if button is not None and (
            not isinstance(person.question, AskedSafe)
            or yes_no.read(text or "") in (None, Said.HEDGED)
        ):
            # the core's own button on the last reply, typed ("the did it again one"); under
            # "are you safe right now?" only when it says nothing to that ("keep talking pls")
            self._questions.noticed(turn, risk)
            return await self._typed_button(turn, button, text or "", question=Nothing())
        if text is not None and isinstance(person.question, Nothing):
            state = person.flow_state
            helping = someone_else.in_their_flow(state)
            if not helping and (
                someone_else.worried_about_them(text, risk)
                or (someone_else.about_them(text) and someone_else.mentioned(text))
            ):
                # a parent or friend's worry (SAFE_MESSAGING.md, Always 11): how to help
                return await self._someone_else(turn, text)
            if state is not None and _urge_elsewhere(risk, state):  # rule 4: a choice that
                # leads to the urge flow is its answer (`goes` is None where none reads it)
                reads = dialogues.goes(self._library, state, text) in _answers_an_urge(risk)
                keeps = False
            else:
                reads = self._reads(state, text)
                keeps = fit.asks_about_hard_things(self._library, state)  # rule 8
            # only distress, the feeling that goes with a hard question, is read for what the
            # step means: its buttons by what the words mean, a worry the flow answers
            distress = state is not None and answers_the_step(risk)
            reads = reads or (distress and dialogues.picks(self._library, state or {}, text))
            # words a step asks for are its answer; hopelessness is heard, not filed away
            if reads or (keeps and "hopelessness" not in risk.kinds):
                self._questions.noticed(turn, risk)
                return await self._flows.answer(turn, dialogues.Typed(text))
            lonely = fit.lonely_choice(self._library, state, text) if distress else None
            if lonely is not None:  # "I am alone here in Paris": the button it fits (rule 6)
                self._questions.noticed(turn, risk)
                return await self._flows.answer(turn, dialogues.Tap(lonely))
            worry = dialogues.worry(self._library, state or {}, text) if distress else None
            if worry is not None:  # "what if she tells my parents?" in telling: its answer
                self._questions.noticed(turn, risk)
                return await self._flows.go(turn, worry)
            if helping:  # worried for them, not for themselves
                self._questions.noticed(turn, risk)
                replies = await self._flows.answer(turn, dialogues.Typed(text))
                return someone_else.for_them(replies, person.flow_state)
        return await self._questions.concern(turn, risk)

    async def typed(self, turn: Turn, text: str) -> list[Reply]:
        """Typed text with nothing worrying in it: an answer to the core's open question;
        else a country ("i live in ireland"), someone else's self-injury, or the flow's."""
        outcome = self._questions.typed(turn, text)
        if not outcome.passed:
            return self._questions.say(turn, outcome)
        question = outcome.question
        button = self._questions.offered(question, text)
        if button is not None:  # the core's own button on the last reply, typed
            return await self._typed_button(turn, button, text, question=question)
        if self._questions.declines_menu(question, text):  # "nah" to "would one of these help?"
            return [Reply(words.MENU_DECLINED), *await self._flows.resume(turn)]
        if isinstance(question, AskedTime | AskedZone):
            return await self._checkins.typed(turn, question, text)
        # the country question reads a country named anywhere in the answer ("en France",
        # "we're in the north of France"); elsewhere only "i live in …" or a country alone
        asks_country = self._questions.asks_country(question)
        code = countries.lives_in(text) or (countries.find(text) if asks_country else None)
        rest = self._answered_besides(question, turn.person.flow_state, text, code)
        if rest is not None and code is not None:
            # "people to talk to please, i live in ireland": where they live is kept, and the
            # rest is the step's answer (tapping it shows that country's lines, if any)
            turn.person.country, text, code = code, rest, None
            button = self._questions.offered(question, text)
            if button is not None:
                return await self._choices.choose(turn, button, question=question)
        if code is None and not self._takes(turn.person.flow_state, text):
            code = countries.named(text)  # only a country ("uk pls"), where no step takes it
        if code is not None:
            return await self._choices.country(turn, code)
        if asks_country and countries.sounds_like_a_place(text):
            self._questions.ask_country(turn)
            return [Reply(words.COUNTRY_NOT_FOUND), country_picker(page=0)]
        if isinstance(question, AskedDelete):
            said = yes_no.read(text)
            if said in (Said.YES, Said.NO):
                erase = Erase(said is Said.YES)
                return await self._choices.choose(turn, erase, question=question)
        state = turn.person.flow_state
        in_someone_else = state is not None and state.get("flow") == "someone_else"
        asks = state is not None and dialogues.asks(self._library, state)  # keeps free text
        # someone else's self-injury, or a parent's child: that flow (never its start again
        # from inside it, which would loop; and not where a step keeps free text)
        child = asides.child(text) and not asks
        if (someone_else.mentioned(text) or child) and not in_someone_else:
            return await self._someone_else(turn, text)
        # asking to see what is kept ("No thanks. Now, can I see what you've got on me?") is
        # never a button's answer: no button names the person's data
        if not self._reads(state, text) or asides.way(text) == "own_data":
            aside = await self._aside(turn, text, asks=asks)
            if aside is not None:
                return aside
        if asks and len(getattr(question, "offered", ())) > 0:
            # the core's buttons are on the screen (crisis lines, the concern reply), not the
            # step's question: words none of them read ("ok") are no answer to keep; the step
            # is shown again, as "Go back to where we were" would
            return await self._flows.resume(turn)
        reads = self._reads(state, text)
        numbered = None if reads else fit.numbered_choice(self._library, state, text)
        if numbered is not None:  # "4, je viens de te l'expliquer": the fourth (rule 10)
            return await self._flows.answer(turn, dialogues.Tap(numbered))
        lonely = None if reads else fit.lonely_choice(self._library, state, text)
        if lonely is not None:  # loneliness told at a menu: the button it fits (rule 6)
            return await self._flows.answer(turn, dialogues.Tap(lonely))
        if dialogues.unsaving(text) and await self._flows.would_keep(turn, text):
            # rule 9: "wait no thats not what i meant, dont save that" is never itself kept
            return [Reply(words.NOT_KEPT_AS_TOLD), *await self._flows.resume(turn)]
        own = None if asks else await self._flows.own_words(turn, text)
        if own is not None:  # rule 7: the button that asks for them, and they are its answer
            opened = await self._flows.answer(turn, dialogues.Tap(own))
            if not self._flows.plainly_english(text):
                return opened  # to be put there in words we can keep as typed
        return await self._flows.answer(turn, dialogues.Typed(text))

    async def _typed_button(
        self, turn: Turn, button: AnyButton, text: str, *, question: Question
    ) -> list[Reply]:
        """The core's own button, typed; "Choose my country. I live in the United Kingdom"
        chooses that country, not the picker (rule 5)."""
        code = countries.lives_in(text) if isinstance(button, CountryPage) else None
        if code is not None:
            return await self._choices.country(turn, code)
        return await self._choices.choose(turn, button, question=question)

    async def _aside(self, turn: Turn, text: str, *, asks: bool) -> list[Reply] | None:
        """A way back, the country picker, what they kept, or a question back
        (bot/core/asides.py); the step the person was at follows. A step that keeps free
        text (`asks`) takes a question, or "notes", as its answer."""
        match asides.way(text):
            case "resume":  # the step again (said just now, it is asked in other words)
                return await self._flows.resume(turn)
            case "talk":
                return [Reply(words.ASIDE_TALK), *await self._flows.resume(turn)]
            case "country":
                return await self._choices.choose(turn, CountryPage(0), question=Nothing())
            case "own_data" if not asks:  # "can i see my old notes": what /mydata shows
                kept = [Reply(words.MYDATA_ABOVE)]  # shown just now: not the file again
                if not own_data.shown_lately(turn.person):
                    kept = await self._privacy.my_data(turn.person, now=turn.incoming.now)
                return [*kept, *await self._flows.resume(turn)]
        answer = asides.question(text)
        if answer is None or (asks and not answer.anywhere):
            return None
        said = [Reply(answer.text)] if answer.text is not None else []
        if answer.target == asides.TURN_SAVING_ON and turn.person.consented:
            return [Reply(words.KEEP_ALREADY_ON), *await self._flows.resume(turn)]
        if answer.target is not None:
            return [*said, *await self._flows.go(turn, answer.target)]
        return [*said, *await self._flows.resume(turn)]

    def _answered_besides(
        self, question: Question, state: dict[str, object] | None, text: str, code: str | None
    ) -> str | None:
        """The words besides "i live in …" in `text`, when they answer the core's buttons or
        the step on the screen ("Ansprechpersonen, ja. Ich lebe in Wien."); else None."""
        if code is None or countries.name(code) is None or self._questions.asks_country(question):
            return None
        rest = countries.besides_where(text)
        if not rest:
            return None
        offered = self._questions.offered(question, rest) is not None
        return rest if offered or self._reads(state, rest) else None

    def _reads(self, state: dict[str, object] | None, text: str) -> bool:
        """Whether the flow's step reads `text` as one of its own answers."""
        return state is not None and dialogues.reads(self._library, state, text)

    def _takes(self, state: dict[str, object] | None, text: str) -> bool:
        """Whether the flow's step takes `text`: an answer in words, or one of its own."""
        if state is None:
            return False
        return dialogues.asks(self._library, state) or dialogues.reads(self._library, state, text)

    async def _someone_else(self, turn: Turn, text: str) -> list[Reply]:
        """Someone else's self-injury: the someone_else flow, on the parent's path for a child."""
        return await self._flows.go(turn, "someone_else")
