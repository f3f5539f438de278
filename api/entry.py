"""The installed ``kg`` command's entry point, kept apart from the commands themselves.

Worker processes (query workers, parsing workers) re-import the program that started them
before they run; the program is this small module, so they do not import the whole command
line, the service and the language pipeline again.
"""

from __future__ import annotations


def main() -> None:
    from .cli import main as commands

    commands()
