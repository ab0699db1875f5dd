"""What the flows must say (issue 20): lapse care, kind words, parents, abuse lines, and that
each newer part can be reached from the topics menu by typing, as a person would."""

from __future__ import annotations

import re

import pytest

from dialogues import TOPICS, Effect, Facts, Step, Typed, start, step
from tests.fakes import FakeChat, shipped_library

LIBRARY = shipped_library()
CONSENTED = Facts(flags={"consent": True, "country_set": True})


def typing(*said: str, at: str = TOPICS, facts: Facts = CONSENTED) -> Step:
    """Start at `at` and type each of `said` in turn; the last step."""
    result = start(LIBRARY, at, facts=facts)
    for text in said:
        assert result.state is not None, f"the conversation rested before {text!r}"
        result = step(LIBRARY, result.state, Typed(text), facts=facts)
    return result


def where(result: Step) -> str:
    assert result.state is not None
    return f"{result.state['flow']}:{result.state['node']}"


def said(result: Step) -> str:
    return "\n".join(m.text for m in result.messages)


def test_the_lapse_path_asks_first_whether_anything_was_swallowed() -> None:
    result = typing("I did it again")
    assert "swallow anything" in said(result)


@pytest.mark.parametrize("answer", ["yes", "not sure"])
def test_anything_swallowed_means_medical_help_now_even_feeling_fine(answer: str) -> None:
    result = typing("I did it again", answer)
    assert "even if you feel fine" in said(result)
    assert Effect("show", {"field": "crisis_lines"}) in result.effects
    fine = typing("I did it again", answer, "i feel fine")
    assert "please still go now" in said(fine)
    assert "glad" not in said(fine).lower()


def test_an_injury_red_flag_means_emergency_help_and_the_lines() -> None:
    result = typing("I did it again", "no", "yes")
    assert "emergency help now" in said(result)
    assert Effect("show", {"field": "crisis_lines"}) in result.effects


def test_no_red_flag_still_means_care_today_and_first_aid() -> None:
    result = typing("I did it again", "no", "none of it")
    assert "today" in said(result)
    aid = typing("I did it again", "no", "none of it", "first aid")
    assert "cool running water for 20 minutes" in said(aid)


@pytest.mark.parametrize("fear", ["I'm scared they'll judge me", "embarrassed", "judged"])
@pytest.mark.parametrize(
    "path", [("yes",), ("no", "yes"), ("no", "none of it"), ("no", "not sure")]
)
def test_scared_of_being_judged_can_be_typed_and_is_answered(
    path: tuple[str, ...], fear: str
) -> None:
    result = typing("I did it again", *path, fear)
    assert where(result) == "realistic_expectations:scared"
    assert "right to be treated with care and respect" in said(result)
    assert "not to judge" not in said(result)


def test_no_flow_gives_one_countrys_number_as_an_example_for_everyone() -> None:
    # "like 111 in the UK" reached a person in New Zealand, where 111 is the emergency
    # number (c5-11): numbers come from the person's own country's lines, never the flows.
    for flow in LIBRARY.flows.values():
        for node in flow.nodes.values():
            for bubble in node.say:
                assert not re.search(r"\b\d{3,}\b[^.]*\bin the (?:UK|US|USA)\b", bubble), flow.id


def test_no_flow_promises_that_staff_will_not_judge() -> None:
    for flow in LIBRARY.flows.values():
        for node in flow.nodes.values():
            for bubble in node.say:
                assert "not to judge" not in bubble, flow.id
                assert "won't judge" not in bubble, flow.id


def test_after_a_breach_of_trust_telling_offers_repair_not_first_words() -> None:
    result = typing("they told other people", "what could i say to them", at="telling:found_out")
    assert where(result) == "telling:repair"
    assert "I felt hurt" in said(result)
    assert "I'm telling you because I trust you" not in said(result)


async def test_a_flow_can_show_the_countrys_lines_of_a_kind(chat: FakeChat) -> None:
    await chat.press("!country:GB")
    await chat.press("!go:adversities:abuse")

    assert "Childline" in chat.text()
    assert "National Domestic Abuse Helpline" in chat.text()
    assert chat.text().index("999") < chat.text().index("Childline")


async def test_without_a_line_of_that_kind_the_general_lines_are_shown(chat: FakeChat) -> None:
    await chat.press("!country:IE")
    await chat.press("!go:adversities:abuse")

    assert "I don't know of a line just for this in Ireland" in chat.text()
    assert "Samaritans" in chat.text()


@pytest.mark.parametrize("typed", ["you're pathetic", "stop being stupid", "I hate myself"])
def test_harsh_words_for_a_friend_are_named_gently_never_praised(typed: str) -> None:
    result = typing(typed, at="self_acceptance:friend")
    assert "caring words" not in said(result)
    assert "sound harsh" in said(result)
    assert "kinder version" in said(result)


@pytest.mark.parametrize("typed", ["go for a walk", "asdf", "whatever"])
def test_words_it_cannot_read_are_never_praised(typed: str) -> None:
    result = typing(typed, at="self_acceptance:friend")
    assert "caring words" not in said(result)
    assert "good words" not in said(result)


@pytest.mark.parametrize("typed", ["it's not your fault, I'm here", "you're not a failure"])
def test_kind_words_for_a_friend_are_reflected(typed: str) -> None:
    assert "caring words" in said(typing(typed, at="self_acceptance:friend"))


def test_harsh_words_are_not_kept_as_kind_words() -> None:
    result = typing("I'm a useless failure", at="self_acceptance:kind_own")
    assert not [e for e in result.effects if e.action == "save"]
    assert "kinder version" in said(result)
    kept = typing("I'm doing what I can", at="self_acceptance:kind_own")
    assert Effect("save", {"field": "kind_words", "value": "I'm doing what I can"}) in kept.effects


def test_a_parent_can_type_their_way_to_the_parent_path() -> None:
    result = typing("me and other people", "my child", "no", "I'm their parent")
    assert where(result) == "someone_else:parent"
    assert "usually not a suicide attempt" in said(result)


def test_a_parent_is_told_to_check_injuries_and_make_home_safer() -> None:
    injury = typing("checking an injury", at="someone_else:parent")
    assert "check whether an injury needs care" in said(injury)
    assert "swallowed anything, even if they seem fine" in said(injury)
    safer = typing("making home safer", at="someone_else:parent")
    assert "medicines" in said(safer) and "sharp" in said(safer)
    calm = typing("how to talk with them", at="someone_else:parent")
    assert "Don't punish" in said(calm) and "promise" in said(calm)


def test_a_parent_gets_the_parent_lines_and_the_gp_school_and_services() -> None:
    result = typing("who can help", at="someone_else:parent")
    assert Effect("lines", {"kinds": "parents,crisis"}) in result.effects
    for who in ("GP", "school", "children and young people"):
        assert who in said(result)


def test_signs_of_self_injury_are_kept_apart_from_warning_signs_of_suicide() -> None:
    for at in ("someone_else:notice", "someone_else:parent_signs"):
        first, *_rest = start(LIBRARY, at, facts=CONSENTED).messages
        assert "suicide" not in first.text.lower()
    assert "not a suicide attempt" in said(start(LIBRARY, "someone_else:notice", facts=CONSENTED))


@pytest.mark.parametrize(
    ("said_in_turn", "node"),
    [
        (("I did it again", "yes"), "realistic_expectations:swallowed_after"),
        (("I did it again", "no", "no", "first aid"), "realistic_expectations:first_aid"),
        (("me and other people", "worried about someone", "no", "parent"), "someone_else:parent"),
        (("getting better", "part of me doesn't want to stop", "both sides"), "ambivalence:gives"),
        (("getting better", "mixed feelings", "why"), "ambivalence:normal"),
        (("me and other people", "online", "before i post"), "chatsafe:post"),
        (("me and other people", "social media", "someone posted"), "chatsafe:worried"),
        (("urge", "6", "something to do", "comfort", "5"), "urges:timer5"),
        (("urge", "6", "activity", "let it out", "15 minutes", "done"), "urges:rerate"),
        (("me and other people", "scars", "accept"), "scars:accept"),
        (("me and other people", "scars", "brings up urges"), "scars:trigger"),
        (("me and other people", "scars", "partner"), "scars:intimacy"),
        (("me and other people", "underneath", "stress", "work through"), "adversities:solve"),
        (("me and other people", "telling", "found out", "told others", "say"), "telling:repair"),
        (
            ("me and other people", "kinder", "friend", "you're so pathetic"),
            "self_acceptance:friend_harsh",
        ),
    ],
)
def test_each_new_part_can_be_reached_from_the_topics_menu_by_typing(
    said_in_turn: tuple[str, ...], node: str
) -> None:
    assert where(typing(*said_in_turn)) == node


def test_the_urge_timer_schedules_a_check_back_and_rerates_after() -> None:
    five = typing("5 minutes", at="urges:act_comfort")
    assert Effect("schedule_checkback", {"minutes": 5}) in five.effects
    fifteen = typing("15", at="urges:act_release")
    assert Effect("schedule_checkback", {"minutes": 15}) in fifteen.effects
    strong = typing("I'm done", "9", at="urges:timer5")
    assert where(strong) == "urges:still_strong"
    assert "Try another thing to do" in [b.label for m in strong.messages for b in m.buttons]


@pytest.mark.parametrize(
    ("typed", "node"),
    [
        ("my stepdad hits me", "adversities:abuse_after"),
        ("everyone at school bullies me", "adversities:bullying"),
        ("my nan died last month", "adversities:loss"),
        ("i got kicked out", "adversities:housing"),
        ("can't stop thinking about it", "adversities:other_thanks"),
    ],
)
def test_what_is_typed_about_what_is_underneath_is_read(typed: str, node: str) -> None:
    assert where(typing(typed, at="adversities:other")) == node
