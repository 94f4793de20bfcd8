"""The participation ledger: one row per thing that happened and counts toward impact."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.enums import Country, Role, Sector

from ..enums import ParticipationKind


class Participation(models.Model):
    """A ledger row.

    ``subject_key`` makes ``participation_record`` idempotent: it is ``person:<pk>`` for a
    person, or a caller-chosen key for an anonymous aggregate. When a person deletes their
    account the rows keep counting, with ``person`` cleared and the key replaced by one
    random key shared by all of that person's rows (``deleted:<random>``): nothing leads
    back to them, and distinct-people counts still count them once.

    The disaggregation attributes are a snapshot taken when the row was written (role,
    sector, place, and only the demographics the person consented to).
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
    )
    subject_key = models.CharField(max_length=64, editable=False)
    kind = models.CharField(_("kind"), max_length=40, choices=ParticipationKind.choices)
    occurred_at = models.DateTimeField(_("when"), db_index=True)
    count = models.PositiveIntegerField(_("count"), default=1)

    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    source_id = models.CharField(max_length=64)
    source = GenericForeignKey("source_type", "source_id")

    # The choices name the values in the admin (lists, filters, exports) and refuse a code
    # nobody could read.
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices, blank=True)
    country = models.CharField(_("country"), max_length=8, choices=Country.choices, blank=True)
    region = models.CharField(_("region or municipality"), max_length=120, blank=True)
    gender = models.CharField(_("gender"), max_length=16, blank=True)
    age_band = models.CharField(_("age band"), max_length=16, blank=True)
    migrant_background = models.CharField(_("migrant background"), max_length=16, blank=True)

    # The activity the row is evidence of (a course, an event, a mentoring session, a
    # campaign): what indicators filter on ("these courses", "trainings"), what they count
    # as "activities held", and what an organiser drills down to instead of names.
    # ``activity_key`` tells activities apart (an event's occurrences each have one);
    # ``activity_kind`` is the activity's own type (an event's kind, a session's kind);
    # ``activity_country``/``activity_region`` say where it took place.
    activity_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    activity_id = models.CharField(max_length=64, blank=True)
    activity_key = models.CharField(max_length=100, blank=True)
    activity_kind = models.CharField(_("activity type"), max_length=40, blank=True)
    activity_country = models.CharField(
        _("country of the activity"), max_length=8, choices=Country.choices, blank=True
    )
    activity_region = models.CharField(
        _("region or municipality of the activity"), max_length=120, blank=True
    )

    # The programmes whose work this was, as they were when the row was written (the
    # course's or event's programme and those it is shared with). Organisers count and
    # see only their programmes' rows.
    programmes = models.ManyToManyField(
        "programmes.Programme", verbose_name=_("programmes"), blank=True, related_name="+"
    )

    recorded_at = models.DateTimeField(auto_now_add=True)

    # A record of what happened, not content: nothing in Wagtail's "usage" listings needs
    # it, and indexing its references cost queries on every row written.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("participation")
        verbose_name_plural = _("participation ledger")
        permissions = [("export_participation", _("Can export the participation ledger"))]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_type", "source_id", "subject_key"],
                name="participation_once_per_subject",
            ),
            models.CheckConstraint(
                condition=models.Q(count__gte=1), name="participation_count_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(person__isnull=True) | models.Q(count=1),
                name="participation_person_counts_one",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "occurred_at"], name="participation_kind_when"),
            models.Index(fields=["activity_type", "activity_id"], name="participation_activity"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ×{self.count}"

    @property
    def person_label(self) -> str:
        """The person, or "Anonymous" for a count without a name (walk-ins without an
        e-mail address, the rows of a deleted account)."""
        if self.person_id is None:
            return str(_("Anonymous"))
        return str(self.person)
