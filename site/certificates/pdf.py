"""The certificate as a PDF, built in memory with fpdf2 (no system packages).

A certificate speaks its holder's language (``Certificate.language``), whoever downloads
it. DejaVu Sans (shipped in fonts/, free licence) covers every language Linkage ships:
Latin, Greek, Cyrillic, and Arabic with the Persian letters. Text shaping through uharfbuzz
joins Arabic and Persian letters; in those languages every paragraph runs right to left
and the verification block and its QR code change sides.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.utils import formats, translation
from django.utils.translation import gettext as _

import segno
from fpdf import FPDF

from .enums import CertificateKind
from .models import Certificate
from .wording import issuers, length_text, when_text

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
WORDS_TOP, WORDS_BOTTOM = 22, 150  # mm; the verification block and QR code sit below


def _words_height(pdf: FPDF, lines, scale: float) -> float:
    height = 0.0
    for line in lines:
        size = line.size * scale
        pdf.set_font(FONT, "B" if line.bold else "", size)
        rows = pdf.multi_cell(0, size * 0.5, line.text, align="C", dry_run=True, output="LINES")
        height += len(rows) * size * 0.5 + line.gap * scale
    return height


@dataclass(frozen=True)
class Line:
    text: str
    size: int
    bold: bool = False
    gap: int = 4


@dataclass(frozen=True)
class CertificateText:
    """Everything printed on a certificate, in one language."""

    language: str
    rtl: bool
    title: str
    lines: tuple[Line, ...]
    verification: str


def qr_png(url: str) -> bytes:
    buffer = BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def certificate_text(*, certificate: Certificate, verify_url: str) -> CertificateText:
    """The words on the certificate, in its own language."""
    language = certificate.language_code
    with translation.override(language):
        attendance = certificate.kind == CertificateKind.EVENT_ATTENDANCE
        lines = [
            Line("Linkage", 14, bold=True, gap=6),
            Line(
                _("Certificate of attendance") if attendance else _("Certificate of completion"),
                28,
                bold=True,
                gap=10,
            ),
            Line(_("This certifies that"), 13),
            Line(certificate.holder_name or "—", 26, bold=True, gap=6),
            Line(_("attended") if attendance else _("has completed"), 13),
            Line(certificate.title, 18, bold=True, gap=6),
            Line(_("on %(date)s") % {"date": when_text(certificate)}, 13, gap=3),
        ]
        length = length_text(certificate.duration_minutes)
        if length and not attendance:
            lines.append(Line(_("Course length: %(length)s") % {"length": length}, 13, gap=3))
        issued_by = issuers(certificate)
        if issued_by:
            lines.append(
                Line(_("Issued by %(issuers)s") % {"issuers": "; ".join(issued_by)}, 12, gap=3)
            )
        lines.append(
            Line(
                _("Issued on %(date)s")
                % {"date": formats.date_format(certificate.issued_on, "DATE_FORMAT")},
                11,
            )
        )
        verification = (
            _("Verification code: %(code)s") % {"code": certificate.code}
            + "\n"
            + _("Check it at %(url)s") % {"url": verify_url}
        )
        return CertificateText(
            language=language,
            rtl=translation.get_language_bidi(),
            title=f"{certificate.title} — {certificate.code}",
            lines=tuple(lines),
            verification=verification,
        )


def certificate_pdf(*, certificate: Certificate, verify_url: str) -> bytes:
    """The certificate in its own language (``Certificate.language``)."""
    text = certificate_text(certificate=certificate, verify_url=verify_url)
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    # Right to left as a whole paragraph, so "Check it at https://…" reads right in Persian;
    # a Latin name inside keeps its own order (fpdf2's bidi algorithm).
    pdf.set_text_shaping(True, direction="rtl" if text.rtl else "ltr")
    pdf.set_lang(text.language)
    pdf.set_title(text.title)
    pdf.set_creator("Linkage")
    pdf.add_page()
    pdf.set_draw_color(76, 29, 149)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)

    # The words fill the space above the verification block; a long title or several
    # issuing programmes make them smaller rather than run into it.
    for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
        if _words_height(pdf, text.lines, scale) <= WORDS_BOTTOM - WORDS_TOP:
            break
    pdf.set_y(WORDS_TOP)
    for line in text.lines:
        size = line.size * scale
        pdf.set_font(FONT, "B" if line.bold else "", size)
        pdf.multi_cell(0, size * 0.5, line.text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(line.gap * scale)

    # The verification block at the reading start, the QR code at the end of the line.
    qr_x, block_x, align = (17, 62, "R") if text.rtl else (238, 20, "L")
    pdf.image(BytesIO(qr_png(verify_url)), x=qr_x, y=152, w=40, h=40)
    pdf.set_xy(block_x, 166)
    pdf.set_font(FONT, "", 10)
    pdf.multi_cell(215, 5, text.verification, align=align)
    return bytes(pdf.output())
