"""Callback data: the one codec between the core's typed buttons (bot/core/buttons.py) and
the button ids a platform carries back (Telegram's callback data).

Rules:
1. A core button id is `!2:VERB[:ARG…]`: "!" marks the core's own buttons (flow choice ids
   never start with it), "2" is the format's version, the verb is a word ("checkin-time",
   never "t"), and the arguments are the typed fields in order. `encode` is the only
   place ids are written; `decode` the only place they are read.
2. An id is at most ID_LIMIT bytes, so that with the Telegram adapter's one-byte tag it
   fits Telegram's 64 bytes of callback data. `encode` refuses a longer one (ButtonError).
3. `decode` reads version 2, and version 1 (the ids written before it: `!go:TARGET`,
   `!checkin:t:CODE:HHMM`, …), which are still under messages on people's screens: crisis
   keyboards stay in place. Anything else that starts with "!" is refused with a
   ButtonError that names it; ids that do not start with "!" are the flows' (is_core).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Literal

from bot.core.buttons import (
    Asked,
    Button,
    CheckinBetter,
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
    Country,
    CountryPage,
    Erase,
    Go,
    KeepTalking,
    MoreHelp,
    Resume,
)
from bot.messages import Option

VERSION = "2"
ID_LIMIT = 63  # bytes: Telegram's 64 for callback data, less the adapter's one-byte tag
_PREFIX = f"!{VERSION}:"


class ButtonError(ValueError):
    """A button id that is not one of the core's, or a button too long to be one."""


# Version 2's verbs: one word (or words joined by "-") for each kind of button.
VERBS: dict[str, type[Button]] = {
    "go": Go,
    "resume": Resume,
    "more-help": MoreHelp,
    "keep-talking": KeepTalking,
    "country-page": CountryPage,
    "country": Country,
    "asked": Asked,
    "erase": Erase,
    "checkin": CheckinSettings,
    "checkin-consent": CheckinConsent,
    "checkin-how-often": CheckinHowOften,
    "checkin-weekday": CheckinWeekday,
    "checkin-frequency": CheckinFrequency,
    "checkin-period": CheckinPeriod,
    "checkin-time": CheckinTime,
    "checkin-country-zones": CheckinCountryZones,
    "checkin-regions": CheckinRegions,
    "checkin-region": CheckinRegion,
    "checkin-zone": CheckinZone,
    "checkin-change-zone": CheckinChangeZone,
    "checkin-pause": CheckinPause,
    "checkin-unpause": CheckinUnpause,
    "checkin-snooze": CheckinSnooze,
    "checkin-off": CheckinOff,
    "checkin-progress": CheckinProgress,
    "checkin-better": CheckinBetter,
}
_VERB_OF = {kind: verb for verb, kind in VERBS.items()}


def is_core(option_id: str) -> bool:
    """Whether an id is one of the core's buttons (else it is a flow's choice)."""
    return option_id.startswith("!")


def encode(button: Button) -> str:
    """The id of a button (rule 1); ButtonError if it would be over ID_LIMIT bytes."""
    values = ["" if value is None else _text(value) for value in _values(button)]
    encoded = ":".join([f"!{VERSION}", _VERB_OF[type(button)], *values])
    if len(encoded.encode()) > ID_LIMIT:
        raise ButtonError(f"button id over {ID_LIMIT} bytes: {encoded!r}")
    return encoded


def decode(option_id: str) -> Button:
    """The button an id stands for (rules 1 and 3); ButtonError naming the id otherwise."""
    try:
        if option_id.startswith(_PREFIX):
            verb, _, rest = option_id.removeprefix(_PREFIX).partition(":")
            kind = VERBS.get(verb)
            if kind is None:
                raise ValueError(f"no verb {verb!r}")
            return _build(kind, rest, whole=":" not in option_id.removeprefix(_PREFIX))
        return _legacy(option_id)
    except (ValueError, TypeError) as error:
        raise ButtonError(f"not a button id of the core: {option_id!r} ({error})") from None


def _build(kind: type[Button], rest: str, *, whole: bool = False) -> Button:
    """A button of `kind` from the rest of its id (`whole`: nothing followed the verb):
    as many arguments as it has fields, each typed; only a flow target may hold ":"."""
    names = fields(kind)
    if not names or whole:
        args = [] if whole else [rest]
    else:
        args = rest.split(":", len(names) - 1) if kind is Go else rest.split(":")
    if len(args) != len(names):
        raise ValueError(f"{len(args)} arguments for {len(names)}")
    values: list[object] = []
    for spec, text in zip(names, args, strict=True):
        if kind is Go and not text:
            raise ValueError("no target")
        if spec.type in ("int", int):
            values.append(_number(text))
        elif spec.type in ("bool", bool):
            values.append(_flag(text))
        elif kind is Asked:
            values.append(_answer(text))
        elif kind is Country:
            values.append(text or None)
        else:
            values.append(text)
    return kind(*values)  # type: ignore[arg-type]


def _legacy(option_id: str) -> Button:
    """Version 1's ids (rule 3): `!go:TARGET`, `!asked:yes`, `!checkin:t:CODE:HHMM`, …"""
    if option_id in _LEGACY_WHOLE:
        return _LEGACY_WHOLE[option_id]
    head, _, rest = option_id.partition(":")
    if head == "!go" and rest:
        return Go(rest)  # a target may hold ":" ("urges:now")
    if head == "!country":
        return _legacy_country(rest)
    if head == "!sos" and rest in _LEGACY_SOS:
        return _LEGACY_SOS[rest]
    if head == "!asked":
        return Asked(_answer(rest))
    if head == "!delete" and rest in ("yes", "no"):
        return Erase(rest == "yes")
    if head == "!checkin":
        verb, colon, args = rest.partition(":")
        if (verb, args) == ("f", "w"):
            return CheckinWeekday()
        kind = _LEGACY_CHECKIN.get(verb)
        if kind is CheckinRegions and args.count(":") == 3:
            kind = CheckinRegion  # r:CODE:HHMM:REGION:PAGE, a region's page
        if kind is not None:
            return _build(kind, args, whole=not colon)
    raise ValueError("unknown")


def _legacy_country(rest: str) -> Button:
    if rest.startswith("page"):
        return CountryPage(_number(rest.removeprefix("page") or "0"))
    if rest in ("", "none"):
        return CountryPage(0) if not rest else Country(None)
    return Country(rest)


_LEGACY_WHOLE: dict[str, Button] = {"!resume": Resume(), "!checkin": CheckinSettings()}
_LEGACY_SOS: dict[str, Button] = {"more": MoreHelp(), "talk": KeepTalking()}
# Version 1's check-in verbs, some one letter long, each with the button it meant.
_LEGACY_CHECKIN: dict[str, type[Button]] = {
    "consent": CheckinConsent,
    "on": CheckinHowOften,
    "f": CheckinFrequency,
    "p": CheckinPeriod,
    "t": CheckinTime,
    "c": CheckinCountryZones,
    "r": CheckinRegions,
    "z": CheckinZone,
    "zone": CheckinChangeZone,
    "pause": CheckinPause,
    "unpause": CheckinUnpause,
    "snooze": CheckinSnooze,
    "off": CheckinOff,
    "progress": CheckinProgress,
    "better": CheckinBetter,
}


def _values(button: Button) -> list[object]:
    return [getattr(button, spec.name) for spec in fields(button)]


def _text(value: object) -> str:
    text = ("1" if value else "0") if isinstance(value, bool) else str(value)
    if ":" in text and not isinstance(value, str):
        raise ButtonError(f"a button field holds ':': {text!r}")
    return text


def _number(text: str) -> int:
    if not text.isdigit():
        raise ValueError(f"not a number: {text!r}")
    return int(text)


def _flag(text: str) -> bool:
    if text not in ("0", "1"):
        raise ValueError(f"not 0 or 1: {text!r}")
    return text == "1"


def _answer(text: str) -> Literal["yes", "no", "skip"]:
    if text == "yes":
        return "yes"
    if text == "no":
        return "no"
    if text == "skip":
        return "skip"
    raise ValueError(f"not yes, no or skip: {text!r}")


def option(button: Button, label: str) -> Option:
    """A button to show: its id encoded, its label from bot/core/words.py."""
    return Option(encode(button), label)
