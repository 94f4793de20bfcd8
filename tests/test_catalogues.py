"""Every UI string in every language: the catalogues are complete, compiled, honest about
being machine-assisted, and hold every string the code and templates ask for."""

import os
import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils.translation import to_locale

import polib
import pytest

ROOT = Path(settings.ROOT_DIR)
LOCALE = ROOT / "locale"
LANGUAGES = [to_locale(code) for code, _name in settings.LANGUAGES if code != "en"]
# What `make messages` leaves out (Makefile), and what it never needs to read.
IGNORED = [".venv", "tests", "bench", "var", "locale", "node_modules", ".git", "db.sqlite3"]


def _catalogue(language: str) -> polib.POFile:
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    assert path.is_file(), f"{language}: no catalogue at {path}; run make messages"
    return polib.pofile(str(path))


def _key(entry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    po = _catalogue(language)
    untranslated = [e.msgid for e in po.untranslated_entries() if not e.obsolete]
    fuzzy = [e.msgid for e in po.fuzzy_entries() if not e.obsolete]
    assert not untranslated, f"{language}: {len(untranslated)} untranslated: {untranslated[:5]}"
    assert not fuzzy, f"{language}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    assert not po.metadata_is_fuzzy, f"{language}: the catalogue header is marked fuzzy"
    plurals = [e for e in po.translated_entries() if e.msgid_plural]
    forms = int(po.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    short = [e.msgid for e in plurals if len([s for s in e.msgstr_plural.values() if s]) < forms]
    assert not short, f"{language}: plural forms missing for {short[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_machine_assisted_translations_say_they_need_review(language):
    po = _catalogue(language)
    assert "needs review" in po.metadata.get("X-Machine-Assisted", ""), language
    assert "Machine-assisted" in po.header, language
    assert po.metadata["Language"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(language):
    """A .po edited without `make messages` (compilemessages) would not reach anyone."""
    po = _catalogue(language)
    mo_path = LOCALE / language / "LC_MESSAGES" / "django.mo"
    assert mo_path.is_file(), f"{language}: not compiled; run make messages"
    compiled = {_key(e): e.msgstr or e.msgstr_plural for e in polib.mofile(str(mo_path))}
    stale = [
        e.msgid
        for e in po.translated_entries()
        if compiled.get(_key(e)) != (e.msgstr or e.msgstr_plural)
    ]
    assert not stale, f"{language}: {len(stale)} strings differ from the .mo, e.g. {stale[:5]}"


def test_every_string_the_code_asks_for_is_in_the_catalogues(tmp_path):
    """Extract the strings afresh (Django's makemessages over a copy of the sources, so the
    real catalogues are not touched) and look for each in every catalogue."""
    if shutil.which("xgettext") is None:
        pytest.fail("Checking the catalogues needs GNU gettext: apt-get install gettext")
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*IGNORED, "__pycache__", "*.pyc"))
    (copy / "locale").mkdir()
    here = os.getcwd()
    os.chdir(copy)
    try:
        call_command("makemessages", locale=["lt"], verbosity=0, no_obsolete=True)
    finally:
        os.chdir(here)
    extracted = polib.pofile(str(copy / "locale" / "lt" / "LC_MESSAGES" / "django.po"))
    wanted = {_key(e) for e in extracted if not e.obsolete}
    assert len(wanted) > 500, "the extraction found almost nothing: is the copy complete?"
    for language in LANGUAGES:
        have = {_key(e) for e in _catalogue(language) if not e.obsolete}
        missing = sorted(msgid for _ctx, msgid in wanted - have)
        assert not missing, (
            f"{language}: {len(missing)} strings are not in the catalogue (run make messages "
            f"and translate them), e.g. {missing[:5]}"
        )
