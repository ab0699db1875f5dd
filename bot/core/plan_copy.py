"""A copy of the safety plan to keep outside the bot: a picture (PNG) and a text to send."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping, Sequence

import safety
from bot.core import words
from bot.messages import Reply

Plan = Mapping[str, Sequence[str]]  # plan field -> the person's entries, in order
WRAP = 52  # characters a line of the picture holds


def replies(plan: Plan, *, country: str | None) -> list[Reply]:
    """The picture, then the text to forward; a kind word instead when the plan is empty."""
    if not any(plan.get(field) for field, _ in words.PLAN_COPY_STEPS):
        return [Reply(words.PLAN_COPY_NOTHING)]
    footer = _footer(country)
    return [
        Reply(words.PLAN_COPY_PICTURE, image=picture(plan, footer=footer)),
        Reply(words.PLAN_COPY_TO_SEND),
        Reply(text(plan, footer=footer)),
    ]


def text(plan: Plan, *, footer: Sequence[str]) -> str:
    """The plan as plain text, every step in order (empty steps left out)."""
    parts = [words.PLAN_COPY_TEXT_INTRO, words.PLAN_COPY_TITLE.upper()]
    for field, heading in words.PLAN_COPY_STEPS:
        entries = plan.get(field) or ()
        if entries:
            items = "\n".join(words.KEPT_ITEM.format(text=entry) for entry in entries)
            parts.append(f"{heading}\n{items}")
    parts.append("\n".join(footer))
    return "\n\n".join(parts)


def picture(plan: Plan, *, footer: Sequence[str]) -> bytes:
    """The plan as a tall PNG: the title, each step with its entries, the lines below."""
    from matplotlib.figure import Figure  # imported here: matplotlib is slow to load

    rows: list[tuple[str, str]] = [("title", words.PLAN_COPY_TITLE)]
    rows += [("note", line) for line in _wrapped(words.PLAN_COPY_START)]
    for field, heading in words.PLAN_COPY_STEPS:
        rows.append(("heading", heading))
        entries = plan.get(field) or ()
        if not entries:
            rows.append(("item", words.PLAN_COPY_EMPTY_STEP))
        for entry in entries:
            lines = _wrapped(entry)
            rows += [("item", f"• {lines[0]}"), *(("item", f"   {more}") for more in lines[1:])]
    rows.append(("gap", ""))
    for line in footer:
        rows += [("footer", part) for part in _wrapped(line)]

    heights = {"title": 0.62, "heading": 0.5, "item": 0.3, "note": 0.3, "footer": 0.32, "gap": 0.2}
    total = sum(heights[kind] for kind, _ in rows) + 0.5
    figure = Figure(figsize=(6.4, total), dpi=110)
    figure.patch.set_facecolor("#fbf8f3")
    styles: dict[str, dict[str, object]] = {
        "title": {"fontsize": 20, "fontweight": "bold", "color": "#1f3b5a"},
        "heading": {"fontsize": 13, "fontweight": "bold", "color": "#2f6f8f"},
        "item": {"fontsize": 11.5, "color": "#222222"},
        "note": {"fontsize": 11, "color": "#555555", "style": "italic"},
        "footer": {"fontsize": 11, "fontweight": "bold", "color": "#8a2d2d"},
        "gap": {},
    }
    y = total - 0.35
    for kind, line in rows:
        y -= heights[kind]
        if line:
            indent = 0.55 if kind == "item" else 0.3
            figure.text(indent / 6.4, y / total, line, va="bottom", **styles[kind])  # type: ignore[arg-type]
    out = io.BytesIO()
    figure.savefig(out, format="png", facecolor=figure.get_facecolor())
    return out.getvalue()


def _footer(country: str | None) -> list[str]:
    """What to do in danger, and the country's first crisis line (none for no country)."""
    found = [words.PLAN_COPY_DANGER]
    for line in safety.lines_of_kind(country, "crisis")[:1]:
        hows = [words.PLAN_COPY_CALL.format(phone=line.phone)] if line.phone else []
        hows += [words.PLAN_COPY_TEXT.format(text=line.text)] if line.text else []
        if hows:
            found.append(words.PLAN_COPY_LINE.format(name=line.name, how=", ".join(hows)))
    return found


def _wrapped(line: str) -> list[str]:
    return textwrap.wrap(line, WRAP) or [""]
