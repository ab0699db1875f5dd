"""The words Waypoint says when risk is found: crisis, concern and the full list of lines.

Rules (SAFE_MESSAGING.md): plain text, no Markdown, no `tel:` links; help first, then
warmth; say it is a bot that cannot send help or call anyone; ask if they are safe; never
a method word, never blame.
"""

from __future__ import annotations

from safety.resources import Country, Line, directory


def crisis_reply(
    country: str | None, *, about_someone_else: bool = False, immediate: bool = True
) -> str:
    """The crisis reply for a person in `country` (ISO alpha-2, or None for the fallback)."""
    entry = directory().lookup(country)
    if about_someone_else:
        return _join(_someone_else(entry))
    return _join(_for_you(entry, immediate=immediate))


def concern_reply(country: str | None) -> str:
    """A warm reply to urges, a lapse or strong distress, with one line offered gently."""
    entry = directory().lookup(country)
    line = entry.first_call_line or entry.first_text_line
    offer = (
        f"If you'd like to talk to a person, {_reach(line)}."
        if line
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


def not_safe_reply(country: str | None) -> str:
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
            *_lines(entry, lead="You can also ", text_lead="If talking is hard, "),
            "I'm here if you want to keep talking while you get help.",
        ]
    )


def more_options(country: str | None) -> str:
    """Every line in the directory for `country`, for "see more options" and /sos."""
    entry = directory().lookup(country)
    heading = (
        f"Support in {entry.name}"
        if entry is not directory().fallback
        else "Support wherever you are"
    )
    parts = [heading, f"In an emergency: {_emergency(entry)}."]
    for line in entry.lines:
        parts.append(_describe(line))
    if entry is not directory().fallback:
        parts.append(_sentence(f"Somewhere else? {_fallback_hint().capitalize()}"))
    parts.append("I'm a bot: I can't call anyone or send help, but these people can.")
    return _join(parts)


def _for_you(entry: Country, *, immediate: bool) -> list[str]:
    emergency = _emergency(entry)
    parts: list[str] = []
    if immediate:
        parts.append(f"If you are in danger or hurt right now, please call {emergency} now.")
    parts.append("I'm a bot, so I can't send help or call anyone, but people can help you now.")
    parts.extend(_lines(entry, lead="", text_lead="If talking is hard, "))
    if not immediate:
        parts.append(f"If you might act on these thoughts, call {emergency}.")
    # The same reply answers /sos: not only people who told it something.
    parts.append("I'm really glad you reached out. Are you safe right now?")
    return parts


def _lines(entry: Country, *, lead: str, text_lead: str) -> list[str]:
    """A call line, then a text or chat option, or the international directories."""
    if entry is directory().fallback:
        return [_sentence(_fallback_hint())]
    call = entry.first_call_line
    text = entry.first_text_line
    parts = []
    if call:
        parts.append(_sentence(f"{lead}{_reach(call)}"))
    if text:
        how = _reach(text, prefer_text=True, named=text is not call)
        parts.append(_sentence(f"{text_lead}{how}"))
    return parts


def _someone_else(entry: Country) -> list[str]:
    emergency = _emergency(entry)
    parts = [
        f"If they are in danger right now, call {emergency}. I'm a bot, so I can't send "
        "help or call anyone.",
        "Thank you for looking out for them. Right now you can: stay with them, listen "
        "without judging, ask them plainly if they are thinking about suicide, and don't "
        "leave them alone if they are in danger.",
    ]
    parts.extend(_lines(entry, lead="Help them contact a line: ", text_lead="Or by message: "))
    parts.append(
        "This is a lot to carry. Please look after yourself too: these lines are there "
        "for you as well."
    )
    return parts


def _reach(line: Line | None, *, prefer_text: bool = False, named: bool = True) -> str:
    """How to reach a line, in words: 'call Samaritans on 116 123 (free, 24/7)'."""
    if line is None:
        return _fallback_hint()
    label = f" ({line.name}{_note(line)})" if named else ""
    if prefer_text and line.text:
        return f"{line.text}{label}"
    if prefer_text and line.chat:
        return f"chat at {line.chat}{label}"
    if line.phone:
        return f"call {line.name} on {line.phone}{_paren(_note(line))}"
    if line.text:
        return f"{line.text}{label}"
    return f"go to {line.chat}{label}"


def _describe(line: Line) -> str:
    ways = []
    if line.phone:
        ways.append(f"call {line.phone}")
    if line.text:
        ways.append(line.text)
    if line.chat:
        ways.append(f"online at {line.chat}")
    cost = "free" if line.free else "may cost the price of a call"
    return f"{line.name}: {', '.join(ways)}. Open: {line.hours}; {cost}; for {line.audience}."


def _note(line: Line) -> str:
    bits = [label for label, on in (("free", line.free), ("24/7", line.always_open)) if on]
    return ", " + ", ".join(bits) if bits else ""


def _paren(note: str) -> str:
    return f" ({note.removeprefix(', ')})" if note else ""


def _emergency(entry: Country) -> str:
    return " or ".join(entry.emergency)


def _fallback_hint() -> str:
    return "you can find a free helpline in your country at https://findahelpline.com"


def _sentence(text: str) -> str:
    """End with a full stop, except after a link (a trailing dot can break it)."""
    last = text.rsplit(" ", 1)[-1]
    return text if last.startswith("https://") else text + "."


def _join(parts: list[str]) -> str:
    return "\n\n".join(part[0].upper() + part[1:] for part in parts)
