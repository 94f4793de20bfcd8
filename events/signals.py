"""What makes the cached public feeds stale: any write that changes what a feed says.

A venue (renamed, or its address made confidential), an occurrence cancelled or moved,
an event page saved, published, unpublished or deleted, and so a translation (an event
page in another locale). Connected when ``events.models`` is imported.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished

from core import page_cache

from .models.occurrences import OccurrenceChange
from .models.pages import EventPage
from .models.venues import Venue


def _bump(sender, **kwargs) -> None:
    """Now, so no cached feed is served again, and after commit, so a feed another request
    builds from the rows as they were before the commit is not kept either (and a publish
    is whole: SEQUENCE is raised after the page is saved, in the same transaction)."""
    from .selectors import feed_version_bump  # selectors import the models: not at load

    feed_version_bump()
    transaction.on_commit(feed_version_bump)


def _bump_for_events(sender, instance, **kwargs) -> None:
    if isinstance(instance, EventPage):
        _bump(sender)


def _pages_stale(sender, **kwargs) -> None:
    """Event pages and listings show the venue and the dates: cached pages go stale too
    (page publishes reach the page cache by themselves). Registrations do not: what an
    anonymous visitor sees of an event never depends on who registered."""
    page_cache.invalidate()


for model in (Venue, OccurrenceChange):
    post_save.connect(_bump, sender=model, dispatch_uid=f"events.feed.save.{model.__name__}")
    post_delete.connect(_bump, sender=model, dispatch_uid=f"events.feed.delete.{model.__name__}")
    post_save.connect(
        _pages_stale, sender=model, dispatch_uid=f"events.pages.save.{model.__name__}"
    )
    post_delete.connect(
        _pages_stale, sender=model, dispatch_uid=f"events.pages.delete.{model.__name__}"
    )
# Any page class: a StudyVisitPage is saved as itself, and pages are deleted as Page rows.
post_save.connect(_bump_for_events, dispatch_uid="events.feed.save.page")
post_delete.connect(_bump_for_events, dispatch_uid="events.feed.delete.page")
page_published.connect(_bump_for_events, dispatch_uid="events.feed.published")
page_unpublished.connect(_bump_for_events, dispatch_uid="events.feed.unpublished")
