"""courses/blocks.py: what editors may save: questions with the right answers marked,
and video or audio that everyone can follow (captions, transcripts)."""

from django.core.files.base import ContentFile

from wagtail import blocks
from wagtail.documents.models import Document

import pytest

from courses.blocks import LessonMediaBlock, QuestionBlock
from courses.enums import MediaKind, QuestionKind

pytestmark = pytest.mark.django_db


def question(kind, answers):
    block = QuestionBlock()
    return block, block.to_python(
        {
            "kind": kind,
            "prompt": "?",
            "answers": [{"text": t, "correct": c, "feedback": ""} for t, c in answers],
        }
    )


@pytest.mark.parametrize(
    ("kind", "answers", "valid"),
    [
        (QuestionKind.SINGLE, [("a", True), ("b", False)], True),
        (QuestionKind.SINGLE, [("a", True), ("b", True)], False),
        (QuestionKind.SINGLE, [("a", False), ("b", False)], False),
        (QuestionKind.MULTIPLE, [("a", True), ("b", True), ("c", False)], True),
        (QuestionKind.MULTIPLE, [("a", False), ("b", False)], False),
        (QuestionKind.TRUE_FALSE, [("True", False), ("False", True)], True),
        (QuestionKind.TRUE_FALSE, [("True", True), ("False", False), ("Maybe", False)], False),
    ],
)
def test_question_needs_its_correct_answers_marked(kind, answers, valid):
    block, value = question(kind, answers)

    if valid:
        block.clean(value)
    else:
        with pytest.raises(blocks.StructBlockValidationError):
            block.clean(value)


def document(name):
    doc = Document(title=name)
    doc.file.save(name, ContentFile(b"x"), save=False)
    doc.save()
    return doc


def media(kind, media_name, captions_name=None, transcript=""):
    block = LessonMediaBlock()
    return block, block.to_python(
        {
            "kind": kind,
            "title": "Interview",
            "media": document(media_name).pk,
            "captions": document(captions_name).pk if captions_name else None,
            "captions_language": "en",
            "transcript": transcript,
        }
    )


def test_video_with_captions_is_accepted():
    block, value = media(MediaKind.VIDEO, "talk.mp4", "talk.vtt")

    assert block.clean(value)["media"].title == "talk.mp4"
    assert value.mime_type == "video/mp4"


@pytest.mark.parametrize(
    ("kind", "media_name", "captions_name", "transcript", "field"),
    [
        (MediaKind.VIDEO, "talk.mp4", None, "", "captions"),
        (MediaKind.VIDEO, "talk.mp4", "talk.srt", "", "captions"),
        (MediaKind.VIDEO, "talk.avi", "talk.vtt", "", "media"),
        (MediaKind.AUDIO, "talk.mp3", None, "", "transcript"),
    ],
)
def test_media_refuses_what_not_everyone_can_follow(
    kind, media_name, captions_name, transcript, field
):
    block, value = media(kind, media_name, captions_name, transcript)

    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(value)

    assert field in error.value.block_errors
