"""Typed text about someone else's self-injury or risk: a child, a grandchild, a friend, a
partner, a parent, a student; in English, Spanish, Portuguese, French, Italian and German.

Safety says whether worried words are about someone else (`about_someone_else`); this
reads plain words that safety finds nothing in, or reads as the writer's own because it
knows the other person only in English ("my daughter has been cutting her arms", "mio
nipote si taglia", "meine Tochter ritzt sich"), so that they go to the someone_else flow,
never to the writer's own urge, and never to "are you thinking about suicide?" asked of
the writer.

Rules:
1. A person of the writer's ("my niece", "mi hija", "mio nipote", "meine Enkelin", "ma
   fille") named with a worry about them is someone else's self-injury or risk
   (`mentioned`), unless the writer speaks of their own wanting or body too ("myself",
   "quiero morir", "ich ritze mich", "my arms"): then it stays the writer's.
2. A risk to their life said of them ("she wants to die", "mi hija quiere matarse", "mia
   nipote vuole uccidersi", "meine Tochter will sterben") is a crisis for them
   (`their_danger`): the crisis reply for someone else, even where safety read nothing.
3. The model cannot tell whose words these are: what only it found is theirs by rule 1
   (`theirs`). The writer's own words keep a crisis the writer's, also where safety read
   it as another's ("my friend wants to die and i do too").
"""

from __future__ import annotations

import dataclasses
import re

import safety
from bot.core import words
from bot.messages import Reply
from dialogues import normalise

# Rule 1: the people of the writer's. Accents are folded by `normalise` ("mamá" is "mama").
_EN_PERSON = (
    r"(?:my|our|a|his|her) (?:\d+ ?(?:year|yr)s? ?old|(?:teenage |little |best |close |older |"
    r"younger |step ?|grand ?)?(?:friend|mate|bestie|bff|daughter|son|child|kid|teen|teenager|"
    r"boy|girl|partner|boyfriend|girlfriend|bf|gf|wife|husband|mum|mom|mother|dad|father|"
    r"parent|brother|sister|sibling|cousin|student|pupil|flatmate|roommate|niece|nephew|"
    r"grandchild|grandkid|granddaughter|grandson|children))s?"
)
_ES_PT_PERSON = (
    r"(?:mi|mis|nuestr[oa]s?|meu|minha|meus|minhas|noss[oa]s?) (?:\w+ )?"
    r"(?:hij[oa]s?|nin[oa]s?|niet[oa]s?|nett[oa]s?|net[oa]s?|sobrin(?:h)?[oa]s?|novi[oa]s?|"
    r"namorad[oa]s?|parejas?|espos[oa]s?|marido|amig[oa]s?|mama|madre|papa|padre|mae|pai|"
    r"herman[oa]s?|irmaos?|irmas?|prim[oa]s?|alumn[oa]s?|alun[oa]s?|estudiantes?|estudantes?|"
    r"filh[oa]s?|companer[oa]s?|companheir[oa]s?|chic[oa]s?|adolescentes?)"
)
_FR_PERSON = (
    r"(?:mon|ma|mes|notre|nos) (?:\w+ )?(?:fils|fille|filles|enfants?|petit fils|petite fille|"
    r"petits enfants|neveu|niece|copain|copine|petit ami|petite amie|mari|femme|conjointe?|"
    r"ami|amie|amis|mere|pere|maman|papa|frere|soeur|cousine?|eleves?|etudiante?s?|ado)"
)
_IT_PERSON = (
    r"(?:mio|mia|miei|mie|nostr[oaie]|il mio|la mia) (?:\w+ )?(?:figli[oa]?|figlie|nipot[ei]|"
    r"nipotin[oa]|ragazz[oa]|fidanzat[oa]|marito|moglie|compagn[oa]|amic[oa]|amici|amiche|"
    r"madre|mamma|padre|papa|fratello|sorella|cugin[oa]|student(?:e|essa)|alunn[oa]|bambin[oa])"
)
_DE_PERSON = (
    r"(?:mein|meine|meinen|meinem|meiner|unser|unsere|unseren|unserem|unserer) (?:\w+ )?"
    r"(?:sohn|tochter|kind|kinder|enkel|enkelin|enkelkind|neffe|nichte|freund|freundin|"
    r"partner|partnerin|mann|frau|mutter|mama|vater|papa|bruder|schwester|cousin|cousine|"
    r"schuler|schulerin|schueler|schuelerin|student|studentin)"
)
_PERSON = f"(?:{_EN_PERSON}|{_ES_PT_PERSON}|{_FR_PERSON}|{_IT_PERSON}|{_DE_PERSON})"
# Rule 2: a risk to their life, said of them (third person: "quiere", never "quiero").
_THEIR_LIFE = (
    r"(?:wants? to (?:die|kill (?:him|her|them)sel(?:f|ves)|end it)|"
    r"(?:thinking|thinks) (?:about|of) (?:suicide|killing (?:him|her|them)sel(?:f|ves))|"
    r"(?:piensa|pensando|pensa|pense|pensant|denkt) (?:en |em |au |al |a |an |nel )?"
    r"(?:el |o |le |la |il )?(?:suicid\w*|selbstmord|suizid)|"
    r"(?:s|is|are|re) (?:going to|gonna) kill (?:him|her|them)sel(?:f|ves)|"
    r"quiere (?:morir\w*|matarse|suicidarse|quitarse la vida)|se (?:quiere|va a) (?:matar|morir)|"
    r"quer (?:morrer|se matar|suicidar\w*)|vai se matar|"
    r"veut (?:mourir|se tuer|se suicider|en finir)|va se tuer|"
    r"vuole (?:morire|uccidersi|suicidarsi|farla finita|ammazzarsi)|"
    r"si vuole (?:uccidere|ammazzare)|"
    r"will (?:sterben|sich umbringen|sich (?:das leben nehmen|toten|toeten))|sich umbringen|"
    # in danger now, or an attempt: "está en peligro", "a tenté de se suicider"
    r"(?:esta|estan) en peligro|(?:esta|estao) em perigo|(?:est|sont) en danger|"
    r"(?:e|sono) in pericolo|(?:ist|sind) in gefahr|"
    r"(?:tried|attempted) to kill (?:him|her|them)sel(?:f|ves)|"
    r"intento (?:suicidarse|matarse|quitarse la vida)|tentou (?:se matar|suicidio|o suicidio)|"
    r"a tente de se (?:tuer|suicider)|ha tentato (?:il suicidio|di (?:uccidersi|ammazzarsi))|"
    r"hat versucht,? sich (?:umzubringen|das leben zu nehmen))"
)
# Rule 1: a worry about them (self-injury, scars, their risk, the writer's worry for them).
_WORRY = (
    r"(?:cut|cuts|cutting|self ?harm\w*|harm\w* (?:him|her|them)sel(?:f|ves)|"
    r"hurt\w* (?:him|her|them)sel(?:f|ves)|scars?|burn\w* (?:him|her|them)sel(?:f|ves)|"
    r"wants? to die|kill (?:him|her|them)sel(?:f|ves)|injur\w*|worried|worry|"
    r"scared for|concerned|"
    r"se (?:corta|cortaba|ha cortado|lastima|hace dano|ha hecho dano|quema|hiere|"
    r"machuca|magoa|fere|queima)|autolesi\w*|auto ?mutila\w*|cicatri\w*|preocupad[oa]s?|"
    r"me preocupa|estoy preocupad[oa]|estou preocupad[oa]|"
    r"se (?:coupe|scarifie|fait du mal|blesse|brule|mutile)|scarif\w*|inquiet\w*|"
    r"si (?:taglia|tagliava|e tagliat[oa]|fa del male|ferisce|brucia|graffia)|tagli|"
    r"preoccupat[oa]|mi preoccupa|suicid\w*|suizid\w*|selbstmord\w*|"
    r"ritzt sich|verletzt sich|schneidet sich|selbst ?verletz\w*|narben|sorgen|besorgt|"
    rf"{_THEIR_LIFE})"
)
_THIRD = re.compile(
    r"\b(?:she|he|her|him|they|them|their|she s|he s|they re|ella|ele|ela|elle|lui|lei|er|ihm)\b"
)
# The writer's own self-injury, wanting or body, in each language: then the risk stays theirs.
_MINE = (
    r"myself|(?:kill|hurt|cut|harm) me|me too|so do i|i do too|i (?:also|too)|"
    r"(?:doing|do|feel) the same|join(?:ing)? (?:him|her|them)|(?:and|honestly|tbh|ngl) same|"
    r"same here|me as well|i want to too|"
    r"i (?:want|wanna|need) to (?:die|cut|hurt|kill)|i (?:cut|hurt|burn|harm)|"
    r"my (?:arm|arms|leg|legs|skin|wrist|wrists|body|thigh|thighs|scars?|cuts?|wounds?|burns?)|"
    r"(?:i(?: ve| have| m| am)?|ive|im)(?: been| started| start)? "
    r"(?:cutting|hurting|harming|burning)|"
    r"(?:mis|mes|meine|minhas) (?:cicatrices|cicatrizes|narben)|le mie cicatrici|"
    r"yo tambien|eu tambem|moi aussi|anch io|ich auch|"
    r"(?:yo )?me (?:corto|corte|lastimo|hago dano|hice dano|quiero (?:morir|matar)|mato)|"
    r"quiero (?:morir\w*|matarme|cortarme|hacerme dano|suicidarme)|"
    r"(?:eu )?me (?:corto|cortei|machuco|machuquei|magoo|magoei)|"
    r"quero (?:morrer|me matar|me cortar|me machucar)|"
    r"je (?:me coupe|me suis coupe\w*|me fais du mal|me scarifie|veux mourir|veux me tuer)|"
    r"mi (?:taglio|sono tagliat[oa]|faccio del male|voglio (?:uccidere|ammazzare))|"
    r"voglio (?:morire|uccidermi|farla finita|ammazzarmi)|"
    r"ich (?:ritze|schneide|verletze) mich|ich will (?:sterben|mich umbringen)|"
    r"(?:mis|meus|mes|miei|le mie|meine) (?:brazos|piernas|munecas|bracos|pernas|pulsos|bras|"
    r"jambes|poignets|braccia|gambe|polsi|arme|beine|handgelenke)"
)
_MINE_SAID = re.compile(rf"\b(?:{_MINE})\b")
# ... and, where the words could be about either (the someone-else flow's "she", "him"),
# anything of the writer's own in English as well.
_OWN = re.compile(rf"\b(?:{_MINE}|me|i (?:want|wanna|need|feel|keep|can t|cant|did|just))\b")
_ABOUT = re.compile(rf"\b{_PERSON}\b.*\b{_WORRY}\b|\b{_WORRY}\b.*\b{_PERSON}\b")
_A_PERSON = re.compile(rf"\b{_PERSON}\b")
_LIFE = re.compile(_THEIR_LIFE)
_THEIRS = re.compile(rf"\b(?:{_PERSON}|she|he|they|ella|ela|elle|lei|er|sie)\b.*?\b{_THEIR_LIFE}\b")
# A risk to their life denied ("she doesn't want to die", "er will nicht sterben").
_DENIED = re.compile(
    r"\b(?:not|never|no|nao|non|pas|nicht|nunca|mai|jamais|(?:don|doesn|didn|isn|won|wouldn) ?t|"
    r"dont|doesnt|didnt|isnt|wont|wouldnt)(?: \w+)?$"
)
_NOT_ME = re.compile(
    r"\b(?:(?:it s|its|it is|this is|this isn t|this is not) not (?:me|about me|for me)|"
    r"not (?:me|about me|for me) (?:it s |its |it is |i mean |)(?:her|him|them|my \w+)|"
    r"(?:about|for) (?:my \w+|her|him|them),? not (?:me|myself|about me)|"
    r"i mean (?:for |about |)(?:her|him|them)|"
    r"(?:for|about) (?:someone|somebody) else|(?:someone|somebody) else (?:is|s|might|may)|"
    # "no, non io", "no soy yo", "pas moi", "nicht ich", "nao sou eu": not me, in five more
    r"non (?:io|sono io|per me|parlo di me)|no (?:soy yo|es (?:por|para|sobre) mi|yo no)|"
    r"(?:ce )?n est pas (?:moi|pour moi)|pas moi|nicht (?:ich|mich|um mich|fur mich)|"
    r"(?:nao|no) (?:sou eu|e (?:comigo|por mim|sobre mim)))\b"
)
FLOW = "someone_else"
# Kinds of worry that are someone else's self-injury or risk, when safety says it is theirs.
_RISK_KINDS = frozenset({"urge", "lapse", "injury", "hopelessness", "distress", "burden"})


def mentioned(text: str) -> bool:
    """Whether `text` is about someone else self-injuring or at risk (rule 1)."""
    typed = normalise(text)
    return bool(_ABOUT.search(typed)) and not _MINE_SAID.search(typed)


def their_danger(text: str) -> bool:
    """Whether `text` says another person's life is at risk, and not the writer's (rule 2):
    "my niece wants to die", "mi hija quiere matarse", "meine Tochter will sterben"; never
    "she doesn't want to die", nor "my friend wants to die and so do i"."""
    typed = normalise(text)
    if _MINE_SAID.search(typed):
        return False
    found = _THEIRS.search(typed)
    while found is not None:
        life = _LIFE.search(typed[found.start() :])
        said = typed[: found.start() + life.start()] if life else typed[: found.end()]
        if not _DENIED.search(said.strip()):
            return True
        found = _THEIRS.search(typed, found.start() + 1)
    return False


def about_them(text: str) -> bool:
    """Whether worried words are plainly about someone else and not the writer's own: a
    person of theirs named with the worry ("i'm worried about my daughter"), or in the
    someone-else flow a "she", "him", "them" ("what do i say to her?"), and nothing of the
    writer's own wanting or body ("myself", "i want to", "my arms")."""
    typed = normalise(text)
    return not _OWN.search(typed) and bool(_ABOUT.search(typed) or _THIRD.search(typed))


def worried_about_them(text: str, risk: safety.Assessment) -> bool:
    """Whether worried words are about someone else's self-injury or risk: safety says so,
    or only the model found worry (no risk words of the writer's own) in words about
    another person ("I'm worried about my daughter")."""
    if self_injury(risk):
        return True
    model_only = bool(risk.matched) and all(m.startswith("model.") for m in risk.matched)
    return model_only and mentioned(text)


def in_their_flow(state: dict[str, object] | None) -> bool:
    """Whether the person is in the someone_else flow: their worried words are about the
    other person, or their own worry for them, not their own distress."""
    return state is not None and state.get("flow") == FLOW


def for_them(replies: list[Reply], state: dict[str, object] | None) -> list[Reply]:
    """The flow's replies to a helper's worried words: its first "not sure which one you
    meant" at a step becomes words for their worry, with the same buttons; a second miss
    gets the flow's way out, so worry never meets the same words in a loop."""
    if state is None or state.get("missed") != 1 or len(replies) != 1:
        return replies
    return [Reply(words.WORRIED_FOR_THEM, options=replies[0].options)]


def not_the_writer(text: str) -> bool:
    """Whether the writer says the danger is someone else's, not theirs: "its not me its
    HER", "i mean for her", "someone else is in danger"."""
    return _NOT_ME.search(normalise(text)) is not None


def theirs(
    risk: safety.Assessment, text: str, state: dict[str, object] | None
) -> safety.Assessment:
    """`risk` read as someone else's (rule 3): nothing but the model found it (it cannot
    tell whose words these are) and the writer says it is not theirs ("its not me its
    HER"), or speaks of a person of theirs and not of themselves ("mio nipote si taglia"),
    or, in the someone-else flow, of the other person ("she was an hour ago. now shes at
    the hospital"). A risk to another's life said of them is their crisis, also where
    safety read it as the writer's or read nothing (rule 2). Else `risk`."""
    if risk.about_someone_else:
        # "my friend wants to die and i do too": the writer's own crisis as well
        own = risk.tier is safety.Tier.CRISIS and _own(text)
        return dataclasses.replace(risk, about_someone_else=False) if own else risk
    if their_danger(text):
        if risk.tier is safety.Tier.CRISIS:
            return dataclasses.replace(risk, about_someone_else=True)
        return THEIR_DANGER
    model_only = bool(risk.matched) and all(m.startswith("model.") for m in risk.matched)
    said_not_mine = not_the_writer(text) and not _own(text)
    if said_not_mine and (model_only or _another(text)):  # never "this is not for me", alone
        return dataclasses.replace(risk, about_someone_else=True)
    if model_only and ((in_their_flow(state) and about_them(text)) or mentioned(text)):
        return dataclasses.replace(risk, about_someone_else=True)
    return risk


def not_mine(text: str) -> bool:
    """Whether an answer to a question about the writer ("are you thinking about
    suicide?") says it is someone else who is at risk, and nothing of the writer's own:
    "No, non io! È mio nipote che si fa del male", "no its not me, my daughter cuts"."""
    return (not_the_writer(text) and not _own(text)) or mentioned(text) or their_danger(text)


def _own(text: str) -> bool:
    return _MINE_SAID.search(normalise(text)) is not None


def _another(text: str) -> bool:
    """Whether `text` names another person: a person of the writer's, or a "she", "him"."""
    typed = normalise(text)
    return _A_PERSON.search(typed) is not None or _THIRD.search(typed) is not None


# What a crisis reply for someone else is given when only the writer's words say it is theirs.
THEIR_DANGER = safety.Assessment(
    tier=safety.Tier.CRISIS,
    kinds=frozenset({"danger"}),
    matched=(),
    about_someone_else=True,
    immediate=True,
)


def self_injury(risk: safety.Assessment) -> bool:
    """Whether worried words, about someone else, are about their self-injury or risk."""
    return risk.about_someone_else and not risk.kinds.isdisjoint(_RISK_KINDS)
