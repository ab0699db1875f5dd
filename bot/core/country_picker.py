"""The country picker: a few buttons a page, for the right crisis lines."""

from __future__ import annotations

import safety
from bot.core import words
from bot.core.buttons import Country, CountryPage
from bot.core.callback_data import option
from bot.messages import Reply

PAGE_SIZE = 8


def country_picker(*, page: int) -> Reply:
    """One page of countries, with buttons to move on and to choose none."""
    countries = safety.countries()
    pages = max(1, -(-len(countries) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    shown = countries[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    options = [option(Country(code), name) for code, name in shown]
    if page + 1 < pages:
        options.append(option(CountryPage(page + 1), words.MORE_COUNTRIES))
    elif page > 0:
        options.append(option(CountryPage(0), words.BACK_TO_FIRST_COUNTRIES))
    options.append(option(Country(None), words.SOMEWHERE_ELSE))
    return Reply(words.COUNTRY_ASK, options=tuple(options))
