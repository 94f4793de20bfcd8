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
