"""The dependency rule, checked on the source: feature apps import core, people, programmes
and impact; core, people, programmes and impact import no feature app; people does not
import impact or programmes (they plug into people's hooks); programmes does not import
impact (the ledger points at programmes, not the other way); the site's own apps (home,
certificates) import no feature app either (feature apps plug into their hooks).

Feature apps never import each other (shared helpers go to core), with one exception a
real relation demands: a campaign has events, so campaigns may use events, one way only
and only through events' public modules (``ALLOWED``). Events never imports campaigns: the
events listing reads the campaign filter from ``core.event_groups``."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FEATURE_APPS = ("courses", "events", "mentors", "campaigns")
# Where each package lives and what it must never import.
RULES = {
    "people": (ROOT / "site" / "people", ("impact", "programmes", *FEATURE_APPS)),
    "programmes": (ROOT / "site" / "programmes", ("impact", "certificates", *FEATURE_APPS)),
    "core": (ROOT / "site" / "core", ("people", "programmes", "impact", *FEATURE_APPS)),
    "impact": (ROOT / "site" / "impact", FEATURE_APPS),
    "home": (ROOT / "site" / "home", FEATURE_APPS),
    "certificates": (ROOT / "site" / "certificates", FEATURE_APPS),
}
# (importing feature app, module of another feature app it may import): the other app's
# public API, never its models, views or templates' helpers. A module's submodules and
# names count as the module (``events.selectors.events_for_keys``).
ALLOWED = {
    ("campaigns", "events.selectors"),
    ("campaigns", "events.services"),
    ("campaigns", "events.ical"),
    ("campaigns", "events.when"),
}


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a module imports (relative imports stay inside it)."""
    return {name.split(".")[0] for name in imported_modules(path)}


def imported_modules(path: Path) -> set[str]:
    """Every dotted name a module imports, at any depth: ``import a.b`` gives ``a.b``;
    ``from a.b import c`` gives ``a.b.c`` (``c`` may be a module or a name in ``a.b``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def forbidden_imports(package_dir: Path, forbidden: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted(
        (str(path.relative_to(ROOT)), name)
        for path in package_dir.rglob("*.py")
        for name in imported_packages(path) & set(forbidden)
    )


def allowed(importer: str, module: str, allow=ALLOWED) -> bool:
    return any(
        app == importer and (module == public or module.startswith(public + "."))
        for app, public in allow
    )


def cross_imports(root: Path, allow=ALLOWED) -> list[tuple[str, str]]:
    """(file, module) for every import of another feature app's module that ``allow``
    does not list."""
    offences = []
    for app in FEATURE_APPS:
        app_dir = root / app
        if not app_dir.is_dir():
            continue
        for path in app_dir.rglob("*.py"):
            for module in imported_modules(path):
                other = module.split(".")[0]
                if other in FEATURE_APPS and other != app and not allowed(app, module, allow):
                    offences.append((str(path.relative_to(root)), module))
    return sorted(offences)


def test_the_checker_finds_imports_at_any_depth(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "import courses.models\n"
        "from events import x\n"
        "from . import impact\n"
        "def f():\n    from mentors.services import y\n"
    )

    assert imported_packages(module) == {"courses", "events", "mentors"}
    assert imported_modules(module) == {"courses.models", "events.x", "mentors.services.y"}


def test_the_checker_allows_only_the_listed_public_modules_one_way(tmp_path):
    (tmp_path / "campaigns").mkdir()
    (tmp_path / "events").mkdir()
    (tmp_path / "campaigns" / "ok.py").write_text(
        "from events import selectors\n"
        "from events.when import when_text\n"
        "import events.ical\n"
        "def f():\n    from events.services import registration_create\n"
    )
    (tmp_path / "campaigns" / "bad.py").write_text(
        "import events\nfrom events.models import EventPage\nfrom events import forms\n"
    )
    (tmp_path / "events" / "back.py").write_text("from campaigns.selectors import x\n")

    assert cross_imports(tmp_path) == [
        ("campaigns/bad.py", "events"),
        ("campaigns/bad.py", "events.forms"),
        ("campaigns/bad.py", "events.models.EventPage"),
        ("events/back.py", "campaigns.selectors.x"),
    ]


@pytest.mark.parametrize("package", sorted(RULES))
def test_core_people_and_impact_import_no_forbidden_package(package):
    package_dir, forbidden = RULES[package]

    assert forbidden_imports(package_dir, forbidden) == []


def test_feature_apps_import_each_other_only_through_the_allowed_public_modules():
    assert cross_imports(ROOT) == []


def test_the_allowed_imports_are_one_way_between_feature_apps():
    pairs = {(importer, module.split(".")[0]) for importer, module in ALLOWED}

    assert {(a, b) for a, b in pairs if (b, a) in pairs or a == b} == set()
    assert pairs <= {(a, b) for a in FEATURE_APPS for b in FEATURE_APPS}


def test_the_allowed_modules_exist_and_none_is_a_whole_app():
    missing = [
        module
        for _importer, module in sorted(ALLOWED)
        if "." not in module or not (ROOT / (module.replace(".", "/") + ".py")).is_file()
    ]

    assert missing == []


def test_events_never_import_campaigns():
    assert forbidden_imports(ROOT / "events", ("campaigns",)) == []
