"""Typed words a flow's menu does not read by its buttons' words, given the button they
fit: a slip asked about, not told ("what if I relapse?"), loneliness told at a menu ("I am
alone here in Paris"), a menu's number said first; and which steps keep worried words.
Pure: no I/O.

Rules:
1. A slip asked about is a question, never a lapse told: "what if I relapse", "and if it
   happens again", "so one slip does not reset the 5 months?", "qué pasa si recaigo", "et
   si je rechute", "e se eu recair", "e se ci ricado", "was ist, wenn ich rückfällig
   werde". A slip told in the same message ("I relapsed, what if it happens again") is
   told: the lapse's questions (anything swallowed? an injury?) come first.
2. Its answer is what recovery can look like: at a menu, its button that leads there
   ("Tell me more" under "it isn't a straight line", "What recovery can look like");
   elsewhere the talk of setbacks (`SETBACKS`); unless the words name another of the
   menu's buttons ("Getting better, I suppose. Does one slip mean I'm back to square
   one?"), which the step takes. Never where the core's own question is open, a step keeps
   the words, the urge flow rides out an urge, the lapse's own steps ask, or the words say
   more than distress (an urge, an injury, hopelessness). Read before the step
   (bot/core/companion.py), as bot/core/before_the_step.py's rules are.
3. Loneliness told ("also I am lonely here", "me siento muy sola", "je suis seule ici",
   "ich bin so einsam") picks, of a menu's buttons, the one about feeling alone; else the
   one about reaching out to someone; else about other people; else "Something else is
   going on too". Never a button about doing things alone ("Things I can do alone").
4. Worried words are the answer of a step that keeps words only where it asks about hard
   things (what self-injury does and costs, warning signs, what is weighing on them, a
   mood note, what they might say when they tell someone); elsewhere ("what matters to
   you?", kind words for yourself, a coping idea) "i cut again last night" or "i hate
   myself" is never filed away as a value or a kind word: it is heard (the concern reply,
   the flow kept to go back to).
5. A menu's number said first, with more words after a comma or a stop ("4, je viens de
   te l'expliquer", "2. the one about calming down"), is that button, as the number alone
   is (never on a scale, whose numbers are its own, nor past the menu's last button).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import dialogues
import safety
from bot.core.questions import Nothing
from bot.core.turn import Turn
from dialogues.matching import normalise
from dialogues.schema import Node

# Rule 2: the talk of setbacks, and the steps whose buttons may lead there.
SETBACKS = "realistic_expectations:not_linear"
RECOVERY = frozenset(
    {("realistic_expectations", "intro"), ("realistic_expectations", "not_linear")}
)


def slip_asked(library: dialogues.Library, turn: Turn, risk: safety.Assessment) -> str | None:
    """Where a slip asked about goes (rules 1 and 2): the target of the menu's button to what
    recovery can look like, else the talk of setbacks; None when no slip is asked about."""
    incoming, state = turn.incoming, turn.person.flow_state
    text = incoming.text if incoming.choice is None and incoming.command is None else None
    if text is None or not isinstance(turn.person.question, Nothing):
        return None
    if not risk.kinds <= _SLIP_KINDS or risk.about_someone_else:
        return None
    if not asks_about_a_slip(text):
        return None
    node = _node(library, state)
    if state is None or node is None:
        return SETBACKS
    flow = str(state.get("flow"))
    if node.ask is not None or flow == "urges" or (flow, str(state.get("node"))) in _LAPSE_ASKS:
        return None  # words kept, an urge being ridden out, the lapse's own questions
    read = dialogues.step(library, state, dialogues.Typed(text), facts=dialogues.Facts())
    went = read.state or {}
    if (str(went.get("flow")), str(went.get("node"))) not in _LAPSE_ASKS and not any(
        isinstance(said, dialogues.Message) and dialogues.unclear(said.text) for said in read.out
    ):
        return None  # a button of the step's own ("Getting better, I suppose. Does one slip…")
    ahead = [library.resolve(flow, choice.to) for choice in node.choices or ()]
    leads = sorted((t for t in ahead if t in RECOVERY), key=lambda t: t[1] != "not_linear")
    return f"{leads[0][0]}:{leads[0][1]}" if leads else SETBACKS


# Rule 2: what a slip asked about may carry (the model reads "what if I relapse" as a
# lapse), and the steps where the lapse asks its own questions (the slip is theirs).
_SLIP_KINDS = frozenset({"distress", "lapse"})
_LAPSE_ASKS = frozenset(
    ("realistic_expectations", node)
    for node in (
        *("lapse", "swallowed", "swallowed_after", "swallow_not_say", "feel_fine"),
        *("swallowed_going", "injury", "emergency", "injury_unsure", "today", "today_after"),
        *("first_aid", "urgent_after"),
    )
)


def asks_about_a_slip(text: str) -> bool:
    """Rule 1: whether `text` asks what a slip would mean, with no slip told in it."""
    typed = _typed(text)
    return _WHAT_IF.search(typed) is not None and _TOLD.search(typed) is None


def lonely(text: str) -> bool:
    """Rule 3: whether `text` tells of loneliness."""
    return _LONELY.search(_typed(text)) is not None


def asks_about_hard_things(library: dialogues.Library, state: dict[str, object] | None) -> bool:
    """Rule 4: whether the step the person is at asks for words about hard things (what
    self-injury does for them, their warning signs, what is weighing on them, a mood note,
    what they would say when they tell someone), where worried words are its answer."""
    node = _node(library, state)
    ask = node.ask if node is not None else None
    return ask is not None and (ask.field in _HARD_FIELDS or ask.var in _HARD_VARS)


def lonely_choice(
    library: dialogues.Library, state: dict[str, object] | None, text: str
) -> str | None:
    """Rule 3: the id of the flow's button that loneliness told in `text` fits, as a tap
    gives it; None where the words tell none, or no button fits."""
    if state is None or not lonely(text):
        return None
    node = _node(library, state)
    if node is None or not node.choices:
        return None
    index = lonely_button([choice.label for choice in node.choices])
    return None if index is None else f"{state.get('flow')}.{state.get('node')}.{index + 1}"


def numbered_choice(
    library: dialogues.Library, state: dict[str, object] | None, text: str
) -> str | None:
    """Rule 5: the id of the menu's button a number said first names ("4, je viens de te
    l'expliquer"), as a tap gives it; None for anything else."""
    found = _LEADING_NUMBER.match(text)
    node = _node(library, state)
    if found is None or state is None or node is None or not node.choices:
        return None
    number = int(found.group(1))
    if not 1 <= number <= len(node.choices):
        return None
    return f"{state.get('flow')}.{state.get('node')}.{number}"


def lonely_button(labels: Sequence[str]) -> int | None:
    """Rule 3: the index of the button loneliness fits best, or None."""
    for kind in _FITS_LONELY:
        found = [at for at, label in enumerate(labels) if kind.search(normalise(label))]
        found = [at for at in found if not _ALONE_DOING.search(normalise(labels[at]))]
        if len(found) == 1:
            return found[0]
    return None


def _typed(text: str) -> str:
    """`text` normalised, English contractions joined ("i m" is "im"), a space each side."""
    joined = _CONTRACTED.sub(r"\1\2", normalise(text))
    return f" {joined} "


_CONTRACTED = re.compile(
    r"\b(i|you|we|they|he|she|it|that|there|don|doesn|didn|can|won|isn|aren|wasn|couldn|"
    r"wouldn|haven) (m|ve|s|t|d|ll|re)\b"
)
# Rule 5: a menu's number said first, then a mark and more words ("4, je viens de ...").
_LEADING_NUMBER = re.compile(r"^\s*(?:n[or]?\.?\s*|#)?(\d{1,2})\s*[,.;:!)\-]\s*\S")
# Rule 4: the fields and a flow's own words (`var`) that keep words about hard things.
_HARD_FIELDS = frozenset(
    {"plan_warning_signs", "insight_does", "insight_costs", "disclosure_words"}
)
_HARD_VARS = frozenset({"underneath", "problem", "amb_gives", "amb_costs", "note", "words"})
# The words of a slip, in six languages (normalised: lower case, no accents, no marks).
_SLIP = (
    r"(?:relapse|relapsed|slip|slip up|slipped|lapse|setback|mess up|do it again|"
    r"cut again|hurt myself again|it happens again|happens again|it comes back|"
    r"happen again|will happen again|"
    r"recaigo|recaer|recaida|vuelvo a hacer(?:lo|me)?|volver a hacer(?:lo|me)?|"
    r"vuelvo a cortarme|vuelve a pasar|"
    r"recair|recaida|voltar a fazer|volto a fazer|acontecer de novo|acontece de novo|"
    r"rechute|rechuter|recommence|recommencer|ca recommence|ca arrive encore|"
    r"ricado|ci ricasco|ricaduta|ricadere|succede di nuovo|succede ancora|lo rifaccio|"
    r"ruckfall|ruckfallig|wieder passiert|es wieder tue|ich es wieder mache)"
)
# Rule 1: a slip under "what if", "if", "and if" (a few words apart at most), or a slip's
# cost asked about ("does one slip reset", "una recaida lo borra todo?").
_WHAT_IF = re.compile(
    r" (?:what if|and if|but if|if|what happens if|what would happen if|"
    r"que pasa si|y si|si|e se|se|o que acontece se|et si|qu est ce qui se passe si|"
    r"cosa succede se|und wenn|was wenn|was ist wenn|was passiert wenn|wenn|"
    r"scared|afraid|worried|terrified|fear|miedo a|miedo de|medo de|peur de|paura di|angst)"
    r" (?:\w+ ){0,3}" + _SLIP + r" "
    r"|(?: one| a| 1| single| una| un| uma| ein| eine) " + _SLIP + r" (?:\w+ ){0,3}"
    r"(?:reset|resets|ruin|ruins|undo|undoes|erase|erases|wipe|wipes|mean|means|count|"
    r"counts|lose|borra|pierdo|perdo|apaga|efface|annule|cancella|loscht)"
)
# A slip told: the past said of oneself ("i relapsed", "lo hice anoche", "j'ai rechuté").
_TOLD = re.compile(
    r" (?:i|ive|i have|i just) (?:relapsed|slipped|did it again) "
    r"| (?:last night|yesterday|this morning|an hour ago|anoche|ayer|ontem|hier soir|ieri|"
    r"gestern|hace \w+ (?:dias|horas)|ha \w+ dias|il y a \w+ jours) "
    r"| (?:recai|lo volvi a hacer|volvi a hacerlo|volvi a cortarme|lo hice) "
    r"| (?:eu )?(?:recai|voltei a fazer|fiz de novo) "
    r"| j ai (?:rechute|recommence) | (?:ho|sono) (?:ricaduto|ricaduta|rifatto) "
    r"| ich (?:bin|war) (?:wieder )?ruckfallig | ich habe es wieder getan "
)
_LONELY = re.compile(
    r" (?:lonely|lonley|so alone|all alone|im alone|i am alone|i feel alone|feel so alone|"
    r"i have no friends|i have not many friends|dont have (?:many |any )?friends|"
    r"no friends|no one to talk to|nobody to talk to|no one here|isolated|"
    r"miss my family|far from home|far from my family|"
    r"me siento (?:muy )?sol[oa]|estoy (?:muy )?sol[oa]|muy sol[oa]|soledad|"
    r"no tengo amigos|lejos de (?:mi )?casa|lejos de mi familia|"
    r"sozinh[oa]|solidao|nao tenho amigos|longe de casa|longe da minha familia|"
    r"je me sens (?:tres |si )?seule?|je suis (?:tres |toute |tout )?seule?|tout seul|toute seule|"
    r"solitude|pas d amis|loin de chez moi|loin de ma famille|"
    r"mi sento (?:molto |cosi )?sol[oa]|sono (?:molto |cosi )?sol[oa]|solitudine|"
    r"nessun amico|lontan[oa] da casa|"
    r"einsam|ich bin (?:so |ganz )?allein|ganz allein|keine freunde|weit weg von zu hause)"
    r" "
)
# Rule 3, in order: feeling alone; reaching out; other people; something else going on.
_FITS_LONELY = (
    re.compile(r"\b(?:alone|lonely|no one)\b"),
    re.compile(r"\breach out\b"),
    re.compile(r"\b(?:other people|safe people|people i can)\b"),
    re.compile(r"^something else is going on\b"),
)
_ALONE_DOING = re.compile(r"\b(?:do|doing|things)\b.*\balone\b")


def _node(library: dialogues.Library, state: dict[str, object] | None) -> Node | None:
    flow = library.flows.get(str((state or {}).get("flow")))
    return flow.nodes.get(str((state or {}).get("node"))) if flow is not None else None
