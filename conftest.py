"""Collection: the datatrove adapter is only imported (for its doctests) when datatrove is installed."""

import importlib.util

collect_ignore = []
if importlib.util.find_spec("datatrove") is None:
    collect_ignore.append("src/cleantext/integrations/datatrove.py")
