"""The words Waypoint says when risk is found: crisis, concern and the full list of lines.

Rules (SAFE_MESSAGING.md): plain text, no Markdown, no `tel:` links; help first, then
warmth; say it is a bot that cannot send help or call anyone; ask if they are safe; never
a method word, never blame. With `now` (the message's time, aware), a line closed now is
never named first, and is shown with when it opens (safety/opening.py).
"""

from __future__ import annotations

import datetime as dt

from safety.opening import Opening, in_order
from safety.resources import Country, directory

Now = dt.datetime | None


def crisis_reply(
    country: str | None,
    *,
    about_someone_else: bool = False,
    immediate: bool = True,
    abuse: bool = False,
    swallowed: bool = False,
    injured: bool = False,
    injury_told: bool = False,
    now: Now = None,
) -> str:
    """The crisis reply for a person in `country` (ISO alpha-2, or None for the fallback).

    Advice that fits what happened (SAFE_MESSAGING.md, Always 6 and 10), in this order:
    `swallowed` (they took or swallowed something): urgent medical help now, even if they
    feel fine; `injured` (an injury that may need care): firm pressure, the signs that mean
    emergency care, urgent care otherwise; `abuse` (someone is hurting them, or they are in
    danger): the emergency number, then the abuse and children's lines. `injury_told`: the
    injury advice was given already in this conversation: what follows it (get it checked
    today; if it bleeds again, firm pressure and the signs), never the same alert again.
    """
    entry = directory().lookup(country)
    if about_someone_else:
        return _join(_someone_else(entry, now))
    if swallowed:
        return _join(_medical(entry, SWALLOWED_ADVICE, now))
    if injured:
        return _join(_medical(entry, INJURY_AGAIN if injury_told else INJURY_ADVICE, now))
    if abuse:
        return _join(_abuse(entry, now))
    return _join(_for_you(entry, immediate=immediate, now=now))


SWALLOWED_ADVICE = (
    "If you have taken or swallowed anything to hurt yourself, please get medical help "
    "now, even if you feel fine: call {emergency} or go to an emergency department. Some "
    "tablets and medicines do harm hours later, and treatment works best early.",
    "If you can, tell someone near you, and take the packet or bottle with you.",
)
INJURY_ADVICE = (
    "If you are bleeding, press firmly on the wound with a clean cloth and keep pressing.",
    "Call {emergency} or go to an emergency department if the bleeding doesn't stop after "
    "10 minutes of firm pressure, if the wound is deep or gaping, if you feel faint, numb "
    "or cold, or if a burn is large or blistered. Otherwise a pharmacist, urgent care or a "
    "doctor today can help, and you deserve that care.",
)

INJURY_AGAIN = (
    "Thank you for telling me how it is now. Even once it stops bleeding, please get it "
    "checked today: a pharmacist, urgent care or a doctor can look at it, and you deserve "
    "that care.",
    "If it is still bleeding, or bleeds again, keep firm pressure on it with a clean cloth. "
    "Call {emergency} if it doesn't stop after 10 minutes of pressure, if it is deep or "
    "gaping, or if you feel faint.",
)


def medical_reminder(country: str | None, *, swallowed: bool) -> str:
    """For a person who says they are safe after telling of something swallowed or an
    injury: never "glad you're safe", medical help is still needed now (Always 10)."""
    emergency = _emergency(directory().lookup(country))
    if swallowed:
        return (
            "Thank you for answering. Even if you feel fine, anything swallowed to hurt "
            f"yourself needs a doctor now: please call {emergency} or go to an emergency "
            "department, because some things do harm hours later."
        )
    return (
        "Thank you for answering. Please still get that injury looked at: if it keeps "
        f"bleeding, is deep or you feel faint, call {emergency} now; otherwise a pharmacist, "
        "urgent care or a doctor today."
    )


def concern_reply(country: str | None, *, now: Now = None) -> str:
    """A warm reply to urges, a lapse or strong distress, with one line offered gently."""
    entry = directory().lookup(country)
    reachable = [o for o in in_order(entry, now) if o.open_now is not False]
    offer = (
        f"If you'd like to talk to a person, {_reach(reachable[0])}."
        if reachable and _has_national(entry)
        else _sentence(f"If you'd like to talk to a person, {_fallback_hint()}")
    )
    return _join(
        [
            "Thank you for telling me. That sounds really hard, and it makes sense "
            "that you feel this way.",
            "Urges and rough moments are common, and they do pass, even when it "
            "doesn't feel like it. Having one doesn't undo anything.",
            "I'm a bot, but I'm here and we can take the next few minutes together.",
            offer,
        ]
    )


def not_safe_reply(country: str | None, *, now: Now = None) -> str:
    """For a person who says they are not safe right now: the emergency number first, then
    a line, then staying with them (SAFE_MESSAGING.md, Always 1-3)."""
    entry = directory().lookup(country)
    return _join(
        [
            f"Please call {_emergency(entry)} now, or ask someone near you to call for you.",
            "If you can, put some distance between you and anything you might use to hurt "
            "yourself, and go to where other people are.",
            "I'm a bot, so I can't send help or call anyone, but emergency services can help "
            "you right now.",
            *_lines(entry, now, lead="You can also ", text_lead="If talking is hard, "),
            "I'm here if you want to keep talking while you get help.",
        ]
    )


def more_options(country: str | None, *, now: Now = None) -> str:
    """Every line in the directory for `country`, open ones first, for "see more options"
    and /sos."""
    entry = directory().lookup(country)
    fallback = entry is directory().fallback
    heading = "Support wherever you are" if fallback else f"Support in {entry.name}"
    parts = [heading, f"In an emergency: {_emergency(entry)}."]
    if entry.no_national_line:
        hint = _fallback_hint().capitalize()
        parts.append(_sentence(f"No national helpline could be confirmed here. {hint}"))
    parts.extend(_describe(opening, now) for opening in in_order(entry, now))
    if not fallback and not entry.no_national_line:
        parts.append(_sentence(f"Somewhere else? {_fallback_hint().capitalize()}"))
    parts.append("I'm a bot: I can't call anyone or send help, but these people can.")
    return _join(parts)


def lines_reply(country: str | None, kinds: tuple[str, ...], *, now: Now = None) -> str:
    """A country's lines of some kinds (safety.KINDS: "abuse", "children", "parents", ...),
    for a flow that names who they are for; the emergency number first, open lines first.
    Where the country has none of those kinds, its general crisis lines instead, said so."""
    entry = directory().lookup(country)
    fallback = entry is directory().fallback
    heading = "Support wherever you are" if fallback else f"Support in {entry.name}"
    parts = [heading, f"In an emergency: {_emergency(entry)}."]
    chosen = in_order(entry, now, kinds=kinds) if not fallback else []
    if not chosen and _has_national(entry):
        parts.append(
            f"I don't know of a line just for this in {entry.name}. These lines are for anyone:"
        )
        chosen = in_order(entry, now)
    parts.extend(_describe(opening, now) for opening in chosen)
    if not _has_national(entry):
        parts.append(_sentence(_fallback_hint().capitalize()))
    parts.append("I'm a bot: I can't call anyone or send help, but these people can.")
    return _join(parts)


def _for_you(entry: Country, *, immediate: bool, now: Now) -> list[str]:
    emergency = _emergency(entry)
    parts: list[str] = []
    if immediate:
        parts.append(f"If you are in danger or hurt right now, please call {emergency} now.")
    parts.append("I'm a bot, so I can't send help or call anyone, but people can help you now.")
    parts.extend(_lines(entry, now, lead="", text_lead="If talking is hard, "))
    if not immediate:
        parts.append(f"If you might act on these thoughts, call {emergency}.")
    # The same reply answers /sos: not only people who told it something.
    parts.append("I'm really glad you reached out. Are you safe right now?")
    return parts


def _medical(entry: Country, advice: tuple[str, ...], now: Now) -> list[str]:
    emergency = _emergency(entry)
    return [
        *(part.format(emergency=emergency) for part in advice),
        "I'm a bot, so I can't send help or call anyone, but people can help you now.",
        *_lines(entry, now, lead="You can also ", text_lead="If talking is hard, "),
        "I'm really glad you told me. Are you safe right now?",
    ]


def _abuse(entry: Country, now: Now) -> list[str]:
    parts = [
        f"If someone is hurting you or you are in danger right now, please call "
        f"{_emergency(entry)} now.",
        "I'm a bot, so I can't send help or call anyone, but people can help you now.",
    ]
    special = [
        o
        for o in in_order(entry, now, kinds=("abuse", "children"))
        if o.line.phone and o.open_now is not False
    ][:3]
    if special and _has_national(entry):
        parts.extend(_sentence(_reach(opening)) for opening in special)
    else:
        parts.extend(_lines(entry, now, lead="", text_lead="If talking is hard, "))
    parts.append("What is happening is not your fault, and you deserve to be safe.")
    parts.append("I'm really glad you reached out. Are you safe right now?")
    return parts


def _someone_else(entry: Country, now: Now) -> list[str]:
    emergency = _emergency(entry)
    parts = [
        f"If they are in danger right now, call {emergency} for them. I'm a bot, so I can't "
        "send help or call anyone.",
        "Thank you for looking out for them. Right now you can: stay with them if it is safe "
        "for you, listen "
        "without judging, ask them plainly if they are thinking about suicide, and don't "
        "leave them alone if they are in danger.",
    ]
    parts.extend(_lines(entry, now, lead="Help them contact a line: ", text_lead="Or by message: "))
    parts.append(
        "This is a lot to carry. Please look after yourself too: these lines are there "
        "for you as well."
    )
    return parts


def _lines(entry: Country, now: Now, *, lead: str, text_lead: str) -> list[str]:
    """A line open now to call, then a text or chat option; a closed line only with when it
    opens; the international directories where there is no national line."""
    if not _has_national(entry):
        return [_sentence(_fallback_hint())]
    ordered = in_order(entry, now)
    calls = [o for o in ordered if o.line.phone]
    call = next((o for o in calls if o.open_now is not False), None)
    messages = [o for o in ordered if (o.line.text or o.line.chat) and o.open_now is not False]
    text = next((o for o in messages if o.line.text), messages[0] if messages else None)
    parts = []
    if call:
        parts.append(_sentence(f"{lead}{_reach(call)}"))
    elif calls and now is not None:
        shut = calls[0]
        when = shut.status(now).removeprefix("closed now, ")
        parts.append(
            f"No phone line is open right now. {shut.line.name} {when}, on {shut.line.phone}."
        )
    if text:
        named = call is None or text.line is not call.line
        parts.append(_sentence(f"{text_lead}{_reach(text, prefer_text=True, named=named)}"))
    return parts


def _reach(opening: Opening, *, prefer_text: bool = False, named: bool = True) -> str:
    """How to reach a line, in words: 'call Samaritans on 116 123 (free, 24/7)'."""
    line = opening.line
    note = _note(opening)
    label = f" ({line.name}{', ' + note if note else ''})" if named else ""
    if prefer_text and line.text:
        return f"{line.text}{label}"
    if prefer_text and line.chat:
        return f"chat at {line.chat}{label}"
    if line.phone:
        return f"call {line.name} on {line.phone}{f' ({note})' if note else ''}"
    if line.text:
        return f"{line.text}{label}"
    return f"go to {line.chat}{label}"


def _describe(opening: Opening, now: Now) -> str:
    line = opening.line
    ways = []
    if line.phone:
        ways.append(f"call {line.phone}")
    if line.text:
        ways.append(line.text)
    if line.chat:
        ways.append(f"online at {line.chat}")
    cost = "free" if line.free else "may cost the price of a call"
    status = opening.status(now) if now is not None and not line.always_open else ""
    hours = f"{line.hours} ({status})" if status else line.hours
    extra = f" {_sentence(line.note)}" if line.note else ""
    return f"{line.name}: {', '.join(ways)}. Open: {hours}; {cost}; for {line.audience}.{extra}"


def _note(opening: Opening) -> str:
    line = opening.line
    bits = [label for label, on in (("free", line.free), ("24/7", line.always_open)) if on]
    if opening.open_now and not line.always_open:
        bits.append("open now")
    if "crisis" not in line.kinds:
        bits.append(f"for {line.audience}")
    return ", ".join(bits)


def _has_national(entry: Country) -> bool:
    return entry is not directory().fallback and bool(entry.lines)


def _emergency(entry: Country) -> str:
    return " or ".join(entry.emergency)


def _fallback_hint() -> str:
    return "you can find a free helpline in your country at https://findahelpline.com"


def _sentence(text: str) -> str:
    """End with a full stop, except after a link (a trailing dot can break it) or where the
    text ends as a sentence already (a line's note)."""
    last = text.rsplit(" ", 1)[-1]
    if last.startswith("https://") or text.endswith((".", "!", "?")):
        return text
    return text + "."


def _join(parts: list[str]) -> str:
    return "\n\n".join(part[0].upper() + part[1:] for part in parts)
