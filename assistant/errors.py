"""The project's own errors: one base class, caught once at each face (the CLI's ``main``, the UI's handlers).

Every message is one line for the user that names the setting or file at fault and says what to do. Each error
keeps the builtin base it had before (``ValueError``, ``RuntimeError``, ``LookupError``) so Python API callers
that caught those still do. ``exit_code`` is what ``assistant`` exits with: 2 for what was typed (a question, an
argument, a setting), 1 for the state of files and servers.
"""

from __future__ import annotations

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3  # done; files or servers; what was typed; skipped
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


class AssistantError(Exception):
    """Base of the project's own errors; ``str(error)`` is the one-line message for the user."""

    exit_code: int = 1

    def one_line(self) -> str:
        """The message on one line (whitespace runs, newlines included, squeezed to one space)."""
        return " ".join(str(self).split())


class SettingsError(AssistantError, ValueError):
    """A setting (``ASSISTANT_*`` variable, ``.env`` line or keyword) whose value cannot work; says which and why."""

    exit_code = 2


class UsageError(AssistantError, ValueError):
    """What was typed on the command line cannot be used: an argument missing, or a file or folder it names is
    missing, unreadable or unwritable."""

    exit_code = 2


class IndexWriteFailed(AssistantError, OSError):
    """The index folder cannot be written (disk full, read-only, no permission); the previous index is unchanged."""
