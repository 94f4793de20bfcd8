"""StreamField blocks for events: registration questions and study-visit itineraries."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from .enums import QuestionKind


class RegistrationQuestionBlock(blocks.StructBlock):
    """A question asked at registration. Answers are stored under the block's id, which is
    the same in every translation of the event, so an answer given in Albanian and one
    given in English land in the same export column."""

    label = blocks.CharBlock(label=_("question"), max_length=200)
    help_text = blocks.CharBlock(label=_("help text"), required=False, max_length=300)
    kind = blocks.ChoiceBlock(label=_("kind of answer"), choices=QuestionKind.choices)
    choices = blocks.TextBlock(
        label=_("choices"),
        required=False,
        help_text=_("For “one of a list”: one choice per line."),
    )
    required = blocks.BooleanBlock(label=_("an answer is required"), required=False)

    class Meta:
        icon = "help"
        label = _("Question")


class RegistrationQuestionsBlock(blocks.StreamBlock):
    question = RegistrationQuestionBlock()


class ItineraryItemBlock(blocks.StructBlock):
    starts_at = blocks.TimeBlock(label=_("from"), required=False)
    ends_at = blocks.TimeBlock(label=_("until"), required=False)
    title = blocks.CharBlock(label=_("what"), max_length=200)
    place = blocks.CharBlock(label=_("where"), required=False, max_length=200)
    description = blocks.TextBlock(label=_("details"), required=False)


class ItineraryDayBlock(blocks.StructBlock):
    day = blocks.DateBlock(label=_("date"))
    title = blocks.CharBlock(label=_("theme of the day"), required=False, max_length=200)
    items = blocks.ListBlock(ItineraryItemBlock(), label=_("programme"))

    class Meta:
        icon = "date"
        label = _("Day")
        template = "events/blocks/itinerary_day.html"


class ItineraryBlock(blocks.StreamBlock):
    day = ItineraryDayBlock()


class EventDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")


class EventDocumentsBlock(blocks.StreamBlock):
    document = EventDocumentBlock()
