"""The organisers' campaign admin: who reaches what (an organiser her programmes' campaigns
only, 404 for another's in every view, and her own campaign's URL never reaching another
campaign's record or pledge; admins everything), a campaign listed once whatever its
translations, reach records added, corrected and deleted through the admin (the ledger
follows, refusals in words beside their field), the pledge wall's moderation queue, no
pledger's address on any page nor even read, the follow-up contacts export, and
query-count guards on the lists. The dashboard itself: test_admin_dashboard.py."""

import re
from datetime import datetime, time, timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, ModelLogEntry
from wagtail.users.models import UserProfile

import pytest

from campaigns import reach
from campaigns.addresses import address_digest
from campaigns.enums import PledgeKind, PledgeStatus, ReachBasis, ReachChannel, WallStatus
from campaigns.models import Pledge, ReachRecord
from core.timezones import zone_name
from impact.enums import ParticipationKind
from impact.models import Participation
from tests.factories import totp_activate
from tests.factories.campaigns import campaign_page, campaign_section, partner_page

pytestmark = pytest.mark.django_db

VILNIUS = zone_name("Europe/Vilnius")
SECRET = "secret.pledger@example.org"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(name, *args) -> str:
    return reverse(f"campaigns_admin:{name}", args=args)


@pytest.fixture
def organiser_client(organiser_with_totp) -> Client:
    return signed_in(organiser_with_totp)


@pytest.fixture
def superuser_client(superuser) -> Client:
    totp_activate(superuser)
    return signed_in(superuser)


@pytest.fixture
def campaign(programme):
    return campaign_page()


@pytest.fixture
def other_campaign(other_programme):
    return campaign_page(parent=campaign_section(other_programme), title="Kosovo campaign")


def pledge_make(campaign, email: str = SECRET, *, partner=None, **fields) -> Pledge:
    values = {
        "campaign_key": campaign.translation_key,
        "partner_key": partner.translation_key if partner is not None else None,
        "page": partner or campaign,
        "display_name": "Ana P.",
        "email": email,
        "email_digest": address_digest(email),
        "country": "LT",
        "status": PledgeStatus.CONFIRMED,
    }
    values.update(fields)
    if values["status"] == PledgeStatus.CONFIRMED:
        values.setdefault("confirmed_at", timezone.now())
    return Pledge.objects.create(**values)


def reach_values(campaign, **changes) -> dict:
    data = {
        "channel": ReachChannel.MEDIA,
        "basis": ReachBasis.ESTIMATED,
        "people": 1000,
        "method": "Broadcaster's audience figures",
        "on": campaign.starts_on,
    }
    data.update(changes)
    return data


def local(day, hour: int, minute: int = 0) -> datetime:
    """A moment on Vilnius clocks (the factory's campaigns run there)."""
    from zoneinfo import ZoneInfo

    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo("Europe/Vilnius"))


def speaks(user, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


# --- Who reaches what -------------------------------------------------------------------------


def test_the_campaigns_menu_shows_to_an_organiser(organiser_client):
    html = organiser_client.get(reverse("wagtailadmin_home")).content.decode()

    assert f'href="{url("index")}"' in html


def test_a_professional_cannot_open_the_campaign_admin(professional):
    response = signed_in(professional).get(url("index"))

    assert response.status_code in (302, 403)
    assert "16 Days" not in response.content.decode()


def test_the_list_shows_only_the_organisers_campaigns(organiser_client, campaign, other_campaign):
    html = organiser_client.get(url("index")).content.decode()

    assert url("dashboard", campaign.pk) in html
    assert url("dashboard", other_campaign.pk) not in html
    assert "Kosovo campaign" not in html


def test_an_admin_sees_every_programmes_campaigns(superuser_client, campaign, other_campaign):
    html = superuser_client.get(url("index")).content.decode()

    assert url("dashboard", campaign.pk) in html
    assert url("dashboard", other_campaign.pk) in html


def test_a_campaign_shared_with_her_programme_is_hers_to_see(
    campaign, other_programme, other_organiser
):
    campaign.shared_with.add(other_programme)
    campaign.save()
    totp_activate(other_organiser)
    client = signed_in(other_organiser)

    assert url("dashboard", campaign.pk) in client.get(url("index")).content.decode()
    assert client.get(url("dashboard", campaign.pk)).status_code == 200


def test_a_translated_campaign_is_listed_once_and_its_pledges_count_together(
    organiser_client, campaign
):
    lithuanian = Locale.objects.get_or_create(language_code="lt")[0]
    translation = campaign.copy_for_translation(lithuanian, copy_parents=True)
    translation.save_revision().publish()
    pledge_make(campaign, "a@example.org")
    pledge_make(translation, "b@example.org", language="lt")
    assert translation.translation_key == campaign.translation_key

    html = organiser_client.get(url("index")).content.decode()
    response = organiser_client.get(url("dashboard", campaign.pk))

    assert html.count('<th scope="row"><a href="/admin/campaigns/') == 1
    assert response.context["pledges"]["confirmed"] == 2
    assert organiser_client.get(url("dashboard", translation.pk)).status_code == 404


OTHERS_PAGES = [
    ("get", "dashboard", ()),
    ("get", "reach", ()),
    ("get", "reach_add", ()),
    ("post", "reach_add", ()),
    ("get", "reach_edit", ("record",)),
    ("post", "reach_edit", ("record",)),
    ("get", "reach_delete", ("record",)),
    ("post", "reach_delete", ("record",)),
    ("get", "wall", ()),
    ("post", "wall_decide", ("pledge",)),
]


@pytest.fixture
def others(other_campaign, other_organiser):
    record = reach.reach_record(
        campaign=other_campaign, by=other_organiser, **reach_values(other_campaign)
    )
    pledge = pledge_make(other_campaign, wall=WallStatus.PENDING)
    return {"campaign": other_campaign, "record": record, "pledge": pledge}


def post_data(campaign) -> dict:
    return {
        "channel": ReachChannel.SOCIAL,
        "basis": ReachBasis.DIRECT,
        "people": "5",
        "method": "Counted",
        "on": campaign.starts_on.isoformat(),
        "decision": "approve",
    }


@pytest.mark.parametrize(("method", "name", "extra"), OTHERS_PAGES)
def test_another_programmes_campaign_is_404_and_unchanged(
    method, name, extra, organiser_client, others
):
    args = [others["campaign"].pk, *(others[key].pk for key in extra)]

    response = getattr(organiser_client, method)(url(name, *args), post_data(others["campaign"]))

    assert response.status_code == 404
    assert list(ReachRecord.objects.values_list("people", flat=True)) == [1000]
    assert Pledge.objects.get().wall == WallStatus.PENDING


@pytest.mark.parametrize(
    ("method", "name", "key"),
    [
        ("get", "reach_edit", "record"),
        ("post", "reach_edit", "record"),
        ("post", "reach_delete", "record"),
        ("post", "wall_decide", "pledge"),
    ],
)
def test_another_campaigns_record_or_pledge_is_404_under_her_own_campaign(
    method, name, key, organiser_client, campaign, others
):
    response = getattr(organiser_client, method)(
        url(name, campaign.pk, others[key].pk), post_data(campaign)
    )

    assert response.status_code == 404
    assert list(ReachRecord.objects.values_list("people", flat=True)) == [1000]
    assert Pledge.objects.get().wall == WallStatus.PENDING


# --- Reach records through the admin ----------------------------------------------------------


def test_an_organiser_records_reach_and_the_ledger_follows(organiser_client, campaign):
    response = organiser_client.post(url("reach_add", campaign.pk), post_data(campaign))

    assert response.status_code == 302
    record = ReachRecord.objects.get()
    assert (record.people, record.basis) == (5, ReachBasis.DIRECT)
    assert Participation.objects.get(kind=ParticipationKind.CAMPAIGN_REACH).count == 5


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("on", "ends", "Give a date between"),
        ("people", "0", "Give the number of people reached: a whole number, at least 1."),
        ("method", "  ", "Say how the number was found"),
    ],
)
def test_a_refused_record_shows_the_rule_beside_its_field(
    organiser_client, campaign, field, value, message
):
    if value == "ends":
        value = (campaign.ends_on + timedelta(days=200)).isoformat()
    data = {**post_data(campaign), field: value}

    response = organiser_client.post(url("reach_add", campaign.pk), data)

    assert response.status_code == 200
    assert response.context["form"].errors[field][0].startswith(message)
    assert message in response.content.decode()
    assert not ReachRecord.objects.exists()


def test_the_partner_choice_offers_only_the_campaigns_partners(
    organiser_client, campaign, other_campaign
):
    mine = partner_page(campaign, organisation="Mine")
    partner_page(other_campaign, organisation="Theirs")

    form = organiser_client.get(url("reach_add", campaign.pk)).context["form"]

    assert [label for _value, label in form.fields["partner"].choices][1:] == ["Mine (Albania)"]
    assert form.partners == {mine.pk: mine}


def test_an_organiser_corrects_and_deletes_reach_and_the_ledger_follows(
    organiser_client, organiser_with_totp, campaign
):
    record = reach.reach_record(campaign=campaign, by=organiser_with_totp, **reach_values(campaign))
    data = {**post_data(campaign), "people": "640", "basis": ReachBasis.ESTIMATED}

    organiser_client.post(url("reach_edit", campaign.pk, record.pk), data)
    corrected = Participation.objects.get(kind=ParticipationKind.CAMPAIGN_REACH).count
    asked = organiser_client.get(url("reach_delete", campaign.pk, record.pk))
    still_there = ReachRecord.objects.filter(pk=record.pk).exists()
    organiser_client.post(url("reach_delete", campaign.pk, record.pk))

    assert corrected == 640
    assert asked.status_code == 200 and still_there
    assert not ReachRecord.objects.exists()
    assert not Participation.objects.filter(kind=ParticipationKind.CAMPAIGN_REACH).exists()


# --- The pledge wall -----------------------------------------------------------------------------


def test_approving_a_pledge_puts_it_on_the_wall_and_logs_it(
    organiser_client, organiser_with_totp, campaign
):
    pledge = pledge_make(campaign, wall=WallStatus.PENDING)

    organiser_client.post(url("wall_decide", campaign.pk, pledge.pk), {"decision": "approve"})

    pledge.refresh_from_db()
    assert (pledge.wall, pledge.wall_decided_by) == (WallStatus.APPROVED, organiser_with_totp)
    entry = ModelLogEntry.objects.get(object_id=str(pledge.pk))
    assert (entry.action, entry.user) == ("wagtail.moderation.approve", organiser_with_totp)


def test_rejecting_a_pledge_keeps_it_off_the_wall(organiser_client, campaign):
    pledge = pledge_make(campaign, wall=WallStatus.PENDING)

    organiser_client.post(url("wall_decide", campaign.pk, pledge.pk), {"decision": "reject"})

    pledge.refresh_from_db()
    assert pledge.wall == WallStatus.REJECTED
    assert ModelLogEntry.objects.get(object_id=str(pledge.pk)).action == (
        "wagtail.moderation.reject"
    )


def test_an_unconfirmed_pledge_cannot_go_on_the_wall(organiser_client, campaign):
    pledge = pledge_make(campaign, wall=WallStatus.PENDING, status=PledgeStatus.PENDING)

    response = organiser_client.post(
        url("wall_decide", campaign.pk, pledge.pk), {"decision": "approve"}, follow=True
    )

    pledge.refresh_from_db()
    assert pledge.wall == WallStatus.PENDING
    assert "Only a confirmed pledge can go on the pledge wall." in response.content.decode()


def test_the_queue_shows_what_the_wall_would_show(organiser_client, campaign):
    pledge_make(
        campaign,
        "org@example.org",
        kind=PledgeKind.ORGANISATION,
        display_name="Mira K.",
        organisation="Municipality of Kaunas",
        commitment="Train every front-desk officer by March.",
        wall=WallStatus.PENDING,
    )
    pledge_make(
        campaign, "anon@example.org", display_name="Hidden Name", anonymous=True, wall="pending"
    )
    pledge_make(campaign, "no@example.org", display_name="Not Asked")

    html = organiser_client.get(url("wall", campaign.pk)).content.decode()

    assert "Municipality of Kaunas" in html
    assert "Train every front-desk officer by March." in html
    assert "Anonymous" in html
    assert "Hidden Name" not in html
    assert "Not Asked" not in html


# --- Pledgers' addresses never shown -------------------------------------------------------------

ADMIN_PAGES = ["index", "dashboard", "reach", "reach_add", "wall", "contacts"]


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_no_admin_page_shows_a_pledgers_address(
    name, superuser_client, organiser_with_totp, campaign
):
    partner = partner_page(campaign)
    pledge_make(
        campaign,
        SECRET,
        partner=partner,
        wall=WallStatus.PENDING,
        contact_consent_at=timezone.now(),
    )
    decided = pledge_make(campaign, "decided.pledger@example.org", wall=WallStatus.PENDING)
    decided.wall, decided.wall_decided_at = WallStatus.APPROVED, timezone.now()
    decided.save()
    reach.reach_record(campaign=campaign, by=organiser_with_totp, **reach_values(campaign))
    address = url(name, campaign.pk) if name != "index" else url(name)

    html = superuser_client.get(address).content.decode()
    organiser_html = signed_in(organiser_with_totp).get(address).content.decode()

    for page in (html, organiser_html):
        assert "secret.pledger" not in page
        assert "decided.pledger" not in page


def test_the_wall_page_never_reads_a_pledgers_address(organiser_client, campaign):
    pledge_make(campaign, wall=WallStatus.PENDING)
    organiser_client.get(url("wall", campaign.pk))

    with CaptureQueriesContext(connection) as queries:
        organiser_client.get(url("wall", campaign.pk))

    pledge_reads = [q["sql"] for q in queries if 'FROM "campaigns_pledge"' in q["sql"]]
    assert pledge_reads
    assert not [sql for sql in pledge_reads if '"campaigns_pledge"."email"' in sql]


# --- Follow-up contacts --------------------------------------------------------------------------


def test_the_contacts_export_holds_only_those_who_agreed_and_did_not_withdraw(
    superuser_client, superuser, campaign, other_campaign
):
    agreed = timezone.now() - timedelta(days=1)
    pledge_make(campaign, "yes@example.org", display_name="Yes", contact_consent_at=agreed)
    pledge_make(
        campaign,
        "withdrew@example.org",
        contact_consent_at=agreed,
        contact_consent_withdrawn_at=timezone.now(),
    )
    pledge_make(campaign, "never@example.org")
    pledge_make(
        campaign, "unconfirmed@example.org", status=PledgeStatus.PENDING, contact_consent_at=agreed
    )
    erased = pledge_make(campaign, "erased@example.org", contact_consent_at=agreed)
    Pledge.objects.filter(pk=erased.pk).update(
        email="", email_digest=None, erased_at=timezone.now()
    )
    pledge_make(other_campaign, "elsewhere@example.org", contact_consent_at=agreed)

    asked = superuser_client.get(url("contacts", campaign.pk))
    refused = superuser_client.post(url("contacts", campaign.pk), {})
    response = superuser_client.post(url("contacts", campaign.pk), {"care": "on"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")

    assert asked.context["count"] == 1
    assert refused.status_code == 200 and refused["Content-Type"].startswith("text/html")
    assert "no-store" in response["Cache-Control"]
    assert re.findall(r"[\w.+-]+@example\.org", body) == ["yes@example.org"]
    assert "Yes" in body and VILNIUS in body
    [entry] = _page_log("campaigns.contacts_export")
    assert (entry.user, entry.data) == (superuser, {"count": 1})


def _page_log(action):
    from wagtail.models import PageLogEntry

    return PageLogEntry.objects.filter(action=action)


def test_an_organiser_exports_her_own_campaigns_contacts_only(
    organiser_client, campaign, other_campaign
):
    pledge_make(campaign, "mine@example.org", contact_consent_at=timezone.now())
    pledge_make(other_campaign, "theirs@example.org", contact_consent_at=timezone.now())

    response = organiser_client.post(url("contacts", campaign.pk), {"care": "on"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    elsewhere = organiser_client.post(url("contacts", other_campaign.pk), {"care": "on"})

    assert re.findall(r"[\w.+-]+@example\.org", body) == ["mine@example.org"]
    assert elsewhere.status_code == 404
    assert _page_log("campaigns.contacts_export").count() == 1


# --- Query-count guards: the same for 1 and 3 rows ---------------------------------------------


def page_queries(client, address, rows: int, pattern: str) -> int:
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    assert len(re.findall(pattern, response.content.decode())) == rows
    return len(queries)


def add_campaigns(start, stop):
    today = timezone.localdate()
    for i in range(start, stop):
        other = campaign_page(
            title=f"Campaign {i}",
            starts_on=today - timedelta(days=30 * (i + 1)),
            ends_on=today - timedelta(days=30 * (i + 1) - 15),
        )
        pledge_make(other, f"list{i}@example.org", wall=WallStatus.PENDING)


def test_the_list_runs_the_same_queries_for_one_or_three_campaigns(organiser_client, programme):
    pattern = r'<th scope="row"><a href="/admin/campaigns/\d+/">'
    add_campaigns(0, 1)
    one = page_queries(organiser_client, url("index"), 1, pattern)
    add_campaigns(1, 3)

    assert page_queries(organiser_client, url("index"), 3, pattern) == one


def test_the_reach_list_runs_the_same_queries_for_one_or_three_records(
    organiser_client, organiser_with_totp, campaign
):
    partner = partner_page(campaign)
    pattern = r'<a href="/admin/campaigns/\d+/reach/\d+/">'

    def add(n):
        for _i in range(n):
            reach.reach_record(
                campaign=campaign, by=organiser_with_totp, partner=partner, **reach_values(campaign)
            )

    add(1)
    one = page_queries(organiser_client, url("reach", campaign.pk), 1, pattern)
    add(2)

    assert page_queries(organiser_client, url("reach", campaign.pk), 3, pattern) == one


def test_the_wall_runs_the_same_queries_for_one_or_three_pledges(
    organiser_client, organiser_with_totp, campaign
):
    partner = partner_page(campaign)
    pattern = r'<section class="campaigns-pledge"'

    def add(start, stop):
        for i in range(start, stop):
            pledge_make(campaign, f"w{i}@example.org", partner=partner, wall=WallStatus.PENDING)
            decided = pledge_make(campaign, f"x{i}@example.org", wall=WallStatus.APPROVED)
            Pledge.objects.filter(pk=decided.pk).update(
                wall_decided_by=organiser_with_totp, wall_decided_at=timezone.now()
            )

    add(0, 1)
    one = page_queries(organiser_client, url("wall", campaign.pk), 2, pattern)
    add(1, 3)

    assert page_queries(organiser_client, url("wall", campaign.pk), 6, pattern) == one
