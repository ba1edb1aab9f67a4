"""Errors split by whose fault they are: the user's situation (show it) or ours (report it)."""


class ParallaxError(Exception):
    """Base of every error Parallax raises on purpose."""


class KnownError(ParallaxError):
    """Something the user can act on: a locked file, a full disk, a bad input file.

    The message is shown as it is, so it names the file and says what to do.
    """


class NotFoundError(KnownError):
    """An id that names nothing in this project (deleted, or from another project)."""


class InvalidInputError(KnownError):
    """Arguments that break a rule of the domain: an empty span, credibility 9."""


class SchemaTooNewError(KnownError):
    """The project was written by a newer Parallax than this one."""


class ImportFailedError(KnownError):
    """One file could not be imported; the project is unchanged for it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class BugError(ParallaxError):
    """A broken invariant inside Parallax: report it."""
