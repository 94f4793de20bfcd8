"""The certificate as a PDF, built in memory with fpdf2 (no system packages).

DejaVu Sans (shipped in fonts/, free licence) covers Latin, Cyrillic and Arabic; text
shaping through uharfbuzz joins Arabic letters and lays them out right to left.
"""

from io import BytesIO
from pathlib import Path

from django.utils import formats, translation
from django.utils.translation import gettext as _

import segno
from fpdf import FPDF

from .enums import CertificateKind
from .models import Certificate

FONTS = Path(__file__).resolve().parent / "fonts"


def qr_png(url: str) -> bytes:
    buffer = BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def certificate_pdf(*, certificate: Certificate, verify_url: str, language: str = "en") -> bytes:
    with translation.override(language):
        pdf = FPDF(orientation="L", unit="mm", format="A4")
        pdf.set_auto_page_break(False)
        pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        pdf.set_text_shaping(True)
        pdf.set_title(f"{certificate.title} — {certificate.code}")
        pdf.set_creator("Linkage")
        pdf.add_page()
        pdf.set_draw_color(76, 29, 149)
        pdf.set_line_width(1.2)
        pdf.rect(10, 10, 277, 190)

        def line(text, size, style="", gap=4):
            pdf.set_font("DejaVu", style, size)
            pdf.multi_cell(0, size * 0.5, text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(gap)

        pdf.set_y(30)
        line("Linkage", 14, "B", 6)
        line(_("Certificate"), 30, "B", 10)
        line(_("This certifies that"), 13)
        line(certificate.holder_name or "—", 26, "B", 6)
        if certificate.kind == CertificateKind.EVENT_ATTENDANCE:
            line(_("attended"), 13)
        else:
            line(_("has completed"), 13)
        line(certificate.title, 18, "B", 6)
        line(
            _("on %(date)s")
            % {"date": formats.date_format(certificate.completed_on, "DATE_FORMAT")},
            13,
            gap=10,
        )
        pdf.image(BytesIO(qr_png(verify_url)), x=238, y=148, w=40, h=40)
        pdf.set_xy(20, 160)
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(
            200,
            5,
            _("Verification code: %(code)s") % {"code": certificate.code}
            + "\n"
            + _("Check it at %(url)s") % {"url": verify_url},
        )
        return bytes(pdf.output())
