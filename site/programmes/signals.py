"""Keep each programme's Wagtail group and collection in step with the programme."""

from django.db.models.signals import m2m_changed, post_save


def _programme_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from .sections import programme_sections_ensure
    from .services import programme_rights_ensure

    programme_rights_ensure(programme=instance)
    programme_sections_ensure(programme=instance)


def _organisers_changed(sender, instance, action, pk_set, reverse, **kwargs):
    from .models import Programme
    from .services import _sync_group

    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # user.organised_programmes changed
        programmes = Programme.objects.filter(pk__in=pk_set) if pk_set else Programme.objects.all()
        for programme in programmes:
            _sync_group(programme)
    else:
        _sync_group(instance)


def connect() -> None:
    from wagtail.signals import post_page_move

    from .models import Programme
    from .pages import page_moved as owned_page_moved

    post_page_move.connect(owned_page_moved, dispatch_uid="programmes.page_moved")

    post_save.connect(_programme_saved, sender=Programme, dispatch_uid="programmes.saved")
    m2m_changed.connect(
        _organisers_changed,
        sender=Programme.organisers.through,
        dispatch_uid="programmes.organisers_changed",
    )
