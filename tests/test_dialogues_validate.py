"""The validator: each rule, with the file and line it names."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dialogues import FlowError, load_library
from dialogues.loader import parse_library
from dialogues.problems import Problem

FIELDS = """
wins: {kind: list, label: Wins}
toolbox: {kind: list, rated: true, label: Toolbox}
meaning: {kind: text, label: Meaning}
"""

HEAD = """\
id: {id}
title: A flow
area: core
format: 1
version: 1
start: {start}
nodes:
"""

TOPICS = HEAD.format(id="topics", start="menu") + textwrap.indent(
    textwrap.dedent("""\
    menu:
      say: [What shall we talk about?]
      choices:
        - {label: Nothing, to: end}
    """),
    "  ",
)


def flow(nodes: str, *, id: str = "demo", start: str = "a") -> str:
    return HEAD.format(id=id, start=start) + textwrap.indent(textwrap.dedent(nodes), "  ")


def problems(*, forbidden: tuple[str, ...] = (), **files: str) -> list[Problem]:
    texts = {Path(f"{name}.yaml"): text for name, text in files.items()}
    texts.setdefault(Path("topics.yaml"), TOPICS)
    _, found = parse_library(texts, fields_text=FIELDS, forbidden=forbidden)
    return found


def errors(**files: str) -> list[str]:
    return [str(p) for p in problems(forbidden=(), **files) if p.severity == "error"]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


GOOD = flow("""\
a:
  say: [Hello there.]
  choices:
    - {label: Go on, to: b}
    - {label: Menu, to: topics}
b:
  say: [Bye for now.]
  end: true
""")


def test_a_good_flow_has_no_problems() -> None:
    assert problems(demo=GOOD) == []


def test_an_unknown_key_is_a_schema_error_at_its_line() -> None:
    text = GOOD.replace("  end: true", "  end: true\n    colour: red")
    assert errors(demo=text) == [
        f"demo.yaml:{line_of(text, 'colour')}: nodes.b.colour: unknown key 'colour'"
    ]


def test_a_missing_required_key_names_it() -> None:
    text = GOOD.replace("title: A flow\n", "")
    assert errors(demo=text) == ["demo.yaml:1: title: 'title' is required"]


def test_a_duplicate_node_id_is_found_although_yaml_allows_it() -> None:
    text = GOOD + "  b:\n    say: [Again.]\n    end: true\n"
    first, second = line_of(text, "  b:"), len(text.splitlines()) - 2
    assert errors(demo=text) == [f"demo.yaml:{second}: duplicate key 'b' (first at line {first})"]


def test_a_flow_id_must_match_its_file_name() -> None:
    assert errors(other=GOOD) == ["other.yaml:1: flow id 'demo' must match the file name 'other'"]


def test_two_files_with_one_flow_id_are_an_error() -> None:
    assert errors(demo=GOOD, other=GOOD) == [
        "other.yaml:1: duplicate flow id 'demo' (also in demo.yaml)",
        "other.yaml:1: flow id 'demo' must match the file name 'other'",
    ]


def test_a_target_that_does_not_resolve_is_an_error() -> None:
    text = GOOD.replace("to: b}", "to: nowhere}")
    found = errors(demo=text)
    line = line_of(text, "nowhere")
    assert f"demo.yaml:{line}: target 'nowhere' does not resolve" in found[0]


def test_targets_resolve_across_flows() -> None:
    other = flow("a:\n  say: [Other.]\n  next: demo:b\n", id="other")
    text = GOOD.replace("to: b}", "to: other}")
    assert errors(demo=text, other=other) == []
    broken = flow("a:\n  say: [Other.]\n  next: demo:zzz\n", id="other")
    assert errors(demo=GOOD, other=broken) == [
        "other.yaml:8: from node 'a' neither an end nor the topics menu can be reached",
        "other.yaml:10: target 'demo:zzz' does not resolve (a node here, flow:node, a flow, "
        "topics or end)",
    ]


def test_an_unreachable_node_is_an_error_at_the_node() -> None:
    text = GOOD + "  lost:\n    say: [Nobody comes here.]\n    end: true\n"
    assert errors(demo=text) == [
        f"demo.yaml:{line_of(text, 'lost:')}: node 'lost' cannot be reached from start 'a'"
    ]


def test_a_node_entered_from_another_flow_counts_as_reachable() -> None:
    text = GOOD + "  side:\n    say: [Side door.]\n    end: true\n"
    other = flow("a:\n  say: [Other.]\n  next: demo:side\n", id="other")
    assert errors(demo=text, other=other) == []


def test_a_node_with_no_way_on_is_an_error() -> None:
    text = GOOD.replace("  end: true", "")
    line = line_of(text, "  b:")
    assert (
        f"demo.yaml:{line}: node 'b' has no way on: add choices, ask, scale, next, branch "
        "or end: true" in errors(demo=text)
    )


def test_a_node_with_two_ways_on_is_an_error() -> None:
    text = GOOD.replace("  end: true", "  end: true\n    next: a")
    assert any(
        "node 'b' has next and end: a node has exactly one way on" in e for e in errors(demo=text)
    )


def test_a_node_that_can_reach_neither_end_nor_topics_is_an_error() -> None:
    text = flow("""\
    a:
      say: [Round we go.]
      choices:
        - {label: Again, to: b}
    b:
      say: [And again.]
      choices:
        - {label: Back, to: a}
    """)
    assert errors(demo=text) == [
        f"demo.yaml:{line_of(text, '  a:')}: from node 'a' neither an end nor the topics menu "
        "can be reached",
        f"demo.yaml:{line_of(text, '  b:')}: from node 'b' neither an end nor the topics menu "
        "can be reached",
    ]


def test_a_loop_of_nodes_that_never_wait_is_an_error() -> None:
    text = flow("""\
    a:
      say: [Hi.]
      next: b
    b:
      branch:
        - {if: {var: mood, at_least: 3}, to: c}
        - else: a
    c:
      say: [Rate it.]
      scale: {var: mood, then: end}
    """)
    found = errors(demo=text)
    assert (
        f"demo.yaml:{line_of(text, '  a:')}: these nodes go on at once in a loop that never "
        "waits: demo:a -> demo:b -> demo:a" in found
    )


def test_an_undeclared_field_is_an_error() -> None:
    text = GOOD.replace(
        "{label: Go on, to: b}", "{label: Go on, to: b, save: {field: diary, value: x}}"
    )
    assert errors(demo=text) == [
        f"demo.yaml:{line_of(text, 'diary')}: field 'diary' is not declared in fields.yaml"
    ]


def test_show_and_forget_and_has_need_declared_fields() -> None:
    text = flow("""\
    a:
      say: [Here.]
      do:
        - show: crisis_lines
        - show: diary
        - forget: meaning
      branch:
        - {if: {has: secrets}, to: b}
        - else: b
    b:
      say: [Bye.]
      end: true
    """)
    assert errors(demo=text) == [
        f"demo.yaml:{line_of(text, 'show: diary')}: field 'diary' is not declared in fields.yaml",
        f"demo.yaml:{line_of(text, 'secrets')}: field 'secrets' is not declared in fields.yaml",
    ]


def test_a_message_longer_than_telegram_allows_is_an_error() -> None:
    text = GOOD.replace("[Bye for now.]", "[" + "word " * 900 + "]")
    assert errors(demo=text) == [
        f"demo.yaml:{line_of(text, 'word word')}: a message of 4499 characters; Telegram takes "
        "at most 4096"
    ]


def test_a_button_id_longer_than_64_bytes_is_an_error() -> None:
    long = "n" * 60
    text = flow(
        f"""\
    {long}:
      say: [Hello.]
      choices:
        - {{label: Bye, to: end}}
    """,
        start=long,
    )
    assert errors(demo=text) == [
        f"demo.yaml:8: button id 'demo.{long}.1' is 67 bytes; Telegram takes at most 64: use a "
        "shorter node or flow id"
    ]


def test_a_forbidden_phrase_is_found_whole_word_and_any_case() -> None:
    text = GOOD.replace("Bye for now.", "No Clean Streak here.")
    found = [str(p) for p in problems(demo=text, forbidden=("clean streak", "bye"))]
    assert found == [
        f"demo.yaml:{line_of(text, 'Clean Streak')}: 'clean streak' must not be used "
        "(SAFE_MESSAGING.md); please reword"
    ]


def test_a_forbidden_phrase_inside_a_longer_word_is_fine() -> None:
    assert problems(demo=GOOD, forbidden=("her",)) == []


def test_more_than_three_bubbles_is_an_error() -> None:
    text = GOOD.replace("[Bye for now.]", "[One., Two., Three., Four.]")
    assert errors(demo=text) == [f"demo.yaml:{line_of(text, 'Four')}: 4 bubbles; at most 3 a node"]


def test_an_action_not_on_the_list_is_an_error() -> None:
    text = GOOD.replace("  end: true", "  end: true\n    do:\n      - call: police")
    assert errors(demo=text) == [
        f"demo.yaml:{line_of(text, 'call: police')}: nodes.b.do.0.call: 'call' is not an action "
        "Waypoint knows (show, lines, keep, schedule_checkback, open, consent, forget, drop, copy, "
        "record)"
    ]


def test_hard_reading_is_a_warning_not_an_error() -> None:
    hard = (
        "Institutional considerations notwithstanding, comprehensive psychological "
        "interventions necessitate individualised collaborative formulation."
    )
    text = GOOD.replace("Bye for now.", hard)
    found = problems(demo=text)
    assert [p.severity for p in found] == ["warning"]
    assert str(found[0]).startswith("demo.yaml:1: warning: reading level is grade ")


def test_a_branch_needs_else_last_and_known_facts_and_vars() -> None:
    text = flow("""\
    a:
      branch:
        - else: b
        - {if: {fact: rich, is: true}, to: b}
        - {if: {var: never_set, at_least: 1}, to: b}
        - {if: {fact: consent, is: yes}, to: b}
    b:
      say: [Bye.]
      end: true
    """)
    assert errors(demo=text) == [
        "demo.yaml:9: a branch needs an `else` as its last arm",
        "demo.yaml:10: `else` must come last",
        "demo.yaml:11: unknown fact 'rich' "
        "(facts: consent, country_set, checkins_on, asked_about_suicide)",
        "demo.yaml:12: var 'never_set' is never set by an ask or scale",
        "demo.yaml:13: fact 'consent' is true or false, not 'yes'",
    ]


def test_yes_and_no_are_words_not_booleans() -> None:
    text = GOOD.replace("{label: Go on, to: b}", "{label: Go on, synonyms: [yes, no, 15], to: b}")
    assert problems(demo=text) == []


def test_a_yaml_syntax_error_names_its_line() -> None:
    found = errors(demo=GOOD + "  c: [unclosed\n")
    assert found[0].startswith("demo.yaml:")
    assert "not valid YAML" in found[0]


def test_load_library_raises_flow_error_with_every_problem(tmp_path: Path) -> None:
    (tmp_path / "fields.yaml").write_text(FIELDS)
    (tmp_path / "topics.yaml").write_text(TOPICS)
    (tmp_path / "demo.yaml").write_text(GOOD.replace("to: b}", "to: nowhere}"))
    with pytest.raises(FlowError) as caught:
        load_library(tmp_path)
    assert str(caught.value).startswith("demo.yaml:11: target 'nowhere' does not resolve")


def test_load_library_returns_flows_despite_warnings(tmp_path: Path) -> None:
    (tmp_path / "fields.yaml").write_text(FIELDS)
    (tmp_path / "topics.yaml").write_text(TOPICS)
    hard = "Comprehensive psychological interventions necessitate individualised formulation."
    (tmp_path / "demo.yaml").write_text(GOOD.replace("Bye for now.", hard))
    library = load_library(tmp_path)
    assert sorted(library.flows) == ["demo", "topics"]


def test_a_synonym_shared_by_two_choices_is_a_warning() -> None:
    text = GOOD.replace("{label: Menu, to: topics}", "{label: Menu, synonyms: [go on], to: topics}")
    assert [str(p) for p in problems(demo=text)] == [
        f"demo.yaml:{line_of(text, 'synonyms')}: warning: 'go on' belongs to two choices here, "
        "so typing it only asks again"
    ]
