"""Typed answers to the core's own yes-or-no questions ("are you thinking about suicide?",
"are you safe right now?"), read by their words.

Rules:
1. Exact words, never fuzzy matching: on questions like these a guess could turn a
   "kinda" into a "no".
2. A word of doubt anywhere makes the answer UNSURE ("no... maybe", "nah idk", "yes and
   no", "sometimes", "not ok"); so does a yes and a no together ("no i mean yes").
3. NO only for a bare no: the whole reply is no-words ("no", "nope, not really", "no i'm
   not", "i don't think so"); a reply that starts with a no and goes on ("no, i feel so
   alone", "no one cares") is NO_AND_MORE.
4. YES for a yes-word anywhere ("honestly yes", "yeah i am"), or a whole reply like "i am".
5. FINE for a whole reply like "i'm ok", "fine thanks" (not a bare "ok": that may only
   mean "go on"); RATHER_NOT_SAY for "i'd rather not say" and the like. Anything else is
   no answer (None).
6. A no that goes on with worry ("no one cares", "no point", "nobody would notice") is
   UNSURE, never a plain no.
7. Safety stated is safe, in English, Spanish, Portuguese, French, Italian and German:
   "i'm (perfectly) safe", "nobody's in danger", "i won't do anything tonight", "i don't
   need an ambulance", "estoy a salvo", "to segura", "je suis en sécurité", "sono al
   sicuro", "mir geht's gut", "er tut mir nichts" (with no doubt word outside the
   statement) are FINE, however the reply goes on ("... its just the scars, i'm worried
   about folk staring"), after a no that answers the question's wording ("oh goodness no
   i'm perfectly safe") and after a yes ("yes, i am perfectly safe"); only to "are you
   thinking about suicide?" (`about_suicide`) does a yes said with it stay YES ("yes, but
   i'm safe"). "i'm not safe", "no estoy bien", "i don't think i'm safe" are UNSURE; fear of
   how someone else will react ("i'm just scared of how he'll react") takes back no safety
   stated beside it, fear on its own ("scared") does.
8. A reply whose last sentence is a bare no ("I already answered this. No.") is NO.
9. A hedge qualifies the words it is said with: "ride it out i guess", "getting better
   i guess", "idk i dont wanna call anyone" are those words, said without certainty, and
   no answer to the question (HEDGED); a hedge alone, or with a yes, a no or a word of
   safety ("maybe", "yes maybe", "i'm fine i guess"), is still UNSURE (rule 2).
10. An act told with a yes or with safety takes them back: "I'm safe but I took them",
   "sí, ya me corté", "yes i'm fine i just cut" are UNSURE (to "are you safe right now?"
   not safe), never "glad you're safe"; to "are you thinking about suicide?" an act is no
   answer about suicide, and safety reads it on its own: so a word of doubt that says how
   often the act happens ("i cut sometimes", "sometimes i burn myself", "a veces me
   corto", "manchmal ritze ich mich") is no doubt about suicide (`_HABIT`).
11. Words of doubt, no and yes in the other five languages count as in English ("quizás",
   "talvez", "peut-être", "forse", "vielleicht"; "não"; "sim", "oui"), and so do Tagalog's
   and Swahili's (Sheng's) short yes and no ("oo", "opo", "ndio"; "hindi po", "hapana").
   A Tagalog "hindi" is also "not", so it is a no only as the whole reply or as "hindi
   naman" ("not really"), never at the head of more words ("hindi ko na kaya").
12. A reply in Spanish, Portuguese, French, Italian or German that says nothing as typed
   is read again glossed into English ("não!!" is "no!!", "sim" is "yes":
   dialogues/glosses.py), by the same exact rules, and only when every clause of it is in
   the glossary: "você pode me ajudar?" ("can you help me?") is never a "yes".
13. Fear of how someone else will take a thing ("I'm only scared of my father's reaction",
   "afraid she'll tell my parents") is no doubt about the question: read as the rest
   of the reply reads ("No no. I am only scared of my father's reaction" is a no that
   goes on). Fear of anything else ("scared of myself") is still doubt.
Each question decides what UNSURE, FINE and NO_AND_MORE mean for it (bot/core/questions.py).
"""

from __future__ import annotations

import enum
import re

from dialogues import glosses, normalise


class Said(enum.Enum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"
    FINE = "fine"
    RATHER_NOT_SAY = "rather not say"
    NO_AND_MORE = "no, and more"  # "no, i feel so alone": a no that goes on
    HEDGED = "hedged"  # "ride it out i guess": other words, said without certainty (rule 9)


# Matched on the normalised reply (lowercase, accents folded, punctuation to spaces: "don't"
# -> "don t", "não" -> "nao", "geht's" -> "geht s").
_DOUBT = re.compile(
    r"\b(?:maybe|idk|dunno|unsure|kinda|sorta|sometimes|often|always|constantly|lately|"
    r"probably|possibly|perhaps|somewhat|partly|not sure|no idea|no clue|"
    r"(?:do ?n t|dont|do not) know|kind of|sort of|a bit|a little|i guess|"
    r"yes and no|most days|every day|all the time|some days|on and off|"
    r"not (?:right )?now|not today|not at the moment|"
    r"not (?:safe|ok|okay|fine|good|alright|great)|unsafe|scared|afraid|"
    r"(?<!not )(?<!n t )(?<!not any )in danger|(?<!not )(?<!n t )(?<!never )hurt|"
    r"(?<!not )(?<!n t )(?<!never )(?:thinking|thought|think) about it|"
    # rule 11: the same in the other five languages
    r"quizas?|tal vez|a lo mejor|no lo se|a veces|mas o menos|"
    r"no se(?! (?:lo|la|le|los|las|me|te|nos|puede|pueden|preocupe\w*|ha|han|va|van|trata))|"
    r"talvez|nao sei|sei la|as vezes|mais ou menos|"
    r"peut etre|(?:je )?(?:ne )?sais pas|chais pas|parfois|plus ou moins|"
    r"forse|non so|non lo so|a volte|piu o meno|"
    r"vielleicht|(?:ich )?weiss (?:es )?nicht|keine ahnung|manchmal|mehr oder weniger|"
    r"(?:no|nao|non) (?:estoy|estou|to|sono|sto|me siento|me sinto|mi sento) "
    r"(?:bien|bem|a salvo|al sicuro|in salvo|segur[oa]|sicur[oa]|bene|tranquil[oa])|"
    r"pas (?:en securite|bien)|nicht (?:gut|sicher|in sicherheit)|"
    r"(?:en|em|in) (?:peligro|perigo|pericolo|gefahr)|en danger)\b"
)
# Rule 7: a statement that takes safety back ("i don't think i'm safe", "if i'm honest").
_FRAMED = re.compile(
    r"\b(?:(?:do ?n t|dont|do not) (?:think|feel)|not sure|wish|hope|if|whether|"
    r"(?:want|wanna|need|trying) to be|(?:want|need) to feel) (?:that )?"
    r"(?:i m|im|i am|i ll be|i will be|i d be|i feel|i was|i could be|i can be|safe)\b"
)
# Rule 9: the words of doubt that only hedge what they are said with.
_HEDGE = re.compile(
    r"\b(?:maybe|idk|dunno|unsure|kinda|sorta|probably|possibly|perhaps|not sure|no idea|"
    r"no clue|(?:i |)(?:do ?n t|dont|do not) know|kind of|sort of|i guess)\b"
)
# A lone "y" is a yes only at the head of a reply: inside one it is "and" or "there" ("no,
# pas ça ... comme il y a des années", "no y no").
_YES = re.compile(
    r"^y\b|\b(?:ye|yes+|yeah+|yeh|yh|yep|yup|yea|ya|yah|ja|si|sí|sure|sim|oui|ouais|"
    r"oo|opo|ndio|ndiyo)\b"
)
# A no, in the words a bare no is made of too (`_BARE_NO`).
_NO = r"no+|nope+|nah+|nein|non|nee|never|not (?:really|rly|realy)|not at all"
_NO_WORD = re.compile(rf"\b(?:{_NO}|nao|hapana|hindi po|hindi naman)\b")
_NOT_THINKING = (
    r"(?:(?:i m |im |i am )?not thinking|(?:i haven t|i havent|i have not|i never|never) "
    r"(?:thought|think)) (?:about|of) (?:it|that|suicide)"
)
# Rule 11: a bare no in the other languages ("no, para nada", "nao", "pas du tout").
_OTHER_NO = (
    r"nao|para nada|en absoluto|de jeito nenhum|pas du tout|per niente|gar nicht|"
    r"hindi(?: naman)?(?: po)?|hapana|apana"  # Tagalog and Swahili (Sheng)
)
_BARE_NO = re.compile(
    rf"^(?:hell )?(?:n|{_NO}|"
    r"no way|of course not|definitely not|(?:i m|im|i am) not|(?:i do ?n t|i dont|i do not)|"
    rf"(?:i do ?n t|i dont|i do not) think so|{_NOT_THINKING}|{_OTHER_NO})"
    r"(?: (?:no+|nope+|not (?:really|rly|realy)|not at all|never|(?:i m|im|i am) not|"
    rf"(?:i do ?n t|i dont|i do not)|thanks|thank you|really|at all|{_NOT_THINKING}|"
    rf"{_OTHER_NO}|gracias|obrigad[oa]|merci|grazie|danke|salamat|asante))*$"
)
_WORRIED_NO = re.compile(
    r"^(?:no one|nobody|no body|no point|no hope|no reason|no future|no way out|no more|"
    r"no longer|no use|nothing matters|never (?:get|be|going) )"
)
# Rule 7: safety stated, read clause by clause (so that "no, estoy bien" is a no and then
# safety, while "no estoy bien" is not safe); "don't"/"won't" are "don t"/"won t".
_SAFE = re.compile(
    r"\b(?:"
    # English
    r"(?:not|n t|never) in (?:any |immediate |real )?danger|"
    r"(?:nobody|no ?one|no body)(?: is| s)? in (?:any )?danger|"
    r"(?:i m|im|i am|i feel|i ll be|i will be|i m feeling|we re|we are) "
    r"(?:totally |completely |perfectly |quite |absolutely |really |)safe(?! ish| ?ish\b)|"
    r"(?:i won t|i wont|i will not|i m not|im not|i am not|i m not going to|im not going to|"
    r"i am not going to|not going to|not gonna) (?:do|try) anything|"
    r"(?:i won t|i wont|i will not|not going to|not gonna) (?:hurt|harm) myself|"
    r"(?:i m|im|i am) not (?:dying|going to die|suicidal)|"
    r"(?:he|she|they) (?:doesn t|does not|don t|do not|won t|will not|would never|wouldn t|"
    r"never|isn t going to|is not going to) (?:hurt|harm) (?:me|us)|"
    r"(?:do ?n t|dont|do not) need (?:an |the |any )?(?:ambulance|paramedics|emergency)|"
    # Spanish
    r"(?<!no )(?:estoy|me siento) (?:muy |totalmente |)"
    r"(?:bien(?! mal| triste| jodid| cansad| hart)|a salvo|segur[oa]|fuera de peligro|"
    r"tranquil[oa])|"
    r"(?:no (?:estoy|esta|estan|estamos)|nadie esta) en peligro|"
    r"no (?:voy a|pienso|quiero) hacer(?:me)? nada|"
    r"no me voy a (?:hacer nada|hacer dano|lastimar)|no necesito (?:una )?ambulancia|"
    # Portuguese
    r"(?<!nao )(?:estou|to|tou|me sinto) "
    r"(?:bem(?! mal| triste| cansad)|segur[oa]|a salvo|em seguranca|tranquil[oa])|"
    r"(?:nao (?:estou|esta|estao|estamos|ta)|ninguem (?:esta|ta)) em perigo|"
    r"nao vou (?:fazer nada|me machucar)|"
    r"nao preciso de (?:uma )?ambulancia|"
    # French
    r"je (?:suis|me sens) en securite|je vais bien|"
    r"(?:(?:suis|est|sont|es) pas|personne n est) en danger|"
    r"je (?:ne )?(?:vais|ferai) rien (?:me )?(?:faire)?|"
    r"pas besoin d (?:une )?ambulance|"
    # Italian
    r"(?<!non )(?:sono|mi sento) (?:al sicuro|in salvo|tranquill[oa])|(?<!non )sto bene|"
    r"(?:non (?:sono|e|sei|siamo)|nessuno e) in pericolo|non (?:faro|voglio fare) (?:niente|nulla)|"
    r"non mi faro (?:niente|male|del male)|non ho bisogno di (?:un )?ambulanza|"
    # German
    r"mir geht (?:s|es) gut|mir gehts gut|ich bin (?:hier )?in sicherheit|"
    r"(?:(?:bin|ist|sind) nicht|niemand ist) in gefahr|keine gefahr|"
    r"(?:ich )?(?:werde|tue|tu|mache|mach) (?:mir )?nichts(?: an| tun)?|"
    r"(?:er|sie) (?:tut|macht) mir nichts|brauche? keinen? (?:krankenwagen|notarzt)"
    r")\b"
)
# Rule 7: fear of how someone else will react, said beside safety, takes none of it back.
_OTHERS_REACTION = re.compile(
    r"\b(?:scared|afraid|worried|nervous|anxious|terrified)(?: of| about)? (?:how|what) "
    r"(?:he|she|they|people|folk|folks|others|everyone|my \w+)(?: s| ll| will| would| d| might|"
    r" is| are| re)?(?: going to| gonna)? (?:react|think|say|see|do|feel)\b"
)
# Rule 10: an act told ("i took them", "ya me corté"), not one denied ("i haven't taken").
_TOLD_ACT = re.compile(
    r"(?<!n t )(?<!not )(?<!never )\b(?:"
    r"(?:i |i ve |i have |ive |just |already )(?:took|taken|swallowed) (?:them|it|all|some|"
    r"a (?:few|lot|bunch|handful)|(?:too )?many|the (?:pills|tablets)|pills|tablets|\d+)|"
    r"(?:i |i ve |i have |ive |just |already )(?:cut|burned|burnt|hurt|harmed) "
    r"(?:myself|again|deep|tonight|today|my)|i did it(?: again)?|"
    r"(?<!no )(?:ya )?me (?:corte|queme|lastime|hice dano)|(?:me )?tome (?:las|todas|todo|"
    r"pastillas|unas)|(?<!nao )(?:ja )?me (?:cortei|queimei|machuquei)|"
    r"tomei (?:tudo|os|as|todos|todas|remedios|comprimidos)|"
    r"je me suis (?:coupee?|brulee?|fait du mal|fait mal|blessee?)|"
    r"j ai (?:pris|avale) (?:les|des|tout|trop)|"
    r"mi sono (?:tagliat[oa]|bruciat[oa]|fatt[oa] male|ferit[oa])|"
    r"ho (?:preso|ingoiato) (?:le|delle|tutte|tutto|troppe)|"
    r"(?:ich )?hab(?:e)? mich (?:geritzt|geschnitten|verletzt|verbrannt)|"
    r"(?:ich )?hab(?:e)? (?:sie|die|alle|tabletten|zu viele) (?:\w+ )?(?:genommen|geschluckt)"
    r")\b"
)
# Rule 10: how often an act happens, said with it ("i cut sometimes", "sometimes i burn
# myself", "i still self harm on and off", "a veces me corto", "manchmal ritze ich mich").
_OFTEN = (
    r"(?:sometimes|often|a lot|always|lately|every day|most days|some days|on and off|"
    r"all the time|now and then|from time to time|every now and then|when it gets bad|"
    r"a veces|as vezes|parfois|a volte|manchmal|ab und zu)"
)
_ACT = (
    r"(?:i (?:still |only |just |do )?|still )?(?:cut|burn|scratch|hit|hurt|harm|self harm|"
    r"self injure|sh)(?: myself| me)?|me (?:corto|quemo|lastimo|machuco)|"
    r"je me (?:coupe|scarifie|brule|fais du mal)|mi (?:taglio|brucio|faccio del male)|"
    r"(?:ritze|schneide|verletze) ich mich|ich (?:ritze|schneide|verletze) mich"
)
_HABIT = re.compile(
    rf"\b(?:{_OFTEN} (?:{_ACT})|(?:{_ACT})(?: (?:myself|still|too|again|only|even))? {_OFTEN})\b"
)
_CLAUSES = re.compile(r"[,.;:!?¡¿\n]+")
_SENTENCES = re.compile(r"[.!?]+")
_WHOLE_YES = re.compile(r"^(?:i am|i m|im|i do|i have|i have been|i ve been|i think so)$")
_FINE = re.compile(
    r"^(?:(?:i m|im|i am) (?:fine|ok|okay|alright|all right|good|safe)|fine|safe|all good)"
    r"(?: (?:thanks|thank you|now|right now))*$"
)
_RATHER_NOT = re.compile(
    r"^(?:skip|pass)$|\b(?:rather not|prefer not|"
    r"(?:do ?n t|dont|do not) (?:want|wanna) (?:to )?(?:say|answer|talk|tell))\b"
)


def read(text: str, *, about_suicide: bool = False) -> Said | None:
    """What a typed reply says to a yes-or-no question; None when it is no answer to it.
    `about_suicide`: the question is "are you thinking about suicide?" (rules 7 and 10).
    A reply that says nothing as typed is read again glossed into English (rule 12)."""
    said = _read(text, about_suicide=about_suicide)
    glossed = glosses.wholly(text) if said is None else None
    return _read(glossed, about_suicide=about_suicide) if glossed is not None else said


def _read(text: str, *, about_suicide: bool = False) -> Said | None:
    typed = normalise(text)
    if not typed:
        return None
    typed = " ".join(_FEAR_OF_OTHERS.sub(" ", typed).split()) or typed  # rule 13
    yes, no_word = bool(_YES.search(typed)), bool(_NO_WORD.search(typed))
    safe, rest = _safety_stated(text)
    rest = " ".join(_FEAR_OF_OTHERS.sub(" ", rest).split())  # rule 13, as for `typed`
    if about_suicide:  # rule 10: "i cut sometimes" tells how often, not doubt about suicide
        rest = " ".join(_HABIT.sub(" ", rest).split())
    if _DOUBT.search(rest) or _FRAMED.search(typed):
        unhedged = " ".join(_HEDGE.sub(" ", typed).split())
        if _hedges_other_words(unhedged):
            return Said.HEDGED  # rule 9
        return Said.UNSURE
    if (safe or yes) and not about_suicide and _TOLD_ACT.search(typed):
        return Said.UNSURE  # rule 10
    if safe and not (yes and about_suicide):
        return Said.FINE  # rule 7
    if yes and no_word:
        return Said.UNSURE
    if yes or _WHOLE_YES.match(typed):
        return Said.YES
    if _BARE_NO.match(typed):
        return Said.NO
    if _NO_WORD.match(typed):
        # "no one cares", "no point": worry, not a no (rule 6)
        return Said.UNSURE if _WORRIED_NO.match(typed) else Said.NO_AND_MORE
    if _FINE.match(typed):
        return Said.FINE
    if _RATHER_NOT.search(typed):
        return Said.RATHER_NOT_SAY
    last = [part for part in _SENTENCES.split(text) if normalise(part)][-1:]
    if last and last[0] != text and _BARE_NO.match(normalise(last[0])):
        return Said.NO  # rule 8
    return None


def fine_said(text: str) -> bool:
    """Whether `text` says the writer is fine or safe, as a whole or in one of its
    sentences ("Why are you showing helpline again? I am fine, I only meant Rohan"), with
    no doubt or act anywhere in it that takes it back."""
    whole = read(text)
    if whole is Said.FINE:
        return True
    if whole is Said.UNSURE:
        return False
    return any(read(clause) is Said.FINE for clause in _CLAUSES.split(text) if clause.strip())


def after_the_no(text: str) -> str:
    """What a reply that starts with a no says after it, normalised: "no i'm ok" -> "i m
    ok"; the whole reply when it starts with none."""
    typed = normalise(text)
    found = _NO_WORD.match(typed)
    return typed[found.end() :].strip() if found is not None else typed


def _safety_stated(text: str) -> tuple[bool, str]:
    """Whether `text` states safety (rule 7), and the rest of it, normalised, without the
    statements of safety, nor fear of others' reactions where safety is stated."""
    clauses = [normalise(clause) for clause in _CLAUSES.split(text)]
    safe = any(_SAFE.search(clause) for clause in clauses)
    rest = " ".join(_SAFE.sub(" ", clause) for clause in clauses)
    if safe:
        rest = _OTHERS_REACTION.sub(" ", rest)
    return safe, " ".join(rest.split())


def _hedges_other_words(rest: str) -> bool:
    """Whether what is left without the hedge (rule 9) is words of their own: two or
    more, with no doubt, no negation ("probably not tonight" is still unsure, while
    wanting not to act is no negation of safety) and no yes or no in them."""
    words = rest.split()
    resisting = _RESISTING.sub(" ", rest)  # "i want to not do it" denies no safety
    if len(words) < 2 or _DOUBT.search(rest) or _FRAMED.search(rest):
        return False
    if _NEGATED.search(resisting):
        return False
    return _read(rest) is None


# Rule 13: fear of how someone else will react, or of them telling or finding out.
_WHO = r"(?:(?:my|our|his|her|their|the) \w+(?: s)?|she|he|they|people|everyone|someone)"
_FEAR_OF_OTHERS = re.compile(
    r"\b(?:(?:only|just|really|so|very) )?(?:scared|afraid|worried|nervous|frightened) "
    rf"(?:(?:of|about|that|if|what|how) )*{_WHO}(?: ll| will| might| would| s)? "
    r"(?:reaction|react|reacts|tell|tells|find out|finds out|know|knows|think|thinks|say|"
    r"says|hate me|hates me|judge me|judges me)\b(?: \w+){0,3}$"
)
_NEGATED = re.compile(r"\b(?:not|never|no|nope|nah|nothing|none)\b")
_RESISTING = re.compile(r"\b(?:to not|not to)\b")
