"""The dependency rule, checked on the source: feature apps import core, people, programmes
and impact; core, people, programmes and impact import no feature app; people does not
import impact or programmes (they plug into people's hooks); programmes does not import
impact (the ledger points at programmes, not the other way); feature apps never import each
other (shared helpers go to core)."""

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
}


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a module imports (relative imports stay inside it)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def forbidden_imports(package_dir: Path, forbidden: tuple[str, ...]) -> list[tuple[str, str]]:
    return sorted(
        (str(path.relative_to(ROOT)), name)
        for path in package_dir.rglob("*.py")
        for name in imported_packages(path) & set(forbidden)
    )


def test_the_checker_finds_imports_at_any_depth(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "import courses.models\n"
        "from events import x\n"
        "from . import impact\n"
        "def f():\n    from mentors.services import y\n"
    )

    assert imported_packages(module) == {"courses", "events", "mentors"}


@pytest.mark.parametrize("package", sorted(RULES))
def test_core_people_and_impact_import_no_forbidden_package(package):
    package_dir, forbidden = RULES[package]

    assert forbidden_imports(package_dir, forbidden) == []


def test_feature_apps_do_not_import_each_other():
    offences = []
    for app in FEATURE_APPS:
        app_dir = ROOT / app
        if app_dir.is_dir():
            others = tuple(other for other in FEATURE_APPS if other != app)
            offences += forbidden_imports(app_dir, others)

    assert offences == []
