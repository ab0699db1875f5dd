"""The /progress picture: how long drawing it takes, against a bare figure in the same run.

    .venv/bin/python -m bench.progress [--days 30] [--repeat 20]

Draws the two-panel chart of `bot.checkins.progress_chart` for a month of check-ins and
wins, `--repeat` times after one warm-up (the first draw also loads matplotlib), and
beside it a baseline: one empty matplotlib figure of the same size saved as PNG. Prints
the median and worst time of each and their ratio. Target: the chart's worst time under
0.5 s, so a tap on "Show 90 days" feels immediate; the ratio to the bare figure (which
cancels the machine's speed) shows whether a change to the chart made it dearer.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.checkins.progress_chart import DPI, SIZE, chart


def _times(draw: Callable[[], bytes], repeat: int) -> list[float]:
    draw()  # warm-up: imports, font cache
    found = []
    for _ in range(repeat):
        started = time.perf_counter()
        draw()
        found.append(time.perf_counter() - started)
    return found


def _bare() -> bytes:
    from matplotlib.figure import Figure

    out = io.BytesIO()
    Figure(figsize=SIZE, dpi=DPI).savefig(out, format="png")
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    now = datetime(2026, 12, 7, 20, tzinfo=UTC)
    points = [(now - timedelta(days=day), 1 + day % 5, day % 11) for day in range(args.days)]
    wins = [now - timedelta(days=day) for day in range(0, args.days, 4)]
    drawn = _times(lambda: chart(points, wins, days=args.days, now=now), args.repeat)
    bare = _times(_bare, args.repeat)
    for name, found in (("progress chart", drawn), ("bare figure", bare)):
        print(
            f"{name:15} median {statistics.median(found) * 1000:6.1f} ms  "
            f"worst {max(found) * 1000:6.1f} ms"
        )
    ratio = statistics.median(drawn) / statistics.median(bare)
    print(f"chart / bare figure (medians): {ratio:.1f}x")


if __name__ == "__main__":
    main()
