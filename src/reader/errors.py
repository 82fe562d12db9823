"""Errors a user can cause and fix, shown as one clear line, never as a traceback."""


class UserError(Exception):
    """A problem the user can fix (a missing file, undecodable data, a bad option value).

    The CLI prints `reader: <message>` on stderr and exits with status 2; the app shows the
    message on screen.
    """
