"""Build (or bring up to date) the demo: five programmes (programmes/demo.py), their
organisers, courses and events. Safe to run any number of times."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.utils.module_loading import autodiscover_modules

from wagtail.models import Locale, Site

from allauth.account.models import EmailAddress

from home import demo_data as data
from home.models import HomePage, SafetySettings, StandardPage
from people.models import Organisation, Profile, Region, User
from people.roles import ensure_role_groups, role_assign

ABOUT_BODY = [
    {
        "type": "paragraph",
        "value": (
            "<p>Linkage brings together the organisations that respond to gender-based violence: "
            "police, health and social services, justice, education, shelters and NGOs, local "
            "government, and community mentors from migrant women's communities.</p>"
            "<p>Professionals take courses and earn certificates; community mentors follow their "
            "own track; organisers publish trainings, coordination meetings and study visits and "
            "report the programme's progress to donors, only ever as anonymous totals.</p>"
        ),
    },
    {
        "type": "callout",
        "value": {
            "tone": "safety",
            "heading": "Your safety comes first",
            "text": "<p>Use the <b>Exit this page</b> button, or press Shift three times, to "
            "leave this site at once.</p>",
        },
    },
]
PRIVACY_BODY = [
    {
        "type": "paragraph",
        "value": (
            "<p>We keep the least personal data we can: your e-mail address, your name as you want "
            "it on certificates, and your organisation, sector and place. Questions about gender, "
            "age band and migrant background are optional, asked only with your consent, and used "
            "only in statistics that hide small numbers.</p>"
            "<p>Support to survivors is recorded only as anonymous counts, never about a person. "
            "You can download everything we hold about you, and delete your account, from "
            "My Linkage.</p>"
        ),
    },
    {"type": "helplines", "value": None},
]
HOME_BODY = [
    {"type": "heading", "value": "16 Days of Activism, 25 November to 10 December"},
    {
        "type": "paragraph",
        "value": (
            "<p>Coordination mechanisms in seven Kosovo municipalities, specialised help "
            "centres in eight Lithuanian regions and a five-country coalition in the Western "
            "Balkans campaign together. Join a public debate or a training near you.</p>"
        ),
    },
]


class Command(BaseCommand):
    help = "Create or update the Linkage demo programmes (idempotent)."

    def handle(self, *args, **options):
        # The demo people are made up: the confirmations, offers and certificates their
        # demo activity triggers go to an in-memory outbox, never to a console or server.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self._build()

    @transaction.atomic
    def _build(self):
        ensure_role_groups()
        locales = self._locales()
        regions = self._regions()
        organisations = self._organisations()
        self._people(regions, organisations)
        home = self._pages(locales)
        self._safety_settings(home)
        autodiscover_modules("demo")
        for step in data.demo_steps():
            step(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo programmes ready."))
        self.stdout.write(self._accounts())

    def _accounts(self) -> str:
        """Who to sign in as: each account with its role, and an organiser's programmes
        (an organiser sees only their own programmes' courses, events and people)."""
        organised: dict[str, list[str]] = {}
        for email, slug in User.objects.filter(
            email__in=[person[0] for person in data.PEOPLE], organised_programmes__isnull=False
        ).values_list("email", "organised_programmes__slug"):
            organised.setdefault(email, []).append(slug)
        lines = [
            f"Sign in at http://127.0.0.1:8000/accounts/login/ with any of these, password "
            f"'{data.DEMO_PASSWORD}':",
            f"  {data.ADMIN_EMAIL} (admin: every programme)",
        ]
        for email, _name, role, *_rest in data.PEOPLE:
            programmes = ", ".join(sorted(organised.get(email, [])))
            lines.append(f"  {email} ({role}{': ' + programmes if programmes else ''})")
        if settings.LINKAGE_REQUIRE_MFA_FOR_STAFF:
            lines.append(
                "Organisers and the admin set up two-factor sign-in (an authenticator app) "
                "the first time they sign in."
            )
        else:
            lines.append(
                "Two-factor sign-in is not required in this local demo "
                "(LINKAGE_REQUIRE_MFA_FOR_STAFF is off); production asks organisers and the "
                "admin to set it up at their first sign-in."
            )
        guide = StandardPage.objects.filter(slug="organiser-guide", live=True).first()
        if guide is not None:
            lines.append(f"The organiser guide: http://127.0.0.1:8000{guide.url}")
        return "\n".join(lines)

    def _locales(self) -> dict[str, Locale]:
        return {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        }

    def _regions(self) -> dict[str, Region]:
        regions = {}
        for name, country, kind in data.REGIONS:
            region, _ = Region.objects.update_or_create(
                country=country, name=name, defaults={"kind": kind}
            )
            regions[name] = region
        return regions

    def _organisations(self) -> dict[str, Organisation]:
        return {
            name: Organisation.objects.update_or_create(
                name=name, defaults={"country": country, "sector": sector}
            )[0]
            for name, country, sector in data.ORGANISATIONS
        }

    def _user(self, email: str, **extra) -> User:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=data.DEMO_PASSWORD, **extra)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user

    def _people(self, regions, organisations) -> None:
        admin = self._user(data.ADMIN_EMAIL, is_staff=True, is_superuser=True)
        Profile.objects.update_or_create(user=admin, defaults={"display_name": "Linkage admin"})
        for email, name, role, org, sector, country, region, languages in data.PEOPLE:
            user = self._user(email)
            Profile.objects.update_or_create(
                user=user,
                defaults={
                    "display_name": name,
                    "organisation": organisations[org],
                    "sector": sector,
                    "country": country,
                    "region": regions[region],
                    "languages": languages,
                },
            )
            role_assign(user=user, role=role)

    def _pages(self, locales) -> HomePage:
        site = Site.objects.get(is_default_site=True)
        # Full URLs (calendar feeds, e-mails) point at the address the demo is served on.
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        if base.hostname:
            port = base.port or (443 if base.scheme == "https" else 80)
            Site.objects.filter(pk=site.pk).update(
                hostname=base.hostname, port=port, site_name="Linkage"
            )
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise SystemExit("The default site's root is not a HomePage; run migrate first.")
        home.intro = data.HOME_INTRO["en"]
        home.body = HOME_BODY
        home.save_revision().publish()
        for slug, title, body, in_menu in (
            ("about", "About Linkage", ABOUT_BODY, True),
            ("privacy", "Privacy", PRIVACY_BODY, True),
        ):
            page = StandardPage.objects.filter(slug=slug, locale=home.locale).first()
            if page is None:
                page = StandardPage(slug=slug, title=title, show_in_menus=in_menu)
                home.add_child(instance=page)
            page.title, page.body, page.show_in_menus = title, body, in_menu
            page.save_revision().publish()
        # The home page in every UI language, so the switcher and RTL have real content.
        for code, locale in locales.items():
            if code == home.locale.language_code:
                continue
            translated = home.get_translation_or_none(locale)
            if translated is None:
                translated = home.copy_for_translation(locale)
            translated = translated.specific
            translated.title = data.HOME_TITLE[code]
            translated.intro = data.HOME_INTRO[code]
            translated.body = []
            translated.save_revision().publish()
        return home

    def _safety_settings(self, home: HomePage) -> None:
        site = Site.objects.get(is_default_site=True)
        safety = SafetySettings.for_site(site)
        safety.contact_email = "hello@linkage.local"
        safety.emergency_note = "<p>In immediate danger, call <b>112</b>.</p>"
        safety.privacy_page = StandardPage.objects.filter(
            slug="privacy", locale=home.locale
        ).first()
        safety.save()
        safety.helplines.all().delete()
        for order, (country, name, number, hours) in enumerate(data.HELPLINES):
            safety.helplines.create(
                country=country, name=name, number=number, hours=hours, sort_order=order
            )
