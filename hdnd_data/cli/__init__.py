"""The ``hdnd`` command: commands.py (one subcommand per job), args.py (arguments checked before anything runs)."""

from hdnd_data.cli.commands import main

__all__ = ["main"]
