"""The demo campaigns in the programmes' languages, one module per language: each holds the
texts of the pages it translates, in the English original's structure (content.py): the
campaigns listing (``INDEX``), the programmes' sections (``SECTIONS``), and the campaigns
(``SIXTEEN_DAYS``, ``COALITION``, ``LITHUANIA``) and coalition partners (``PARTNERS``) read
in that language. They are published as machine-assisted translations (wagtail-localize),
waiting for a native speaker's review like the rest of the demo.

Which campaign in which language: CommunityLinkage's 16 Days in its eight working languages
and in those of the Kosovo programme it is shared with (Albanian, Serbian); the coalition
in its languages (Albanian, Macedonian, Serbian), each partner in its country's; the
Lithuanian campaign in Lithuanian.
"""

from types import ModuleType

from . import ar, el, es, fa, it, lt, mk, sl, sq, sr_latn, uk

LANGUAGES: dict[str, ModuleType] = {
    "lt": lt,
    "sq": sq,
    "sr-latn": sr_latn,
    "ar": ar,
    "es": es,
    "it": it,
    "el": el,
    "sl": sl,
    "mk": mk,
    "uk": uk,
    "fa": fa,
}


def texts(language: str, name: str):
    """The texts ``name`` ("INDEX", "SIXTEEN_DAYS", ...) in ``language``; None when that page
    is not translated into it."""
    module = LANGUAGES.get(language)
    return getattr(module, name, None) if module is not None else None


def languages_of(name: str) -> list[str]:
    """The languages ``name`` is translated into, in the site's order."""
    return [code for code, module in LANGUAGES.items() if hasattr(module, name)]


# Persian writes numbers in its own digits.
_DIGITS = {"fa": str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")}


def year_text(year: int, language: str) -> str:
    return str(year).translate(_DIGITS[language]) if language in _DIGITS else str(year)
