"""A person's own data: see all of it (/mydata), erase all of it (/delete)."""

from __future__ import annotations

import json
from datetime import datetime

from bot.core import countries, repeats, words
from bot.core.buttons import Erase
from bot.core.callback_data import option
from bot.core.ports import PersonState
from bot.messages import Reply


def shown_lately(person: PersonState) -> bool:
    """Whether /mydata's summary was shown in the person's last turns."""
    said = person.episode.said
    intros = (words.MYDATA_INTRO, words.MYDATA_AGAIN)
    return any(repeats.said_lately(intro, said) for intro in intros)


class Privacy:
    """/mydata and /delete, inside the person's transaction."""

    async def my_data(self, person: PersonState, *, now: datetime) -> list[Reply]:
        """What /mydata shows: a summary and the file. Shown again soon after (in the
        person's last turns), it says so, rather than its first words again."""
        data = await person.export()
        summary = _summary(data)
        document = (
            f"waypoint-my-data-{now.date().isoformat()}.json",
            json.dumps(data, indent=2, ensure_ascii=False).encode(),
        )
        intro = words.MYDATA_AGAIN if shown_lately(person) else words.MYDATA_INTRO
        return [Reply(f"{intro}\n\n{summary}", document=document)]

    def delete_question(self) -> Reply:
        return Reply(
            words.DELETE_ASK,
            options=(
                option(Erase(True), words.ERASE_YES),
                option(Erase(False), words.ERASE_NO),
            ),
        )

    async def answer_delete(self, person: PersonState, *, erase: bool, asked: bool) -> list[Reply]:
        """`asked`: the erase question was the last thing said; otherwise a "yes" is from
        an old message and erases nothing."""
        if not erase:
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
    agreed = person["agreed_to_keep_things_at"]
    lines = [
        words.MYDATA_SEEN.format(first=person["first_seen_on"], last=person["last_active_on"]),
        words.MYDATA_COUNTRY.format(country=_country(person["country"])),
        words.MYDATA_AGREED.format(
            answer=words.MYDATA_AGREED_YES if agreed else words.MYDATA_AGREED_NO
        ),
        words.MYDATA_KEPT.format(count=len(kept)),
    ]
    for entry in kept:
        item = words.MYDATA_KEPT_ITEM.format(field=entry["field"], text=entry["text"])
        lines.append(item + (words.MYDATA_KEPT_HIDDEN if entry.get("hidden") else ""))
    lines.append(words.MYDATA_CHECKINS.format(count=len(checkins)))
    notes = sum(1 for checkin in checkins if checkin.get("note"))
    if notes:
        lines.append(words.MYDATA_CHECKIN_NOTES.format(count=notes))
    lines.append(words.MYDATA_WAITING.format(count=len(reminders)))
    lines.append(words.MYDATA_END)
    return "\n".join(lines)


def _country(code: object) -> object:
    """The country kept, as /mydata shows it: its code, or what was chosen instead."""
    if code == countries.SOMEWHERE_ELSE:
        return words.SOMEWHERE_ELSE
    return code or words.MYDATA_NO_COUNTRY
