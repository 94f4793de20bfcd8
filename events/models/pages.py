"""Event pages: EventIndexPage → EventPage | StudyVisitPage, and the venues they use.

Times are stored as local wall-clock dates and times plus the event's own IANA time zone
(see ``events.schedule``); ``starts_at``/``ends_at``/``last_ends_at`` are UTC copies kept on
save for sorting and filtering in SQL.

Registrations, sequence numbers and the schedule fingerprint belong to the event's
*original* page (the first of its translations): every language of an event shares one
capacity, one waiting list and one calendar identity.
"""

import hashlib
import json
from datetime import UTC

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.fields import ChoiceListField
from people.enums import Country
from programmes.pages import ProgrammeOwned, ProgrammeSection

from ..blocks import EventDocumentsBlock, ItineraryBlock, RegistrationQuestionsBlock
from ..enums import EVENT_LANGUAGES, EventFormat, EventKind, EventStatus
from ..forms import EventPageForm, RecurrencePanel, RunsInPanel
from ..recurrence import rule_faults
from ..schedule import Schedule, time_zone_choices, time_zone_names

RICH = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class EventIndexPage(RoutablePageMixin, Page):
    """The events listing (list and month views, filters) and the public calendar feeds."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventSectionPage", "events.EventPage", "events.StudyVisitPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events listing")

    def route(self, request, path_components):
        from ..pages_serve import route_to_event

        found = route_to_event(self, request, path_components)
        return found or super().route(request, path_components)  # other children, or 404

    @path("")
    def listing(self, request):
        from ..pages_serve import event_index

        return event_index(request, self, view="list")

    @path("month/<int:year>/<int:month>/")
    def month(self, request, year: int, month: int):
        from ..pages_serve import event_index

        return event_index(request, self, view="month", year=year, month=month)

    @path("feed/")
    def feed(self, request):
        from ..pages_serve import public_feed

        return public_feed(request, self)


class EventSectionPage(ProgrammeSection, Page):
    """One programme's events: its organisers create, edit and publish the events below it
    (Wagtail page permissions on this page, granted when the section is created)."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("programme"), FieldPanel("intro")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = ["events.EventPage", "events.StudyVisitPage"]

    class Meta:
        verbose_name = _("programme's events")
        verbose_name_plural = _("programmes' events")

    def get_context(self, request, *args, **kwargs):
        """The programme's upcoming live events in the order of their next dates, each in
        its own zone: three queries whatever their number (see
        ``selectors.page_by_next_occurrence``)."""
        from ..selectors import events_filtered, page_by_next_occurrence

        context = super().get_context(request, *args, **kwargs)
        page_obj, entries = page_by_next_occurrence(
            qs=events_filtered(index=self), page_number=request.GET.get("page")
        )
        context.update(page_obj=page_obj, entries=entries, events_listing=self.get_parent())
        return context


class EventPage(ProgrammeOwned, RoutablePageMixin, Page):
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    event_format = models.CharField(
        _("format"), max_length=16, choices=EventFormat.choices, default=EventFormat.IN_PERSON
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_("Cancelling notifies everyone registered and updates their calendars."),
    )
    summary = models.CharField(_("summary"), max_length=300)
    body = RichTextField(_("description"), blank=True, features=RICH)

    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"))
    end_date = models.DateField(_("end date"), blank=True, help_text=_("Empty: the same day."))
    end_time = models.TimeField(_("end time"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Brussels",
        choices=time_zone_choices,
        help_text=_("Where the event happens. Times above are local times there."),
    )
    recurrence = models.CharField(
        _("repeats"),
        max_length=300,
        blank=True,
        help_text=_(
            "Leave empty for a single event. A rule in iCalendar form, e.g. every two months "
            "on the second Tuesday, twelve times: FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU;COUNT=12"
        ),
    )

    venue = models.ForeignKey(
        "events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    country = models.CharField(_("country"), max_length=8, choices=Country.choices)
    region = models.ForeignKey(
        "people.Region",
        verbose_name=_("region or municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to confirmed registrants, never on the public page or feed."),
    )
    languages = ChoiceListField(_("languages"), item_choices=EVENT_LANGUAGES)
    interpretation = models.CharField(
        _("interpretation"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Albanian ↔ Serbian, sign language on request”."),
    )

    registration_required = models.BooleanField(_("registration required"), default=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when it starts.")
    )
    requires_approval = models.BooleanField(
        _("an organiser approves each registration"), default=False
    )
    questions = StreamField(
        RegistrationQuestionsBlock(),
        blank=True,
        verbose_name=_("registration questions"),
        help_text=_("E.g. access needs, dietary needs, interpretation."),
    )
    attendance_certificates = models.BooleanField(
        _("certificates of attendance"),
        default=False,
        help_text=_("Issue and e-mail a certificate to each person checked in."),
    )

    # Kept in UTC on save, for sorting and filtering.
    starts_at = models.DateTimeField(editable=False, db_index=True)
    ends_at = models.DateTimeField(editable=False)
    last_ends_at = models.DateTimeField(editable=False, null=True, db_index=True)
    # Calendar identity, on the original page only (see the module docstring).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    schedule_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("event_format"), FieldPanel("status")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
                RecurrencePanel(),
                InlinePanel("occurrence_changes", label=_("Cancelled or moved occurrences")),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldPanel("online_url"),
                FieldPanel("languages"),
                FieldPanel("interpretation"),
            ],
            heading=_("Where and in which languages"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_required"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("requires_approval")]),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldPanel("questions"),
                FieldPanel("attendance_certificates"),
            ],
            heading=_("Registration"),
        ),
    ]
    settings_panels = [
        RunsInPanel(),
        FieldPanel("shared_with", widget=forms.CheckboxSelectMultiple),
        *Page.settings_panels,
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["events.EventIndexPage", "events.EventSectionPage"]
    subpage_types: list[str] = []
    template = "events/event_page.html"
    base_form_class = EventPageForm
    # A copy is a new event with its own calendar identity, starting again at SEQUENCE 0.
    exclude_fields_in_copy = ["sequence", "schedule_fingerprint"]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["country", "kind"], name="event_country_kind")]

    # --- schedule ---------------------------------------------------------------------

    def schedule(self, changes=None) -> Schedule:
        if changes is None:
            changes = self.occurrence_changes.all()
        return Schedule(
            start_date=self.start_date,
            start_time=self.start_time,
            end_date=self.end_date or self.start_date,
            end_time=self.end_time,
            time_zone=self.time_zone,
            recurrence=self.recurrence,
            changes=tuple(change.as_change() for change in changes),
        )

    @cached_property
    def cached_schedule(self) -> Schedule:
        return self.schedule()

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurrence)

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    def shows_address(self, *, confirmed: bool) -> bool:
        """Whether the venue's name, address and directions may be shown: always, unless
        the venue is confidential and the person has no confirmed place."""
        return confirmed or not (self.venue_id and self.venue.address_private)

    @property
    def language_labels(self) -> list[str]:
        return self._meta.get_field("languages").labels(self.languages)

    def fingerprint(self, changes=None) -> str:
        """A digest of everything a calendar or a registrant must hear about when it
        changes: time, place, status and the online link."""
        schedule = self.schedule(changes)
        data = [
            str(schedule.start_date),
            str(schedule.start_time),
            str(schedule.end_date),
            str(schedule.end_time),
            schedule.time_zone,
            schedule.recurrence,
            [
                [
                    str(c.original_date),
                    c.cancelled,
                    str(c.new_date),
                    str(c.new_start_time),
                    str(c.new_end_time),
                ]
                for c in sorted(schedule.changes, key=lambda c: c.original_date)
            ],
            self.venue_id,
            self.online_url,
            self.status,
        ]
        return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()

    def clean(self):
        super().clean()
        errors = {}
        if self.time_zone not in time_zone_names():
            errors["time_zone"] = _("Choose a time zone from the list, e.g. Europe/Vilnius.")
        if self.end_date is None and self.start_date is not None:
            self.end_date = self.start_date
        if (
            self.start_date
            and self.end_date
            and self.start_time
            and self.end_time
            and (self.end_date, self.end_time) <= (self.start_date, self.start_time)
        ):
            errors["end_time"] = _("The event must end after it starts.")
        faults = rule_faults(self.recurrence) if self.recurrence else []
        if faults:
            errors["recurrence"] = faults
        if self.recurrence and not errors and self.start_date and self.start_time:
            try:
                rule = self.schedule(changes=[]).rule()
            except ValidationError as error:
                errors["recurrence"] = error.messages
            else:
                # RFC 5545 leaves a DTSTART the rule does not give undefined: calendars
                # disagree about it, so the start date must be the rule's first date.
                first = next(iter(rule), None)
                if first is None:
                    errors["recurrence"] = _("This rule gives no date at all.")
                elif first.date() != self.start_date:
                    errors["start_date"] = _(
                        "A repeating event starts on a date its rule gives: with this rule, "
                        "the first one is %(first)s. Change the start date or the rule."
                    ) % {"first": formats.date_format(first.date(), "DATE_FORMAT")}
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Registration must close after it opens.")
        if self.event_format != EventFormat.IN_PERSON and not self.online_url:
            errors["online_url"] = _("An online or hybrid event needs its online link.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.end_date is None:
            self.end_date = self.start_date
        self._set_utc_copies()
        return super().save(*args, **kwargs)

    def _set_utc_copies(self, changes=None) -> None:
        schedule = self.schedule(changes)
        self.starts_at = schedule.first_start.astimezone(UTC)
        self.ends_at = schedule.first_end.astimezone(UTC)
        try:
            last = schedule.last_end()
        except ValidationError:
            last = schedule.first_end
        self.last_ends_at = last.astimezone(UTC) if last is not None else None

    # --- registration -------------------------------------------------------------------

    @cached_property
    def original(self) -> "EventPage":
        """The page registrations belong to: the first of this event's translations."""
        if self.pk is None:
            return self
        first = (
            EventPage.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .only("pk", "sequence", "schedule_fingerprint", "capacity")
            .first()
        )
        return self if first is None or first.pk == self.pk else first

    @property
    def question_list(self) -> list[dict]:
        """The questions as plain dicts: id, label, help_text, kind, choices, required."""
        return [
            {
                "id": block.id,
                "label": block.value["label"],
                "help_text": block.value["help_text"],
                "kind": block.value["kind"],
                "choices": [
                    line.strip()
                    for line in (block.value["choices"] or "").splitlines()
                    if line.strip()
                ],
                "required": bool(block.value["required"]),
            }
            for block in self.questions
        ]

    # --- routes -----------------------------------------------------------------------

    @path("")
    def event(self, request):
        from ..pages_serve import event_detail

        return event_detail(request, self)

    @path("calendar/")
    def ics(self, request):
        from ..pages_serve import event_download

        return event_download(request, self)

    def get_view_restrictions(self):
        from ..pages_serve import view_restrictions

        return view_restrictions(self)


class StudyVisitPage(EventPage):
    """A study visit abroad: a multi-day itinerary, hosts, practical information."""

    destination = models.CharField(_("destination"), max_length=200)
    host_organisations = models.TextField(_("host organisations"), help_text=_("One per line."))
    itinerary = StreamField(ItineraryBlock(), blank=True, verbose_name=_("itinerary"))
    practical_information = RichTextField(
        _("practical information"),
        blank=True,
        features=RICH,
        help_text=_("Travel, visas, accommodation, per diems, safety."),
    )
    documents = StreamField(EventDocumentsBlock(), blank=True, verbose_name=_("documents"))

    content_panels = EventPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("destination"),
                FieldPanel("host_organisations"),
                FieldPanel("itinerary"),
                FieldPanel("practical_information"),
                FieldPanel("documents"),
            ],
            heading=_("Study visit"),
        )
    ]
    parent_page_types = ["events.EventIndexPage", "events.EventSectionPage"]
    subpage_types: list[str] = []
    template = "events/study_visit_page.html"

    class Meta:
        verbose_name = _("study visit")
        verbose_name_plural = _("study visits")

    def save(self, *args, **kwargs):
        self.kind = EventKind.STUDY_VISIT
        return super().save(*args, **kwargs)

    @property
    def hosts(self) -> list[str]:
        return [line.strip() for line in self.host_organisations.splitlines() if line.strip()]
