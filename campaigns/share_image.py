"""A campaign's share card: the 1200×630 PNG that link previews show (``og:image``), drawn
by the site itself with Pillow, so sharing a campaign tells no third party anything.

A pure function of its text (``Card``): no database, no request. The card is the
campaign's colour with black or white text, whichever reads better on it
(``campaigns.colours.palette``: at least 4.5:1): the site's name, the title, the theme
and the dates. Titles and themes are wrapped at word boundaries and made smaller until
they fit; whatever still does not fit ends in "…".

Arabic and Persian are shaped (joined letters) and laid out right to left by Pillow's raqm
layout (libraqm with FriBiDi and HarfBuzz); in those languages every line sits against
the right edge. DejaVu Sans (the certificates' font, shipped in the repository) covers
every language the site ships.
"""

import threading
import unicodedata
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings

from PIL import Image, ImageDraw, ImageFont, features

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
FONTS = Path(settings.SITE_DIR) / "certificates" / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
ELLIPSIS = "…"
# (size, most lines) tried in turn until the title and theme fit above the dates.
TITLE_SIZES = ((76, 2), (66, 3), (56, 3), (48, 3), (42, 4))
THEME_SIZES = ((38, 3), (34, 3), (30, 4), (26, 4))
LINE_HEIGHT = 1.22


@dataclass(frozen=True)
class Card:
    title: str
    theme: str
    dates: str
    site: str
    language: str  # a Django language code: "en", "sr-latn", "fa"
    rtl: bool
    background: str  # "#F7941D"
    ink: str  # "#000000" or "#FFFFFF": the palette's ``on_accent``


def raqm_available() -> bool:
    return features.check("raqm")


_loaded = threading.local()


def font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The font at ``size``, loaded once per thread (a FreeType face is not to be shared
    between threads drawing at the same time)."""
    fonts = getattr(_loaded, "fonts", None)
    if fonts is None:
        fonts = _loaded.fonts = {}
    key = (size, bold)
    if key not in fonts:
        layout = ImageFont.Layout.RAQM if raqm_available() else ImageFont.Layout.BASIC
        path = str(BOLD if bold else REGULAR)
        fonts[key] = ImageFont.truetype(path, size, layout_engine=layout)
    return fonts[key]


def _bcp47(language: str) -> str:
    """ "sr-latn" → "sr-Latn": the form raqm expects."""
    head, _sep, tail = language.partition("-")
    return f"{head}-{tail.title()}" if len(tail) == 4 else language


def has_rtl_letters(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def direction(text: str, rtl: bool) -> str | None:
    """A line's base direction: right to left in an RTL language when it holds Arabic or
    Persian letters (even if it starts with a Latin word); left to right for a line without
    any (an English title on an Arabic page); raqm decides otherwise."""
    if has_rtl_letters(text):
        return "rtl" if rtl else None
    return "ltr"


def _layout(text: str, card: Card) -> dict:
    if not raqm_available():
        return {}
    return {"direction": direction(text, card.rtl), "language": _bcp47(card.language)}


def text_width(text: str, face: ImageFont.FreeTypeFont, card: Card) -> float:
    return face.getlength(text, **_layout(text, card))


def wrap(text: str, face, card: Card, *, width: int, most: int) -> tuple[list[str], bool]:
    """``text`` in lines of at most ``width`` pixels, at most ``most`` of them (the last
    one ending in "…" when more was needed), and whether it all fitted."""
    words = text.split()
    lines: list[str] = []
    fitted = True
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, face, card) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        if text_width(word, face, card) > width:
            fitted = False  # one word wider than the card: a smaller size may fit
    if current:
        lines.append(current)
    if len(lines) > most:
        fitted = False
        last = " ".join(lines[most - 1 :])
        while last and text_width(last + ELLIPSIS, face, card) > width:
            last = last[:-1].rstrip()
        lines = [*lines[: most - 1], last + ELLIPSIS]
    return lines, fitted


def _block(text: str, sizes, card: Card, *, bold: bool, width: int, room: float):
    """The first size whose lines fit (width, line count and ``room`` in height); else
    the smallest, cut short."""
    chosen = None
    for size, most in sizes:
        face = font(size, bold=bold)
        lines, fitted = wrap(text, face, card, width=width, most=most)
        height = len(lines) * size * LINE_HEIGHT
        chosen = (face, size, lines)
        if fitted and height <= room:
            return chosen
    return chosen


def share_png(card: Card) -> bytes:
    """The card as a 1200×630 PNG."""
    image = Image.new("RGB", (WIDTH, HEIGHT), card.background)
    draw = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    x = WIDTH - MARGIN if card.rtl else MARGIN
    anchor = "ra" if card.rtl else "la"

    def line(y: float, text: str, face) -> None:
        draw.text((x, y), text, font=face, fill=card.ink, anchor=anchor, **_layout(text, card))

    # A band on the reading-start edge, and the site's name at the top.
    band = (WIDTH - 18, 0, WIDTH, HEIGHT) if card.rtl else (0, 0, 18, HEIGHT)
    draw.rectangle(band, fill=card.ink)
    line(MARGIN - 20, card.site, font(30, bold=True))

    dates_face = font(36, bold=True)
    dates_top = HEIGHT - MARGIN - 36 * LINE_HEIGHT
    top = MARGIN + 60
    room = dates_top - 28 - top
    title_face, title_size, title_lines = _block(
        card.title, TITLE_SIZES, card, bold=True, width=width, room=room * 0.62
    )
    title_height = len(title_lines) * title_size * LINE_HEIGHT
    y = top
    for text in title_lines:
        line(y, text, title_face)
        y += title_size * LINE_HEIGHT
    if card.theme:
        theme = _block(
            card.theme, THEME_SIZES, card, bold=False, width=width, room=room - title_height - 20
        )
        theme_face, theme_size, theme_lines = theme
        y += 20
        for text in theme_lines:
            if y + theme_size * LINE_HEIGHT > dates_top - 12:
                break
            line(y, text, theme_face)
            y += theme_size * LINE_HEIGHT
    dates_lines, _fitted = wrap(card.dates, dates_face, card, width=width, most=1)
    line(dates_top, dates_lines[0] if dates_lines else "", dates_face)

    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
