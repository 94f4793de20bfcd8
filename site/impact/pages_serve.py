"""What the public impact page shows (``impact.pages.ImpactPage`` calls this).

Everything is suppressed as for the public, whoever is looking (an organiser reading her
own page sees what the public sees): ``present.presented(..., suppress=True)``. A hidden
number is ``None`` there and "<5" here; a percentage of the target is never shown for a
hidden number (5 % of 60 would give it away).
"""

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from .enums import IndicatorAccumulation, LedgerPeriod
from .indicators.compute import indicator_result
from .indicators.present import presented

# The trend chart's drawing box (SVG user units): the bars scale to it, CSS to the page.
CHART_WIDTH = 300
CHART_HEIGHT = 80
CHART_GAP = 2


def hidden_text() -> str:
    """What a hidden number shows: "<5" (the threshold is a setting)."""
    return f"<{settings.LINKAGE_SMALL_COUNT_THRESHOLD}"


def number_text(value) -> str:
    """A number as the visitor's language writes it (15 000, 15,000, 15.000), or "<5"."""
    if value is None:
        return hidden_text()
    return formats.number_format(value, force_grouping=True)


def percent_of(value, target) -> int | None:
    if value is None or not target:
        return None
    return round(value * 100 / target)


def _period_rows(view) -> list[dict]:
    return [
        {
            "label": row.label,
            "start": row.start,
            "end": row.end,
            "value": row.value,
            "text": number_text(row.value),
            "target": row.target,
            "target_text": number_text(row.target) if row.target is not None else "",
        }
        for row in view.periods
    ]


def trend_bars(periods: list[dict], *, rtl: bool = False) -> list[dict]:
    """Bars for the trend chart, one per period, in the order the page reads (the first
    period at the right in a right-to-left language): x, y, width, height in the chart's
    box. A hidden value has no bar (its height would tell it), only a mark on the axis."""
    if not periods:
        return []
    shown = [row["value"] for row in periods if row["value"] is not None]
    targets = [row["target"] for row in periods if row["target"]]
    top = max([*shown, *targets, 1])
    step = CHART_WIDTH / len(periods)
    width = round(max(step - CHART_GAP, 1), 2)
    bars = []
    for index, row in enumerate(periods):
        x = index * step + CHART_GAP / 2
        if rtl:
            x = CHART_WIDTH - x - width
        hidden = row["value"] is None
        height = 2 if hidden else round(row["value"] / top * (CHART_HEIGHT - 2), 2)
        bars.append(
            {
                "x": svg_number(x),
                "y": svg_number(CHART_HEIGHT - height),
                "width": svg_number(width),
                "height": svg_number(height),
                "hidden": hidden,
            }
        )
    return bars


def svg_number(value: float) -> str:
    """A coordinate as SVG reads it: a full stop for the decimals in every language (the
    template would write "27,5" in Lithuanian)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _breakdown_tables(view, chosen) -> list[dict]:
    """The whole programme's numbers per attribute value of each chosen breakdown, as the
    suppressed table's totals give them (showing fewer of the table's cells than it was
    suppressed for cannot reveal more)."""
    # Manual entries carry no breakdown: a table's total is then what the platform counted.
    total_label = _("Total") if view.manual == 0 else _("Counted on the platform")
    tables = []
    for table in view.breakdowns:
        if table.key not in chosen:
            continue
        totals = table.totals
        tables.append(
            {
                "key": table.key,
                "label": table.label,
                "rows": [
                    {"label": label, "text": number_text(value)}
                    for (_code, label), value in zip(table.columns, totals.cells, strict=True)
                ],
                "total_label": total_label,
                "total_text": number_text(totals.total),
            }
        )
    return tables


def period_heading(indicator) -> str:
    per = {
        LedgerPeriod.MONTH: _("Month"),
        LedgerPeriod.QUARTER: _("Quarter"),
        LedgerPeriod.YEAR: _("Year"),
    }
    return per.get(indicator.period, _("Period"))


def value_heading(indicator) -> str:
    if indicator.accumulation == IndicatorAccumulation.CUMULATIVE:
        return _("Total by the end of the period")
    return _("In the period")


def indicator_card(row, indicator, result) -> dict:
    """One indicator as the page shows it."""
    view = presented(indicator, result, suppress=True)
    periods = _period_rows(view)
    chosen = set(row.breakdowns or []) & set(indicator.breakdowns or [])
    target = view.target
    percent = percent_of(view.value, target)
    return {
        "name": row.public_name or indicator.name,
        "unit": row.public_unit or indicator.unit,
        "caption": row.caption,
        "value_text": number_text(view.value),
        "target": target,
        "target_text": number_text(target) if target else "",
        "percent": percent,  # None when the value is hidden: it would give it away
        "bar": min(percent or 0, 100),
        "periods": periods,
        "bars": trend_bars(periods, rtl=translation.get_language_bidi()),
        "period_heading": period_heading(indicator),
        "value_heading": value_heading(indicator),
        "has_period_targets": any(period["target"] is not None for period in periods),
        "breakdowns": _breakdown_tables(view, chosen),
        "counted_at": result.computed_at,
    }


def page_rows(page, *, preview: bool = False) -> list:
    """The page's rows with their indicators, programmes and stored values, in one query
    (a preview's rows are the unsaved ones in the form)."""
    from .pages import ImpactPageIndicator

    if preview:
        return list(page.impact_indicators.all())
    return list(
        ImpactPageIndicator.objects.filter(page=page)
        .select_related("indicator__programme", "indicator__computed")
        .order_by("sort_order", "pk")
    )


def impact_page_context(request, page, *, preview: bool = False) -> dict:
    cards = []
    for index, row in enumerate(page_rows(page, preview=preview), start=1):
        indicator = row.indicator
        card = indicator_card(row, indicator, indicator_result(indicator))
        card["anchor"] = f"indicator-{index}"
        cards.append(card)
    counted = [card["counted_at"] for card in cards if card["counted_at"]]
    return {
        "page": page,
        "self": page,
        "cards": cards,
        "counted_at": max(counted) if counted else None,
        "threshold": settings.LINKAGE_SMALL_COUNT_THRESHOLD,
        "hidden_text": hidden_text(),
        "chart": {"width": CHART_WIDTH, "height": CHART_HEIGHT},
    }
