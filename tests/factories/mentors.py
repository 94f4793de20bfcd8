"""Mentors for tests: a programme's pool, requests, matches and sessions.

Every factory creates rows directly (no services): tests of a rule call the service
themselves."""

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from mentors.enums import (
    Expertise,
    LanguageLevel,
    MatchStatus,
    MeetingFormat,
    MentorStatus,
    RequestKind,
)
from mentors.models import Match, MentoringRequest, MentorLanguage, MentorProfile
from people.enums import Role

from .people import UserFactory, user_with_role
from .programmes import programme_make


def mentor_make(
    *,
    programme=None,
    languages: dict[str, int] | None = None,
    status: str = MentorStatus.ACTIVE,
    person=None,
    **fields,
) -> MentorProfile:
    """An (active by default) mentor of ``programme`` speaking ``languages`` ({code:
    LanguageLevel}), in Spain, in person and online, capacity 2, every expertise."""
    programme = programme or programme_make()
    person = person or user_with_role(Role.MENTOR)
    fields.setdefault("countries", ["ES"])
    fields.setdefault("formats", [MeetingFormat.IN_PERSON, MeetingFormat.ONLINE])
    fields.setdefault("expertise", [choice.value for choice in Expertise])
    fields.setdefault("availability", ["mon-morning", "wed-evening"])
    fields.setdefault("capacity", 2)
    fields.setdefault("conduct_accepted_at", timezone.now())
    profile = MentorProfile.objects.create(
        person=person, programme=programme, status=status, **fields
    )
    for code, level in (
        languages or {"ar": LanguageLevel.NATIVE, "es": LanguageLevel.FLUENT}
    ).items():
        MentorLanguage.objects.create(profile=profile, language=code, level=level)
    return profile


class RequestFactory(DjangoModelFactory):
    """An open support request in Spain, in Arabic, in person, needing health access."""

    class Meta:
        model = MentoringRequest
        skip_postgeneration_save = True

    programme = factory.LazyFunction(programme_make)
    kind = RequestKind.SUPPORT
    name = factory.Sequence(lambda n: f"Sara {n}")
    contact_method = "phone"
    contact = factory.Sequence(lambda n: f"+34 600 000 {n:03d}")
    safe_times = "Weekday mornings"
    requester_key = factory.LazyAttribute(lambda o: "")
    languages = factory.LazyFunction(lambda: ["ar"])
    country = "ES"
    formats = factory.LazyFunction(lambda: [MeetingFormat.IN_PERSON])
    availability = factory.LazyFunction(lambda: ["mon-morning"])
    needs = factory.LazyFunction(lambda: [Expertise.HEALTH])
    consent_at = factory.LazyFunction(timezone.now)
    conduct_accepted_at = factory.LazyFunction(timezone.now)
    waiting_since = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def digest(self, create, extracted, **kwargs):
        from core.crypto import contact_digest

        if create and not self.requester_key and self.contact:
            self.requester_key = contact_digest(self.contact)
            self.save(update_fields=["requester_key"])


def match_make(*, mentor=None, request=None, status: str = MatchStatus.ACTIVE, **fields) -> Match:
    mentor = mentor or mentor_make()
    request = request or RequestFactory(programme=mentor.programme)
    if status != MatchStatus.PROPOSED:
        fields.setdefault("answered_at", timezone.now())
    if status in (MatchStatus.ACTIVE, MatchStatus.PAUSED):
        fields.setdefault("started_at", timezone.now())
    return Match.objects.create(mentor=mentor, request=request, status=status, **fields)


__all__ = ["RequestFactory", "UserFactory", "match_make", "mentor_make"]
