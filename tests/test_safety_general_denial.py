"""Safety said plainly ("i'm safe", "estoy a salvo", "je suis en sécurité", "sono al sicuro",
"ich bin in Sicherheit", "estou em segurança": `denial.safe_now`, a denial of danger in
general) settles a short answer as a denial does (safety/detect.py, rule 2): the learned model
alone no longer makes it a crisis below SURE_DESPITE_SETTLED. A negation or a condition just
before it, a contrast after it, a hedge of time beside it, or a story around it leaves the
message unsettled. Old or outgrown clothes given on are no preparation (`idiom.clothes_given_on`).
Issue 18, s5; docs/safety.md, "Rules (2026-12-08, s5)"."""

from __future__ import annotations

import pytest

from safety import Tier, assess
from safety.detect import GENERAL_DENIAL_REST, first_layer
from safety.lexicon import lexicon


@pytest.mark.parametrize(
    "text",
    [
        # c7-02: read in parts, "I was only saying goodbye" alone was a crisis
        "Yes, I am perfectly safe. I was only saying goodbye. Thank you.",
        # c7-01: a 17-year-old the night after cutting, asked again about bleeding
        "im safe. i said its NOT bleeding. go back",
        "sono al sicuro, grazie",
        "je suis en sécurité, merci",
        "Ich bin in Sicherheit, danke",
        "estou em segurança, obrigada",
        "estoy a salvo, gracias",
    ],
)
def test_safety_said_plainly_settles_a_short_answer(text: str) -> None:
    assert first_layer(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        # negated: the writer is not safe (w33, w34, w8: crisis rows)
        "no, no estoy a salvo. mi tio esta en la sala",
        "non sono al sicuro in casa mia",
        "Não, não estou em segurança esta noite.",
        # a condition or a question, not a statement
        "you keep asking if i am safe",
        "tu demandes toujours si je suis en sécurité",
        # a contrast after it: what follows is what the answer did not cover (w31: crisis)
        "I'm safe, but I already took them. Don't make a thing of it.",
        "Sì, sono al sicuro. Ma la sera prego di non risvegliarmi la mattina dopo.",
        # hedged in time (in English "i am safe for now" was already idiom.feeling_safe's)
        "estoy a salvo por ahora",
        "sono al sicuro per ora, ma non so domani",
        "je suis en sécurité pour le moment",
        # a story: more than GENERAL_DENIAL_REST words besides (w32: someone else's crisis)
        "io sto bene, sto al sicuro. è Lorenzo: m'ha mandato un messaggio lungo che ringrazia "
        "tutti e dice addio",
    ],
)
def test_safety_negated_questioned_contrasted_hedged_or_in_a_story_settles_nothing(
    text: str,
) -> None:
    assert first_layer(text)[1] == ""


def test_a_story_is_more_words_than_a_plain_answer() -> None:
    short = "I am safe. " + " ".join(["word"] * GENERAL_DENIAL_REST)
    long = short + " more"
    assert first_layer(short)[1]
    assert first_layer(long)[1] == ""


def test_safety_said_plainly_is_no_crisis_from_the_model_alone() -> None:
    assert assess("Yes, I am perfectly safe. I was only saying goodbye. Thank you.").tier is (
        Tier.NONE
    )
    assert assess("im safe. i said its NOT bleeding. go back").tier is not Tier.CRISIS


def test_an_act_told_after_safety_with_a_but_is_still_a_crisis() -> None:
    assert assess("I'm safe, but I already took them. Don't make a thing of it.").tier is (
        Tier.CRISIS
    )


def test_contrasts_and_conditions_are_read_not_taught_to_the_normaliser() -> None:
    # "pero" in the vocabulary would make "perro" read "pero" (a stretched double letter)
    assert {"contrasts", "conditions"} <= set(lexicon().words)
    assert "pero" in lexicon().words["contrasts"]
    assert lexicon().normaliser.tokens("cuide a su perro") == ("cuide", "a", "su", "perro")


def test_only_the_denial_of_danger_in_general_is_general() -> None:
    general = {seq.entry.id for seq in lexicon().sequences if seq.entry.general}
    assert general == {"denial.safe_now"}


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        # w37, ev: a wardrobe cleared (frame.preparation matched "giving ... clothes")
        ("givin away my old clothes to the church drive", Tier.NONE),
        ("i'm giving my old clothes to my little cousin", Tier.NONE),
        (
            "i'm giving all my winter clothes to my cousin who just arrived, she has nothing warm",
            Tier.NONE,
        ),
        # belongings given away still count
        ("i gave my clothes to my sister. i wont need them", Tier.CRISIS),
    ],
)
def test_old_clothes_given_on_are_no_preparation(text: str, tier: Tier) -> None:
    assert assess(text).tier is tier
