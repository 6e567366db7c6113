"""``python -m hdnd_data.cli``: the ``hdnd`` command."""

import sys

from hdnd_data.cli.commands import main

sys.exit(main())
