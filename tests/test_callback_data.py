"""bot/core/callback_data.py: every core button to an id and back; old ids still read;
anything else refused by name."""

from __future__ import annotations

import pytest

from bot.core.buttons import (
    Asked,
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
from bot.core.callback_data import ID_LIMIT, VERBS, ButtonError, decode, encode, is_core
from bot.core.triage import triage
from bot.messages import Incoming, Person, Platform
from tests.fakes import START

LONGEST_ZONE = "America/Argentina/ComodRivadavia"
EVERY_BUTTON = (
    Go("urges:now"), Resume(), MoreHelp(), KeepTalking(), CountryPage(3), Country("GB"),
    Country(None), Asked("yes"), Asked("no"), Asked("skip"), Erase(True), Erase(False),
    CheckinSettings(), CheckinConsent(), CheckinHowOften(), CheckinWeekday(),
    CheckinFrequency("w6"), CheckinPeriod("k", "evening"), CheckinTime("d", "1930"),
    CheckinCountryZones("w6", "2330", 12), CheckinRegions("d", "0800"),
    CheckinRegion("w6", "2330", "oc", 12), CheckinZone("w6", "2330", LONGEST_ZONE),
    CheckinChangeZone(), CheckinPause(14), CheckinUnpause(), CheckinSnooze(), CheckinOff(),
    CheckinProgress(90), CheckinBetter(),
)  # fmt: skip
# Ids written before version 2, still under messages on people's screens.
VERSION_1 = {
    "!go:urges:now": Go("urges:now"), "!resume": Resume(), "!sos:more": MoreHelp(),
    "!sos:talk": KeepTalking(), "!country": CountryPage(0), "!country:page2": CountryPage(2),
    "!country:none": Country(None), "!country:IE": Country("IE"), "!asked:yes": Asked("yes"),
    "!asked:skip": Asked("skip"), "!delete:yes": Erase(True), "!delete:no": Erase(False),
    "!checkin": CheckinSettings(), "!checkin:consent": CheckinConsent(),
    "!checkin:on": CheckinHowOften(), "!checkin:f:w": CheckinWeekday(),
    "!checkin:f:d": CheckinFrequency("d"), "!checkin:p:d:night": CheckinPeriod("d", "night"),
    "!checkin:t:d:1900": CheckinTime("d", "1900"),
    "!checkin:c:k:0800:1": CheckinCountryZones("k", "0800", 1),
    "!checkin:r:d:0800": CheckinRegions("d", "0800"),
    "!checkin:r:d:0800:eu:0": CheckinRegion("d", "0800", "eu", 0),
    "!checkin:z:d:0800:Europe/Dublin": CheckinZone("d", "0800", "Europe/Dublin"),
    "!checkin:zone": CheckinChangeZone(), "!checkin:pause:7": CheckinPause(7),
    "!checkin:unpause": CheckinUnpause(), "!checkin:snooze": CheckinSnooze(),
    "!checkin:off": CheckinOff(), "!checkin:progress:30": CheckinProgress(30),
    "!checkin:better": CheckinBetter(),
}  # fmt: skip


@pytest.mark.parametrize("button", EVERY_BUTTON, ids=repr)
def test_every_button_comes_back_from_its_id_within_telegrams_limit(button: object) -> None:
    encoded = encode(button)  # type: ignore[arg-type]
    assert decode(encoded) == button
    assert encoded.startswith("!2:") and is_core(encoded)
    assert len(encoded.encode()) + 1 <= 64 and len(encoded.encode()) <= ID_LIMIT


def test_every_kind_of_button_has_a_word_for_a_verb() -> None:
    assert {type(button) for button in EVERY_BUTTON} == set(VERBS.values())
    assert all(len(verb) > 1 for verb in VERBS)


@pytest.mark.parametrize(("old", "button"), VERSION_1.items())
def test_version_one_ids_still_mean_what_they_meant(old: str, button: object) -> None:
    assert decode(old) == button


@pytest.mark.parametrize(
    "forged",
    ["!", "!x", "!go:", "!asked:maybe", "!delete:", "!checkin:", "!checkin:?", "!checkin:t:d",
     "!country:page-1", "!2:", "!2:nope", "!2:go", "!2:resume:x", "!2:checkin-pause:x",
     "!2:checkin-time:d:19:30", "!2:erase:2", "!3:go:topics", "urges.now.1", ""],
)  # fmt: skip
def test_anything_else_is_refused_with_a_clear_error(forged: str) -> None:
    with pytest.raises(ButtonError, match="not a button id of the core"):
        decode(forged)


def test_a_button_too_long_for_telegram_is_refused_when_encoded() -> None:
    with pytest.raises(ButtonError, match="over 63 bytes"):
        encode(Go("x" * 64))


def test_an_old_crisis_keyboards_more_help_is_still_urgent() -> None:
    person = Person(Platform.TELEGRAM, "1")
    assert triage(Incoming(person, START, choice="!sos:more")).urgent
    assert triage(Incoming(person, START, choice=encode(MoreHelp()))).urgent
    assert not triage(Incoming(person, START, choice="!sos:nonsense")).urgent
