"""`python -m dashboard`: the package's command line."""

import sys

from .cli import main

sys.exit(main())
