"""The core's own questions as a pure state machine (bot/core/questions.py): plain values
in, plain values out, no database (like h11's tests/test_state.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import safety
from bot.core import questions as q
from bot.core.question_codec import dump_episode, dump_question, load_episode, load_question
from bot.core.yes_no import Said

NOW = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)


def risk(tier: safety.Tier, *kinds: str, someone_else: bool = False) -> safety.Assessment:
    return safety.Assessment(
        tier=tier,
        kinds=frozenset(kinds),
        matched=(),
        about_someone_else=someone_else,
        immediate=tier is safety.Tier.CRISIS,
    )


HOPELESS = risk(safety.Tier.CONCERN, "hopelessness")
URGE = risk(safety.Tier.CONCERN, "urge")
CRISIS = risk(safety.Tier.CRISIS, "ideation")


def run(*events: q.Event, state: q.State | None = None) -> list[q.Outcome]:
    outcomes, state = [], state or q.State()
    for event in events:
        outcome = q.step(state, event)
        outcomes.append(outcome)
        state = outcome.state
    return outcomes


def test_worried_words_that_could_hide_suicide_ask_about_it_once() -> None:
    first = q.step(q.State(), q.Concern(NOW, HOPELESS))

    assert first.say == (q.ConcernWords(HOPELESS, time=0, ask=True), q.SuicideQuestion())
    assert first.state.question == q.AskedSuicide()
    assert first.effects == (q.Count("concern"),)


def test_after_a_no_more_worried_words_are_not_asked_about_again_this_episode() -> None:
    *_, last = run(
        q.Concern(NOW, HOPELESS),
        q.Answered(NOW + timedelta(minutes=1), Said.NO),
        q.Concern(NOW + timedelta(minutes=2), HOPELESS),
        q.Concern(NOW + timedelta(minutes=3), HOPELESS),
    )

    assert last.say == (q.ConcernWords(HOPELESS, time=2),)  # short, and a different one
    assert not any(isinstance(said, q.SuicideQuestion) for said in last.say)


def test_a_new_episode_after_a_quiet_spell_asks_again() -> None:
    later = NOW + q.EPISODE_QUIET + timedelta(minutes=5)
    *_, last = run(q.Concern(NOW, HOPELESS), q.Answered(NOW, Said.NO), q.Concern(later, HOPELESS))

    assert q.SuicideQuestion() in last.say


def test_a_flows_suicide_question_counts_for_the_episode() -> None:
    *_, last = run(
        q.FlowAsked(NOW, "suicide"),
        q.FlowAnswered(NOW, "suicide", "no"),
        q.Concern(NOW + timedelta(minutes=2), HOPELESS),
    )

    assert last.say == (q.ConcernWords(HOPELESS, time=0),)


def test_a_crisis_always_interrupts_and_asks_if_they_are_safe() -> None:
    for question in (q.Nothing(), q.AskedSuicide(), q.AskedSafe(), q.AskedDelete()):
        outcome = q.step(q.State(question), q.Crisis(NOW, CRISIS))
        assert outcome.say == (q.CrisisLines(CRISIS),)
        assert outcome.state.question == q.AskedSafe()


def test_a_no_to_are_you_safe_gets_the_emergency_number_first() -> None:
    outcome = q.step(q.State(q.AskedSafe()), q.Answered(NOW, Said.NO))

    assert outcome.say == (q.NotSafeLines(),) and outcome.state.question == q.AskedSafe()


def test_a_no_that_goes_on_with_worried_words_to_the_suicide_question_is_heard_gently() -> None:
    outcome = q.step(q.State(q.AskedSuicide()), q.Concern(NOW, HOPELESS, Said.NO_AND_MORE))

    assert outcome.say == (q.AnsweredSuicide("no", more=True),)
    assert outcome.state.episode.suicide_said == "no"


def test_a_no_that_goes_on_with_nothing_worrying_is_only_thanked() -> None:
    # "no?? i'm fine lol i'm literally just making a list": no lecture about feelings
    outcome = q.step(q.State(q.AskedSuicide()), q.Answered(NOW, Said.NO_AND_MORE))

    assert outcome.say == (q.AnsweredSuicide("no"),)


def test_yes_im_safe_after_something_swallowed_is_never_glad_youre_safe() -> None:
    *_, last = run(
        q.FlowAsked(NOW, "swallowed"),
        q.FlowAnswered(NOW, "swallowed", "yes"),
        q.Sos(NOW),
        q.Answered(NOW, Said.YES),
    )

    assert last.say == (q.SafeNow(swallowed=True),)


def test_a_yes_to_the_suicide_question_gets_the_lines_and_is_remembered() -> None:
    *_, yes, again = run(q.Concern(NOW, HOPELESS), q.Tapped(NOW, "yes"), q.Concern(NOW, HOPELESS))

    assert yes.say == (q.CrisisLines(q.SAID_YES),)
    assert not any(isinstance(said, q.SuicideQuestion) for said in again.say)


def test_text_that_is_no_answer_is_not_met_with_the_question_again() -> None:
    outcome = q.step(q.State(q.AskedSuicide()), q.Unread(NOW))

    assert outcome.passed and outcome.say == ()
    assert outcome.state.question == q.AskedSuicide(again=True)  # a yes next still counts


def test_someone_elses_crisis_gets_their_lines_and_closes_the_writers_question() -> None:
    theirs = risk(safety.Tier.CRISIS, "ideation", someone_else=True)
    outcome = q.step(q.State(q.AskedSuicide()), q.Crisis(NOW, theirs))

    assert outcome.say == (q.CrisisLines(theirs),) and outcome.state.question == q.Nothing()


def test_other_taps_close_the_question_but_more_help_keeps_are_you_safe() -> None:
    assert q.step(q.State(q.AskedSafe()), q.Moved(NOW)).state.question == q.Nothing()
    kept = q.step(q.State(q.AskedSafe()), q.Moved(NOW, keep_safe=True))
    assert kept.state.question == q.AskedSafe()


def test_the_context_for_safety_says_what_was_just_asked() -> None:
    [asked] = run(q.FlowAsked(NOW, "swallowed"))
    assert q.context_of(asked.state)[0] == frozenset({"swallowed"})
    later = q.step(asked.state, q.Unread(NOW))
    assert q.context_of(later.state)[0] == frozenset()


def test_the_old_free_strings_are_read_as_typed_questions() -> None:
    assert load_question("suicide") == q.AskedSuicide()
    assert load_question("suicide:again") == q.AskedSuicide(again=True)
    assert load_question("safe") == q.AskedSafe()
    assert load_question("delete") == q.AskedDelete()
    assert load_question("time:d") == q.AskedTime("d")
    assert load_question("zone:d:1900") == q.AskedZone("d", "1900")
    assert load_question("suicide:answered") == q.Nothing()
    assert load_question("nonsense") == q.Nothing()


def test_questions_and_episodes_keep_through_json() -> None:
    offered = (("Keep talking with me", "!2:keep"),)
    for question in (q.AskedSafe(offered), q.AskedZone("d", "1900"), q.AskedCountry()):
        assert load_question(dump_question(question)) == question
    *_, last = run(q.Concern(NOW, HOPELESS), q.Answered(NOW, Said.NO))
    assert load_episode(dump_episode(last.state.episode)) == last.state.episode
    assert dump_question(q.Nothing()) is None and load_episode("{broken") == q.Episode()
