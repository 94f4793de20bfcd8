from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("safety", _("Safety")), ("action", _("Action"))],
        default="info",
    )
    heading = blocks.CharBlock(required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "warning"
        template = "blocks/callout.html"


class HelplineListBlock(blocks.StaticBlock):
    """Shows the helplines from site settings, for the visitor's country first."""

    class Meta:
        icon = "mobile-alt"
        admin_text = _("Helpline numbers from the site settings.")
        template = "blocks/helplines.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", template="blocks/heading.html")
    paragraph = blocks.RichTextBlock(
        features=["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]
    )
    image = ImageBlock()
    callout = CalloutBlock()
    helplines = HelplineListBlock()
