"""The demo campaigns' toolkit: real small files, made by the site's own renderers
(``campaigns.sharing``: the A4 poster with fpdf2, the share card with Pillow) from each
campaign's translated page, so the Arabic poster is shaped right to left and carries the
Arabic page's address; stored as Wagtail documents and images in the programme's
collection, as an organiser would upload them. And the 16 Days' hero image, drawn with
Pillow.

Each file is found by its title in the collection, and made only if missing.
"""

from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from PIL import Image, ImageDraw

from ..colours import palette as palette_of
from ..enums import ToolkitKind
from ..models import CampaignPage, ToolkitItem
from ..poster import poster_pdf_bytes
from ..share_image import font, share_png
from ..sharing import card_for, poster_for

# (poster title, card title, poster description, card description) in each material's
# own language; {title}, {theme} and {dates} are the campaign's in that language.
LABELS = {
    "en": (
        "Poster (A4, to print)",
        "Social media card",
        "One page to print: the campaign's title, theme, dates and key messages, and a QR "
        "code to its page.",
        "A card in the campaign's colour with its title, “{title}”, its theme, “{theme}”, "
        "and its dates, {dates}.",
    ),
    "es": (
        "Cartel (A4, para imprimir)",
        "Imagen para redes sociales",
        "Una página para imprimir: el título, el lema, las fechas y los mensajes clave de "
        "la campaña, y un código QR que lleva a su página.",
        "Una imagen del color de la campaña con su título, «{title}», su lema, «{theme}», y "
        "sus fechas, {dates}.",
    ),
    "ar": (
        "ملصق (A4، للطباعة)",
        "بطاقة لوسائل التواصل الاجتماعي",
        "صفحة واحدة للطباعة: عنوان الحملة وشعارها وتواريخها ورسائلها الرئيسية، ورمز QR "
        "يقود إلى صفحتها.",
        "بطاقة بلون الحملة تحمل عنوانها «{title}» وشعارها «{theme}» وتواريخها: {dates}.",
    ),
    "sq": (
        "Poster (A4, për shtypje)",
        "Kartë për rrjetet sociale",
        "Një faqe për shtypje: titulli, tema, datat dhe mesazhet kryesore të fushatës, dhe "
        "një kod QR që të çon te faqja e saj.",
        "Një kartë në ngjyrën e fushatës me titullin e saj, „{title}“, temën, „{theme}“, dhe "
        "datat, {dates}.",
    ),
    "mk": (
        "Постер (A4, за печатење)",
        "Картичка за социјалните мрежи",
        "Една страница за печатење: насловот, темата, датумите и клучните пораки на "
        "кампањата, и QR-код до нејзината страница.",
        "Картичка во бојата на кампањата со нејзиниот наслов, „{title}“, темата, „{theme}“, "
        "и датумите, {dates}.",
    ),
    "sr-latn": (
        "Plakat (A4, za štampu)",
        "Slika za društvene mreže",
        "Jedna strana za štampu: naslov, tema, datumi i ključne poruke kampanje, i QR kod "
        "koji vodi do njene stranice.",
        "Slika u boji kampanje sa njenim naslovom, „{title}“, temom, „{theme}“, i datumima, "
        "{dates}.",
    ),
    "lt": (
        "Plakatas (A4, spausdinti)",
        "Kortelė socialiniams tinklams",
        "Vienas puslapis spausdinti: kampanijos pavadinimas, tema, datos ir pagrindinės "
        "žinutės bei QR kodas į jos puslapį.",
        "Kampanijos spalvos kortelė su jos pavadinimu „{title}“, tema „{theme}“ ir datomis: "
        "{dates}.",
    ),
}

HERO_SIZE = (1600, 640)
HERO_TITLE = "16 Days"


def collection_for(page: CampaignPage) -> Collection:
    """The programme's collection (its organisers manage its files), else the root."""
    if page.programme_id and page.programme.collection_id:
        return page.programme.collection
    return Collection.get_first_root_node()


def _image(title: str, data: bytes, name: str, collection: Collection):
    model = get_image_model()
    image = model.objects.filter(title=title, collection=collection).first()
    if image is None:
        image = model(title=title, collection=collection)
        image.file = ImageFile(BytesIO(data), name=name)
        image._set_image_file_metadata()
        image.save()
    return image


def _document(title: str, data: bytes, name: str, collection: Collection):
    model = get_document_model()
    document = model.objects.filter(title=title, collection=collection).first()
    if document is None:
        document = model(title=title, collection=collection)
        document.file = ContentFile(data, name=name)
        document._set_document_file_metadata()
        document.save()
    return document


def _version(page: CampaignPage, language: str) -> CampaignPage | None:
    if language == page.locale.language_code:
        return page
    locale = Locale.objects.filter(language_code=language).first()
    version = page.get_translation_or_none(locale) if locale is not None else None
    if version is None or version.alias_of_id:
        return None  # not translated: no material in that language
    return version.specific


def toolkit_build(page: CampaignPage, languages: list[str]) -> list[ToolkitItem]:
    """A poster and a share card in each of ``languages`` the campaign is translated into
    (English: the original), as toolkit rows of ``page`` (not yet saved)."""
    collection = collection_for(page)
    rows = []
    for language in languages:
        version = _version(page, language)
        if version is None:
            continue
        poster_title, card_title, poster_text, card_text = LABELS[language]
        with translation.override(language):
            poster, card = poster_for(version), card_for(version)
            pdf, png = poster_pdf_bytes(poster), share_png(card)
        stem = f"{page.slug}-{language}"
        document = _document(
            f"{poster_title}: {version.title}", pdf, f"{stem}-poster.pdf", collection
        )
        image = _image(f"{card_title}: {version.title}", png, f"{stem}-card.png", collection)
        words = {"title": version.title, "theme": version.theme, "dates": card.dates}
        rows.append(
            ToolkitItem(
                kind=ToolkitKind.POSTER,
                title=poster_title,
                language=language,
                document=document,
                description=poster_text,
            )
        )
        rows.append(
            ToolkitItem(
                kind=ToolkitKind.SOCIAL_CARD,
                title=card_title,
                language=language,
                image=image,
                description=card_text.format(**words)[:250],
            )
        )
    return rows


def hero_image(spec: dict, collection: Collection):
    """The 16 Days' hero: women of different ages side by side, some in headscarves, drawn
    as simple shapes in the campaign's colours, under the words "16 Days"."""
    title = "16 Days of Activism: hero illustration"
    model = get_image_model()
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing
    return _image(title, _hero_png(spec["colour"]), "16-days-hero.png", collection)


def _hero_png(colour: str) -> bytes:
    colours = palette_of(colour)
    width, height = HERO_SIZE
    image = Image.new("RGB", HERO_SIZE, colours["accent"])
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height - 120, width, height), fill=colours["edge"])
    draw.text((96, 70), HERO_TITLE, font=font(132, bold=True), fill=colours["on_accent"])
    # (x centre, head radius, height of the shoulders above the ground, headscarf)
    tones = ["#FFFFFF", "#4A2508", "#FFE3C2", "#7A3A0C", "#FFF4E6", "#2E1604", "#FFD3A1"]
    figures = [
        (170, 36, 190, False),
        (350, 34, 170, True),
        (520, 28, 120, False),
        (690, 38, 200, True),
        (870, 33, 160, False),
        (1050, 36, 185, True),
        (1220, 26, 110, False),
        (1400, 35, 180, True),
    ]
    ground = height - 120
    for number, (x, radius, shoulders, scarf) in enumerate(figures):
        tone = tones[number % len(tones)]
        top = ground - shoulders
        # Body: a rounded block from the shoulders to the ground.
        draw.rounded_rectangle(
            (x - radius * 1.6, top, x + radius * 1.6, ground + 40), radius=radius, fill=tone
        )
        head_y = top - radius * 1.2
        if scarf:  # a headscarf around the face, falling onto the shoulders
            scarf_tone = tones[(number + 3) % len(tones)]
            draw.ellipse(
                (
                    x - radius * 1.35,
                    head_y - radius * 1.35,
                    x + radius * 1.35,
                    head_y + radius * 2.1,
                ),
                fill=scarf_tone,
            )
            radius = radius * 0.8
        draw.ellipse((x - radius, head_y - radius, x + radius, head_y + radius), fill=tone)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
