"""Short answers in Spanish, Portuguese, German and French, glossed into the English that
means the same, so the step's own words read them ("si" is "yes", "jetzt nicht" is "not
now", "jeden tag" is "every day", "arbeit" is "work").

Rules:
1. Only words and set phrases whose meaning does not depend on what is around them: yes,
   no, not now, later, okay, thanks, let's, every day, and a few everyday nouns that
   name a button's subject (work, school, family, sleep). Nothing about self-injury or
   risk: the safety module reads the person's own words, never a gloss.
2. A phrase is glossed where it stands as whole words, the longest first; the rest of the
   text is left as it was. Accents are already folded by `normalise` ("não" is "nao").
3. The gloss is tried only when the text itself picks nothing (dialogues/engine.py), and
   it is read with the same rules and margins as anything typed: a gloss never guesses.
"""

from __future__ import annotations

import re

from dialogues.matching import normalise

_STOPS = re.compile(r"([.!?,;:]+)")

# Rule 1: English, then the phrases (es, pt, de, fr) that mean it. Keys are normalised.
_BY_MEANING: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("yes", ("si", "sim", "ja", "oui", "claro", "claro que si", "jawohl", "ja klar", "ouais")),
    ("yes", ("si claro", "sim claro", "genau", "si por favor", "sim por favor")),
    ("yes", ("sim pode", "si puedes", "pode", "puedes")),
    ("yes please", ("ja bitte", "oui merci", "oui s il te plait", "si gracias")),
    ("no", ("nao", "nein", "non", "nada", "no gracias", "nao obrigado")),
    ("no thanks", ("nao obrigada", "nein danke", "non merci")),
    ("not now", ("ahora no", "agora nao", "jetzt nicht", "nicht jetzt", "pas maintenant")),
    ("later", ("mas tarde", "mais tarde", "spater", "plus tard", "luego")),
    ("stop for now", ("para agora", "para por agora", "paro por ahora", "por ahora no")),
    ("stop for now", ("ich hore auf", "hor auf fur heute", "ca suffit pour aujourd hui")),
    ("ok", ("vale", "dale", "bueno", "de acuerdo", "ta bom", "tudo bem", "beleza")),
    ("ok", ("passt", "alles klar", "einverstanden", "d accord", "ok d accord")),
    ("let s do it", ("vamos", "bora", "vamos la", "vamonos", "los geht s", "los gehts")),
    ("let s do it", ("allons y", "on y va", "machen wir", "dale vamos")),
    (
        "try it now",
        ("lo intento ahora", "lo pruebo ahora", "vou tentar agora", "j essaie maintenant"),
    ),
    ("try it now", ("ich versuche es jetzt", "ich probiere es jetzt")),
    ("try it", ("lo intento", "lo pruebo", "vou tentar", "ich versuche es", "j essaie")),
    ("thanks", ("gracias", "obrigado", "obrigada", "danke", "danke schon", "merci")),
    ("every day", ("jeden tag", "taglich", "todos los dias", "todo dia", "todos os dias")),
    ("every day", ("tous les jours", "cada dia")),
    # what was around: a button's subject
    ("work", ("arbeit", "trabajo", "trabalho", "travail", "la chamba")),
    ("school", ("schule", "escuela", "escola", "ecole", "colegio")),
    ("family", ("familie", "familia", "famille")),
    ("sleep", ("schlaf", "schlafe", "sueno", "sono", "sommeil", "dormir")),
    ("friends", ("freunde", "amigos", "amigas", "amis")),
    ("help", ("ayuda", "ajuda", "hilfe", "aide")),
    (
        "how to look after it",
        ("como cuidarlo", "como cuidarla", "como cuidar", "como cuidar disso"),
    ),
)
_GLOSSES = {phrase: english for english, phrases in _BY_MEANING for phrase in phrases}
_LONGEST = max(len(phrase.split()) for phrase in _GLOSSES)


def english(text: str) -> str:
    """`text` normalised clause by clause, with the phrases of rule 1 glossed into English
    (rule 2): "sim, pode" -> "yes, yes"; "passt, danke" -> "ok, thanks"; other words stay,
    and so do the stops between clauses."""
    glossed = ""
    for at, part in enumerate(_STOPS.split(text)):
        glossed += part.strip() if at % 2 else f" {_gloss(part)}"
    return " ".join(glossed.split())


def _gloss(clause: str) -> str:
    said = normalise(clause).split()
    out: list[str] = []
    at = 0
    while at < len(said):
        for size in range(min(_LONGEST, len(said) - at), 0, -1):
            gloss = _GLOSSES.get(" ".join(said[at : at + size]))
            if gloss is not None:
                out.append(gloss)
                at += size
                break
        else:
            out.append(said[at])
            at += 1
    return " ".join(out)
