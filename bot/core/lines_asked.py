"""Crisis lines asked for in words, at any step: "crisis lines", "show me the UK numbers",
"whats a helpline in the us", "hay alguna linea de ayuda", "necesito ayuda ahora".

Rules:
1. Words that ask for lines or for help now, in English and a few other languages; "lines"
   alone never does ("the lines on my arm" are scars).
2. Not when the lines are denied or told of ("i don't want a helpline", "i called a
   helpline last week"): those are talk, not a request.
3. The countries the request names, in order, are whose lines to show; none named: the
   person's own (bot/core/countries.py, `mentioned`).
4. Where the step reads the text as one of its own answers, it is the step's; where the
   step keeps what is typed, only a request put as one counts (`keeps_words`).
5. Asking for someone to call or talk to, in any wording ("is there someone in Peru I can
   call", "who can i talk to in canada", "a number i can ring?"), asks for lines.
6. Lines asked for parents ("any helpline for parents", "a parents' line"), or by a parent
   in the someone-else flow, are a parent's (`for_a_parent`): the lines for parents, as the
   flow shows them, never "are you safe right now?" (SAFE_MESSAGING.md, Always 11).
7. A protest at being shown lines ("why are you showing helpline again and again?",
   "stop giving me numbers", "Warum zeigen Sie mir Notrufnummern?", "¿por qué me das
   números?") asks for none (`protested`): the lines named and the protest in one sentence.
"""

from __future__ import annotations

import re
import unicodedata

from bot.core import countries


def read(text: str, *, keeps_words: bool = False) -> tuple[str, ...] | None:
    """The countries whose lines `text` asks for (empty: the person's own); None when it
    asks for none. `keeps_words`: the step keeps what is typed (a safety plan's "who can
    I call?"), so only a request put as one counts ("can you show me a helpline?"), never
    a helpline named as the answer ("the samaritans helpline")."""
    typed = _plain(text)
    asked = _ASKS.search(typed)
    if asked is None or protested(text) or any(_DENIED.search(s) for s in _sentences(text)):
        return None
    if keeps_words and "?" not in text and not _REQUEST.match(typed):
        return None
    return countries.mentioned(text)


def protested(text: str) -> bool:
    """Rule 7: whether `text` protests at being shown crisis lines, in one sentence that
    names them: "why do you keep giving me numbers??", "stop sending me helplines",
    "pourquoi tu me donnes des numéros d'urgence ?"."""
    return any(_PROTEST.search(s) and _LINES_NAMED.search(s) for s in _sentences(text))


def for_a_parent(text: str, state: dict[str, object] | None) -> bool:
    """Rule 6: whether lines asked for are a parent's: asked for parents, or asked on the
    someone-else flow's path for a parent or carer (its steps named "parent…")."""
    if names_parents(text):
        return True
    node = str(state.get("node", "")) if state is not None else ""
    return state is not None and state.get("flow") == "someone_else" and node.startswith("parent")


def names_parents(text: str) -> bool:
    """Whether the lines asked for are named as for parents ("any helpline for parents")."""
    return _FOR_PARENTS.search(_plain(text)) is not None


def _sentences(text: str) -> list[str]:
    """`text` cut into sentences, each plain: "i want to stop. give me a helpline" is
    two (the "stop" denies nothing of the second)."""
    return [_plain(part) for part in re.split(r"[.!?¿¡\n]+", text)]


def _plain(text: str) -> str:
    """Lowercase, accents off, punctuation to spaces: "línea de ayuda?" -> "linea de ayuda"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", bare).split())


_ASKS = re.compile(
    r"\b(?:"
    # English
    r"help ?lines?|hot ?lines?|crisis (?:lines?|numbers?|services?|contacts?|support|text)|"
    r"suicide (?:lines?|numbers?|prevention)|support lines?|emergency (?:numbers?|lines?)|"
    r"(?:show|give|send|get|see) (?:me |us )?(?:the |some |a |any |those |these |your )?"
    r"(?:\w+ )?numbers?|(?:want|need) (?:the |some |a |any )(?:\w+ )?numbers?|"
    r"numbers? (?:for|to call)|is there (?:a |an |any |like a )?(?:\w+ )?(?:numbers?|help ?lines?|"
    r"hot ?lines?)|"
    r"what (?:is |s )?(?:the |a )?numbers?|"
    # rule 5: someone to call or talk to, asked for
    r"who (?:can|do|should|could|would) (?:i|we) (?:call|ring|phone|text|contact|"
    r"talk to|speak to|talk with|speak with|reach out to)|"
    r"is there (?:some ?one|any ?one|some ?body|any ?body|a person|people|anywhere|a place)"
    r"(?: \w+){0,4} (?:i|we) (?:can|could|should|might) (?:call|ring|phone|text|contact|"
    r"talk to|speak to|talk with|speak with|reach)|"
    r"(?:numbers?|lines?) (?:i|we) (?:can|could) (?:call|ring|phone|text)|"
    r"(?:lines?|numbers?|support) for (?:worried )?(?:parents?|carers?|families)|"
    r"need (?:some )?help (?:right now|now|asap|urgently|immediately)|help me now|"
    # Spanish, Portuguese, French, German, Italian
    r"lineas? de (?:ayuda|crisis|apoyo|prevencion)|numeros? de (?:ayuda|emergencia|crisis)|"
    r"necesito ayuda(?: ya| ahora| urgente)|telefonos? de (?:ayuda|la esperanza)|"
    r"linhas? de (?:ajuda|apoio|crise)|preciso de ajuda (?:agora|ja|urgente)|"
    r"lignes? d (?:ecoute|aide|urgence)|numeros? d (?:urgence|aide|ecoute)|"
    r"besoin d aide (?:maintenant|tout de suite|urgent)|"
    r"notruf(?:nummer)?n?|hilfe ?telefon|telefonseelsorge|krisen ?(?:telefon|hotline|nummer)|"
    r"brauche (?:jetzt )?hilfe jetzt|brauche sofort hilfe|"
    r"numero verde|linea di ascolto|ho bisogno di aiuto (?:ora|adesso|subito)"
    r")\b"
)
# Rule 2: a request denied ("i don't want a helpline") or a helpline told of.
_DENIED = re.compile(
    r"\b(?:(?:don t|dont|do not|won t|will not|never|not going to) (?:want|need|like|call|"
    r"ring|use|trust)|no more|without|hate|useless|stop)(?: \w+){0,3} "
    r"(?:help ?lines?|hot ?lines?|crisis lines?|numbers?|lines?)\b|"
    r"\b(?:called|rang|phoned|texted|tried|used to call)(?: \w+){0,3} "
    r"(?:help ?lines?|hot ?lines?|crisis lines?|lines?|numbers?)\b|"
    r"\b(?:help ?lines?|hot ?lines?|crisis lines?)(?: \w+){0,2} (?:are|is|were|was) "
    r"(?:useless|pointless|shit|crap|no good|a joke|no help)\b"
)
# Rule 4: a request put as one.
_REQUEST = re.compile(
    r"^(?:please |pls |ok |okay |and |but )?(?:show|give|send|can|could|what|whats|where|who|"
    r"is there|are there|i need|i want|i d like|necesito|hay|quiero|tienes|preciso)\b"
)
# Rule 6: lines for parents asked for.
_FOR_PARENTS = re.compile(
    r"\b(?:for|of) (?:worried )?(?:parents?|carers?|mums?|moms?|dads?|families|a parent)\b|"
    r"\bparents? s? (?:help ?lines?|hot ?lines?|lines?|support|numbers?)\b"
)
# Rule 7: a protest at lines shown, in English and the other five languages ...
_PROTEST = re.compile(
    r"\b(?:"
    r"why (?:are|r|do|did|would|does|d|is|must) (?:you|u|ya|this bot|this|it) "
    r"(?:\w+ ){0,2}(?:show|giv|send|put|throw|push|keep|post|list|offer|repeat)\w*|"
    r"(?:stop|quit) (?:\w+ )?(?:showing|giving|sending|posting|throwing|pushing|with)|"
    r"(?:enough|no need for)(?: with)?(?: the| these| those| your| all)? (?:\w+ )?(?:numbers|"
    r"help ?lines|hot ?lines)|(?:don t|dont|do not) (?:keep )?(?:show|giv|send)\w*|"
    r"(?:keep|keeps|keeping) (?:on )?(?:showing|giving|sending|throwing|pushing)|"
    r"(?:warum|wieso|weshalb) (?:\w+ )?(?:zeig|schick|gib|geb|send)\w*|hor (?:doch )?auf|"
    r"horen sie auf|"
    r"por ?que (?:vc |voce |usted |tu )?(?:me )?(?:das|da|muestras?|mandas?|pones?|envias?|"
    r"sigues?|mostra|fica|envia)|deja de|basta de|para de|pare de|chega de|"
    r"pourquoi (?:tu |vous )?(?:me )?(?:donnes?|donnez|montres?|montrez|envoies?|envoyez)|"
    r"arrete[sz]? de|perche (?:mi )?(?:dai|mostri|mandi|continui)|smettila di|basta con"
    r")\b"
)
# ... that names the lines.
_LINES_NAMED = re.compile(
    r"\b(?:help ?lines?|hot ?lines?|crisis|numbers?|lines|emergency|samaritans|"
    r"notruf\w*|nummern?|telefonnummern?|numeros?|lineas?|linhas?|lignes?|numeri|"
    r"telefonos?|telefones?)\b"
)
