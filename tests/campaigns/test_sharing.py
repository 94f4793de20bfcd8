"""campaigns.sharing: the campaign's calendar feed (calendar.ics), share card (share.png)
and printable poster (poster.pdf), each in the language of the address asked."""

import re
import zlib
from datetime import UTC, date, datetime, time
from io import BytesIO
from unittest import mock

from wagtail.models import Locale

import icalendar
import pytest
import uharfbuzz as hb
from ical.calendar_stream import IcsCalendarStream
from PIL import Image

from campaigns import sharing
from campaigns.models import CampaignEvent
from campaigns.share_image import BOLD, HEIGHT, MARGIN, REGULAR, WIDTH, Card, share_png
from tests.factories.campaigns import campaign_page, sixteen_days
from tests.factories.events import event_index_page, event_page

pytestmark = pytest.mark.django_db

FIRST, LAST = sixteen_days(2026)
ARABIC_TITLE = "حملة التضامن مع النساء"
ARABIC_THEME = "معا من أجل إنهاء العنف الرقمي"


@pytest.fixture
def campaign():
    return campaign_page(
        title="16 Days of Activism",
        theme="Unite to end digital violence against all women and girls",
        starts_on=FIRST,
        ends_on=LAST,
        colour="#F7941D",
        key_messages=[
            ("message", "Violence against women is never acceptable."),
            ("message", "Ask for help: the helpline answers day and night."),
        ],
    )


def asset(page, name: str) -> str:
    """Where the page serves its calendar, image or poster (its routes)."""
    return sharing.asset_path(page, name)


def translated(page, language: str, **fields):
    locale = Locale.objects.get_or_create(language_code=language)[0]
    translation = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


# --- the calendar feed ------------------------------------------------------------------


@pytest.fixture
def linked(campaign):
    index = event_index_page()
    debate = event_page(
        index,
        title="Public debate in Kaunas",
        start_date=date(2026, 11, 26),
        start_time=time(17, 0),
        end_time=time(19, 0),
        time_zone="Europe/Vilnius",
    )
    meeting = event_page(
        index,
        title="Coordination meeting",
        start_date=date(2026, 11, 3),
        start_time=time(10, 0),
        end_time=time(12, 0),
        time_zone="Europe/Belgrade",
        country="XK",
        recurrence="FREQ=WEEKLY;COUNT=8",
    )
    event_page(index, title="Not in the campaign", start_date=date(2026, 11, 30))
    for event in (debate, meeting):
        CampaignEvent.objects.create(page=campaign, event=event)
    return debate, meeting


def test_the_calendar_feed_is_the_campaigns_events_with_their_time_zones(client, campaign, linked):
    debate, meeting = linked

    response = client.get(asset(campaign, "calendar"))

    assert (
        response.status_code,
        response["Content-Type"],
        response["Content-Disposition"],
        response["Cache-Control"],
    ) == (
        200,
        "text/calendar; charset=utf-8",
        f'inline; filename="{campaign.slug}.ics"',
        "public, no-cache",
    )
    calendar = icalendar.Calendar.from_ical(response.content)
    kinds = [component.name for component in calendar.subcomponents]
    assert kinds == ["VTIMEZONE", "VTIMEZONE", "VEVENT", "VEVENT"]  # zones first
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert sorted(events) == ["Coordination meeting", "Public debate in Kaunas"]
    assert str(events["Public debate in Kaunas"]["UID"]) == (
        f"event-{debate.translation_key}@testserver"
    )
    assert events["Public debate in Kaunas"]["DTSTART"].params["TZID"] == "Europe/Vilnius"
    assert str(calendar["X-WR-CALNAME"]) == "16 Days of Activism – Linkage"


def test_the_calendar_feed_parses_strictly_and_expands_to_the_sites_dates(client, campaign, linked):
    debate, meeting = linked

    calendar = IcsCalendarStream.calendar_from_ics(
        client.get(asset(campaign, "calendar")).content.decode()
    )

    starts = sorted(
        (event.summary, event.start.astimezone(UTC))
        for event in calendar.timeline.start_after(datetime(2026, 11, 1, tzinfo=UTC))
    )
    expected = sorted(
        [(debate.title, datetime(2026, 11, 26, 15, 0, tzinfo=UTC))]
        + [(meeting.title, o.start_utc) for o in meeting.schedule().occurrences()]
    )
    assert starts == expected
    assert sorted(tz.tz_id for tz in calendar.timezones) == ["Europe/Belgrade", "Europe/Vilnius"]


def test_an_unchanged_calendar_feed_is_a_304(client, campaign, linked):
    first = client.get(asset(campaign, "calendar"))

    again = client.get(asset(campaign, "calendar"), HTTP_IF_NONE_MATCH=first["ETag"])

    assert (again.status_code, again.content) == (304, b"")


# --- the share card ---------------------------------------------------------------------


def png(data: bytes) -> Image.Image:
    return Image.open(BytesIO(data))


def test_the_share_card_is_a_1200_by_630_png_in_the_campaigns_colour(client, campaign):
    response = client.get(asset(campaign, "image"))

    image = png(response.content)
    assert (response.status_code, response["Content-Type"], image.format, image.size) == (
        200,
        "image/png",
        "PNG",
        (1200, 630),
    )
    assert image.convert("RGB").getpixel((WIDTH - 5, HEIGHT - 5)) == (0xF7, 0x94, 0x1D)
    assert response["Cache-Control"] == f"public, max-age={sharing.IMAGE_MAX_AGE}"


def test_the_share_card_is_rendered_once_per_publication_and_language(client, campaign):
    with mock.patch.object(sharing, "share_png", wraps=share_png) as render:
        first = client.get(asset(campaign, "image"))
        second = client.get(asset(campaign, "image"))
        assert render.call_count == 1
        campaign.theme = "A new theme"
        campaign.save_revision().publish()
        third = client.get(asset(campaign, "image"))

    assert (render.call_count, first.content == second.content, first.content == third.content) == (
        2,
        True,
        False,
    )


def test_the_share_card_speaks_the_language_of_its_address(client, campaign):
    lithuanian = translated(campaign, "lt", title="16 aktyvumo dienų", theme="Kartu prieš smurtą")

    english = client.get(asset(campaign, "image"))
    lt = client.get(asset(lithuanian, "image"))

    assert lithuanian.url.startswith("/lt/")
    assert (english.status_code, lt.status_code) == (200, 200)
    assert english.content != lt.content
    with mock.patch.object(sharing, "share_png", return_value=b"png") as render:
        client.get(asset(lithuanian, "image") + "?again")
    # The Lithuanian card was cached: its words came from the Lithuanian page.
    assert render.call_count == 0
    card = sharing.card_for(lithuanian)
    assert (card.title, card.theme) == ("16 aktyvumo dienų", "Kartu prieš smurtą")


def test_lithuanian_and_arabic_dates_are_written_as_those_languages_write_them():
    assert sharing.dates_text(FIRST, LAST, "en") == "25 November – 10 December 2026"
    assert sharing.dates_text(FIRST, LAST, "lt") == "lapkričio 25 d. – 2026 m. gruodžio 10 d."
    assert sharing.dates_text(date(2026, 12, 30), date(2027, 1, 2), "en") == (
        "30 December 2026 – 2 January 2027"
    )
    assert "ديسمبر" in sharing.dates_text(FIRST, LAST, "ar")


def glyphs(text: str, font_path) -> list[int]:
    """The glyph ids HarfBuzz shapes ``text`` into with the card's font: 0 is "no glyph"
    (a box, tofu)."""
    blob = hb.Blob.from_file_path(str(font_path))
    font = hb.Font(hb.Face(blob))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    return [info.codepoint for info in buffer.glyph_infos]


def ink_columns(image: Image.Image, top: int, bottom: int, ink=(0, 0, 0)) -> tuple[int, int]:
    """The first and last columns with text (``ink``) between ``top`` and ``bottom``, the
    band at the reading-start edge left out."""
    rgb = image.convert("RGB")
    columns = [
        x
        for x in range(30, WIDTH - 30)
        if any(rgb.getpixel((x, y)) == ink for y in range(top, bottom, 2))
    ]
    return columns[0], columns[-1]


def test_arabic_is_drawn_with_real_glyphs_and_set_against_the_right_edge():
    arabic = Card(
        title=ARABIC_TITLE,
        theme=ARABIC_THEME,
        dates="25 نوفمبر – 10 ديسمبر 2026",
        site="Linkage",
        language="ar",
        rtl=True,
        background="#F7941D",
        ink="#000000",
    )
    english = Card(**{**arabic.__dict__, "title": "Solidarity", "language": "en", "rtl": False})

    ar_first, ar_last = ink_columns(png(share_png(arabic)), 130, 230)
    en_first, en_last = ink_columns(png(share_png(english)), 130, 230)

    assert 0 not in glyphs(ARABIC_TITLE, BOLD) + glyphs(ARABIC_THEME, REGULAR)
    # The title runs from the right margin leftwards (the glyphs' side bearings aside), and
    # the English one from the left margin.
    assert (WIDTH - MARGIN - ar_last < 16, ar_first - MARGIN > 100) == (True, True)
    assert (en_first - MARGIN < 16, WIDTH - MARGIN - en_last > 100) == (True, True)


def test_the_arabic_share_card_is_served_at_the_arabic_address(client, campaign):
    arabic = translated(campaign, "ar", title=ARABIC_TITLE, theme=ARABIC_THEME)

    response = client.get(asset(arabic, "image"))

    assert (response.status_code, png(response.content).size) == (200, (1200, 630))
    first, last = ink_columns(png(response.content), 130, 230)
    assert (WIDTH - MARGIN - last < 16, first - MARGIN > 100) == (True, True)


# --- the poster -------------------------------------------------------------------------

OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
OPERATOR = re.compile(
    rb"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) ?Tj|<([0-9A-Fa-f]*)> ?Tj|\b(ET)\b", re.S
)
ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def pdf_text(data: bytes) -> list[str]:
    """The lines of text of an fpdf2 PDF, as a PDF reader extracts them: each glyph mapped
    back to its characters through its font's ToUnicode table (a line of Arabic comes out
    in visual order, right to left)."""
    objects = {int(m.group(1)): m.group(2) for m in OBJECT.finditer(data)}

    def stream(number: int) -> bytes:
        body = objects[number]
        raw = STREAM.search(body).group(1)
        return zlib.decompress(raw) if b"/FlateDecode" in body.split(b"stream")[0] else raw

    def unicode_map(number: int) -> dict[int, str]:
        text = stream(number).decode("latin-1")
        return {
            int(src, 16): bytes.fromhex(dst).decode("utf-16-be")
            for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S)
            for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block)
        }

    def literal(raw: bytes) -> bytes:
        def one(match):
            code = match.group(1)
            return bytes([int(code, 8)]) if code[:1].isdigit() else ESCAPES.get(code, code)

        return re.sub(rb"\\([0-7]{1,3}|.)", one, raw, flags=re.S)

    fonts = {}
    for body in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", objects[int(number)])
            if to_unicode:
                fonts[name] = unicode_map(int(to_unicode.group(1)))
    contents = sorted(
        {int(n) for b in objects.values() for n in re.findall(rb"/Contents (\d+) 0 R", b)}
    )
    text, table = [], {}
    for number in contents:
        for font, string, hexes, end in (m.groups() for m in OPERATOR.finditer(stream(number))):
            if font:
                table = fonts.get(font, {})
            elif end:
                text.append("\n")
            else:
                codes = literal(string) if string is not None else bytes.fromhex(hexes.decode())
                text += [
                    table.get(int.from_bytes(codes[i : i + 2], "big"), "")
                    for i in range(0, len(codes), 2)
                ]
    return [line.strip() for line in "".join(text).splitlines() if line.strip()]


def media_box(data: bytes) -> list[float]:
    found = re.search(rb"/MediaBox \[([\d. ]+)\]", data)
    return [round(float(n)) for n in found.group(1).split()]


def test_the_poster_is_an_a4_pdf_with_the_campaigns_words_and_address(client, campaign):
    response = client.get(asset(campaign, "poster"))

    data = response.content
    lines = pdf_text(data)
    joined = " ".join(lines)
    assert (response.status_code, response["Content-Type"], data[:4]) == (
        200,
        "application/pdf",
        b"%PDF",
    )
    assert media_box(data) == [0, 0, 595, 842]
    assert lines[:2] == ["Linkage", "25 November – 10 December 2026"]
    assert "16 Days of Activism" in joined
    assert "Unite to end digital violence against all women and girls" in joined
    assert "Violence against women is never acceptable." in lines
    assert f"http://testserver{campaign.url}" in lines
    assert b"/Subtype /Image" in data  # the QR code
    assert b"/Lang (en)" in data
    assert response["Cache-Control"] == f"public, max-age={sharing.IMAGE_MAX_AGE}"


def test_the_arabic_poster_runs_right_to_left_in_arabic(client, campaign):
    arabic = translated(campaign, "ar", title=ARABIC_TITLE, theme=ARABIC_THEME)

    response = client.get(asset(arabic, "poster"))

    data = response.content
    lines = pdf_text(data)
    assert (response.status_code, media_box(data), b"/Lang (ar)" in data) == (
        200,
        [0, 0, 595, 842],
        True,
    )
    # A reader extracts a right-to-left line in visual order: read back, line after line,
    # it is the title (wrapped at a word), then the theme.
    logical = " ".join(line[::-1] for line in lines)
    assert f"{ARABIC_TITLE} {ARABIC_THEME}" in logical
    assert f"http://testserver{arabic.url}" in lines  # the address stays left to right


def test_the_poster_is_built_once_per_publication_and_language(client, campaign):
    with mock.patch.object(sharing, "poster_pdf_bytes", return_value=b"%PDF-1.7") as build:
        client.get(asset(campaign, "poster"))
        client.get(asset(campaign, "poster"))

    assert build.call_count == 1
