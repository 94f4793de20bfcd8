"""StreamField blocks for lessons, pre-tests and post-tests. Templates: templates/blocks/."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from .enums import CalloutTone, MediaKind, QuestionKind

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]

# Formats every current browser plays natively; nothing else is accepted, so a lesson never
# needs a third-party player.
MEDIA_TYPES = {
    MediaKind.VIDEO: {"mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm"},
    MediaKind.AUDIO: {
        "mp3": "audio/mpeg",
        "m4a": "audio/mp4",
        "aac": "audio/aac",
        "ogg": "audio/ogg",
        "oga": "audio/ogg",
        "opus": "audio/ogg",
        "wav": "audio/wav",
        "webm": "audio/webm",
    },
}


def _extension(document) -> str:
    return PurePosixPath(document.file.name).suffix.lower().lstrip(".") if document else ""


class LessonCalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=CalloutTone.choices, default=CalloutTone.INFO, label=_("tone")
    )
    heading = blocks.CharBlock(required=False, label=_("heading"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"], label=_("text"))

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/lesson_callout.html"


class MediaValue(blocks.StructValue):
    @cached_property
    def mime_type(self) -> str:
        return MEDIA_TYPES.get(self.get("kind"), {}).get(_extension(self.get("media")), "")

    @property
    def is_video(self) -> bool:
        return self.get("kind") == MediaKind.VIDEO


class LessonMediaBlock(blocks.StructBlock):
    """Self-hosted video or audio: the file, WebVTT captions and a transcript, all served
    from our own origin as Wagtail documents."""

    kind = blocks.ChoiceBlock(choices=MediaKind.choices, default=MediaKind.VIDEO, label=_("kind"))
    title = blocks.CharBlock(label=_("title"))
    media = DocumentChooserBlock(
        label=_("media file"), help_text=_("MP4 or WebM video; MP3, M4A, OGG or WAV audio.")
    )
    captions = DocumentChooserBlock(
        required=False,
        label=_("captions (.vtt)"),
        help_text=_("WebVTT captions. Required for video."),
    )
    captions_language = blocks.CharBlock(
        required=False, max_length=10, label=_("captions language code"), help_text=_("E.g. en, lt")
    )
    transcript = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "ol", "ul", "link"],
        label=_("transcript"),
        help_text=_("A full text version. Required for audio."),
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        kind = value.get("kind")
        media = value.get("media")
        if media is not None and _extension(media) not in MEDIA_TYPES.get(kind, {}):
            allowed = ", ".join(sorted(MEDIA_TYPES.get(kind, {})))
            errors["media"] = ValidationError(
                _("Choose a file in one of these formats: %(formats)s.") % {"formats": allowed}
            )
        captions = value.get("captions")
        if captions is not None and _extension(captions) != "vtt":
            errors["captions"] = ValidationError(_("Captions must be a WebVTT (.vtt) file."))
        elif kind == MediaKind.VIDEO and captions is None:
            errors["captions"] = ValidationError(_("A video needs captions."))
        if kind == MediaKind.AUDIO and not value.get("transcript"):
            errors["transcript"] = ValidationError(_("Audio needs a transcript."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "media"
        label = _("Video or audio")
        template = "blocks/lesson_media.html"
        value_class = MediaValue


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(required=False, label=_("description"))


class LessonDownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, label=_("heading"))
    files = blocks.ListBlock(DownloadBlock(), min_num=1, label=_("files"))

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "blocks/lesson_downloads.html"


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"))
    correct = blocks.BooleanBlock(required=False, label=_("correct"))
    feedback = blocks.TextBlock(
        required=False,
        label=_("feedback"),
        help_text=_("Shown after an attempt to a learner who chose this answer."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=QuestionKind.choices, default=QuestionKind.SINGLE, label=_("kind")
    )
    prompt = blocks.TextBlock(label=_("question"))
    answers = blocks.ListBlock(AnswerBlock(), min_num=2, max_num=8, label=_("answers"))

    def clean(self, value):
        value = super().clean(value)
        answers = list(value.get("answers") or [])
        correct = sum(1 for answer in answers if answer.get("correct"))
        kind = value.get("kind")
        message = None
        if kind == QuestionKind.TRUE_FALSE and len(answers) != 2:
            message = _("A true-or-false question has exactly two answers.")
        elif kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE) and correct != 1:
            message = _("Mark exactly one answer as correct.")
        elif kind == QuestionKind.MULTIPLE and correct < 1:
            message = _("Mark at least one answer as correct.")
        if message:
            raise blocks.StructBlockValidationError(non_block_errors=[ValidationError(message)])
        return value

    class Meta:
        icon = "help"
        label = _("Question")


class KnowledgeCheckBlock(blocks.StructBlock):
    """Questions checked on the server, with a pass mark and an attempts limit.

    The block's id (and the ids of its questions and answers) stay the same in every
    translation, so attempts count across the course's languages.
    """

    title = blocks.CharBlock(default=_("Check your understanding"), label=_("title"))
    intro = blocks.TextBlock(required=False, label=_("introduction"))
    questions = blocks.ListBlock(QuestionBlock(), min_num=1, label=_("questions"))
    pass_mark = blocks.IntegerBlock(
        min_value=0,
        max_value=100,
        default=80,
        label=_("pass mark (%)"),
        help_text=_("The share of questions answered correctly needed to pass."),
    )
    max_attempts = blocks.IntegerBlock(
        min_value=0,
        max_value=20,
        default=3,
        label=_("attempts allowed"),
        help_text=_("0 means unlimited. A pre-test always allows one attempt."),
    )

    class Meta:
        icon = "tasks"
        label = _("Knowledge check")
        template = "blocks/quiz_knowledge_check.html"


class LessonBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))
    image = ImageBlock(label=_("Image"), template="blocks/lesson_image.html")
    media = LessonMediaBlock()
    downloads = LessonDownloadsBlock()
    callout = LessonCalloutBlock()
    knowledge_check = KnowledgeCheckBlock()


class CourseTestBlock(blocks.StreamBlock):
    """The pre-test or post-test of a course: at most one knowledge check."""

    knowledge_check = KnowledgeCheckBlock()

    class Meta:
        max_num = 1


class LearningOutcomesBlock(blocks.StreamBlock):
    outcome = blocks.CharBlock(label=_("Learning outcome"), icon="tick")
