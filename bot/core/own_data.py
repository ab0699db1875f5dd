"""A person's own data: see all of it (/mydata), erase all of it (/delete)."""

from __future__ import annotations

import json
from datetime import datetime

from bot.core import words
from bot.messages import Option, Reply
from bot.store import PersonRecord


class Privacy:
    """/mydata and /delete, inside the person's transaction."""

    async def my_data(self, person: PersonRecord, *, now: datetime) -> list[Reply]:
        data = await person.export()
        summary = _summary(data)
        document = (
            f"waypoint-my-data-{now.date().isoformat()}.json",
            json.dumps(data, indent=2, ensure_ascii=False).encode(),
        )
        return [Reply(f"{words.MYDATA_INTRO}\n\n{summary}", document=document)]

    def delete_question(self) -> Reply:
        return Reply(
            words.DELETE_ASK,
            options=(
                Option("!delete:yes", "Yes, erase everything"),
                Option("!delete:no", "No, keep it"),
            ),
        )

    async def answer_delete(self, person: PersonRecord, choice: str, *, asked: bool) -> list[Reply]:
        """`asked`: the erase question was the last thing said; otherwise a "yes" is from
        an old message and erases nothing."""
        if choice != "!delete:yes":
            return [Reply(words.DELETE_KEPT)]
        if not asked:
            return [Reply(words.DELETE_STALE)]
        await person.delete_everything()
        return [Reply(words.DELETE_DONE)]


def _summary(data: dict[str, object]) -> str:
    """A readable outline of the export: what kinds of things, how many."""
    person = data["person"]
    assert isinstance(person, dict)
    kept = data["kept"]
    checkins = data["checkins"]
    reminders = data["reminders"]
    assert isinstance(kept, list) and isinstance(checkins, list) and isinstance(reminders, list)
    lines = [
        f"• First talked: {person['first_seen_on']}; last: {person['last_active_on']}",
        f"• Country for crisis lines: {person['country'] or 'not chosen'}",
        "• You agreed I can keep things: "
        + ("yes" if person["agreed_to_keep_things_at"] else "no"),
        f"• Things you kept: {len(kept)}",
    ]
    for entry in kept:
        lines.append(f"   - {entry['field']}: {entry['text']}")
    lines.append(f"• Check-ins answered: {len(checkins)}")
    lines.append(f"• Messages waiting to be sent: {len(reminders)}")
    lines.append("The file has all of it. /delete erases it all.")
    return "\n".join(lines)
