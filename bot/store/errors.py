"""The store's one exception family."""

from __future__ import annotations


class StoreError(Exception):
    """The database could not be reached or refused a query."""


class StoreUnreachable(StoreError):
    """The database could not be reached at all (worth trying again in a moment)."""
