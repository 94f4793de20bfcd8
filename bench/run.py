"""`make bench`: run every bench/bench_*.py, print `name: value unit`, write results.json.

Each module defines ``run() -> list[tuple[name, value, unit]]``. Benchmarks use their own
throw-away SQLite database (or DATABASE_URL's server, in a fresh database) so they never
touch the demo data.
"""

import importlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main() -> int:
    import django
    from django.test.utils import get_runner, setup_test_environment  # noqa: F401

    django.setup()
    import logging
    import warnings

    # Figures only: page-creation logs and WhiteNoise's "no static directory" stay quiet.
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    warnings.filterwarnings("ignore", message="No directory at")
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    settings.DEBUG = False
    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    results: dict[str, dict] = {}
    try:
        only = sys.argv[1:]
        for path in sorted((ROOT / "bench").glob("bench_*.py")):
            if only and path.stem not in only:
                continue
            module = importlib.import_module(f"bench.{path.stem}")
            for name, value, unit in module.run():
                results[name] = {"value": value, "unit": unit}
                print(f"{name}: {value} {unit}", flush=True)
    finally:
        teardown_databases(old, verbosity=0)
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
