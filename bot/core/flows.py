"""Running the flows for a Turn: start one, resume one, step one with an answer, and carry
out what the engine says (its messages become Replies, its effects are done in order).

A place kept when a check-in arrived (`before_checkin`) is let go when the person goes
somewhere else on purpose, and offered back ("Carry on where we were") when the flow that
came after it is over.
"""

from __future__ import annotations

import re
from dataclasses import replace

import dialogues
from bot.core import words
from bot.core.buttons import Resume
from bot.core.callback_data import option
from bot.core.effects import Effects
from bot.core.turn import Turn
from bot.messages import Option, Reply, ReplyKind
from dialogues import everyday, normalise
from dialogues.matching import small_talk
from dialogues.meaning import stems
from dialogues.schema import Node


class Flows:
    """The dialogue engine, stepped for one person at a time."""

    def __init__(self, *, library: dialogues.Library, effects: Effects) -> None:
        self._library = library
        self._effects = effects

    async def go(self, turn: Turn, target: str) -> list[Reply]:
        """Start the flow at `target` (a flow id, `flow:node` or topics)."""
        if self._library.resolve("", target) in (None, ("", "end")):
            target = dialogues.TOPICS
        turn.person.before_checkin = None  # somewhere else on purpose: that place is let go
        facts = await self._effects.facts(turn)
        return await self._run(turn, dialogues.start(self._library, target, facts=facts))

    async def resume(self, turn: Turn) -> list[Reply]:
        """Show the person where they were, or the topics if they were nowhere; or go on,
        if that step is answered now (the country it asked for is set). A place a check-in
        arrived in comes first, unless they are back in its flow already."""
        person = turn.person
        state, before = person.flow_state, person.before_checkin
        if before is not None:
            person.before_checkin = None
            if state is None or state.get("flow") != before.get("flow"):
                state = before
        if state is None:
            return await self.go(turn, dialogues.TOPICS)
        facts = await self._effects.facts(turn)
        # a step asked only because a fact was not so (the country), and now it is: go on
        moved = dialogues.settled(self._library, state, facts=facts)
        return await self._run(turn, moved or dialogues.resume(self._library, state, facts=facts))

    async def answer(self, turn: Turn, answer: dialogues.Answer) -> list[Reply]:
        """Step the person's flow with what they tapped or typed (the topics if none, or
        the topic typed words plainly name)."""
        state = turn.person.flow_state
        if state is None:
            # in no conversation: words that plainly name a topic ("my psych reckons i
            # should make a safety plan") go there, words that suggest one are asked about
            # at the topics menu ("did you mean...?"); anything else gets the topics
            named = None
            if isinstance(answer, dialogues.Typed):
                named = dialogues.named_topic(self._library, answer.text)
            if named is not None and named[2]:
                return await self.go(turn, named[1])
            shown = await self.go(turn, dialogues.TOPICS)
            if named is None:
                return [Reply(words.NO_CONVERSATION), *shown]
            return await self.answer(turn, answer)  # only suggested: asked there, at the menu
        facts = await self._effects.facts(turn)
        return await self._run(turn, dialogues.step(self._library, state, answer, facts=facts))

    async def own_words(self, turn: Turn, text: str) -> str | None:
        """Words of the person's own typed at a menu that reads them as none of its buttons
        ("yeah, animals / caring for them" at "Add another" / "In my own words"): the id of
        its one button that asks for the person's own words, as a tap gives it; None where
        the step reads the words, no button or more than one asks, or the words are no
        answer of their own (a question, a yes or no, "idk", a word or two of small talk)."""
        state = turn.person.flow_state
        node = _node(self._library, state)
        if state is None or node is None or not node.choices or not _their_own(text):
            return None
        labels = [said for choice in node.choices for said in (choice.label, *choice.synonyms)]
        if _echoes(text, labels) or dialogues.named_topic(self._library, text) is not None:
            return None  # about a button ("try one now po, the voice note"), or a topic
        facts = await self._effects.facts(turn)
        read = dialogues.step(self._library, state, dialogues.Typed(text), facts=facts)
        said = [item.text for item in read.out if isinstance(item, dialogues.Message)]
        if not any(dialogues.unclear(line) for line in said):
            return None  # the step has an answer for them (a button, a hint, a question back)
        asking = []
        for index in range(1, len(node.choices) + 1):
            choice = f"{state.get('flow')}.{state.get('node')}.{index}"
            tapped = dialogues.step(self._library, state, dialogues.Tap(choice), facts=facts)
            if tapped.state is not None and dialogues.asks(self._library, tapped.state):
                asking.append(choice)
        return asking[0] if len(asking) == 1 else None

    async def would_keep(self, turn: Turn, text: str) -> bool:
        """Whether the step would keep `text` itself as an answer (its effects save it)."""
        state = turn.person.flow_state
        if state is None:
            return False
        facts = await self._effects.facts(turn)
        read = dialogues.step(self._library, state, dialogues.Typed(text), facts=facts)
        saves = (e for e in read.out if isinstance(e, dialogues.Effect) and e.action == "save")
        return any(e.args.get("value") == text for e in saves)

    @staticmethod
    def plainly_english(text: str) -> bool:
        """Whether words of one's own are plainly English (an English small word in them:
        "drawing in my sketchbook"), so kept as typed; others ("stubborn af", "medyo
        nakatulong po") only open the step that asks for them, to be put there."""
        return bool(set(normalise(text).split()) & _ENGLISH_SMALL)

    async def _run(self, turn: Turn, result: dialogues.Step) -> list[Reply]:
        """Carry out the engine's output in order, then keep its new state."""
        replies: list[Reply] = []
        person = turn.person
        was = person.flow_state.get("flow") if person.flow_state else None
        kept = person.before_checkin.get("flow") if person.before_checkin else None
        said: list[int] = []  # which replies are the flow's own bubbles
        for item in result.out:
            if isinstance(item, dialogues.Message):
                options = tuple(Option(button.id, button.label) for button in item.buttons)
                said.append(len(replies))
                replies.append(Reply(item.text, options=options))
            else:
                replies.extend(await self._effects.carry_out(turn, item))
        replies = one_menu(replies, flow_said=said)
        if person.deleted:
            return replies
        person.flow_state = result.state
        now = result.state.get("flow") if result.state else None
        if kept is not None and was not in (None, kept) and now != was and replies:
            # The flow that came after the kept place is over: offer the way back.
            last = replies[-1]
            back = option(Resume(), words.CARRY_ON_WHERE_WE_WERE)
            replies[-1] = Reply(last.text, options=(*last.options, back), kind=last.kind)
        return replies


def one_menu(replies: list[Reply], *, flow_said: list[int]) -> list[Reply]:
    """One menu a turn: when a step opens one of the core's screens (the country picker,
    the check-in settings), that screen is the menu, and the step's own buttons ("Carry
    on") join it at the end, unless it has one so labelled. `flow_said`: the indexes of
    the flow's own bubbles among `replies`."""
    menus = [i for i, reply in enumerate(replies) if reply.options]
    if len(menus) < 2 or menus[-1] in flow_said or replies[menus[-1]].kind is ReplyKind.CRISIS:
        return replies
    last = replies[menus[-1]]
    labels = {option.label for option in last.options}
    moved: list[Option] = []
    out = list(replies)
    for i in menus[:-1]:
        if i in flow_said and all(option.url is None for option in out[i].options):
            moved.extend(o for o in out[i].options if o.label not in labels)
            out[i] = replace(out[i], options=())
    out[menus[-1]] = replace(last, options=(*last.options, *moved))
    return out


def _node(library: dialogues.Library, state: dict[str, object] | None) -> Node | None:
    if state is None:
        return None
    flow = library.flows.get(str(state.get("flow")))
    return flow.nodes.get(str(state.get("node"))) if flow is not None else None


def _their_own(text: str) -> bool:
    """Whether `text` could be an answer in the person's own words: words that mean
    something (two, after a yes or ok said first: "yeah, animals / caring for them", never
    "ok, I will try"); not a question, a no or a correction ("no i meant ..."), a request
    ("i'd like to add ..."), an everyday answer alone ("idk", "back"), small talk."""
    typed = normalise(text).split()
    if not typed or len(typed) > 40 or typed[0] in _NOT_FIRST | _ASKING or typed[0].isdigit():
        return False
    if text.rstrip().endswith("?") or _REQUEST.search(normalise(text)):
        return False  # a question ("drawing maybe? idk i used to draw" is an answer)
    if small_talk(text) is not None:
        return False
    meant = len(stems(text))
    return meant >= (1 if everyday.said(text) is None else 2)


def _echoes(text: str, labels: list[str]) -> bool:
    """Whether `text` has a word of a button's label or synonyms (small words aside), or
    the stem of one: such words are about that button, not words of one's own."""
    typed = {word for word in normalise(text).split() if len(word) > 2} - _SMALL_WORDS
    said = {word for label in labels for word in normalise(label).split()} - _SMALL_WORDS
    kept = {s for label in labels for s in stems(label)}
    return bool(typed & said or kept & set(stems(text)))


_SMALL_WORDS = frozenset(
    {"the", "and", "for", "with", "you", "your", "now", "one", "this", "that", "are", "its"}
    | {"not", "all", "but", "just", "them", "they", "was", "what", "how", "can", "could"}
)
_ENGLISH_SMALL = frozenset(
    {"my", "in", "for", "the", "to", "with", "and", "of", "at", "on", "me", "them", "it"}
    | {"is", "are", "be", "when", "who", "about", "from", "her", "his", "our", "a", "an"}
    | {"you", "your", "i", "im", "being", "by", "or", "like", "out", "up", "not"}
)
# Words that make what follows no answer of one's own: a no, a correction, a greeting, or
# a command to the bot ("try one now po, yung voice note", "keep it as a win").
_NOT_FIRST = frozenset(
    {"no", "nah", "nope", "wait", "not", "hi", "hey", "hello", "hola", "idk", "try", "add"}
    | {"show", "keep", "skip", "tell", "go", "back", "let", "give", "take", "open", "see"}
    | {"change", "remove", "delete", "hide", "stop", "start", "pick", "choose", "undo"}
)
_ASKING = frozenset(
    {"what", "how", "why", "who", "where", "when", "which", "can", "could", "do", "does"}
    | {"is", "are", "should", "will", "would", "que", "como"}
)
# Asking for something rather than saying it ("I'd like to add the professionals part").
_REQUEST = re.compile(
    r"\b(?:i d like|i would like|i want to|i wanna|let me|let s|lets|show me|take me|"
    r"give me|go to|go back|can i|can you|could you|please)\b"
)
