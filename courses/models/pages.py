"""The course pages: CourseIndexPage (the catalogue) → [CourseSectionPage (a programme's
courses) →] CoursePage → LessonPage.

Modules are an inline on the course (``CourseModule``), not a page level: a lesson picks
its module from its course. Modules are translatable, and a module keeps its
``translation_key`` in every language, so ``LessonPage.module_key`` points at the same
module in every translation of the course.

Everything a learner does is keyed on ``translation_key`` (the course's and the
lesson's), never on a page id, so progress follows a person across languages.
"""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Substr
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.pages import OneQueryViewRestrictionsMixin, with_privacy_flag
from people.enums import Sector
from programmes.pages import ProgrammeOwned, ProgrammeSection

from ..blocks import CourseTestBlock, LearningOutcomesBlock, LessonBodyBlock
from ..enums import CheckKind, Track
from ..forms import LessonPageForm
from .fields import ChoiceListField


class CourseIndexPage(OneQueryViewRestrictionsMixin, Page):
    """The catalogue: every course, filtered by track, sector and language."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CourseSectionPage", "courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from ..selectors.pages import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, self))
        return context

    def route(self, request, path_components):
        """A course and its lessons are read as what they are, one query each (Wagtail
        reads a child as a plain page, then again as its type). A course sits here
        (/courses/<course>/) or in a programme's section (/courses/<programme>/<course>/):
        the same one query finds it in either place."""
        if path_components:
            course = self._course_at(path_components)
            if course is not None:
                consumed = course.depth - self.depth
                if consumed == 1:
                    course._cached_parent_obj = self
                return course.route(request, path_components[consumed:])
        return super().route(request, path_components)

    def _course_at(self, path_components):
        child = Q(path__startswith=self.path, depth=self.depth + 1, slug=path_components[0])
        if len(path_components) > 1:
            sections = Page.objects.child_of(self).filter(slug=path_components[0]).values("path")
            child |= Q(
                depth=self.depth + 2,
                slug=path_components[1],
                parent_path__in=sections,
            )
        courses = CoursePage.objects.annotate(
            parent_path=Substr("path", 1, len(self.path) + self.steplen)
        ).filter(child)
        return with_privacy_flag(courses).first()


class CourseSectionPage(ProgrammeSection, Page):
    """One programme's courses: its organisers create, edit and publish the courses below
    it (Wagtail page permissions on this page, granted when the section is created). Its
    page is the catalogue narrowed to these courses."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("programme"), FieldPanel("intro")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("programme's courses")
        verbose_name_plural = _("programmes' courses")

    def get_context(self, request, *args, **kwargs):
        from ..selectors.pages import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, self))
        return context


class CoursePage(ProgrammeOwned, OneQueryViewRestrictionsMixin, RoutablePageMixin, Page):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences for the catalogue.")
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    tracks = ChoiceListField(
        _("audience tracks"),
        item_choices=Track.choices,
        help_text=_("Who the course is written for."),
    )
    sectors = ChoiceListField(
        _("target sectors"),
        item_choices=Sector.choices,
        blank=True,
        help_text=_("Leave empty when the course is for every sector."),
    )
    duration_minutes = models.PositiveIntegerField(
        _("estimated duration (minutes)"), default=60, help_text=_("Time a learner needs in all.")
    )
    outcomes = StreamField(LearningOutcomesBlock(), blank=True, verbose_name=_("learning outcomes"))
    pre_test = StreamField(
        CourseTestBlock(),
        blank=True,
        verbose_name=_("pre-test"),
        help_text=_(
            "Optional. Taken once, before the post-test, to measure what the course changed. "
            "Learners see their score but not the answers."
        ),
    )
    post_test = StreamField(
        CourseTestBlock(),
        blank=True,
        verbose_name=_("post-test"),
        help_text=_(
            "Optional. Unlocked when every lesson is complete; passing it (at its pass mark, "
            "within its attempts) completes the course."
        ),
    )

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("intro")]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("outcomes"),
        InlinePanel("modules", heading=_("Modules"), label=_("Module")),
    ]
    audience_panels = [
        MultiFieldPanel(
            [FieldPanel("tracks"), FieldPanel("sectors"), FieldPanel("duration_minutes")],
            heading=_("Audience"),
        ),
        InlinePanel(
            "prerequisites",
            heading=_("Prerequisites"),
            label=_("Required course"),
            help_text=_("Courses a learner must complete before enrolling in this one."),
        ),
    ]
    test_panels = [FieldPanel("pre_test"), FieldPanel("post_test")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(audience_panels, heading=_("Audience")),
            ObjectList(test_panels, heading=_("Pre- and post-test")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList([FieldPanel("shared_with"), *Page.settings_panels], heading=_("Settings")),
        ]
    )

    parent_page_types = ["courses.CourseIndexPage", "courses.CourseSectionPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")

    @property
    def course_key(self):
        return self.translation_key

    @cached_property
    def track_labels(self) -> list[str]:
        return self._meta.get_field("tracks").labels(self.tracks)

    @cached_property
    def sector_labels(self) -> list[str]:
        return self._meta.get_field("sectors").labels(self.sectors)

    def test_block(self, kind: str):
        """The pre- or post-test knowledge check (a bound block), or None."""
        stream = self.pre_test if kind == CheckKind.PRE_TEST else self.post_test
        return stream[0] if stream else None

    def get_context(self, request, *args, **kwargs):
        from ..selectors.pages import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_page_context(request, self))
        return context

    def route(self, request, path_components):
        """The pre- and post-test routes first (as RoutablePageMixin), then a lesson, read
        as a LessonPage in one query."""
        if path_components and self.live:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                lesson = (
                    with_privacy_flag(LessonPage.objects.child_of(self))
                    .filter(slug=path_components[0])
                    .first()
                )
                if lesson is not None:
                    lesson._cached_parent_obj = self
                    return lesson.route(request, path_components[1:])
        return super().route(request, path_components)

    @path("pre-test/", name="pre_test")
    def pre_test_view(self, request):
        return self._test_view(request, CheckKind.PRE_TEST)

    @path("post-test/", name="post_test")
    def post_test_view(self, request):
        return self._test_view(request, CheckKind.POST_TEST)

    def _test_view(self, request, kind: str):
        from ..selectors.pages import course_test_context

        context = course_test_context(request, self, kind)
        if context is None:
            raise Http404
        return TemplateResponse(request, "courses/course_test.html", context)


class CourseModule(TranslatableMixin, Orderable):
    """A group of lessons inside a course. Translated with the course."""

    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)

    panels = [FieldPanel("title"), FieldPanel("summary")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self) -> str:
        return self.title


class CoursePrerequisite(Orderable):
    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="prerequisites")
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("course", "courses.CoursePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("prerequisite")
        verbose_name_plural = _("prerequisites")

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        page = getattr(self, "page", None)
        if (
            self.course_id
            and page is not None
            and self.course.translation_key == page.translation_key
        ):
            raise ValidationError({"course": _("A course cannot require itself.")})


class LessonPage(OneQueryViewRestrictionsMixin, Page):
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    duration_minutes = models.PositiveIntegerField(
        _("estimated duration (minutes)"), null=True, blank=True
    )
    module_key = models.UUIDField(
        _("module"),
        null=True,
        blank=True,
        help_text=_("The module of the course this lesson belongs to."),
    )
    # The translation_key of the parent course, kept in step on every save, so a course's
    # lessons in every language are one indexed query away.
    course_key = models.UUIDField(null=True, editable=False, db_index=True)
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson"))

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    content_panels = Page.content_panels + [
        FieldPanel("module_key"),
        FieldPanel("summary"),
        FieldPanel("duration_minutes"),
        FieldPanel("body"),
    ]
    base_form_class = LessonPageForm

    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")

    @property
    def lesson_key(self):
        return self.translation_key

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.path and (update_fields is None or "course_key" in update_fields):
            parent_path = self.path[: -self.steplen]
            self.course_key = (
                Page.objects.filter(path=parent_path)
                .values_list("translation_key", flat=True)
                .first()
            )
        return super().save(*args, **kwargs)

    def check_blocks(self) -> list:
        """The knowledge checks in this lesson, as bound stream children."""
        return [block for block in self.body if block.block_type == "knowledge_check"]

    def get_context(self, request, *args, **kwargs):
        from ..selectors.pages import lesson_page_context
        from ..services import lesson_visit

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_page_context(request, self))
        if context["enrolment"] is not None:
            lesson_visit(enrolment=context["enrolment"], lesson=self)
        return context
