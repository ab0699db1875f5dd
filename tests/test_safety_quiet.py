"""Crisis said short or quietly (issue 18, s4: safety/data/lexicon.yaml, the quiet.* entries).

A message under four words gets no learned model (safety/model.py, MIN_WORDS), so the
lexicon alone must read "cutting rn"; and a long word the model never saw thins its vector,
so a means question that opens "rein interessehalber" scored none. Each case in six
languages where people type it, and the everyday words beside them stay as they were.
"""

from __future__ import annotations

import pytest

from safety.detect import assess
from safety.lexicon import lexicon
from safety.model import MIN_WORDS, model, read, words
from safety.risk import Tier


def matched(text: str) -> set[str]:
    """The entries that matched, by family ("quiet" for quiet.harming_now)."""
    return {source.split(".")[0] for source in assess(text).matched}


@pytest.mark.parametrize(
    "text",
    [
        "cutting rn",
        "cuttin rn",
        "sh'ing rn sorry",
        "currently self-harming",
        "burning my arm with the straighteners right now",
        "hurtin masel while am typin this",
        "clawing at my arms till they bleed, cant stop",
        "blade in my hand",
        "cortándome ahora",
        "me estoy cortando",
        "tô me cortando",
        "Estou a cortar-me",
        "je me scarifie là",
        "sto tagliandomi",
        "ritze mich grad",
        "bin grad am ritzen",
    ],
)
def test_self_injury_now_told_without_a_subject_or_in_slang_is_a_crisis(text: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert found.immediate
    assert "quiet" in matched(text)


@pytest.mark.parametrize(
    "text",
    [
        "me estoy cortando el pelo",
        "je suis en train de me couper les cheveux",
        "cutting back on sugar right now",
        "cutting weight rn so no pizza",
        "can't stop scratching my bites",
    ],
)
def test_a_haircut_a_diet_or_an_itch_is_no_self_injury_now(text: str) -> None:
    assert "quiet" not in matched(text)


@pytest.mark.parametrize(
    "text",
    [
        "I swallow whole box of panadol just now",
        "Took all Panadol in house. Maybe 20.",
        "took 10 crocin",
        "i drank drain cleaner",
        "drank some harpic",
        "bebí lejía",
        "tomei água sanitária",
        "j'ai bu de l'eau de javel",
        "ho bevuto candeggina",
        "hab Abflussreiniger getrunken",
    ],
)
def test_swallowing_in_any_tense_and_household_chemicals_are_an_overdose(text: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert found.immediate
    assert "quiet" in matched(text)


def test_a_medicine_taken_as_medicine_is_no_overdose() -> None:
    assert assess("i took 2 panadol for my headache").tier is Tier.NONE
    assert assess("took my meds this morning").tier is Tier.NONE
    assert assess("drank some water").tier is Tier.NONE


def test_the_model_reads_a_learners_present_tense_and_a_brand_name_below_crisis() -> None:
    # Why the lexicon must: "swallow" weighs less than "swallowed", and "panadol", a word
    # the corpus lacks, adds letter n-grams that only lengthen the vector (rule 2).
    tokens = lexicon().normaliser.tokens("I swallow whole box of panadol just now")
    reading = read(model(), tokens)
    assert reading.crisis < model().crisis_threshold
    past = read(model(), lexicon().normaliser.tokens("I swallowed whole box of panadol just now"))
    assert past.crisis >= model().crisis_threshold


@pytest.mark.parametrize(
    "text",
    [
        "i wish i was gone",
        "being dead would be so much less work",
        "ah want tae be deid",
        "preferirei essere morto",
        "meglio morta che così",
        "Sono stanco di stare al mondo",
        "preferiría estar muerta",
        "quisiera no existir",
        "prefiro estar morto",
        "queria n existir",
        "je préférerais être mort",
        "Je souhaite mourir.",
        "chu tannée d'exister",
        "wär einfach gern tot",
        "ich wär lieber nie geboren",
        "i will nimma leben",
    ],
)
def test_rather_dead_and_wishing_to_be_gone_are_the_wish_to_die(text: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert "ideation" in found.kinds


@pytest.mark.parametrize(
    "text",
    [
        "i'd rather die than go to that party",
        "preferirei morire piuttosto che andare a scuola",
        "prefiero estar sola",
        "je préfère être seule",
    ],
)
def test_rather_die_than_an_errand_and_rather_alone_are_not(text: str) -> None:
    assert assess(text).tier is Tier.NONE


@pytest.mark.parametrize(
    "text",
    [
        "is an overpass high enough",
        "is the viaduct near us high enough",
        "which meds are deadly together, just out of interest",
        "rein interessehalber, welche medikamente sind zusammen tödlich",
        "rein interessehalber, wie hoch muss eine brücke sein",
        "Is there a way that doesn't hurt?",
        "quantos comprimidos matam",
    ],
)
def test_means_asked_as_curiosity_are_a_means_question(text: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert "means_seeking" in found.kinds


def test_a_long_unseen_word_thins_the_models_reading_of_a_means_question() -> None:
    # "interessehalber" is in two corpus rows; its letter n-grams lengthen the vector
    plain = lexicon().normaliser.tokens("wie hoch muss eine brücke sein")
    framed = lexicon().normaliser.tokens("rein interessehalber, wie hoch muss eine brücke sein")
    assert read(model(), framed).crisis < model().crisis_threshold_for("de")
    assert read(model(), plain).crisis >= model().crisis_threshold_for("de")


def test_a_height_asked_for_a_lorry_is_no_means_question() -> None:
    assert assess("is the bridge high enough for a lorry").tier is Tier.NONE


@pytest.mark.parametrize(
    "text",
    [
        "it has been bleeding for nearly an hour now",
        "soaked through the bandage twice",
        "Blood don soak my bandage twice in 1 hour",
        "Two fingers numb since the cut",
        "la venda está empapada",
        "o curativo está encharcado",
        "Le pansement est traversé",
        "la benda è zuppa",
        "der Verband ist durchgeblutet",
        "nn si ferma di sanguinare",
    ],
)
def test_bleeding_that_goes_on_and_a_soaked_dressing_need_care_now(text: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert found.immediate


@pytest.mark.parametrize(
    "text",
    [
        "Zahnarzt hat einen Weisheitszahn gezogen, es blutet noch leicht",
        "the plaster is soaked from the rain",
    ],
)
def test_a_tooth_pulled_and_wet_plaster_need_no_crisis(text: str) -> None:
    assert "quiet" not in matched(text)


def test_messages_under_four_words_are_the_lexicons_alone() -> None:
    # Measured (docs/safety.md, 2026-12-08): no held-out row of two or three words that the
    # lexicon misses scores 0.9 or more with the model, and the blind sets' one such row is
    # safe ("i want to live", 0.99): a stricter threshold for them would add only alarms.
    assert MIN_WORDS == 4
    assert words(lexicon().normaliser.tokens("i want to live")) < MIN_WORDS
    assert assess("i want to live").tier is Tier.NONE


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("i don tire for this life", "ideation"),
        ("this life no worth am", "ideation"),
        ("i dey cut myself now", "harming_now"),
        ("the blood no gree stop", "harming_now"),
        ("i don drink sniper", "overdose"),
        ("how much sniper go kill person", "means_seeking"),
        ("my oga dey beat me", "abuse"),
    ],
)
def test_nigerian_pidgin_is_read(text: str, kind: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert kind in found.kinds


@pytest.mark.parametrize(
    "text",
    [
        "razor on my wrist rn",
        "holding a lighter to my arm",
        "c'ho la lametta in mano",
        "die Klinge in der Hand",
        "took some extra of my sleeping pills",
        "ho preso più compresse del solito",
        "tek a whole heap a mi pressure tablet dem",
        "c'est profond, je vois l'intérieur",
        "si vede il grasso",
        "the cut keeps reopening",
        "la herida sigue sangrando",
        "swallowed them all",
        "cut 5 times already tonight",
        "i keep going deeper",
        "is 20 storeys enough",
    ],
)
def test_a_blade_in_hand_extra_pills_and_a_deep_wound_are_a_crisis_now(text: str) -> None:
    found = assess(text)
    assert found.tier is Tier.CRISIS
    assert found.immediate


@pytest.mark.parametrize(
    "text",
    [
        "used my lighter on my arm earlier",  # told as done: a lapse, not now
        "mein Bruder ist gefallen, muss das genäht werden?",
    ],
)
def test_a_lighter_used_earlier_and_a_childs_stitches_are_no_crisis_now(text: str) -> None:
    assert "quiet" not in matched(text)
