"""Long messages: a dark phrase explained in its own sentence, and risk elsewhere still counting.

People write to the bot as to an assistant, several topics in one message. A past long over,
a subject studied, a story or a joke explains only the risk words of its own sentence (the
past: its own clauses); any other sentence's risk still counts (docs/safety.md, 2026-12-08).
"""

from __future__ import annotations

import pytest

from safety import Tier, assess
from safety.detect import first_layer
from safety.lexicon import compile_lexicon, lexicon
from safety.sources import load_data


@pytest.mark.parametrize(
    "text",
    [
        # the past, long over, with present-tense talk in the other sentences
        "I made an attempt on my life when I was nineteen. I'm forty-one now and I've been well"
        " for decades, and my nephew asked me about it at dinner last night, so I told him the"
        " whole story and he listened.",
        "Back in 1987 when we nearly lost the farm I tried to end it. Marg got me through and I've"
        " been well ever since. I'm writing because my grandson wants to know how to talk to his"
        " mate who is struggling at the moment.",
        "I made an attempt at nineteen; I'm forty-one now, well for decades, and my son asked me"
        " about it, so I told him.",
        "When I was sixteen I took an overdose after my parents split. These days I run a bakery"
        " with my sister, we've just opened a second shop, and I wanted to ask how to word a"
        " little sign about mental health for the counter.",
    ],
)
def test_a_past_long_over_is_explained_in_its_own_sentence(text: str) -> None:
    # the lexicon drops its words; the model then reads the message as any text without
    # risk words, at its usual thresholds (it may still find a crisis there)
    found, settled = first_layer(text)
    assert (found.tier, settled) == (Tier.NONE, "")


@pytest.mark.parametrize(
    "text",
    [
        "When I was sixteen I tried to kill myself and tonight I want to do it again, I have been"
        " thinking about it all day and I don't know what to do.",
        # the past's own sentence is over; the next one is not (the model reads it)
        "Years ago I overdosed and survived. I bought paracetamol and I keep staring at it.",
        "When I was sixteen I took an overdose after my parents split. I've been fine for years"
        " but last night I bought two boxes of paracetamol and I keep thinking about doing it"
        " again.",
    ],
)
def test_present_risk_beside_the_past_still_counts(text: str) -> None:
    assert assess(text).tier is Tier.CRISIS


def test_years_since_the_last_time_is_over_and_days_are_not() -> None:
    over = (
        "It's been over two years since I last hurt myself and I barely noticed the date. I'm"
        " doing my exams and working at the bakery on Saturdays."
    )
    assert assess(over).tier is Tier.NONE
    days = "It's been two days since I last hurt myself and the urge is really strong tonight."
    assert assess(days).tier is not Tier.NONE


def test_a_past_compared_with_now_is_no_past() -> None:
    # "the way i did when i was a teenager": the wish is now
    assert assess("I want to hurt myself the way I did when I was a teenager.").tier is not (
        Tier.NONE
    )


def test_someone_elses_past_is_the_writers_worry_now() -> None:
    text = "my cousin told me she used to hurt herself, im like worried"
    assert assess(text).tier is not Tier.NONE


@pytest.mark.parametrize(
    "text",
    [
        "Why are suicide attempts more common in teenage girls while more men die by suicide?"
        " I'm writing a report for my nursing course and need two sources.",
        "What does NSSI stand for and how is it different from a suicide attempt? Our lecturer"
        " kept using the word and I was too shy to ask in class.",
    ],
)
def test_a_subject_asked_about_is_not_a_crisis(text: str) -> None:
    assert assess(text).tier is Tier.NONE


def test_a_subject_explains_the_urges_of_people_in_general_not_a_friends() -> None:
    text = (
        "Why do young people cut themselves? I don't understand it and I want to, because my"
        " granddaughter says some girls at her school do it."
    )
    assert assess(text).tier is Tier.NONE
    friend = "how do i help my friend he keep hurtin himself when his parents fight"
    assert assess(friend).tier is not Tier.NONE


def test_a_topic_never_explains_the_writers_own_words() -> None:
    text = (
        "For my essay on Hamlet I have to write about the speech, and honestly I want to die, I"
        " can't do this anymore and I don't see the point of anything."
    )
    assert assess(text).tier is Tier.CRISIS


def test_a_means_question_for_a_story_is_still_a_crisis() -> None:
    text = "i'm writing a novel, how would my character kill herself without pain"
    assert assess(text).tier is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "We watched a film last night where the main character took his own life at the end,"
        " and my daughter asked me why he did it. I didn't know what to say to her. Can you"
        " suggest a gentle way to talk about it with a twelve year old?",
        "In the series finale the detective's partner bled out in the car park, and I cried for"
        " an hour. Is there a season three coming, or did they end it there? I need something"
        " to fill my Sunday nights now.",
    ],
)
def test_a_story_explains_its_characters(text: str) -> None:
    assert assess(text).tier is Tier.NONE


def test_a_story_that_moves_the_writer_to_it_is_theirs() -> None:
    text = (
        "The film last night was about a man who took his own life and honestly it made me want"
        " to kill myself too, I've been feeling like that for weeks."
    )
    assert assess(text).tier is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "If I hear that song one more time at work I'll throw myself off the roof. The manager"
        " plays it on loop all day and the regulars have started singing along, help me write"
        " a polite note asking for a new playlist.",
        'I said "I want to die" as a joke when my sister showed me her haircut, and now she'
        " won't talk to me, how do I apologise?",
    ],
)
def test_hyperbole_and_jokes_are_explained(text: str) -> None:
    found, settled = first_layer(text)
    assert (found.tier, settled) == (Tier.NONE, "")


@pytest.mark.parametrize(
    "text",
    [
        "kms lol jk... unless",  # a hedge after the joke takes it back
        "I'm not joking, I want to die. I've been like this for weeks and nothing helps.",
        "my friend keeps joking about wanting to kill himself and I don't know if he means it.",
    ],
)
def test_a_joke_taken_back_or_someone_elses_is_no_joke(text: str) -> None:
    assert assess(text).tier is Tier.CRISIS


def test_read_words_never_join_the_vocabulary() -> None:
    # "perro" is read "pero" whether or not "pero" begins a clause (the model's tokens stay)
    data = load_data()
    assert "pero" in data["read_words"]["clause_starts"]
    without = {key: value for key, value in data.items() if key != "read_words"}
    assert compile_lexicon(without).normaliser.tokens("perro") == lexicon().normaliser.tokens(
        "perro"
    )
    assert "clause_starts" in lexicon().words
