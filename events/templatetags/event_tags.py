"""How an event's time is written: in the event's own time zone, named, so nobody has to
guess whose 10:00 it is."""

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..labels import zone_label

register = template.Library()


@register.filter(name="zone_label")
def zone_label_filter(tz_name: str, country: str = "") -> str:
    """``{{ event.time_zone|zone_label:event.country }}``: "Lithuania — Vilnius"."""
    return zone_label(tz_name, country)


def _when(start, end, tz_name: str, country: str = "") -> str:
    same_day = start.date() == end.date()
    day = formats.date_format(start, "DATE_FORMAT")
    weekday = formats.date_format(start, "l")
    if same_day:
        text = _("%(weekday)s %(day)s, %(start)s–%(end)s") % {
            "weekday": weekday,
            "day": day,
            "start": start.strftime("%H:%M"),
            "end": end.strftime("%H:%M"),
        }
    else:
        text = _("%(start_day)s %(start)s to %(end_day)s %(end)s") % {
            "start_day": day,
            "start": start.strftime("%H:%M"),
            "end_day": formats.date_format(end, "DATE_FORMAT"),
            "end": end.strftime("%H:%M"),
        }
    # The zone in words, by the event's country: "Kosovo — Pristina", never "Belgrade".
    zone = _("%(zone)s time") % {"zone": zone_label(tz_name, country)}
    return format_html(
        '<time datetime="{}">{}</time> <span class="event-zone">({})</span>',
        start.isoformat(),
        text,
        zone,
    )


@register.simple_tag
def event_when(occurrence, event):
    return _when(occurrence.start, occurrence.end, event.time_zone, event.country)


@register.simple_tag
def event_when_first(event):
    schedule = event.cached_schedule
    return _when(schedule.first_start, schedule.first_end, event.time_zone, event.country)


@register.simple_tag
def event_when_next(event):
    """The next date of a series (or the event's own date once it is over)."""
    from django.utils import timezone

    upcoming = event.cached_schedule.occurrences(
        after=timezone.now(), limit=1, include_cancelled=False
    )
    if upcoming:
        return _when(upcoming[0].start, upcoming[0].end, event.time_zone, event.country)
    return event_when_first(event)
