"""How an event's time is written on pages: in the event's own time zone, named in words
("Eastern European Time"), so nobody has to guess whose 17:00 it is; for an online or
hybrid event also in the reader's own zone when their profile names one. The words come
from ``events.when``; these tags add the HTML (``<time>`` with the exact moment)."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from core.timezones import zone_name

from .. import when

register = template.Library()


@register.filter(name="zone_name")
def zone_name_filter(tz_name: str) -> str:
    """``{{ event.time_zone|zone_name }}``: "Central European Time" (never a city)."""
    return zone_name(tz_name) if tz_name else ""


@register.filter
def weekday_date(day) -> str:
    """``{{ day|weekday_date }}``: a date with its weekday, in the reader's date format
    ("Tuesday 15 December 2026")."""
    return when.day_text(day) if day else ""


@register.filter
def local_day(moment, event) -> str:
    """``{{ occurrence.start|local_day:event }}``: the day in the event's zone, with its
    weekday, in the reader's date format."""
    if not moment:
        return ""
    if hasattr(moment, "hour"):
        moment = when.local(moment, event.time_zone)
    return when.day_text(moment)


@register.filter
def local_clock(moment, event) -> str:
    """``{{ occurrence.start|local_clock:event }}``: the time in the event's zone."""
    if not moment:
        return ""
    return when.clock(when.local(moment, event.time_zone))


@register.filter
def local_moment(moment, event) -> str:
    """``{{ registration.offer_expires_at|local_moment:event }}``: day and time in the
    event's zone, named."""
    if not moment:
        return ""
    return when.moment_text(moment, event.time_zone)


def viewer_zone(context) -> str:
    """The reader's own zone: ``viewer_zone`` in the context (an e-mail's), else the
    signed-in person's profile's. Read only for an online event, so a page of in-person
    events costs no query for it."""
    if "viewer_zone" in context:
        return context["viewer_zone"] or ""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return ""
    profile = getattr(user, "profile", None)
    return getattr(profile, "time_zone", "") or ""


def _html(context, start, end, event, *, times_only: bool = False) -> str:
    tz_name = event.time_zone
    ours = when.local(start, tz_name), when.local(end, tz_name)
    if times_only and ours[0].date() == ours[1].date():
        text = f"{when.clock(ours[0])}–{when.clock(ours[1])}"
    else:
        text = when.span_text(*ours)
    yours = ""
    if when.shows_viewer_time(event):
        yours = when.viewer_text(start, end, event_tz=tz_name, viewer_tz=viewer_zone(context))
    if yours:
        return format_html(
            '<time datetime="{}">{}</time> <span class="event-zone">{}</span> '
            '<span class="event-zone event-zone--yours">({})</span>',
            ours[0].isoformat(),
            text,
            zone_name(tz_name),
            yours,
        )
    return format_html(
        '<time datetime="{}">{}</time> <span class="event-zone">{}</span>',
        ours[0].isoformat(),
        text,
        zone_name(tz_name),
    )


@register.simple_tag(takes_context=True)
def event_when(context, occurrence, event):
    """One occurrence: days, times and zone."""
    return _html(context, occurrence.start, occurrence.end, event)


@register.simple_tag(takes_context=True)
def event_clock(context, occurrence, event):
    """One occurrence in a list of one day's (the month view): its times and zone, with the
    days only when it runs over several."""
    return _html(context, occurrence.start, occurrence.end, event, times_only=True)


@register.simple_tag(takes_context=True)
def event_when_first(context, event):
    schedule = event.cached_schedule
    return _html(context, schedule.first_start, schedule.first_end, event)


@register.simple_tag(takes_context=True)
def event_when_next(context, event):
    """The next date of a series (the one in progress included), or the event's own first
    date once it is over."""
    upcoming = event.cached_schedule.occurrences(
        after=timezone.now(), limit=1, include_cancelled=False
    )
    if upcoming:
        return event_when(context, upcoming[0], event)
    return event_when_first(context, event)


@register.simple_tag
def event_days(occurrence, event) -> list:
    """``{% event_days occurrence page as days %}``: every day of a multi-day occurrence
    (``events.when.Day``), or nothing for a one-day one."""
    return when.days_of(event, occurrence)
