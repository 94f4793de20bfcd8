"""Build (or bring up to date) the demo: five programmes (programmes/demo.py), their
organisers, courses and events, and every page in every language. Safe to run any number
of times.

Once the English tree is built, every language's tree is synchronised from it
(``core.locales``: an alias of every page), and the navigation-level pages (home, About,
Privacy, the course catalogue, the events listing) are translated into every language
through wagtail-localize (demo_translations.py); the other pages stay aliases, shown with
a notice until someone translates them.
"""

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from django.urls import reverse
from django.utils.module_loading import autodiscover_modules

from wagtail.models import Locale, Site

from allauth.account.models import EmailAddress

from core.addresses import absolute_url, default_site_align
from core.locales import locales_ensure, translation_publish
from home import demo_data as data
from home import demo_translations
from home.models import HomePage, SafetySettings, StandardPage
from people.models import Organisation, Profile, Region, User
from people.roles import ensure_role_groups, role_assign


class Command(BaseCommand):
    help = "Create or update the Linkage demo programmes (idempotent)."

    def handle(self, *args, **options):
        # The demo people are made up: the confirmations, offers and certificates their
        # demo activity triggers go to an in-memory outbox, never to a console or server.
        # Wagtail logs every page it creates, edits and publishes (over a thousand here).
        # The translations' new slugs need no redirects from addresses nobody has seen.
        with (
            override_settings(
                EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
                WAGTAILREDIRECTS_AUTO_CREATE=False,
            ),
            _quiet("wagtail"),
        ):
            self._build()

    @transaction.atomic
    def _build(self):
        ensure_role_groups()
        locales_ensure(sync=False)  # the locales; their trees follow once the English one is built
        regions = self._regions()
        organisations = self._organisations()
        self._people(regions, organisations)
        home = self._pages()
        self._safety_settings(home)
        autodiscover_modules("demo")
        for step in data.demo_steps():
            step(stdout=self.stdout)
        self._every_language(home)
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
            f"Sign in at {absolute_url(reverse('account_login'))} with any of these, password "
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
            lines.append(f"The organiser guide: {absolute_url(guide.url)}")
        return "\n".join(lines)

    def _every_language(self, home: HomePage) -> None:
        """Every page in every language: the trees synchronised from English (aliases),
        then the navigation-level pages translated."""
        started = time.monotonic()
        locales_ensure(sync=True)
        synced = time.monotonic()
        pages = [home, *home.get_children().live().in_menu().order_by("path")]
        for locale in Locale.objects.exclude(pk=home.locale_id).order_by("language_code"):
            code = locale.language_code
            if code not in demo_translations.LANGUAGES:
                continue
            strings = demo_translations.navigation_strings(code)
            for page in pages:
                translation_publish(page, locale, strings, machine=True)
        self.stdout.write(
            f"Pages: every page in {Locale.objects.count()} languages ({synced - started:.0f} s); "
            f"{', '.join(page.title for page in pages)} translated into each "
            f"({time.monotonic() - synced:.0f} s)."
        )

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
        site_languages = {code for code, _name in settings.LANGUAGES}
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
                    # E-mails and certificates in the first language she reads that the
                    # site speaks (Amina Arabic, Zahra Persian, Tomas Lithuanian).
                    "preferred_language": next(
                        (code for code in languages if code in site_languages), "en"
                    ),
                },
            )
            role_assign(user=user, role=role)

    def _pages(self) -> HomePage:
        # Full URLs (calendar feeds, e-mails) point at the one base address (LINKAGE_BASE_URL).
        default_site_align()
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise SystemExit("The default site's root is not a HomePage; run migrate first.")
        home.title, home.intro, home.body = data.HOME_TITLE, data.HOME_INTRO, data.HOME_BODY
        home.save_revision().publish()
        for slug, title, intro, body in (
            ("about", data.ABOUT_TITLE, data.ABOUT_INTRO, data.ABOUT_BODY),
            ("privacy", data.PRIVACY_TITLE, data.PRIVACY_INTRO, data.PRIVACY_BODY),
        ):
            page = StandardPage.objects.child_of(home).filter(slug=slug).first()
            if page is None:
                page = StandardPage(slug=slug, title=title)
                home.add_child(instance=page)
            page.title, page.intro, page.body, page.show_in_menus = title, intro, body, True
            page.save_revision().publish()
        return home

    def _safety_settings(self, home: HomePage) -> None:
        site = Site.objects.get(is_default_site=True)
        safety = SafetySettings.for_site(site)
        safety.contact_email = "hello@linkage.local"
        # The page itself always says "In immediate danger, call 112" in the reader's
        # language; the note is for local detail, which this demo site has none of.
        safety.emergency_note = ""
        safety.privacy_page = StandardPage.objects.filter(
            slug="privacy", locale=home.locale
        ).first()
        safety.save()
        safety.helplines.all().delete()
        for order, (country, name, number, hours) in enumerate(data.HELPLINES):
            safety.helplines.create(
                country=country, name=name, number=number, hours=hours, sort_order=order
            )


@contextmanager
def _quiet(name: str):
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
