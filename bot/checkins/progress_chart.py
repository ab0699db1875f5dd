"""The /progress picture: mood and urge strength over time, wins marked, as PNG bytes."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.core import words

Point = tuple[datetime, int | None, int | None]  # when, mood 1-5, urge 0-10
SIZE = (7, 4.2)  # inches, at DPI dots to the inch
DPI = 100


def caption(points: Sequence[Point], wins: Sequence[datetime], *, days: int) -> str:
    """Kind words to go with the picture; never a score, a streak or a verdict."""
    text = words.PROGRESS_CAPTION.format(days=days)
    if wins:
        text += words.PROGRESS_WINS
    return text


def chart(points: Sequence[Point], wins: Sequence[datetime], *, days: int, now: datetime) -> bytes:
    """A two-panel PNG: mood (1-5) above, urge strength (0-10) below, over the last `days`."""
    from matplotlib.dates import DateFormatter  # imported here: matplotlib is slow to load
    from matplotlib.figure import Figure

    start = now - timedelta(days=days)
    figure = Figure(figsize=SIZE, dpi=DPI)
    mood_axes, urge_axes = figure.subplots(2, 1, sharex=True)
    moods = [(at, mood) for at, mood, _ in points if mood is not None]
    urges = [(at, urge) for at, _, urge in points if urge is not None]
    _line(mood_axes, moods, colour="#3b7dd8", low=1, high=5)
    _line(urge_axes, urges, colour="#e08a3c", low=0, high=10)
    mood_axes.set_ylabel(words.PROGRESS_MOOD)
    mood_axes.set_yticks([1, 3, 5], labels=list(words.PROGRESS_MOOD_TICKS))
    urge_axes.set_ylabel(words.PROGRESS_URGES)
    urge_axes.set_yticks([0, 5, 10], labels=list(words.PROGRESS_URGE_TICKS))
    shown_wins = [at for at in wins if at >= start]
    if shown_wins:
        mood_axes.scatter(
            shown_wins,
            [5.35] * len(shown_wins),
            marker="*",
            s=140,
            color="#d4a017",
            zorder=3,
            clip_on=False,
        )
    urge_axes.set_xlim(start, now)
    urge_axes.xaxis.set_major_formatter(DateFormatter("%d %b"))  # type: ignore[no-untyped-call]
    figure.subplots_adjust(left=0.13, right=0.97, top=0.93, bottom=0.1, hspace=0.15)
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def _line(
    axes: object, values: list[tuple[datetime, int]], *, colour: str, low: int, high: int
) -> None:
    from matplotlib.axes import Axes

    assert isinstance(axes, Axes)
    if values:
        when, value = zip(*values, strict=True)
        axes.plot(when, value, color=colour, marker="o", markersize=4, linewidth=1.5)
    axes.set_ylim(low - 0.4, high + 0.6)
    axes.grid(axis="y", alpha=0.3)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
