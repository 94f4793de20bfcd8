"""The demo's five programmes (shared/domain/), their organisers, and where each
programme's demo pages go.

Runs as a step of `linkage_demo` after the course and event catalogues exist (their steps
at orders 110 and 120), so saving a programme gives it its sections there; the courses
and events steps then put each demo page below its programme's section.

Names, organisations, funders and the countries come from the programme descriptions.
Grant numbers that the descriptions do not give start with ``DEMO-``. Each programme keeps
the length its description gives, but is placed around the day the demo runs (like the
demo events), so its events and courses fall inside it.

Each programme works in its own languages (``languages``, English among them). The courses
and events steps give every programme at least one course and one event in a working
language other than English, translated through wagtail-localize (``demo_translate``), so
that an editor who opens them later finds them in wagtail-localize's editor.
"""

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from django.utils import timezone

from wagtail.models import Locale, Page

from home.demo_data import register_demo_step
from people.enums import Country
from people.models import Organisation, User

from .models import Programme
from .pages import ProgrammeSection
from .sections import programme_sections_ensure
from .services import programme_organiser_add

PROGRAMMES = [
    {
        "slug": "lithuania",
        "name": "Lithuanian network of specialised help centres",
        "lead": "Association Vilnius Women's House",
        "partners": [
            "Specialised Help Centres Coordination Centre",
            "Kaunas County Police",
        ],
        "funder": "Ministry of Social Security and Labour of Lithuania",
        "grant_number": "DEMO-LT-SHC-01",
        "months": 36,
        "months_done": 12,
        "countries": [Country.LT],
        "languages": ["lt", "en"],
        "time_zone": "Europe/Vilnius",
        # organiser@linkage.local, the demo's first organiser, runs it too.
        "organisers": ["organiser.lithuania@linkage.local", "organiser@linkage.local"],
    },
    {
        "slug": "kosovo",
        "name": "Kosovo municipal coordination mechanisms",
        "lead": "Women's rights centre, Prishtinë/Priština",
        "partners": [
            "Centre for Social Welfare Gjilan/Gnjilane",
            "Municipal Gender Equality Office Gjakovë/Djakovica",
            "Kosovo Police, Gjilan regional directorate",
            "Basic Court of Gjilan/Gnjilane",
            "Shelter for women and children, Gjakovë",
        ],
        "funder": (
            "UN Women, regional programme “Ending Violence against Women: Implementing "
            "Norms, Changing Minds”"
        ),
        "grant_number": "DEMO-UNW-EVAW-XK-07",
        "months": 24,
        "months_done": 11,
        "countries": [Country.XK],
        "languages": ["sq", "sr-latn", "en"],
        # The tz database names Pristina's zone after Belgrade: the same clock.
        "time_zone": "Europe/Belgrade",
        "organisers": ["organiser.kosovo@linkage.local"],
    },
    {
        "slug": "see-coalition",
        "name": "SE Europe CSO coalition against trafficking and GBV (STOP)",
        "lead": "STOP coalition, Serbia",
        "partners": [
            "STOP coalition, Albania",
            "STOP coalition, Bosnia and Herzegovina",
            "STOP coalition, North Macedonia",
            "STOP coalition, Kosovo",
        ],
        "funder": "European Commission, Civil Society Facility and Media Programme 2014–2015",
        "grant_number": "DEMO-CSF-2015-STOP",
        "months": 48,
        "months_done": 20,
        "countries": [Country.RS, Country.AL, Country.BA, Country.MK, Country.XK],
        # Bosnian is not a site language: its teams read Serbian (Latin) or English.
        "languages": ["en", "mk", "sr-latn", "sq"],
        "time_zone": "Europe/Belgrade",
        "organisers": ["organiser.see-coalition@linkage.local"],
    },
    {
        "slug": "communitylinkage",
        "name": "CommunityLinkage: migrant women as community mentors",
        "lead": "SURT Women's Foundation",
        "partners": [
            "CESIE",
            "Centre for Women's Studies and Research",
            "Science and Research Centre Koper",
        ],
        "funder": "European Commission, CERV Programme (DAPHNE)",
        "grant_number": "101049734",
        "months": 24,
        "months_done": 8,
        "countries": [Country.ES, Country.IT, Country.GR, Country.SI],
        # The partners' countries, and the languages many of the migrant mentors speak.
        "languages": ["en", "es", "it", "el", "sl", "ar", "fa", "uk"],
        "time_zone": "Europe/Madrid",
        "organisers": ["organiser.communitylinkage@linkage.local"],
    },
    {
        "slug": "coordinated-response",
        "name": "Coordinated-response curriculum",
        "lead": "Specialised Help Centres Coordination Centre",
        "partners": [
            "Association Vilnius Women's House",
            "Centre for Social Welfare Gjilan/Gnjilane",
        ],
        "funder": "Shared by the Lithuanian and Kosovo programmes",
        "grant_number": "DEMO-CR-CURRICULUM",
        "months": 36,
        "months_done": 12,
        "countries": [Country.LT, Country.XK],
        "languages": ["en", "lt", "sq", "sr-latn"],
        "time_zone": "Europe/Vilnius",
        "organisers": ["organiser.coordinated-response@linkage.local"],
    },
]


def _month_start(today: date, months_back: int) -> date:
    year, month = divmod(today.year * 12 + today.month - 1 - months_back, 12)
    return date(year, month + 1, 1)


def _dates(spec: dict, today: date) -> tuple[date, date]:
    starts = _month_start(today, spec["months_done"])
    ends = _month_start(today, spec["months_done"] - spec["months"]) - timedelta(days=1)
    return starts, ends


def programme_build(spec: dict, *, today: date) -> tuple[Programme, bool]:
    """(programme, changed): the programme with this slug, created or brought up to date.
    Saved only when something differs, so a second run writes nothing."""
    starts_on, ends_on = _dates(spec, today)
    organisations = {
        organisation.name: organisation
        for organisation in Organisation.objects.filter(name__in=[spec["lead"], *spec["partners"]])
    }
    fields = {
        "name": spec["name"],
        "lead_organisation": organisations.get(spec["lead"]),
        "funder": spec["funder"],
        "grant_number": spec["grant_number"],
        "starts_on": starts_on,
        "ends_on": ends_on,
        "countries": [str(code) for code in spec["countries"]],
        "languages": spec["languages"],
        "time_zone": spec["time_zone"],
    }
    programme = Programme.objects.filter(slug=spec["slug"]).first()
    created = programme is None
    programme = programme or Programme(slug=spec["slug"])
    changed = created or any(getattr(programme, name) != value for name, value in fields.items())
    if changed:
        for name, value in fields.items():
            setattr(programme, name, value)
        programme.full_clean()
        programme.save()  # its group, collection and sections follow (programmes.signals)
    partners = [organisations[name] for name in spec["partners"] if name in organisations]
    if set(programme.partner_organisations.all()) != set(partners):
        programme.partner_organisations.set(partners)
    for email in spec["organisers"]:
        user = User.objects.filter(email=email).first()
        if user is not None and not programme.organisers.filter(pk=user.pk).exists():
            programme_organiser_add(programme=programme, user=user)
    return programme, changed


def load_demo_programmes(*, stdout) -> None:
    today = timezone.localdate()
    for spec in PROGRAMMES:
        programme, changed = programme_build(spec, today=today)
        organisers = ", ".join(
            programme.organisers.order_by("email").values_list("email", flat=True)
        )
        stdout.write(
            f"  {'saved' if changed else 'unchanged'} programme {programme.slug}: "
            f"{programme.name} (organisers: {organisers or 'none'})"
        )
    stdout.write(f"Programmes: {len(PROGRAMMES)} demo programmes")


def demo_parent(index, section_model, programme_slug: str | None):
    """Where a demo page of ``programme_slug`` goes below ``index``: the programme's
    section, created if missing. The index itself when the page belongs to no programme,
    or when its programme does not exist (a feature app's demo step run on its own)."""
    if not programme_slug:
        return index
    programme = Programme.objects.filter(slug=programme_slug).first()
    if programme is None:
        return index
    section = section_model.objects.child_of(index).filter(programme=programme).first()
    if section is None:
        programme_sections_ensure(programme=programme)
        section = section_model.objects.child_of(index).filter(programme=programme).first()
    return section or index


def demo_shared_with(slugs) -> list[Programme]:
    """The programmes (of those that exist) a demo page is shared with."""
    return list(Programme.objects.filter(slug__in=slugs).order_by("slug"))


def segment_translations(original, translated) -> dict[str, str]:
    """What wagtail-localize needs to translate ``original``: each of its text segments
    (title, each paragraph of rich text, each block's text) mapped to the segment in the
    same place of ``translated``, an unsaved copy of the page with its texts replaced.

    The two must have the same structure: a place with a different number of segments,
    or one English text translated two ways, is an error in the demo's content."""
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    def texts(instance) -> dict[str, list[str]]:
        by_path = defaultdict(list)
        for segment in extract_segments(instance):
            if isinstance(segment, StringSegmentValue):
                by_path[segment.path].append(segment.string.data)
        return by_path

    english, other = texts(original), texts(translated)
    if set(other) - set(english):
        raise ValueError(f"{original}: no English for {sorted(set(other) - set(english))}")
    strings: dict[str, str] = {}
    for path, sources in english.items():
        targets = other.get(path, [])
        if len(targets) != len(sources):
            raise ValueError(
                f"{original}: {path} has {len(sources)} texts in English, {len(targets)} "
                "in translation"
            )
        for source, target in zip(sources, targets, strict=True):
            if source != target and strings.setdefault(source, target) != target:
                raise ValueError(f"{original}: {source!r} is translated two ways")
    return strings


def demo_translate(page, language_code: str, translate: Callable) -> Page | None:
    """``page`` in ``language_code``, published through wagtail-localize as a
    machine-assisted translation (core.locales.translation_publish): the alias of the page
    in that language, if there is one, becomes the translation, in place.

    ``translate(copy)`` puts the translated texts on an unsaved copy of the page, in the
    page's own structure (the same blocks and ids, the same modules); the strings are read
    off the two. Running it again updates the same translation. None when the language has
    no locale (a step run on its own in a test)."""
    from core.locales import translation_publish

    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return None
    model = type(page.specific)
    original = model.objects.get(pk=page.pk)
    copy = model.objects.get(pk=page.pk)
    translate(copy)
    strings = segment_translations(original, copy)
    return translation_publish(original, locale, strings, machine=True)


def demo_section_translate(page, language_code: str, title: str | None) -> None:
    """The programme's section above ``page`` (its courses or its events), titled
    ``title`` in ``language_code``. Nothing when the page is in no section."""
    section = page.get_parent().specific
    if title and isinstance(section, ProgrammeSection):
        demo_translate(section, language_code, lambda copy: setattr(copy, "title", title))


def demo_section_slugs_tidy(index, section_model) -> None:
    """A section created while an older demo page held its programme's slug below the
    catalogue got "<slug>-2": once that page has moved into the section, the section
    takes its programme's slug (its address becomes /courses/<programme>/)."""
    for section in section_model.objects.child_of(index).select_related("programme"):
        wanted = section.programme.slug
        if section.slug == wanted:
            continue
        if index.get_children().filter(slug=wanted).exists():
            continue
        section.slug = wanted
        section.save_revision().publish()


def _guide_body() -> list[dict]:
    from home import demo_data as data

    body = []
    for heading, text in data.ORGANISER_GUIDE:
        if heading.startswith("!"):
            body.append(
                {
                    "type": "callout",
                    "value": {"tone": "safety", "heading": heading[1:], "text": text},
                }
            )
            continue
        if heading:
            body.append({"type": "heading", "value": heading})
        body.append({"type": "paragraph", "value": text})
    return body


def load_demo_organiser_guide(*, stdout) -> None:
    """The organiser guide, a standard page at /organiser-guide/ (not in the menus: the
    admin's Help leads to it)."""
    from wagtail.models import Site

    from home import demo_data as data
    from home.models import StandardPage

    home = Site.objects.get(is_default_site=True).root_page
    page = StandardPage.objects.child_of(home).filter(slug="organiser-guide").first()
    if page is None:
        page = StandardPage(slug="organiser-guide", title=data.ORGANISER_GUIDE_TITLE)
        home.add_child(instance=page)
    page.title = data.ORGANISER_GUIDE_TITLE
    page.intro = data.ORGANISER_GUIDE_INTRO
    page.body = _guide_body()
    page.show_in_menus = False
    page.save_revision().publish()
    stdout.write(f"Organiser guide at {page.url}")


register_demo_step(load_demo_programmes, order=150)
register_demo_step(load_demo_organiser_guide, order=160)
