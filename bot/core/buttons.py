"""The core's own buttons, typed: one frozen dataclass each (ids: bot/core/callback_data.py).

The flows' buttons are theirs (dialogues/); these are the buttons the core and the
check-in screens put under their replies. Each says what tapping it asks for, with the
choices made so far as typed fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# -- The core's buttons --------------------------------------------------------------------------


@dataclass(frozen=True)
class Go:
    """Start the flow at `target` (a flow id, `flow:node`, or topics)."""

    target: str


@dataclass(frozen=True)
class Resume:
    """Go back to where the person was."""


@dataclass(frozen=True)
class MoreHelp:
    """Every line and service for the person's country ("More ways to get help")."""


@dataclass(frozen=True)
class KeepTalking:
    """ "Keep talking with me", under the crisis lines."""


@dataclass(frozen=True)
class CountryPage:
    """A page of the country picker."""

    page: int


@dataclass(frozen=True)
class Country:
    """A country chosen for the crisis lines (ISO code); None: somewhere else."""

    code: str | None


@dataclass(frozen=True)
class Asked:
    """An answer to "are you thinking about suicide?"."""

    answer: Literal["yes", "no", "skip"]


@dataclass(frozen=True)
class Erase:
    """An answer to "erase everything?"."""

    erase: bool


# -- The check-in screens' buttons (bot/checkins/screens.py); CODE: d, k or w0..w6 ---------------


@dataclass(frozen=True)
class CheckinSettings:
    """The check-in settings screen."""


@dataclass(frozen=True)
class CheckinConsent:
    """Agreed that check-in settings may be kept; then the settings."""


@dataclass(frozen=True)
class CheckinHowOften:
    """How often?"""


@dataclass(frozen=True)
class CheckinWeekday:
    """Which day of the week?"""


@dataclass(frozen=True)
class CheckinFrequency:
    """How often was chosen: which part of the day?"""

    code: str


@dataclass(frozen=True)
class CheckinPeriod:
    """A part of the day was chosen: the half hours in it."""

    code: str
    period: str


@dataclass(frozen=True)
class CheckinTime:
    """A time was chosen: save, or ask the zone."""

    code: str
    hhmm: str


@dataclass(frozen=True)
class CheckinCountryZones:
    """A page of the zones in the person's country."""

    code: str
    hhmm: str
    page: int


@dataclass(frozen=True)
class CheckinRegions:
    """The regions of the world."""

    code: str
    hhmm: str


@dataclass(frozen=True)
class CheckinRegion:
    """A page of the zones in a region."""

    code: str
    hhmm: str
    region: str
    page: int


@dataclass(frozen=True)
class CheckinZone:
    """A zone was chosen: save."""

    code: str
    hhmm: str
    zone: str


@dataclass(frozen=True)
class CheckinChangeZone:
    """Change only the zone."""


@dataclass(frozen=True)
class CheckinPause:
    """Pause check-ins for some days."""

    days: int


@dataclass(frozen=True)
class CheckinUnpause:
    """Start check-ins again now."""


@dataclass(frozen=True)
class CheckinSnooze:
    """Check in again in an hour."""


@dataclass(frozen=True)
class CheckinOff:
    """Stop check-ins."""


@dataclass(frozen=True)
class CheckinProgress:
    """The /progress picture over some days."""

    days: int


@dataclass(frozen=True)
class CheckinBetter:
    """ "A bit better", to a check-back."""


CheckinButton = (
    CheckinSettings
    | CheckinConsent
    | CheckinHowOften
    | CheckinWeekday
    | CheckinFrequency
    | CheckinPeriod
    | CheckinTime
    | CheckinCountryZones
    | CheckinRegions
    | CheckinRegion
    | CheckinZone
    | CheckinChangeZone
    | CheckinPause
    | CheckinUnpause
    | CheckinSnooze
    | CheckinOff
    | CheckinProgress
    | CheckinBetter
)
CoreButton = Go | Resume | MoreHelp | KeepTalking | CountryPage | Country | Asked | Erase
Button = CoreButton | CheckinButton
