"""What the core answers when the person's record cannot be used (companion.py, rules 3
and 7) and when an adapter's handling failed: the crisis lines a message asks for first."""

from __future__ import annotations

import safety
from bot.core import words
from bot.core.buttons import Asked, KeepTalking, MoreHelp
from bot.core.questions import SAID_YES
from bot.core.talk import MORE_HELP_OPTION, Questions
from bot.core.triage import Triage, asks_for_lines, is_sos
from bot.messages import Reply, ReplyKind


class WithoutStore:
    """Replies that need nothing from the store: the default country's lines, an apology."""

    def __init__(self, *, questions: Questions, default_country: str | None) -> None:
        self._questions = questions
        self._default_country = default_country

    def lines(self, triaged: Triage, country: str | None) -> list[Reply]:
        """The crisis lines `triaged` asks for (it is urgent), for `country`; else none."""
        incoming, risk, questions = triaged.incoming, triaged.risk, self._questions
        now = incoming.now
        if risk.tier is safety.Tier.CRISIS:
            return [questions.crisis_reply(country, risk, resumable=False, now=now)]
        if isinstance(triaged.button, MoreHelp):
            return [questions.more_help(country, now=now)]
        if triaged.button == Asked("yes"):
            return [questions.crisis_reply(country, SAID_YES, resumable=False, now=now)]
        if is_sos(incoming) or asks_for_lines(incoming):
            return [questions.crisis_reply(country, None, resumable=False, now=now)]
        return []

    def answer(self, triaged: Triage, *, country: str | None = None) -> list[Reply]:
        """Rule 3: the lines for `country` (the person's, if known without the store) or the
        default country's; a concern reply for worried words; else an apology."""
        lines = self.lines(triaged, country or self._default_country)
        if lines:
            return lines
        if triaged.risk.tier is safety.Tier.CONCERN:
            text = safety.concern_reply(self._default_country, now=triaged.incoming.now)
            return [Reply(text, kind=ReplyKind.CONCERN)]
        if isinstance(triaged.button, KeepTalking):  # after crisis lines: not an apology
            return [Reply(words.STAY_WITH_YOU, options=(MORE_HELP_OPTION,))]
        return [Reply(words.SORRY)]

    def fallback(self, triaged: Triage) -> list[Reply]:
        """After a failure outside the core (an adapter's): the lines, then an apology."""
        return [*self.lines(triaged, self._default_country), Reply(words.SORRY)]
