"""The engine: choices, typed answers, asks, scales, branches, jumps, stale taps and old states."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from dialogues import Button, Effect, Facts, Library, Message, Step, Tap, Typed, resume, start, step
from dialogues.engine import LOST, MOVED, STALE, UNCLEAR
from dialogues.loader import parse_library

FIELDS = """
wins: {kind: list, label: Wins}
toolbox: {kind: list, rated: true, label: Toolbox}
"""
HEAD = "title: T\narea: core\nformat: 1\nversion: 1\n"
DEMO = """\
id: demo
start: intro
nodes:
  intro:
    say: [Hi., Pick one.]
    choices:
      - {label: Ride the wave, synonyms: [surf, wave], to: rate}
      - {label: Write it down, to: note, save: {field: toolbox, value: Writing}}
      - {label: Something deeper, to: other:deep}
      - {label: Stop, to: end}
  note:
    say: [What would you like to keep?]
    ask: {field: wins, then: thanks, skip: Skip this, skip_to: intro}
  thanks:
    say: [Thanks.]
    do: [{show: wins}]
    next: rate
  rate:
    say: [How strong is it?]
    scale: {min: 0, max: 10, var: urge, low: calm, high: very strong, then: route, rate: toolbox}
  route:
    branch:
      - {if: {var: urge, at_least: 7}, to: strong}
      - {if: {has: wins}, to: has_wins}
      - {if: {fact: consent, is: false}, to: no_consent}
      - else: mild
  strong:
    say: [That is a strong one.]
    do: [{show: crisis_lines}, {schedule_checkback: {minutes: 15}}]
    end: true
  has_wins:
    say: [You have got through before.]
    next: topics
  no_consent:
    say: [OK.]
    end: true
  mild:
    say: ["Mild, then."]
    end: true
"""
OTHER = """\
id: other
start: deep
nodes:
  deep:
    say: [A note for today?]
    ask: {var: note, then: keep, skip: No thanks}
  keep:
    say: [Kept.]
    do: [{consent: given}, {record: checkin}]
    end: true
"""
TOPICS = """\
id: topics
start: menu
nodes:
  menu:
    say: [What now?]
    choices:
      - {label: Demo, to: demo}
      - {label: Nothing, to: end}
"""
NONE = Facts()
CONSENTED = Facts(flags={"consent": True})


def build(**texts: str) -> Library:
    files = {Path(f"{k}.yaml"): HEAD + v for k, v in texts.items()}
    library, problems = parse_library(files, fields_text=FIELDS)
    assert [p for p in problems if p.severity == "error"] == []
    return library


@pytest.fixture
def lib() -> Library:
    return build(demo=DEMO, other=OTHER, topics=TOPICS)


def texts(result: Step) -> list[str]:
    return [m.text for m in result.messages]


def at(result: Step) -> tuple[str, str]:
    assert result.state is not None
    return result.state["flow"], result.state["node"]


def test_start_shows_every_bubble_with_buttons_on_the_last(lib: Library) -> None:
    result = start(lib, "demo", facts=NONE)
    first, last = result.messages
    assert (first.text, first.buttons) == ("Hi.", ())
    assert [(b.id, b.label) for b in last.buttons] == [
        ("demo.intro.1", "Ride the wave"),
        ("demo.intro.2", "Write it down"),
        ("demo.intro.3", "Something deeper"),
        ("demo.intro.4", "Stop"),
    ]
    assert at(result) == ("demo", "intro")


def test_tapping_a_choice_goes_to_its_target(lib: Library) -> None:
    result = step(lib, start(lib, "demo", facts=NONE).state or {}, Tap("demo.intro.1"), facts=NONE)
    assert texts(result) == ["How strong is it?\n(0 = calm, 10 = very strong)"]
    assert [b.label for b in result.messages[-1].buttons] == [str(n) for n in range(11)]


@pytest.mark.parametrize(
    "typed", ["Ride the wave", "ride THE wave!!", "surf", "1", "ride the wav", "  Wave. "]
)
def test_typed_text_close_to_a_choice_picks_it(lib: Library, typed: str) -> None:
    state = start(lib, "demo", facts=NONE).state or {}
    assert at(step(lib, state, Typed(typed), facts=NONE)) == ("demo", "rate")


@pytest.mark.parametrize("typed", ["banana", "", "9", "hmm I don't know"])
def test_unclear_text_repeats_the_question_kindly(lib: Library, typed: str) -> None:
    state = start(lib, "demo", facts=NONE).state or {}
    result = step(lib, state, Typed(typed), facts=NONE)
    assert texts(result) == [UNCLEAR]
    assert len(result.messages[0].buttons) == 4
    assert result.state == {**state, "missed": 1, "unclear": 1}  # counted, else as it was


def test_a_choice_that_saves_emits_the_save_before_the_next_bubbles(lib: Library) -> None:
    state = start(lib, "demo", facts=NONE).state or {}
    result = step(lib, state, Tap("demo.intro.2"), facts=NONE)
    assert result.out == (
        Effect("save", {"field": "toolbox", "value": "Writing"}),
        Message("What would you like to keep?", (Button("demo.note.skip", "Skip this"),)),
    )


def test_a_typed_answer_is_saved_and_effects_follow_in_order(lib: Library) -> None:
    state = (
        step(lib, start(lib, "demo", facts=NONE).state or {}, Tap("demo.intro.2"), facts=NONE).state
        or {}
    )
    result = step(lib, state, Typed("  I went for a walk  "), facts=NONE)
    assert [type(x).__name__ for x in result.out] == ["Effect", "Message", "Effect", "Message"]
    assert result.out[0] == Effect("save", {"field": "wins", "value": "I went for a walk"})
    assert result.out[2] == Effect("show", {"field": "wins"})
    assert at(result) == ("demo", "rate")


def test_skip_by_tap_or_by_typing_its_label_saves_nothing(lib: Library) -> None:
    state = (
        step(lib, start(lib, "demo", facts=NONE).state or {}, Tap("demo.intro.2"), facts=NONE).state
        or {}
    )
    for answer in (Tap("demo.note.skip"), Typed("skip this")):
        result = step(lib, state, answer, facts=NONE)
        assert result.effects == ()
        assert at(result) == ("demo", "intro")


@pytest.mark.parametrize(
    ("typed", "node"),
    [("8", "strong"), ("7/10", "strong"), ("seven", "strong"), ("about 2", "mild")],
)
def test_a_scale_takes_numbers_typed_in_several_ways(lib: Library, typed: str, node: str) -> None:
    state = (
        step(
            lib, start(lib, "demo", facts=NONE).state or {}, Tap("demo.intro.1"), facts=CONSENTED
        ).state
        or {}
    )
    result = step(lib, state, Typed(typed), facts=CONSENTED)
    assert result.state is None
    assert texts(result)[-1] == ("That is a strong one." if node == "strong" else "Mild, then.")


@pytest.mark.parametrize("typed", ["purple", "why?", "3 or 4"])
def test_a_scale_asks_again_for_what_is_no_number(lib: Library, typed: str) -> None:
    state = (
        step(lib, start(lib, "demo", facts=NONE).state or {}, Tap("demo.intro.1"), facts=NONE).state
        or {}
    )
    result = step(lib, state, Typed(typed), facts=NONE)
    assert texts(result) == ["Could you pick a number from 0 to 10? You can tap one of these."]
    assert result.state == {**state, "missed": 1}


def test_branches_on_var_then_has_then_fact(lib: Library) -> None:
    state = (
        step(lib, start(lib, "demo", facts=NONE).state or {}, Tap("demo.intro.1"), facts=NONE).state
        or {}
    )
    strong = step(lib, state, Tap("demo.rate.v9"), facts=NONE)
    assert strong.effects == (
        Effect("show", {"field": "crisis_lines"}),
        Effect("schedule_checkback", {"minutes": 15}),
    )
    has = step(lib, state, Tap("demo.rate.v2"), facts=Facts(counts={"wins": 2}))
    assert texts(has) == ["You have got through before.", "What now?"]
    assert at(has) == ("topics", "menu")
    assert texts(step(lib, state, Tap("demo.rate.v2"), facts=NONE)) == ["OK."]
    assert texts(step(lib, state, Tap("demo.rate.v2"), facts=CONSENTED)) == ["Mild, then."]


def test_a_rating_goes_to_the_entry_picked_in_this_conversation(lib: Library) -> None:
    state = (
        step(lib, start(lib, "demo", facts=NONE).state or {}, Tap("demo.intro.2"), facts=NONE).state
        or {}
    )
    state = step(lib, state, Typed("a walk"), facts=NONE).state or {}
    result = step(lib, state, Tap("demo.rate.v3"), facts=NONE)
    assert result.effects[0] == Effect("rate", {"field": "toolbox", "entry": "Writing", "score": 3})
    assert texts(result) == ["You have got through before.", "What now?"]


def test_a_jump_continues_in_the_other_flow_and_records_the_checkin(lib: Library) -> None:
    state = start(lib, "demo", facts=NONE).state or {}
    state = step(lib, state, Tap("demo.intro.3"), facts=NONE).state or {}
    assert state["flow"] == "other"
    result = step(lib, state, Typed("a long day"), facts=NONE)
    assert result.effects == (
        Effect("consent", {}),
        Effect("record", {"what": "checkin", "note": "a long day"}),
    )
    assert result.state is None


def test_end_as_a_target_rests_the_conversation(lib: Library) -> None:
    result = step(lib, start(lib, "demo", facts=NONE).state or {}, Tap("demo.intro.4"), facts=NONE)
    assert result == Step((), None)


@pytest.mark.parametrize(
    "option", ["demo.rate.v3", "other.deep.skip", "demo.intro.9", "!x", "", "demo.intro.0"]
)
def test_a_stale_tap_says_so_and_shows_where_we_are(lib: Library, option: str) -> None:
    state = start(lib, "demo", facts=NONE).state or {}
    result = step(lib, state, Tap(option), facts=NONE)
    assert texts(result) == [STALE, "Pick one."]
    assert len(result.messages[-1].buttons) == 4
    assert result.state == state


def test_resume_shows_the_last_bubble_without_effects(lib: Library) -> None:
    state = (
        step(lib, start(lib, "demo", facts=NONE).state or {}, Tap("demo.intro.2"), facts=NONE).state
        or {}
    )
    result = resume(lib, state, facts=NONE)
    assert result.effects == ()
    assert texts(result) == ["What would you like to keep?"]
    assert result.state == state


def test_a_state_from_an_edited_flow_restarts_that_flow_kindly(lib: Library) -> None:
    result = step(lib, {"flow": "demo", "node": "gone", "vars": {}}, Typed("hi"), facts=NONE)
    assert texts(result) == [MOVED, "Hi.", "Pick one."]
    assert at(result) == ("demo", "intro")


@pytest.mark.parametrize(
    "state",
    [
        {"flow": "vanished", "node": "x"},
        {},
        {"flow": 3},
        {"flow": "demo", "node": "route"},
        {"vars": "nope"},
    ],
)
def test_a_state_that_fits_no_flow_goes_to_the_topics(lib: Library, state: Any) -> None:
    result = resume(lib, state, facts=NONE)
    assert texts(result)[0] in (LOST, MOVED)
    assert result.state is not None


def test_nothing_given_to_the_engine_is_changed(lib: Library) -> None:
    facts = Facts(flags={"consent": False}, counts={"wins": 0})
    state = (
        step(
            lib, start(lib, "demo", facts=facts).state or {}, Tap("demo.intro.2"), facts=facts
        ).state
        or {}
    )
    before, facts_before = copy.deepcopy(state), copy.deepcopy(facts)
    step(lib, state, Typed("kept"), facts=facts)
    assert (state, facts) == (before, facts_before)


def test_start_at_an_unknown_target_offers_the_topics(lib: Library) -> None:
    result = start(lib, "nowhere", facts=NONE)
    assert texts(result) == [LOST, "What now?"]
    assert at(start(lib, "demo:rate", facts=NONE)) == ("demo", "rate")


WORDS = """\
id: words
start: ask
nodes:
  ask:
    say: [What would you say?]
    ask: {var: said, then: route, skip: Skip}
  route:
    branch:
      - {if: {var: said, mentions: [useless, "hate myself"]}, to: harsh}
      - else: keep
  harsh:
    say: [Those words sound hard on you.]
    do: [{lines: [abuse, children]}]
    end: true
  keep:
    say: [Kept.]
    do: [{keep: {var: said, field: wins}}]
    end: true
"""


@pytest.mark.parametrize("typed", ["I'm USELESS!", "honestly i hate myself."])
def test_a_mentions_condition_finds_whole_words_in_typed_text(typed: str) -> None:
    lib = build(words=WORDS, demo=DEMO, other=OTHER, topics=TOPICS)
    result = step(lib, start(lib, "words", facts=NONE).state or {}, Typed(typed), facts=NONE)
    assert texts(result) == ["Those words sound hard on you."]
    assert result.effects == (Effect("lines", {"kinds": "abuse,children"}),)


@pytest.mark.parametrize("typed", ["usefulness", "I hate mornings"])
def test_a_mentions_condition_does_not_match_parts_of_words(typed: str) -> None:
    lib = build(words=WORDS, demo=DEMO, other=OTHER, topics=TOPICS)
    result = step(lib, start(lib, "words", facts=NONE).state or {}, Typed(typed), facts=NONE)
    assert texts(result) == ["Kept."]
    assert result.effects == (Effect("save", {"field": "wins", "value": typed}),)


def test_keep_saves_nothing_when_the_question_was_skipped() -> None:
    lib = build(words=WORDS, demo=DEMO, other=OTHER, topics=TOPICS)
    result = step(
        lib, start(lib, "words", facts=NONE).state or {}, Tap("words.ask.skip"), facts=NONE
    )
    assert texts(result) == ["Kept."]
    assert result.effects == ()


PICK = """\
id: pick
start: ideas
nodes:
  ideas:
    say: [Pick an idea to try.]
    choices:
      - {label: Cold water, hold: {var: idea, value: Cold water on my face}, to: tried}
      - {label: My own list, to: own}
  own:
    say: [Which one?]
    list: {field: toolbox, var: idea, to: which}
    choices:
      - {label: Back, to: end}
  which:
    say: [Keep it or take it out?]
    choices:
      - {label: Take it out, to: drop}
      - {label: Keep it, to: tried}
  tried:
    say: [Kept.]
    do: [{keep: {var: idea, field: toolbox}}]
    next: rate
  rate:
    say: [Did it help?]
    scale: {min: 1, max: 5, var: helped, then: end, rate: toolbox}
  drop:
    say: [Taken out.]
    do: [{drop: {var: idea, field: toolbox}}]
    next: left
  left:
    branch:
      - {if: {has: toolbox}, to: some}
      - else: none
  some:
    say: [Some left.]
    end: true
  none:
    say: [None left.]
    end: true
"""
LISTED = Facts(
    flags={"consent": True},
    counts={"toolbox": 2},
    entries={"toolbox": ("Slow breathing", "A walk")},
)


def test_a_held_idea_is_kept_only_when_the_flow_keeps_it_and_then_rated() -> None:
    lib = build(pick=PICK, demo=DEMO, other=OTHER, topics=TOPICS)
    held = step(lib, start(lib, "pick", facts=NONE).state or {}, Tap("pick.ideas.1"), facts=NONE)
    assert held.effects == (Effect("save", {"field": "toolbox", "value": "Cold water on my face"}),)
    rated = step(lib, held.state or {}, Typed("4"), facts=NONE)
    assert rated.effects == (
        Effect("rate", {"field": "toolbox", "entry": "Cold water on my face", "score": 4}),
    )


def test_a_list_node_shows_the_entries_as_buttons_before_its_choices() -> None:
    lib = build(pick=PICK, demo=DEMO, other=OTHER, topics=TOPICS)
    begun = start(lib, "pick", facts=LISTED).state or {}
    shown = step(lib, begun, Tap("pick.ideas.2"), facts=LISTED)
    assert [(b.id, b.label) for b in shown.messages[-1].buttons] == [
        ("pick.own.e1", "Slow breathing"),
        ("pick.own.e2", "A walk"),
        ("pick.own.1", "Back"),
    ]


@pytest.mark.parametrize("answer", [Tap("pick.own.e2"), Typed("a walk"), Typed("walk")])
def test_an_entry_tapped_or_typed_is_held_and_can_be_taken_out(answer: Tap | Typed) -> None:
    lib = build(pick=PICK, demo=DEMO, other=OTHER, topics=TOPICS)
    begun = start(lib, "pick", facts=LISTED).state or {}
    shown = step(lib, begun, Tap("pick.ideas.2"), facts=LISTED)
    which = step(lib, shown.state or {}, answer, facts=LISTED)
    assert texts(which) == ["Keep it or take it out?"]
    dropped = step(lib, which.state or {}, Tap("pick.which.1"), facts=LISTED)
    assert dropped.effects == (Effect("drop", {"field": "toolbox", "value": "A walk"}),)
    assert texts(dropped) == ["Taken out.", "Some left."]


def test_the_tap_names_the_entry_that_was_on_the_screen_even_if_the_list_changed() -> None:
    lib = build(pick=PICK, demo=DEMO, other=OTHER, topics=TOPICS)
    begun = start(lib, "pick", facts=LISTED).state or {}
    shown = step(lib, begun, Tap("pick.ideas.2"), facts=LISTED)
    later = Facts(flags={"consent": True}, counts={"toolbox": 1}, entries={"toolbox": ("A walk",)})
    which = step(lib, shown.state or {}, Tap("pick.own.e1"), facts=later)
    taken = step(lib, which.state or {}, Tap("pick.which.1"), facts=later)
    assert taken.effects == (Effect("drop", {"field": "toolbox", "value": "Slow breathing"}),)


def test_taking_out_the_last_entry_is_seen_by_the_branch_after_it() -> None:
    one = Facts(flags={"consent": True}, counts={"toolbox": 1}, entries={"toolbox": ("A walk",)})
    lib = build(pick=PICK, demo=DEMO, other=OTHER, topics=TOPICS)
    shown = step(lib, start(lib, "pick", facts=one).state or {}, Tap("pick.ideas.2"), facts=one)
    which = step(lib, shown.state or {}, Tap("pick.own.e1"), facts=one)
    dropped = step(lib, which.state or {}, Tap("pick.which.1"), facts=one)
    assert texts(dropped) == ["Taken out.", "None left."]


KEPT = """\
id: kept
start: menu
nodes:
  menu:
    say: [Your toolbox.]
    choices:
      - {label: Hide one, synonyms: [hide], to: pick}
      - {label: Hidden ones, synonyms: [hidden], to: away}
      - {label: Done, to: end}
  pick:
    say: [Which one?]
    list: {field: toolbox, var: idea, to: hide}
    choices:
      - {label: None, to: menu}
  hide:
    say: [Hidden.]
    do: [{hide: {var: idea, field: toolbox}}]
    branch:
      - {if: {hidden: toolbox}, to: menu}
      - else: end
  away:
    say: [Which one back?]
    list: {field: toolbox, var: idea, to: back, hidden: true}
    choices:
      - {label: None, to: menu}
  back:
    say: [Back.]
    do: [{unhide: {var: idea, field: toolbox}}]
    next: pick
"""
AROUND = """\
id: around
start: ask
nodes:
  ask:
    say: [What was around?]
    choices:
      - {label: Family, synonyms: [mum], collect: {var: tags, value: family}, to: more}
      - {label: Sleep, collect: {var: tags, value: sleep}, to: more}
      - {label: Skip, to: keep}
  more:
    say: [Anything else?]
    choices:
      - {label: That's all, to: keep}
      - {label: Family, synonyms: [mum], collect: {var: tags, value: family}, to: more}
      - {label: Sleep, collect: {var: tags, value: sleep}, to: more}
  keep:
    say: [Thanks.]
    do: [{record: checkin}]
    end: true
"""
TOOLBOX = Facts(
    flags={"consent": True},
    counts={"toolbox": 3},
    entries={"toolbox": ("Drawing or scribbling", "Ice in my hand")},
    hidden={"toolbox": ("A walk",)},
)


def effects(result: Step) -> list[tuple[str, dict[str, Any]]]:
    return [(e.action, dict(e.args)) for e in result.out if isinstance(e, Effect)]


def test_typed_words_after_a_choice_pick_the_entry_its_list_shows() -> None:
    kept = build(kept=KEPT, demo=DEMO, other=OTHER, topics=TOPICS)
    menu = start(kept, "kept", facts=TOOLBOX)

    result = step(kept, dict(menu.state or {}), Typed("hide the drawing one"), facts=TOOLBOX)

    assert texts(result) == ["Hidden.", "Your toolbox."]  # the list's question is not asked
    assert effects(result) == [("hide", {"field": "toolbox", "value": "Drawing or scribbling"})]


def test_a_choice_alone_still_asks_which_entry() -> None:
    kept = build(kept=KEPT, demo=DEMO, other=OTHER, topics=TOPICS)
    menu = start(kept, "kept", facts=TOOLBOX)

    result = step(kept, dict(menu.state or {}), Typed("hide"), facts=TOOLBOX)

    assert at(result) == ("kept", "pick")
    assert [b.label for b in result.messages[-1].buttons][:2] == [
        "Drawing or scribbling",
        "Ice in my hand",
    ]


def test_a_hidden_list_shows_the_hidden_entries_and_unhiding_moves_it_back() -> None:
    kept = build(kept=KEPT, demo=DEMO, other=OTHER, topics=TOPICS)
    menu = start(kept, "kept", facts=TOOLBOX)
    away = step(kept, dict(menu.state or {}), Tap("kept.menu.2"), facts=TOOLBOX)
    assert [b.label for b in away.messages[-1].buttons] == ["A walk", "None"]

    result = step(kept, dict(away.state or {}), Typed("walk"), facts=TOOLBOX)

    assert effects(result) == [("unhide", {"field": "toolbox", "value": "A walk"})]
    shown = [b.label for b in result.messages[-1].buttons]
    assert shown == ["Drawing or scribbling", "Ice in my hand", "A walk", "None"]


def test_the_hidden_condition_sees_a_hide_in_the_same_step() -> None:
    kept = build(kept=KEPT, demo=DEMO, other=OTHER, topics=TOPICS)
    nothing_hidden = Facts(
        flags={"consent": True}, counts={"toolbox": 1}, entries={"toolbox": ("Ice",)}
    )
    pick = start(kept, "kept:pick", facts=nothing_hidden)

    result = step(kept, dict(pick.state or {}), Tap("kept.pick.e1"), facts=nothing_hidden)

    assert at(result) == ("kept", "menu")  # {hidden: toolbox} held after the hide


@pytest.mark.parametrize(
    ("said", "tags"),
    [
        (["family and sleep"], "family,sleep"),
        (["mum", "sleep", "that's all"], "family,sleep"),
        (["sleep", "sleep", "that's all"], "sleep"),
    ],
)
def test_collecting_choices_gather_several_tags_tapped_or_typed(said: list[str], tags: str) -> None:
    library = build(around=AROUND, demo=DEMO, other=OTHER, topics=TOPICS)
    current = start(library, "around", facts=NONE)
    for text in said:
        current = step(library, dict(current.state or {}), Typed(text), facts=NONE)
    if current.state is not None:
        current = step(library, dict(current.state), Typed("that's all"), facts=NONE)

    assert effects(current) == [("record", {"what": "checkin", "tags": tags})]


def test_skipping_the_tags_records_none() -> None:
    library = build(around=AROUND, demo=DEMO, other=OTHER, topics=TOPICS)
    current = start(library, "around", facts=NONE)

    result = step(library, dict(current.state or {}), Tap("around.ask.3"), facts=NONE)

    assert effects(result) == [("record", {"what": "checkin"})]
