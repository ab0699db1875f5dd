"""The check-in screens: settings, typed times and places, and /progress."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import dialogues
from bot.checkins import around as harder
from bot.checkins import menus, zones
from bot.checkins import progress_chart as pictures
from bot.checkins.schedule import (
    Plan,
    both_halves,
    clock,
    describe,
    either_half,
    local_day,
    local_moment,
    next_due,
    parse_time,
    read_time,
    same_half,
)
from bot.checkins.sender import FLOW
from bot.checkins.wanted import CANNOT, DAILY_CODE, WEEKLY_NO_DAY, Wanted
from bot.core import words
from bot.core.buttons import (
    CheckinBetter,
    CheckinButton,
    CheckinChangeZone,
    CheckinConsent,
    CheckinCountryZones,
    CheckinFrequency,
    CheckinHowOften,
    CheckinOff,
    CheckinPause,
    CheckinPeriod,
    CheckinProgress,
    CheckinRegion,
    CheckinRegions,
    CheckinSettings,
    CheckinSnooze,
    CheckinTime,
    CheckinUnpause,
    CheckinWeekday,
    CheckinZone,
    Go,
    Resume,
)
from bot.core.callback_data import encode, option
from bot.core.questions import AskedTime, AskedZone, Nothing
from bot.core.turn import Turn
from bot.messages import Option, Reply
from bot.store.checkin_plans import CHECKIN
from bot.store.reminders import SNOOZE

SNOOZE_FOR = timedelta(hours=1)


class Checkins:
    """The check-in screens: the core's CheckinMenus (bot/core/ports.py). The periodic job
    that sends check-ins is bot/checkins/sender.py."""

    def __init__(self, *, library: dialogues.Library) -> None:
        """FlowError if the library has no `checkin` flow: the screens offer it."""
        if library.resolve("", FLOW) in (None, ("", "end")):
            raise dialogues.FlowError(
                [dialogues.Problem(f"{FLOW}.yaml", 0, "check-ins need a `checkin` flow")]
            )

    # The screens (inside the person's transaction) ---------------------------------------

    async def settings(self, turn: Turn) -> list[Reply]:
        person = turn.person
        if not person.consented:
            return [menus.consent_question(_back(turn))]
        plan = await person.checkin_plan()
        if plan is None:
            return [menus.frequency_menu(_back(turn))]
        now = turn.incoming.now
        due = await person.reminder_due(CHECKIN) or next_due(plan, now)
        paused = plan.paused_until if plan.paused_until and plan.paused_until > now else None
        return [
            menus.status(
                plan,
                next_at=local_moment(due, plan.timezone),
                back=_back(turn),
                paused_until=local_day(paused, plan.timezone) if paused else None,
            )
        ]

    async def choose(self, turn: Turn, button: CheckinButton) -> list[Reply]:
        """A tap on a check-in button (bot/core/buttons.py); one that no longer fits what
        the person has set up shows the settings."""
        person, now = turn.person, turn.incoming.now
        match button:
            case CheckinProgress(days=days):
                return await self.progress(turn, days=90 if days == 90 else 30)
            case CheckinBetter():
                back = option(Go("topics"), words.SHOW_TOPICS)
                return [Reply(words.CHECKIN_BETTER, options=(back,))]
            case CheckinConsent():
                person.consent_at = person.consent_at or now
                return await self.settings(turn)
        if not person.consented:
            return [menus.consent_question(_back(turn))]
        plan = await person.checkin_plan()
        match button:
            case CheckinHowOften():
                return [menus.frequency_menu(_back(turn), text=words.CHECKIN_HOW_OFTEN)]
            case CheckinWeekday():
                return [menus.weekday_menu()]
            case CheckinFrequency(code=code) if menus.decode(code):
                person.question = AskedTime(code)
                return [menus.period_menu(code)]
            case CheckinPeriod(code=code, period=period) if menus.decode(code):
                person.question = AskedTime(code)
                return [menus.times_menu(code, period)]
            case CheckinTime(code=code, hhmm=hhmm) if plan is not None:
                return await self._save(
                    turn, menus.plan_from(code, hhmm, plan.timezone, paused=plan)
                )
            case CheckinTime(code=code, hhmm=hhmm):
                found = zones.for_country(person.country)
                if len(found) == 1:
                    return await self._save(turn, menus.plan_from(code, hhmm, found[0].name))
                return self._ask_zone(turn, code, hhmm)
            case CheckinCountryZones(code=code, hhmm=hhmm, page=page):
                person.question = AskedZone(code, hhmm)
                found = zones.for_country(person.country)
                return [menus.country_zone_menu(code, hhmm, found, page=page)]
            case CheckinRegions(code=code, hhmm=hhmm):
                person.question = AskedZone(code, hhmm)
                return [menus.region_menu(code, hhmm)]
            case CheckinRegion(code=code, hhmm=hhmm, region=region, page=page):
                person.question = AskedZone(code, hhmm)
                return [menus.region_zone_menu(code, hhmm, region, page=page)]
            case CheckinZone(code=code, hhmm=hhmm, zone=zone):
                return await self._save(turn, menus.plan_from(code, hhmm, zone, paused=plan))
            case CheckinChangeZone() if plan is not None:
                code = menus.encode(plan.frequency, plan.weekday)
                return self._ask_zone(turn, code, f"{plan.local_time:%H%M}")
            case CheckinPause(days=days) if plan is not None and days in (1, 3, 7, 14):
                return await self._pause(turn, plan, now + timedelta(days=days))
            case CheckinUnpause() if plan is not None:
                await self._pause(turn, plan, None)
                return await self.settings(turn)
            case CheckinSnooze():
                await person.schedule(SNOOZE, due_at=now + SNOOZE_FOR)
                return [Reply(words.CHECKIN_SNOOZED, options=(_back(turn),))]
            case CheckinOff():
                await person.stop_reminders()
                return [Reply(words.CHECKIN_STOPPED, options=(_back(turn),))]
        return await self.settings(turn)

    async def progress(self, turn: Turn, *, days: int = 30) -> list[Reply]:
        now = turn.incoming.now
        points = await turn.person.checkins(since=now - timedelta(days=days))
        if not any(mood is not None or urge is not None for _, mood, urge in points):
            return [Reply(words.PROGRESS_NOTHING_YET, options=(_back(turn),))]
        wins = [entry.created_at for entry in await turn.person.entries("wins")]
        image = await asyncio.to_thread(pictures.chart, points, wins, days=days, now=now)
        other = 90 if days == 30 else 30
        options = (
            option(CheckinProgress(other), words.SHOW_DAYS.format(days=other)),
            _back(turn),
        )
        caption = pictures.caption(points, wins, days=days)
        around = harder.line(await turn.person.checkin_tags(since=now - timedelta(days=days)))
        if around is not None:
            caption += "\n\n" + around
        return [Reply(caption, options=options, image=image)]

    # Settings helpers -------------------------------------------------------------------

    async def typed(self, turn: Turn, question: AskedTime | AskedZone, text: str) -> list[Reply]:
        """A time ("7pm") or a place ("Dublin") typed where the menus asked for one."""
        match question:
            case AskedTime(code=code):
                at = read_time(text)
                if at is None:
                    turn.person.question = question
                    return [Reply(words.CHECKIN_NO_TIME), menus.period_menu(code)]
                if either_half(text):  # "8:30": the plan's half of the day, or asked
                    hours = Wanted(code, hours=both_halves(at))
                    return await self.wanted(turn, hours, text, asked=True)
                return await self.choose(turn, CheckinTime(code, f"{at:%H%M}"))
            case AskedZone(code=code, hhmm=hhmm):
                found = zones.named_in(text)
                if not found:
                    turn.person.question = question
                    return [Reply(words.CHECKIN_NO_ZONE), menus.region_menu(code, hhmm)]
                if len(found) > 1:  # a country with more than one ("the states")
                    turn.person.question = question
                    return [menus.country_zone_menu(code, hhmm, found, page=0)]
                return await self.choose(turn, CheckinZone(code, hhmm, found[0].name))

    async def wanted(
        self, turn: Turn, wanted: Wanted, text: str, *, asked: bool = False
    ) -> list[Reply]:
        """A schedule typed where the set-up asks (bot/checkins/wanted.py), in `text`:
        what it says is set, and only what it leaves open is asked. How often, unsaid,
        stays as it was, or is every day (the saved plan says so, with "Change it"); a time
        that could be either half of the day ("can i move it to 8:30") keeps the half of
        the plan's time, and is asked when there is no plan yet; a place in it ("at 21h
        Paris time") is the time zone. Typing the settings to the set-up's "Is that okay?"
        agrees to keep them. A saved plan moved by words typed outside the step that
        asks for a time (`asked`) is said with a button that puts it back."""
        person = turn.person
        asked = asked or isinstance(person.question, AskedTime | AskedZone)
        if not person.consented:
            if not _offered(person.question, CheckinConsent()):
                return await self.settings(turn)  # never agreed for them unasked
            person.consent_at = turn.incoming.now
        plan = await person.checkin_plan()
        if plan is not None and len(wanted.hours) == 2:  # "move it to 8:30" from 9pm: 8:30pm
            wanted = Wanted(wanted.code, same_half(wanted.hours, plan.local_time))
        code = wanted.code or (menus.encode(plan.frequency, plan.weekday) if plan else DAILY_CODE)
        if code == WEEKLY_NO_DAY:
            return [menus.weekday_menu()]
        if code == CANNOT:  # "twice a day": what there is, and the choice again
            return [menus.frequency_menu(_back(turn), text=words.CHECKIN_FREQUENCIES)]
        if wanted.at is not None:
            hhmm, named = f"{wanted.at:%H%M}", zones.named_in(text)
            chosen = CheckinZone(code, hhmm, named[0].name) if len(named) == 1 else None
            saved = await self.choose(turn, chosen or CheckinTime(code, hhmm))
            if asked or plan is None or await person.checkin_plan() in (None, plan):
                return saved
            return [*saved[:-1], menus.put_back(saved[-1], plan)]
        person.question = AskedTime(code)
        if wanted.hours:
            morning, evening = (clock(at) for at in wanted.hours[:2])
            text = words.CHECKIN_WHICH_HOUR.format(morning=morning, evening=evening)
            times = tuple(
                option(CheckinTime(code, f"{at:%H%M}"), clock(at)) for at in wanted.hours[:2]
            )
            return [Reply(text, options=(*times, option(CheckinFrequency(code), words.BACK)))]
        if wanted.period is not None:
            return [menus.times_menu(code, wanted.period)]
        return [menus.period_menu(code)]

    def is_place(self, text: str) -> bool:
        """Whether `text` names a place with a time zone ("Paris", "india")."""
        return bool(zones.named_in(text))

    async def place(self, turn: Turn, text: str) -> list[Reply]:
        """A place typed where the time zone is asked (bot/core/before_the_step.py)."""
        question = turn.person.question
        if not isinstance(question, AskedZone):
            return await self.settings(turn)
        return await self.typed(turn, question, text)

    async def zone_asked(self, turn: Turn, text: str) -> list[Reply]:
        """ "Is that 9pm india time?": the time zone the check-ins use, said plainly (with a
        way to change it when the place asked about is another); the settings if none is set."""
        plan = await turn.person.checkin_plan()
        if plan is None:
            return await self.settings(turn)
        at, where = clock(plan.local_time), zones.city(plan.timezone)
        named = zones.named_in(text)
        if not named:
            return [
                Reply(words.CHECKIN_ZONE_IS.format(time=at, where=where), options=(_back(turn),))
            ]
        if plan.timezone in {zone.name for zone in named}:
            said = words.CHECKIN_ZONE_SAME.format(time=at, where=where)
            return [Reply(said, options=(_back(turn),))]
        asked = zones.city(named[0].name)
        said = words.CHECKIN_ZONE_OTHER.format(time=at, where=where, asked=asked)
        change = option(CheckinChangeZone(), words.CHECKIN_CHANGE_ZONE)
        return [Reply(said, options=(change, _back(turn)))]

    def _ask_zone(self, turn: Turn, code: str, hhmm: str) -> list[Reply]:
        found = zones.for_country(turn.person.country)
        if parse_time(hhmm) is None or menus.decode(code) is None:
            return [menus.frequency_menu(_back(turn))]
        turn.person.question = AskedZone(code, hhmm)
        if found:
            return [menus.country_zone_menu(code, hhmm, found, page=0)]
        return [menus.region_menu(code, hhmm)]

    async def _save(self, turn: Turn, plan: Plan | None) -> list[Reply]:
        if plan is None:
            return await self.settings(turn)
        turn.person.question = Nothing()  # set: no time or place is asked any more
        change = option(CheckinSettings(), words.CHECKIN_CHANGE_IT)
        if plan == await turn.person.checkin_plan():  # the same again: said so, not "Done"
            where = zones.city(plan.timezone)
            text = words.CHECKIN_ALREADY.format(when=describe(plan), where=where)
            return [Reply(text, options=(change, _back(turn)))]
        due = next_due(plan, turn.incoming.now)
        await turn.person.set_checkin_plan(plan, due_at=due)
        next_at = local_moment(due, plan.timezone)
        text = words.CHECKIN_SAVED.format(when=describe(plan), next_at=next_at)
        return [Reply(text, options=(change, _back(turn)))]

    async def _pause(self, turn: Turn, plan: Plan, until: datetime | None) -> list[Reply]:
        paused = Plan(plan.frequency, plan.local_time, plan.timezone, plan.weekday, until)
        await turn.person.set_checkin_plan(paused, due_at=next_due(paused, turn.incoming.now))
        if until is None:
            return []
        text = words.CHECKIN_PAUSED.format(until=local_day(until, plan.timezone))
        options = (option(CheckinSettings(), words.CHECKIN_SETTINGS), _back(turn))
        return [Reply(text, options=options)]


def _offered(question: object, button: CheckinButton) -> bool:
    """Whether `button` was among the core's buttons on the last reply."""
    offered: tuple[tuple[str, str], ...] = getattr(question, "offered", ())
    return any(button_id == encode(button) for _, button_id in offered)


def _back(turn: Turn) -> Option:
    if turn.person.flow_state is not None:
        return option(Resume(), words.CARRY_ON)
    return option(Go("topics"), words.BACK_TO_TOPICS)
