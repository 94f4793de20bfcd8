"""Words joined as each language joins them: "Arabic, French and Spanish", Arabic with
"،" and "و", Persian with "،" — CLDR's list patterns through Babel, never a bare ", "."""

from collections.abc import Iterable

from .timezones import babel_locale


def join_list(items: Iterable, language: str | None = None) -> str:
    """``items`` (as text) joined in ``language`` (the active language by default)."""
    from babel.lists import format_list

    words = [str(item) for item in items if str(item)]
    if len(words) < 2:
        return "".join(words)
    try:
        return format_list(words, locale=babel_locale(language))
    except (KeyError, ValueError):
        return ", ".join(words)
