"""Events for tests: an events listing under the site root, and events below it, in the
"Test programme" section by default (so the ``organiser`` fixture, who runs that
programme, sees them)."""

from datetime import date, time, timedelta

from django.utils import timezone

from wagtail.models import Locale, Page, Site

from events.models import EventIndexPage, EventPage, EventSectionPage


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


def programme_section(programme=None) -> EventSectionPage:
    """The events section of ``programme`` (default: "Test programme"), below the listing."""
    from programmes.sections import programme_sections_ensure, section_for

    from .programmes import programme_make

    event_index_page()  # a programme gets its sections below the indexes that exist
    programme = programme or programme_make()
    section = section_for(programme=programme, section_model=EventSectionPage)
    if section is None:  # the programme was made before the listing
        programme_sections_ensure(programme=programme)
        section = section_for(programme=programme, section_model=EventSectionPage)
    return section


def event_page(parent=None, *, publish: bool = True, **fields) -> EventPage:
    """A training in Vilnius ten days from now unless ``fields`` say otherwise, in the
    "Test programme" section unless ``parent`` (the listing, or another section) is given."""
    parent = parent or programme_section()
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
    page = parent.add_child(instance=EventPage(**values))
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
