"""What was around on the harder days: the check-in tags /progress counts (issue 20).

Rules:
1. A harder day is a check-in with mood 1 or 2: the days the check-in flow asks what was
   around (dialogues/flows/checkin.yaml; not when urges were strong: help comes first).
2. Only tags are counted, never the person's note; a tag the words do not know (an old
   one) is left out.
3. No tags on harder days: nothing is said at all. Never a verdict, a score or a cause.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.core import words

HARD_MOOD = 2  # at most
SHOWN = 4  # the most tags named


def harder_days(days: Sequence[tuple[int | None, int | None, tuple[str, ...]]]) -> list[str]:
    """The tags around on the harder days, most often first (then in the words' order),
    as "Family (3)"; empty when there were none."""
    counted = Counter(
        tag
        for mood, _urge, tags in days
        if mood is not None and mood <= HARD_MOOD
        for tag in set(tags)
        if tag in words.CHECKIN_TAGS
    )
    order = list(words.CHECKIN_TAGS)
    ranked = sorted(counted, key=lambda tag: (-counted[tag], order.index(tag)))
    return [
        words.PROGRESS_AROUND_TAG.format(label=words.CHECKIN_TAGS[tag], days=counted[tag])
        for tag in ranked[:SHOWN]
    ]


def line(days: Sequence[tuple[int | None, int | None, tuple[str, ...]]]) -> str | None:
    """The sentence for /progress, or None when no harder day had a tag."""
    tags = harder_days(days)
    return words.PROGRESS_AROUND.format(tags=", ".join(tags)) if tags else None
