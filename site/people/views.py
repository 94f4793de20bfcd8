import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import services
from .dashboard import dashboard_panels, dashboard_totals
from .enums import DemographicField
from .forms import AccountDeleteForm, DemographicForm, ProfileForm
from .roles import user_role
from .selectors import active_consents, person_data_export


@login_required
def dashboard(request):
    profile = services.profile_get_or_create(user=request.user)
    return render(
        request,
        "people/dashboard.html",
        {
            "profile": profile,
            "role": user_role(request.user),
            "totals": dashboard_totals(request.user),
            "panels": dashboard_panels(request),
        },
    )


@login_required
def profile_edit(request):
    profile = services.profile_get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.profile_update(profile=profile, **form.cleaned_data)
        translation.activate(profile.preferred_language)
        messages.success(request, _("Your profile is saved."))
        response = redirect("people:profile")
        # The interface follows the person's preferred language from now on.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            profile.preferred_language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        return response
    return render(request, "people/profile_form.html", {"form": form})


@login_required
def privacy(request):
    consents = active_consents(user=request.user)
    profile = services.profile_get_or_create(user=request.user)
    questions = []
    posted = request.POST.get("field") if request.method == "POST" else None
    for question in DemographicField.values:
        bound = posted == question and "withdraw" not in request.POST
        form = DemographicForm(
            request.POST if bound else None,
            question=question,
            initial={"value": getattr(profile, question) or None},
        )
        if bound and form.is_valid():
            services.demographic_answer(
                user=request.user, field=question, value=form.cleaned_data["value"]
            )
            messages.success(request, _("Your answer is saved."))
            return redirect("people:privacy")
        questions.append({"form": form, "consent": consents.get(question)})
    if posted and "withdraw" in request.POST and posted in DemographicField.values:
        services.consent_withdraw(user=request.user, field=posted)
        messages.success(request, _("Consent withdrawn; your answer is erased."))
        return redirect("people:privacy")
    return render(request, "people/privacy.html", {"questions": questions})


@login_required
def data_export(request):
    payload = json.dumps(person_data_export(user=request.user), indent=2, ensure_ascii=False)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="linkage-my-data-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user)
        messages.success(request, _("Your account is deleted."))
        return redirect("/")
    return render(request, "people/account_delete.html", {"form": form})
