"""The mentoring pages, under the language prefix at /mentoring/ (``mentors.urls``).

Anyone may ask for a mentor (two forms: a woman asking for support, an organisation asking
for a session). Mentors keep their profile, answer offers, follow their matches, log
sessions, give feedback and report concerns. Every write goes through ``mentors.services``;
a match that is not the signed-in mentor's own answers 404, whoever asks.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.http import client_network
from core.text import join_list
from people.enums import Role
from people.roles import user_role
from programmes.models import Programme

from . import dashboard, services
from .enums import (
    MATCH_HOLDING,
    BlockSource,
    FeedbackRespondent,
    FeedbackStage,
    MatchStatus,
    MentorStatus,
    RequestKind,
    SessionKind,
)
from .forms import (
    BlockForm,
    CompleteForm,
    ConcernForm,
    DeclineForm,
    EndEarlyForm,
    FeedbackForm,
    MentorApplyForm,
    MentorProfileForm,
    PublicConcernForm,
    SessionForm,
    SupportRequestForm,
    TrainingRequestForm,
    language_formset,
    match_reference,
    match_status_for_mentor,
)
from .models import Match, MentoringRequest, MentorProfile
from .selectors import REQUEST_PERSONAL_FIELDS

# --- Asking for a mentor ---------------------------------------------------------------------


def _ask_key(request) -> str:
    return f"mentors:ask:{client_network(request)}"


def _ask_limited(request) -> bool:
    # Requests filed from one connection (an IPv4 address or an IPv6 /64) per hour: enough
    # for a service filing for several women, too few to flood the organisers.
    return (cache.get(_ask_key(request)) or 0) >= settings.MENTORS_ASK_LIMIT_PER_HOUR


def _ask_counted(request) -> None:
    """Count a submission (a request filed, or a robot's). The hour starts at the first."""
    key = _ask_key(request)
    cache.add(key, 0, 60 * 60)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, 60 * 60)


def _programmes_taking_requests() -> list[Programme]:
    """Programmes with at least one active mentor: the only ones a request can go to."""
    return list(
        Programme.objects.filter(mentor_profiles__status=MentorStatus.ACTIVE)
        .distinct()
        .order_by("name")
    )


def _ask(request, *, kind: str, form_class, template: str, thanks: str):
    programmes = _programmes_taking_requests()
    slug = request.GET.get("programme", "")
    fixed = next((p for p in programmes if p.slug == slug), None) if slug else None
    if not programmes:
        return render(request, "mentors/ask_unavailable.html", {"kind": kind})
    initial = {}
    if kind == RequestKind.TRAINING and request.user.is_authenticated:
        profile = getattr(request.user, "profile", None)
        if profile is not None and profile.organisation_id:
            initial["organisation"] = profile.organisation.name
    form = form_class(
        request.POST or None, programmes=programmes, fixed_programme=fixed, initial=initial
    )
    status = 200
    if request.method == "POST":
        if _ask_limited(request):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many requests were sent from your connection in the last hour. "
                    "Please try again later, or call one of the helplines on the safety page."
                ),
            )
            return render(
                request, template, {"form": form, "programme": fixed, "kind": kind}, status=429
            )
        if form.is_robot:
            _ask_counted(request)
            return redirect(thanks)
        if form.is_valid():
            try:
                services.request_create(
                    programme=form.cleaned_data["programme"],
                    kind=kind,
                    data=form.request_data(),
                    filed_by=request.user if request.user.is_authenticated else None,
                    on_behalf=bool(form.cleaned_data.get("on_behalf")),
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                _ask_counted(request)
                return redirect(thanks)
        status = 400
    return render(
        request, template, {"form": form, "programme": fixed, "kind": kind}, status=status
    )


@never_cache
def ask(request):
    """Request (a): a woman asks for support, herself or through a service."""
    return _ask(
        request,
        kind=RequestKind.SUPPORT,
        form_class=SupportRequestForm,
        template="mentors/ask.html",
        thanks="mentors:ask_thanks",
    )


@never_cache
def ask_training(request):
    """Request (b): an organisation asks for a mentor-led session or training."""
    return _ask(
        request,
        kind=RequestKind.TRAINING,
        form_class=TrainingRequestForm,
        template="mentors/ask_training.html",
        thanks="mentors:ask_training_thanks",
    )


def ask_thanks(request):
    return render(request, "mentors/ask_thanks.html", {"kind": RequestKind.SUPPORT})


def ask_training_thanks(request):
    return render(request, "mentors/ask_thanks.html", {"kind": RequestKind.TRAINING})


def code_of_conduct(request):
    return render(
        request,
        "mentors/code_of_conduct.html",
        {"retention_days": settings.MENTORS_CONTACT_RETENTION_DAYS},
    )


# --- The mentor's own pages ------------------------------------------------------------------


def _require_mentor(request) -> None:
    if user_role(request.user) != Role.MENTOR:
        raise PermissionDenied(_("These pages are for community mentors."))


def _own_profiles(request) -> list[MentorProfile]:
    """The signed-in mentor's profiles (one per programme); 403 for anyone else."""
    _require_mentor(request)
    profiles = list(
        MentorProfile.objects.filter(person=request.user)
        .select_related("programme")
        .order_by("programme__name")
    )
    if not profiles:
        raise PermissionDenied(_("Join a programme's mentor pool first, on your mentor profile."))
    return profiles


def _own_match(request, match_id) -> Match:
    """One of the signed-in mentor's matches (404 for anyone else's), its requester's
    personal data deferred: never loaded nor decrypted unless the match page shows it."""
    try:
        match_id = int(match_id)
    except (TypeError, ValueError):
        raise Http404 from None
    return get_object_or_404(
        Match.objects.select_related("request", "request__region", "mentor__programme").defer(
            *REQUEST_PERSONAL_FIELDS
        ),
        pk=match_id,
        mentor__person=request.user,
    )


@login_required
@never_cache
def profile(request):
    _require_mentor(request)
    profiles = list(
        MentorProfile.objects.filter(person=request.user)
        .select_related("programme")
        .order_by("programme__name")
    )
    if not profiles:
        return _apply(request)
    slug = request.GET.get("programme")
    mentor = next((p for p in profiles if p.programme.slug == slug), profiles[0])
    form = MentorProfileForm(request.POST or None, instance=mentor)
    formset = language_formset(request.POST or None, profile=mentor)
    if request.method == "POST":
        valid = form.is_valid()
        valid = formset.is_valid() and valid
        if valid:
            try:
                mentor = services.profile_save(
                    profile=form.save(commit=False),
                    languages=formset.languages(),
                    by=request.user,
                    regions=form.cleaned_data.get("regions", []),
                    conduct_accepted=bool(form.cleaned_data.get("conduct")),
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, _("Your mentor profile is saved."))
                return redirect(f"{reverse('mentors:profile')}?programme={mentor.programme.slug}")
    return render(
        request,
        "mentors/profile.html",
        {
            "form": form,
            "formset": formset,
            "mentor": mentor,
            "profiles": profiles,
            "steps": dashboard.steps_to_active(mentor),
        },
        status=400 if request.method == "POST" else 200,
    )


# A mentor pauses herself (no new offers; her open offers are declined by the service) or
# is available again: the only moves of her own status she makes here.
SELF_STATUS = {
    MentorStatus.PAUSED: (
        MentorStatus.ACTIVE,
        gettext_lazy(
            "You are paused: you receive no new offers, and your open offers went back to the "
            "organisers. Your current mentoring continues."
        ),
    ),
    MentorStatus.ACTIVE: (
        MentorStatus.PAUSED,
        gettext_lazy("You are available again: you can receive offers."),
    ),
}


@require_POST
@login_required
def profile_status(request):
    """ "Pause my mentoring" / "I am available again" for one of her programme profiles."""
    _require_mentor(request)
    try:
        profile_id = int(request.POST.get("profile", ""))
    except ValueError:
        raise Http404 from None
    mentor = get_object_or_404(
        MentorProfile.objects.select_related("programme"), pk=profile_id, person=request.user
    )
    wanted = request.POST.get("status", "")
    if wanted not in SELF_STATUS or mentor.status != SELF_STATUS[wanted][0]:
        messages.error(request, _("Only an active mentor can pause, and only a paused one resume."))
    else:
        try:
            services.mentor_status_set(profile=mentor, status=wanted, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, SELF_STATUS[wanted][1])
    return redirect(f"{reverse('mentors:profile')}?programme={mentor.programme.slug}")


def _apply(request):
    form = MentorApplyForm(request.POST or None, programmes=Programme.objects.order_by("name"))
    if request.method == "POST" and form.is_valid():
        try:
            services.mentor_apply(person=request.user, programme=form.cleaned_data["programme"])
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request, _("You have joined the programme's mentor pool. Now fill in your profile.")
            )
            return redirect("mentors:profile")
    return render(
        request,
        "mentors/apply.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@never_cache
def match_detail(request, match_id: int):
    return _match_page(request, _own_match(request, match_id))


def _match_page(request, match: Match, status: int = 200, **forms):
    holding = match.status in MATCH_HOLDING
    # Her contact details, read (decrypted and logged) only for her mentor to see.
    contact_visible = services.match_contact_read(match=match, user=request.user)
    context = {
        "match": match,
        "reference": match_reference(match),
        "status_words": match_status_for_mentor(match),
        "ask": match.request,
        "facts": _request_facts(match.request),
        "contact_visible": contact_visible,
        "holding": holding,
        "MatchStatus": MatchStatus,
        "RequestKind": RequestKind,
        "decline_form": forms.get("decline_form") or DeclineForm(),
        "end_form": forms.get("end_form") or EndEarlyForm(),
        "block_form": forms.get("block_form") or BlockForm(),
        "complete_form": forms.get("complete_form") or CompleteForm(),
        "sessions": list(match.sessions.order_by("-date", "-pk")[:20]) if holding else [],
        "feedback_stage": _feedback_stage(match),
    }
    return render(request, "mentors/match.html", context, status=status)


def _request_facts(ask: MentoringRequest) -> list[tuple[str, str]]:
    """What a mentor may know about any request offered to her: never who or how to reach."""
    fields = {field.name: field for field in MentoringRequest._meta.get_fields()}
    place = ask.get_country_display()
    if ask.region_id:
        place = f"{ask.region.name}, {place}"
    facts = [
        (_("Kind"), ask.get_kind_display()),
        (_("Languages"), join_list(fields["languages"].labels(ask.languages))),
        (_("Place"), place),
        (_("How she can meet"), join_list(fields["formats"].labels(ask.formats))),
        (_("Help asked for"), join_list(fields["needs"].labels(ask.needs))),
    ]
    if ask.kind == RequestKind.TRAINING:
        facts.append((_("Topic"), ask.topic))
        if ask.participants_expected:
            facts.append((_("Expected participants"), str(ask.participants_expected)))
    if ask.availability:
        facts.append(
            (_("Usually free"), "; ".join(fields["availability"].labels(ask.availability)))
        )
    return facts


def _feedback_stage(match: Match) -> str:
    if match.status in (MatchStatus.COMPLETED, MatchStatus.ENDED_EARLY):
        return FeedbackStage.CLOSING
    if match.status in (MatchStatus.ACTIVE, MatchStatus.PAUSED):
        return FeedbackStage.MIDPOINT
    return ""


# Each action: (form class or None, the service call, the message on success, where next).
def _accept(match, by, data):
    services.match_accept(match=match, by=by)


def _decline(match, by, data):
    services.match_decline(match=match, by=by, reason=data["reason"], note=data["note"])


def _end(match, by, data):
    services.match_end_early(match=match, by=by, reason=data["reason"], note=data["note"])


def _block(match, by, data):
    services.match_block(match=match, by=by, source=BlockSource.MENTOR)


MATCH_ACTIONS = {
    "accept": (None, _accept, "match"),
    "decline": (DeclineForm, _decline, "dashboard"),
    "start": (None, lambda match, by, data: services.match_start(match=match, by=by), "match"),
    "pause": (None, lambda match, by, data: services.match_pause(match=match, by=by), "match"),
    "resume": (None, lambda match, by, data: services.match_resume(match=match, by=by), "match"),
    "complete": (
        CompleteForm,
        lambda match, by, data: services.match_complete(match=match, by=by),
        "match",
    ),
    "end": (EndEarlyForm, _end, "match"),
    "block": (BlockForm, _block, "dashboard"),
}
FORM_NAMES = {
    DeclineForm: "decline_form",
    EndEarlyForm: "end_form",
    BlockForm: "block_form",
    CompleteForm: "complete_form",
}


def _action_message(action: str) -> str:
    return {
        "accept": _(
            "Thank you for accepting. Her contact details are below: contact her the way and "
            "at the time she chose."
        ),
        "decline": _("You declined the offer. She will be offered another mentor first."),
        "start": _("The mentoring has started."),
        "pause": _("The mentoring is paused. Resume it when you can."),
        "resume": _("The mentoring continues."),
        "complete": _("The mentoring is completed. Thank you."),
        "end": _("The mentoring has ended. The organisers are told the reason."),
        "block": _("The mentoring has ended and you will not be matched with her again."),
    }[action]


@require_POST
@login_required
def match_action(request, match_id: int, action: str):
    if action not in MATCH_ACTIONS:
        raise Http404
    match = _own_match(request, match_id)
    form_class, call, next_page = MATCH_ACTIONS[action]
    data = {}
    if form_class is not None:
        form = form_class(request.POST)
        if not form.is_valid():
            return _match_page(request, match, status=400, **{FORM_NAMES[form_class]: form})
        data = form.cleaned_data
    try:
        call(match, request.user, data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("mentors:match", match_id=match.pk)
    messages.success(request, _action_message(action))
    if next_page == "dashboard":
        return redirect("people:dashboard")
    return redirect("mentors:match", match_id=match.pk)


# --- Sessions, feedback, concerns ------------------------------------------------------------


@login_required
@never_cache
def session_new(request):
    profiles = _own_profiles(request)
    match_id = request.GET.get("match") or request.POST.get("match")
    match = _own_match(request, match_id) if match_id else None
    if match is not None:
        mentor = match.mentor
    else:
        active = [p for p in profiles if p.status == MentorStatus.ACTIVE]
        mentor = (active or profiles)[0]
    initial = {}
    if match is not None and match.request.kind == RequestKind.TRAINING:
        initial["kind"] = SessionKind.TRAINING
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_log(
                mentor=mentor,
                by=request.user,
                data=form.session_data(),
                match=match,
                support_counts=form.support_counts(),
                participant_emails=form.cleaned_data["participant_emails"],
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The session is logged. Thank you."))
            if match is not None:
                return redirect("mentors:match", match_id=match.pk)
            return redirect("people:dashboard")
    return render(
        request,
        "mentors/session_form.html",
        {"form": form, "match": match, "mentor": mentor, "SessionKind": SessionKind},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@never_cache
def feedback(request, match_id: int, stage: str):
    if stage not in FeedbackStage.values:
        raise Http404
    match = _own_match(request, match_id)
    if stage != _feedback_stage(match):
        # Closing feedback once the mentoring is over, midpoint while it runs: no other.
        raise Http404
    if match.feedback.filter(stage=stage, respondent=FeedbackRespondent.MENTOR).exists():
        return render(
            request, "mentors/feedback.html", {"match": match, "stage": stage, "given": True}
        )
    form = FeedbackForm(request.POST or None, stage=stage)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_submit(
                match=match,
                stage=stage,
                respondent=FeedbackRespondent.MENTOR,
                data=form.cleaned_data,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("mentors:match", match_id=match.pk)
    return render(
        request,
        "mentors/feedback.html",
        {"match": match, "stage": stage, "form": form, "FeedbackStage": FeedbackStage},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
def concern(request):
    """A mentor reports a concern about one of her matches or her programme; anyone else (a
    woman she supports, a service, a visitor) gets the public form."""
    profiles = []
    if request.user.is_authenticated and user_role(request.user) == Role.MENTOR:
        profiles = list(
            MentorProfile.objects.filter(person=request.user)
            .select_related("programme")
            .order_by("programme__name")
        )
    if not profiles:
        return _public_concern(request)
    matches = list(
        Match.objects.filter(mentor__person=request.user)
        .exclude(status__in=[MatchStatus.PROPOSED, MatchStatus.DECLINED, MatchStatus.INVALIDATED])
        .select_related("request", "request__region")
        .defer(*REQUEST_PERSONAL_FIELDS)
    )
    initial = {}
    if request.GET.get("match"):
        initial["match"] = str(_own_match(request, request.GET["match"]).pk)
    form = ConcernForm(request.POST or None, profiles=profiles, matches=matches, initial=initial)
    if request.method == "POST" and form.is_valid():
        match = form.cleaned_data.get("match")
        try:
            services.concern_report(
                programme=match.mentor.programme if match else form.cleaned_data["programme"],
                by=request.user,
                text=form.cleaned_data["text"],
                match=match,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _(
                    "Thank you. The organisers of your programme have your report and will "
                    "contact you."
                ),
            )
            return redirect("people:dashboard")
    return render(
        request,
        "mentors/concern.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


def _public_concern(request):
    """The concern form without an account: honeypot and the same per-connection limit as
    the requests; nothing she wrote is shown back after sending."""
    form = PublicConcernForm(request.POST or None)
    if request.method == "POST":
        if _ask_limited(request):
            messages.error(
                request,
                _("Too many messages were sent from this connection. Please try again later."),
            )
            return render(request, "mentors/concern_public.html", {"form": form}, status=429)
        if form.is_valid():
            _ask_counted(request)
            if not form.is_robot:
                try:
                    services.concern_report(
                        programme=form.cleaned_data["programme"],
                        by=request.user,
                        text=form.report_text(),
                    )
                except ValidationError as error:
                    for message in error.messages:
                        form.add_error(None, message)
                    return render(
                        request, "mentors/concern_public.html", {"form": form}, status=400
                    )
            # Post, redirect, get: reloading the thank-you page sends nothing again.
            return redirect("mentors:concern_thanks")
    return render(
        request,
        "mentors/concern_public.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
def concern_thanks(request):
    return render(request, "mentors/concern_public.html", {"sent": True})
