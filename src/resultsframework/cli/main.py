"""
The ``resultsframework`` command.

:func:`main` takes ``argv`` and returns the exit code (0 success, 1 invalid input or a file
that cannot be read or written, 2 usage error), so tests and other tools call it directly.  It
is the one place where what a user can get wrong (a file that does not load or cannot be read
or written, a missing extra, a bad argument) becomes one line on standard error: the commands
raise, and :func:`main` reports.  Anything else is a bug, and is not hidden.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TextIO

import resultsframework as rf

from .arguments import Command, parser
from .console import INPUT, CommandError, Console

__all__ = ["main", "parser"]

INTERRUPTED = 130


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """
    Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit code.

    Args:
        out: Where to write standard output (default: ``sys.stdout``).
        err: Where to write standard error (default: ``sys.stderr``).

    .. versionadded:: 0.1.0
    """
    console = Console(out or sys.stdout, err or sys.stderr)
    try:
        return _run(argv, console)
    except CommandError as e:
        console.error(e.message)
        return e.code
    except rf.LoadError as e:
        for line in e.lines() or [str(e)]:
            console.error(line)
        return INPUT
    except (rf.MissingExtraError, rf.ResultsFrameworkError) as e:
        console.error(f"resultsframework: {e}")
        return INPUT
    except BrokenPipeError:  # the reader went away (| head): nothing more to say, to anyone
        if console.out is sys.stdout:
            _silence(sys.stdout)
        return INPUT
    except OSError as e:
        where = f"{e.filename}: " if e.filename else "resultsframework: "
        console.error(f"{where}{e.strerror or e}")
        return INPUT
    except KeyboardInterrupt:
        console.error("resultsframework: interrupted")
        return INTERRUPTED


def _run(argv: Sequence[str] | None, console: Console) -> int:
    try:
        with contextlib.redirect_stdout(console.out):  # --help and --version
            args = parser().parse(argv)
    except SystemExit as e:  # argparse exits 0 after --help and --version; errors raise CommandError
        return e.code if isinstance(e.code, int) else 0
    run: Command = args.run
    return run(args, console)


def _silence(stream: TextIO) -> None:
    """Point *stream*'s file at /dev/null, so that flushing it at exit does not fail again."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())


if __name__ == "__main__":
    sys.exit(main())
