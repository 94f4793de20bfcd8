""" "My Linkage": feature apps add panels to a person's dashboard without people importing
them. A panel provider takes the request and returns a Panel, or None to show nothing."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Panel:
    title: str
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100
    # <link rel="alternate"> the page announces for this panel: (type, href, title) each,
    # e.g. a calendar feed the panel offers.
    alternates: tuple = ()
    # Static stylesheets the panel's template needs (paths for {% static %}).
    stylesheets: tuple = ()


_providers: list[Callable] = []


def register_panel(provider: Callable) -> Callable:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def dashboard_panels(request) -> list[Panel]:
    panels = [p for p in (provider(request) for provider in _providers) if p is not None]
    return sorted(panels, key=lambda panel: panel.order)


# "What you have taken part in": a name and a function of the user returning {kind: count}.
# The participation ledger registers one (impact.apps); people does not import it.
_totals_providers: dict[str, Callable] = {}


def register_totals(name: str, provider: Callable) -> Callable:
    _totals_providers[name] = provider
    return provider


def dashboard_totals(user) -> dict[str, int]:
    totals: dict[str, int] = {}
    for _name, provider in sorted(_totals_providers.items()):
        for kind, count in provider(user).items():
            totals[kind] = totals.get(kind, 0) + count
    return totals
