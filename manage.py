#!/usr/bin/env python
"""Django's command-line utility for Linkage.

``site/`` is a source root, not a package (``site`` is a stdlib module), so it is put on
``sys.path`` here, as cookiecutter-django does with its ``apps/`` folder.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def main() -> None:
    sys.path.insert(0, str(ROOT / "site"))
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
