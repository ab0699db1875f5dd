"""Words typed in Spanish, Portuguese, French, Italian and German (and a few menu words in
Tagalog, as Taglish is typed: "ginawa ko ulit", "mag-isa"; Dutch thanks and goodbyes:
"dank je", "doei"), glossed into the English
the buttons say, so the step's own words read them ("sí" is "yes", "algo más" is "something
else", "Narben" is "scars", "lo hice otra vez" is "I did it again"). The table is data a
reviewer reads: dialogues/glossary.yaml, loaded once; `python -m dialogues check` holds it
to `problems`.

Rules:
1. Only words and set phrases whose meaning does not depend on what is around them: yes,
   no, thanks, bye, back, more, something else, that's it, and the words the buttons of
   the flows name (scars, a lapse, calming down, music). The safety module never reads a
   gloss: it reads the person's own words, in whatever language they typed them.
2. A phrase is glossed where it stands as whole words, the longest first; the rest of the
   text is left as it was. Accents are folded by `normalise` ("não" is "nao"), so a phrase
   typed with or without them is the same.
3. The gloss is tried only when the text itself picks nothing (dialogues/engine.py, the
   core's own buttons, its questions back), and it is read with the same rules and margins
   as anything typed: a gloss never guesses.
4. One phrase has one English, in every language it is in; no phrase is itself an English
   word a button says (a gloss would change what English speakers type).
5. A Portuguese phrase that begins with its pronoun ("me acalma", "me sinto pior depois") is
   also read with the pronoun after the verb, as Portugal writes it ("acalma-me", "sinto-me
   pior depois"): the table lists one order, both are read.
6. A few words texted short in Spanish and Portuguese ("q", "pq", "tb", "vc") are read as
   the words they stand for while phrases are looked up ("cosas q probar" is "cosas que
   probar"); a word that is no part of a phrase stays as typed. Only abbreviations that
   are no English word or contraction (not "d", "k" or "x").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from dialogues.library import Library
from dialogues.matching import normalise
from dialogues.problems import Problem

GLOSSARY_FILE = "glossary.yaml"
LANGUAGES = ("es", "pt", "fr", "it", "de", "tl", "nl")
_STOPS = re.compile(r"([.!?,;:]+)")
# Portuguese pronouns that go before the verb in Brazil and after it in Portugal (rule 5).
_CLITICS = frozenset({"me", "te", "se", "nos", "lhe"})
# Words texted short, and what they stand for (rule 6).
_SHORT = {
    **dict.fromkeys(("q", "ke"), "que"),
    **dict.fromkeys(("pq", "xq", "pk"), "porque"),
    "tb": "tambien",
    "tbm": "tambem",
    "vc": "voce",
    "qdo": "quando",
    "xa": "para",
    "pa": "para",
}


@dataclass(frozen=True)
class Glossary:
    """Normalised phrase -> the English it means; `longest`: most words in a phrase."""

    meanings: dict[str, str]
    longest: int


def english(text: str) -> str:
    """`text` normalised clause by clause, with the phrases of the glossary glossed into
    English (rule 2): "sim, pode" -> "yes, yes"; "passt, danke" -> "ok, thanks"; other
    words stay, and so do the stops between clauses."""
    glossed = ""
    for at, part in enumerate(_STOPS.split(text)):
        glossed += part.strip() if at % 2 else f" {_gloss(part)}"
    return " ".join(glossed.split())


def glossed(text: str) -> str | None:
    """`text` in English where the glossary changes it (`english`), else None."""
    said = english(text)
    return said if normalise(said) != normalise(text) else None


def wholly(text: str) -> str | None:
    """`text` in English only where the glossary has every word of it ("não!!", "nein
    danke", "sim, pode"), else None: for questions where a word left in another language
    could say the opposite ("você pode me ajudar?" is no "yes")."""
    said = glossed(text)
    if said is None:
        return None
    clauses = [normalise(part) for at, part in enumerate(_STOPS.split(text)) if at % 2 == 0]
    meanings = glossary().meanings
    return said if all(not clause or clause in meanings for clause in clauses) else None


@functools.cache
def glossary() -> Glossary:
    """The glossary, read once from dialogues/glossary.yaml (its problems: `problems`)."""
    meanings: dict[str, str] = {}
    for english_words, phrase, _ in _entries(_raw()):
        meanings.setdefault(phrase, english_words)
    return Glossary(meanings, max((len(p.split()) for p in meanings), default=1))


def problems(words: frozenset[str], *, data: Any = None) -> list[Problem]:
    """What is wrong with the glossary (rule 4): a phrase with two Englishes, a phrase that
    is an English word of `words` (the buttons' own words), a language not known, an entry
    without English. `data`: the parsed file (the shipped one by default)."""
    found: list[Problem] = []
    raw = _raw() if data is None else data
    if not isinstance(raw, dict) or not isinstance(raw.get("glosses"), list):
        return [Problem(GLOSSARY_FILE, 0, "expected a list under 'glosses'")]
    for entry in raw["glosses"]:
        if not isinstance(entry, dict) or not normalise(str(entry.get("english", ""))):
            found.append(Problem(GLOSSARY_FILE, 0, f"an entry without its English: {entry!r}"))
            continue
        unknown = set(entry) - {"english", *LANGUAGES}
        if unknown:
            what = f"{sorted(unknown)} in {entry['english']!r}"
            found.append(Problem(GLOSSARY_FILE, 0, f"not a language of the glossary: {what}"))
    meant: dict[str, str] = {}
    for english_words, phrase, language in _entries(raw):
        if not phrase:
            found.append(Problem(GLOSSARY_FILE, 0, f"an empty {language} phrase"))
        elif meant.setdefault(phrase, english_words) != english_words:
            said = f"{meant[phrase]!r} and {english_words!r}"
            found.append(Problem(GLOSSARY_FILE, 0, f"{phrase!r} glossed as both {said}"))
        elif phrase in words and phrase != english_words:
            message = f"{phrase!r} ({language}) is also an English word the buttons say"
            found.append(Problem(GLOSSARY_FILE, 0, message))
    return found


def button_words(library: Library) -> frozenset[str]:
    """Every word of the flows' button labels and synonyms, normalised: the English no
    phrase of the glossary may be (rule 4)."""
    return frozenset(
        word
        for flow in library.flows.values()
        for node in flow.nodes.values()
        for choice in node.choices or ()
        for phrase in (choice.label, *choice.synonyms)
        for word in normalise(phrase).split()
    )


def _raw() -> Any:
    text = resources.files("dialogues").joinpath(GLOSSARY_FILE).read_text("utf-8")
    return yaml.safe_load(text)


def _entries(raw: Any) -> list[tuple[str, str, str]]:
    """(English, phrase, language) for every phrase, each normalised."""
    entries = raw.get("glosses", []) if isinstance(raw, dict) else []
    return [
        (normalise(str(entry["english"])), said, language)
        for entry in entries
        if isinstance(entry, dict) and "english" in entry
        for language in LANGUAGES
        for phrase in entry.get(language) or ()
        for said in _orders(normalise(str(phrase)), language)
    ]


def _orders(phrase: str, language: str) -> list[str]:
    """A phrase as listed, and in Portuguese with its first pronoun after the verb too
    (rule 5): "me acalma" -> "acalma me" ("acalma-me", normalised)."""
    words = phrase.split()
    if language != "pt" or len(words) < 2 or words[0] not in _CLITICS:
        return [phrase]
    return [phrase, " ".join([words[1], words[0], *words[2:]])]


def _gloss(clause: str) -> str:
    table = glossary()
    typed = normalise(clause).split()
    said = [_SHORT.get(word, word) for word in typed]  # rule 6
    out: list[str] = []
    at = 0
    while at < len(said):
        for size in range(min(table.longest, len(said) - at), 0, -1):
            gloss = table.meanings.get(" ".join(said[at : at + size]))
            if gloss is not None:
                out.append(gloss)
                at += size
                break
        else:
            out.append(typed[at])
            at += 1
    return " ".join(out)
