"""A campaign's printable poster: one A4 page, built in memory with fpdf2.

A pure function of its text (``PosterText``): no database, no request. The campaign's
colour runs as a band across the top (with the site's name and the dates, in black or
white, whichever reads better on it) and the bottom; between them the title, the theme,
the key messages, and the page's address written out beside a QR code of it, so the poster
leads back to the campaign from a notice board.

As the certificates do (``certificates/pdf.py``): DejaVu Sans, shipped in the repository,
covers Latin, Greek, Cyrillic and Arabic with the Persian letters; fpdf2 shapes the text
through HarfBuzz (``uharfbuzz``), so Arabic and Persian letters join, and in those
languages each paragraph runs right to left, aligned right, with the QR code on the left.
The PDF's ``/Lang`` is the language it is written in.
"""

from dataclasses import dataclass
from io import BytesIO

import segno
from fpdf import FPDF

from .colours import rgb
from .share_image import BOLD, REGULAR

FONT = "DejaVu"
PAGE_W, PAGE_H = 210, 297  # mm, A4 portrait
MARGIN = 18
BAND = 34  # mm: the colour band at the top
FOOT = 10  # mm: the colour band at the bottom
QR = 42  # mm


@dataclass(frozen=True)
class PosterText:
    language: str
    rtl: bool
    site: str
    title: str
    theme: str
    dates: str
    messages_heading: str
    messages: tuple[str, ...]
    address_label: str
    address: str
    background: str  # the campaign's colour
    ink: str  # black or white on it


def qr_png(url: str) -> bytes:
    buffer = BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def _fit(pdf: FPDF, text: str, *, width: float, sizes, most: int, bold: bool) -> float:
    """The first size at which ``text`` takes at most ``most`` lines."""
    size = sizes[-1]
    for size in sizes:
        pdf.set_font(FONT, "B" if bold else "", size)
        lines = pdf.multi_cell(width, size * 0.45, text, dry_run=True, output="LINES")
        if len(lines) <= most:
            return size
    return size


def poster_pdf_bytes(text: PosterText) -> bytes:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.add_font(FONT, "", str(REGULAR))
    pdf.add_font(FONT, "B", str(BOLD))
    pdf.set_text_shaping(True, direction="rtl" if text.rtl else "ltr")
    pdf.set_lang(text.language)
    pdf.set_title(text.title)
    pdf.set_subject(text.theme)
    pdf.set_creator(text.site)
    pdf.add_page()
    align = "R" if text.rtl else "L"
    width = PAGE_W - 2 * MARGIN

    # The colour bands, the site's name and the dates on the top one.
    pdf.set_fill_color(*rgb(text.background))
    pdf.rect(0, 0, PAGE_W, BAND, style="F")
    pdf.rect(0, PAGE_H - FOOT, PAGE_W, FOOT, style="F")
    pdf.set_text_color(*rgb(text.ink))
    pdf.set_xy(MARGIN, 8)
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(width, 6, text.site, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, "B", 17)
    pdf.multi_cell(width, 8, text.dates, align=align, new_x="LMARGIN", new_y="NEXT")

    # Title, theme, key messages: black on white, the best contrast on any printer.
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(MARGIN, BAND + 14)
    size = _fit(pdf, text.title, width=width, sizes=(44, 40, 36, 32, 28, 24), most=3, bold=True)
    pdf.set_font(FONT, "B", size)
    pdf.multi_cell(width, size * 0.45, text.title, align=align, new_x="LMARGIN", new_y="NEXT")
    if text.theme:
        pdf.ln(5)
        size = _fit(pdf, text.theme, width=width, sizes=(22, 20, 18, 16), most=3, bold=False)
        pdf.set_font(FONT, "", size)
        pdf.multi_cell(width, size * 0.5, text.theme, align=align, new_x="LMARGIN", new_y="NEXT")
    bottom = PAGE_H - FOOT - QR - 16  # the key messages stop above the address block
    if text.messages:
        pdf.ln(9)
        pdf.set_font(FONT, "B", 17)
        pdf.multi_cell(width, 8, text.messages_heading, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font(FONT, "", 16)
        for message in text.messages:
            lines = pdf.multi_cell(width - 9, 7.5, message, dry_run=True, output="LINES")
            if pdf.get_y() + len(lines) * 7.5 > bottom:
                break
            y = pdf.get_y()
            # A square bullet at the reading start, the message indented beside it.
            bullet_x = PAGE_W - MARGIN - 4 if text.rtl else MARGIN
            pdf.set_fill_color(*rgb(text.background))
            pdf.rect(bullet_x, y + 2, 4, 4, style="F")
            pdf.set_xy(MARGIN if text.rtl else MARGIN + 9, y)
            pdf.multi_cell(width - 9, 7.5, message, align=align, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)

    # The address written out at the reading start, its QR code at the end of the line.
    qr_y = PAGE_H - FOOT - QR - 8
    qr_x = MARGIN if text.rtl else PAGE_W - MARGIN - QR
    pdf.image(BytesIO(qr_png(text.address)), x=qr_x, y=qr_y, w=QR, h=QR)
    block_x = MARGIN + QR + 6 if text.rtl else MARGIN
    block_w = width - QR - 6
    pdf.set_xy(block_x, qr_y + 8)
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(block_w, 6.5, text.address_label, align=align, new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    # An address reads left to right in any language (in a right-to-left paragraph its
    # closing "/" would jump to the front), aligned with the words above it.
    pdf.set_text_shaping(True, direction="ltr")
    pdf.multi_cell(block_w, 5.5, text.address, align=align, new_x="LEFT", new_y="NEXT")
    return bytes(pdf.output())
