"""What people do around an event: registrations, attendance, calendar tokens.

Messages to registrants are rows of the site's outbox (``core.OutboxMessage``).

All of them point at the event's original page (``EventPage.original``), so every
translation of an event shares one list. Write through ``events.services`` only.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..enums import ACTIVE, SEAT_HOLDING, AttendanceMethod, RegistrationStatus


class Registration(models.Model):
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices, db_index=True
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    # The waiting list is first in, first out on this (set when the person joins it).
    waitlisted_at = models.DateTimeField(_("joined the waiting list"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The event's SEQUENCE this person's calendar last heard of (update notices).
    notified_sequence = models.PositiveIntegerField(default=0, editable=False)

    # Records of who came, not content: Wagtail's reference index ("usage") has no need of
    # them, and indexing them cost queries on every check-in.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(status__in=ACTIVE),
                name="registration_one_active_per_person",
            )
        ]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status")]
        permissions = [
            ("export_registration", _("Can export registrations and attendance")),
            ("import_attendance", _("Can import sign-in sheets")),
            ("check_in_registration", _("Can check people in")),
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.event} ({self.get_status_display()})"

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_HOLDING

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE


class Attendance(models.Model):
    """A person was there, at one occurrence of an event (identified by its local date)."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    occurrence_date = models.DateField(_("date"))
    checked_in_at = models.DateTimeField(_("checked in at"), auto_now_add=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    method = models.CharField(_("how"), max_length=16, choices=AttendanceMethod.choices)

    wagtail_reference_index_ignore = True  # see Registration

    class Meta:
        ordering = ["occurrence_date", "checked_in_at"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "occurrence_date"], name="attendance_once_per_occurrence"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration.person} @ {self.event} {self.occurrence_date}"


def calendar_token_new() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a person's private "my events" feed address. Rotating it kills the
    old address at once (a calendar app that was shared or a phone that was lost)."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=calendar_token_new)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar token")

    def __str__(self) -> str:
        return f"calendar token of {self.person_id}"


class AnonymousAttendance(models.Model):
    """People who came to one occurrence without giving an e-mail address (walk-ins): a
    number, never a name.

    One row per occurrence, which the organiser may correct. Every change raises
    ``revision``: the ledger's anonymous row for this occurrence is keyed by it, so a
    corrected count replaces the one before rather than adding to it (see
    ``events.services.anonymous_attendance_set``). ``sheets`` holds a digest of each
    sign-in sheet already counted here, so a sheet imported twice counts once; the names
    on it are not kept.
    """

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="anonymous_attendance",
    )
    occurrence_date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("walk-ins without an e-mail address"), default=0)
    sheets = models.JSONField(default=list, blank=True, editable=False)
    revision = models.PositiveIntegerField(default=0, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    wagtail_reference_index_ignore = True  # see Registration

    class Meta:
        ordering = ["occurrence_date"]
        verbose_name = _("anonymous attendance")
        verbose_name_plural = _("anonymous attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence_date"], name="anonymous_attendance_per_occurrence"
            )
        ]

    def __str__(self) -> str:
        return f"{self.count} @ {self.event_id} {self.occurrence_date}"
