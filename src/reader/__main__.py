"""`python -m reader`: the same as the `reader` command."""

import sys

from reader.start import main

sys.exit(main())
