"""An indicator's trend as an accessible SVG chart, laid out here so the template only
draws it.

One mark per reporting period: a bar for a per-period indicator (what happened within
each period), a line through points for a cumulative one (everything up to each period's
end). Each mark carries its value as visible text and a ``<title>``; a period's own target,
if set, is a dashed mark at its height, named in the legend (colour is never the only
cue). The chart is an image (``role="img"``, named by its ``<title>`` and ``<desc>``) whose
figures are also in a table beside it. In a right-to-left language it is mirrored: the
first period at the right, the value axis on the right.

A hidden value ("<5", for someone who may not see small numbers) has no mark, only its
text: neither its bar nor the line reveals it.
"""

from dataclasses import dataclass
from math import ceil, log10

LEFT = 64  # room for the value axis: its numbers and its title (the "start" side)
RIGHT = 16
TOP = 28  # room for the value written above the highest mark
PLOT_HEIGHT = 180
BOTTOM = 56  # the periods' labels and the axis title
STEP = 104  # one period: room for its label in every language ("2026 m. 2 ketv.")
# The plot is never narrower than this, so the axis title ("Reporting period", in any
# language) fits under a programme's first period: the periods then share it.
MIN_PLOT_WIDTH = 240
BAR = 32


@dataclass(frozen=True)
class Entry:
    """One period as the chart takes it."""

    value: int | None  # None: hidden (a small number)
    value_text: str  # as written above the mark ("1,200", "<5")
    label: str  # short, under the mark ("Q1 2026")
    title: str  # in full, the mark's tooltip ("Q1 2026: 48 women; target 40")
    target: int | None = None


@dataclass(frozen=True)
class Mark:
    centre: float
    value: int | None
    value_text: str
    label: str
    title: str
    y: float | None  # the top of the bar / the point; None for a hidden value
    bar_x: float
    bar_height: float
    value_y: float
    target_y: float | None
    target_x1: float
    target_x2: float


@dataclass(frozen=True)
class Tick:
    y: float
    value: int
    text: str
    text_x: float


@dataclass(frozen=True)
class TrendChart:
    width: int
    height: int
    bars: bool  # bars (per period) or a line (cumulative)
    marks: list[Mark]
    lines: list[str]  # polyline points, one string per unbroken run
    target_line: str  # polyline points through the period targets (cumulative only)
    has_targets: bool
    ticks: list[Tick]
    rtl: bool
    axis_x: float
    top_y: float
    base_y: float
    plot_start: float
    plot_end: float
    value_title_x: float
    value_title_y: float
    period_title_x: float
    period_title_y: float
    label_y: float
    bar_width: int = BAR

    @property
    def tick_anchor(self) -> str:
        # Numbers are laid out left to right in every language: "end" puts them left of
        # the axis, "start" right of it (the mirrored chart).
        return "start" if self.rtl else "end"


def nice_ceiling(value: int) -> tuple[int, int]:
    """A round top for the value axis at or above ``value``, and the step between its
    ticks (1, 2 or 5 times a power of ten; at most five steps)."""
    if value <= 0:
        return 1, 1
    power = 10 ** max(0, int(log10(value)) - 1)
    while True:
        for factor in (1, 2, 5):
            step = factor * power
            top = ceil(value / step) * step
            if top / step <= 5:
                return int(top), int(step)
        power *= 10


def trend_chart(entries: list[Entry], *, bars: bool, rtl: bool = False, number=str) -> TrendChart:
    """The layout of ``entries`` (in the order read), drawn as bars or a line. ``number``
    writes a tick's value in the reader's language."""
    count = max(1, len(entries))
    plot_width = max(count * STEP, MIN_PLOT_WIDTH)
    step_x = plot_width / count
    width = LEFT + plot_width + RIGHT
    height = TOP + PLOT_HEIGHT + BOTTOM
    base_y = TOP + PLOT_HEIGHT
    highest = max(
        [entry.value or 0 for entry in entries] + [entry.target or 0 for entry in entries],
        default=0,
    )
    top, step = nice_ceiling(highest)

    def x_of(x: float, w: float = 0) -> float:
        """``x`` measured from the left, or mirrored from the right."""
        return width - x - w if rtl else x

    def y_of(value: int) -> float:
        return round(base_y - PLOT_HEIGHT * value / top, 2)

    marks = []
    for index, entry in enumerate(entries):
        centre = round(x_of(LEFT + index * step_x + step_x / 2), 2)
        y = y_of(entry.value) if entry.value is not None else None
        marks.append(
            Mark(
                centre=centre,
                value=entry.value,
                value_text=entry.value_text,
                label=entry.label,
                title=entry.title,
                y=y,
                bar_x=round(centre - BAR / 2, 2),
                bar_height=round(base_y - y, 2) if y is not None else 0,
                value_y=round((y if y is not None else base_y) - 8, 2),
                target_y=y_of(entry.target) if entry.target is not None else None,
                target_x1=round(centre - BAR / 2 - 6, 2),
                target_x2=round(centre + BAR / 2 + 6, 2),
            )
        )

    lines, run = [], []
    for mark in marks:
        if mark.y is None:
            if len(run) > 1:
                lines.append(" ".join(run))
            run = []
            continue
        run.append(f"{mark.centre},{mark.y}")
    if len(run) > 1:
        lines.append(" ".join(run))
    target_line = " ".join(
        f"{mark.centre},{mark.target_y}" for mark in marks if mark.target_y is not None
    )

    axis_x = x_of(LEFT)
    text_x = axis_x + 6 if rtl else axis_x - 6
    ticks = [
        Tick(y=y_of(value), value=value, text=number(value), text_x=text_x)
        for value in range(0, top + 1, step)
    ]
    plot_start, plot_end = sorted((x_of(LEFT), x_of(LEFT + plot_width)))
    return TrendChart(
        width=width,
        height=height,
        bars=bars,
        marks=marks,
        lines=[] if bars else lines,
        target_line="" if bars else target_line,
        has_targets=any(mark.target_y is not None for mark in marks),
        ticks=ticks,
        rtl=rtl,
        axis_x=axis_x,
        top_y=TOP,
        base_y=base_y,
        plot_start=plot_start,
        plot_end=plot_end,
        value_title_x=x_of(16),
        value_title_y=TOP + PLOT_HEIGHT / 2,
        period_title_x=round((plot_start + plot_end) / 2, 2),
        period_title_y=height - 10,
        label_y=base_y + 20,
    )
