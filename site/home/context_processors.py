from django.urls import reverse

from people.roles import user_role


def linkage(request):
    """What every page's chrome needs: the role for the account menu and the exit URL."""
    return {
        "quick_exit_url": reverse("home:quick_exit"),
        "linkage_role": user_role(getattr(request, "user", None)),
    }
