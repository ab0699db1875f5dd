"""Literal and property tests for safety.assess: every rule in the detector's brief."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety import Assessment, Tier, assess
from safety.detect import first_layer
from safety.lexicon import lexicon

CRISIS_PHRASES = [
    "i want to die",
    "i'm going to kill myself",
    "everyone would be better off without me",
    "how many pills would it take",
    "i took too many pills",
    "it won't stop bleeding",
    "he hits me",
    "i wrote my note",
]


# Kept, and expected to pass again: the model trained on the 2026-12 corpus raises these.
KNOWN_FALSE_ALARM = pytest.mark.xfail(
    strict=True, reason="a false alarm of the corpus-trained model (docs/safety.md, known misses)"
)


def tier(text: str) -> Tier:
    return assess(text).tier


@pytest.mark.parametrize(
    "text",
    [
        "I really just want to die",
        "i wanna kms",
        "k i l l myself",
        "k.i.l.l myself",
        "i want to k i l l m y s e l f",
        "k1ll myself",
        "i want to d!e",
        "$uicide",
        "su1c1de",
        "i want to diiiiie",
        "I WANT TO DIE",
        "i want to d\u200bi\u200be",
        "і want to dіe",  # Cyrillic і
        "ｉ ｗａｎｔ ｔｏ ｄｉｅ",  # full-width
        "i want to kil myself",
        "i want to kill myslef",
        "i want to kiII myself",
        "sucide",
        "sui cide is all i think about",
        "thinking about sewerslide",
        "i want to unalive myself",
        "ctb tonight",
        "i want 2 die",
        "im gonna end it tonite",
        "i don't wanna be alive anymore",
    ],
)
def test_normalisation_tricks_still_find_crisis(text: str) -> None:
    assert tier(text) is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "don't want to be here anymore",
        "everyone would be better off without me",
        "i'm giving my things away",
        "this is goodbye",
        "i wrote my note",
        "i can't go on",
        "there's no reason to live",
        "i just want to end it all",
        pytest.param(
            "i feel like such a burden",
            marks=pytest.mark.xfail(strict=True, reason="concern since the retrain (docs: safety)"),
        ),
        "nobody would notice if i was gone",
        "had a nice last dinner with my family. they dont know its the last",
        "nobody knows this is the last time",
    ],
)
def test_implicit_phrasings_are_crisis(text: str) -> None:
    assert tier(text) is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "killing it at work today",
        "i'm dying to see you",
        "i cut the onions",
        "just killing time before my bus",
        "my battery died",
        "this cake is to die for",
        "i'm dead tired",
        "this traffic is killing me",
        "i want to cut my hair short",
        "i died in minecraft again",
        "suicide squad was mid",
        "hi",
        "im ok today",
        "my scars are itchy",
        "i want to tell my mum",
        "i used my toolbox and it helped",
    ],
)
def test_idioms_and_everyday_messages_raise_no_alarm(text: str) -> None:
    assert assess(text) == Assessment(Tier.NONE, frozenset(), (), False, False)


@pytest.mark.parametrize("text", ["i wnat to dye tonigth", "i want to dye", "i just wanna dye"])
def test_dye_for_die_without_anything_to_dye_is_crisis(text: str) -> None:
    assert tier(text) is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    ["doing it tonight", "tonight im doing it", "gonna do it tonight", "i want to do it right now"],
)
def test_doing_it_now_is_crisis_in_either_order(text: str) -> None:
    assert tier(text) is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "Nein, an Suizid denke ich nicht",
        "ich denke nicht an Suizid",
        "Nee, keine Suizidgedanken",
        "No, non penso al suicidio",
        "Non ho pensieri di morte, glielo assicuro",
        "no estoy pensando en el suicidio",
        "não penso em suicídio",
        "não tenho pensamentos de morte",
    ],
)
def test_not_thinking_of_suicide_said_in_other_languages_is_no_crisis(text: str) -> None:
    # c9-06: a Viennese answered "are you thinking about suicide?" in German and got the lines
    assert tier(text) is not Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "penso al suicidio ogni giorno",
        "penso sempre al suicidio",
        "ho pensieri di morte",
        "só penso em morrer",
        "penso em morrer todo dia",
        "ich denke nicht an Suizid, aber ich will sterben",
        "non penso al suicidio ma voglio morire",
    ],
)
def test_thinking_of_suicide_often_is_crisis_in_other_languages(text: str) -> None:
    assert tier(text) is Tier.CRISIS


def test_trying_the_check_in_today_is_not_doing_it_today() -> None:
    # c9-07: a person trying "How am I doing today?" got the crisis reply ("doing ... it ...
    # today" read in any order).
    text = "how am i doing today - let's try it so i know what the evening one is like"
    assert tier(text) is not Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "i want to dye my hair tonight",
        "want to dye it blue today",
        "i wish i could dye my hair",
        "i dont know its the last episode",
        "my mum doesnt know it was the last one in the box",
    ],
)
def test_dyeing_things_and_last_things_raise_no_alarm(text: str) -> None:
    assert assess(text) == Assessment(Tier.NONE, frozenset(), (), False, False)


@pytest.mark.parametrize(
    "text",
    [
        "this traffic is killing me and honestly i want to kill myself",
        "killing it at work but i still want to die",
        "i cut the onions and then i cut my wrists",
        "my battery died. i'm going to end it tonight",
    ],
)
def test_an_idiom_never_hides_a_real_risk_phrase(text: str) -> None:
    assert tier(text) is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "i'm not going to kill myself... probably",
        "i won't kill myself, not today anyway",
        "probably not going to do it tonight but i want to die",
        "i don't think i'll kill myself but idk",
        "i'm not going to do it yet",
        "i won't kill myself tonight",
        "she is not in danger right now",
    ],
)
def test_hedged_denials_stay_crisis(text: str) -> None:
    assert tier(text) is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "shes not in danger i just dont know what to say to her",
        "No, he is not in immediate danger as far as I can tell. He is at school today.",
        "he is not in danger, i'm not sure what he needs from me",
        "i'm not going to hurt myself. i just don't know why i feel like this",
    ],
)
def test_not_knowing_what_to_say_or_do_is_no_hedge_on_a_denial(text: str) -> None:
    assert tier(text) is not Tier.CRISIS


def test_a_clear_denial_with_distress_is_concern() -> None:
    result = assess("i'm not going to kill myself but i feel awful and alone")
    assert result.tier is Tier.CONCERN
    assert "ideation" in result.kinds


@pytest.mark.parametrize(
    "text",
    [
        "i'm not in danger, but i did cut last week and nobody knows",
        "my sister used to cut and she started again, she says she is not in danger. "
        "how do i help her",
    ],
)
def test_a_denial_settles_the_crisis_words_not_the_concern_the_model_reads(text: str) -> None:
    # rule 6: the model may raise a denied message to concern (never to crisis: 0.98 aside)
    assert tier(text) is Tier.CONCERN


def test_a_clear_denial_alone_raises_no_alarm() -> None:
    assert tier("i'm not suicidal, i just wanted to chat") is Tier.NONE


def test_no_before_a_first_person_phrase_is_not_a_denial() -> None:
    assert tier("no, i want to die") is Tier.CRISIS
    assert tier("i'm not ok i want to die") is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "my friend says she wants to die",
        "my friend told me he wants to kill himself",
        "i think my sister is suicidal",
        "someone in my class said they want to kill themselves",
    ],
)
def test_third_person_is_crisis_about_someone_else(text: str) -> None:
    result = assess(text)
    assert result.tier is Tier.CRISIS
    assert result.about_someone_else


def test_the_writers_own_risk_wins_over_someone_elses() -> None:
    result = assess("my friend wants to die and honestly so do i, i want to die too")
    assert result.tier is Tier.CRISIS
    assert not result.about_someone_else


def test_abuse_against_the_writer_is_never_about_someone_else() -> None:
    result = assess("my dad hits me")
    assert result.tier is Tier.CRISIS and result.immediate
    assert not result.about_someone_else
    assert "abuse" in result.kinds


@pytest.mark.parametrize(
    "text",
    [
        "what's the most painful way to die",
        "how many pills would it take",
        "how deep do i have to cut",
        "which bridge is high enough",
        "for a story, what's the quickest way to kill yourself",
        "hypothetically how many sleeping pills would kill you",
        "asking for research: what is a lethal dose of paracetamol",
        "writing a book where the character wants the fastest way to die, what is it",
    ],
)
def test_means_seeking_is_immediate_crisis_even_as_fiction(text: str) -> None:
    result = assess(text)
    assert result.tier is Tier.CRISIS
    assert "means_seeking" in result.kinds
    assert result.immediate
    assert not result.about_someone_else


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i'm bleeding a lot", "injury"),
        ("i cut too deep", "injury"),
        ("i took too many pills", "overdose"),
        ("i just took like 30 pills", "overdose"),
        ("i'm not safe at home", "abuse"),
        ("i'm going to kill myself tonight", "intent"),
        ("this is goodbye", "preparation"),
    ],
)
def test_immediate_danger_leads_with_the_emergency_number(text: str, kind: str) -> None:
    result = assess(text)
    assert result.tier is Tier.CRISIS
    assert kind in result.kinds
    assert result.immediate


@pytest.mark.parametrize(
    "text",
    [
        "I did it again last night and I just want to die",  # the lexicon's crisis
        "i cut myself and i want to die",
        "i just cut and i want to die",
        "I cut myself last night, it was deep",  # the learned second opinion's
    ],
)
def test_a_crisis_message_telling_of_self_injury_just_done_is_immediate(text: str) -> None:
    # The injury may need care now: the reply leads with "in danger or hurt right now".
    result = assess(text)
    assert result.tier is Tier.CRISIS and result.kinds & {"lapse", "urge"}
    assert result.immediate


@pytest.mark.parametrize(
    "text",
    [
        "i don't feel safe",
        "I'm not safe",
        "No, I'm not safe",  # the "no" is no denial here
        "i feel unsafe",
        "I'm in danger",
        "im not safe tonight",
    ],
)
def test_not_feeling_safe_is_an_immediate_crisis(text: str) -> None:
    # SAFE_MESSAGING.md: being unsafe is a crisis; and the answer to "are you safe right now?"
    result = assess(text)
    assert result.tier is Tier.CRISIS and "danger" in result.kinds
    assert result.immediate


@pytest.mark.parametrize(
    "text",
    [
        "i feel safe now",
        "is it safe to eat this",
        "i am safe",
        "i'm not in any danger",
    ],
)
def test_feeling_safe_or_asking_if_something_is_safe_is_not(text: str) -> None:
    assert assess(text).tier is Tier.NONE


def test_denied_danger_beside_an_urge_is_the_urge_concern() -> None:
    # danger denied, like any crisis phrase; the urge beside it is still concern (rule 6)
    assert tier("im not in danger its just the urge") is Tier.CONCERN


def test_someone_elses_self_injury_does_not_make_the_writers_crisis_immediate() -> None:
    result = assess("my friend cut herself again and says she wants to die")
    assert result.about_someone_else and not result.immediate


def test_ideation_without_a_plan_is_not_marked_immediate() -> None:
    result = assess("i wish i was dead")
    assert result.tier is Tier.CRISIS
    assert not result.immediate


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i want to cut", "urge"),
        ("the urge to hurt myself is so strong", "urge"),
        ("i really want to sh", "urge"),
        ("i did it again", "lapse"),
        ("i relapsed", "lapse"),
        ("i cut last night", "lapse"),
        ("i just cut", "lapse"),
        ("i can't do this anymore", "distress"),
        ("nothing will ever get better", "hopelessness"),
    ],
)
def test_urges_lapses_and_distress_are_concern(text: str, kind: str) -> None:
    result = assess(text)
    assert result.tier is Tier.CONCERN
    assert kind in result.kinds


@pytest.mark.parametrize(
    "text",
    ["i didn't cut today", "no urges today", "i resisted the urge to cut", "the urge passed"],
)
def test_wins_over_urges_raise_no_alarm(text: str) -> None:
    assert tier(text) is Tier.NONE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quiero morir", Tier.CRISIS),
        ("me quiero matar", Tier.CRISIS),
        ("quiero cortarme", Tier.CONCERN),
        ("je veux mourir", Tier.CRISIS),
        ("j'ai envie de me couper", Tier.CONCERN),
        ("ich will sterben", Tier.CRISIS),
        ("ich will mich ritzen", Tier.CONCERN),
        ("quero morrer", Tier.CRISIS),
        ("quero me cortar", Tier.CONCERN),
        ("voglio morire", Tier.CRISIS),
        ("voglio tagliarmi", Tier.CONCERN),
        ("mi padre me pega", Tier.CRISIS),
        ("mein vater schlägt mich", Tier.CRISIS),
    ],
)
def test_core_phrases_in_five_other_languages(text: str, expected: Tier) -> None:
    assert tier(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i want to 🔪 myself", Tier.CRISIS),
        ("💊💊💊 i'm done", Tier.CRISIS),
        ("i want to 🪦", Tier.CRISIS),
        ("so sad and alone 😭", Tier.CONCERN),
        ("this meme 😭😭😭", Tier.NONE),
        pytest.param("took my 💊 this morning", Tier.NONE, marks=KNOWN_FALSE_ALARM),
    ],
)
def test_emoji_count_only_beside_words_that_give_them_meaning(text: str, expected: Tier) -> None:
    assert tier(text) is expected


def test_matched_holds_entry_ids_never_the_text() -> None:
    result = assess("i want to die")
    assert result.matched
    assert all("." in entry and " " not in entry for entry in result.matched)


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u200b\u200b"])
def test_empty_text_is_none(text: str) -> None:
    assert tier(text) is Tier.NONE


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=4096))
def test_assess_never_raises_on_any_text(text: str) -> None:
    assert isinstance(assess(text), Assessment)


@pytest.mark.parametrize(
    "text",
    [
        "\ud800 lone surrogate",
        "\x00\x01\x02 want to die \x7f",
        "a" * 4096,
        "k i l l " * 512,
        "🔪" * 4096,
        "a" + "\u0301" * 4095,
        "." * 4096,
    ],
)
def test_assess_survives_hostile_input(text: str) -> None:
    assert isinstance(assess(text), Assessment)


_ZERO_WIDTH = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(CRISIS_PHRASES), st.data())
def test_zero_width_characters_never_hide_a_crisis_phrase(phrase: str, data: st.DataObject) -> None:
    chars = list(phrase)
    for _ in range(data.draw(st.integers(1, 6))):
        chars.insert(data.draw(st.integers(0, len(chars))), data.draw(_ZERO_WIDTH))
    assert tier("".join(chars)) is Tier.CRISIS


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(CRISIS_PHRASES), st.data())
def test_stretched_letters_never_hide_a_crisis_phrase(phrase: str, data: st.DataObject) -> None:
    letters = [i for i, char in enumerate(phrase) if char.isalpha()]
    stretch = set(data.draw(st.lists(st.sampled_from(letters), max_size=3, unique=True)))
    times = data.draw(st.integers(3, 8))
    text = "".join(c * times if i in stretch else c for i, c in enumerate(phrase))
    assert tier(text) is Tier.CRISIS


def test_an_idiom_negated_between_its_own_words_explains_nothing() -> None:
    assert assess("bought some rope today, not for camping").tier is Tier.CRISIS
    assert assess("i bought rope for camping").tier is Tier.NONE
    assert assess("im not killing it at work lol").tier is Tier.NONE


def test_being_in_danger_still_counts_with_a_word_between() -> None:
    assert assess("i am really in danger").tier is Tier.CRISIS


@pytest.mark.parametrize(
    "text", ["Don't keep anything for now.", "nah dont save anything yet", "don't store anything"]
)
def test_declining_to_have_data_kept_is_not_a_hedged_act(text: str) -> None:
    # "do ... anything ... for now" once read as "i won't do anything, for now"
    assert assess(text).tier is Tier.NONE
    assert assess("i won't do anything for now").tier is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "não quero morrer",
        "je ne veux pas mourir",
        "ich will nicht sterben",
        "non voglio morire",
        "no quiero morir",
        "eu não quero me matar",
        "je ne vais pas me suicider",
    ],
)
def test_a_denial_in_five_other_languages_is_a_denial(text: str) -> None:
    # as an answer to the suicide question: "no", not a wish to die
    assert tier(text) is Tier.NONE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("não quero morrer mas não aguento mais", Tier.CONCERN),  # distress beside it
        ("je ne veux pas vivre", Tier.CRISIS),  # not wanting to live is no denial
        ("je ne veux plus vivre", Tier.CRISIS),
        ("ich will nicht mehr leben", Tier.CRISIS),  # "nicht mehr": one negation, the wish
        ("er sagt, er wolle nicht mehr leben", Tier.CRISIS),
        ("non voglio più vivere", Tier.CRISIS),
        ("non, je veux mourir", Tier.CRISIS),  # "non" the answer, then the wish
        ("não, eu quero morrer", Tier.CRISIS),
    ],
)
def test_a_negation_that_is_no_denial_keeps_the_risk(text: str, expected: Tier) -> None:
    assert tier(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "no, I didn't take anything",
        "i have not swallowed anything",
        "non j'ai rien avalé",
        "nein, ich habe nichts genommen",
        "não tomei nada",
        "non ho preso niente",
    ],
)
def test_a_denied_swallow_is_not_a_swallow(text: str) -> None:
    assert tier(text) is Tier.NONE


@pytest.mark.parametrize(
    "text",
    [
        "i haven't taken anything yet",  # a hedge undoes the denial
        "i didn't take anything but i cut myself",  # the other risk still counts
    ],
)
def test_a_denied_swallow_hides_no_other_risk(text: str) -> None:
    assert tier(text) is not Tier.NONE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm scared of how my mum will react", Tier.NONE),  # fear of a reaction
        ("i'm scared of what my parents are going to say", Tier.NONE),
        ("i'm scared of my dad", Tier.CRISIS),  # fear of the person
        ("i'm scared of what my dad will do", Tier.CRISIS),
        ("I'm scared of how my dad will react, he hits me when he's angry", Tier.CRISIS),
    ],
)
def test_fear_of_how_someone_will_react_is_not_abuse(text: str, expected: Tier) -> None:
    assert tier(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we need to cut costs again this year", Tier.NONE),
        ("je me suis coupé en quatre pour ce projet", Tier.NONE),  # bent over backwards
        ("i cut myself and we need to cut costs", Tier.CONCERN),  # the idiom hides no risk
        ("je me suis coupée", Tier.CONCERN),
    ],
)
def test_cutting_costs_or_bending_over_backwards_is_not_self_injury(
    text: str, expected: Tier
) -> None:
    assert tier(text) is expected


def test_fear_of_how_a_thought_feels_is_no_reaction_idiom() -> None:
    # the idiom is fear of someone's reaction; it must not settle the writer's own fear
    _, settled = first_layer("at least you did one cool thing. i'm scared of how normal that feels")
    assert settled == ""


# An answer word followed by a comma, colon, dash or ellipsis is an answer ("are you okay?"
# "no, quiero morir"), not the negation of the wish after it; without the punctuation the
# same words deny ("no quiero morir": "i don't want to die").
ANSWERED = [
    "no, quiero matarme",
    "no, quiero morir",
    "no, me quiero matar",
    "no, me quiero morir",
    "no - quiero morir",
    "no... quiero morir",
    "no: quiero morir",
    "NO, QUIERO MORIR",
    "no. quiero matarme",
    "no sé, quiero morir",
    "no la verdad quiero morir",
    "non, voglio morire",
    "non, mi voglio uccidere",
    "não, quero morrer",
    "nao, quero morrer",
    "não, me quero matar",
    "não, eu quero morrer",
    "nein, ich will sterben",
    "nee, ich will sterben",
    "non, je veux mourir",
    "no, i want to die",
    "nope, i want to die",
    "nah, i want to kill myself",
    "he beat me, want to die",  # a clitic goes only with "no", "non", "não"
    "not me, i want to die",
]
DENIED = [
    "no quiero morir",
    "no quiero matarme",
    "no me quiero morir",
    "no me quiero matar",
    "no, no quiero morir",
    "non voglio morire",
    "non mi voglio uccidere",
    "non, non voglio morire",
    "não quero morrer",
    "nao quero morrer",
    "não me quero matar",
    "não, não quero morrer",
    "nein, ich will nicht sterben",
    "non, je ne veux pas mourir",
    "no, i don't want to die",
]


@pytest.mark.parametrize(
    ("text", "crisis"), [(text, True) for text in ANSWERED] + [(text, False) for text in DENIED]
)
def test_an_answer_word_before_a_comma_is_an_answer_not_a_negation(text: str, crisis: bool) -> None:
    assert (assess(text).tier is Tier.CRISIS) is crisis


@pytest.mark.parametrize(
    "text",
    [
        "mi hija quiere matarse",
        "mi hija quiere suicidarse",
        "mi amiga se quiere suicidar",
        "mi amigo se quiere morir",
        "mia nipote vuole uccidersi",
        "mio figlio vuole morire",
        "meine Tochter will sterben",
        "mein Sohn will sich umbringen",
        "sie will nicht mehr leben",
        "minha filha quer se matar",
        "ela não quer mais viver",
        "mon fils veut mourir",
        "ma fille veut se suicider",
        "no, mi hija quiere morir",
    ],
)
def test_someone_elses_wish_to_die_in_five_other_languages(text: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert found.about_someone_else


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mi hija no quiere morir", Tier.NONE),  # a denial of theirs
        ("il va mourir", Tier.NONE),  # "is going to die": maybe an illness
        ("mi abuela va a morir", Tier.NONE),
        ("lui vuole uccidermi", None),  # the writer is the one in danger, not him
        ("mi hija quiere matarse y yo quiero morir", Tier.CRISIS),  # the writer's own wins
        ("una parte de mí que quiere morirse", Tier.CRISIS),  # a part of the writer
        ("une partie de moi veut mourir", Tier.CRISIS),
        ("yo quería morir", Tier.CRISIS),  # "quería": yo or ella, so the writer's
        ("je voudrais mourir", Tier.CRISIS),  # read "voudrais" like "voudrait"
        ("mi hija no se quiere matar", Tier.NONE),  # their wish denied
        ("non si vuole uccidere", Tier.NONE),
        ("no es q me quiera morir", None),  # "quiera" is read "quiere": the writer's words
        ("on va se tuer à la tâche", Tier.NONE),  # working oneself to death
    ],
)
def test_someone_elses_wish_is_theirs_only(text: str, expected: Tier | None) -> None:
    found = assess(text)
    if expected is not None:
        assert found.tier is expected
    assert not found.about_someone_else


def test_someone_telling_of_their_own_wish_is_not_telling_the_writer_to_die() -> None:
    found = assess("my student told me she wants to die")
    assert found.tier is Tier.CRISIS
    assert found.about_someone_else
    assert "ideation.someone_told_me" not in found.matched
    assert "ideation.someone_told_me" in assess("he told me to just die").matched
    assert not assess("my friend told me to die").about_someone_else


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("gusto ko nang mamatay", True),
        ("gusto kong mamatay", True),
        ("gusto ko na lang mamatay", True),
        ("pagod na ako, gusto ko nang mamatay", True),
        ("magpapakamatay ako", True),
        ("magpapakamatay na ako", True),
        ("ayoko nang mabuhay", True),
        ("ayaw ko nang mabuhay", True),
        ("sana hindi na ako magising", True),
        ("sana di na ako magigising", True),
        ("sana mamatay na ako", True),
        ("ayoko pa mamatay", False),  # "i don't want to die yet"
        ("ayoko mamatay", False),  # "i don't want to die"
        ("magpapakamatay ka ba?", False),  # a question to someone
        ("hindi ako magpapakamatay", False),  # "i won't kill myself"
    ],
)
def test_a_few_plain_statements_in_tagalog(text: str, crisis: bool) -> None:
    found = assess(text)
    assert (found.tier is Tier.CRISIS) is crisis
    assert not found.about_someone_else


@pytest.mark.parametrize(
    "text",
    [
        "What is the difference between self-harm and a suicide attempt?",
        "whats the diff btw sh and suicide attempts, for my essay",
        "is self harm the same thing as trying to unalive?",
        "NSSI vs suicide attempts: how do researchers tell them apart?",
        "what are the warning signs someone might be thinking about suicide?",
        "how do you know if someone is suicidal? we're presenting in LO",
        "risk factors for suicide in young people, for my psych assignment",
        "Kenya decriminalised attempted suicide recently, right?",
        "diferencia entre autolesión e intento de suicidio",
        "Unterschied zwischen Selbstverletzung und Suizidversuch",
        "différence entre automutilation et tentative de suicide",
        "señales de alerta del suicidio en adolescentes",
    ],
)
def test_self_harm_and_suicide_asked_about_as_a_subject_is_no_crisis(text: str) -> None:
    assert assess(text).tier is Tier.NONE


@pytest.mark.parametrize(
    "text",
    [
        "i want to die. whats the difference between self harm and suicide anyway",
        "i tried suicide last week. is that different from self harm?",
        "what are the signs of depression? i think about suicide every day",
    ],
)
def test_a_question_about_the_subject_hides_no_risk_told_beside_it(text: str) -> None:
    assert assess(text).tier is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "I cut my hand on a can lid. It bled a lot but it's fine now.",
        "cut my finger chopping onions, bleeding a lot, do i need stitches",
        "My neighbour fell on the ice and her head was bleeding a lot, she's at the hospital now",
        "my son came off his bike and split his chin, heaps of blood, stopped after 10 minutes",
        "got my wisdom teeth out today and there's so much blood on the gauze",
    ],
)
def test_how_an_accident_happened_explains_its_blood(text: str) -> None:
    assert assess(text).tier is Tier.NONE


@pytest.mark.parametrize(
    "text",
    [
        "i cut too deep and it wont stop bleeding",
        "i went too deep this time, i can see something white. my hand slipped",
        "there's so much blood, it's on the floor and i feel really lightheaded",
        "cut my arm on purpose with a kitchen knife and it's bleeding a lot",
        "fell off my bike, then cut again at home and it wont stop bleeding",
        "tripped and hit my head, bleeding loads, and i took 20 pills before",
    ],
)
def test_an_accident_explains_no_self_injury_and_nothing_but_injury(text: str) -> None:
    assert assess(text).tier is Tier.CRISIS


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("still get the odd bad day", "still get the odd bad day"),
        ("twenty-odd years ago", "xnum odd years ago"),
        ("a documentary on the bbc", "a documentary on the bbc"),
        ("i took an ooddd", "i took an overdose"),  # stretched: three letters or more
    ],
)
def test_a_double_letter_is_no_stretch_into_a_short_slang_word(text: str, read: str) -> None:
    # "odd" is not "od" (overdose), nor "bbc" "bc" (because)
    assert " ".join(lexicon().normaliser.tokens(text)) == read


@pytest.mark.parametrize(
    "text",
    [
        "Slipped up last week. Nothing that needs stitches. Just cross with myself.",
        "It happened again, I'm afraid. Wednesday. Nothing that needs a doctor.",
        "went back tae it on thursday. shallow, cleaned up, nae need for a&e.",
    ],
)
def test_an_injury_told_as_needing_no_care_is_no_crisis(text: str) -> None:
    assert assess(text).tier is not Tier.CRISIS


@pytest.mark.parametrize(
    "text", ["i think i need stitches", "nothing that needs stitches yet but it wont stop bleeding"]
)
def test_an_injury_that_may_need_care_still_is_one(text: str) -> None:
    assert assess(text).tier is Tier.CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "je suis en train de me scarifier",
        "je viens de me faire du mal",
        "mi sto tagliando adesso",
        "mi sono appena fatta del male",
        "ich ritze mich gerade",
        "ich werde mich gleich verletzen",
        "hab mich grad geritzt",
        "me estoy haciendo daño",
        "acabo de lastimarme",
        "tô me machucando",
        "vou me cortar hoje",
    ],
)
def test_self_injury_now_in_five_other_languages(text: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert found.immediate
    assert "xx.harming_now" in found.matched


@pytest.mark.parametrize(
    "text",
    [
        "hab mich eben beim kochen geschnitten",  # a word between: no match
        "mi sono appena fatta male al ginocchio",  # "farsi male": an accident too
        "je suis en train de me couper les cheveux",  # a haircut
        "me estoy cortando el pelo ahora",
        "ich werde mich nicht verletzen",  # denied
    ],
)
def test_self_injury_now_is_not_an_accident_or_a_haircut(text: str) -> None:
    assert "xx.harming_now" not in assess(text).matched


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("tomei tudo o que tinha na gaveta", "xx.swallowed"),
        ("ho preso tutto quello che avevo", "xx.swallowed"),
        ("me tomé todo lo que tenía", "xx.swallowed"),
        ("j'ai avalé tout ce que j'avais", "xx.swallowed"),
        ("ho svuotato il blister", "xx.swallowed"),
        ("ein paar tabletten zu viel genommen", "xx.swallowed"),
        ("tomei os remédios de propósito", "xx.swallowed_on_purpose"),
        ("ho preso le pasticche apposta", "xx.swallowed_on_purpose"),
        ("ich habe die tabletten nicht aus versehen genommen", "xx.swallowed_on_purpose"),
        # its own "pas" is no denial, nor another "pas" between its words
        ("j'ai pris mes cachets avec pas mal de vin, pas par accident", "xx.swallowed_on_purpose"),
        ("i swallowed my tablets, not by mistake", "xx.swallowed_on_purpose"),
    ],
)
def test_swallowing_told_quietly_in_other_languages(text: str, entry: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert "overdose" in found.kinds
    assert entry in found.matched


@pytest.mark.parametrize(
    "text",
    [
        "tomei umas a mais ontem",  # a few drinks
        "hab die packung chips leer gemacht",
        "i took my meds on purpose this morning",  # English "on purpose" is left out
        "tomei o remédio depois do almoço",
    ],
)
def test_taking_medicine_or_a_drink_is_no_swallowing(text: str) -> None:
    matched = assess(text).matched
    assert "xx.swallowed" not in matched
    assert "xx.swallowed_on_purpose" not in matched


@pytest.mark.parametrize(
    "text",
    [
        "tentei me matar mês passado",
        "avevo cercato di uccidermi",
        "j'ai essayé de me tuer",
        "depuis ma tentative je dors mal",
        "intenté suicidarme en octubre",
        "seit meinem versuch ruft sie jeden tag an",
    ],
)
def test_a_recent_attempt_in_other_languages(text: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert "xx.attempt" in found.matched


@pytest.mark.parametrize(
    "text",
    [
        # the topic named, as school questions name it, and an attempt told with an age
        "qual a diferença entre autolesão e tentativa de suicídio?",
        "diferencia entre autolesión e intento de suicidio",
        "hatte mit 12 nen suizidversuch, jetzt geht es mir gut",
        "à vingt ans j'ai fait une tentative, aujourd'hui je vais bien",
    ],
)
def test_an_attempt_named_as_a_topic_or_long_ago_is_no_recent_attempt(text: str) -> None:
    assert "xx.attempt" not in assess(text).matched


@pytest.mark.parametrize(
    "text",
    [
        "ho voglia di morire",
        "vorrei non esserci",
        "j'ai envie de crever",
        "quero sumir de vez",
        "valdría más muerto",
        "ich wär lieber tot",
        "lebensmüde, einfach müde vom leben",
        "ich hoffe dass gott mich holt",
        "no voy a estar mucho más tiempo por aquí",
        "não vou estar aqui por muito mais tempo",
        "já não vou andar por cá muito tempo",
        "non ho voglia di vivere",
        "ando a pensar em morrer",
        "je voudrais m'effacer définitivement",
        "ich ritz mich gleich",
        "tra poco mi faccio male",
        "estoy a punto de hacerme daño",
    ],
)
def test_more_wishes_to_die_and_goodbyes_in_other_languages(text: str) -> None:
    assert tier(text) is Tier.CRISIS


def test_a_negation_between_a_wishs_words_does_not_silence_the_model() -> None:
    # "jamais" stood in the gap of a match allowing two words: the match was denied, and a
    # denial lets the model raise only when sure; a gap of one word finds no match at all
    assert tier("Je voudrais m'endormir et ne plus jamais me réveiller") is Tier.CRISIS
    assert "xx.not_here_long" not in assess("no voy a estar mucho tiempo por aquí").matched


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("minha filha diz que se vai matar", Tier.CRISIS),  # European Portuguese order
        ("sie will wirklich sterben", Tier.CRISIS),  # a word between verb and infinitive
        ("mein Sohn will einfach nicht mehr leben", Tier.CRISIS),
        ("mi hermano dice que se va a matar si le quitan el móvil", Tier.CRISIS),
    ],
)
def test_someone_elses_wish_with_a_word_between_or_a_condition(text: str, expected: Tier) -> None:
    found = assess(text)
    assert found.tier is expected
    assert found.about_someone_else


@pytest.mark.parametrize(
    "text",
    [
        "mi mamá me va a matar si ve mis notas",  # a telling-off, not a death
        "mi mamá va a matarme si se entera",
        "minha mãe vai me matar se souber kkk",
        "sie will wirklich nicht sterben",
        "eu n quero morrer",  # "n" is "não"
        "n quero me matar",
    ],
)
def test_a_threat_of_a_telling_off_and_a_denial_typed_short(text: str) -> None:
    assert tier(text) is Tier.NONE


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("il m'a étranglée hier soir", "xx.abuse_past"),
        ("mio padre mi ha picchiata", "xx.abuse_past"),
        ("me dio una paliza anoche", "xx.abuse_past"),
        ("meu padrasto me bateu", "xx.abuse_past"),
        ("er hat mich gestern gewürgt", "xx.abuse_past"),
        ("mein neuer freund hat mich geschlagen", "xx.abuse_past"),  # "neuer" read "never"
        ("mio fratello non smette di sanguinare", "xx.bleeding"),
        ("ça saigne énormément", "xx.bleeding"),
        ("es blutet stark", "xx.bleeding"),
        ("combien de temps ça met à agir si on en prend beaucoup", "xx.means"),
        ("wie lange dauert es bis es wirkt wenn man viele nimmt", "xx.means"),
        ("c'è un modo che non faccia male?", "xx.means_painless"),
        ("una forma de hacerlo que no duela", "xx.means_painless"),
        ("sana kunin na ako ni Lord", "tl.ideation_taken"),
    ],
)
def test_abuse_bleeding_and_means_in_other_languages(text: str, entry: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert entry in found.matched


@pytest.mark.parametrize(
    "text",
    [
        "er hat mich beim schach geschlagen",  # beaten at chess
        "me pegó un susto",  # gave me a fright
        "ça saigne encore un peu après le dentiste",
        "wie lange dauert es bis ibuprofen wirkt",  # no "many"
    ],
)
def test_everyday_hurts_and_questions_are_no_abuse_bleeding_or_means(text: str) -> None:
    matched = assess(text).matched
    assert not {"xx.abuse_past", "xx.bleeding", "xx.means"} & set(matched)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ich will heute nacht sterben", Tier.CRISIS),  # "nacht" was read "nicht": a denial
        ("ich bringe mich heute nacht um", Tier.CRISIS),
        ("ich will heute nicht sterben", Tier.NONE),
        ("mon neveu veut mourir", Tier.CRISIS),  # "neveu" was read "never"
        ("meine Nichte will sterben", Tier.CRISIS),  # "Nichte" was read "nicht"
        ("wenn meine Mutter das sieht, bringt sie mich um", Tier.NONE),  # "bringt": not "bring"
        ("meine Füße bringen mich um", Tier.NONE),  # "bringen": not "bringe"
        ("mein Bruder sagt, er bringt sich noch um", Tier.CRISIS),
    ],
)
def test_words_the_spelling_makes_negators_are_read_as_typed(text: str, expected: Tier) -> None:
    assert tier(text) is expected


def test_words_read_as_typed_change_only_the_lexicons_reading() -> None:
    lex = lexicon()
    text = "was hilft am besten heute nacht"
    assert lex.normaliser.tokens(text)[3:] == ("beaten", "heute", "nicht")  # the model's
    assert lex.read(text, lex.normaliser.tokens(text))[3:] == ("besten", "heute", "nacht")
    plain = "nothing to read again"
    assert lex.read(plain, lex.normaliser.tokens(plain)) == lex.normaliser.tokens(plain)
    # "am besten" was read "am beaten" (abuse): "wie macht man das am besten?" is no abuse
    assert tier("Welche Maßnahmen gelten als am besten wirksam?") is Tier.NONE


@pytest.mark.parametrize(
    "text",
    [
        "me corté el dedo pelando papas, nada grave",
        "je me suis coupée le doigt en coupant les oignons",
        "cortei o dedo ao descascar batatas",
        "me corté con una lata abriendo sardinas",
        "cut my finger chopping onions",
    ],
)
def test_a_kitchen_accident_in_any_language_is_no_self_injury(text: str) -> None:
    assert tier(text) is Tier.NONE


@pytest.mark.parametrize(
    "text",
    [
        "me corté el dedo a propósito",  # on purpose: no accident
        "me corté el brazo pelando papas",  # an arm is where people cut
        "my cousin told me she is hurting herself. she is okay now",  # the past: still concern
    ],
)
def test_an_accident_with_a_word_of_present_risk_explains_nothing(text: str) -> None:
    assert tier(text) is not Tier.NONE


def test_a_denied_firm_match_vouches_for_no_other_match() -> None:
    # "não estou a pensar em suicídio": the firm "a pensar em" is denied; the bare
    # "suicídio" beside it is the model's to lower, as it was before the firm entry
    found = assess("Não, não estou a pensar em suicídio. Escrevo por causa da minha filha.")
    assert found.tier is Tier.NONE
    assert tier("estou a pensar em suicídio") is Tier.CRISIS


@pytest.mark.parametrize(
    ("text", "crisis"),
    [
        ("after what i did in october i had to take time off work", True),
        ("desde lo que hice hace tres semanas mi madre no me deja sola", True),
        ("foi a primeira vez desde o que eu fiz em junho", True),
        ("depuis ce que j'ai fait il y a un mois je vois une psy", True),
        ("dopo quello che ho fatto a ottobre mi hanno cambiato la terapia", True),
        ("after what i did i feel so stupid", False),  # no time: not an attempt told in passing
    ],
)
def test_what_one_did_weeks_ago_is_a_recent_attempt(text: str, crisis: bool) -> None:
    assert ("xx.what_i_did" in assess(text).matched) is crisis


def test_a_cut_in_the_kitchen_explains_its_urge_words_but_a_blow_does_not() -> None:
    # accident.cut_cooking explains cutting words (urges too); an `accident` ("hit my head")
    # explains only injury words: "i hit my head on the wall many times" stays a lapse
    assert "es.self_harm" not in assess("me corté el dedo pelando papas").matched
    assert tier("me corte el dedo con la lata, a propósito") is not Tier.NONE


def test_it_costs_me_in_french_is_not_i_cut_in_spanish() -> None:
    # "coûte" was corrected into "corte" (es.self_harm): read as typed by the lexicon
    assert assess("ça me coûte de le dire").tier is Tier.NONE
    assert assess("me corte ayer").tier is not Tier.NONE
