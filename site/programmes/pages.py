"""What a feature app mixes into its pages to belong to programmes.

* ``ProgrammeSection``: a programme's part of a feature app's tree (its courses, its
  events). The programme's organisers get Wagtail page permissions on it, so they create,
  edit and publish what is below it, and nothing else.
* ``ProgrammeOwned``: a page that belongs to the programme whose section holds it
  (``programme``, kept in step with the tree on save and on move) and may be shared with
  other programmes (``shared_with``: their organisers then see their people in it).

A page outside any section (an "open to all" course placed directly in the catalogue)
belongs to no programme: only admins see its participants.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Page


class ProgrammeSection(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        for model in owned_models():
            model.objects.child_of(self).exclude(programme_id=self.programme_id).update(
                programme_id=self.programme_id
            )
        return result


class ProgrammeOwned(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    shared_with = ParentalManyToManyField(
        "programmes.Programme",
        verbose_name=_("also run by"),
        blank=True,
        related_name="+",
        help_text=_(
            "Other programmes that use this page with their own participants. Their "
            "organisers see their people here but cannot edit the page."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.programme_id = self.programme_from_tree()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "programme" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "programme"]
        return super().save(*args, **kwargs)

    def programme_from_tree(self):
        """The programme of the section directly above this page (None outside one)."""
        if not self.path or len(self.path) <= self.steplen:
            return None
        parent = Page.objects.filter(path=self.path[: -self.steplen]).specific().first()
        if isinstance(parent, ProgrammeSection):
            return parent.programme_id
        return None

    def programme_ids(self) -> set[int]:
        """Every programme this page belongs to (owner and those it is shared with)."""
        ids = {pk for pk in self.shared_with.values_list("pk", flat=True)}
        if self.programme_id:
            ids.add(self.programme_id)
        return ids


def owned_models() -> list[type[models.Model]]:
    """The concrete models that declare ``ProgrammeOwned``'s fields (a subclass such as a
    study visit shares its parent's table, so it is left out)."""
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, ProgrammeOwned) and model._meta.get_field("programme").model is model
    ]


def page_moved(sender, instance, **kwargs):
    """Wagtail's ``post_page_move`` signal: a page moved into (or out of) a section changes
    programme."""
    if not isinstance(instance, ProgrammeOwned):
        instance = instance.specific
    if isinstance(instance, ProgrammeOwned):
        programme_id = instance.programme_from_tree()
        type(instance).objects.filter(pk=instance.pk).update(programme_id=programme_id)
        instance.programme_id = programme_id
