from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.crypto import EncryptedTextField
from core.fields import ChoiceListField
from people.enums import SPOKEN_LANGUAGES, Country

from ..enums import (
    AVAILABILITY_SLOTS,
    ContactMethod,
    Expertise,
    MeetingFormat,
    RequestKind,
    RequestStatus,
)


class MentoringRequest(models.Model):
    """A request for a mentor: (a) a woman asks for support, herself or through a service;
    (b) an organisation asks for a mentor-led session or training.

    It holds the least data possible, and never details of violence. The name and contact
    are encrypted at rest (``core.crypto``) and erased ``MENTORS_CONTACT_RETENTION_DAYS``
    after the request closes; what the counts need (kind, languages, country, region,
    needs, dates) stays.
    """

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="mentoring_requests",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RequestKind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentoring_requests",
    )
    on_behalf = models.BooleanField(_("filed by a service on her behalf"), default=False)
    organisation = models.CharField(
        _("organisation or service"),
        max_length=200,
        blank=True,
        help_text=_("The service filing on her behalf, or the organisation asking for a session."),
    )
    # Personal data: encrypted at rest, erased after the retention time.
    name = EncryptedTextField(_("first name or pseudonym"), blank=True)
    contact_method = models.CharField(
        _("safe way to contact"), max_length=16, choices=ContactMethod.choices, blank=True
    )
    contact = EncryptedTextField(_("contact"), blank=True)
    safe_times = EncryptedTextField(_("when it is safe to contact"), blank=True)
    # A keyed digest of the contact (core.crypto.contact_digest): recognises the same
    # person for the open-request limit and blocks without keeping the contact readable.
    requester_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    contact_erased_at = models.DateTimeField(_("contact details erased"), null=True, blank=True)

    # What matching and the counts need.
    languages = ChoiceListField(_("languages"), item_choices=SPOKEN_LANGUAGES)
    country = models.CharField(_("country"), max_length=8, choices=Country.choices)
    region = models.ForeignKey(
        "people.Region",
        verbose_name=_("region or municipality"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    formats = ChoiceListField(_("how she can meet"), item_choices=MeetingFormat.choices)
    availability = ChoiceListField(
        _("when she is usually free"), item_choices=AVAILABILITY_SLOTS, blank=True
    )
    needs = ChoiceListField(_("what she needs help with"), item_choices=Expertise.choices)
    # Training requests only.
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    participants_expected = models.PositiveSmallIntegerField(
        _("expected participants"), null=True, blank=True
    )

    consent_at = models.DateTimeField(_("consent given"))
    conduct_accepted_at = models.DateTimeField(_("code of conduct accepted"), null=True)
    created_at = models.DateTimeField(_("filed"), auto_now_add=True)
    # When she started waiting: reset when she loses a match, so waiting time counts again.
    waiting_since = models.DateTimeField(_("waiting since"))
    # Left waiting by an earlier round or lost her match: matched first next time.
    priority = models.BooleanField(_("priority"), default=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-priority", "waiting_since", "pk"]
        verbose_name = _("mentoring request")
        verbose_name_plural = _("mentoring requests")
        indexes = [
            models.Index(fields=["programme", "status"], name="mentor_request_open"),
            models.Index(fields=["closed_at"], name="mentor_request_closed"),
        ]

    def __str__(self) -> str:
        return _("Request %(number)s") % {"number": self.pk}

    @property
    def kind_short(self) -> str:
        """The kind in one word, for labels such as "Support no. 12 · Barcelona"."""
        return str(_("Training") if self.kind == RequestKind.TRAINING else _("Support"))
