"""Events for tests: an events listing under the site root and events under it."""

from datetime import date, time, timedelta

from django.utils import timezone

from wagtail.models import Locale, Page, Site

from events.models import EventIndexPage, EventPage


def _home():
    """The default site's root page. A transactional test starts from flushed tables, without
    what Wagtail's data migrations created (locale, root page, site): make them again."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page
    from home.models import HomePage

    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = root.add_child(instance=HomePage(title="Home", slug="home"))
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return home


def event_index_page() -> EventIndexPage:
    existing = EventIndexPage.objects.first()
    if existing is not None:
        return existing
    return _home().add_child(instance=EventIndexPage(title="Events", slug="events"))


def event_page(index: EventIndexPage | None = None, *, publish: bool = True, **fields) -> EventPage:
    """A training in Vilnius ten days from now unless ``fields`` say otherwise."""
    index = index or event_index_page()
    start = fields.pop("start_date", timezone.localdate() + timedelta(days=10))
    values = {
        "title": "Risk assessment training",
        "kind": "training",
        "summary": "Joint risk assessment for police and social services.",
        "start_date": start,
        "start_time": time(10, 0),
        "end_time": time(13, 0),
        "time_zone": "Europe/Vilnius",
        "country": "LT",
        "languages": ["lt", "en"],
        "capacity": 2,
    }
    values.update(fields)
    values.setdefault("slug", f"event-{EventPage.objects.count() + 1}")
    page = index.add_child(instance=EventPage(**values))
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def a_date(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def first_rule_date(rule: str, on_or_after: date) -> date:
    """The first date ``rule`` gives on or after a day: a repeating event must start on one."""
    from datetime import datetime

    from dateutil.rrule import rrulestr

    start = datetime.combine(on_or_after, time(0, 0))
    return rrulestr(rule.split(";COUNT")[0].split(";UNTIL")[0], dtstart=start)[0].date()
