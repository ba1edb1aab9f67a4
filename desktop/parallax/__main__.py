"""`python -m parallax` runs the command line."""

import sys

from parallax.cli import main

sys.exit(main())
