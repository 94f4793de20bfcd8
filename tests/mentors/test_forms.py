"""The mentoring forms (mentors/forms.py): what a person can correct on the page, before
any service runs."""

import json
from datetime import timedelta

from django.utils import timezone

import pytest

from mentors.enums import (
    ContactMethod,
    Expertise,
    LanguageLevel,
    MatchStatus,
    SessionKind,
    SupportCategory,
)
from mentors.forms import (
    HONEYPOT,
    MentorProfileForm,
    SessionForm,
    SupportRequestForm,
    TrainingRequestForm,
    language_formset,
    match_label,
    match_reference,
    match_status_for_mentor,
)
from mentors.forms.requests import by_name
from mentors.models import MentorProfile
from tests.factories import RegionFactory
from tests.factories.mentors import RequestFactory, match_make, mentor_make
from tests.factories.programmes import programme_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def spain():
    return programme_make("Barcelona mentoring", "barcelona", countries=["ES"])


@pytest.fixture
def italy():
    return programme_make("Palermo mentoring", "palermo", countries=["IT"])


def support(**changes) -> dict:
    data = {
        "name": "Layla",
        "contact_method": ContactMethod.PHONE,
        "contact": "+34 611 222 333",
        "safe_times": "Mornings",
        "languages": ["ar", "fr"],
        "country": "ES",
        "formats": ["online"],
        "needs": [Expertise.RIGHTS],
        "consent": "on",
        "conduct": "on",
    }
    data.update(changes)
    return data


def test_the_programme_follows_her_country(spain, italy):
    form = SupportRequestForm(support(country="IT"), programmes=[spain, italy])

    assert form.is_valid(), form.errors
    assert form.cleaned_data["programme"] == italy


def test_she_may_choose_among_programmes_only_when_there_are_several(spain, italy):
    one = SupportRequestForm(programmes=[spain])
    several = SupportRequestForm(support(programme=str(spain.pk)), programmes=[spain, italy])

    assert "programme" not in one.fields
    assert several.is_valid(), several.errors
    assert several.cleaned_data["programme"] == spain


def test_the_programme_named_in_the_address_wins(spain, italy):
    form = SupportRequestForm(
        support(country="IT"), programmes=[spain, italy], fixed_programme=spain
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["programme"] == spain


def test_no_programme_for_her_country_is_an_error_on_the_country(spain):
    form = SupportRequestForm(support(country="GR"), programmes=[spain])

    assert form.is_valid() is False
    assert form.errors["country"] == [
        "No mentoring programme works in this country yet. We are sorry. The safety page "
        "lists helplines you can call."
    ]


def test_contact_through_a_service_needs_the_service_box(spain):
    form = SupportRequestForm(
        support(contact_method=ContactMethod.THROUGH_SERVICE), programmes=[spain]
    )

    assert form.is_valid() is False
    assert list(form.errors) == ["contact_method"]


def test_filing_for_someone_needs_the_services_name(spain):
    missing = SupportRequestForm(support(on_behalf="on"), programmes=[spain])
    given = SupportRequestForm(
        support(on_behalf="on", organisation=" SOS Racisme "), programmes=[spain]
    )

    assert (missing.is_valid(), list(missing.errors)) == (False, ["organisation"])
    assert given.is_valid(), given.errors
    assert given.request_data()["organisation"] == "SOS Racisme"


def test_an_organisation_typed_without_the_box_is_not_kept(spain):
    form = SupportRequestForm(support(organisation="Somewhere"), programmes=[spain])

    assert form.is_valid(), form.errors
    assert form.request_data()["organisation"] == ""


def test_a_region_must_be_in_her_country(spain):
    koper = RegionFactory(name="Koper", country="SI")

    form = SupportRequestForm(support(region=str(koper.pk)), programmes=[spain])

    assert form.is_valid() is False
    assert form.errors["region"] == [
        "Koper is not in the country you chose. Choose a region in Spain, or leave it empty."
    ]


@pytest.mark.parametrize(
    ("method", "contact", "error"),
    [
        (ContactMethod.EMAIL, "abc", "Give an e-mail address"),
        (ContactMethod.EMAIL, "layla@example.org", None),
        (ContactMethod.PHONE, "call me", "Give a phone number of at least 6 digits"),
        (ContactMethod.PHONE, "+34 611", "Give a phone number of at least 6 digits"),
        (ContactMethod.PHONE, "+34 (611) 222-333", None),
        (ContactMethod.TEXT, "layla@example.org", "Give a phone number of at least 6 digits"),
        (ContactMethod.TEXT, "0039.091.555.0101", None),
        (ContactMethod.THROUGH_SERVICE, "Ask Marta at the women's centre", None),
    ],
)
def test_the_contact_fits_the_way_she_chose(spain, method, contact, error):
    data = support(contact_method=method, contact=contact)
    if method == ContactMethod.THROUGH_SERVICE:
        data.update(on_behalf="on", organisation="Women's centre")

    form = SupportRequestForm(data, programmes=[spain])

    errors = form.errors.get("contact", [])
    assert [message[: len(error)] for message in errors] == ([error] if error else [])
    assert form["contact"].value() == contact  # kept for her to correct


def test_countries_and_languages_are_in_the_visitors_alphabetical_order(spain):
    from django.utils import translation

    with translation.override("sl"):
        form = SupportRequestForm(programmes=[spain])
        countries = [str(label) for _value, label in form.fields["country"].choices[1:]]
        languages = [str(label) for _value, label in form.fields["languages"].choices]

    assert countries[:-1] == sorted(countries[:-1], key=by_name)
    assert form.fields["country"].choices[-1][0] == "other"
    assert languages == sorted(languages, key=by_name)


def test_the_region_list_tells_the_script_each_regions_country(spain):
    raval = RegionFactory(name="Raval", country="ES")
    koper = RegionFactory(name="Koper", country="SI")

    attrs = SupportRequestForm(programmes=[spain]).fields["region"].widget.attrs

    assert attrs["data-country-field"] == "id_country"
    assert json.loads(attrs["data-region-countries"]) == {str(raval.pk): "ES", str(koper.pk): "SI"}


def test_the_fields_are_in_the_pages_order_for_the_error_summary(spain):
    support_fields = list(SupportRequestForm(programmes=[spain]).fields)
    training_fields = list(TrainingRequestForm(programmes=[spain]).fields)

    assert support_fields == [
        "name",
        "contact_method",
        "contact",
        "safe_times",
        "languages",
        "country",
        "region",
        "formats",
        "needs",
        "on_behalf",
        "organisation",
        "consent",
        "conduct",
        HONEYPOT,
    ]
    assert training_fields[:5] == [
        "organisation",
        "topic",
        "participants_expected",
        "needs",
        "name",
    ]
    assert training_fields[-3:] == ["consent", "conduct", HONEYPOT]


def test_the_request_data_holds_only_what_the_service_takes(spain):
    form = SupportRequestForm(support(), programmes=[spain])
    assert form.is_valid(), form.errors

    assert form.request_data() == {
        "name": "Layla",
        "contact_method": "phone",
        "contact": "+34 611 222 333",
        "safe_times": "Mornings",
        "languages": ["ar", "fr"],
        "country": "ES",
        "region": None,
        "formats": ["online"],
        "needs": ["rights"],
        "organisation": "",
        "consent": True,
        "conduct_accepted": True,
    }


def test_a_woman_is_not_offered_training_professionals_as_a_need(spain):
    choices = [
        value for value, _label in SupportRequestForm(programmes=[spain]).fields["needs"].choices
    ]

    assert Expertise.TRAINING not in choices
    assert len(choices) == len(Expertise.values) - 1


def test_the_consent_says_when_her_details_are_erased(spain, settings):
    settings.MENTORS_CONTACT_RETENTION_DAYS = 45

    label = SupportRequestForm(programmes=[spain]).fields["consent"].label

    assert "erased 45 days after the support ends" in label
    assert "never my name or contact" in label


def test_the_training_consent_speaks_of_the_organisations_contact_person(spain, settings):
    settings.MENTORS_CONTACT_RETENTION_DAYS = 30

    label = TrainingRequestForm(programmes=[spain]).fields["consent"].label

    assert label.startswith("I agree that Linkage keeps the contact person's name and contact")
    assert "erased 30 days after the session or training" in label
    assert "support me" not in label


def test_the_hidden_field_unmasks_a_robot(spain):
    assert SupportRequestForm(support(**{HONEYPOT: "x"}), programmes=[spain]).is_robot
    assert not SupportRequestForm(support(), programmes=[spain]).is_robot


def test_a_training_request_asks_for_the_organisation_and_topic(spain):
    form = TrainingRequestForm(support(), programmes=[spain])

    assert form.is_valid() is False
    assert sorted(form.errors) == ["organisation", "topic"]
    assert ContactMethod.THROUGH_SERVICE not in dict(form.fields["contact_method"].choices)
    assert form.fields["needs"].initial == [Expertise.TRAINING]


# --- The mentor's profile --------------------------------------------------------------------


def test_the_availability_grid_has_a_row_per_day_and_a_labelled_box_per_part(spain):
    profile = mentor_make(programme=spain, availability=["tue-evening"])

    rows = MentorProfileForm(instance=profile).availability_rows()

    assert [len(row["slots"]) for row in rows] == [3] * 7
    tuesday_evening = rows[1]["slots"][2]
    assert tuesday_evening == {
        "value": "tue-evening",
        "label": "Tuesday, evening",
        "id": "id_availability_5",
        "checked": True,
    }
    assert sum(slot["checked"] for row in rows for slot in row["slots"]) == 1


def test_regions_offered_are_those_of_the_programmes_countries(spain):
    raval = RegionFactory(name="Ciutat Vella", country="ES")
    RegionFactory(name="Kaunas", country="LT")
    profile = MentorProfile.objects.create(
        person=mentor_make(programme=spain).person,
        programme=programme_make("Other", "other", countries=["ES"]),
    )

    form = MentorProfileForm(instance=profile)

    assert list(form.fields["regions"].queryset) == [raval]


def test_the_conduct_box_is_gone_once_accepted(spain):
    accepted = mentor_make(programme=spain)
    fresh = MentorProfile.objects.create(
        person=accepted.person, programme=programme_make("B", "b", countries=["ES"])
    )

    assert "conduct" not in MentorProfileForm(instance=accepted).fields
    assert "conduct" in MentorProfileForm(instance=fresh).fields


def languages(*rows) -> dict:
    data = {"languages-TOTAL_FORMS": str(len(rows)), "languages-INITIAL_FORMS": "0"}
    for index, (code, level) in enumerate(rows):
        data[f"languages-{index}-language"] = code
        data[f"languages-{index}-level"] = str(level)
    return data


def test_languages_come_back_as_codes_and_levels_without_empty_rows(spain):
    profile = MentorProfile(programme=spain)

    formset = language_formset(
        languages(("ti", LanguageLevel.NATIVE), ("", LanguageLevel.FLUENT), ("it", 2)),
        profile=profile,
    )

    assert formset.is_valid(), formset.errors
    assert formset.languages() == {"ti": LanguageLevel.NATIVE, "it": LanguageLevel.CONVERSATIONAL}


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ((("", 3),), "Give at least one language you speak."),
        ((("so", 3), ("so", 2)), "Give each language once."),
    ],
)
def test_languages_need_one_and_each_only_once(spain, rows, message):
    formset = language_formset(languages(*rows), profile=MentorProfile(programme=spain))

    assert formset.is_valid() is False
    assert formset.non_form_errors() == [message]


def test_her_languages_are_the_first_rows_with_empty_rows_after(spain):
    profile = mentor_make(programme=spain, languages={"uk": LanguageLevel.NATIVE})

    formset = language_formset(profile=profile)

    assert [form.initial.get("language") for form in formset.forms] == ["uk", None, None, None]


# --- Sessions --------------------------------------------------------------------------------


def session(**changes) -> dict:
    data = {
        "kind": SessionKind.SUPPORT,
        "date": timezone.localdate().isoformat(),
        "duration_minutes": "90",
        "format": "online",
        "size": "group",
        "topic": "Rights workshop",
        f"support_{SupportCategory.INFORMATION}": "6",
    }
    data.update(changes)
    return data


def test_a_support_session_gives_its_counts_per_category():
    form = SessionForm(session(**{f"support_{SupportCategory.EMOTIONAL}": "0"}))

    assert form.is_valid(), form.errors
    assert form.support_counts() == {SupportCategory.INFORMATION: 6}
    assert form.session_data()["anonymous_count"] == 0


def test_a_support_session_gives_the_women_supported_for_the_first_time():
    form = SessionForm(session(women_new="4"))

    assert form.is_valid(), form.errors
    assert form.session_data()["women_new"] == 4
    assert "counted once for the whole mentoring" in str(form.fields["women_new"].help_text)


def test_a_one_to_one_support_session_counts_one_woman_at_most():
    form = SessionForm(
        session(
            size="one_to_one",
            women_new="2",
            **{f"support_{SupportCategory.ACCOMPANIMENT}": "1"},
        )
    )

    assert form.errors == {
        f"support_{SupportCategory.INFORMATION}": [
            "A one-to-one session is with one woman: give 0 or 1."
        ],
        "women_new": ["A one-to-one session is with one woman: give 0 or 1."],
    }


def test_women_new_belongs_to_support_sessions_only():
    form = SessionForm(
        session(
            kind=SessionKind.NETWORKING,
            anonymous_count="3",
            women_new="3",
            **{f"support_{SupportCategory.INFORMATION}": ""},
        )
    )

    assert form.errors["__all__"] == ["Counts of women supported belong to support sessions only."]


def test_a_session_in_the_future_is_refused():
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    form = SessionForm(session(date=tomorrow))

    assert form.errors["date"] == ["Log a session after it has taken place."]


def test_participants_addresses_are_split_checked_and_given_once():
    form = SessionForm(
        session(
            kind=SessionKind.TRAINING,
            participant_emails="a@example.org, b@example.org\nA@example.org;\n\n",
            **{f"support_{SupportCategory.INFORMATION}": ""},
        )
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["participant_emails"] == ["a@example.org", "b@example.org"]


def test_a_wrong_address_among_good_ones_gives_only_the_address_error():
    form = SessionForm(
        session(
            kind=SessionKind.TRAINING,
            participant_emails="nurse@example.org\nnot-an-address",
            **{f"support_{SupportCategory.INFORMATION}": ""},
        )
    )

    assert form.errors == {"participant_emails": ["These are not e-mail addresses: not-an-address"]}


def test_networking_needs_people_or_a_number_and_no_support_counts():
    empty = SessionForm(
        session(kind=SessionKind.NETWORKING, **{f"support_{SupportCategory.INFORMATION}": ""})
    )
    mixed = SessionForm(session(kind=SessionKind.NETWORKING, anonymous_count="3"))

    assert empty.errors["anonymous_count"] == [
        "Give the participants' addresses, a number of participants, or both."
    ]
    assert mixed.errors["__all__"] == ["Counts of women supported belong to support sessions only."]


def test_a_match_is_named_without_her_name_or_contact(spain):
    match = match_make(
        mentor=mentor_make(programme=spain),
        request=RequestFactory(programme=spain, name="Hana", contact="+34 699 000 111"),
        status=MatchStatus.PROPOSED,
    )

    assert match_label(match) == f"Support request no. {match.request_id} · Spain"


def test_a_match_is_named_by_its_requests_number_as_organisers_see_it(spain):
    RequestFactory(programme=spain)  # the numbers of requests and matches drift apart
    mentor = mentor_make(programme=spain)
    training = match_make(mentor=mentor, request=RequestFactory(programme=spain, kind="training"))

    assert training.pk != training.request_id
    assert match_reference(training) == f"Training request no. {training.request_id}"
    assert str(training.request) == f"Request {training.request_id}"


def test_a_mentor_reads_her_offer_as_an_offer_to_her(spain):
    offer = match_make(mentor=mentor_make(programme=spain), status=MatchStatus.PROPOSED)
    running = match_make(mentor=offer.mentor)

    assert (match_status_for_mentor(offer), match_status_for_mentor(running)) == (
        "An offer to you",
        "Active",
    )


def test_availability_slots_are_named_in_the_readers_language():
    from django.utils import translation

    from mentors.enums import AVAILABILITY_SLOTS

    labels = dict(AVAILABILITY_SLOTS)
    with translation.override("es"):
        spanish = str(labels["mon-morning"])
    with translation.override("en"):
        english = str(labels["mon-morning"])
    assert english == "Monday, morning"
    assert spanish != english and spanish.lower().startswith("lunes")


def test_the_closing_feedback_asks_in_the_past_tense():
    from mentors.enums import FeedbackStage
    from mentors.forms import FeedbackForm

    assert [
        str(FeedbackForm(stage=FeedbackStage.MIDPOINT).fields["rating"].label),
        str(FeedbackForm(stage=FeedbackStage.CLOSING).fields["rating"].label),
    ] == ["How is the mentoring going?", "How did the mentoring go?"]


def test_the_profile_lists_countries_and_languages_in_the_readers_order(spain):
    from django.utils import translation

    from mentors.forms import MentorProfileForm, language_formset
    from mentors.models import MentorProfile

    profile = MentorProfile(programme=spain)
    with translation.override("es"):
        countries = [
            str(label)
            for _code, label in MentorProfileForm(instance=profile).fields["countries"].choices
        ]
        languages = [
            str(label)
            for code, label in language_formset(profile=profile).forms[0].fields["language"].choices
            if code
        ]
    assert countries[-1] == "Otro país"
    from mentors.forms.requests import by_name

    assert countries[:-1] == sorted(countries[:-1], key=by_name)  # accents aside: Bélgica, Bosnia
    assert languages.index("Árabe") < languages.index("Francés") < languages.index("Inglés")
