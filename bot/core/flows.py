"""Running the flows for a Turn: start one, resume one, step one with an answer, and carry
out what the engine says (its messages become Replies, its effects are done in order).

A place kept when a check-in arrived (`before_checkin`) is let go when the person goes
somewhere else on purpose, and offered back ("Carry on where we were") when the flow that
came after it is over.
"""

from __future__ import annotations

from dataclasses import replace

import dialogues
from bot.core import words
from bot.core.buttons import Resume
from bot.core.callback_data import option
from bot.core.effects import Effects
from bot.core.turn import Turn
from bot.messages import Option, Reply, ReplyKind


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
