"""A campaign's colour, kept readable: WCAG 2.2 contrast (1.4.3 text, 1.4.11 components).

Editors choose one accent colour (orange by default, the UNiTE campaign's "Orange the
World"). Text on it is black or white, whichever contrasts more (at least 4.5:1 for any
colour); where the accent marks a component on the white page (the progress bar, the day
highlight's edge) a darker shade of the same hue is used until it reaches 3:1.
"""

import re

UNITE_ORANGE = "#F7941D"
HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(hex_colour: str) -> float:
    r, g, b = (_channel(v) for v in rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(background: str) -> str:
    """Black or white: whichever reads better on ``background`` (always at least 4.5:1)."""
    return (
        "#000000"
        if contrast(background, "#000000") >= contrast(background, "#FFFFFF")
        else "#FFFFFF"
    )


def darken(hex_colour: str, factor: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(v * factor))):02X}" for v in rgb(hex_colour))


def component_on_white(accent: str, *, minimum: float = 3.0) -> str:
    """The accent, darkened step by step until it stands out from white by ``minimum``."""
    colour = accent.upper()
    factor = 1.0
    while contrast(colour, "#FFFFFF") < minimum and factor > 0.05:
        factor -= 0.05
        colour = darken(accent, factor)
    return colour


def text_on_white(accent: str) -> str:
    """The accent darkened until it reads as text on white (4.5:1): headings, links."""
    return component_on_white(accent, minimum=4.5)


def palette(accent: str) -> dict[str, str]:
    accent = accent if HEX.match(accent or "") else UNITE_ORANGE
    return {
        "accent": accent.upper(),
        "on_accent": text_on(accent),
        "edge": component_on_white(accent),
        "ink": text_on_white(accent),
    }
