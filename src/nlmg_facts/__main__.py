"""``python -m nlmg_facts``."""

import sys

from .cli import main

sys.exit(main())
