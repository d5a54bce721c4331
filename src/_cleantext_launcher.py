"""The ``cleantext`` console script's entry point: ``cleantext.cli.main`` behind a guard.

Importing the package (the filters, their phrase lists, lxml, dateutil) takes about a tenth of
a second. Ctrl-C in that time raised ``KeyboardInterrupt`` inside an import, before
``cli.main`` could catch it: a traceback and exit status 1. This module imports nothing but
``sys``; the import of the package happens inside the guard, so Ctrl-C at any point exits 130
quietly, as it does once the command runs. (Kept outside the package: any module inside it
imports the package first.)
"""

import sys


def main() -> int:
    try:
        from cleantext.cli import main as cli_main
    except KeyboardInterrupt:
        try:
            sys.stderr.write("\n")
        except (OSError, ValueError):
            pass
        return 130
    return cli_main()
