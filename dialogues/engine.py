"""The engine: (library, state, answer, facts) -> Step. Pure; never raises on any input.

Rules:
1. A Step runs from the node the person is at to the next node that waits for them
   (choices, ask, scale); `next` and `branch` nodes, and jumps to other flows, are
   followed at once. `end` (a target or `end: true`) rests the conversation: state None.
2. A waiting node puts its buttons on its last bubble. Button ids are
   "<flow>.<node>.<suffix>": a tap whose prefix is not the current node is stale.
3. State is JSON-compatible: {"flow", "node", "vars", "last", "known"}. A state that
   no longer fits the flows (they were edited) restarts kindly; nothing here raises.
4. Inputs (library, state, facts) are never mutated.
5. A `list:` node shows the person's entries (from the facts) as buttons, and keeps the
   ones it showed in its vars (LISTED), so a tap names the entry that was on the screen.
6. Typed text that picks a choice leading to a `list:` node ("hide drawing") also picks
   the entry its other words name, when they name exactly one.
7. A choice with `collect` adds its value to a list var (several may be picked in turn);
   typed text naming several collecting choices of one node ("family and sleep") picks
   them all.
8. Typed text at a step with buttons that picks none by its words (dialogues/matching.py)
   is read in this order: an option by its place ("the second one"); a short everyday
   answer ("nah", "not rn", "bin it", "main menu please": dialogues/everyday.py); small
   talk; a topic named plainly; the option its meaningful words point to
   (dialogues/meaning.py); a topic only suggested is asked about; a button of an earlier
   step of this flow, or of another topic's first menu, typed as its label goes there;
   an option only hinted at is asked about ("Did you mean …?"); else not understood.
   A "back" where no option goes back shows the step again, as "try again" does.
9. A choice that leaves (it ends the chat, or it is the step's "Not now") is read into
   typed words only when they clearly decline ("no", "not now", "bye", its own label:
   dialogues/everyday.py, rule 5). A disclosure that begins with "no" ("ok no pasa nada,
   hoy me volví a lastimar") is heard as told, never as "Not now".
10. Words that pick nothing are read again glossed into English where they are typed in
   Spanish, Portuguese, French, Italian or German ("sim", "jetzt nicht", "algo más", "lo
   hice otra vez": dialogues/glosses.py): the step's buttons, "Did you mean …?", the way
   out, and whether the step reads them at all (`reads`).
11. At a step whose buttons lead to one step that asks for the person's own words and then
   comes back ("Anything else?" with "Add another" or "In my own words"), own words that
   pick no button and are told, not asked (five words or more), are that answer: kept,
   as if typed there.
12. A worry a choice of this flow answers (its `worries`: "what if she tells my parents"
   in telling, at "What if it goes badly?"), typed at a step of the flow that picks none
   of its own buttons, goes where that choice goes, when the choices naming it all go one
   way (`worry`); never at the flow's first question, nor at a step whose own buttons lead
   to the step offering it (the question that leads there is answered first). The core
   asks the same of worried words (`picks`, `worry`).
13. A question of the person's own at a step with buttons that reads as none of the above
   ("do I apologise for shouting at her?") is acknowledged plainly as one the bot cannot
   answer (ASKED), with the step's buttons; like words told (TOLD), it counts as a miss.
14. A bare "no" ("no", "nein", "no!! why do u keep asking me that") at a step where no
   option means no or not now (often a no to a question asked earlier) is taken as it is:
   okay, with a way on (the step's buttons) and a way back (/topics), never "not sure";
   so is a no alone in a first clause ("No, I'm not. I was answering your question.")
   when what follows picks nothing of the step's, by its words or its meaning (where an
   option means no, it is that option: "nah im good. thx i guess" is "Not now").
15. An instruction not to keep what was typed ("don't save that", "no don't keep it",
   "forget that", "no lo guardes": dialogues/everyday.py, `unsaving`) is never kept: at a
   step that asks for words it skips the step, as "skip" does (and so does a first
   clause that is the skip: "skip. i dont want anything saved"); at the menu right after
   the step that kept an answer, that answer is taken out again.
16. Not knowing which to pick, or asking the bot to pick ("idk wat 2 pick", "you choose",
   "no sé cuál elegir", "choisis pour moi": dialogues/everyday.py, `undecided`), at a
   menu of three options or more, picks its first one for them, and says so; never an
   option that leaves or goes back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dialogues import everyday, glosses
from dialogues.bubbles import node_buttons, node_messages
from dialogues.library import END, TOPICS, Library
from dialogues.matching import (
    before_goodbye,
    leftover,
    match_choice,
    match_entry,
    names_label,
    normalise,
    not_known,
    parse_number,
    plain,
    read_scale,
    small_talk,
)
from dialogues.meaning import Reading, read_options, says_something
from dialogues.schema import Action, Ask, Choice, Condition, Node
from dialogues.topics import named_part, named_topic
from dialogues.values import Answer, Button, Effect, Facts, Message, Step, Tap

STALE = "That button was from earlier — here's where we are now."
UNCLEAR = "I'm not sure which one you meant. You can tap one of these, or type its number."
# Said instead of UNCLEAR the next times in a conversation, so it is not repeated word for word.
UNCLEAR_AGAIN = (
    "Sorry, I didn't catch which one that was. Tapping one of these works, or its number.",
    "I couldn't tell which of these you meant. You can tap one, or type its number.",
)
# The third time in a row at one step, above the step's own words again.
UNCLEAR_THIRD = "Sorry, I still didn't follow. Here's where we were:"
UNCLEAR_SCALE = "Could you pick a number from {low} to {high}? You can tap one of these."
# Not understood twice in a row at one step: a way out, never the same menu a third time.
WAY_OUT = (
    "I'm not sure I understood, sorry. We can leave this question and talk about something "
    "else, or if you'd like a person to talk to, I can show you who to contact."
)
# The way out the next time in a conversation, so it is not said twice word for word.
WAY_OUT_SECOND = (
    "I'm not sure I followed that either, sorry. We can try something else, or I can show "
    "you people to talk to."
)
WAY_OUT_TOPICS = "Something else"
WAY_OUT_HELP = "People I can talk to"
WAY_OUT_AGAIN = "Try this question again"
_WAY_OUT_WORDS = (
    ("out-topics", WAY_OUT_TOPICS, ("topics", "something else", "else", "other", "menu")),
    ("out-help", WAY_OUT_HELP, ("people", "a person", "someone", "lines", "help", "talk")),
    ("again", WAY_OUT_AGAIN, ("again", "try again", "the question", "question")),
)
# Small talk at a step with buttons (matching.small_talk): answered as what it is, never
# "not sure which one you meant"; the step's buttons stay. Each varied by a counter.
SMALL_TALK = {
    "thanks": (
        "You're welcome. I'm here if you'd like to go on, or pick something else.",
        "Glad it helped. We can carry on from here whenever you like.",
        "Any time. These are still here if you want them.",
    ),
    "bye": (
        "Take care of yourself. I'm here whenever you want to come back. "
        "Type /sos at any time for the crisis lines.",
        "Okay, take care. You can pick this up again whenever you like.",
    ),
    "ok": (
        "Okay. Whenever you're ready, pick one of these, or tell me in your own words.",
        "Alright. Take your time. One of these, when you're ready.",
        "Okay. I'm here when you want to go on.",
    ),
}
# Where small talk goes on by itself: the one choice whose label begins so ("Carry on").
_TALK_GOES_ON = {
    "thanks": ("carry on", "continue", "next"),
    "ok": ("carry on", "continue", "next", "okay", "ok "),
    "bye": ("that s all", "that s it", "stop for now", "i m done", "done for now"),
}
# A topic only suggested by a word of it (`named_topic`): asked, with a way to stay.
OFFER = 'Did you mean "{label}"? We can go there now, or stay here.'
OFFER_YES = "Yes, go there"
OFFER_NO = "No, stay here"
OFFERED = "_offered"  # the var holding the topic offered: [label, target]
# An option of the step only hinted at by the words typed (dialogues/meaning.py): asked.
OFFER_CHOICE = 'Did you mean "{label}"?'
OFFER_CHOICE_YES = "Yes, that one"
OFFER_CHOICE_NO = "No, show me the choices"
OFFERED_CHOICE = "_offered_choice"  # the var holding the index of the option offered
_OFFER_WORDS = (
    (OFFER_YES, "yes", "yeah", "yep", "ok", "okay", "sure", "go there", "yes please"),
    (OFFER_NO, "no", "nope", "nah", "stay", "stay here", "no thanks"),
)
_OFFER_CHOICE_WORDS = (
    (OFFER_CHOICE_YES, "yes", "yeah", "yep", "ya", "ok", "okay", "sure", "yes please", "that one"),
    (OFFER_CHOICE_NO, "no", "nope", "nah", "no thanks", "something else", "show me"),
)
# Something told in the person's own words at a step with buttons, that picks none of them
# ("ice maybe, there's some in the freezer"): acknowledged plainly, never praised or kept;
# the step's buttons stay. Not understood twice in a row still gets the way out.
# Rule 16: a menu's first option, picked for someone who can't choose.
PICKED_FOR_YOU = "That's okay, I'll pick one for you: {label}."
TOLD = (
    "Thank you for telling me. I can't answer that in my own words, but one of these can "
    "help from here.",
    "Thanks, I hear you. I can't answer that myself, so pick one of these to go on, or type "
    "/topics for something else.",
    "I hear you, thank you. I can't reply to that in my own words. One of these may help, or "
    "type /topics for something else.",
)
# A question of the person's own at a step with buttons, that picks none of them ("do I
# apologise for shouting at her?"): acknowledged plainly as a question the bot cannot
# answer, never "not sure which one you meant"; the step's buttons stay. As TOLD, a miss.
ASKED = (
    "I can't answer that question in my own words, sorry. One of these may help from here, "
    "or type /topics for something else.",
    "Sorry, that's not something I can answer myself. Pick one of these to go on, or type "
    "/topics for something else.",
)
# Rule 15: "don't save that" at a menu, once an answer was kept: it is taken out again.
NOT_KEPT = "Okay, I've taken that out, so it isn't kept. You can go on from here."
# Rule 14: a bare "no" where no option means it; varied by the small-talk counter.
NO_HERE = (
    "Okay, that's fine. If none of these is what you want, type /topics to choose something "
    "else, or we can stop here for now.",
    "Okay. Pick one of these when you're ready, or type /topics to go somewhere else.",
)
MOVED = "This part has changed since we last talked, so let's pick it up from the start."
LOST = "I've lost my place, sorry. Let's go back to the topics."
STUCK = "Something went wrong on my side, sorry. You can type /topics to carry on."
MAX_HOPS = 200
LISTED = "_listed"  # the var holding the entries a `list:` node showed
MAX_LISTED = 10  # entries shown as buttons, best first


def start(library: Library, target: str, *, facts: Facts) -> Step:
    """Begin at `target`: "urges" (its start), "urges:surf" or "topics"."""
    run = _Run(library, facts)
    where = library.resolve("", target)
    if where is None or where == END:
        run.say(LOST)
        return run.enter_target("", TOPICS) if TOPICS in library.flows else run.rest()
    return run.enter(*where)


def step(library: Library, state: dict[str, Any], answer: Answer, *, facts: Facts) -> Step:
    """Go on from `state` with what the person tapped or typed."""
    run = _Run(library, facts)
    node = run.restore(state)
    if node is None:
        return run.recover(state)
    if isinstance(answer, Tap):
        return _tap(run, node, answer.option_id)
    return _typed(run, node, answer.text)


def resume(library: Library, state: dict[str, Any], *, facts: Facts) -> Step:
    """Show again where the person is: the current node's last bubble and its buttons."""
    run = _Run(library, facts)
    node = run.restore(state)
    if node is None:
        return run.recover(state)
    run.out.append(node_messages(run.flow, run.node, node, run.listed())[-1])
    return run.wait()


def settled(library: Library, state: dict[str, Any], *, facts: Facts) -> Step | None:
    """Going on from `state` when the step was asked only because a fact was not so, and
    now it is ("Which country are you in?" once the country is set): a branch on that fact
    that sent the person here goes elsewhere now. None when nothing has changed."""
    run = _Run(library, facts)
    node = run.restore(state)
    moved = _settled(run, node) if node is not None else None
    return run.enter_target(run.flow, moved) if moved is not None else None


def unclear(text: str) -> bool:
    """Whether `text` is one of the engine's "not understood" lines (its way out, or words
    told in the person's own words that pick no button)."""
    scale = UNCLEAR_SCALE.split("{", 1)[0]
    lines = (UNCLEAR, *UNCLEAR_AGAIN, UNCLEAR_THIRD, scale, WAY_OUT, WAY_OUT_SECOND, *TOLD, *ASKED)
    return text.startswith(lines)


def reads(library: Library, state: dict[str, Any], text: str) -> bool:
    """Whether `text` answers the step the person is at: one of its choices, clearly, or
    a number on its scale (an `ask` takes any text, so it is not counted here)."""
    run = _Run(library, Facts())
    node = run.restore(state)
    if node is None:
        return False
    ways = [(label, *synonyms) for _, label, synonyms in _WAY_OUT_WORDS]
    if run.missed >= 2 and _match(text, ways) is not None:
        return True  # the way out is on the screen: its buttons are the step's for now
    if node.choices is not None:
        options = [(c.label, *c.synonyms, *c.worries) for c in node.choices]
        return _match(text, options) is not None
    if node.scale is not None:
        scale = node.scale
        return read_scale(text, low=scale.min, high=scale.max, high_label=scale.high) is not None
    return False


def goes(library: Library, state: dict[str, Any], text: str) -> str | None:
    """The flow the choice `text` reads as (`reads`) leads to, or None when it reads as no
    choice: the core asks it of an urge ("i really want to cut right now" is no answer to
    "What do I want from them?", only to a choice that leads to the urge flow)."""
    run = _Run(library, Facts())
    node = run.restore(state)
    if node is None or node.choices is None:
        return None
    options = [(c.label, *c.synonyms, *c.worries) for c in node.choices]
    index = _match(text, options)
    if index is None:
        return None
    where = library.resolve(run.flow, node.choices[index].to)
    return where[0] if where is not None and where != END else None


def picks(library: Library, state: dict[str, Any], text: str) -> bool:
    """Whether `text` picks one of the step's own options as the engine reads typed words
    (rule 8): by its words, glossed into English, by its place ("the second one"), as a
    short everyday answer ("nah"), or by what its words mean (dialogues/meaning.py); or a
    number on its scale. Never a topic named elsewhere, small talk, or words only told."""
    if reads(library, state, text):
        return True
    run = _Run(library, Facts())
    node = run.restore(state)
    if node is None or node.choices is None:
        return False
    options = [(c.label, *c.synonyms, *c.worries) for c in node.choices]
    if match_choice(glosses.english(text), options) is not None:
        return True
    if everyday.position(text, len(options)) is not None:
        return True
    kind = everyday.said(text)
    if kind is not None and everyday.option(kind, [c.label for c in node.choices]) is not None:
        return True
    reading = read_options(text, options) if small_talk(text) is None else None
    return reading is not None and reading.meant


def worry(library: Library, state: dict[str, Any], text: str) -> str | None:
    """Where a worry a choice of the person's flow answers goes (rule 12), as a target
    ("telling:badly"); None when `text` names none, or worries that go different ways."""
    run = _Run(library, Facts())
    return _worry(library, run.flow, run.node, text) if run.restore(state) is not None else None


def _worry(library: Library, flow: str, at: str, text: str) -> str | None:
    """Rule 12 at the step `at`: never at the flow's first question ("is anyone in danger
    right now?"), nor at a step before the one offering the worry's answer whose own
    buttons lead there ("who are they to you?" before a parent's menu; a "Back" to that
    menu from after it is no such step): that question is answered first."""
    nodes = library.flows[flow].nodes
    if at == library.flows[flow].start:
        return None
    ahead = {library.resolve(flow, choice.to) for choice in nodes[at].choices or ()}
    typed = f" {normalise(text)} "
    where = {
        library.resolve(flow, choice.to)
        for node_id, node in nodes.items()
        if (flow, node_id) not in ahead or _reaches(library, flow, node_id, at)
        for choice in node.choices or ()
        if any(f" {normalise(w)} " in typed for w in choice.worries if normalise(w))
    }
    found = where.pop() if len(where) == 1 else None
    return f"{found[0]}:{found[1]}" if found is not None and found != END else None


def _reaches(library: Library, flow: str, start: str, goal: str) -> bool:
    """Whether the step `goal` of `flow` can follow the step `start` (within the flow)."""
    nodes, seen, ahead = library.flows[flow].nodes, {start}, [start]
    while ahead:
        for target in nodes[ahead.pop()].targets():
            where = library.resolve(flow, target)
            if where is None or where == END or where[0] != flow or where[1] in seen:
                continue
            if where[1] == goal:
                return True
            seen.add(where[1])
            ahead.append(where[1])
    return False


def asks(library: Library, state: dict[str, Any]) -> bool:
    """Whether the step the person is at takes any text as its answer (an `ask`)."""
    run = _Run(library, Facts())
    node = run.restore(state)
    return node is not None and node.ask is not None


def holds(
    condition: Condition,
    variables: dict[str, Any],
    has: set[str],
    facts: Facts,
    known: dict[str, Any],
) -> bool:
    """Whether a branch condition holds for this conversation."""
    if condition.has is not None:
        return condition.has in has or facts.counts.get(condition.has, 0) > 0
    if condition.hidden is not None:
        return bool(facts.hidden.get(condition.hidden))
    if condition.fact is not None:
        value = known.get(condition.fact, facts.flags.get(condition.fact, False))
        return bool(value) == condition.is_
    value = variables.get(str(condition.var))
    if condition.mentions is not None:
        return isinstance(value, str) and _mentions(value, condition.mentions)
    if condition.is_ is not None:
        if isinstance(value, str) and isinstance(condition.is_, str):
            return normalise(value) == normalise(condition.is_)
        return value == condition.is_ and type(value) is type(condition.is_)
    if not isinstance(value, int) or isinstance(value, bool):
        return False
    if condition.at_least is not None:
        return value >= condition.at_least
    return condition.at_most is not None and value <= condition.at_most


@dataclass
class _Run:
    """One Step being built: where we are, this conversation's memory, and the output."""

    library: Library
    facts: Facts
    flow: str = ""
    node: str = ""
    vars: dict[str, Any] = field(default_factory=dict)
    last: dict[str, str] = field(default_factory=dict)
    known: dict[str, Any] = field(default_factory=dict)
    out: list[Message | Effect] = field(default_factory=list)
    missed: int = 0  # typed answers not understood in a row at this step
    unclear_said: int = 0  # "not sure which one you meant" said in this conversation
    chatted: int = 0  # small talk answered in this conversation (to vary the words)

    def say(self, text: str, buttons: tuple[Button, ...] = ()) -> None:
        self.out.append(Message(text, buttons))

    def effect(self, action: str, **args: str | int | bool) -> None:
        self.out.append(Effect(action, args))

    def rest(self) -> Step:
        return Step(tuple(self.out), None)

    def listed(self) -> tuple[str, ...]:
        """The entries the current `list:` node showed (none for other nodes)."""
        shown = self.vars.get(LISTED)
        return tuple(str(x) for x in shown) if isinstance(shown, list) else ()

    def wait(self) -> Step:
        state: dict[str, Any] = {
            "flow": self.flow,
            "node": self.node,
            "vars": dict(self.vars),
            "last": dict(self.last),
            "known": dict(self.known),
        }
        if self.missed:
            state["missed"] = self.missed
        if self.unclear_said:
            state["unclear"] = self.unclear_said
        if self.chatted:
            state["chatted"] = self.chatted
        return Step(tuple(self.out), state)

    def restore(self, state: Any) -> Node | None:
        """Take up `state`; the node it is at, or None when it no longer fits the flows."""
        if not isinstance(state, dict):
            return None
        flow_id, node_id = state.get("flow"), state.get("node")
        for key, into in (("vars", self.vars), ("last", self.last), ("known", self.known)):
            saved = state.get(key)
            if isinstance(saved, dict):
                into.update({str(k): v for k, v in saved.items()})
        self.last = {k: v for k, v in self.last.items() if isinstance(v, str)}
        missed, unclear = state.get("missed"), state.get("unclear")
        self.unclear_said = (
            unclear if isinstance(unclear, int) and not isinstance(unclear, bool) else 0
        )
        self.missed = missed if isinstance(missed, int) and not isinstance(missed, bool) else 0
        chatted = state.get("chatted")
        self.chatted = chatted if isinstance(chatted, int) and not isinstance(chatted, bool) else 0
        flow = self.library.flows.get(flow_id) if isinstance(flow_id, str) else None
        node = flow.nodes.get(node_id) if flow and isinstance(node_id, str) else None
        if node is None or not node.waits or not node.say:
            return None
        self.flow, self.node = str(flow_id), str(node_id)
        return node

    def recover(self, state: Any) -> Step:
        """The saved place is gone: restart its flow if it still exists, else the topics."""
        flow_id = state.get("flow") if isinstance(state, dict) else None
        if isinstance(flow_id, str) and flow_id in self.library.flows:
            self.say(MOVED)
            return self.enter_target("", flow_id)
        self.say(LOST)
        return self.enter_target("", TOPICS) if TOPICS in self.library.flows else self.rest()

    def enter_target(self, flow_id: str, target: str) -> Step:
        where = self.library.resolve(flow_id, target)
        if where is None:
            self.say(STUCK)
            return self.rest()
        if where == END:
            return self.rest()
        return self.enter(*where)

    def enter(self, flow_id: str, node_id: str) -> Step:
        """Show nodes from here on, following `next` and `branch`, until one waits or ends."""
        self.missed = 0
        for _ in range(MAX_HOPS):
            self.flow, self.node = flow_id, node_id
            node = self.library.flows[flow_id].nodes[node_id]
            self.vars.pop(LISTED, None)
            if node.listing is not None:
                source = self.facts.hidden if node.listing.hidden else self.facts.entries
                shown = source.get(node.listing.field, ())[:MAX_LISTED]
                self.vars[LISTED] = list(shown)
            self.out.extend(node_messages(flow_id, node_id, node, self.listed()))
            for action in node.do:
                self._act(action)
            if node.end:
                return self.rest()
            if node.waits:
                return self.wait()
            target = node.next if node.next is not None else self._branch(node)
            where = self.library.resolve(flow_id, target)
            if where is None:
                break
            if where == END:
                return self.rest()
            flow_id, node_id = where
        self.say(STUCK)
        return self.rest()

    def _branch(self, node: Node) -> str:
        has = set(self.last)
        for arm in node.branch or ():
            if arm.if_ is None or holds(arm.if_, self.vars, has, self.facts, self.known):
                return arm.target
        return "end"

    def _act(self, action: Action) -> None:
        if action.show is not None:
            self.effect("show", field=action.show)
        elif action.lines is not None:
            self.effect("lines", kinds=",".join(action.lines))
        elif action.keep is not None:
            value = self.vars.get(action.keep.var)
            if isinstance(value, str) and value.strip():
                self.saved(action.keep.field, value.strip())
        elif action.schedule_checkback is not None:
            self.effect("schedule_checkback", minutes=action.schedule_checkback.minutes)
        elif action.open is not None:
            self.effect("open", what=action.open)
        elif action.consent is not None:
            self.known["consent"] = True
            self.effect("consent")
        elif action.forget is not None:
            self.last.pop(action.forget, None)
            self.effect("forget", field=action.forget)
        elif action.drop is not None:
            value = self.vars.get(action.drop.var)
            if isinstance(value, str) and value.strip():
                self.dropped(action.drop.field, value.strip())
        elif action.hide is not None or action.unhide is not None:
            which = action.hide or action.unhide
            assert which is not None
            value = self.vars.get(which.var)
            if isinstance(value, str) and value.strip():
                self.hid(which.field, value.strip(), hidden=action.hide is not None)
        elif action.copy_ is not None:
            self.effect("copy", what=action.copy_)
        elif action.asked is not None:
            self.effect("asked", about=action.asked)
        elif action.record is not None:
            kept = {
                k: self.vars[k]
                for k in ("mood", "urge", "note")
                if isinstance(self.vars.get(k), str | int)
            }
            tags = self.vars.get("tags")
            if isinstance(tags, list) and tags:
                kept["tags"] = ",".join(str(tag) for tag in tags)
            self.effect("record", what=action.record, **kept)

    def saved(self, field_name: str, value: str) -> None:
        self.last.pop(field_name, None)  # the answer kept last stays last (rule 15)
        self.last[field_name] = value
        self.effect("save", field=field_name, value=value)

    def dropped(self, field_name: str, value: str) -> None:
        """Take `value` out of `field_name`; later conditions in this step see it gone."""
        if normalise(self.last.get(field_name, "")) == normalise(value):
            self.last.pop(field_name)

        def same(entry: str) -> bool:
            return normalise(entry) == normalise(value)

        entries = self.facts.entries.get(field_name, ())
        left = tuple(e for e in entries if not same(e))
        away = self.facts.hidden.get(field_name, ())
        counts = dict(self.facts.counts)
        if len(left) < len(entries) or not any(map(same, away)):  # a hidden one is not counted
            counts[field_name] = max(0, counts.get(field_name, 0) - 1)
        self.facts = replace(
            self.facts,
            counts=counts,
            entries={**self.facts.entries, field_name: left},
            hidden={**self.facts.hidden, field_name: tuple(e for e in away if not same(e))},
        )
        self.effect("drop", field=field_name, value=value)

    def hid(self, field_name: str, value: str, *, hidden: bool) -> None:
        """Hide `value` of `field_name` from suggestions (or show it again); later
        conditions and lists in this step see it moved."""
        shown = self.facts.entries.get(field_name, ())
        away = self.facts.hidden.get(field_name, ())
        if not hidden:
            shown, away = away, shown
        moved = tuple(e for e in shown if normalise(e) == normalise(value))
        shown = tuple(e for e in shown if normalise(e) != normalise(value))
        away = (*away, *moved)
        if not hidden:
            shown, away = away, shown
        self.facts = replace(
            self.facts,
            counts={**self.facts.counts, field_name: len(shown)},
            entries={**self.facts.entries, field_name: shown},
            hidden={**self.facts.hidden, field_name: away},
        )
        self.effect("hide" if hidden else "unhide", field=field_name, value=value)

    def reask(self, text: str, node: Node) -> Step:
        self.say(text, node_buttons(self.flow, self.node, node, self.listed()))
        return self.wait()

    def unclear(self, text: str, node: Node) -> Step:
        """Not understood: the step's buttons once; the second time in a row, a way out."""
        self.missed += 1
        if self.missed == 1:
            if text == UNCLEAR:
                text = (UNCLEAR, *UNCLEAR_AGAIN)[self.unclear_said % (1 + len(UNCLEAR_AGAIN))]
                self.unclear_said += 1
            return self.reask(text, node)
        if self.missed % 2:  # the third time: the step's own words, not the same menu
            return self.reask(f"{UNCLEAR_THIRD}\n\n{node.say[-1]}", node)
        prefix = f"{self.flow}.{self.node}"
        buttons = tuple(Button(f"{prefix}.{suffix}", label) for suffix, label, _ in _WAY_OUT_WORDS)
        self.say(WAY_OUT_SECOND if self.missed > 2 or self.unclear_said > 3 else WAY_OUT, buttons)
        self.unclear_said += 1
        return self.wait()

    def small_talk(self, kind: str, node: Node) -> Step:
        """Thanks, goodbye or a bare "ok" answered as such; the step's buttons stay."""
        lines = SMALL_TALK[kind]
        text = lines[self.chatted % len(lines)]
        self.chatted += 1
        return self.reask(text, node)

    def way_out(self, suffix: str, node: Node) -> Step | None:
        """A way-out button, tapped or typed; None for any other."""
        if suffix == "out-topics":
            return self.enter_target(self.flow, TOPICS)
        if suffix == "out-help":
            return self.enter_target(self.flow, f"{TOPICS}:help_now")
        if suffix == "again":
            self.missed = 0
            self.out.append(node_messages(self.flow, self.node, node)[-1])
            return self.wait()
        return None


_QUESTION_WORDS = frozenset(
    {"what", "how", "why", "who", "when", "where", "which", "should", "can", "could", "is"}
    | {"are", "do", "does", "will", "would", "shall", "am"}
)


def _earlier(run: _Run, text: str) -> Step | None:
    """A button of another step of this flow, typed as its label ("when people ask", once
    that menu has gone by; "learning to accept my scars": `names_label`): where it goes,
    if the buttons so labelled all go one way."""
    targets = {
        choice.to
        for node_id, other in run.library.flows[run.flow].nodes.items()
        if node_id != run.node
        for choice in other.choices or ()
        if names_label(text, choice.label)
    }
    where = {run.library.resolve(run.flow, target) for target in targets}
    if len(where) != 1 or None in where or (run.flow, run.node) in where:
        return None
    return run.enter_target(run.flow, targets.pop())


def _told(text: str) -> bool:
    """Whether `text` tells something in the person's own words (five words or more, not a
    question, no "no", "idk" or "not sure"), rather than trying to pick a button."""
    words = normalise(text).split()
    said = f" {' '.join(words)} "
    doubt = {"idk", "dunno", "unsure"} & set(words) or any(
        f" {phrase} " in said for phrase in ("not sure", "don t know", "dont know", "no idea")
    )
    declined = words[:1] in (["no"], ["nah"], ["not"], ["nope"], ["dont"])
    asked = text.rstrip().endswith("?") or (bool(words) and words[0] in _QUESTION_WORDS)
    return len(words) >= 5 and not asked and not doubt and not declined


def _asked_back(text: str) -> bool:
    """Whether `text` asks a question of the person's own (four words or more, a question
    mark or a question word first, no "idk" or "not sure") rather than trying to pick a
    button: "do I apologise for shouting at her?"."""
    words = normalise(text).split()
    said = f" {' '.join(words)} "
    doubt = {"idk", "dunno", "unsure"} & set(words) or " not sure " in said
    asked = text.rstrip().endswith("?") or (bool(words) and words[0] in _QUESTION_WORDS)
    return len(words) >= 4 and asked and not doubt


def _settled(run: _Run, node: Node) -> str | None:
    """Where a branch on a fact that sent the person to this step goes now, if elsewhere."""
    at = (run.flow, run.node)
    here = {run.node} | {
        node_id
        for node_id, other in run.library.flows[run.flow].nodes.items()
        if any(run.library.resolve(run.flow, c.to) == at for c in other.choices or ())
    }
    for other in run.library.flows[run.flow].nodes.values():
        arms = other.branch or ()
        if not any(arm.if_ is not None and arm.if_.fact is not None for arm in arms):
            continue
        sent_here = {arm.target for arm in arms} & here
        has = set(run.last)
        taken = next(
            (a for a in arms if a.if_ is None or holds(a.if_, run.vars, has, run.facts, run.known)),
            None,
        )
        # only a fact that is so now moves the person on: not the `else` of one still not
        # so (a country skipped, then check-ins set: "Carry on" is not the country again)
        moved = taken is not None and taken.if_ is not None and taken.if_.fact is not None
        if sent_here and moved and taken is not None and taken.target not in here:
            return taken.target
    return None


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds any of `words` (each a word or phrase) as whole words, any case."""
    padded = f" {normalise(text)} "
    return any(f" {normalise(word)} " in padded for word in words if normalise(word))


def _tap(run: _Run, node: Node, option_id: str) -> Step:
    prefix, _, suffix = option_id.rpartition(".")
    offered = run.vars.pop(OFFERED, None)  # "did you mean …?" is answered by any tap
    offered_choice = _offered_index(node, run.vars.pop(OFFERED_CHOICE, None))
    if prefix == f"{run.flow}.{run.node}":
        listed = run.listed()
        if node.listing is not None and suffix.startswith("e") and suffix[1:].isdigit():
            index = int(suffix[1:]) - 1
            if 0 <= index < len(listed):
                return _pick(run, node, listed[index])
        if node.choices is not None and suffix.isdigit():
            index = int(suffix) - 1
            if 0 <= index < len(node.choices):
                return _choose(run, node, index)
        if node.ask is not None and suffix == "skip":
            return run.enter_target(run.flow, node.ask.skip_to or node.ask.then)
        if node.scale is not None and suffix.startswith("v"):
            number = parse_number(suffix[1:])
            if number is not None and node.scale.min <= number <= node.scale.max:
                return _rate(run, node, number)
        if suffix == "offer-yes" and offered_choice is not None:
            return _choose(run, node, offered_choice)
        if suffix in ("offer-yes", "offer-no") and (
            isinstance(offered, list) or offered_choice is not None
        ):
            if suffix == "offer-yes" and isinstance(offered, list):
                return run.enter_target(TOPICS, str(offered[1]))
            run.out.append(node_messages(run.flow, run.node, node, run.listed())[-1])
            return run.wait()
        out = run.way_out(suffix, node)
        if out is not None:
            return out
    run.say(STALE)
    run.out.append(node_messages(run.flow, run.node, node, run.listed())[-1])
    return run.wait()


def _typed(run: _Run, node: Node, text: str) -> Step:
    offered = run.vars.pop(OFFERED, None)
    offered_choice = _offered_index(node, run.vars.pop(OFFERED_CHOICE, None))
    if offered_choice is not None:  # "did you mean <an option>?": a yes or no to it
        said = _match(text, _OFFER_CHOICE_WORDS)
        if said == 0:
            return _choose(run, node, offered_choice)
        if said == 1:
            run.out.append(node_messages(run.flow, run.node, node, run.listed())[-1])
            return run.wait()
    if isinstance(offered, list):  # "did you mean …?" is on the screen: a yes or no to it
        said = _match(text, _OFFER_WORDS)
        if said == 0:
            return run.enter_target(TOPICS, str(offered[1]))
        if said == 1:
            run.out.append(node_messages(run.flow, run.node, node, run.listed())[-1])
            return run.wait()
    if run.missed >= 2:  # the way out is on the screen: typed, it is read first
        ways = [(label, *synonyms) for _, label, synonyms in _WAY_OUT_WORDS]
        way = _match(text, ways)
        if way is not None:
            out = run.way_out(_WAY_OUT_WORDS[way][0], node)
            if out is not None:
                return out
    if node.choices is not None:
        several = _collected(node, text)
        if several:  # before one choice is matched: "family and sleep" begins with one
            return _collect_all(run, node, several)
        listed = run.listed() if node.listing is not None else ()
        options = [
            *((entry,) for entry in listed),
            *((c.label, *c.synonyms, *c.worries) for c in node.choices),
        ]
        index = match_choice(text, options)
        glossed = glosses.glossed(text) if index is None else None
        if glossed is not None:  # "sim", "arbeit", "algo más" (rule 10)
            index = match_choice(glossed, options)
            text = glossed if index is None else text
        if index is not None:
            if index < len(listed):
                return _pick(run, node, listed[index])
            return _choose(run, node, index - len(listed), typed=text)
        entry = match_entry(text, listed) if listed else None
        if entry is not None:
            return _pick(run, node, listed[entry])
        return _unmatched(run, node, text, options, listed)
    if node.ask is not None:
        ask = node.ask
        answer = text.strip()
        if not answer:
            return run.reask(node.say[-1], node)
        if everyday.said(answer) == "menu":  # "main menu please" is no answer to keep
            return run.enter_target("", TOPICS)
        if _skips(ask, answer) or not_known(answer) or everyday.unsaving(answer):
            # "idk", or "don't save that", is no answer to keep (rule 15): the step is
            # skipped, as if "skip" were tapped
            return run.enter_target(run.flow, ask.skip_to or ask.then)
        return _keep_answer(run, ask, answer)
    scale = node.scale
    assert scale is not None  # restore() only returns waiting nodes
    number = read_scale(text, low=scale.min, high=scale.max, high_label=scale.high)
    talk = small_talk(text) if number is None else None
    if talk is not None:
        return run.small_talk(talk, node)
    if number is None and everyday.said(text) == "menu":
        return run.enter_target("", TOPICS)
    topic = _topic(run, node, text) if number is None else None
    if topic is not None:
        return topic
    if number is None:
        return run.unclear(UNCLEAR_SCALE.format(low=scale.min, high=scale.max), node)
    return _rate(run, node, number)


def _match(text: str, options: Sequence[Sequence[str]]) -> int | None:
    """`match_choice`, and failing it the same read of the text glossed (rule 10)."""
    index = match_choice(text, options)
    glossed = glosses.glossed(text) if index is None else None
    return match_choice(glossed, options) if glossed is not None else index


def _unmatched(
    run: _Run, node: Node, text: str, options: list[tuple[str, ...]], listed: tuple[str, ...]
) -> Step:
    """Rule 8: typed text at a step with buttons that picks none by its words. `options`
    are the step's buttons' words, the person's own entries (`listed`) first."""
    kept = _just_kept(run) if everyday.unsaving(text) else None
    if kept is not None:  # rule 15: "wait no, don't save that"
        return _unsaved(run, node, kept)
    place = everyday.position(text, len(options))  # "the second one"
    if place is not None and place < len(listed):
        return _pick(run, node, listed[place])
    if place is not None:
        return _choose(run, node, place - len(listed))
    short = _everyday(run, node, text)
    if short is not None:
        return short
    if everyday.undecided(text):  # rule 16: "idk wat 2 pick"
        picked = _picked_for_them(run, node)
        if picked is not None:
            run.say(PICKED_FOR_YOU.format(label=(node.choices or ())[picked].label))
            return _choose(run, node, picked)
    talk = small_talk(text)
    alone = _number_alone(text)
    named = None if alone else named_topic(run.library, text, here=run.flow, at=run.node)
    if named is not None and named[2]:
        return run.enter_target(TOPICS, named[1])
    reading = read_options(text, options) if talk is None else None
    said_first = before_goodbye(text) if talk == "bye" else None
    if said_first is not None:  # "it felt a little bit okay actually. doei": the answer first
        reading = read_options(said_first, options)
    if reading is not None and reading.meant:
        if reading.index < len(listed):
            return _pick(run, node, listed[reading.index])
        return _choose(run, node, reading.index - len(listed), typed=text)
    if named is not None:
        return _offer_topic(run, named[0], named[1])
    earlier = _earlier(run, text) if talk is None else None
    if earlier is not None:
        return earlier
    answered = _worry(run.library, run.flow, run.node, text) if talk is None else None
    if answered is not None:  # rule 12: "what if she tells my parents", in telling
        return run.enter_target(run.flow, answered)
    part = named_part(run.library, text, here=run.flow) if talk is None else None
    if part is not None:  # "when people ask", typed in another topic
        return run.enter_target(run.flow, part)
    if talk is None and _no_first(text):  # rule 14: "No, I'm not. I was answering you."
        no = everyday.option("no", [choice.label for choice in node.choices or ()])
        return _no_here(run, node) if no is None else _choose(run, node, no, typed=text)
    own = _own_words_ask(run, node) if talk is None and _told(text) else None
    if own is not None:  # rule 11: "anything else?" answered with the next one itself
        return _keep_answer(run, own, text.strip())
    if reading is not None and reading.index >= len(listed) and run.missed == 0:
        return _offer_choice(run, node, reading, listed=len(listed))
    if talk is None and _told(text) and run.missed == 0:
        run.missed += 1  # a miss all the same: the next one gets the way out
        run.chatted += 1
        return run.reask(TOLD[(run.chatted - 1) % len(TOLD)], node)
    if talk is None and _asked_back(text) and run.missed == 0:
        run.missed += 1  # rule 13: a question of their own, acknowledged; still a miss
        run.chatted += 1
        return run.reask(ASKED[(run.chatted - 1) % len(ASKED)], node)
    if talk is None:
        return run.unclear(UNCLEAR, node)
    labels = [normalise(choice.label) for choice in node.choices or ()]
    on = [i for i, label in enumerate(labels) if label.startswith(_TALK_GOES_ON[talk])]
    return _choose(run, node, on[0]) if len(on) == 1 else run.small_talk(talk, node)


def _picked_for_them(run: _Run, node: Node) -> int | None:
    """Rule 16: the first option of a menu of three or more that neither leaves nor goes
    back; None at a shorter menu (a yes or no is the person's own to give)."""
    choices = node.choices or ()
    if len(choices) < 3:
        return None
    for index, choice in enumerate(choices):
        back = everyday.said(choice.label) in ("back", "menu", "no", "later", "stop")
        if not back and not _leaves(run, node, index):
            return index
    return None


def _skips(ask: Ask, answer: str) -> bool:
    """Whether an ask's answer skips it: its skip label, "skip" or "pass", as the whole
    answer or its first clause ("skip for now, thanks. i feel a bit better"), in English
    or glossed ("saltar por ahora"); or a plain not-now first ("then not now. it does not
    work": everyday.py), which is no answer to keep."""
    skips = {normalise(ask.skip), "skip", "skip this", "skip it", "pass", "skip for now"}
    for said in dict.fromkeys((answer, glosses.english(answer))):
        first = everyday.first_clause(said, ends=_CLAUSE_STOPS)
        if plain(said) in skips or plain(first) in skips or everyday.said(first) == "later":
            return True
    return False


def _just_kept(run: _Run) -> tuple[str, str] | None:
    """Rule 15: the answer kept last, when the step the person is at came straight after
    the step that asked for it ("Here's what you wrote", then a menu); else None."""
    if not run.last:
        return None
    field_name, value = list(run.last.items())[-1]
    asked_here = any(
        node.ask is not None and node.ask.field == field_name and _comes_back(run, node.ask.then)
        for node in run.library.flows[run.flow].nodes.values()
    )
    return (field_name, value) if asked_here else None


def _unsaved(run: _Run, node: Node, kept: tuple[str, str]) -> Step:
    """Rule 15: "don't save that" at the menu after an answer was kept: it is taken out
    again, and the step stays."""
    run.dropped(*kept)
    return run.reask(NOT_KEPT, node)


def _keep_answer(run: _Run, ask: Ask, answer: str) -> Step:
    """An ask's answer kept (a field, or a var of this conversation); on to its `then`."""
    if ask.field is not None:
        run.saved(ask.field, answer)
    else:
        run.vars[str(ask.var)] = answer
    return run.enter_target(run.flow, ask.then)


def _own_words_ask(run: _Run, node: Node) -> Ask | None:
    """Rule 11: the one step of this flow that the step's buttons lead to, that asks for
    the person's own words and comes back here after ("Add another", "In my own words"
    at "Anything else?"), if there is one."""
    asks = {
        where[1]: ask
        for choice in node.choices or ()
        if (where := run.library.resolve(run.flow, choice.to)) not in (None, END)
        and where[0] == run.flow
        and (ask := run.library.flows[run.flow].nodes[where[1]].ask) is not None
        and _comes_back(run, ask.then)
    }
    return next(iter(asks.values())) if len(asks) == 1 else None


def _comes_back(run: _Run, target: str) -> bool:
    """Whether `target` leads back to the step the person is at by `next` and `branch`
    alone (an "Anything else?" loop), within a few steps."""
    nodes = run.library.flows[run.flow].nodes
    seen: set[str] = set()
    ahead = [target]
    while ahead and len(seen) < _LOOP_STEPS:
        where = run.library.resolve(run.flow, ahead.pop())
        if where is None or where == END or where[0] != run.flow or where[1] in seen:
            continue
        if where[1] == run.node:
            return True
        seen.add(where[1])
        step_ = nodes[where[1]]
        if not step_.waits:
            ahead.extend(step_.targets())
    return False


_LOOP_STEPS = 6


def _topic(run: _Run, node: Node, text: str) -> Step | None:
    """A topic named where the step did not offer it (rules at `named_topic`): its flow
    when the text names it plainly; "shall we go there?" when only a word of it is there."""
    if _number_alone(text):
        return None
    named = named_topic(run.library, text, here=run.flow, at=run.node)
    if named is None:
        return None
    label, target, sure = named
    if sure:
        return run.enter_target(TOPICS, target)
    return _offer_topic(run, label, target)


def _number_alone(text: str) -> bool:
    """Whether `text` is a number alone ("5"): a button's number, never a topic."""
    return normalise(text).isdecimal()


def _offer_topic(run: _Run, label: str, target: str) -> Step:
    """'Did you mean "<topic>"?', with a way to go there and a way to stay."""
    run.vars[OFFERED] = [label, target]
    prefix = f"{run.flow}.{run.node}"
    buttons = (Button(f"{prefix}.offer-yes", OFFER_YES), Button(f"{prefix}.offer-no", OFFER_NO))
    run.say(OFFER.format(label=label), buttons)
    return run.wait()


def _offer_choice(run: _Run, node: Node, reading: Reading, *, listed: int) -> Step:
    """'Did you mean "<option>"?' for an option the words only hint at (rule 8). A miss
    all the same: not understood next time gets the way out."""
    index = reading.index - listed
    run.vars[OFFERED_CHOICE] = index
    run.missed += 1
    prefix = f"{run.flow}.{run.node}"
    buttons = (
        Button(f"{prefix}.offer-yes", OFFER_CHOICE_YES),
        Button(f"{prefix}.offer-no", OFFER_CHOICE_NO),
    )
    run.say(OFFER_CHOICE.format(label=(node.choices or ())[index].label), buttons)
    return run.wait()


def _offered_index(node: Node, offered: Any) -> int | None:
    """The option offered ("did you mean …?"), if it is still one of this step's."""
    choices = node.choices or ()
    if isinstance(offered, int) and not isinstance(offered, bool) and 0 <= offered < len(choices):
        return offered
    return None


def _everyday(run: _Run, node: Node, text: str) -> Step | None:
    """A short everyday answer (dialogues/everyday.py) on the option that means it; "main
    menu" and "something else" go to the topics where no option of the step does, "try
    again" shows the question again. None when the words say more than that, or no
    option means it."""
    kind = everyday.said(text)
    if kind is None:
        return None
    index = everyday.option(kind, [choice.label for choice in node.choices or ()])
    if index is not None:
        return _choose(run, node, index)
    if kind == "menu":
        return run.enter_target("", TOPICS)
    if kind in ("again", "back"):  # the step's question again, with its buttons (a
        return run.way_out("again", node)  # "back" where no option goes back: here)
    if kind == "no" and _bare_no(text):  # rule 14
        return _no_here(run, node)
    return None


def _no_here(run: _Run, node: Node) -> Step:
    """Rule 14: a bare no, taken as it is; the step's buttons stay."""
    run.chatted += 1
    return run.reask(NO_HERE[(run.chatted - 1) % len(NO_HERE)], node)


def _bare_no(text: str) -> bool:
    """Rule 14: a no with nothing after it but small words or a question of why ("no!! why
    do u keep asking me that"), never a no that goes on to tell something."""
    rest = " ".join(c for c in _CLAUSE_STOPS.split(text)[1:] if normalise(c))
    return not says_something(rest) or rest.rstrip().endswith("?") or _asked_back(rest)


def _no_first(text: str) -> bool:
    """Rule 14: a no said first, alone in its clause, whatever follows it ("no?? i talk
    about my friend not me", "NO. i said dont keep anything")."""
    first = everyday.first_clause(glosses.english(text), ends=_CLAUSE_STOPS)
    said = normalise(first).split()
    return 0 < len(said) <= 3 and said[0] in _NO_WORDS and everyday.said(first) == "no"


_NO_WORDS = frozenset({"no", "nah", "nope", "noo", "nooo", "nein", "non"})


_CLAUSE_STOPS = re.compile(r"[.!?,;:]+")


def _choose(run: _Run, node: Node, index: int, *, typed: str = "") -> Step:
    choice = (node.choices or ())[index]
    declined = everyday.declines(typed, choice.label, choice.synonyms) if typed else True
    if not declined and _leaves(run, node, index):
        return _not_a_decline(run, node, typed)
    asked = next((action.asked for action in node.do if action.asked is not None), None)
    if asked is not None and choice.means is not None:
        run.effect("answered", about=asked, said=choice.means)
    if choice.save is not None:
        run.saved(choice.save.field, choice.save.value)
    if choice.hold is not None:
        run.vars[choice.hold.var] = choice.hold.value
    if choice.collect is not None:
        _add_to(run, choice.collect.var, choice.collect.value)
    before = len(run.out)
    went = run.enter_target(run.flow, choice.to)
    return _carry_on(run, choice, typed, went, before=before) if typed else went


def _leaves(run: _Run, node: Node, index: int) -> bool:
    """Rule 9: whether a choice leaves: it ends the chat, or it is the step's "not now"."""
    where = run.library.resolve(run.flow, (node.choices or ())[index].to)
    if where == END or (where is not None and run.library.flows[where[0]].nodes[where[1]].end):
        return True
    asked = any(action.asked is not None for action in node.do)
    labels = [choice.label for choice in node.choices or ()]
    return not asked and everyday.option("later", labels) == index


def _not_a_decline(run: _Run, node: Node, text: str) -> Step:
    """Rule 9: words that only seemed to pick the way out ("ok no pasa nada, hoy me volví
    a lastimar"): heard as told, or not understood; the step stays."""
    if _told(text) and run.missed == 0:
        run.missed += 1
        run.chatted += 1
        return run.reask(TOLD[(run.chatted - 1) % len(TOLD)], node)
    if everyday.said(text) == "no" and _bare_no(text):  # rule 14: "no!! why ask me that"
        return _no_here(run, node)
    return run.unclear(UNCLEAR, node)


def _carry_on(run: _Run, choice: Choice, typed: str, went: Step, *, before: int) -> Step:
    """Rule 6: "hide drawing" at a choice "Hide one" that leads to a `list:` node picks
    the entry the other words name, when they name exactly one."""
    here = run.library.flows[run.flow].nodes.get(run.node)
    if went.state is None or here is None or here.listing is None:
        return went
    rest = leftover(typed, (choice.label, *choice.synonyms))
    listed = run.listed()
    entry = match_entry(rest, listed) if rest and listed else None
    if entry is None:
        return went
    # The list's question is answered already: its bubbles go, anything it did stays.
    run.out[before:] = [item for item in run.out[before:] if isinstance(item, Effect)]
    return _pick(run, here, listed[entry])


def _add_to(run: _Run, var: str, value: str) -> None:
    held = run.vars.get(var)
    items = [str(x) for x in held] if isinstance(held, list) else []
    if value not in items:
        items.append(value)
    run.vars[var] = items


def _collected(node: Node, text: str) -> list[int]:
    """Rule 7: the collecting choices whose label or a synonym the text holds as whole
    words, when it holds two or more and names no other choice."""
    choices = node.choices or ()
    named = [i for i, c in enumerate(choices) if _mentions(text, (c.label, *c.synonyms))]
    if len(named) < 2 or any(choices[i].collect is None for i in named):
        return []
    return named


def _collect_all(run: _Run, node: Node, indexes: list[int]) -> Step:
    choices = node.choices or ()
    for i in indexes:
        collect = choices[i].collect
        assert collect is not None
        _add_to(run, collect.var, collect.value)
    return run.enter_target(run.flow, choices[indexes[-1]].to)


def _pick(run: _Run, node: Node, entry: str) -> Step:
    listing = node.listing
    assert listing is not None
    run.vars[listing.var] = entry
    return run.enter_target(run.flow, listing.to)


def _rate(run: _Run, node: Node, number: int) -> Step:
    scale = node.scale
    assert scale is not None
    if scale.var is not None:
        run.vars[scale.var] = number
    if scale.rate is not None and scale.rate in run.last:
        run.effect("rate", field=scale.rate, entry=run.last[scale.rate], score=number)
    return run.enter_target(run.flow, scale.then)
