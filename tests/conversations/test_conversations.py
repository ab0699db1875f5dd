"""The typed conversations in this folder (written by helpers as different people, each
turn labelled with what they meant: README.md), replayed turn by turn through the real
Companion (replay.py): safety first on every turn, suicide asked at most once, and the
share of typed answers not understood or misrouted held to the bench's figures
(bench/listening.py; docs/benchmarks.md)."""

from __future__ import annotations

import dataclasses

import pytest

import safety
from bot.core.triage import answers_plainly
from bot.store import Store
from tests.conversations.replay import Replayed, load, replay

CONVERSATIONS = load()
PLAIN_ANSWERS = frozenset({"swallowed", "suicide", "safe"})
# The figures the bench reached (docs/benchmarks.md): they may only go down. The
# corpus-trained safety model (docs/safety.md) took not understood from 0.142 to 0.183: it
# reads some in-flow answers as worried ("I tried it" no longer; "I'm worried about my
# daughter" still), and the replay drifts after each such turn. To be won back.
# 0.21 when the bench was written; 0.214 since the toolbox and safety plan's second edition
# renamed options the writers had met ("Add to it", "Pick another idea"): their turns there
# are no longer answers to what the flow now asks. 0.142 and 0.039 since countries, thanks,
# goodbyes and more synonyms are read at any step (listening2).
# 0.112 and 0.028 since topics, ways back, questions back and a parent's words are read at
# any step, words told at a menu are acknowledged plainly (counted not understood where the
# writer meant a button, as is the third "not sure", which shows the step again), and the
# twin keeps what the person kept (issue 19, second pass).
# With c4 (12 people typing to the bot of 2026-12-07 morning, held out from the listening
# work; first contact 0.162 not understood, 0.109 misrouted, 35 repeats on its own) and the
# safety model retrained on 154 writers: 0.112, 0.056 and 39 on all 78 conversations. c4's
# misrouted turns are mostly the bot going further than the button its writer would have
# tapped (a country typed sets it and shows its lines; "my scars" offered before "Me and
# other people"), which the twin judges as another place.
# 0.098, 0.041 and 8 after listen5 (check-in schedules read where the set-up asks, the judge
# counting a set-up gone further than the button meant as understood, like a country;
# crisis lines followed by a country's lines; worried words that name a topic go to it; the
# core remembers ten turns); the 8 repeats left are all across an erasure, which the bot
# must not remember. 0.094, 0.034 and 36 after listen4 alone (typed words at a menu read by
# their meaning, short everyday answers by what they say, the topics named anywhere; a
# seated turn keeps the engine's counts of what the conversation said). Both: 0.081, 0.031, 8.
# With c5 (12 people, 333 turns; first contact 13.2%, 5.7%, 9 on its own): 0.093, 0.036, 17.
# 0.0815, 0.0346 and 17 after listen8 (a leaving choice only from a clear decline; short
# answers in Spanish, Portuguese, German and French glossed; own words at "Anything else?"
# kept; contractions typed without the apostrophe).
# 0.092, 0.035, 17 after listen7 alone (someone else in danger now answered for them, hedged
# answers after the lines read as what they name, injury follow-ups). Both: 0.080, 0.034, 17.
# With c6 (10 people, 215 turns, typed on main after listen8; first contact 16.3%, 6.3%, 0
# on its own) and the safety model of 2026-12-07 afternoon: 0.092, 0.040, 17. After intl
# (the international lines shown where they were only promised) c6-08 goes off its script
# one turn earlier, and "people I can talk to" then meets another menu: 148 of 1,602.
# After l9 (a glossary of menu words in es/pt/fr/it/de, a lapse told in them, "are you a
# bot?", check-ins in words): 122 of 1,602 and 32 of 896.
# 133 of 1,602 (0.0830) and 32 of 901 (0.0355) after l10 (worried words that answer the
# step answered in the flow, someone to call asked for in any wording, countries without
# lines, "no" at the concern reply's menu, questions of one's own acknowledged plainly).
# l9, l10 and l11 (safety stated in six languages) together, with the safety model of the
# evening: c1-c6 117 of 1,602 (7.3%) and 22 of 883 (2.5%). With c7 (11 people, 281 turns;
# first contact 14.2%, 5.5%, 2; after: 10.3%, 5.3%, 2): 146 of 1,883 and 31 of 1,052, 19.
# With c8 (10 people, 219 turns, typed on e3b0574, first contact on 165bf74: 11.4%, 12.1%,
# 0): 171 of 2,102 and 50 of 1,209, 19.
# 167 of 2,102 and 46 of 1,205, 18 after l13 (someone else's risk read in six languages, a
# check-in time keeping the plan's half of the day, countries from cities, a typed yes to
# keeping check-in settings, "don't save that" kept nothing, "do u keep" asked of privacy;
# the judge taking a step's lines for the country the typed words set, and the set-up's
# "how often" asked again in other words).
# 105 of 2,102 (0.04995) and 36 of 1,171 (0.0308), 19, after l12 (a menu's own words in
# es/pt/fr/it/de glossed, Portuguese pronouns after the verb; a stray "no" at a menu taken
# as it is; an urge never a menu choice; a symptom named is a yes to the injury question;
# "don't save that" honoured; words typed short; "back" where nothing goes back).
# With c9 (10 people, 288 turns, typed on 7856b81 by a helper who saw none of the work; first
# contact on the same code: 13.2%, 5.3%, 0): 209 of 2,390 and 59 of 1,379, 19.
# l12 and l13 merged, with c9: 133 of 2,390 (5.6%), 42 of 1,333 (3.2%), 18; c9 alone, which
# neither had seen: 13.2% -> 10.8%, 5.3% -> 4.8%.
# l14 (a menu's number never a check-in time): 135 of 2,390 (5.65%), 42 of 1,335: the two
# more are c2-01 "9" and c3-01 "8", turns whose replay had already diverged (a country list
# the bot no longer showed), once answered "Which do you mean: 9:00am or 9:00pm?", now not
# understood, honestly; c9 alone unchanged (10.8%, 4.8%).
# l15 (menu words of the urge, toolbox, plan and scars in es/pt/fr/it/de; numbers in words in
# five languages; Tagalog's and Sheng's short yes, no, ok and later; "q", "pq", "vc" read in
# full): 120 of 2,390 (0.0502), 42 of 1,332 (0.0315), 18; c9 alone 10.4% -> 5.9%, 4.8% -> 4.9%
# (8 of 164: the same eight turns).
# l14 and l15 merged, with the night's safety rules: 123 of 2,390 (5.1%), 42 of 1,335 (3.1%),
# 18.
# l16 (the misrouted turns by cause: stale core buttons, a country beside a button's words, a
# language asked beside an answer, pronoun synonyms, Scots, "stopped", Taglish, "ok" under the
# core's buttons, a not-now first, wound care and privacy asked, a grandchild is family):
# 116 of 2,390 (4.85%), 28 of 1,328 (2.11%), 18.
# With c10 (9 people, 245 turns, typed on d89c2a0 by a helper who saw none of the work; first
# contact on that code: 9.0%, 9.6%, 0; on l16's, which had not seen it: 9.8%, 8.9%): 140 of
# 2,635 (5.31%), 42 of 1,485 (2.83%), 18.
# l17 (c10's causes: a menu's words and goodbyes in other languages, Dutch thanks and
# goodbyes, what someone is thanked for no option, "no tengo ganas" no urge, a label's "them"
# said as what it stands for, privacy and erasing asked in words, a way back said last, the
# country typed with "Choose my country", an answer before a goodbye): 132 of 2,635 (5.01%),
# 35 of 1,474 (2.37%); c10 alone 9.8% -> 6.5%, 8.9% -> 5.4%. Repeats are now counted
# without what a command typed by the writer asked for again (/mydata, /delete, /plan:
# repeats.py, rule 4): 4 (19 by the old count, the one more being /mydata typed after the
# bot had shown it in words).
# With c11 (8 people, 276 turns, typed on d3bc796 by two helpers who saw none of the work;
# first contact 9.8% not understood, 5.8% misrouted, 0 repeats; by the writers' own labels
# 22 turns with crisis lines, 2 of them wanted): 159 of 2,911 (5.46%), 45 of 1,645 (2.74%).
# l18 (what a menu's words fit when they name no button: a slip asked about, loneliness, own
# words, a number said first; worried words kept only where hard things are asked; times in
# six languages; the judge's additions and one label, tests/conversations/README.md): 145 of
# 2,911 (4.98%), 27 of 1,622 (1.66%), 4; the 140 before c11: 122 of 2,635 (4.63%), 18 of
# 1,454 (1.24%); c11 alone 23 of 276 (8.3%), 9 of 168 (5.4%; two fixes after a first look).
# l19 (c11's mechanics: a protest at the lines heard, a parent's "it's my son, not me", "i
# cut sometimes" no doubt about suicide, times changed in words or said in German, a number
# given first and hedged, a no said twice, "you choose for me", "je passe" no skip, /mydata
# no file in the terminal): 142 of 2,911 (4.88%), 43 of 1,636 (2.63%) on its own; c11 alone
# 9.8% -> 3.6%, 5.8% -> 4.9%. With l18 merged: 132 of 2,911 (4.53%), 24 of 1,615 (1.49%),
# 4; c11 alone 10 of 276 (3.6%), 6 of 161 (3.7%).
# Worried words said with a protest at the lines get the short concern reply and its ways
# on, not "back to where we were" (c5-01: 'ride out the urge' then taken): 130 of 2,911.
NOT_UNDERSTOOD_AT_MOST = 0.0447
MISROUTED_AT_MOST = 0.0149
# Paragraphs said again within five turns (crisis lines aside, and what a command asked for
# again): 367 before bot/core/repeats.py.
REPEATED_AT_MOST = 4


def test_there_are_at_least_sixty_conversations_covering_every_writer() -> None:
    assert len(CONVERSATIONS) >= 60
    assert len({c.writer.split("-")[0] for c in CONVERSATIONS}) >= 3


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=lambda c: c.id)
async def test_each_conversation_replays_safely(conversation, sqlite_store: Store) -> None:  # type: ignore[no-untyped-def]
    done = await replay(conversation, sqlite_store)

    assert done.suicide_asked <= 1, "asked about suicide more than once in one episode"
    for verdict in done.verdicts:
        tapped = verdict.typed.strip() in verdict.shown or verdict.typed.strip().isdigit()
        risk = safety.assess(verdict.typed)
        # a plain no to the yes-or-no question on screen, that only the model reads as risk
        # ("I already answered this. No." to "did you swallow anything?"), or safety stated
        # to "are you safe right now?" ("non!! j'ai RIEN avalé. je suis en sécurité"), as
        # bot/core/triage.py reads them
        asked = (conversation.turns[verdict.index].asked or "").casefold()
        answered = (
            verdict.meant in verdict.shown or "are you safe right now" in asked
        ) and answers_plainly(verdict.typed, PLAIN_ANSWERS, risk)
        if tapped or answered:
            risk = dataclasses.replace(risk, tier=safety.Tier.NONE)
        if risk.tier is safety.Tier.CRISIS and not risk.about_someone_else:
            assert verdict.crisis, f"no crisis lines first for {verdict.typed!r}"
        assert verdict.replies, f"no reply to {verdict.typed!r}"


async def test_typed_answers_go_where_their_writers_meant(sqlite_store: Store) -> None:
    done: list[Replayed] = [await replay(c, sqlite_store) for c in CONVERSATIONS]
    verdicts = [v for replayed in done for v in replayed.verdicts]
    judged = [v for v in verdicts if v.verdict in ("understood", "not_understood", "misrouted")]
    not_understood = sum(v.verdict == "not_understood" for v in verdicts) / len(verdicts)
    misrouted = sum(v.verdict == "misrouted" for v in judged) / len(judged)

    assert not_understood <= NOT_UNDERSTOOD_AT_MOST
    assert misrouted <= MISROUTED_AT_MOST
    assert sum(len(replayed.repeated) for replayed in done) <= REPEATED_AT_MOST
