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
    locale = babel_locale(language)
    if str(locale) == "en":
        locale = "en_GB"  # the site writes British English: no comma before "and"
    try:
        return format_list(words, locale=locale)
    except (KeyError, ValueError):
        return ", ".join(words)
