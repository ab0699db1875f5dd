"""The flows' effects carried out inside the person's transaction: save, show, schedule, …"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import timedelta

import dialogues
from bot.core import words
from bot.core.country_picker import country_picker
from bot.core.ports import CheckinMenus
from bot.core.questions import Questions
from bot.core.turn import Turn
from bot.messages import Reply

log = logging.getLogger(__name__)


class Effects:
    """What the flows ask for besides messages, and the facts they may ask about."""

    def __init__(
        self,
        *,
        fields: Mapping[str, dialogues.FieldSpec],
        questions: Questions,
        checkins: CheckinMenus,
    ) -> None:
        self._fields = fields
        self._questions = questions
        self._checkins = checkins

    async def facts(self, turn: Turn) -> dialogues.Facts:
        person = turn.person
        kept = await person.kept()
        return dialogues.Facts(
            flags={
                "consent": person.consented,
                "country_set": person.country is not None,
                "checkins_on": kept.checkins_on,
            },
            counts=kept.counts,
        )

    async def carry_out(self, turn: Turn, effect: dialogues.Effect) -> list[Reply]:
        person, args, now = turn.person, effect.args, turn.incoming.now
        match effect.action:
            case "show":
                return await self.show(turn, str(args["field"]))
            case "open" if args.get("what") == "country":
                return [country_picker(page=0)]
            case "open":
                return await self._checkins.settings(turn)
            case "schedule_checkback":
                due = now + timedelta(minutes=int(args["minutes"]))
                await person.schedule("checkback", due_at=due)
                return []
            case "consent":
                person.consent_at = now
                return []
        if not person.consented:
            return [Reply(words.NOT_KEPT)]
        match effect.action:
            case "save":
                field = str(args["field"])
                replace = self._fields[field].kind == "text"
                await person.add_entry(field, str(args["value"]), now=now, replace=replace)
            case "rate":
                await person.rate_entry(str(args["field"]), str(args["entry"]), int(args["score"]))
            case "forget":
                await person.forget(str(args["field"]))
            case "record":
                await person.add_checkin(
                    now=now,
                    mood=_optional_int(args.get("mood")),
                    urge=_optional_int(args.get("urge")),
                    note=str(args["note"]) if args.get("note") else None,
                )
            case _:
                log.error("unknown flow action %s", effect.action)
        return []

    async def show(self, turn: Turn, field: str) -> list[Reply]:
        """What the person kept under `field` (a toolbox, wins), or every crisis line."""
        if field == "crisis_lines":
            return [self._questions.more_help(self._questions.country(turn.person))]
        spec = self._fields[field]
        entries = await turn.person.entries(field)
        if not entries:
            return [Reply(words.KEPT_NONE.format(label=spec.label))]
        lines = [words.KEPT_HEADING.format(label=spec.label)]
        for entry in entries:
            item = words.KEPT_ITEM_RATED if entry.rating else words.KEPT_ITEM
            lines.append(item.format(text=entry.text, rating=entry.rating))
        return [Reply("\n".join(lines))]


def _optional_int(value: object) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).lstrip("-").isdigit() else None
