"""Python's own import function, kept from before PySide6 replaces it.

Importing PySide6 swaps `builtins.__import__` for a hook that, for each module imported
from then on, reads the module's source file to see whether it uses PySide's
`__feature__` switches. For the ~200 modules of the data layer (SQLAlchemy and ours,
none of which touches Qt) that is ~0.1 s of start-up spent reading files. This module
must be imported before PySide6 for `PYTHON_IMPORT` to be Python's; when it is not, the
hook stays in place and `python_imports()` changes nothing.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from contextlib import contextmanager

PYTHON_IMPORT = builtins.__import__


@contextmanager
def python_imports() -> Iterator[None]:
    """Import with Python's own function for the duration; the hook is put back after,
    unless someone else replaced it in the meantime."""
    hooked = builtins.__import__
    builtins.__import__ = PYTHON_IMPORT
    try:
        yield
    finally:
        if builtins.__import__ is PYTHON_IMPORT:
            builtins.__import__ = hooked
