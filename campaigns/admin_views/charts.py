"""An accessible SVG bar chart, laid out here so the template only draws it.

The chart is an image (``role="img"``, named by its ``<title>`` and ``<desc>``) whose
figures are also in a table beside it: a screen reader reads the table. Every bar carries
its value as visible text and a ``<title>`` (colour is never the only cue), both axes are
labelled in words, and in a right-to-left language the chart is mirrored: the first day
at the right, the value axis on the right.
"""

from dataclasses import dataclass
from math import ceil, log10

LEFT = 56  # room for the value axis: its numbers and its title (the "start" side)
RIGHT = 16
TOP = 28  # room for the value written above the tallest bar
PLOT_HEIGHT = 180
BOTTOM = 56  # the bars' labels and the axis title
STEP = 36  # one bar and its gap
BAR = 24


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    label: str  # short, under the bar ("25")
    title: str  # in full, the bar's tooltip ("Tuesday 25 November 2026: 3 pledges")
    centre: float
    value_y: float


@dataclass(frozen=True)
class Tick:
    y: float
    value: int
    text_x: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Tick]
    rtl: bool
    axis_x: float  # the value axis
    top_y: float  # its top
    base_y: float  # the zero line
    plot_start: float
    plot_end: float
    value_title_x: float
    value_title_y: float
    day_title_x: float
    day_title_y: float
    label_y: float

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
    for step in _steps(value):
        top = ceil(value / step) * step
        if top / step <= 5:
            return int(top), int(step)
    return int(value), int(value)  # pragma: no cover - the steps always end in a fit


def _steps(value: int):
    power = 10 ** max(0, int(log10(value)) - 1)
    while True:
        for factor in (1, 2, 5):
            yield factor * power
        power *= 10


def bar_chart(entries: list[tuple[int, str, str]], *, rtl: bool = False) -> BarChart:
    """The layout of a bar chart of ``entries``: (value, short label, full title), in the
    order read (left to right, or right to left when ``rtl``)."""
    count = max(1, len(entries))
    width = LEFT + count * STEP + RIGHT
    height = TOP + PLOT_HEIGHT + BOTTOM
    base_y = TOP + PLOT_HEIGHT
    top, step = nice_ceiling(max((value for value, _s, _t in entries), default=0))

    def x_of(x: float, w: float = 0) -> float:
        """``x`` measured from the left, or mirrored from the right."""
        return width - x - w if rtl else x

    bars = []
    for index, (value, label, title) in enumerate(entries):
        bar_height = PLOT_HEIGHT * value / top
        left = LEFT + index * STEP + (STEP - BAR) / 2
        x = x_of(left, BAR)
        bars.append(
            Bar(
                x=round(x, 2),
                y=round(base_y - bar_height, 2),
                width=BAR,
                height=round(bar_height, 2),
                value=value,
                label=label,
                title=title,
                centre=round(x + BAR / 2, 2),
                value_y=round(base_y - bar_height - 6, 2),
            )
        )
    axis_x = x_of(LEFT)
    text_x = axis_x + 6 if rtl else axis_x - 6
    ticks = [
        Tick(y=round(base_y - PLOT_HEIGHT * value / top, 2), value=value, text_x=text_x)
        for value in range(0, top + 1, step)
    ]
    plot_start, plot_end = sorted((x_of(LEFT), x_of(LEFT + count * STEP)))
    return BarChart(
        width=width,
        height=height,
        bars=bars,
        ticks=ticks,
        rtl=rtl,
        axis_x=axis_x,
        top_y=TOP,
        base_y=base_y,
        plot_start=plot_start,
        plot_end=plot_end,
        value_title_x=x_of(14),
        value_title_y=TOP + PLOT_HEIGHT / 2,
        day_title_x=round((plot_start + plot_end) / 2, 2),
        day_title_y=height - 10,
        label_y=base_y + 18,
    )
